import { createHash, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  assignmentOf,
  availableActions,
  DOSSIER_LIST_LIMIT_DEFAULT,
  IDEMPOTENCY_KEY_MAX_LENGTH,
  zodFieldErrors,
  type AuditResponse,
  type CreateDossierResponse,
  type DossierAction,
  type DossierActionRequest,
  type DossierDto,
  type DossierListQuery,
  type DossierListResponse,
  type RatingDto,
  type SubmitDossierResponse,
  type TrackingDto,
} from '@motcua/shared';
import { z } from 'zod';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { Clock } from '../../common/clock.js';
import { RATE_LIMITS } from '../../common/rate-limit/rate-limit.rules.js';
import { RateLimitService } from '../../common/rate-limit/rate-limit.service.js';
import { AuditService } from '../audit/audit.service.js';
import { canonicalJson } from '../audit/hash-chain.js';
import { CatalogService } from '../catalog/catalog.service.js';
import type { ProcedureVersionView } from '../catalog/catalog.types.js';
import { AgencyScopeService } from '../identity/agency-scope.service.js';
import { AttachmentsRepository } from './attachments.repository.js';
import { canSeeDossier, isUuid, type AgencyScope } from './dossier-access.js';
import { DossierEventsRepository } from './dossier-events.repository.js';
import { DossierTransitionHooks, snapshotOf } from './dossier-transition-hooks.js';
import { DossierWorkflowService, formErrors } from './dossier-workflow.service.js';
import { DossierError } from './dossiers.errors.js';
import {
  dossierSla,
  toAuditEvents,
  toDossierDto,
  toDossierSummary,
  toRatingDto,
  toTrackingDto,
} from './dossiers.mapper.js';
import { DossiersRepository, type DossierListScope } from './dossiers.repository.js';
import { IdempotencyKeysRepository } from './idempotency-keys.repository.js';
import type { DeliveryMethod, DossierEventRow, DossierWithNames } from './dossiers.types.js';

export interface CreateDraftInput {
  procedureCode: string;
  agencyCode?: string;
  formData: Record<string, unknown>;
  deliveryMethod?: DeliveryMethod;
  postalAddress?: string;
}

export interface UpdateDraftInput {
  formData?: Record<string, unknown>;
  agencyCode?: string;
  version?: number;
  deliveryMethod?: DeliveryMethod;
  postalAddress?: string;
}

const cursorSchema = z.strictObject({ t: z.iso.datetime({ precision: 6 }), i: z.uuid() });

function encodeCursor(createdAt: string, id: string): string {
  return Buffer.from(JSON.stringify({ t: createdAt, i: id })).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: string; id: string } {
  try {
    const parsed = cursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return { createdAt: parsed.t, id: parsed.i };
  } catch {
    throw DossierError.invalidCursor();
  }
}

/** Compare a presented token with the stored one in constant time (hashes first: equal lengths). */
function sameSecret(presented: string, stored: string): boolean {
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(stored).digest();
  return timingSafeEqual(a, b);
}

// Visible ASCII only: the key is echoed nowhere, but it is stored and compared byte for byte.
const IDEMPOTENCY_KEY = new RegExp(`^[\\x21-\\x7e]{1,${IDEMPOTENCY_KEY_MAX_LENGTH}}$`);

/**
 * Citizens' and staff's dossier use cases: drafts, reading (detail, list, audit, tracking), the
 * idempotent submit, actions, rating. Status changes go through DossierWorkflowService.applyAction.
 */
@Injectable()
export class DossiersService {
  constructor(
    private readonly ds: DataSource,
    private readonly dossiers: DossiersRepository,
    private readonly events: DossierEventsRepository,
    private readonly attachments: AttachmentsRepository,
    private readonly idempotency: IdempotencyKeysRepository,
    private readonly workflow: DossierWorkflowService,
    private readonly catalog: CatalogService,
    private readonly scopes: AgencyScopeService,
    private readonly hooks: DossierTransitionHooks,
    private readonly rateLimits: RateLimitService,
    private readonly clock: Clock,
    private readonly auditChain: AuditService,
  ) {}

