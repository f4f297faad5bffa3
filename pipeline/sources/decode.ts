const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes bytes as strict UTF-8, refusing binary data; throws a message a user can act on. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.includes(0)) throw new Error('binary data (NUL bytes), not text');
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new Error(`invalid UTF-8 at byte ${firstInvalidByte(bytes)}`);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function firstInvalidByte(bytes: Uint8Array): number {
  // Binary search the longest valid prefix (stream decoding would hide the position).
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  // `lo` may end inside a multi-byte sequence that the bad byte broke: point at its lead byte.
  let k = lo;
  while (k > 0 && lo - k < 3 && (bytes[k - 1] & 0xc0) === 0x80) k--;
  if (k > 0 && bytes[k - 1] >= 0xc0) {
    const lead = bytes[k - 1];
    const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
    if (k - 1 + length > lo) return k - 1;
  }
  return lo;
}

/** Splits a byte stream into lines (without the newline) without decoding them first. */
export async function* byteLines(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  for await (const chunk of chunks) {
    let buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let nl: number;
    while ((nl = buf.indexOf(10)) !== -1) {
      pending.push(buf.subarray(0, nl));
      yield pending.length === 1 ? pending[0] : Buffer.concat(pending);
      pending = [];
      buf = buf.subarray(nl + 1);
    }
    if (buf.length) pending.push(Buffer.from(buf));
  }
  if (pending.length) yield Buffer.concat(pending);
}
