/**
 * The one encoding of a Python str as a JS string (spec/RUNTIME.md, "str
 * values"). A str is a sequence of code points, lone surrogates included;
 * JS strings are UTF-16 units, where two surrogate code points would merge
 * into one astral character. So each code point is written as:
 *
 *   U+0000–U+D7FF, U+E000–U+FFFF   one unit, itself
 *   U+10000–U+10FFFF               a well-formed surrogate pair
 *   surrogate s (U+D800–U+DFFF)    an escape: 0xDC00 + (n >> 9), then
 *                                  0xDE00 + (n & 0x1FF), with n = s - 0xD800
 *
 * The encoding is injective and a concatenation of per-code-point pieces,
 * so `===`, `+`, hashing and unit-level substring search stay correct on
 * encoded strs (a code point never starts at a unit in DE00–DFFF, and a
 * unit in DC00–DDFF starts one only when no high unit precedes it). Every
 * layer that makes a str from code points or from foreign UTF-16 goes
 * through this file; a str with no unit in D800–DFFF needs no decoding.
 */

/** Whether every unit of a str is below 0x80 (true for an empty str). */
export function isAsciiText(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) return false;
  return true;
}

/** Whether a str has a unit in D800–DFFF (else each unit is one code point). */
export function hasSurrogateUnits(text: string): boolean {
  return hasSurrogateUnitsBefore(text, text.length);
}

/** Whether one of the first `end` units of a str is in D800–DFFF. */
export function hasSurrogateUnitsBefore(text: string, end: number): boolean {
  for (let i = 0; i < end; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdfff) return true;
  }
  return false;
}

/** The code point whose encoding starts at unit `at` of a str. */
export function codePointAt(text: string, at: number): number {
  const unit = text.charCodeAt(at);
  if (unit < 0xd800 || unit > 0xdfff) return unit;
  const next = text.charCodeAt(at + 1);
  if (unit <= 0xdbff) return 0x10000 + ((unit - 0xd800) << 10) + (next - 0xdc00);
  return 0xd800 + ((unit - 0xdc00) << 9) + (next - 0xde00);
}

/** The number of units a code point's encoding takes (1 or 2). */
export function unitWidth(codePoint: number): number {
  return codePoint >= 0xd800 && (codePoint <= 0xdfff || codePoint > 0xffff) ? 2 : 1;
}

/** Whether a code point is a surrogate (U+D800–U+DFFF). */
export function isSurrogate(codePoint: number): boolean {
  return codePoint >= 0xd800 && codePoint <= 0xdfff;
}

/** The code points of a str. */
export function codePoints(text: string): number[] {
  const out: number[] = new Array(text.length);
  let count = 0;
  for (let i = 0; i < text.length;) {
    const unit = text.charCodeAt(i);
    if (unit < 0xd800 || unit > 0xdfff) {
      out[count++] = unit;
      i++;
    } else {
      out[count++] = codePointAt(text, i);
      i += 2;
    }
  }
  out.length = count;
  return out;
}

/** The UTF-8 length of a str (the `bytes` unit of gas and caps), a surrogate counting 3. */
export function utf8Length(text: string): number {
  // An ASCII prefix (often the whole str) is a byte a unit, counted by one comparison a unit.
  let ascii = 0;
  while (ascii < text.length && text.charCodeAt(ascii) < 0x80) ascii++;
  if (ascii === text.length) return ascii;
  let length = ascii;
  for (let i = ascii; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) length += 1;
    else if (code < 0x800) length += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      length += 4;
      i++;
    } else if (code >= 0xdc00 && code <= 0xdfff) {
      // A lone surrogate's escape (text_units.ts): three bytes, as in UTF-8's surrogatepass form.
      length += 3;
      i++;
    } else length += 3;
  }
  return length;
}

/** The number of code points of a str (len()). */
export function codePointCount(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdfff) {
      count--;
      i++;
    }
  }
  return count;
}

