/** A small HTTP client of the MotCua API for preparing benchmark data (not timed). */

/** A tiny PDF (recognised by its magic bytes, as the API checks content, not names). */
export const PDF = Buffer.from(
  '%PDF-1.4\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
  'latin1',
);

export class ApiClient {
  /** @param {string} baseUrl e.g. http://127.0.0.1:3000 */
  constructor(baseUrl) {
    this.base = `${baseUrl}/api/v1`;
  }

  async request(method, path, { token, body, headers = {}, expect = [200, 201, 204] } = {}) {
    const h = { ...headers };
    if (token) h.authorization = `Bearer ${token}`;
    let payload;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      h['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const res = await fetch(`${this.base}${path}`, { method, headers: h, body: payload });
    const text = await res.text();
    if (!expect.includes(res.status)) {
      throw new Error(`${method} ${path} → ${res.status}: ${text.slice(0, 500)}`);
    }
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null, text };
  }

  /** @returns {Promise<string>} an access token */
  async login(username, password) {
    const r = await this.request('POST', '/auth/login', { body: { username, password } });
    return r.body.accessToken;
  }

  async register(nationalId, fullName, password) {
    await this.request('POST', '/auth/register', {
      body: { nationalId, fullName, dateOfBirth: '1990-01-01', email: `${nationalId}@bench.example.vn`, password },
      expect: [201, 409],
    });
  }

  procedure(code) {
    return this.request('GET', `/procedures/${encodeURIComponent(code)}`).then((r) => r.body);
  }

  async createDraft(token, procedureCode, agencyCode, formData) {
    const r = await this.request('POST', '/dossiers', { token, body: { procedureCode, agencyCode, formData } });
    return r.body.id;
  }

  async attach(token, dossierId, documentCode, content = PDF) {
    const form = new FormData();
    form.set('documentCode', documentCode);
    form.set('file', new Blob([content], { type: 'application/pdf' }), `${documentCode.toLowerCase()}.pdf`);
    await this.request('POST', `/dossiers/${dossierId}/attachments`, { token, body: form });
  }

  async submit(token, dossierId, key) {
    const r = await this.request('POST', `/dossiers/${dossierId}/submit`, {
      token,
      headers: { 'idempotency-key': key },
      body: {},
    });
    return r.body;
  }
}

/** Run `fn` over `items` with at most `concurrency` at once. */
export async function inPool(items, concurrency, fn) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}
