import { useCallback, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import type { ControlValue, PageValues } from './formValues';

/** A failing answer: the shared validator's error code, or the API's at submit (`type: 'server'`). */
export interface AnswerError {
  type: string;
  message?: string;
}
export type AnswerErrors = Record<string, AnswerError | undefined>;

/** What a page's validator says of its answers: each failing key with its error code. */
export type PageCheck = (values: PageValues) => Promise<Record<string, string>>;

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** What `register(key)` spreads on a question's input(s): uncontrolled, as react-hook-form's register. */
export interface AnswerProps {
  name: string;
  ref: (el: Control | null) => void;
  onChange: (e: ChangeEvent<Control>) => void;
}

export interface RegisterOptions {
  /** The value kept for what the input holds (a number typed as text: parseNumberInput). */
  setValueAs?: (raw: string) => ControlValue;
}

export interface QuestionsForm {
  register: (key: string, options?: RegisterOptions) => AnswerProps;
  /** The answers as the inputs hold them now. */
  getValues: () => PageValues;
  /** Checks every answer; calls `onValid` when all pass, else `onInvalid` with the failing ones. */
  handleSubmit: (
    onValid: (values: PageValues) => Promise<void>,
    onInvalid: (errors: AnswerErrors) => void,
  ) => (e: FormEvent) => Promise<void>;
  setError: (key: string, error: AnswerError) => void;
  errors: AnswerErrors;
  isSubmitting: boolean;
}

/** An input's current answer: a checkbox's tick, the chosen radio's value, else its text. */
function readControl(el: Control): ControlValue | undefined {
  if (el instanceof HTMLInputElement && el.type === 'checkbox') return el.checked;
  if (el instanceof HTMLInputElement && el.type === 'radio') return el.checked ? el.value : undefined;
  return el.value;
}

/** Shows a starting answer in an input (a radio is checked when it is that answer). */
function writeControl(el: Control, value: ControlValue | undefined): void {
  if (el instanceof HTMLInputElement && el.type === 'checkbox') el.checked = value === true;
  else if (el instanceof HTMLInputElement && el.type === 'radio') el.checked = el.value === value;
  else el.value = value === null || value === undefined ? '' : String(value);
}

const toErrors = (failing: Record<string, string>): AnswerErrors =>
  Object.fromEntries(Object.entries(failing).map(([key, code]) => [key, { type: 'validate', message: code }]));

/**
 * The state of one page of questions, in place of react-hook-form, whose 12.7 KiB gzipped step 1
 * would otherwise load before it renders (issue 16, item 16). It keeps react-hook-form's behaviour
 * the wizard relies on (its "onSubmit" mode): inputs uncontrolled, started from `defaults`; the
 * whole page checked on submit; after a first submit each changed answer checked again, so a fixed
 * answer leaves the error summary (GOV.UK); errors set from outside (the API's) kept until then.
 */
export function useQuestionsForm(defaults: PageValues, check: PageCheck): QuestionsForm {
  const values = useRef<PageValues>({ ...defaults });
  const setValueAs = useRef(new Map<string, RegisterOptions['setValueAs']>());
  const refs = useRef(new Map<string, AnswerProps['ref']>());
  const shown = useRef(new WeakSet<Control>());
  const submitted = useRef(false);
  // Each check's turn: a slower, older check never overwrites a newer one's answer.
  const turn = useRef(0);
  const [errors, setErrors] = useState<AnswerErrors>({});
  const [isSubmitting, setSubmitting] = useState(false);

  const onChange = useCallback(
    (e: ChangeEvent<Control>) => {
      const el = e.target;
      const key = el.name;
      const raw = readControl(el);
      if (raw === undefined) return;
      const parse = setValueAs.current.get(key);
      values.current[key] = parse && typeof raw === 'string' ? parse(raw) : raw;
      if (!submitted.current) return;
      const mine = ++turn.current;
      void check({ ...values.current }).then(
        (failing) => {
          if (mine !== turn.current) return;
          setErrors((prev) => {
            const code = failing[key];
            if (prev[key]?.message === code && prev[key]?.type === 'validate') return prev;
            const next = { ...prev };
            if (code === undefined) delete next[key];
            else next[key] = { type: 'validate', message: code };
            return next;
          });
        },
        // The rules could not be loaded (offline): the answer keeps its last error until the next try.
        () => undefined,
      );
    },
    [check],
  );

  const register = useCallback(
    (key: string, options: RegisterOptions = {}): AnswerProps => {
      setValueAs.current.set(key, options.setValueAs);
      let ref = refs.current.get(key);
      if (!ref) {
        // One ref per answer, kept across renders: an input is given its starting answer once.
        ref = (el) => {
          if (!el || shown.current.has(el)) return;
          shown.current.add(el);
          writeControl(el, values.current[key]);
        };
        refs.current.set(key, ref);
      }
      return { name: key, ref, onChange };
    },
    [onChange],
  );

  const getValues = useCallback(() => ({ ...values.current }), []);

  const handleSubmit = useCallback<QuestionsForm['handleSubmit']>(
    (onValid, onInvalid) => async (e) => {
      e.preventDefault();
      setSubmitting(true);
      try {
        // Any check of a single answer still under way is older than this one: it is dropped.
        ++turn.current;
        const failing = await check({ ...values.current });
        submitted.current = true;
        const found = toErrors(failing);
        setErrors(found);
        if (Object.keys(found).length === 0) await onValid({ ...values.current });
        else onInvalid(found);
      } finally {
        setSubmitting(false);
      }
    },
    [check],
  );

  const setError = useCallback((key: string, error: AnswerError) => {
    setErrors((prev) => ({ ...prev, [key]: error }));
  }, []);

  return { register, getValues, handleSubmit, setError, errors, isSubmitting };
}
