import type { FormField } from '@motcua/shared';
import { birthProcedure, PAGE_1_ANSWERS, PAGE_2_ANSWERS, pdfAttachment } from '../../test/dossier-fixtures';
import { firstIncompleteStep, firstStepOfNewDraft, pageOfField, planWizard, splitIntoPages } from './steps';
import { parseNumberInput, toDraftPatch } from './formValues';

const fields = (n: number): FormField[] =>
  Array.from({ length: n }, (_, i) => ({
    key: `f${i}`,
    label: `Câu ${i}`,
    labelEn: `Q ${i}`,
    type: 'text',
    required: true,
  }));

describe('wizard plan', () => {
  it.each([
    [0, []],
    [3, [3]],
    [5, [5]],
    [6, [3, 3]],
    [18, [5, 5, 4, 4]],
    [19, [5, 5, 5, 4]],
  ])('splits %i questions into pages of at most five, as even as possible', (n, sizes) => {
    expect(splitIntoPages(fields(n)).map((p) => p.length)).toEqual(sizes);
  });

  it('lists the pages, the documents when there are any, then the check page', () => {
    expect(planWizard(birthProcedure()).steps).toEqual(['1', '2', 'documents', 'check']);
    expect(planWizard(birthProcedure({ requiredDocuments: [] })).steps).toEqual(['1', '2', 'check']);
    expect(planWizard(birthProcedure({ formSchema: { fields: [] }, requiredDocuments: [] })).steps).toEqual(['check']);
    expect(pageOfField(planWizard(birthProcedure()), 'declaration')).toBe(2);
  });

  it('resumes at the first page whose saved answers fail the shared validator, then documents, then check', async () => {
    const plan = planWizard(birthProcedure());
    const both = [pdfAttachment('TO_KHAI'), pdfAttachment('GIAY_CHUNG_SINH')];
    expect(await firstIncompleteStep(plan, { formData: {}, attachments: [] })).toBe('1');
    // A saved answer that breaks a rule (11 digits) keeps its page incomplete.
    expect(
      await firstIncompleteStep(plan, {
        formData: { ...PAGE_1_ANSWERS, motherNationalId: '04819000012' },
        attachments: both,
      }),
    ).toBe('1');
    expect(await firstIncompleteStep(plan, { formData: PAGE_1_ANSWERS, attachments: both })).toBe('2');
    const answered = { ...PAGE_1_ANSWERS, ...PAGE_2_ANSWERS };
    // The optional document is not needed.
    expect(await firstIncompleteStep(plan, { formData: answered, attachments: [pdfAttachment('TO_KHAI')] })).toBe(
      'documents',
    );
    expect(await firstIncompleteStep(plan, { formData: answered, attachments: both })).toBe('check');
  });

  it('starts a draft with no saved answer where the validator would, without loading it', async () => {
    const optional = (f: FormField): FormField => ({ ...f, required: false });
    const procedures = [
      birthProcedure(),
      // Page 1 asks nothing required: the validator passes it empty, so the draft starts on page 2.
      birthProcedure({
        formSchema: {
          fields: birthProcedure().formSchema.fields.map((f, i) => (i < 4 ? optional(f) : f)),
        },
      }),
      birthProcedure({ formSchema: { fields: birthProcedure().formSchema.fields.map(optional) } }),
      birthProcedure({ formSchema: { fields: [] } }),
    ];
    const attachmentSets = [[], [pdfAttachment('TO_KHAI'), pdfAttachment('GIAY_CHUNG_SINH')]];
    const seen = new Set<string | null>();
    for (const procedure of procedures) {
      const plan = planWizard(procedure);
      for (const attachments of attachmentSets) {
        const draft = { formData: {}, attachments };
        const start = firstStepOfNewDraft(plan, draft);
        seen.add(start);
        expect(start).toBe(await firstIncompleteStep(plan, draft));
      }
    }
    expect([...seen].sort()).toEqual(['1', '2', 'check', 'documents']);
    // Once an answer is saved, only the validator judges the draft.
    expect(
      firstStepOfNewDraft(planWizard(birthProcedure()), { formData: { childFullName: 'An' }, attachments: [] }),
    ).toBeNull();
  });
});

describe('form values', () => {
  it('reads a number typed as text, with a decimal comma; leaves text for the validator to refuse', () => {
    expect(parseNumberInput('')).toBeNull();
    expect(parseNumberInput(' 3 ')).toBe(3);
    expect(parseNumberInput('2,5')).toBe(2.5);
    expect(parseNumberInput('hai')).toBe('hai');
  });

  it('sends emptied answers as null and drops what the draft would refuse', async () => {
    const page = birthProcedure().formSchema.fields.slice(4);
    expect(
      await toDraftPatch(page, {
        requesterPhone: '',
        requesterEmail: 'an@example.com',
        extractCopies: 'hai',
        declaration: false,
      }),
    ).toEqual({ requesterPhone: null, requesterEmail: 'an@example.com', declaration: false });
  });
});
