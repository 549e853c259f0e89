/**
 * printf-style `str % args` and `bytes % args` with CPython 3.11's rules:
 * the conversions d i u o x X c s r a (and b for bytes) and `%%`, mapping
 * keys `%(name)s` (looked up in args when args is a mapping: a dict, list,
 * range, or for a str template bytes), flags `- + 0 #` and space, width and
 * precision (both may be `*`), one ignored length modifier h, l or L. The
 * parse follows CPython's order exactly, so the same error comes first:
 * an argument is taken before its conversion character is checked, and
 * "not all arguments converted" is raised only after the whole template.
 * Float conversions (e E f F g G) raise NotImplementedError: contracts
 * have no floats.
 *
 * Every piece of the result is paid (`pay`, the MOD opcode's sequence
 * term: UTF-8 bytes for str, bytes for bytes) and checked against the
 * bytes_length cap before it is built; %r, %s and %a of a container write
 * its repr through the paid walk of repr.ts.
 */

import { CAPS } from "../compile/opcodes.ts";
import { limitExceeded, vmError } from "./failure.ts";
import { keyError } from "./exceptions.ts";
import { repr, strText } from "./repr.ts";
import type { Meter } from "./ops.ts";
import {
  asciiUppercase,
  codePointAt,
  codePointCount,
  strFromCodePoint,
  unitWidth,
  utf8Length,
} from "../text_units.ts";
import {
  asBigInt,
  dictKey,
  latin1Text,
  PyDict,
  PyList,
  PyRange,
  PyTuple,
  typeName,
  type Value,
} from "./values.ts";

/** Pays for `units` of result before they are built. */
type PayUnits = (units: number) => void;

const LJUST = 1;
const SIGN = 2;
const BLANK = 4;
const ALT = 8;
const ZERO = 16;
const FLAGS: Readonly<Record<string, number>> = {
  "-": LJUST,
  "+": SIGN,
  " ": BLANK,
  "#": ALT,
  "0": ZERO,
};

/** The largest width (a C Py_ssize_t) and precision (a C int) CPython parses. */
const MAX_WIDTH = 2n ** 63n - 1n;
const MAX_PRECISION = 2 ** 31 - 1;

const PERCENT = 0x25;

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** The UTF-16 offset after the first `count` code points of `text` (its length when it has fewer). */
function codePointEnd(text: string, count: number): number {
  let at = 0;
  for (let seen = 0; seen < count && at < text.length; seen++) {
    at += unitWidth(codePointAt(text, at));
  }
  return at;
}

function asciiRepr(meter: Meter, value: Value): string {
  let out = "";
  for (const char of repr(meter, value)) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) out += char;
    else if (code <= 0xff) out += `\\x${code.toString(16).padStart(2, "0")}`;
    else if (code <= 0xffff) out += `\\u${code.toString(16).padStart(4, "0")}`;
    else out += `\\U${code.toString(16).padStart(8, "0")}`;
  }
  return out;
}

/** Whether CPython's formatting takes `args` as the mapping of `%(key)` conversions. */
function isMapping(args: Value, bytesMode: boolean): boolean {
  return args instanceof PyDict || args instanceof PyList || args instanceof PyRange ||
    (!bytesMode && args instanceof Uint8Array);
}

/**
 * `mapping[key]` for a `%(key)` conversion: a dict's value (KeyError when
 * absent); any other mapping refuses a str or bytes key as its subscript does.
 */
function lookup(meter: Meter, mapping: Value, key: string | Uint8Array): Value {
  if (mapping instanceof PyDict) {
    const entry = mapping.entries.get(dictKey(meter, key));
    return entry === undefined ? keyError(meter, key) : entry.value;
  }
  const what = mapping instanceof PyList ? "list" : mapping instanceof PyRange ? "range" : "byte";
  return vmError("TypeError", `${what} indices must be integers or slices, not ${typeName(key)}`);
}

/** Units paid for each character of a conversion spec that the parser reads. */
const ONE_CHARACTER = 1;

/** The result being built: each piece paid and checked against the cap before it is made. */
class Output {
  readonly pieces: string[] = [];
  written = 0;
  constructor(readonly pay: PayUnits, readonly bytesMode: boolean) {}

  private reserve(units: number): void {
    if (this.written + units > CAPS.bytes_length) {
      limitExceeded("bytes_length", "formatted string is too long");
    }
    this.pay(units);
    this.written += units;
  }

  text(piece: string): void {
    if (piece === "") return;
    this.reserve(this.bytesMode ? piece.length : utf8Length(piece));
    this.pieces.push(piece);
  }

