/** Largest provider or endpoint response Frontdesk reads; anything beyond is not an answer we can use. */
export const MAX_RESPONSE_BYTES = 1024 * 1024;

export interface CappedText {
  text: string;
  /** The body went past `maxBytes`: `text` holds its first `maxBytes` bytes and the rest was never read. */
  truncated: boolean;
}

/**
 * Reads a response body as text, at most `maxBytes` of it: a declared Content-Length over the cap is not read at
 * all, and a streamed body is cancelled as soon as it passes the cap, so a hostile or broken endpoint cannot make
 * us buffer gigabytes.
 */
export async function readCappedText(response: Response, maxBytes: number = MAX_RESPONSE_BYTES): Promise<CappedText> {
  const declared = Number(response.headers.get("content-length"));
  if (!response.body) return { text: "", truncated: false };
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body.cancel().catch(() => undefined);
    return { text: "", truncated: true };
  }
  const parts: Uint8Array[] = [];
  let size = 0;
  let truncated = false;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (size + value.byteLength > maxBytes) {
      parts.push(value.subarray(0, maxBytes - size));
      truncated = true;
      await reader.cancel().catch(() => undefined);
      break;
    }
    parts.push(value);
    size += value.byteLength;
  }
  return { text: Buffer.concat(parts).toString("utf8"), truncated };
}
