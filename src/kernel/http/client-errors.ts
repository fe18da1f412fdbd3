import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { API_VERSION, type ErrorEnvelope } from './envelope.js';

/** What Node answers by itself, kept as it is: these are about size and time, not malformed input. */
const NODE_DEFAULTS: Record<string, string> = {
  HPE_HEADER_OVERFLOW: 'HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\n\r\n',
  HPE_CHUNK_EXTENSIONS_OVERFLOW: 'HTTP/1.1 413 Payload Too Large\r\nConnection: close\r\n\r\n',
  ERR_HTTP_REQUEST_TIMEOUT: 'HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n',
};

/** The request target, when the bytes received show a printable one; it is echoed as links.self. */
function target(rawPacket: Buffer | undefined): string {
  const line = rawPacket?.subarray(0, 2048).toString('latin1').split('\r\n', 1)[0] ?? '';
  const path = line.split(' ')[1];
  return path && /^[\x21-\x7e]{1,1024}$/.test(path) ? path : '/';
}

function badRequest(rawPacket: Buffer | undefined): string {
  const id = randomUUID();
  const envelope: ErrorEnvelope = {
    success: false,
    data: null,
    error: {
      code: 'BAD_REQUEST',
      message: 'The request is not valid HTTP: a control character (such as NUL) in the request line or a header, or a malformed header',
    },
    meta: { requestId: id, correlationId: id, timestamp: new Date().toISOString(), status: 400, version: API_VERSION },
    context: { principalId: null, principalType: null, organizationId: null },
    links: { self: target(rawPacket) },
  };
  const body = JSON.stringify(envelope);
  return (
    'HTTP/1.1 400 Bad Request\r\nContent-Type: application/json; charset=utf-8\r\n' +
    `Content-Length: ${Buffer.byteLength(body)}\r\nx-request-id: ${id}\r\nx-correlation-id: ${id}\r\nConnection: close\r\n\r\n${body}`
  );
}

/**
 * Requests Node's HTTP parser refuses before any middleware runs (a NUL or another control
 * character in a header value or the request line, a malformed header) are answered 400 in the
 * envelope, as every other client mistake, instead of Node's bare status line. Size and time
 * limits keep Node's own answers.
 */
export function answerMalformedRequests(server: Server): void {
  server.on(
    'clientError',
    (error: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket: Duplex & { _httpMessage?: { headersSent?: boolean } }) => {
      // Like Node: never write into a response already under way, nor to a peer that is gone.
      if (error.code === 'ECONNRESET' || !socket.writable || socket._httpMessage?.headersSent) {
        socket.destroy();
        return;
      }
      // Closed once written, as Node does: the rest of what the client sends is never read.
      socket.end(NODE_DEFAULTS[error.code ?? ''] ?? badRequest(error.rawPacket), () => socket.destroy());
    },
  );
}
