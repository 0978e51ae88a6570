import pg from 'pg';
import { normalizeSql } from './pg-recorder.mjs';

/**
 * Turns the statements one API submit sent (recorded on the wire) into a pgbench script that runs
 * the same statements, in the same order, in one transaction, with the extended protocol (as
 * node-postgres does: parse, bind, execute each time), on another prepared draft per transaction.
 *
 * The SQL text is the API's, byte for byte, with each `$k` replaced by a pgbench variable or
 * expression:
 * - values that belong to the draft: its id, its owner and the Idempotency-Key come from the
 *   transaction number `n` (twin draft n has id twinId(dossierPrefix, n), its owner
 *   twinId(userPrefix, n % users)); the dossier row's own values (agency, procedure,
 *   applicant name…) from `\gset r_` on the API's own SELECT of the dossier; the new code from the
 *   counter's `RETURNING last_seq` (`\gset s_`). Where such a value sits inside a larger one (the
 *   outbox payload JSON, the stored answer, the report arrays), the parameter becomes a
 *   concatenation cast to the parameter's type, as PREPARE reports it;
 * - everything else (times, hashes, constants) is passed as recorded, with `-D`.
 */

/**
 * Ids of pgbench's twin drafts and owners: `<prefix>-0000-4000-8000-<n, 12 digits>`, with a
 * per-run 8-hex prefix (timeline events cannot be deleted, so each run uses fresh ids).
 */
export const twinId = (prefix, n) => `${prefix}-0000-4000-8000-${String(n).padStart(12, '0')}`;

const sqlString = (s) => `'${s.replace(/'/g, "''")}'`;

/**
 * @param {{
 *   url: string,
 *   statements: { sql: string, params: (string | null)[] }[],
 *   dossierId: string,
 *   userId: string,
 *   key: string,
 *   code: string,
 *   dossierPrefix: string,
 *   userPrefix: string,
 * }} o
 * @returns {Promise<{ script: string, defines: Record<string, string>, statements: string[] }>}
 */
