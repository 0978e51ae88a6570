import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { ERROR_CODES, PROBLEM_CONTENT_TYPE, type ErrorCode } from '@motcua/shared';
import { problemBody } from './problem.filter.js';

/**
 * Requests Node's HTTP parser refuses before Express sees them (a 20 kB URL, a malformed request
 * line or header) are answered as problem+json too, as the contract says every error is, instead
 * of Node's bare status line.
 */
export function answerClientErrorsAsProblems(server: Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const [code, detail]: [ErrorCode, string] =
      err.code === 'HPE_HEADER_OVERFLOW'
        ? ['HEADERS_TOO_LARGE', 'The request line or headers are too large']
        : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? ['REQUEST_TIMEOUT', 'The request took too long to arrive']
          : ['MALFORMED_REQUEST', 'The request is not valid HTTP'];
    const status = ERROR_CODES[code].status;
    const body = JSON.stringify({ ...problemBody(status, code, detail), title: STATUS_CODES[status] ?? 'Error' });
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
