import type { AttachmentDto, Problem } from '@motcua/shared';
import { API_BASE, ApiError } from '../../lib/api';
import { getAccessToken, refreshSession } from '../../lib/auth';

/** What the API accepts (api.md: recognised by content; checked here by type and name first). */
export const ACCEPTED_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export const ACCEPT_ATTRIBUTE = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';
const ACCEPTED_EXTENSIONS = /\.(pdf|jpe?g|png)$/i;
const MB = 1024 * 1024;

export type FileProblem = 'type' | 'size' | 'empty';

/** Checked before uploading, so a wrong file fails at once instead of after a long upload. */
export function checkFile(file: Pick<File, 'name' | 'type' | 'size'>, maxSizeMb: number): FileProblem | null {
  const typeOk = file.type
    ? (ACCEPTED_TYPES as readonly string[]).includes(file.type)
    : ACCEPTED_EXTENSIONS.test(file.name);
  if (!typeOk) return 'type';
  if (file.size === 0) return 'empty';
  if (file.size > maxSizeMb * MB) return 'size';
  return null;
}

interface XhrAnswer {
  status: number;
  text: string;
  retryAfter: string | null;
}

function send(url: string, body: FormData, onProgress: (percent: number) => void): Promise<XhrAnswer> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('Accept', 'application/json');
    const token = getAccessToken();
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(Math.min(100, Math.round((e.loaded / e.total) * 100)));
    };
    xhr.onload = () =>
      resolve({ status: xhr.status, text: xhr.responseText, retryAfter: xhr.getResponseHeader('Retry-After') });
    xhr.onerror = () => reject(new Error('network'));
    xhr.onabort = () => reject(new Error('aborted'));
    xhr.send(body);
  });
}

function toError(answer: XhrAnswer): ApiError {
  let p: Partial<Problem> = {};
  try {
    p = JSON.parse(answer.text) as Partial<Problem>;
  } catch {
    // A 413 from a proxy may be HTML: the status is enough.
  }
  return new ApiError({
    ...p,
    type: p.type ?? 'about:blank',
    title: p.title ?? String(answer.status),
    status: answer.status,
    detail: p.detail ?? String(answer.status),
    ...(answer.retryAfter ? { retryAfter: Number(answer.retryAfter) } : {}),
  });
}

/**
 * Upload one file for one required document (multipart: `documentCode` first, then `file`, the
 * order the API reads them in), with upload progress; XMLHttpRequest because fetch reports none.
 */
export async function uploadAttachment(
  dossierId: string,
  documentCode: string,
  file: File,
  onProgress: (percent: number) => void,
): Promise<AttachmentDto> {
  const body = new FormData();
  body.append('documentCode', documentCode);
  body.append('file', file, file.name);
  const url = `${API_BASE}/dossiers/${encodeURIComponent(dossierId)}/attachments`;
  const network = () =>
    new ApiError({ type: 'about:blank', title: 'Network error', status: 0, detail: 'network', code: 'NETWORK' });
  let answer: XhrAnswer;
  try {
    answer = await send(url, body, onProgress);
    if (answer.status === 401 && (await refreshSession())) {
      onProgress(0);
      answer = await send(url, body, onProgress);
    }
  } catch {
    throw network();
  }
  if (answer.status >= 200 && answer.status < 300) return JSON.parse(answer.text) as AttachmentDto;
  throw toError(answer);
}
