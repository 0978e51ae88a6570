import type { AttachmentDto, FormField, ProcedureDetail, RequiredDocument } from '@motcua/shared';
import { loadFormRules, type FormRules } from './loadFormRules';

/**
 * The wizard's steps, planned from the procedure: its form's fields split into pages of a few
 * questions each, then the documents (when the procedure asks for any), then "check your answers".
 * A step is a URL segment: `1`…`n`, `documents`, `check`.
 */
export const MAX_FIELDS_PER_PAGE = 5;

export type StepId = string;

export interface WizardPlan {
  pages: FormField[][];
  documents: RequiredDocument[];
  /** Whether the applicant chooses the agency (the procedure has more than one). */
  agencyChoice: boolean;
  steps: StepId[];
}

/** Pages of at most MAX_FIELDS_PER_PAGE fields, as even as possible (18 fields → 5, 5, 4, 4). */
export function splitIntoPages(fields: readonly FormField[]): FormField[][] {
  if (fields.length === 0) return [];
  const count = Math.ceil(fields.length / MAX_FIELDS_PER_PAGE);
  const base = Math.floor(fields.length / count);
  const bigger = fields.length % count;
  const pages: FormField[][] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    const size = base + (i < bigger ? 1 : 0);
    pages.push(fields.slice(at, at + size));
    at += size;
  }
  return pages;
}

export function planWizard(procedure: Pick<ProcedureDetail, 'formSchema' | 'requiredDocuments' | 'agencyCodes'>) {
  const pages = splitIntoPages(procedure.formSchema.fields);
  const steps: StepId[] = pages.map((_, i) => String(i + 1));
  if (procedure.requiredDocuments.length > 0) steps.push('documents');
  steps.push('check');
  return {
    pages,
    documents: procedure.requiredDocuments,
    agencyChoice: procedure.agencyCodes.length > 1,
    steps,
  } satisfies WizardPlan;
}

/** The 1-based page holding a field, or null when the form has no such field. */
export function pageOfField(plan: WizardPlan, key: string): number | null {
  const i = plan.pages.findIndex((p) => p.some((f) => f.key === key));
  return i < 0 ? null : i + 1;
}

/** The saved answers of one page, as the shared validator sees them (absent keys stay absent). */
export function pageAnswers(page: readonly FormField[], formData: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of page) if (formData[f.key] !== undefined) out[f.key] = formData[f.key];
  return out;
}

/** A page is complete when its saved answers pass the same validator the API uses at submit. */
function pageIsComplete(rules: FormRules, page: readonly FormField[], formData: Record<string, unknown>): boolean {
  return rules.buildFormValidator({ fields: [...page] }).safeParse(pageAnswers(page, formData)).success;
}

/** Required documents with no file uploaded yet. */
export function missingDocuments(
  documents: readonly RequiredDocument[],
  attachments: readonly Pick<AttachmentDto, 'documentCode'>[],
): RequiredDocument[] {
  const have = new Set(attachments.map((a) => a.documentCode));
  return documents.filter((d) => d.required && !have.has(d.code));
}

type Draft = { formData: Record<string, unknown>; attachments: readonly Pick<AttachmentDto, 'documentCode'>[] };

function stepAfterPages(plan: WizardPlan, draft: Draft): StepId {
  return missingDocuments(plan.documents, draft.attachments).length > 0 ? 'documents' : 'check';
}

/**
 * Where a new draft (no answer saved on any page) starts, without the validator: with nothing
 * saved, the validator fails exactly the pages that ask a required question (an absent answer is
 * `required`), so this is its answer, known before zod loads (issue 16, item 16). Null when some
 * answer is saved: only the validator can judge it (firstIncompleteStep).
 */
export function firstStepOfNewDraft(plan: WizardPlan, draft: Draft): StepId | null {
  if (plan.pages.some((p) => Object.keys(pageAnswers(p, draft.formData)).length > 0)) return null;
  const page = plan.pages.findIndex((p) => p.some((f) => f.required));
  return page >= 0 ? String(page + 1) : stepAfterPages(plan, draft);
}

/** Where a returning applicant resumes: the first page that is not complete, else documents, else check. */
export async function firstIncompleteStep(plan: WizardPlan, draft: Draft): Promise<StepId> {
  const rules = await loadFormRules();
  const page = plan.pages.findIndex((p) => !pageIsComplete(rules, p, draft.formData));
  return page >= 0 ? String(page + 1) : stepAfterPages(plan, draft);
}
