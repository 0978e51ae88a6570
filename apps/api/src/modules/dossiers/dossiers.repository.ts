import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { DossierStatus } from '@motcua/shared';
import type {
  DeliveryMethod,
  DossierChange,
  DossierResultRow,
  DossierRow,
  DossierWithNames,
  RatingRow,
} from './dossiers.types.js';

const COLUMNS = `d.id, d.code, d.procedure_code AS "procedureCode", d.procedure_version AS "procedureVersion",
  d.agency_code AS "agencyCode", d.applicant_id AS "applicantId", d.channel, d.status, d.version,
  d.form_data AS "formData", d.online_level AS "onlineLevel", d.sector_code AS "sectorCode",
  d.processing_days AS "processingDays", d.fee, d.fee_paid_at AS "feePaidAt", d.fee_paid_online AS "feePaidOnline",
  d.fee_status AS "feeStatus", d.fee_receipt_no AS "feeReceiptNo", d.delivery_method AS "deliveryMethod",
  d.postal_address AS "postalAddress",
  d.submitted_at AS "submittedAt", d.received_at AS "receivedAt", d.due_at AS "dueAt",
  d.completed_at AS "completedAt", d.returned_at AS "returnedAt",
  d.supplement_requested_at AS "supplementRequestedAt", d.paused_working_days AS "pausedWorkingDays",
  d.decided_outcome AS "decidedOutcome", d.processing_working_days AS "processingWorkingDays", d.assignee_id AS "assigneeId",
  d.end_to_end AS "endToEnd", d.digitised, d.appointment_at AS "appointmentAt",
  d.last_event_seq AS "lastEventSeq", d.last_event_hash AS "lastEventHash",
  d.created_at AS "createdAt", d.updated_at AS "updatedAt"`;

const NAMES = `pv.name AS "procedureName", a.name AS "agencyName", a.level AS "agencyLevel",
  pa.name AS "agencyParentName", u.full_name AS "applicantName", u.email AS "applicantEmail",
  u.national_id AS "applicantNationalId", u.phone AS "applicantPhone", asg.full_name AS "assigneeName",
  (pv.result_template IS NOT NULL) AS "hasResultTemplate"`;

const NAME_JOINS = `
  JOIN procedure_version pv ON pv.procedure_code = d.procedure_code AND pv.version = d.procedure_version
  JOIN agency a ON a.code = d.agency_code
  LEFT JOIN agency pa ON pa.code = a.parent_code
  JOIN app_user u ON u.id = d.applicant_id
  LEFT JOIN app_user asg ON asg.id = d.assignee_id`;

/** The columns a change may set, by DossierChange key. */
const CHANGE_COLUMNS: Record<keyof DossierChange, string> = {
  code: 'code',
  submittedAt: 'submitted_at',
  receivedAt: 'received_at',
  dueAt: 'due_at',
  completedAt: 'completed_at',
  returnedAt: 'returned_at',
  supplementRequestedAt: 'supplement_requested_at',
  pausedWorkingDays: 'paused_working_days',
  decidedOutcome: 'decided_outcome',
  processingWorkingDays: 'processing_working_days',
  endToEnd: 'end_to_end',
  digitised: 'digitised',
  appointmentAt: 'appointment_at',
  assigneeId: 'assignee_id',
};

export interface NewDossier {
  procedureCode: string;
  procedureVersion: number;
  agencyCode: string;
  applicantId: string;
  channel: DossierRow['channel'];
  formData: Record<string, unknown>;
  onlineLevel: DossierRow['onlineLevel'];
  sectorCode: string;
  processingDays: number;
  fee: number;
  at: Date;
  /** Unset: ELECTRONIC for a FULL procedure, COUNTER otherwise (api.md). */
  deliveryMethod?: DeliveryMethod;
  postalAddress?: string | null;
}

/** Who may see which dossiers in a list: the applicant's own, or the agencies of a staff scope. */
export type DossierListScope = { applicantId: string } | { agencyCodes: string[] | 'ALL' };

export interface DossierListFilter {
  scope: DossierListScope;
  status?: DossierStatus;
  procedureCode?: string;
  /** Keyset: rows strictly after this (created_at, id) in newest-first order. */
  after?: { createdAt: string; id: string };
  limit: number;
}

export interface DossierListRow extends DossierWithNames {
  /** created_at with microseconds, for the cursor. */
  cursorAt: string;
}

/** The dossier table and its ratings: data access only. */
@Injectable()
export class DossiersRepository {
  constructor(private readonly ds: DataSource) {}

