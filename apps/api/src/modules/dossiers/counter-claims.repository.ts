import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface OpenClaim {
  dossierId: string;
  applicantId: string;
  applicantNationalId: string | null;
  applicantIsWalkIn: boolean;
}

/** counter_claim: the hashed one-time code of each counter dossier's receipt. */
@Injectable()
export class CounterClaimsRepository {
  async insert(dossierId: string, codeHash: string, at: Date, m: EntityManager): Promise<void> {
    await m.query(`INSERT INTO counter_claim (dossier_id, code_hash, created_at) VALUES ($1, $2, $3)`, [
      dossierId,
      codeHash,
      at,
    ]);
  }

  /** The unspent claim of a code, locked with its dossier's applicant, or null. */
  async findOpenForUpdate(codeHash: string, m: EntityManager): Promise<OpenClaim | null> {
    const rows: OpenClaim[] = await m.query(
      `SELECT c.dossier_id AS "dossierId", d.applicant_id AS "applicantId",
              u.national_id AS "applicantNationalId", u.walk_in AS "applicantIsWalkIn"
         FROM counter_claim c
         JOIN dossier d ON d.id = c.dossier_id
         JOIN app_user u ON u.id = d.applicant_id
        WHERE c.code_hash = $1 AND c.claimed_at IS NULL
          FOR UPDATE OF c, d`,
      [codeHash],
    );
    return rows[0] ?? null;
  }

  /** Whether `codeHash` is the unspent claim code of the dossier (the desk reprinting the receipt it just made). */
  async isOpenCodeOf(dossierId: string, codeHash: string, m: EntityManager): Promise<boolean> {
    const rows: unknown[] = await m.query(
      `SELECT 1 FROM counter_claim WHERE dossier_id = $1 AND code_hash = $2 AND claimed_at IS NULL`,
      [dossierId, codeHash],
    );
    return rows.length > 0;
  }

  async markClaimed(dossierId: string, userId: string, at: Date, m: EntityManager): Promise<void> {
    await m.query(`UPDATE counter_claim SET claimed_at = $3, claimed_by = $2 WHERE dossier_id = $1`, [
      dossierId,
      userId,
      at,
    ]);
  }

  /**
   * The dossiers of a walk-in record (or one of them) pass to an account of a proven identity.
   * Returns their ids: the caller records the change in each timeline (the audit seals the applicant).
   */
  async moveApplicant(
    fromUserId: string,
    toUserId: string,
    at: Date,
    m: EntityManager,
    dossierId?: string,
  ): Promise<string[]> {
    const [rows] = await m.query<[{ id: string }[], number]>(
      `UPDATE dossier SET applicant_id = $2, updated_at = $3
        WHERE applicant_id = $1 AND ($4::uuid IS NULL OR id = $4)
        RETURNING id`,
      [fromUserId, toUserId, at, dossierId ?? null],
    );
    return rows.map((r) => r.id);
  }
}
