import { dueSoonFrom, slaState, WorkingCalendar } from '../../packages/shared/dist/index.js';

/**
 * Fill `sla_watch` for the generated dossiers as the API's transition hook would have kept it
 * (apps/api/src/modules/sla/sla-watch.service.ts firstCheckAt): one row per open received
 * dossier; running ones checked at their DUE_SOON start while ON_TIME, at once otherwise.
 * @param {import('pg').Client} db
 * @param {Date} now
 */
export async function firstCheckAtOf(db, now) {
  const { rows: holidays } = await db.query(`SELECT to_char(date, 'YYYY-MM-DD') AS date, kind FROM holiday`);
  const calendar = new WorkingCalendar(holidays);
  await db.query(`TRUNCATE sla_watch, sla_alert, supplement_reminder`);
  const { rows: open } = await db.query(
    `SELECT id, agency_code, assignee_id, applicant_id, due_at, status, supplement_requested_at FROM dossier
      WHERE status IN ('RECEIVED', 'IN_PROCESSING', 'SUPPLEMENT_REQUESTED', 'PENDING_APPROVAL') AND due_at IS NOT NULL`,
  );
  const batch = 5000;
  let running = 0;
  for (let i = 0; i < open.length; i += batch) {
    const part = open.slice(i, i + batch);
    const next = part.map((d) => {
      if (d.status === 'SUPPLEMENT_REQUESTED') return null;
      running++;
      const state = slaState({ status: 'IN_PROCESSING', dueAt: d.due_at, completedAt: null }, now, calendar);
      return state === 'ON_TIME' ? dueSoonFrom(d.due_at, calendar) : now;
    });
    await db.query(
      `INSERT INTO sla_watch (dossier_id, agency_code, assignee_id, applicant_id, due_at, running, next_check_at,
                              supplement_requested_at)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::timestamptz[], $6::boolean[],
                            $7::timestamptz[], $8::timestamptz[])`,
      [
        part.map((d) => d.id),
        part.map((d) => d.agency_code),
        part.map((d) => d.assignee_id),
        part.map((d) => d.applicant_id),
        part.map((d) => d.due_at),
        part.map((d) => d.status !== 'SUPPLEMENT_REQUESTED'),
        next,
        part.map((d) => d.supplement_requested_at),
      ],
    );
  }
  return { rows: open.length, running };
}

/**
 * When the generated city has fewer running open dossiers than the dossiers due wanted, watch as
 * many more (the most recently received decided ones) as running: the sweep reads only sla_watch.
 * @param {import('pg').Client} db
 * @param {number} count
 */
export async function topUpWatch(db, count) {
  if (count <= 0) return 0;
  const { rowCount } = await db.query(
    `INSERT INTO sla_watch (dossier_id, agency_code, assignee_id, applicant_id, due_at, running, next_check_at)
     SELECT id, agency_code, assignee_id, applicant_id, due_at, true, NULL FROM dossier
      WHERE completed_at IS NOT NULL AND due_at IS NOT NULL
      ORDER BY received_at DESC LIMIT $1`,
    [count],
  );
  return rowCount ?? 0;
}