/** The str of one code point (chr()). */
export function strFromCodePoint(codePoint: number): string {
  if (codePoint < 0xd800 || (codePoint > 0xdfff && codePoint <= 0xffff)) {
    return String.fromCharCode(codePoint);
  }
  if (codePoint > 0xffff) {
    const n = codePoint - 0x10000;
    return String.fromCharCode(0xd800 + (n >> 10), 0xdc00 + (n & 0x3ff));
  }
  const n = codePoint - 0xd800;
  return String.fromCharCode(0xdc00 + (n >> 9), 0xde00 + (n & 0x1ff));
}

/** Units per String.fromCharCode call: few enough to pass as arguments. */
const CHUNK = 4096;

/** The str of a sequence of code points. */
export function strFromCodePoints(sequence: readonly number[]): string {
  const parts: string[] = [];
  let units: number[] = [];
  for (const codePoint of sequence) {
    if (codePoint < 0xd800 || (codePoint > 0xdfff && codePoint <= 0xffff)) units.push(codePoint);
    else if (codePoint > 0xffff) {
      const n = codePoint - 0x10000;
      units.push(0xd800 + (n >> 10), 0xdc00 + (n & 0x3ff));
    } else {
      const n = codePoint - 0xd800;
      units.push(0xdc00 + (n >> 9), 0xde00 + (n & 0x1ff));
    }
    if (units.length >= CHUNK) {
      parts.push(String.fromCharCode(...units));
      units = [];
    }
  }
  parts.push(String.fromCharCode(...units));
  return parts.join("");
}

/**
 * The str of a JS string read as UTF-16 (JSON text, source text): a
 * well-formed pair is one astral code point, any other surrogate unit is a
 * lone surrogate.
 */
export function strFromUtf16(native: string): string {
  if (native.isWellFormed()) return native;
  const sequence: number[] = [];
  for (let i = 0; i < native.length; i++) {
    const unit = native.charCodeAt(i);
    const next = native.charCodeAt(i + 1);
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      sequence.push(0x10000 + ((unit - 0xd800) << 10) + (next - 0xdc00));
      i++;
    } else sequence.push(unit);
  }
  return strFromCodePoints(sequence);
}

/**
 * A str as a JS string in UTF-16 (for JSON output): each surrogate code
 * point becomes one unit, so JSON writes it as a `\udXXX` escape.
 */
export function strToUtf16(text: string): string {
  if (text.isWellFormed()) return text;
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0xd800 || unit > 0xdfff) continue;
    if (unit >= 0xdc00) {
      parts.push(text.slice(from, i), String.fromCharCode(codePointAt(text, i)));
      from = i + 2;
    }
    i++;
  }
  parts.push(text.slice(from));
  return parts.join("");
}

/** A str with every surrogate code point replaced by U+FFFD (lossy UTF-8 for the host's reasons). */
export function replaceSurrogates(text: string): string {
  if (text.isWellFormed()) return text;
  return strFromCodePoints(
    codePoints(text).map((codePoint) => (isSurrogate(codePoint) ? 0xfffd : codePoint)),
  );
}

/**
 * The first run of consecutive surrogate code points of a str, by code
 * point position [start, end), with its first code point; null when the
 * str has none (it is then valid UTF-8 material).
 */
export function firstSurrogateRun(
  text: string,
): { start: number; end: number; codePoint: number } | null {
  if (text.isWellFormed()) return null;
  const sequence = codePoints(text);
  const start = sequence.findIndex(isSurrogate);
  let end = start;
  while (end < sequence.length && isSurrogate(sequence[end] ?? 0)) end++;
  return { start, end, codePoint: sequence[start] ?? 0 };
}

