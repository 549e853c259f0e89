/**
 * A str to bytes for str.encode and bytes(str, encoding), strict errors:
 * UTF-8 (a lone surrogate has no UTF-8 form) or ASCII, failing with
 * CPython's UnicodeEncodeError wording, which names the first run of
 * code points the codec cannot write by code point position.
 */

import { codePoints, firstSurrogateRun } from "../text_units.ts";
import { vmError } from "./failure.ts";

/** `\xXX`, `\uXXXX` or `\UXXXXXXXX`, as UnicodeEncodeError prints a character. */
function escaped(codePoint: number): string {
  const hex = codePoint.toString(16);
  if (codePoint <= 0xff) return `\\x${hex.padStart(2, "0")}`;
  return codePoint <= 0xffff ? `\\u${hex.padStart(4, "0")}` : `\\U${hex.padStart(8, "0")}`;
}

function encodeError(
  codec: string,
  codePoint: number,
  start: number,
  end: number,
  reason: string,
): never {
  const what = end - start === 1
    ? `character '${escaped(codePoint)}' in position ${start}`
    : `characters in position ${start}-${end - 1}`;
  return vmError("UnicodeEncodeError", `'${codec}' codec can't encode ${what}: ${reason}`);
}

/** The UTF-8 bytes of a str; UnicodeEncodeError when it holds a surrogate. */
export function encodeUtf8(text: string): Uint8Array {
  const run = firstSurrogateRun(text);
  if (run !== null) {
    encodeError("utf-8", run.codePoint, run.start, run.end, "surrogates not allowed");
  }
  return new TextEncoder().encode(text);
}

/** The ASCII bytes of a str; UnicodeEncodeError at its first run of other code points. */
export function encodeAscii(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit > 0x7f) {
      const sequence = codePoints(text);
      const start = sequence.findIndex((codePoint) => codePoint > 0x7f);
      let end = start;
      while (end < sequence.length && (sequence[end] ?? 0) > 0x7f) end++;
      encodeError("ascii", sequence[start] ?? 0, start, end, "ordinal not in range(128)");
    }
    out[i] = unit;
  }
  return out;
}
