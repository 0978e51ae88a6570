import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { CounterIntakeResponse, DossierDto } from '@motcua/shared';
import type { AuthUser } from '../../common/auth/auth-user.js';
import type { RequestOrigin } from '../../common/auth/authenticator.js';
import { Clock } from '../../common/clock.js';
import { RATE_LIMITS } from '../../common/rate-limit/rate-limit.rules.js';
import { RateLimitService } from '../../common/rate-limit/rate-limit.service.js';
import { SecurityEventsService } from '../identity/security-events.service.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { pgError, UNIQUE_VIOLATION } from '../identity/pg-errors.js';
import { UsersService, type WalkInApplicant } from '../identity/users.service.js';
import { hashClaimCode, newClaimCode, normalizeClaimCode } from './claim-code.js';
import { CounterClaimsRepository } from './counter-claims.repository.js';
import { DossierWorkflowService, validateForm } from './dossier-workflow.service.js';
import { DossierError } from './dossiers.errors.js';
import { DossiersRepository } from './dossiers.repository.js';
import { DossiersService } from './dossiers.service.js';

export interface CounterIntakeInput {
  procedureCode: string;
  applicant: WalkInApplicant;
  formData: Record<string, unknown>;
}

/** The note of the submit event of a walk-in dossier (the desk files it for the applicant). */
const COUNTER_SUBMIT_NOTE = 'Nộp trực tiếp tại Bộ phận Một cửa';

/**
 * Walk-in dossiers (api.md, POST /counter/dossiers): registered by a receptionist at their own
 * agency and received at once, filed under the verified account of the applicant's national ID
 * or else its walk-in record, with a one-time claim code printed on the receipt. The dossier
 * joins a citizen's account only through a proven identity: that code (POST /dossiers/claim) or
 * a digital-citizen login carrying the national ID (UsersService adopts the walk-in record).
 */
@Injectable()
export class CounterService implements OnModuleInit {
  constructor(
    private readonly ds: DataSource,
    private readonly dossiers: DossiersRepository,
    private readonly workflow: DossierWorkflowService,
    private readonly reader: DossiersService,
    private readonly catalog: CatalogService,
    private readonly users: UsersService,
    private readonly clock: Clock,
    private readonly claims: CounterClaimsRepository,
    private readonly limits: RateLimitService,
    private readonly events: SecurityEventsService,
  ) {}

  onModuleInit(): void {
    // A digital-citizen login proves the national ID: every counter dossier of its walk-in record joins the account.
    this.users.onWalkInAdopted(async (walkInId, accountId, m) => {
      const now = this.clock.now();
      const moved = await this.claims.moveApplicant(walkInId, accountId, now, m);
      await this.workflow.recordApplicantChange(m, moved, accountId, now);
    });
  }

  async intake(input: CounterIntakeInput, receptionist: AuthUser): Promise<CounterIntakeResponse> {
    const agencyCode = receptionist.agencyCode;
    if (!agencyCode) throw DossierError.noAgency();
    const procedure = await this.catalog.findProcedureVersion(input.procedureCode);
    if (!procedure) throw DossierError.unknownProcedure(input.procedureCode);
    if (!procedure.agencyCodes.includes(agencyCode)) {
      throw DossierError.agencyNotHandling(agencyCode, procedure.code, 'procedureCode');
    }
    const formData = validateForm(this.catalog.validatorsOf(procedure).form, input.formData);

    // Shown once, to be printed on the receipt; only its hash is kept.
    const claimCode = newClaimCode();
    let id: string | undefined;
    for (let attempt = 0; id === undefined; attempt++) {
      try {
        id = await this.ds.transaction(async (m) => {
          const applicant = await this.users.counterApplicant(input.applicant, m);
          const dossierId = await this.dossiers.insert(
            {
              procedureCode: procedure.code,
              procedureVersion: procedure.version,
              agencyCode,
              applicantId: applicant.id,
              channel: 'COUNTER',
              formData,
              onlineLevel: procedure.onlineLevel,
              sectorCode: procedure.sectorCode,
              processingDays: procedure.processingDays,
              fee: procedure.fee,
              at: this.clock.now(),
            },
            'DRAFT',
            m,
          );
          await this.submitAndReceive(dossierId, receptionist, m);
          await this.claims.insert(dossierId, hashClaimCode(normalizeClaimCode(claimCode)!), this.clock.now(), m);
          return dossierId;
        });
      } catch (e) {
        // Two desks registering the same new citizen at once: the loser finds the record on retry.
        if (attempt === 0 && pgError(e).code === UNIQUE_VIOLATION) continue;
        throw e;
      }
    }
    return { ...(await this.reader.getDetail(id, receptionist)), claimCode };
  }

  /**
   * POST /dossiers/claim: the citizen brings a counter dossier into their account with the code
   * of its receipt. The code is spent once, and only by the account of the dossier's national ID;
   * any other code, or another person's, is 404. Limited per account and per address, so codes
   * cannot be walked.
   */
  async claim(code: string, user: AuthUser, origin: Pick<RequestOrigin, 'ip'>): Promise<DossierDto> {
    await this.limits.enforce(RATE_LIMITS.claimByUser, user.id);
    if (origin.ip) await this.limits.enforce(RATE_LIMITS.claimByAddress, origin.ip);
    const normalized = normalizeClaimCode(code);
    const claimer = await this.users.getById(user.id);
    const dossierId =
      normalized && claimer.nationalId
        ? await this.ds.transaction(async (m) => {
            const open = await this.claims.findOpenForUpdate(hashClaimCode(normalized), m);
            if (!open || open.applicantNationalId !== claimer.nationalId) return null;
            const now = this.clock.now();
            if (open.applicantId !== claimer.id) {
              if (!open.applicantIsWalkIn) return null;
              const moved = await this.claims.moveApplicant(open.applicantId, claimer.id, now, m, open.dossierId);
              await this.workflow.recordApplicantChange(m, moved, claimer.id, now);
            }
            await this.claims.markClaimed(open.dossierId, claimer.id, now, m);
            return open.dossierId;
          })
        : null;
    if (!dossierId) throw DossierError.notFound();
    await this.events.record('DOSSIER_CLAIMED', {
      userId: claimer.id,
      username: claimer.username,
      detail: { dossierId },
    });
    return this.reader.getDetail(dossierId, user);
  }

  /**
   * Both through the action engine and the shared transition table: the desk's `counter_submit`
   * of the walk-in draft on the applicant's behalf (the desk is their hand: no outbox message, the
   * receipt follows at once), then the receptionist's ordinary `receive`.
   */
  private async submitAndReceive(dossierId: string, receptionist: AuthUser, m: EntityManager): Promise<void> {
    const submitted = await this.workflow.applyAction(dossierId, 'submit', receptionist, undefined, {
      manager: m,
      note: COUNTER_SUBMIT_NOTE,
      notify: false,
    });
    await this.workflow.applyAction(dossierId, 'receive', receptionist, submitted.version, { manager: m });
  }
}