  // ---- Drafts ----

  async createDraft(user: AuthUser, input: CreateDraftInput): Promise<CreateDossierResponse> {
    const procedure = await this.catalog.findProcedureVersion(input.procedureCode);
    if (!procedure) throw DossierError.unknownProcedure(input.procedureCode);
    const agencyCode = this.agencyFor(procedure, input.agencyCode);
    const formData = this.checkDraftForm(procedure, {}, input.formData);
    const id = await this.dossiers.insert(
      {
        procedureCode: procedure.code,
        procedureVersion: procedure.version,
        agencyCode,
        applicantId: user.id,
        channel: 'ONLINE',
        formData,
        onlineLevel: procedure.onlineLevel,
        sectorCode: procedure.sectorCode,
        processingDays: procedure.processingDays,
        fee: procedure.fee,
        at: this.clock.now(),
        deliveryMethod: input.deliveryMethod,
        postalAddress: input.postalAddress ?? null,
      },
      'DRAFT',
    );
    return { id, status: 'DRAFT', version: 1 };
  }

  /** PATCH: form data merged into the draft's (null removes a key), checked for shape only. */
  async updateDraft(id: string, user: AuthUser, input: UpdateDraftInput): Promise<DossierDto> {
    const d = await this.findOwn(id, user);
    if (d.status !== 'DRAFT') throw DossierError.notDraft(d.status);
    if (input.version !== undefined && input.version !== d.version) throw DossierError.staleVersion(input.version);
    const procedure = await this.catalog.getProcedureVersion(d.procedureCode, d.procedureVersion);
    const agencyCode = input.agencyCode === undefined ? d.agencyCode : this.agencyFor(procedure, input.agencyCode);
    const formData = this.checkDraftForm(procedure, d.formData, input.formData ?? {});
    const version = input.version ?? d.version;
    const delivery = { deliveryMethod: input.deliveryMethod, postalAddress: input.postalAddress };
    const updated = await this.dossiers.updateDraft(
      id,
      version,
      { formData, agencyCode, ...delivery },
      this.clock.now(),
    );
    if (updated === null) {
      const now = await this.dossiers.findById(id);
      throw now && now.status !== 'DRAFT' ? DossierError.notDraft(now.status) : DossierError.staleVersion(version);
    }
    return this.getDetail(id, user);
  }

  // ---- Reading ----

  async getDetail(id: string, user: AuthUser): Promise<DossierDto> {
    const scope = await this.scopes.agencyCodesInScope(user);
    return this.detailOf(await this.findVisible(id, user, scope), user);
  }

  /** The detail of a dossier already read (or just written) and visible to the user. */
  private async detailOf(d: DossierWithNames, user: AuthUser): Promise<DossierDto> {
    const [attachments, events, rating, result, calendar] = await Promise.all([
      this.attachments.findByDossier(d.id),
      this.events.findByDossier(d.id),
      this.dossiers.findRating(d.id),
      this.dossiers.findResult(d.id),
      this.catalog.getWorkingCalendar(),
    ]);
    // The applicant sees the result once it is returned (as GET result.pdf serves it); staff
    // (whoever else may see the dossier) any time.
    const isApplicant = d.applicantId === user.id;
    const resultShown = result && (!isApplicant || (d.status === 'RETURNED' && result.signed)) ? result : null;
    return toDossierDto({
      dossier: d,
      attachments,
      events,
      rating,
      result: resultShown,
      sla: dossierSla(d, this.clock.now(), calendar),
      availableActions: availableActions(d.status, {
        roles: user.roles,
        isApplicant: d.applicantId === user.id,
        assignment: assignmentOf(d.assigneeId, user.id),
      }),
    });
  }

