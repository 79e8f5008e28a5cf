/**
 * Reading a web `Request`'s body: JSON only, at most `BODY_LIMIT_BYTES` (counted while
 * streaming, so a chunked body without Content-Length is bounded too), valid UTF-8, an object
 * or array at the top. Every failure is a 400 in Purse's envelope; parser messages are never
 * echoed.
 */
import { PurseError } from '@purse/core';
import { BODY_LIMIT_BYTES } from '../rules.js';

const tooLarge = (): PurseError =>
  new PurseError({
    code: 'body_too_large',
    message: `The body is larger than ${String(BODY_LIMIT_BYTES / 1024)} KB.`,
  });
const notJson = (): PurseError =>
  new PurseError({ code: 'body_invalid', message: 'The body is not valid JSON.' });

/** Whether the request says its body is JSON (`application/json`, any parameters). */
export function isJsonContentType(request: Request): boolean {
  const type = request.headers.get('content-type');
  if (type === null) return false;
  return type.split(';', 1)[0]?.trim().toLowerCase() === 'application/json';
}

/**
 * CSRF: a browser sends a cross-site request without a CORS preflight only with a "simple"
 * content type (form, multipart, text/plain) or none, and without custom headers. Requiring
 * JSON or a `Purse-Request` header on every state-changing route makes each of them one that
 * another site cannot send on the user's cookies.
 */
export function assertNotCrossSite(request: Request): void {
  if (isJsonContentType(request) || request.headers.has('purse-request')) return;
  throw new PurseError({
    code: 'csrf_check_failed',
    message:
      'Send state-changing requests with Content-Type: application/json or a Purse-Request: 1 header.',
  });
}

async function readBytes(request: Request): Promise<Uint8Array> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > BODY_LIMIT_BYTES) throw tooLarge();
  if (request.body === null) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > BODY_LIMIT_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** The request's JSON body, or `undefined` when it has none. */
export async function readJsonBody(request: Request): Promise<unknown> {
  const bytes = await readBytes(request);
  if (bytes.byteLength === 0) return undefined;
  if (!isJsonContentType(request)) {
    throw new PurseError({
      code: 'body_invalid',
      message: 'Send the body as JSON with Content-Type: application/json.',
    });
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw notJson();
  }
  // Like body-parser's strict mode: only an object or array at the top.
  const first = text.trimStart()[0];
  if (first !== '{' && first !== '[') throw notJson();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw notJson();
  }
}