  async findById(id: string, m: EntityManager = this.ds.manager): Promise<DossierRow | null> {
    const rows: DossierRow[] = await m.query(`SELECT ${COLUMNS} FROM dossier d WHERE d.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async findWithNamesById(id: string, m: EntityManager = this.ds.manager): Promise<DossierWithNames | null> {
    const rows: DossierWithNames[] = await m.query(
      `SELECT ${COLUMNS}, ${NAMES} FROM dossier d ${NAME_JOINS} WHERE d.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async findWithNamesByCode(code: string, m: EntityManager = this.ds.manager): Promise<DossierWithNames | null> {
    const rows: DossierWithNames[] = await m.query(
      `SELECT ${COLUMNS}, ${NAMES} FROM dossier d ${NAME_JOINS} WHERE d.code = $1`,
      [code],
    );
    return rows[0] ?? null;
  }

  /** The dossier of a tracking code with its receipt token (public tracking compares it). */
  async findTrackingByCode(
    code: string,
    m: EntityManager = this.ds.manager,
  ): Promise<(DossierWithNames & { trackingToken: string }) | null> {
    const rows: (DossierWithNames & { trackingToken: string })[] = await m.query(
      `SELECT ${COLUMNS}, ${NAMES}, d.tracking_token AS "trackingToken" FROM dossier d ${NAME_JOINS} WHERE d.code = $1`,
      [code],
    );
    return rows[0] ?? null;
  }

  /** The receipt token of a dossier, for its QR code. */
  async findTrackingToken(id: string, m: EntityManager = this.ds.manager): Promise<string | null> {
    const rows: { token: string }[] = await m.query(`SELECT tracking_token AS token FROM dossier WHERE id = $1`, [id]);
    return rows[0]?.token ?? null;
  }

  /** The status, with a share lock held until the transaction ends (a transition waits for it). */
  async findStatusForShare(id: string, m: EntityManager): Promise<DossierStatus | null> {
    const rows: { status: DossierStatus }[] = await m.query(`SELECT status FROM dossier WHERE id = $1 FOR SHARE`, [id]);
    return rows[0]?.status ?? null;
  }

  async insert(d: NewDossier, status: DossierStatus, m: EntityManager = this.ds.manager): Promise<string> {
    const rows: { id: string }[] = await m.query(
      `INSERT INTO dossier (procedure_code, procedure_version, agency_code, applicant_id, channel, status,
         form_data, online_level, sector_code, processing_days, fee, created_at, updated_at,
         fee_status, delivery_method, postal_address)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12,
         CASE WHEN $11::integer = 0 THEN 'NONE' ELSE 'UNPAID' END,
         COALESCE($13, CASE WHEN $8 = 'FULL' THEN 'ELECTRONIC' ELSE 'COUNTER' END), $14)
       RETURNING id`,
      [
        d.procedureCode,
        d.procedureVersion,
        d.agencyCode,
        d.applicantId,
        d.channel,
        status,
        JSON.stringify(d.formData),
        d.onlineLevel,
        d.sectorCode,
        d.processingDays,
        d.fee,
        d.at,
        d.deliveryMethod ?? null,
        d.postalAddress ?? null,
      ],
    );
    return rows[0].id;
  }

  /** A draft's edit; false when the version moved (or the dossier is no longer a draft). */
  async updateDraft(
    id: string,
    expectedVersion: number,
    patch: {
      formData: Record<string, unknown>;
      agencyCode: string;
      deliveryMethod?: DeliveryMethod;
      postalAddress?: string;
    },
    at: Date,
    m: EntityManager = this.ds.manager,
  ): Promise<number | null> {
    // A delivery method other than POSTAL drops the address it no longer needs.
    const [rows] = await m.query<[{ version: number }[], number]>(
      `UPDATE dossier SET form_data = $3, agency_code = $4, updated_at = $5, version = version + 1,
              delivery_method = COALESCE($6, delivery_method),
              postal_address = CASE WHEN COALESCE($6, delivery_method) = 'POSTAL'
                                    THEN COALESCE($7, postal_address) END
        WHERE id = $1 AND version = $2 AND status = 'DRAFT'
        RETURNING version`,
      [
        id,
        expectedVersion,
        JSON.stringify(patch.formData),
        patch.agencyCode,
        at,
        patch.deliveryMethod ?? null,
        patch.postalAddress ?? null,
      ],
    );
    return rows[0]?.version ?? null;
  }

  /** The chain anchor after an event that changes no status (the version moves: the row changed). */
  /** The demo's move of a due time (DemoOverdueService); the caller records it on the timeline. */
  async setDueAt(id: string, dueAt: Date, m: EntityManager): Promise<void> {
    await m.query(`UPDATE dossier SET due_at = $2 WHERE id = $1`, [id, dueAt]);
  }

  async moveAnchor(id: string, seq: number, hash: string, at: Date, m: EntityManager): Promise<void> {
    await m.query(
      `UPDATE dossier SET last_event_seq = $2, last_event_hash = $3, updated_at = $4, version = version + 1 WHERE id = $1`,
      [id, seq, hash, at],
    );
  }

  /**
   * The conditional update of a transition: status, the change's columns, version + 1 and the
   * chain anchor, only if the version is still `expectedVersion`. Null when it is not (stale).
   * Answers the row as written with its names (one statement), so no caller reads it again.
   */
  async applyChange(
    id: string,
    expectedVersion: number,
    change: { status: DossierStatus; fields: DossierChange; lastEventSeq: number; lastEventHash: string; at: Date },
    m: EntityManager,
  ): Promise<DossierWithNames | null> {
    const params: unknown[] = [
      id,
      expectedVersion,
      change.status,
      change.at,
      change.lastEventSeq,
      change.lastEventHash,
    ];
    const sets = [
      'status = $3',
      'updated_at = $4',
      'last_event_seq = $5',
      'last_event_hash = $6',
      'version = version + 1',
    ];
    for (const [key, column] of Object.entries(CHANGE_COLUMNS) as [keyof DossierChange, string][]) {
      if (!(key in change.fields)) continue;
      params.push(change.fields[key] ?? null);
      sets.push(`${column} = $${params.length}`);
    }
    const rows: DossierWithNames[] = await m.query(
      `WITH d AS (UPDATE dossier SET ${sets.join(', ')} WHERE id = $1 AND version = $2 RETURNING *)
       SELECT ${COLUMNS}, ${NAMES} FROM d ${NAME_JOINS}`,
      params,
    );
    return rows[0] ?? null;
  }

  /**
   * The next sequence number of an agency's day. One atomic statement: the row stays locked
   * until the caller's transaction ends, so concurrent submissions get consecutive numbers and a
   * rolled-back one gives its number back (gap-free).
   */
  async nextCodeSeq(agencyCode: string, day: string, m: EntityManager): Promise<number> {
    const rows: { last_seq: number }[] = await m.query(
      `INSERT INTO dossier_code_seq AS s (agency_code, day, last_seq) VALUES ($1, $2, 1)
       ON CONFLICT (agency_code, day) DO UPDATE SET last_seq = s.last_seq + 1
       RETURNING last_seq`,
      [agencyCode, day],
    );
    return rows[0].last_seq;
  }

  /** A page of dossiers, newest first, with limit + 1 rows read to tell whether more follow. */
  async findPage(f: DossierListFilter, m: EntityManager = this.ds.manager): Promise<DossierListRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, ...values: unknown[]) => {
      let text = sql;
      for (const v of values) {
        params.push(v);
        text = text.replace('?', `$${params.length}`);
      }
      where.push(text);
    };
    if ('applicantId' in f.scope) {
      add('d.applicant_id = ?', f.scope.applicantId);
    } else {
      // Drafts are the citizen's own until submitted.
      where.push(`d.status <> 'DRAFT'`);
      if (f.scope.agencyCodes !== 'ALL') add('d.agency_code = ANY(?)', f.scope.agencyCodes);
    }
    if (f.status) add('d.status = ?', f.status);
    if (f.procedureCode) add('d.procedure_code = ?', f.procedureCode);
    if (f.after) add('(d.created_at, d.id) < (?::timestamptz, ?::uuid)', f.after.createdAt, f.after.id);
    params.push(f.limit + 1);
    return m.query(
      `SELECT ${COLUMNS}, ${NAMES},
              to_char(d.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "cursorAt"
         FROM dossier d ${NAME_JOINS}
        WHERE ${where.join(' AND ')}
        ORDER BY d.created_at DESC, d.id DESC
        LIMIT $${params.length}`,
      params,
    );
  }