  /** Citizens: their own dossiers (drafts included); staff: their agency scope's submitted ones. Newest first. */
  async list(user: AuthUser, query: DossierListQuery): Promise<DossierListResponse> {
    const limit = query.limit ?? DOSSIER_LIST_LIMIT_DEFAULT;
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;
    const scope: DossierListScope = user.roles.includes('CITIZEN')
      ? { applicantId: user.id }
      : { agencyCodes: await this.scopes.agencyCodesInScope(user) };
    const [rows, calendar] = await Promise.all([
      this.dossiers.findPage({ scope, status: query.status, procedureCode: query.procedureCode, after, limit }),
      this.catalog.getWorkingCalendar(),
    ]);
    const page = rows.slice(0, limit);
    const now = this.clock.now();
    const last = page[page.length - 1];
    return {
      items: page.map((d) => toDossierSummary(d, dossierSla(d, now, calendar))),
      nextCursor: rows.length > limit && last ? encodeCursor(last.cursorAt, last.id) : null,
    };
  }

  /**
   * The timeline's keyed chain checked with the audit key: every link, the dossier row and its
   * attachments against the state the last link sealed, and the last published head.
   */
  async audit(id: string, user: AuthUser): Promise<AuditResponse> {
    const scope = await this.scopes.agencyCodesInScope(user);
    const d = await this.findVisible(id, user, scope);
    const audited = await this.auditChain.auditDossier(d.id);
    if (!audited) throw DossierError.notFound();
    const { check, events } = audited;
    return {
      valid: check.valid,
      firstInvalidIndex: check.firstInvalidIndex,
      reason: check.reason,
      events: toAuditEvents(events as unknown as DossierEventRow[]),
    };
  }

  /**
   * Public tracking, limited per address (codes are sequential: the limit bounds walking them).
   * With the receipt's token the answer adds the public timeline; a wrong token gets exactly the
   * answer without one, so it confirms nothing more than the code alone does.
   */
  async track(code: string, token: string | undefined, address: string): Promise<TrackingDto> {
    await this.rateLimits.enforce(RATE_LIMITS.trackingByAddress, address);
    const d = code.length <= 100 ? await this.dossiers.findTrackingByCode(code) : null;
    if (!d || d.status === 'DRAFT') throw DossierError.trackingNotFound();
    if (!token || !sameSecret(token, d.trackingToken)) return toTrackingDto(d);
    return toTrackingDto(d, await this.events.findByDossier(d.id));
  }

  // ---- Status changes ----

  /**
   * Submit with an Idempotency-Key (per user): the first answer is stored in the same transaction
   * as the submission; the same key and request again get it back and change nothing; the same key
   * with another request is 422. A failed submission stores nothing, so it may be retried.
   */
  async submit(
    id: string,
    user: AuthUser,
    key: string | undefined,
    body: { version?: number },
  ): Promise<SubmitDossierResponse> {
    if (key === undefined || key === '') throw DossierError.idempotencyKeyRequired();
    if (!IDEMPOTENCY_KEY.test(key)) throw DossierError.idempotencyKeyInvalid();
    const requestHash = createHash('sha256')
      .update(canonicalJson({ route: 'submit', dossierId: id, version: body.version ?? null }))
      .digest('hex');
    if (!isUuid(id)) throw DossierError.notFound();
    return this.ds.transaction(async (m) => {
      if (!(await this.idempotency.claim(user.id, key, requestHash, this.clock.now(), m))) {
        const stored = await this.idempotency.find(user.id, key, m);
        if (!stored || stored.requestHash !== requestHash || stored.response === null) {
          throw DossierError.idempotencyKeyReused();
        }
        // jsonb keeps keys in its own order: rebuild the answer so a replay is byte-identical.
        const r = stored.response as SubmitDossierResponse;
        return { id: r.id, code: r.code, status: r.status, submittedAt: r.submittedAt, version: r.version };
      }
      const after = await this.workflow.applyAction(id, 'submit', user, body.version, { manager: m });
      const answer: SubmitDossierResponse = {
        id: after.id,
        code: after.code!,
        status: 'SUBMITTED',
        submittedAt: after.submittedAt!.toISOString(),
        version: after.version,
      };
      await this.idempotency.saveAnswer(user.id, key, 200, answer, m);
      return answer;
    });
  }

