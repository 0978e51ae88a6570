import { once } from 'node:events';

/**
 * `COPY … FROM STDIN` through node-postgres without pg-copy-streams: pg's Client.query accepts any
 * "submittable" (an object with submit(connection)); this one sends the statement, then streams
 * CopyData messages from an async iterable of text chunks (COPY text format), with backpressure
 * on the socket, and resolves with the number of rows the server reports.
 */
class CopyFromStdin {
  /**
   * @param {string} sql a `COPY table (cols) FROM STDIN` statement
   * @param {AsyncIterable<string | Buffer> | Iterable<string | Buffer>} source
   */
  constructor(sql, source) {
    this.sql = sql;
    this.source = source;
    /** @type {Error | null} */
    this.error = null;
    this.rowCount = 0;
    this.bytes = 0;
    /** @type {(v: number) => void} */
    this.resolve = () => undefined;
    /** @type {(e: Error) => void} */
    this.reject = () => undefined;
    this.done = new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }

  submit(connection) {
    connection.query(this.sql);
  }

  handleCopyInResponse(connection) {
    this.pump(connection).catch((e) => {
      this.error ??= e;
      connection.sendCopyFail(String(e?.message ?? e));
    });
  }

  async pump(connection) {
    for await (const chunk of this.source) {
      // The server reported an error: it discards the rest, so stop sending.
      if (this.error) break;
      const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      if (!buf.length) continue;
      this.bytes += buf.length;
      connection.sendCopyFromChunk(buf);
      if (connection.stream.writableNeedDrain) await once(connection.stream, 'drain');
    }
    if (this.error) connection.sendCopyFail('aborted');
    else connection.endCopyFrom();
  }

  handleCommandComplete(msg) {
    const m = /COPY (\d+)/.exec(msg.text ?? '');
    if (m) this.rowCount = Number(m[1]);
  }

  handleError(err) {
    this.error ??= err;
  }

  handleReadyForQuery() {
    if (this.error) this.reject(this.error);
    else this.resolve(this.rowCount);
  }

  handleRowDescription() {}
  handleDataRow() {}
  handleEmptyQuery() {}
  handlePortalSuspended() {}
  handleCopyData() {}
}

/**
 * Stream rows into a table with COPY; `source` yields chunks of COPY text-format lines.
 * @param {import('pg').Client} client
 * @returns {Promise<{ rows: number, bytes: number }>}
 */
export async function copyFrom(client, sql, source) {
  const q = new CopyFromStdin(sql, source);
  client.query(/** @type {any} */ (q));
  const rows = await q.done;
  return { rows, bytes: q.bytes };
}

/** A value in COPY text format: \N for null; backslash, tab, newline and carriage return escaped. */
export function copyValue(v) {
  if (v === null || v === undefined) return '\\N';
  const s = typeof v === 'string' ? v : v instanceof Date ? v.toISOString() : String(v);
  return /[\\\t\n\r]/.test(s) ? s.replace(/[\\\t\n\r]/g, (c) => ESC[c]) : s;
}

const ESC = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
