/**
 * Values of number and string tokens, decoded exactly as CPython 3.11 does.
 *
 * Numbers: integers of any size (bigint), floats and imaginary parts
 * (JS numbers, correctly rounded like CPython). Strings: escapes of str and
 * bytes literals, raw prefixes, newlines normalised to "\n". `\N{name}` is
 * rejected (no Unicode name table ships with the VM). f-strings are
 * recognised but their contents are not decoded.
 */

import type { ConstantValue } from "./ast.ts";
import { reject } from "./diagnostic.ts";
import type { SourceText } from "./source.ts";
import type { Token } from "./tokens.ts";

/** Value of a number token. */
export function numberValue(token: Token): ConstantValue {
  const text = token.text.replaceAll("_", "");
  const last = text[text.length - 1];
  if (last === "j" || last === "J") {
    return { type: "imaginary", value: Number(text.slice(0, -1)) };
  }
  const radix = text[1]?.toLowerCase();
  if (text[0] === "0" && (radix === "x" || radix === "o" || radix === "b")) {
    return { type: "int", value: BigInt(text) };
  }
  if (/[.eE]/.test(text)) return { type: "float", value: Number(text) };
  return { type: "int", value: BigInt(text) };
}

/** Decoded string token: str or bytes value, or an f-string marker. */
export type StringPiece =
  | { readonly type: "str"; readonly value: string }
  | { readonly type: "bytes"; readonly value: Uint8Array }
  | { readonly type: "fstring" };

/** Decodes one string token (prefix, quotes and escapes). */
export function stringValue(source: SourceText, token: Token): StringPiece {
  const text = token.text;
  let prefixLength = 0;
  while (text[prefixLength] !== "'" && text[prefixLength] !== '"') prefixLength++;
  const prefix = text.slice(0, prefixLength).toLowerCase();
  const quote = text.slice(prefixLength, prefixLength + 3);
  const quoteLength = quote === "'''" || quote === '"""' ? 3 : 1;
  const bodyStart = prefixLength + quoteLength;
  const bodyEnd = text.length - quoteLength;
  if (prefix.includes("f")) return { type: "fstring" };
  const decoder = new EscapeDecoder(source, token, bodyStart, bodyEnd, prefix.includes("r"));
  if (prefix.includes("b")) return { type: "bytes", value: decoder.bytes() };
  return { type: "str", value: decoder.str() };
}

const SIMPLE_ESCAPES: Readonly<Record<string, number>> = {
  "\\": 0x5c,
  "'": 0x27,
  '"': 0x22,
  a: 0x07,
  b: 0x08,
  f: 0x0c,
  n: 0x0a,
  r: 0x0d,
  t: 0x09,
  v: 0x0b,
};

class EscapeDecoder {
  readonly #source: SourceText;
  readonly #token: Token;
  readonly #text: string;
  readonly #start: number;
  readonly #end: number;
  readonly #raw: boolean;

  constructor(source: SourceText, token: Token, start: number, end: number, raw: boolean) {
    this.#source = source;
    this.#token = token;
    this.#text = token.text;
    this.#start = start;
    this.#end = end;
    this.#raw = raw;
  }