  /** `count` copies of an ASCII character (count is checked against the cap first). */
  fill(char: string, count: number | bigint): void {
    if (count <= 0) return;
    if (BigInt(count) > BigInt(CAPS.bytes_length)) {
      limitExceeded("bytes_length", "formatted string is too long");
    }
    this.reserve(Number(count));
    this.pieces.push(char.repeat(Number(count)));
  }
}

/** One conversion specifier as parsed. */
interface Spec {
  flags: number;
  /** -1 when absent. */
  width: bigint;
  /** -1 when absent. */
  precision: number;
}

/** The state of one formatting: the template, the arguments and where the parse is. */
class Formatter {
  readonly out: Output;
  private readonly mapping: Value | null;
  /** The arguments conversions take from: the tuple's items, or one value (`items` null). */
  private items: readonly Value[] | null;
  private single: Value;
  private next = 0;
  /** Whether the single value has been taken. */
  private singleTaken = false;
  private pos = 0;
  /** The last character read; stays as it was when the template is exhausted (as in CPython). */
  private ch = -1;
  private exhausted = false;
  /**
   * Whether the last character was read by a width or precision digit
   * loop, which reads a bytes template's byte unsigned; elsewhere CPython
   * reads it as a signed char, and a byte >= 0x80 there breaks its error
   * message (OverflowError).
   */
  private unsignedRead = false;

  constructor(
    readonly meter: Meter,
    readonly template: string,
    args: Value,
    readonly bytesMode: boolean,
    pay: PayUnits,
  ) {
    this.out = new Output(pay, bytesMode);
    this.mapping = isMapping(args, bytesMode) ? args : null;
    this.items = args instanceof PyTuple ? args.items : null;
    this.single = args;
  }

  run(): void {
    const template = this.template;
    while (this.pos < template.length) {
      const percent = template.indexOf("%", this.pos);
      if (percent < 0) {
        this.out.text(template.slice(this.pos));
        break;
      }
      this.out.text(template.slice(this.pos, percent));
      this.pos = percent + 1;
      if (template.charCodeAt(this.pos) === PERCENT) {
        this.out.text("%");
        this.pos++;
        continue;
      }
      this.convert();
    }
    const unused = this.items !== null ? this.next < this.items.length : !this.singleTaken;
    if (unused && this.mapping === null) {
      vmError(
        "TypeError",
        `not all arguments converted during ${this.bytesMode ? "bytes" : "string"} formatting`,
      );
    }
  }

  private read(): boolean {
    this.unsignedRead = false;
    if (this.pos < this.template.length) {
      this.ch = this.template.charCodeAt(this.pos++);
      return true;
    }
    this.exhausted = true;
    return false;
  }

  /**
   * Reads the next character of a loop over flags or digits, paying it first
   * (a template may hold a million of them), as a piece of the result is paid.
   */
  private readPaid(): boolean {
    this.out.pay(ONE_CHARACTER);
    return this.read();
  }

  /** Reads the next character in a digit loop: whether it is a digit. */
  private readDigit(): boolean {
    const read = this.readPaid();
    this.unsignedRead = true;
    return read && isDigit(this.ch);
  }

  /** The last character read (a method, so that reads in between are not narrowed away). */
  private last(): number {
    return this.ch;
  }

  private takeArg(): Value {
    if (this.items !== null) {
      if (this.next < this.items.length) return this.items[this.next++] ?? null;
    } else if (!this.singleTaken) {
      this.singleTaken = true;
      return this.single;
    }
    return vmError("TypeError", "not enough arguments for format string");
  }

  /** `%(key)`: the value the mapping holds, which becomes the only argument. */
  private mappingKey(): void {
    if (this.mapping === null) vmError("TypeError", "format requires a mapping");
    const start = ++this.pos;
    let depth = 1;
    while (depth > 0 && this.pos < this.template.length) {
      this.out.pay(ONE_CHARACTER);
      const code = this.template.charCodeAt(this.pos++);
      if (code === 0x29) depth--;
      else if (code === 0x28) depth++;
    }
    if (depth > 0) vmError("ValueError", "incomplete format key");
    const text = this.template.slice(start, this.pos - 1);
    const key = this.bytesMode ? Uint8Array.from(text, (char) => char.charCodeAt(0)) : text;
    this.single = lookup(this.meter, this.mapping, key);
    this.singleTaken = false;
    this.items = null;
  }

  /** A `*` width or precision: an int argument. */
  private starArg(): bigint {
    const number = asBigInt(this.takeArg());
    return number ?? vmError("TypeError", "* wants int");
  }

