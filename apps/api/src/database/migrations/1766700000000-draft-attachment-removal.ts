import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An applicant removes (or replaces) a file from their draft before sending it (issue 16, item 2;
 * our addition to the contract: docs/api.md, DELETE /dossiers/{id}/attachments/{attachmentId}).
 * `attachment` stays append-only for the API's role (app-role.ts): the one deletion it may make
 * goes through this owner's function, which deletes only an attachment of a DRAFT no timeline
 * event has sealed yet (last_event_seq = 0), of that applicant, with the dossier row locked
 * against a concurrent submit. It answers the removed row's content hash, or null.
 */
export class DraftAttachmentRemoval1766700000000 implements MigrationInterface {
  name = 'DraftAttachmentRemoval1766700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION remove_draft_attachment(p_dossier uuid, p_attachment uuid, p_applicant uuid)
        RETURNS text LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        removed text;
      BEGIN
        PERFORM 1 FROM dossier
          WHERE id = p_dossier AND applicant_id = p_applicant AND status = 'DRAFT' AND last_event_seq = 0
          FOR UPDATE;
        IF NOT FOUND THEN
          RETURN NULL;
        END IF;
        DELETE FROM attachment WHERE id = p_attachment AND dossier_id = p_dossier RETURNING sha256 INTO removed;
        RETURN removed;
      END $$`);
    // Only the roles granted it (ensureAppRole) may call it, not every login of the database.
    await q.query(`REVOKE ALL ON FUNCTION remove_draft_attachment(uuid, uuid, uuid) FROM PUBLIC`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION remove_draft_attachment(uuid, uuid, uuid)`);
  }
}