/** Three-way code point order of two strs (surrogates between U+D7FF and U+E000, astral last). */
export function compareStrs(a: string, b: string): number {
  const shorter = Math.min(a.length, b.length);
  let i = 0;
  while (i < shorter && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === shorter) return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
  // Two units outside the surrogates each start a code point of their own: they order the strs.
  const x = a.charCodeAt(i);
  const y = b.charCodeAt(i);
  if ((x < 0xd800 || x > 0xdfff) && (y < 0xd800 || y > 0xdfff)) return x < y ? -1 : 1;
  // Step back to the start of the code point holding the first unequal unit.
  if (i > 0 && (continues(a, i) || continues(b, i))) i--;
  const left = codePointAt(a, i);
  const right = codePointAt(b, i);
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Whether unit `at` of a str continues the code point of the unit before it. */
function continues(text: string, at: number): boolean {
  const unit = text.charCodeAt(at);
  if (unit >= 0xde00 && unit <= 0xdfff) return true;
  const before = text.charCodeAt(at - 1);
  return unit >= 0xdc00 && unit <= 0xdfff && before >= 0xd800 && before <= 0xdbff;
}

/**
 * A str as UTF-8 where a surrogate code point takes the 3-byte form UTF-8
 * would give it (CPython's "surrogatepass"): IR constants that plain
 * CBOR text cannot hold, and the surrogatepass error handler.
 */
export function utf8SurrogatePass(text: string): Uint8Array {
  const out: number[] = [];
  for (const codePoint of codePoints(text)) {
    if (codePoint < 0x80) out.push(codePoint);
    else if (codePoint < 0x800) out.push(0xc0 | (codePoint >> 6), 0x80 | (codePoint & 0x3f));
    else if (codePoint < 0x10000) {
      out.push(
        0xe0 | (codePoint >> 12),
        0x80 | ((codePoint >> 6) & 0x3f),
        0x80 | (codePoint & 0x3f),
      );
    } else {
      out.push(
        0xf0 | (codePoint >> 18),
        0x80 | ((codePoint >> 12) & 0x3f),
        0x80 | ((codePoint >> 6) & 0x3f),
        0x80 | (codePoint & 0x3f),
      );
    }
  }
  return Uint8Array.from(out);
}

/**
 * The str of {@link utf8SurrogatePass} bytes, or null when they are not
 * such bytes (a truncated or overlong sequence, a code point past
 * U+10FFFF).
 */
export function strFromUtf8SurrogatePass(raw: Uint8Array): string | null {
  const sequence: number[] = [];
  for (let i = 0; i < raw.length;) {
    const lead = raw[i] ?? 0;
    const length = lead < 0x80
      ? 1
      : lead >= 0xc2 && lead < 0xe0
      ? 2
      : lead >= 0xe0 && lead < 0xf0
      ? 3
      : lead >= 0xf0 && lead < 0xf5
      ? 4
      : 0;
    if (length === 0 || i + length > raw.length) return null;
    let codePoint = length === 1 ? lead : lead & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) {
      const next = raw[i + k] ?? 0;
      if ((next & 0xc0) !== 0x80) return null;
      codePoint = (codePoint << 6) | (next & 0x3f);
    }
    const least = [0, 0, 0x80, 0x800, 0x10000][length] ?? 0;
    if (codePoint < least || codePoint > 0x10ffff) return null;
    sequence.push(codePoint);
    i += length;
  }
  return strFromCodePoints(sequence);
}

/**
 * `text` with each unit from `low` to `high` moved by `shift` and every
 * other unit kept: `text` itself when none is in that range, else its
 * units written a chunk at a time from the first one that moves.
 */
function shiftedUnits(text: string, low: number, high: number, shift: number): string {
  let at = 0;
  while (at < text.length && !inRange(text.charCodeAt(at), low, high)) at++;
  if (at === text.length) return text;
  let out = text.slice(0, at);
  let units: number[] = [];
  for (; at < text.length; at++) {
    const unit = text.charCodeAt(at);
    units.push(inRange(unit, low, high) ? unit + shift : unit);
    if (units.length >= CHUNK) {
      out += String.fromCharCode(...units);
      units = [];
    }
  }
  return out + String.fromCharCode(...units);
}

function inRange(unit: number, low: number, high: number): boolean {
  return unit >= low && unit <= high;
}

/** `text` with A-Z lowercased and every other unit kept (names, prefixes, codec names, str.lower). */
export function asciiLowercase(text: string): string {
  return shiftedUnits(text, 0x41, 0x5a, 32);
}

/** `text` with a-z uppercased and every other unit kept (hex digits, str.upper). */
export function asciiUppercase(text: string): string {
  return shiftedUnits(text, 0x61, 0x7a, -32);
}
