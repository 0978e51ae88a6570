import {
  buildFormValidator,
  type AttachmentDto,
  type FormField,
  type ProcedureDetail,
  type RequiredDocument,
} from '@motcua/shared';

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
export function pageIsComplete(page: readonly FormField[], formData: Record<string, unknown>): boolean {
  return buildFormValidator({ fields: [...page] }).safeParse(pageAnswers(page, formData)).success;
}

/** Required documents with no file uploaded yet. */
export function missingDocuments(
  documents: readonly RequiredDocument[],
  attachments: readonly Pick<AttachmentDto, 'documentCode'>[],
): RequiredDocument[] {
  const have = new Set(attachments.map((a) => a.documentCode));
  return documents.filter((d) => d.required && !have.has(d.code));
}

/** Where a returning applicant resumes: the first page that is not complete, else documents, else check. */
export function firstIncompleteStep(
  plan: WizardPlan,
  draft: { formData: Record<string, unknown>; attachments: readonly Pick<AttachmentDto, 'documentCode'>[] },
): StepId {
  const page = plan.pages.findIndex((p) => !pageIsComplete(p, draft.formData));
  if (page >= 0) return String(page + 1);
  if (missingDocuments(plan.documents, draft.attachments).length > 0) return 'documents';
  return 'check';
}
