import type { FormSchema } from '@motcua/shared';

/**
 * A procedure version's result template (issue 14): the document the officer can generate instead
 * of uploading one. Texts may hold `{{form.<field>}}`, `{{applicant.fullName}}`,
 * `{{agency.name}}`, `{{dossier.code}}`, `{{procedure.name}}` and `{{today}}`; results/result-template-fill.ts fills them from the dossier.
 */
export interface ResultTemplate {
  /** The document's title, e.g. `TRÍCH LỤC KHAI SINH`. */
  title: string;
  subtitle?: string;
  /** Under the issuing body, e.g. `Số: {{dossier.code}}/TLKS`. */
  reference?: string;
  /** A paragraph before the facts. */
  intro?: string;
  /** `Label: value` lines. */
  fields: { label: string; value: string }[];
  /** A paragraph after the facts. */
  closing?: string;
  /** The signer's title, one line per `\n`. */
  signerTitle: string;
}

/** What generating a result reads from the catalog: the template and the form it is filled from. */
export interface ResultTemplateSource {
  template: ResultTemplate;
  formSchema: FormSchema;
}
