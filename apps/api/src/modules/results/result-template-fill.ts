import { localDateTime, type FormSchema } from '@motcua/shared';
import type { ResultTemplate } from '../catalog/result-template.js';
import { formatVnDate } from '../documents/vn-format.js';

/** The dossier facts a template may name (catalog/result-template.ts lists the placeholders). */
export interface TemplateFacts {
  formData: Record<string, unknown>;
  formSchema: FormSchema;
  applicant: { fullName: string };
  agencyName: string;
  dossierCode: string | null;
  procedureName: string;
  today: Date;
}

/** A value the dossier does not hold: a dotted blank, as on a paper form left to fill. */
export const BLANK = '…';
const PLACEHOLDER = /\{\{\s*([a-zA-Z]+)(?:\.([a-zA-Z0-9_]+))?\s*\}\}/g;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A form answer as a person reads it: a select's label, a date dd/mm/yyyy, a checkbox Có/Không. */
function formValue(facts: TemplateFacts, key: string): string {
  const value = facts.formData[key];
  if (value === undefined || value === null || value === '') return BLANK;
  const field = facts.formSchema.fields.find((f) => f.key === key);
  if (field?.type === 'select') {
    const label = field.options?.find((o) => o.value === value)?.label;
    if (label) return label;
  }
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  if (typeof value === 'string' && ISO_DATE.test(value)) return formatVnDate(localDateTime(value));
  if (typeof value === 'number' || typeof value === 'string') return String(value);
  return BLANK;
}

function resolve(facts: TemplateFacts, scope: string, key: string | undefined): string {
  switch (`${scope}.${key ?? ''}`) {
    case 'applicant.fullName':
      return facts.applicant.fullName;
    case 'agency.name':
      return facts.agencyName;
    case 'dossier.code':
      return facts.dossierCode ?? BLANK;
    case 'procedure.name':
      return facts.procedureName;
    case 'today.':
      return formatVnDate(facts.today);
    default:
      return scope === 'form' && key ? formValue(facts, key) : BLANK;
  }
}

export function fillText(text: string, facts: TemplateFacts): string {
  return text.replace(PLACEHOLDER, (_m, scope: string, key: string | undefined) => resolve(facts, scope, key));
}

/** The template with every placeholder replaced by the dossier's facts (unknown ones left blank). */
export function fillTemplate(t: ResultTemplate, facts: TemplateFacts): ResultTemplate {
  const fill = (s: string | undefined) => (s === undefined ? undefined : fillText(s, facts));
  return {
    title: fillText(t.title, facts),
    subtitle: fill(t.subtitle),
    reference: fill(t.reference),
    intro: fill(t.intro),
    fields: t.fields.map((f) => ({ label: f.label, value: fillText(f.value, facts) })),
    closing: fill(t.closing),
    signerTitle: t.signerTitle,
  };
}