  private parse(): Spec {
    const spec: Spec = { flags: 0, width: -1n, precision: -1 };
    this.ch = this.template.charCodeAt(this.pos) || 0;
    this.exhausted = false;
    if (this.template.charCodeAt(this.pos) === 0x28) this.mappingKey();
    while (this.readPaid()) {
      const flag = FLAGS[String.fromCharCode(this.last())];
      if (flag === undefined) break;
      spec.flags |= flag;
    }
    if (this.last() === 0x2a) {
      const width = this.starArg();
      if (width < -MAX_WIDTH - 1n || width > MAX_WIDTH) {
        vmError("OverflowError", "Python int too large to convert to C ssize_t");
      }
      if (width < 0n) spec.flags |= LJUST;
      // -(2**63) stays negative in C, which pads nothing.
      spec.width = width < 0n ? (-width > MAX_WIDTH ? 0n : -width) : width;
      this.read();
    } else if (isDigit(this.last())) {
      let width = BigInt(this.last() - 0x30);
      while (this.readDigit()) {
        width = width * 10n + BigInt(this.last() - 0x30);
        if (width > MAX_WIDTH) vmError("ValueError", "width too big");
      }
      spec.width = width;
    }
    if (this.last() === 0x2e) {
      spec.precision = 0;
      this.read();
      if (this.last() === 0x2a) {
        const precision = this.starArg();
        if (precision < -(2n ** 31n) || precision > BigInt(MAX_PRECISION)) {
          vmError("OverflowError", "Python int too large to convert to C int");
        }
        spec.precision = precision < 0n ? 0 : Number(precision);
        this.read();
      } else if (isDigit(this.last())) {
        let precision = this.last() - 0x30;
        while (this.readDigit()) {
          precision = precision * 10 + this.last() - 0x30;
          if (precision > MAX_PRECISION) {
            vmError("ValueError", this.bytesMode ? "prec too big" : "precision too big");
          }
        }
        spec.precision = precision;
      }
    }
    if (!this.exhausted && (this.last() === 0x68 || this.last() === 0x6c || this.last() === 0x4c)) {
      this.read();
    }
    if (this.exhausted) vmError("ValueError", "incomplete format");
    return spec;
  }

  /** One conversion, from just after its `%`. */
  private convert(): void {
    const spec = this.parse();
    const at = this.pos - 1;
    const value = this.takeArg();
    const type = String.fromCharCode(this.ch);
    switch (type) {
      case "s":
      case "r":
      case "a":
      case "b":
        return this.write(spec, type, this.textOf(type, value, at, spec.precision));
      case "d":
      case "i":
      case "u":
      case "o":
      case "x":
      case "X":
        return this.write(spec, type, this.integerText(type, value, spec));
      case "c":
        return this.write(spec, type, this.bytesMode ? byteChar(value) : textChar(value));
      case "e":
      case "E":
      case "f":
      case "F":
      case "g":
      case "G":
        return vmError(
          "NotImplementedError",
          `%${type} formats floats, which contracts do not have`,
        );
      default:
        return this.unsupported(at);
    }
  }

  private unsupported(at: number): never {
    if (this.bytesMode) {
      if (this.ch >= 0x80 && !this.unsignedRead) {
        return vmError("OverflowError", "character argument not in range(0x110000)");
      }
      return vmError(
        "ValueError",
        `unsupported format character '${String.fromCharCode(this.ch)}' (0x${
          this.ch.toString(16)
        }) at index ${at}`,
      );
    }
    const code = codePointAt(this.template, at);
    const shown = code >= 31 && code <= 126 ? String.fromCharCode(code) : "?";
    return vmError(
      "ValueError",
      `unsupported format character '${shown}' (0x${code.toString(16)}) at index ${
        codePointCount(this.template.slice(0, at))
      }`,
    );
  }

  /** The text of %s %r %a %b, cut to `precision` characters. */
  private textOf(type: string, value: Value, at: number, precision: number): string {
    let text: string;
    if (this.bytesMode) {
      if (type === "s" || type === "b") {
        if (!(value instanceof Uint8Array)) {
          return vmError(
            "TypeError",
            `%b requires a bytes-like object, or an object that implements __bytes__, not '${
              typeName(value)
            }'`,
          );
        }
        text = latin1Text(value);
      } else text = asciiRepr(this.meter, value);
      return precision >= 0 ? text.slice(0, precision) : text;
    }
    if (type === "b") return this.unsupported(at);
    if (type === "s") text = strText(this.meter, value);
    else if (type === "r") text = repr(this.meter, value);
    else text = asciiRepr(this.meter, value);
    return precision >= 0 ? text.slice(0, codePointEnd(text, precision)) : text;
  }

