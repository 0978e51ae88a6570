import { Init1764200000000 } from './1764200000000-init.js';
import { Agency1764210000000 } from './1764210000000-agency.js';
import { Identity1764300000000 } from './1764300000000-identity.js';
import { Catalog1764400000000 } from './1764400000000-catalog.js';
import { Outbox1764500000000 } from './1764500000000-outbox.js';
import { Dossiers1764600000000 } from './1764600000000-dossiers.js';
import { Reports1764700000000 } from './1764700000000-reports.js';
import { QueueAssignee1764800000000 } from './1764800000000-queue-assignee.js';
import { RateLimit1764900000000 } from './1764900000000-rate-limit.js';
import { ReportLiveStreams1765000000000 } from './1765000000000-report-live-streams.js';
import { IdentityAssurance1765300000000 } from './1765300000000-identity-assurance.js';
import { CounterClaim1765310000000 } from './1765310000000-counter-claim.js';
import { TrackingTokenUploadQuota1765400000000 } from './1765400000000-tracking-token-upload-quota.js';
import { KeyedAuditChain1765500000000 } from './1765500000000-keyed-audit-chain.js';
import { LocalDateZone1765700000000 } from './1765700000000-local-date-zone.js';
import { ModuleReadViews1765800000000 } from './1765800000000-module-read-views.js';
import { DossierTimeFacts1765900000000 } from './1765900000000-dossier-time-facts.js';
import { TimeFactViews1765950000000 } from './1765950000000-time-fact-views.js';
import { Payments1766000000000 } from './1766000000000-payments.js';
import { DossierResult1766100000000 } from './1766100000000-dossier-result.js';
import { EndToEndFigures1766200000000 } from './1766200000000-end-to-end-figures.js';
import { CloseOnlineLoop1766300000000 } from './1766300000000-close-online-loop.js';
import { Notifications1766500000000 } from './1766500000000-notifications.js';
import { SlaApologies1766600000000 } from './1766600000000-sla-apologies.js';
import { DraftAttachmentRemoval1766700000000 } from './1766700000000-draft-attachment-removal.js';
import { AgencyContact1766800000000 } from './1766800000000-agency-contact.js';
import { ApplicantNameSearch1766900000000 } from './1766900000000-applicant-name-search.js';
import { AssignedLoadView1766900000001 } from './1766900000001-assigned-load-view.js';
import { PersonalDataRetention1767200000000 } from './1767200000000-personal-data-retention.js';
import { ApologyLetterErasure1767300000000 } from './1767300000000-apology-letter-erasure.js';

/** Every migration, in order. A new one is appended here; a merged one is never edited. */
export const MIGRATIONS = [
  Init1764200000000,
  Agency1764210000000,
  Identity1764300000000,
  Catalog1764400000000,
  Outbox1764500000000,
  Dossiers1764600000000,
  Reports1764700000000,
  QueueAssignee1764800000000,
  RateLimit1764900000000,
  ReportLiveStreams1765000000000,
  IdentityAssurance1765300000000,
  CounterClaim1765310000000,
  TrackingTokenUploadQuota1765400000000,
  KeyedAuditChain1765500000000,
  LocalDateZone1765700000000,
  ModuleReadViews1765800000000,
  DossierTimeFacts1765900000000,
  TimeFactViews1765950000000,
  Payments1766000000000,
  DossierResult1766100000000,
  EndToEndFigures1766200000000,
  CloseOnlineLoop1766300000000,
  Notifications1766500000000,
  SlaApologies1766600000000,
  DraftAttachmentRemoval1766700000000,
  AgencyContact1766800000000,
  ApplicantNameSearch1766900000000,
  AssignedLoadView1766900000001,
  PersonalDataRetention1767200000000,
  ApologyLetterErasure1767300000000,
];