  /** POST /dossiers/{id}/actions: a staff action, answered with the dossier. */
  async takeAction(id: string, user: AuthUser, body: DossierActionRequest): Promise<DossierDto> {
    if (!isUuid(id)) throw DossierError.notFound();
    // The transition answers the row it wrote (with its names): the dossier is not read again.
    const after = await this.workflow.applyAction(id, body.action, user, body.version, {
      note: body.note,
      assigneeId: body.assigneeId,
      newDueDate: body.newDueDate,
    });
    return this.detailOf(after, user);
  }

  /** The applicant's withdraw and supplement, answered with the dossier. */
  async applicantAction(
    id: string,
    user: AuthUser,
    action: Extract<DossierAction, 'withdraw' | 'supplement'>,
    body: { note?: string; version?: number },
  ): Promise<DossierDto> {
    if (!isUuid(id)) throw DossierError.notFound();
    const after = await this.workflow.applyAction(id, action, user, body.version, { note: body.note });
    return this.detailOf(after, user);
  }

  /** Once, by the applicant, after the result is returned. */
  async rate(id: string, user: AuthUser, body: { score: number; comment?: string }): Promise<RatingDto> {
    const d = await this.findOwn(id, user);
    if (d.status !== 'RETURNED') throw DossierError.notRatable(d.status);
    const at = this.clock.now();
    return this.ds.transaction(async (m) => {
      const rating = await this.dossiers.insertRating(
        { dossierId: d.id, score: body.score, comment: body.comment?.trim() || null, at },
        m,
      );
      if (!rating) throw DossierError.alreadyRated();
      await this.hooks.runRating(m, { dossier: snapshotOf(d), score: rating.score, at });
      return toRatingDto(rating);
    });
  }

  // ---- Internals ----

  /** A dossier the user may see, or 404. */
  async findVisible(id: string, user: AuthUser, scope: AgencyScope): Promise<DossierWithNames> {
    const d = isUuid(id) ? await this.dossiers.findWithNamesById(id) : null;
    if (!d || !canSeeDossier(user, scope, d)) throw DossierError.notFound();
    return d;
  }

  /** A dossier with its names, read in `m` with no caller check (other modules' in-transaction hooks). */
  async findWithNames(id: string, m: EntityManager): Promise<DossierWithNames | null> {
    return this.dossiers.findWithNamesById(id, m);
  }

  /** A dossier by its code, with its names, read in `m` with no caller check (the demo command). */
  async findWithNamesByCode(code: string, m: EntityManager): Promise<DossierWithNames | null> {
    return this.dossiers.findWithNamesByCode(code, m);
  }

  /** A dossier of which the user is the applicant, or 404. */
  private async findOwn(id: string, user: AuthUser): Promise<DossierWithNames> {
    const d = isUuid(id) ? await this.dossiers.findWithNamesById(id) : null;
    if (!d || d.applicantId !== user.id) throw DossierError.notFound();
    return d;
  }

  private agencyFor(procedure: ProcedureVersionView, agencyCode: string | undefined): string {
    if (agencyCode === undefined) return procedure.agencyCodes[0];
    if (!procedure.agencyCodes.includes(agencyCode)) {
      throw DossierError.agencyNotHandling(agencyCode, procedure.code, 'agencyCode');
    }
    return agencyCode;
  }

  /** Merge a draft's form data (null removes a key) and check the result for shape only. */
  private checkDraftForm(
    procedure: ProcedureVersionView,
    current: Record<string, unknown>,
    patch: Record<string, unknown>,
  ): Record<string, unknown> {
    const result = this.catalog.validatorsOf(procedure).draft.safeParse(patch);
    if (!result.success) throw DossierError.formInvalid(formErrors(zodFieldErrors(result.error)));
    const merged: Record<string, unknown> = { ...current };
    for (const [k, v] of Object.entries(patch)) {
      if (v === null) delete merged[k];
      else if (v !== undefined) merged[k] = v;
    }
    return merged;
  }
}