  /** An integer conversion's text: sign, `0x`/`0o` prefix (alternate form) and digits. */
  private integerText(type: string, value: Value, spec: Spec): string {
    const number = asBigInt(value);
    if (number === null) {
      const shown = this.bytesMode && type === "i" ? "d" : type;
      const what = "oxX".includes(type) ? "an integer" : "a real number";
      return vmError("TypeError", `%${shown} format: ${what} is required, not ${typeName(value)}`);
    }
    const magnitude = number < 0n ? -number : number;
    const base = type === "o" ? 8 : type === "x" || type === "X" ? 16 : 10;
    let digits = magnitude.toString(base);
    if (spec.precision > digits.length) {
      if (spec.precision > CAPS.bytes_length) {
        limitExceeded("bytes_length", "formatted string is too long");
      }
      digits = digits.padStart(spec.precision, "0");
    }
    const prefix = (spec.flags & ALT) === 0 || base === 10 ? "" : base === 8 ? "0o" : "0x";
    const text = (number < 0n ? "-" : "") + prefix + digits;
    return type === "X" ? asciiUppercase(text) : text;
  }

  /** Writes a converted text with its sign, prefix and padding, as CPython lays them out. */
  private write(spec: Spec, type: string, converted: string): void {
    const numeric = "diuoxX".includes(type);
    const fill = numeric && (spec.flags & ZERO) !== 0 ? "0" : " ";
    let body = converted;
    let sign = "";
    if (numeric) {
      if (body.startsWith("-") || body.startsWith("+")) {
        sign = body.slice(0, 1);
        body = body.slice(1);
      } else if ((spec.flags & SIGN) !== 0) sign = "+";
      else if ((spec.flags & BLANK) !== 0) sign = " ";
    }
    let length = this.bytesMode ? body.length : codePointCount(body);
    let width = spec.width < BigInt(length) ? BigInt(length) : spec.width;
    const out = this.out;
    if (sign !== "") {
      if (fill !== " ") out.text(sign);
      if (width > BigInt(length)) width--;
    }
    let prefix = "";
    if ((spec.flags & ALT) !== 0 && "oxX".includes(type)) {
      prefix = body.slice(0, 2);
      body = body.slice(2);
      if (fill !== " ") out.text(prefix);
      width = width < 2n ? 0n : width - 2n;
      length -= 2;
    }
    if (width > BigInt(length) && (spec.flags & LJUST) === 0) {
      out.fill(fill, width - BigInt(length));
      width = BigInt(length);
    }
    if (fill === " ") {
      out.text(sign);
      out.text(prefix);
    }
    out.text(body);
    out.fill(" ", width - BigInt(length));
  }
}

/** %c of a str template: a one-character str, or an int code point. */
function textChar(value: Value): string {
  if (typeof value === "string") {
    if (value.length === 0 || codePointEnd(value, 1) !== value.length) {
      vmError("TypeError", "%c requires int or char");
    }
    return value;
  }
  const code = asBigInt(value);
  if (code === null) return vmError("TypeError", "%c requires int or char");
  if (code < 0n || code > 0x10ffffn) vmError("OverflowError", "%c arg not in range(0x110000)");
  return strFromCodePoint(Number(code));
}

/** %c of a bytes template: a one-byte bytes, or an int in range(256). */
function byteChar(value: Value): string {
  if (value instanceof Uint8Array && value.length === 1) return String.fromCharCode(value[0] ?? 0);
  const byte = value instanceof Uint8Array ? null : asBigInt(value);
  if (byte === null) {
    return vmError("TypeError", "%c requires an integer in range(256) or a single byte");
  }
  if (byte < 0n || byte > 255n) vmError("OverflowError", "%c arg not in range(256)");
  return String.fromCharCode(Number(byte));
}

/** `template % args` for a str template; `pay` pays each piece's UTF-8 bytes before it is built. */
export function formatPercent(meter: Meter, pay: PayUnits, template: string, args: Value): string {
  const formatter = new Formatter(meter, template, args, false, pay);
  formatter.run();
  return formatter.out.pieces.join("");
}

/** `template % args` for a bytes template: the same rules over one character per byte. */
export function formatPercentBytes(
  meter: Meter,
  pay: PayUnits,
  template: Uint8Array,
  args: Value,
): Uint8Array {
  const formatter = new Formatter(meter, latin1Text(template), args, true, pay);
  formatter.run();
  const out = new Uint8Array(formatter.out.written);
  let at = 0;
  for (const piece of formatter.out.pieces) {
    for (let i = 0; i < piece.length; i++) out[at++] = piece.charCodeAt(i);
  }
  return out;
}
