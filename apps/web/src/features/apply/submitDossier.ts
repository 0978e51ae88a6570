import type { SubmitDossierResponse } from '@motcua/shared';
import { IDEMPOTENCY_KEY_HEADER } from '@motcua/shared/dossier';
import { ApiError, api } from '../../lib/api';

const KEY_PREFIX = 'motcua.submitKey.';

/** A random UUID; crypto.randomUUID needs a secure context, getRandomValues does not. */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto;
  if (typeof c.randomUUID === 'function') return c.randomUUID();
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * The key of the current submit attempt of a dossier: made once, kept (also across a reload) until
 * the API has given a definite answer, so that a retry after a lost answer cannot submit twice.
 */
export function submissionKey(dossierId: string): string {
  const name = KEY_PREFIX + dossierId;
  let key: string | null = null;
  try {
    key = sessionStorage.getItem(name);
  } catch {
    // No storage: the key lives as long as this call's retries below.
  }
  if (!key) {
    key = newIdempotencyKey();
    try {
      sessionStorage.setItem(name, key);
    } catch {
      // Private mode: retries within this page still reuse the key via the caller's ref.
    }
  }
  return key;
}

export function forgetSubmissionKey(dossierId: string): void {
  try {
    sessionStorage.removeItem(KEY_PREFIX + dossierId);
  } catch {
    // Nothing stored.
  }
}

export type SubmitOutcome =
  | { kind: 'submitted'; response: SubmitDossierResponse }
  /** 400: form fields that fail the procedure's schema, by field key → error code. */
  | { kind: 'fields'; errors: Record<string, string> }
  /** 422: required documents missing, by document code. */
  | { kind: 'documents'; codes: string[] }
  | { kind: 'error'; error: unknown };

/** Whether the API may or may not have acted (network lost, server error): then the same key is reused. */
function outcomeUnknown(e: unknown): boolean {
  return !(e instanceof ApiError) || e.status === 0 || e.status === 429 || e.status >= 500;
}

/** POST /dossiers/{id}/submit with the attempt's Idempotency-Key, its answer sorted for the wizard. */
export async function submitDossier(dossierId: string): Promise<SubmitOutcome> {
  const key = submissionKey(dossierId);
  try {
    const response = await api<SubmitDossierResponse>(`/dossiers/${encodeURIComponent(dossierId)}/submit`, {
      method: 'POST',
      headers: { [IDEMPOTENCY_KEY_HEADER]: key },
      body: {},
    });
    forgetSubmissionKey(dossierId);
    return { kind: 'submitted', response };
  } catch (e) {
    if (outcomeUnknown(e)) return { kind: 'error', error: e };
    // A definite refusal: the next attempt (after a correction) is a new request with a new key.
    forgetSubmissionKey(dossierId);
    const problem = (e as ApiError).problem;
    const named = problem.errors ?? [];
    if (problem.status === 400) {
      const errors: Record<string, string> = {};
      for (const fe of named) if (fe.field.startsWith('formData.')) errors[fe.field.slice(9)] = fe.message;
      if (Object.keys(errors).length) return { kind: 'fields', errors };
    }
    if (problem.status === 422 && problem.code === 'MISSING_DOCUMENTS') {
      const codes = named.filter((fe) => fe.field.startsWith('documents.')).map((fe) => fe.field.slice(10));
      if (codes.length) return { kind: 'documents', codes };
    }
    return { kind: 'error', error: e };
  }
}
