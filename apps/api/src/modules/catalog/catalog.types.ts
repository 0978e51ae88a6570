import type { AgencyLevel, FormSchema, HolidayKind, OnlineLevel, RequiredDocument } from '@motcua/shared';

/** What other modules get from the catalog (plain data, no entities). */

export interface AgencyView {
  code: string;
  name: string;
  nameEn: string | null;
  level: AgencyLevel;
  parentCode: string | null;
  address: string | null;
  phone: string | null;
  openingHours: string | null;
  openingHoursEn: string | null;
}

export interface SectorView {
  code: string;
  name: string;
  nameEn: string | null;
}

export interface ProcedureSummaryView {
  code: string;
  name: string;
  nameEn: string | null;
  sectorCode: string;
  onlineLevel: OnlineLevel;
  processingDays: number;
  fee: number;
}

/** One published version of a procedure: the rules a dossier filed under it keeps. */
export interface ProcedureVersionView extends ProcedureSummaryView {
  version: number;
  /** The procedure's latest version (equal to `version` when this one is current). */
  currentVersion: number;
  agencyCodes: string[];
  requiredDocuments: RequiredDocument[];
  formSchema: FormSchema;
  description: string | null;
  descriptionEn: string | null;
  legalBasis: string | null;
  result: string | null;
  resultEn: string | null;
  feeNote: string | null;
  feeNoteEn: string | null;
  publishedAt: Date;
}

export interface HolidayView {
  date: string;
  name: string;
  nameEn: string | null;
  kind: HolidayKind;
}

export interface ProcedureSearch {
  /** Already cleaned (no NUL, capped); empty = no text filter. */
  q?: string;
  sectorCode?: string;
  agencyCode?: string;
  onlineLevel?: OnlineLevel;
  limit: number;
  offset: number;
}
