/** HTTP/1.1 request and response messages (RFC 9112 §3, §4, §6) as bytes, for synthetic web traffic. */

import { ascii, concatBytes } from './byte-writer.js';

export type HttpHeaders = readonly (readonly [string, string])[];

/** A request line, headers and an optional body (Content-Length added when there is one). */
export function httpRequest(method: string, target: string, headers: HttpHeaders, body: Uint8Array = new Uint8Array(0)): Uint8Array {
  const lines = [`${method} ${target} HTTP/1.1`, ...headers.map(([k, v]) => `${k}: ${v}`)];
  if (body.length > 0) lines.push(`Content-Length: ${body.length}`);
  return concatBytes([ascii(`${lines.join('\r\n')}\r\n\r\n`), body]);
}

/** A status line, headers, Content-Length and the body. */
export function httpResponse(status: number, reason: string, headers: HttpHeaders, body: Uint8Array): Uint8Array {
  return concatBytes([httpResponseHead(status, reason, headers, body.length), body]);
}

/** Just the head of a response whose body of `contentLength` bytes is sent separately (bench bodies live in a shared buffer). */
export function httpResponseHead(status: number, reason: string, headers: HttpHeaders, contentLength: number): Uint8Array {
  const lines = [`HTTP/1.1 ${status} ${reason}`, ...headers.map(([k, v]) => `${k}: ${v}`), `Content-Length: ${contentLength}`];
  return ascii(`${lines.join('\r\n')}\r\n\r\n`);
}
