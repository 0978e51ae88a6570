/**
 * The form's validation rules, in the chunk loaded on first need (loadFormRules.ts): the shared
 * validators (the API's own at submit and at each draft save) and the react-hook-form resolver
 * that runs them. They bring zod, which step 1 must not wait for (issue 16, item 16).
 */
export { buildDraftValidator, buildFormValidator } from '@motcua/shared/form-schema';
export { zodResolver } from '@hookform/resolvers/zod';
