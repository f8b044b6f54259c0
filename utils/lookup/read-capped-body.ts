// Every response body Hostlens reads (DoH answers, history sources, RDAP, certificates) goes
// through here, so a server cannot make the extension hold more than the cap in memory: a
// declared `Content-Length` above the cap is refused before a byte is read, and a body that
// grows past the cap while streaming (no length, or a lying one) is cancelled at that point.
// `response.text()`/`.arrayBuffer()` would read all of it first (issue 13: a 400 MB answer took
// 473 MB of memory before the old check ran).

export type CappedBody = { ok: true; bytes: Uint8Array } | { ok: false; limit: number };

/** The declared length, or null when absent or not a plain decimal number (RFC 9110 §8.6). */
function declaredLength(response: Response): number | null {
  const header = response.headers.get('Content-Length')?.trim();
  return header && /^\d+$/.test(header) ? Number(header) : null;
}

/**
 * The body as bytes, or `{ ok: false, limit }` when it is larger than `maxBytes`; at most
 * `maxBytes` plus one chunk is ever held. A broken connection or an aborted request rejects, as
 * `response.arrayBuffer()` would: the caller knows what its own timeout meant.
 */
export async function readCappedBody(response: Response, maxBytes: number): Promise<CappedBody> {
  // With Content-Encoding the header counts compressed bytes: an answer whose compressed form
  // is over the cap is refused too (its content can be under it only by gzip's few bytes).
  const declared = declaredLength(response);
  if (declared !== null && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    return { ok: false, limit: maxBytes };
  }
  if (!response.body) return { ok: true, bytes: new Uint8Array(0) };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      // Cancelling closes the connection: the rest of the body is never downloaded.
      await reader.cancel().catch(() => undefined);
      return { ok: false, limit: maxBytes };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return { ok: true, bytes };
}

/** The body as UTF-8 text, as `response.text()` reads it (a leading BOM dropped), capped. */
export async function readCappedText(
  response: Response,
  maxBytes: number,
): Promise<{ ok: true; text: string } | { ok: false; limit: number }> {
  const body = await readCappedBody(response, maxBytes);
  return body.ok ? { ok: true, text: new TextDecoder().decode(body.bytes) } : body;
}
