/**
 * Values of number and string tokens, decoded exactly as CPython 3.11 does.
 *
 * Numbers: integers up to the int_bits cap (bigint; a longer literal is an
 * `int-too-large` diagnostic, found from its digit count before any
 * quadratic big-int parsing), floats and imaginary parts (JS numbers,
 * correctly rounded like CPython). Strings: escapes of str and
 * bytes literals, raw prefixes, newlines normalised to "\n". `\N{name}` is
 * rejected (no Unicode name table ships with the VM). f-strings are
 * recognised but their contents are not decoded.
 */

import type { ConstantValue } from "./ast.ts";
import { reject } from "./diagnostic.ts";
import type { SourceLimits } from "./limits.ts";
import type { SourceText } from "./source.ts";
import type { Token } from "./tokens.ts";
import { asciiLowercase, strFromCodePoints } from "../text_units.ts";

/** Value of a number token; an int literal over the cap is rejected. */
export function numberValue(
  source: SourceText,
  token: Token,
  limits: SourceLimits,
): ConstantValue {
  const text = token.text.replaceAll("_", "");
  const last = text[text.length - 1];
  if (last === "j" || last === "J") {
    return { type: "imaginary", value: Number(text.slice(0, -1)) };
  }
  const prefix = asciiLowercase(text[1] ?? "");
  const radix = text[0] !== "0"
    ? 10
    : prefix === "x"
    ? 16
    : prefix === "o"
    ? 8
    : prefix === "b"
    ? 2
    : 10;
  if (radix === 10 && /[.eE]/.test(text)) return { type: "float", value: Number(text) };
  const digits = radix === 10 ? text : text.slice(2);
  const significant = digits.length - (/^0*/.exec(digits)?.[0].length ?? 0);
  // A literal of d significant digits is at least radix^(d-1): past this
  // many digits it cannot be below 2^intBits, whatever the digits are.
  const mostDigits = Math.ceil(limits.intBits / Math.log2(radix)) + 1;
  const value = significant > mostDigits ? null : BigInt(text);
  if (value === null || value >= 1n << BigInt(limits.intBits)) {
    reject(
      source,
      "int-too-large",
      token,
      `integer literal is over the ${limits.intBits}-bit cap (${significant} significant digits)`,
      `abs(x) must stay below 2**${limits.intBits}; store larger numbers as bytes`,
    );
  }
  return { type: "int", value };
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
  const prefix = asciiLowercase(text.slice(0, prefixLength));
  const quote = text.slice(prefixLength, prefixLength + 3);
  const quoteLength = quote === "'''" || quote === '"""' ? 3 : 1;
  const bodyStart = prefixLength + quoteLength;
  const bodyEnd = text.length - quoteLength;
  if (prefix.includes("f")) return { type: "fstring" };
  const values = new EscapeDecoder(source, token, [bodyStart, bodyEnd], prefix).decode();
  if (prefix.includes("b")) return { type: "bytes", value: Uint8Array.from(values) };
  return { type: "str", value: strFromCodePoints(values) };
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

/** Decodes the body of one string token into code points (str) or byte values (bytes). */
class EscapeDecoder {
  readonly #source: SourceText;
  readonly #token: Token;
  readonly #text: string;
  readonly #start: number;
  readonly #end: number;
  readonly #raw: boolean;
  readonly #isBytes: boolean;
  readonly #out: number[] = [];

  constructor(source: SourceText, token: Token, bounds: [number, number], prefix: string) {
    this.#source = source;
    this.#token = token;
    this.#text = token.text;
    [this.#start, this.#end] = bounds;
    this.#raw = prefix.includes("r");
    this.#isBytes = prefix.includes("b");
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

  /** Appends the character at `i` literally; returns its length. */
  #literal(i: number): number {
    const code = this.#text.codePointAt(i) ?? 0;
    if (this.#isBytes && code > 0x7f) {
      this.#fail(i, 1, "bytes can only contain ASCII literal characters");
    }
    this.#out.push(code);
    return code > 0xffff ? 2 : 1;
  }

  /** Code points (str) or byte values (bytes) of the literal. */
  decode(): number[] {
    let i = this.#start;
    while (i < this.#end) {
      const lineBreak = this.#lineBreak(i);
      if (lineBreak > 0) {
        this.#out.push(0x0a);
        i += lineBreak;
      } else if (this.#text[i] !== "\\") {
        i += this.#literal(i);
      } else if (this.#lineBreak(i + 1) > 0) {
        if (this.#raw) this.#out.push(0x5c, 0x0a);
        i += 1 + this.#lineBreak(i + 1);
      } else if (this.#raw) {
        this.#out.push(0x5c);
        i += 1 + this.#literal(i + 1);
      } else {
        i = this.#escape(i);
      }
    }
    return this.#out;
  }

  /** Decodes the escape whose backslash is at `i`; returns the next index. */
  #escape(i: number): number {
    const text = this.#text;
    const next = text[i + 1] ?? "";
    const simple = SIMPLE_ESCAPES[next];
    if (simple !== undefined) {
      this.#out.push(simple);
      return i + 2;
    }
    if (next >= "0" && next <= "7") {
      const digits = /^[0-7]{1,3}/.exec(text.slice(i + 1, i + 4))?.[0] ?? next;
      const value = parseInt(digits, 8);
      this.#out.push(this.#isBytes ? value & 0xff : value);
      return i + 1 + digits.length;
    }
    const width = next === "x" ? 2 : this.#isBytes ? 0 : next === "u" ? 4 : next === "U" ? 8 : 0;
    if (width > 0) {
      const digits = text.slice(i + 2, i + 2 + width);
      if (digits.length !== width || !/^[0-9a-fA-F]+$/.test(digits)) {
        const shape = next === "x" ? "\\xXX" : next === "u" ? "\\uXXXX" : "\\UXXXXXXXX";
        this.#fail(
          i,
          2,
          this.#isBytes
            ? "(value error) invalid \\x escape"
            : `(unicode error) truncated ${shape} escape`,
        );
      }
      const code = parseInt(digits, 16);
      if (code > 0x10ffff) this.#fail(i, 2 + width, "(unicode error) illegal Unicode character");
      this.#out.push(code);
      return i + 2 + width;
    }
    if (next === "N" && !this.#isBytes) {
      this.#fail(i, 2, "\\N{...} escapes are not supported", "unsupported-escape");
    }
    this.#out.push(0x5c);
    return i + 1;
  }
}
