import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { findTransition, type DossierDto } from '@motcua/shared';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { Clock } from '../../common/clock.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { pgError, UNIQUE_VIOLATION } from '../identity/pg-errors.js';
import { UsersService, type WalkInApplicant } from '../identity/users.service.js';
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
 * agency, linked to the citizen record of the applicant's national ID (created without a
 * password when new, so the dossier is in their list once they register or log in), and
 * received at once.
 */
@Injectable()
export class CounterService {
  constructor(
    private readonly ds: DataSource,
    private readonly dossiers: DossiersRepository,
    private readonly workflow: DossierWorkflowService,
    private readonly reader: DossiersService,
    private readonly catalog: CatalogService,
    private readonly users: UsersService,
    private readonly clock: Clock,
  ) {}

  async intake(input: CounterIntakeInput, receptionist: AuthUser): Promise<DossierDto> {
    const agencyCode = receptionist.agencyCode;
    if (!agencyCode) throw DossierError.noAgency();
    const procedure = await this.catalog.findProcedureVersion(input.procedureCode);
    if (!procedure) throw DossierError.unknownProcedure(input.procedureCode);
    if (!procedure.agencyCodes.includes(agencyCode)) {
      throw DossierError.agencyNotHandling(agencyCode, procedure.code, 'procedureCode');
    }
    const formData = validateForm(this.catalog.validatorsOf(procedure).form, input.formData);

    let id: string | undefined;
    for (let attempt = 0; id === undefined; attempt++) {
      try {
        id = await this.ds.transaction(async (m) => {
          const applicant = await this.users.findOrCreateWalkInCitizen(input.applicant, m);
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
          return dossierId;
        });
      } catch (e) {
        // Two desks registering the same new citizen at once: the loser finds the record on retry.
        if (attempt === 0 && pgError(e).code === UNIQUE_VIOLATION) continue;
        throw e;
      }
    }
    return this.reader.getDetail(id, receptionist);
  }

  /**
   * The submit on the applicant's behalf (the desk is their hand: no outbox message, the receipt
   * follows at once), then the receptionist's ordinary `receive`.
   */
  private async submitAndReceive(dossierId: string, receptionist: AuthUser, m: EntityManager): Promise<void> {
    const draft = (await this.dossiers.findWithNamesById(dossierId, m))!;
    const now = this.clock.now();
    const code = await this.workflow.assignCode(draft.agencyCode, now, m);
    const submitted = await this.workflow.commitTransition(
      m,
      draft,
      'submit',
      findTransition('DRAFT', 'submit')!,
      { ...receptionist, roles: ['RECEPTIONIST'] },
      draft.version,
      { code, submittedAt: now },
      COUNTER_SUBMIT_NOTE,
      now,
      false,
    );
    await this.workflow.applyAction(dossierId, 'receive', receptionist, submitted.version, { manager: m });
  }
}
