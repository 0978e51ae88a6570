import type { FormField } from '@motcua/shared';
import { birthProcedure, PAGE_1_ANSWERS, PAGE_2_ANSWERS, pdfAttachment } from '../../test/dossier-fixtures';
import { firstIncompleteStep, pageOfField, planWizard, splitIntoPages } from './steps';
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

  it('resumes at the first page whose saved answers fail the shared validator, then documents, then check', () => {
    const plan = planWizard(birthProcedure());
    const both = [pdfAttachment('TO_KHAI'), pdfAttachment('GIAY_CHUNG_SINH')];
    expect(firstIncompleteStep(plan, { formData: {}, attachments: [] })).toBe('1');
    // A saved answer that breaks a rule (11 digits) keeps its page incomplete.
    expect(
      firstIncompleteStep(plan, {
        formData: { ...PAGE_1_ANSWERS, motherNationalId: '04819000012' },
        attachments: both,
      }),
    ).toBe('1');
    expect(firstIncompleteStep(plan, { formData: PAGE_1_ANSWERS, attachments: both })).toBe('2');
    const answered = { ...PAGE_1_ANSWERS, ...PAGE_2_ANSWERS };
    // The optional document is not needed.
    expect(firstIncompleteStep(plan, { formData: answered, attachments: [pdfAttachment('TO_KHAI')] })).toBe(
      'documents',
    );
    expect(firstIncompleteStep(plan, { formData: answered, attachments: both })).toBe('check');
  });
});

describe('form values', () => {
  it('reads a number typed as text, with a decimal comma; leaves text for the validator to refuse', () => {
    expect(parseNumberInput('')).toBeNull();
    expect(parseNumberInput(' 3 ')).toBe(3);
    expect(parseNumberInput('2,5')).toBe(2.5);
    expect(parseNumberInput('hai')).toBe('hai');
  });

  it('sends emptied answers as null and drops what the draft would refuse', () => {
    const page = birthProcedure().formSchema.fields.slice(4);
    expect(
      toDraftPatch(page, {
        requesterPhone: '',
        requesterEmail: 'an@example.com',
        extractCopies: 'hai',
        declaration: false,
      }),
    ).toEqual({ requesterPhone: null, requesterEmail: 'an@example.com', declaration: false });
  });
});
