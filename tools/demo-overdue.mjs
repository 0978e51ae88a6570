#!/usr/bin/env node
// The demo command (README, "Deadlines that act"): push a dossier of the running `npm start` past its
// due time through the admin-only, non-production route, which then runs the SLA sweep and the
// automatic apology once. Usage: npm run demo:overdue -- <dossierCode> [--due-soon]
const args = process.argv.slice(2);
const code = args.find((a) => !a.startsWith('--'));
if (!code || args.includes('--help')) {
  console.error(
    'Usage: npm run demo:overdue -- <dossierCode> [--due-soon]\n' +
      '  MOTCUA_URL (default http://localhost:${PORT:-3000}), ADMIN_USERNAME (admin), ADMIN_PASSWORD (the demo default)',
  );
  process.exit(code ? 0 : 2);
}
const base = process.env.MOTCUA_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
const username = process.env.ADMIN_USERNAME ?? 'admin';
const password = process.env.ADMIN_PASSWORD ?? 'Admin@12345';

async function call(path, body, token) {
  const res = await fetch(`${base}/api/v1${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  const json = text ? JSON.parse(text) : null;
  if (!res.ok) throw new Error(`${path}: ${res.status} ${json?.detail ?? json?.title ?? text}`);
  return json;
}

try {
  const { accessToken } = await call('/auth/login', { username, password });
  const state = args.includes('--due-soon') ? 'DUE_SOON' : 'OVERDUE';
  const out = await call('/sandbox/demo/overdue', { code, state }, accessToken);
  console.log(`Dossier ${code}: dueAt is now ${out.dueAt} (${state}).`);
  console.log(
    `SLA sweep: ${out.sweep.checked} read, ${out.sweep.dueSoon} DUE_SOON and ${out.sweep.overdue} OVERDUE alerts; automatic apologies: ${out.apologies}.`,
  );
} catch (e) {
  console.error(String(e instanceof Error ? e.message : e));
  process.exit(1);
}
