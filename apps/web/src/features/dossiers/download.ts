import type { Problem } from '@motcua/shared';
import { API_BASE, ApiError } from '../../lib/api';
import { getAccessToken, refreshSession } from '../../lib/auth';

/** A GET of a private file with the bearer token (a plain link cannot carry it); one refresh on 401. */
async function authorizedGet(path: string, headers: Record<string, string> = {}): Promise<Response> {
  const send = () => {
    const token = getAccessToken();
    return fetch(`${API_BASE}${path}`, { headers: token ? { ...headers, Authorization: `Bearer ${token}` } : headers });
  };
  let res = await send();
  if (res.status === 401 && (await refreshSession())) res = await send();
  return res;
}

async function problemOf(res: Response): Promise<ApiError> {
  let body: Partial<Problem> = {};
  try {
    body = (await res.json()) as Partial<Problem>;
  } catch {
    // Not problem+json (a proxy's page): the status says enough.
  }
  return new ApiError({
    ...body,
    type: body.type ?? 'about:blank',
    title: body.title ?? res.statusText,
    status: res.status,
    detail: body.detail ?? res.statusText,
  });
}

/** Fetch a private file (receipt, apology letter, attachment) and hand it to the browser as a download. */
export async function downloadFile(path: string, fileName: string, headers?: Record<string, string>): Promise<void> {
  let res: Response;
  try {
    res = await authorizedGet(path, headers);
  } catch {
    throw new ApiError({ type: 'about:blank', title: 'Network error', status: 0, detail: 'network', code: 'NETWORK' });
  }
  if (!res.ok) throw await problemOf(res);
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser time to start the download before the blob is released.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
