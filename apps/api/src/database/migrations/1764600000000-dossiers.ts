import type { MigrationInterface, QueryRunner } from 'typeorm';

const STATUSES = `'DRAFT', 'SUBMITTED', 'NOT_ACCEPTED', 'RECEIVED', 'WITHDRAWN', 'IN_PROCESSING',
  'SUPPLEMENT_REQUESTED', 'PENDING_APPROVAL', 'APPROVED', 'REJECTED', 'RETURNED'`;
/**
 * Statuses in which a dossier waits for the administration (the staff queue's rows): open ones
 * plus APPROVED/REJECTED, whose result is still to be handed back.
 */
const ACTIVE_STATUSES = `'SUBMITTED', 'RECEIVED', 'IN_PROCESSING', 'SUPPLEMENT_REQUESTED', 'PENDING_APPROVAL',
  'APPROVED', 'REJECTED'`;

/**
 * Dossiers: the dossier row (with the procedure facts reports and queues filter on copied in,
 * so neither joins procedure_version per row), the per-agency-per-day code counter, the
 * hash-chained timeline (append-only: a trigger refuses UPDATE, DELETE and TRUNCATE), attachments,
 * idempotency keys of submit, and ratings.
 */
export class Dossiers1764600000000 implements MigrationInterface {
  name = 'Dossiers1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE dossier (
        id                       uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        -- Set on submit (or counter intake) from dossier_code_seq; a draft has none.
        code                     text,
        procedure_code           text NOT NULL,
        procedure_version        integer NOT NULL,
        agency_code              text NOT NULL REFERENCES agency(code),
        applicant_id             uuid NOT NULL REFERENCES app_user(id),
        channel                  text NOT NULL CHECK (channel IN ('ONLINE', 'COUNTER', 'POSTAL')),
        status                   text NOT NULL CHECK (status IN (${STATUSES})),
        -- Optimistic lock: every change is UPDATE … WHERE version = :expected, version + 1.
        version                  integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        form_data                jsonb NOT NULL DEFAULT '{}',
        -- Copied from procedure_version when the draft is created (the version it is filed under).
        online_level             text NOT NULL CHECK (online_level IN ('FULL', 'PARTIAL')),
        sector_code              text NOT NULL REFERENCES sector(code),
        processing_days          integer NOT NULL CHECK (processing_days >= 0),
        fee                      integer NOT NULL CHECK (fee >= 0),
        fee_paid_at              timestamptz,
        fee_paid_online          boolean,
        submitted_at             timestamptz,
        received_at              timestamptz,
        due_at                   timestamptz,
        -- Decision time (APPROVED or REJECTED): the SLA and on-time rate are measured on it.
        completed_at             timestamptz,
        returned_at              timestamptz,
        -- Start of the clock stop while SUPPLEMENT_REQUESTED; cleared on supplement.
        supplement_requested_at  timestamptz,
        assignee_id              uuid REFERENCES app_user(id),
        -- Anchor of the timeline's hash chain: the seq and hash of the latest event.
        last_event_seq           integer NOT NULL DEFAULT 0,
        last_event_hash          text,
        created_at               timestamptz NOT NULL,
        updated_at               timestamptz NOT NULL,
        CONSTRAINT dossier_code_key UNIQUE (code),
        CONSTRAINT dossier_procedure_version_fkey FOREIGN KEY (procedure_code, procedure_version)
          REFERENCES procedure_version (procedure_code, version),
        CONSTRAINT dossier_code_after_submit CHECK (status = 'DRAFT' OR code IS NOT NULL)
      )`);
    // The staff queue: an agency's active dossiers, oldest due first, keyset on (due_at, id).
    await q.query(
      `CREATE INDEX dossier_queue_idx ON dossier (agency_code, due_at, id) WHERE status IN (${ACTIVE_STATUSES})`,
    );
    // "My dossiers" of a citizen, newest first, keyset on (created_at, id).
    await q.query(`CREATE INDEX dossier_applicant_idx ON dossier (applicant_id, created_at DESC, id DESC)`);
    // Staff lists of an agency's dossiers, newest first.
    await q.query(
      `CREATE INDEX dossier_agency_created_idx ON dossier (agency_code, created_at DESC, id DESC) WHERE status <> 'DRAFT'`,
    );
    await q.query(`CREATE INDEX dossier_status_idx ON dossier (status)`);
    await q.query(`CREATE INDEX dossier_assignee_idx ON dossier (assignee_id) WHERE assignee_id IS NOT NULL`);

    // One row per agency and local day; the submitting transaction increments it with one
    // INSERT … ON CONFLICT DO UPDATE … RETURNING, holding its lock until commit: gap-free.
    await q.query(`
      CREATE TABLE dossier_code_seq (
        agency_code  text NOT NULL REFERENCES agency(code),
        day          date NOT NULL,
        last_seq     integer NOT NULL CHECK (last_seq >= 1),
        PRIMARY KEY (agency_code, day)
      )`);

    await q.query(`
      CREATE TABLE dossier_event (
        id           bigserial PRIMARY KEY,
        dossier_id   uuid NOT NULL REFERENCES dossier(id),
        seq          integer NOT NULL CHECK (seq >= 1),
        type         text NOT NULL,
        from_status  text,
        to_status    text,
        actor_id     uuid REFERENCES app_user(id),
        actor_role   text,
        -- The actor's name as it was then (not hashed: the actor_id is).
        actor_name   text,
        note         text,
        at           timestamptz NOT NULL,
        prev_hash    text,
        hash         text NOT NULL,
        CONSTRAINT dossier_event_seq_key UNIQUE (dossier_id, seq)
      )`);
    await q.query(`
      CREATE FUNCTION dossier_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'dossier_event is append-only: % refused', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await q.query(`
      CREATE TRIGGER dossier_event_no_change BEFORE UPDATE OR DELETE ON dossier_event
        FOR EACH ROW EXECUTE FUNCTION dossier_event_append_only()`);
    await q.query(`
      CREATE TRIGGER dossier_event_no_truncate BEFORE TRUNCATE ON dossier_event
        FOR EACH STATEMENT EXECUTE FUNCTION dossier_event_append_only()`);

    await q.query(`
      CREATE TABLE attachment (
        id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        dossier_id     uuid NOT NULL REFERENCES dossier(id),
        document_code  text NOT NULL,
        file_name      text NOT NULL,
        mime_type      text NOT NULL CHECK (mime_type IN ('application/pdf', 'image/jpeg', 'image/png')),
        size           bigint NOT NULL CHECK (size >= 0),
        -- The content's address in the file store.
        sha256         text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        uploaded_by    uuid NOT NULL REFERENCES app_user(id),
        uploaded_at    timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX attachment_dossier_idx ON attachment (dossier_id, uploaded_at, id)`);

    // Submit's Idempotency-Key, per user: the first answer is kept and replayed.
    await q.query(`
      CREATE TABLE idempotency_key (
        user_id       uuid NOT NULL REFERENCES app_user(id),
        key           text NOT NULL,
        request_hash  text NOT NULL,
        response      jsonb,
        status_code   integer,
        created_at    timestamptz NOT NULL,
        PRIMARY KEY (user_id, key)
      )`);
    await q.query(`CREATE INDEX idempotency_key_created_idx ON idempotency_key (created_at)`);

    await q.query(`
      CREATE TABLE dossier_rating (
        dossier_id  uuid PRIMARY KEY REFERENCES dossier(id),
        score       smallint NOT NULL CHECK (score BETWEEN 1 AND 5),
        comment     text,
        at          timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE dossier_rating`);
    await q.query(`DROP TABLE idempotency_key`);
    await q.query(`DROP TABLE attachment`);
    await q.query(`DROP TABLE dossier_event`);
    await q.query(`DROP FUNCTION dossier_event_append_only()`);
    await q.query(`DROP TABLE dossier_code_seq`);
    await q.query(`DROP TABLE dossier`);
  }
}
