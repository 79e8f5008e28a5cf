/**
 * JSON answers as web `Response`s, with their text kept on the side so the Express adapter can
 * send it as is instead of reading the body stream back (which costs more than making it).
 */
const texts = new WeakMap<Response, string>();

export function jsonResponse(status: number, body: unknown): Response {
  const text = JSON.stringify(body);
  const response = new Response(text, {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
  texts.set(response, text);
  return response;
}

/** The JSON text of a response made by `jsonResponse`, or undefined for any other. */
export function jsonTextOf(response: Response): string | undefined {
  return texts.get(response);
}
