import { STATUS_CODES, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { BadRequestException } from '@nestjs/common';

/** Deepest nesting of objects and arrays a JSON body may have (the deepest DTO needs about six). */
export const MAX_JSON_DEPTH = 32;

/**
 * The nesting depth of a JSON text, counted on the raw bytes before parsing (brackets inside strings
 * do not count), stopping as soon as it passes `limit`.
 */
export function jsonDepthExceeds(buf: Buffer, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i];
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped byte
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/** body-parser's `verify`: a body nested deeper than MAX_JSON_DEPTH is a 400 before JSON.parse runs. */
export function refuseDeepJson(_req: unknown, _res: unknown, buf: Buffer) {
  if (jsonDepthExceeds(buf, MAX_JSON_DEPTH)) {
    const message = `送信されたJSONの入れ子が深すぎます (${MAX_JSON_DEPTH} 段まで)。`;
    throw new BadRequestException({ code: 'JSON_TOO_DEEP', message, errors: [{ field: 'body', message }] });
  }
}

/** What the HTTP server answers for a request it could not parse (it never reaches Express). */
export function clientErrorBody(code: string | undefined): { statusCode: number; code: string; message: string } {
  if (code === 'HPE_HEADER_OVERFLOW')
    return { statusCode: 431, code: 'HEADERS_TOO_LARGE', message: 'リクエストヘッダーが大きすぎます。Cookie などを減らして再度お試しください。' };
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT')
    return { statusCode: 408, code: 'REQUEST_TIMEOUT', message: 'リクエストの受信が時間内に終わりませんでした。再度お試しください。' };
  return { statusCode: 400, code: 'BAD_REQUEST', message: 'HTTPリクエストの形式が正しくありません。' };
}

/**
 * Node's `clientError` (malformed request line, oversized headers, ...) answered with the API's one
 * error body instead of Node's bare status line.
 */
export function answerClientErrorsAsJson(server: Server) {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const error = clientErrorBody(err.code);
    const body = JSON.stringify(error);
    const statusCode = error.statusCode;
    socket.end(
      `HTTP/1.1 ${statusCode} ${STATUS_CODES[statusCode]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
