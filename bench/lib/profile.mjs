import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Where a V8 CPU profile (.cpuprofile, from node --cpu-prof) spent its samples, by self time:
 * grouped by npm package (or node internals, the app's own code, GC, idle), and the top
 * functions. Shares of the non-idle time.
 * @param {string} dir the folder holding one .cpuprofile
 */
export function summarizeProfile(dir) {
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) return null;
  const p = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const groups = new Map();
  const fns = new Map();
  let busy = 0;
  for (const [id, us] of self) {
    const f = byId.get(id).callFrame;
    const group = groupOf(f);
    if (group === '(idle)') continue;
    busy += us;
    groups.set(group, (groups.get(group) ?? 0) + us);
    const name = `${f.functionName || '(anonymous)'} ${shortUrl(f.url)}:${f.lineNumber + 1}`;
    fns.set(name, (fns.get(name) ?? 0) + us);
  }
  const share = (m, n) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, us]) => ({ name: k, share: Math.round((us / busy) * 1000) / 10 }));
  return {
    file: path.join(dir, file),
    busySeconds: Math.round(busy / 1e5) / 10,
    byPackage: share(groups, 12),
    topFunctions: share(fns, 15),
  };
}

function groupOf(f) {
  if (f.functionName === '(idle)') return '(idle)';
  if (f.functionName === '(garbage collector)') return '(garbage collector)';
  if (f.functionName === '(program)') return '(program)';
  const url = f.url || '';
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1];
  if (/packages\/shared\//.test(url)) return '@motcua/shared';
  if (/apps\/api\/dist\//.test(url)) return 'apps/api (own code)';
  // Native frames (no script): name them, a syscall such as writev is worth seeing on its own.
  if (!url) return `native ${f.functionName}`;
  if (url.startsWith('node:')) return 'node internals';
  return url;
}

function shortUrl(url) {
  const nm = /node_modules\/(.*)$/.exec(url);
  if (nm) return nm[1];
  const app = /apps\/api\/dist\/(.*)$/.exec(url);
  return app ? `api/${app[1]}` : url.replace(/^file:\/\//, '');
}
