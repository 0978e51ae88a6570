import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/** The batch: its WHERE implies the partial index's predicate, so it is a range scan of that index. */
export const DUE_IDS_SQL = `SELECT id FROM dossier
  WHERE closed_at IS NOT NULL AND personal_data_erased_at IS NULL AND closed_at < $1
  ORDER BY closed_at LIMIT $2`;

/**
 * The queries of the personal-data erasure (retention.service.ts): which closed dossiers are due,
 * and the erasure of the dossier module's own rows. No rule here: the service decides.
 */
@Injectable()
export class RetentionRepository {
  constructor(private readonly ds: DataSource) {}

  /** Closed, not yet erased dossiers closed before `cutoff`, oldest first (dossier_retention_due_idx). */
  async findDueIds(cutoff: Date, limit: number, m: EntityManager = this.ds.manager): Promise<string[]> {
    const rows: { id: string }[] = await m.query(DUE_IDS_SQL, [cutoff, limit]);
    return rows.map((r) => r.id);
  }

  /** Lock the row if it is still due (another run may have erased it since the batch was read). */
  async lockIfDue(id: string, cutoff: Date, m: EntityManager): Promise<boolean> {
    const rows: unknown[] = await m.query(
      `SELECT 1 FROM dossier
        WHERE id = $1 AND closed_at IS NOT NULL AND personal_data_erased_at IS NULL AND closed_at < $2
        FOR UPDATE`,
      [id, cutoff],
    );
    return rows.length > 0;
  }

  /**
   * The row's personal data: the form, the postal address, the applicant-name search copy (the
   * trigger clears it once erased); the tracking token is replaced so the link printed on the
   * receipt no longer opens it. The facts the reports and the chain read stay as they are.
   */
  async eraseDossierRow(id: string, at: Date, m: EntityManager): Promise<void> {
    await m.query(
      `UPDATE dossier SET form_data = '{}', postal_address = NULL, applicant_name_search = NULL,
              tracking_token = replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''),
              personal_data_erased_at = $2, updated_at = $2, version = version + 1
        WHERE id = $1`,
      [id, at],
    );
  }

  /**
   * Every attachment row, and the applicant's name on their timeline events, through the owner's
   * function (both tables are append-only for the API): answers the attachments' contents.
   */
  async eraseAttachmentsAndNames(id: string, m: EntityManager): Promise<string[]> {
    const rows: { sha: string }[] = await m.query(`SELECT erase_dossier_personal_data($1) AS sha`, [id]);
    return rows.map((r) => r.sha);
  }

  /** The rating's free-text comment; the score stays (the satisfaction figures count it). */
  async clearRatingComment(id: string, m: EntityManager): Promise<void> {
    await m.query(`UPDATE dossier_rating SET comment = NULL WHERE dossier_id = $1 AND comment IS NOT NULL`, [id]);
  }
}
