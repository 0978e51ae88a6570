import { BASE_URL } from './browser.js';
import { DEMO_PASSWORD, tinyPdf } from './fixtures.js';

/** A signed-in user calling the API directly, as the portal or the staff desk would. */
export class ApiClient {
  private constructor(private readonly token: string) {}

  static async login(username: string, password: string = DEMO_PASSWORD): Promise<ApiClient> {
    const res = await fetch(`${BASE_URL()}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    expect(res.status).toBe(200);
    return new ApiClient(((await res.json()) as { accessToken: string }).accessToken);
  }

  /** The raw response, for callers that assert on the status themselves. */
  async send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const isForm = body instanceof FormData;
    return fetch(`${BASE_URL()}/api/v1${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${this.token}`,
        ...(body !== undefined && !isForm ? { 'Content-Type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
    });
  }

  /** The parsed body; throws with the problem text on any non-2xx status. */
  async call<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    const res = await this.send(method, path, body, headers);
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** Attach tinyPdf() to a dossier as the given document. */
  async upload(dossierId: string, documentCode: string, fileName: string): Promise<void> {
    const form = new FormData();
    form.set('documentCode', documentCode);
    form.set('file', new Blob([new Uint8Array(tinyPdf())], { type: 'application/pdf' }), fileName);
    await this.call('POST', `/dossiers/${dossierId}/attachments`, form);
  }
}

/** A staff member applies one action to a dossier at its current version, as the staff desk would. */
export async function staffAction(username: string, dossierId: string, action: string, note?: string): Promise<void> {
  const api = await ApiClient.login(username);
  const current = await api.call<{ version: number }>('GET', `/dossiers/${dossierId}`);
  const res = await api.send('POST', `/dossiers/${dossierId}/actions`, {
    action,
    version: current.version,
    ...(note ? { note } : {}),
  });
  expect({ action, status: res.status }).toEqual({ action, status: 200 });
}