  #fail(
    at: number,
    length: number,
    message: string,
    rule: "syntax-error" | "unsupported-escape" = "syntax-error",
  ): never {
    const start = this.#token.start + at;
    reject(this.#source, rule, { start, end: start + length }, message);
  }

  /** Length of a line break at `i` (1 or 2), or 0. */
  #lineBreak(i: number): number {
    const char = this.#text[i];
    if (char === "\r") return this.#text[i + 1] === "\n" ? 2 : 1;
    return char === "\n" ? 1 : 0;
  }

  str(): string {
    const text = this.#text;
    const parts: string[] = [];
    let i = this.#start;
    while (i < this.#end) {
      const lineBreak = this.#lineBreak(i);
      if (lineBreak > 0) {
        parts.push("\n");
        i += lineBreak;
        continue;
      }
      const char = text[i] ?? "";
      if (char !== "\\" || this.#raw) {
        if (char === "\\" && this.#raw) {
          const next = this.#lineBreak(i + 1);
          parts.push(next > 0 ? "\\\n" : "\\" + (text[i + 1] ?? ""));
          i += next > 0 ? 1 + next : 2;
          continue;
        }
        const code = text.codePointAt(i) ?? 0;
        const piece = String.fromCodePoint(code);
        parts.push(piece);
        i += piece.length;
        continue;
      }
      i = this.#strEscape(i, parts);
    }
    return parts.join("");
  }

  /** Decodes the escape at `i` (a backslash) into `parts`; returns the next index. */
  #strEscape(i: number, parts: string[]): number {
    const text = this.#text;
    const next = text[i + 1] ?? "";
    const lineBreak = this.#lineBreak(i + 1);
    if (lineBreak > 0) return i + 1 + lineBreak;
    const simple = SIMPLE_ESCAPES[next];
    if (simple !== undefined) {
      parts.push(String.fromCharCode(simple));
      return i + 2;
    }
    if (next >= "0" && next <= "7") {
      const digits = /^[0-7]{1,3}/.exec(text.slice(i + 1, i + 4))?.[0] ?? next;
      parts.push(String.fromCharCode(parseInt(digits, 8)));
      return i + 1 + digits.length;
    }
    if (next === "x" || next === "u" || next === "U") {
      const width = next === "x" ? 2 : next === "u" ? 4 : 8;
      const digits = text.slice(i + 2, i + 2 + width);
      if (!/^[0-9a-fA-F]+$/.test(digits) || digits.length !== width) {
        const shape = next === "x" ? "\\xXX" : next === "u" ? "\\uXXXX" : "\\UXXXXXXXX";
        this.#fail(i, 2, `(unicode error) truncated ${shape} escape`);
      }
      const code = parseInt(digits, 16);
      if (code > 0x10ffff) this.#fail(i, 2 + width, "(unicode error) illegal Unicode character");
      parts.push(String.fromCodePoint(code));
      return i + 2 + width;
    }
    if (next === "N") {
      this.#fail(i, 2, "\\N{...} escapes are not supported", "unsupported-escape");
    }
    parts.push("\\");
    return i + 1;
  }

  bytes(): Uint8Array {
    const text = this.#text;
    const out: number[] = [];
    let i = this.#start;
    while (i < this.#end) {
      const lineBreak = this.#lineBreak(i);
      if (lineBreak > 0) {
        out.push(0x0a);
        i += lineBreak;
        continue;
      }
      const code = text.charCodeAt(i);
      if (code > 0x7f) this.#fail(i, 1, "bytes can only contain ASCII literal characters");
      if (code !== 0x5c) {
        out.push(code);
        i++;
        continue;
      }
      if (this.#raw) {
        const next = this.#lineBreak(i + 1);
        out.push(0x5c);
        if (next > 0) {
          out.push(0x0a);
          i += 1 + next;
        } else {
          const following = text.charCodeAt(i + 1);
          if (following > 0x7f) {
            this.#fail(i + 1, 1, "bytes can only contain ASCII literal characters");
          }
          out.push(following);
          i += 2;
        }
        continue;
      }
      i = this.#bytesEscape(i, out);
    }
    return Uint8Array.from(out);
  }

  #bytesEscape(i: number, out: number[]): number {
    const text = this.#text;
    const next = text[i + 1] ?? "";
    const lineBreak = this.#lineBreak(i + 1);
    if (lineBreak > 0) return i + 1 + lineBreak;
    const simple = SIMPLE_ESCAPES[next];
    if (simple !== undefined) {
      out.push(simple);
      return i + 2;
    }
    if (next >= "0" && next <= "7") {
      const digits = /^[0-7]{1,3}/.exec(text.slice(i + 1, i + 4))?.[0] ?? next;
      out.push(parseInt(digits, 8) & 0xff);
      return i + 1 + digits.length;
    }
    if (next === "x") {
      const digits = text.slice(i + 2, i + 4);
      if (!/^[0-9a-fA-F]{2}$/.test(digits)) this.#fail(i, 2, "(value error) invalid \\x escape");
      out.push(parseInt(digits, 16));
      return i + 4;
    }
    if (text.charCodeAt(i + 1) > 0x7f) {
      this.#fail(i + 1, 1, "bytes can only contain ASCII literal characters");
    }
    out.push(0x5c);
    return i + 1;
  }
}
