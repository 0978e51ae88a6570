import { API_BASE, ApiError } from '../../lib/api';
import { getAccessToken, refreshSession } from '../../lib/auth';

/**
 * A private file (an attachment) as a Blob, fetched with the bearer token: an <iframe> or <img>
 * cannot send it, so the preview shows the blob through an object URL.
 */
export async function fetchPrivateBlob(path: string, signal?: AbortSignal): Promise<Blob> {
  const send = () => {
    const token = getAccessToken();
    return fetch(`${API_BASE}${path}`, { headers: token ? { Authorization: `Bearer ${token}` } : {}, signal });
  };
  let res: Response;
  try {
    res = await send();
    if (res.status === 401 && (await refreshSession())) res = await send();
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError({ type: 'about:blank', title: 'Network error', status: 0, detail: 'network', code: 'NETWORK' });
  }
  if (!res.ok) {
    throw new ApiError({ type: 'about:blank', title: res.statusText, status: res.status, detail: res.statusText });
  }
  return res.blob();
}
