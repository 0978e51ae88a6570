import net from 'node:net';

/**
 * A PostgreSQL wire-protocol proxy that records the statements its clients send (simple Query,
 * extended Parse + Bind). The submit benchmark puts it between the API and the database for one
 * request, to learn exactly which statements one submit transaction runs, and checks them
 * against the pgbench script (so the baseline cannot silently drift from the code).
 *
 * Bytes are forwarded unchanged; only the frontend → backend direction is parsed.
 */

/**
 * @typedef {{ conn: number, kind: 'query' | 'parse' | 'bind', sql?: string, params?: (string | null)[], at: number }} RecordedMessage
 */

/**
 * @param {{ host: string, port: number }} upstream
 * @returns {Promise<{ port: number, messages: RecordedMessage[], recording: boolean, start(): void, stop(): RecordedMessage[], close(): Promise<void> }>}
 */
export async function startRecorder(upstream) {
  let nextConn = 1;
  const sockets = new Set();
  const state = {
    port: 0,
    /** @type {RecordedMessage[]} */
    messages: [],
    recording: false,
    start() {
      this.messages = [];
      this.recording = true;
    },
    stop() {
      this.recording = false;
      return this.messages;
    },
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(() => resolve(undefined)));
    },
  };

  const server = net.createServer((client) => {
    const conn = nextConn++;
    const backend = net.connect(upstream.port, upstream.host);
    sockets.add(client);
    sockets.add(backend);
    client.setNoDelay(true);
    backend.setNoDelay(true);
    backend.pipe(client);
    let buf = Buffer.alloc(0);
    let started = false;
    client.on('data', (chunk) => {
      backend.write(chunk);
      buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
      for (;;) {
        if (!started) {
          if (buf.length < 4) return;
          const len = buf.readInt32BE(0);
          if (buf.length < len) return;
          const code = buf.readInt32BE(4);
          buf = buf.subarray(len);
          // SSLRequest / GSSENCRequest are followed by another startup message.
          if (code !== 80877103 && code !== 80877104) started = true;
          continue;
        }
        if (buf.length < 5) return;
        const type = String.fromCharCode(buf[0]);
        const len = buf.readInt32BE(1);
        if (buf.length < 1 + len) return;
        const body = buf.subarray(5, 1 + len);
        buf = buf.subarray(1 + len);
        if (state.recording) record(conn, type, body, state.messages);
      }
    });
    const end = () => {
      client.destroy();
      backend.destroy();
      sockets.delete(client);
      sockets.delete(backend);
    };
    client.on('error', end);
    backend.on('error', end);
    client.on('close', end);
    backend.on('close', end);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const addr = server.address();
  state.port = typeof addr === 'object' && addr ? addr.port : 0;
  return state;
}

/**
 * @param {number} conn
 * @param {string} type
 * @param {Buffer} body
 * @param {RecordedMessage[]} out
 */
function record(conn, type, body, out) {
  const at = performance.now();
  if (type === 'Q') {
    out.push({ conn, kind: 'query', sql: cstring(body, 0).value, at });
  } else if (type === 'P') {
    const name = cstring(body, 0);
    const sql = cstring(body, name.next);
    out.push({ conn, kind: 'parse', sql: sql.value, at });
  } else if (type === 'B') {
    const portal = cstring(body, 0);
    const stmt = cstring(body, portal.next);
    let o = stmt.next;
    const nFormats = body.readInt16BE(o);
    o += 2;
    const formats = [];
    for (let i = 0; i < nFormats; i++, o += 2) formats.push(body.readInt16BE(o));
    const nParams = body.readInt16BE(o);
    o += 2;
    /** @type {(string | null)[]} */
    const params = [];
    for (let i = 0; i < nParams; i++) {
      const len = body.readInt32BE(o);
      o += 4;
      if (len < 0) {
        params.push(null);
        continue;
      }
      const binary = (formats.length === 1 ? formats[0] : formats[i]) === 1;
      const raw = body.subarray(o, o + len);
      params.push(binary ? `\\x${raw.toString('hex')}` : raw.toString('utf8'));
      o += len;
    }
    out.push({ conn, kind: 'bind', params, at });
  }
}

/** @param {Buffer} b @param {number} start */
function cstring(b, start) {
  const end = b.indexOf(0, start);
  return { value: b.toString('utf8', start, end), next: end + 1 };
}

/**
 * The statements of the recorded messages, one per Query or Parse with the values of the Bind
 * that follows it on the same connection.
 * @param {RecordedMessage[]} messages
 * @returns {{ conn: number, sql: string, params: (string | null)[] }[]}
 */
export function statementsOf(messages) {
  /** @type {{ conn: number, sql: string, params: (string | null)[] }[]} */
  const out = [];
  /** @type {Map<number, { conn: number, sql: string, params: (string | null)[] }>} */
  const lastParse = new Map();
  for (const m of messages) {
    if (m.kind === 'query' && m.sql !== undefined) out.push({ conn: m.conn, sql: m.sql, params: [] });
    else if (m.kind === 'parse' && m.sql !== undefined) {
      const s = { conn: m.conn, sql: m.sql, params: [] };
      out.push(s);
      lastParse.set(m.conn, s);
    } else if (m.kind === 'bind') {
      const s = lastParse.get(m.conn);
      if (s && m.params) s.params = m.params;
    }
  }
  return out;
}

/** Whitespace-insensitive form of a statement, for comparing texts. */
export function normalizeSql(sql) {
  return sql.replace(/\s+/g, ' ').trim();
}