  /**
   * The dossier's result document (the results module's table, read here so the dossier's
   * detail shows it without this module depending on results).
   */
  async findResult(dossierId: string, m: EntityManager = this.ds.manager): Promise<DossierResultRow | null> {
    const rows: DossierResultRow[] = await m.query(
      `SELECT id, file_name AS "fileName", size::int AS size, sha256, signed, signed_at AS "signedAt", signer,
              verification_code AS "verificationCode", revoked_at AS "revokedAt", revoked_reason AS "revokedReason"
         FROM dossier_result WHERE dossier_id = $1`,
      [dossierId],
    );
    return rows[0] ?? null;
  }

  async findRating(dossierId: string, m: EntityManager = this.ds.manager): Promise<RatingRow | null> {
    const rows: RatingRow[] = await m.query(
      `SELECT dossier_id AS "dossierId", score, comment, at FROM dossier_rating WHERE dossier_id = $1`,
      [dossierId],
    );
    return rows[0] ?? null;
  }

  /** Inserts the rating unless there is one; null when there was. */
  async insertRating(r: RatingRow, m: EntityManager): Promise<RatingRow | null> {
    const rows: RatingRow[] = await m.query(
      `INSERT INTO dossier_rating (dossier_id, score, comment, at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (dossier_id) DO NOTHING
       RETURNING dossier_id AS "dossierId", score, comment, at`,
      [r.dossierId, r.score, r.comment, r.at],
    );
    return rows[0] ?? null;
  }
}
