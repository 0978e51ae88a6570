import type { FormField } from '@motcua/shared';

// Kept apart from the validator's helpers so that pages which only show answers load no zod.
export function fieldLabel(field: Pick<FormField, 'label' | 'labelEn'>, english: boolean): string {
  return english ? field.labelEn : field.label;
}

export function fieldHint(field: Pick<FormField, 'hint' | 'hintEn'>, english: boolean): string | undefined {
  return (english ? (field.hintEn ?? field.hint) : field.hint) || undefined;
}
