import { DEMO_RESULT_TEMPLATES } from './catalog.result-templates.js';
import { DEMO_PROCEDURES } from './catalog.seed-data.js';

const PLACEHOLDER = /\{\{\s*([a-zA-Z]+)(?:\.([a-zA-Z0-9_]+))?\s*\}\}/g;
const KNOWN = new Set(['applicant.fullName', 'agency.name', 'dossier.code', 'procedure.name', 'today.']);

describe('the demo result templates', () => {
  it('cover a birth extract, a certified copy and a judicial record certificate', () => {
    expect(Object.keys(DEMO_RESULT_TEMPLATES).sort()).toEqual(['1.001193', '2.000815', 'DN.LLTP.01']);
  });

  it.each(Object.entries(DEMO_RESULT_TEMPLATES))('%s names only its form fields and known facts', (code, t) => {
    const procedure = DEMO_PROCEDURES.find((p) => p.code === code);
    expect(procedure).toBeDefined();
    const keys = new Set(procedure!.formSchema.fields.map((f) => f.key));
    const texts = [t.title, t.subtitle, t.reference, t.intro, t.closing, ...t.fields.map((f) => f.value)];
    const unknown: string[] = [];
    for (const text of texts) {
      for (const [, scope, key] of (text ?? '').matchAll(PLACEHOLDER)) {
        const ok = scope === 'form' ? keys.has(key) : KNOWN.has(`${scope}.${key ?? ''}`);
        if (!ok) unknown.push(`${scope}.${key}`);
      }
    }
    expect(unknown).toEqual([]);
  });
});