export async function buildPgbenchScript(o) {
  const client = new pg.Client({
    connectionString: o.url,
    // pgbench's \gset stores text as the server sends it: read rows the same way.
    types: { getTypeParser: () => (/** @type {string} */ v) => v },
  });
  await client.connect();
  try {
    // Parameter types of each statement, as the server infers them.
    const types = [];
    for (const [i, s] of o.statements.entries()) {
      if (!s.params.length) {
        types.push([]);
        continue;
      }
      const name = `bench_probe_${i}`;
      await client.query(`PREPARE ${name} AS ${s.sql}`);
      const { rows } = await client.query(
        `SELECT t.type::text AS type FROM pg_prepared_statements p, unnest(p.parameter_types) WITH ORDINALITY AS t(type, i)
          WHERE p.name = $1 ORDER BY t.i`,
        [name],
      );
      await client.query(`DEALLOCATE ${name}`);
      types.push(rows.map((x) => /** @type {string} */ (x.type)));
    }

    // The dossier row as the API read it: the first SELECT given the dossier id.
    const rowIndex = o.statements.findIndex((s) => /^\s*SELECT/i.test(s.sql) && s.params.includes(o.dossierId));
    const seqIndex = o.statements.findIndex((s) => /INSERT INTO dossier_code_seq/i.test(s.sql));
    if (rowIndex < 0 || seqIndex < 0) {
      throw new Error('The recorded submit has no SELECT of the dossier or no dossier_code_seq upsert');
    }
    const { rows } = await client.query(o.statements[rowIndex].sql, o.statements[rowIndex].params);
    const row = rows[0] ?? {};

    /** @type {{ value: string, expr: string, bare: boolean, quoted?: boolean }[]} */
    const vars = [
      {
        value: o.dossierId,
        expr: `(${sqlString(`${o.dossierPrefix}-0000-4000-8000-`)} || lpad(:n::text, 12, '0'))`,
        bare: false,
      },
      {
        value: o.userId,
        expr: `(${sqlString(`${o.userPrefix}-0000-4000-8000-`)} || lpad(:u::text, 12, '0'))`,
        bare: false,
      },
      { value: o.key, expr: `('pgb-' || :n::text)`, bare: false },
    ];
    const m = /^(.*-\d{6}-)(\d+)$/.exec(o.code);
    if (!m) throw new Error(`Unexpected dossier code ${o.code}`);
    const codeDay = m[1].slice(m[1].length - 8);
    vars.push({
      value: o.code,
      // formatDossierCode: at least 4 digits, more past 9999 (lpad alone would cut them).
      expr: `(:r_agencyCode::text || ${sqlString(codeDay)} || lpad(:s_last_seq::text, greatest(4, length(:s_last_seq::text)), '0'))`,
      bare: false,
    });
    // The row is read back after the submit: the values the submit itself wrote (status, code,
    // times, hash: whole parameters of its UPDATEs) were not there when the SELECT ran. The
    // transition's UPDATE is wrapped in a CTE (`WITH d AS (UPDATE … RETURNING *) SELECT … names`).
    const written = new Set(
      o.statements.filter((s) => /^\s*(WITH\s+\w+\s+AS\s*\(\s*)?UPDATE/i.test(s.sql)).flatMap((s) => s.params),
    );
    for (const [col, val] of Object.entries(row)) {
      // Only distinctive values: a short one ("1", "FULL") may occur by chance in others.
      // Only distinctive values: a short one ("FULL") only as a quoted JSON or array element.
      if (typeof val !== 'string' || val.length < 4 || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(col)) continue;
      if (written.has(val) || vars.some((x) => x.value === val)) continue;
      const quoted = val.length < 6;
      const probe = quoted ? `"${val}"` : val;
      if (!o.statements.some((s) => s.params.some((p) => p !== null && (p === val || p.includes(probe))))) continue;
      vars.push({ value: val, expr: `:r_${col}`, bare: true, quoted });
    }
    vars.sort((a, b) => b.value.length - a.value.length);

    /** @type {Record<string, string>} */
    const defines = {};
    /** @type {Map<string, string>} */
    const byValue = new Map();
    const constant = (value) => {
      let name = byValue.get(value);
      if (!name) {
        name = `c${byValue.size + 1}`;
        byValue.set(value, name);
        defines[name] = value;
      }
      return `:${name}`;
    };

    const lines = [
      '-- Generated by bench/lib/pgbench-script.mjs from the statements of one recorded API submit.',
      '-- Transaction number n: unique per transaction across clients (k counts this client’s).',
      '\\set k :k + 1',
      '\\set n :base + :client_id + :k * :clients',
      '\\set u :n % :users',
    ];
    for (const [i, s] of o.statements.entries()) {
      let sql = s.sql;
      // Highest first, so $12 is not taken for $1 followed by "2".
      for (let k = s.params.length; k >= 1; k--) {
        const value = s.params[k - 1];
        const type = types[i][k - 1];
        const expr = value === null ? `NULL::${type}` : paramExpr(value, type, vars, constant);
        sql = sql.replace(new RegExp(`\\$${k}(?![0-9])`, 'g'), () => expr);
      }
      const end = i === rowIndex ? ' \\gset r_' : i === seqIndex ? ' \\gset s_' : ';';
      lines.push(`${sql.trimEnd()}${end}`);
    }
    return { script: `${lines.join('\n')}\n`, defines, statements: o.statements.map((s) => normalizeSql(s.sql)) };
  } finally {
    await client.end();
  }
}

/** A parameter as a pgbench variable, a constant, or a concatenation of both cast to its type. */
function paramExpr(value, type, vars, constant) {
  const whole = vars.find((x) => x.value === value);
  if (whole) return whole.bare ? whole.expr : `${whole.expr}::${type}`;
  /** @type {string[]} */
  const parts = [];
  let rest = value;
  let used = false;
  while (rest.length) {
    let best = null;
    let at = -1;
    for (const x of vars) {
      const q = x.quoted ? rest.indexOf(`"${x.value}"`) : -1;
      const j = x.quoted ? (q < 0 ? -1 : q + 1) : rest.indexOf(x.value);
      if (j >= 0 && (at < 0 || j < at || (j === at && x.value.length > best.value.length))) {
        best = x;
        at = j;
      }
    }
    if (!best) {
      parts.push(`${constant(rest)}::text`);
      break;
    }
    if (at > 0) parts.push(`${constant(rest.slice(0, at))}::text`);
    parts.push(best.bare ? `${best.expr}::text` : best.expr);
    used = true;
    rest = rest.slice(at + best.value.length);
  }
  if (!used) return constant(value);
  return `(${parts.join(' || ')})::${type}`;
}
