/**
 * The text codecs of str.encode, bytes.decode, str(b, encoding, errors)
 * and bytes(s, encoding, errors), as CPython 3.11 runs them: the codec
 * name lookup (CPython's normalisation and its alias list for the codecs
 * the VM has: utf-8, utf-8-sig, ascii, latin-1 and the single-byte
 * "charmap" codecs cp1250, cp1251, cp1252 and iso8859_15, whose byte
 * tables lib/runtime/charmap_generated.ts takes from CPython), the
 * encoders and decoders with CPython's error ranges (a UTF-8 decode error
 * covers the maximal invalid subpart, a charmap encode error the run of
 * unencodable characters), and the error handlers strict, ignore, replace,
 * backslashreplace, xmlcharrefreplace, surrogateescape and surrogatepass,
 * consulted, as in CPython, only when an error occurs. No engine codec
 * (TextEncoder/TextDecoder) is used.
 *
 * Every conversion runs twice over its input: a measuring pass (paid as
 * the input's length, before it runs) that finds the result's length or
 * raises the error, then, once the result's length is checked against the
 * bytes_length cap and paid, the pass that builds it. spec/RUNTIME.md
 * states the rules; spec/LANGUAGE.md lists what the VM refuses.
 */

import { CAPS } from "../compile/opcodes.ts";
import { allocBytes } from "./bytes.ts";
import { limitExceeded, vmError } from "./failure.ts";
import { codecError } from "./exceptions.ts";
import { typeName, type Value } from "./values.ts";
import { codePointAt, strFromCodePoint, unitWidth } from "../text_units.ts";
import { type Charmap, CHARMAP_CODECS, CHARMAP_DECODE } from "./charmap_generated.ts";

/** A codec the VM has. */
export type Codec = "utf-8" | "utf-8-sig" | "ascii" | "latin-1" | Charmap;

/** Per charmap codec, the byte each code point it can encode encodes to (the decode table inverted). */
const CHARMAP_ENCODE: ReadonlyMap<Codec, ReadonlyMap<number, number>> = new Map(
  CHARMAP_CODECS.map((codec) => {
    const bytes = new Map<number, number>();
    CHARMAP_DECODE[codec].forEach((code, byte) => {
      if (code >= 0) bytes.set(code, byte);
    });
    return [codec, bytes] as const;
  }),
);

/** CPython's reason for a character or byte a charmap codec's table lacks. */
const UNMAPPED = "character maps to <undefined>";

/**
 * The aliases of CPython 3.11's encodings/aliases.py (normalised, see
 * {@link normalizeEncoding}) that lead to the codecs the VM has or to a
 * bytes-to-bytes codec, each with the encodings module it names.
 */
const ALIASES: ReadonlyMap<string, string> = new Map([
  ...["u8", "utf", "utf8", "utf8_ucs2", "utf8_ucs4", "cp65001"].map((a) => [a, "utf_8"] as const),
  ...[
    "646",
    "ansi_x3.4_1968",
    "ansi_x3.4_1986",
    "ansi_x3_4_1968",
    "cp367",
    "csascii",
    "ibm367",
    "iso646_us",
    "iso_646.irv_1991",
    "iso_ir_6",
    "us",
    "us_ascii",
  ].map((a) => [a, "ascii"] as const),
  ...[
    "8859",
    "cp819",
    "csisolatin1",
    "ibm819",
    "iso8859",
    "iso8859_1",
    "iso_8859_1",
    "iso_8859_1_1987",
    "iso_ir_100",
    "l1",
    "latin",
    "latin1",
  ].map((a) => [a, "latin_1"] as const),
  ["1250", "cp1250"],
  ["windows_1250", "cp1250"],
  ["1251", "cp1251"],
  ["windows_1251", "cp1251"],
  ["1252", "cp1252"],
  ["windows_1252", "cp1252"],
  ["iso_8859_15", "iso8859_15"],
  ["l9", "iso8859_15"],
  ["latin9", "iso8859_15"],
  ["base64", "base64_codec"],
  ["base_64", "base64_codec"],
  ["bz2", "bz2_codec"],
  ["hex", "hex_codec"],
  ["quopri", "quopri_codec"],
  ["quoted_printable", "quopri_codec"],
  ["quotedprintable", "quopri_codec"],
  ["rot13", "rot_13"],
  ["uu", "uu_codec"],
  ["zip", "zlib_codec"],
  ["zlib", "zlib_codec"],
]);

/**
 * The encodings modules the VM knows: its codecs, and CPython's
 * bytes-to-bytes codecs (null), which str.encode and bytes.decode refuse
 * with their own LookupError message. Every other name is unknown.
 */
const MODULES: ReadonlyMap<string, Codec | null> = new Map([
  ["utf_8", "utf-8"],
  ["utf_8_sig", "utf-8-sig"],
  ["ascii", "ascii"],
  ["latin_1", "latin-1"],
  ...[...CHARMAP_ENCODE.keys()].map((codec) => [codec, codec] as const),
  ...["base64_codec", "bz2_codec", "hex_codec", "quopri_codec", "rot_13", "uu_codec", "zlib_codec"]
    .map((module) => [module, null] as const),
]);

/** Every name the lookup accepts for each codec the VM has (for tests and documentation). */
export function codecNames(): Map<string, Codec> {
  const names = new Map<string, Codec>();
  for (const [name, module] of [...ALIASES, ...[...MODULES.keys()].map((m) => [m, m] as const)]) {
    const codec = MODULES.get(module);
    if (codec !== undefined && codec !== null) names.set(name, codec);
  }
  return names;
}

/** The name a codec gives itself in UnicodeError messages. */
const MESSAGE_NAME: Readonly<Record<Codec, string>> = {
  "utf-8": "utf-8",
  "utf-8-sig": "utf-8",
  ascii: "ascii",
  "latin-1": "latin-1",
  cp1250: "charmap",
  cp1251: "charmap",
  cp1252: "charmap",
  iso8859_15: "charmap",
};

/** The first code point each codec that is not a charmap one cannot encode. */
const LIMIT: Readonly<Record<Exclude<Codec, Charmap>, number>> = {
  "utf-8": 0x110000,
  "utf-8-sig": 0x110000,
  ascii: 0x80,
  "latin-1": 0x100,
};

const BOM = [0xef, 0xbb, 0xbf] as const;
const REPLACEMENT = 0xfffd;

function isSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdfff;
}

function isAsciiAlnum(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a);
}

/**
 * A codec name as CPython's lookup normalises it: ASCII letters lowered,
 * every run of characters other than ASCII letters, digits and `.` made a
 * single `_` between kept characters (none at either end).
 */
export function normalizeEncoding(name: string): string {
  let out = "";
  let pending = false;
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (isAsciiAlnum(code) || code === 0x2e) {
      if (pending && out !== "") out += "_";
      pending = false;
      out += String.fromCharCode(code >= 0x41 && code <= 0x5a ? code + 32 : code);
    } else pending = true;
  }
  return out;
}

/**
 * The codec `name` stands for, as CPython's codec registry finds it: the
 * alias the normalised name is (or, failing that, the name with `.` made
 * `_`), else the module the normalised name is when it has no `.`. A
 * bytes-to-bytes codec and any other name raise LookupError.
 */
export function lookupCodec(name: string, use: "encode" | "decode"): Codec {
  const normal = normalizeEncoding(name);
  const module = ALIASES.get(normal) ?? ALIASES.get(normal.replaceAll(".", "_")) ??
    (normal.includes(".") ? undefined : normal);
  const codec = module === undefined ? undefined : MODULES.get(module);
  if (codec === null) {
    return vmError(
      "LookupError",
      `'${name}' is not a text encoding; use codecs.${use}() to handle arbitrary codecs`,
    );
  }
  return codec ?? vmError("LookupError", `unknown encoding: ${name}`);
}

// -- code points of a str ----------------------------------------------------

function hex(value: number, digits: number): string {
  return value.toString(16).padStart(digits, "0");
}

/** A code point as CPython's UnicodeEncodeError message quotes it. */
function escapedCodePoint(code: number): string {
  if (code <= 0xff) return `\\x${hex(code, 2)}`;
  if (code <= 0xffff) return `\\u${hex(code, 4)}`;
  return `\\U${hex(code, 8)}`;
}

function encodeError(
  codec: Codec,
  text: string,
  first: number,
  start: number,
  end: number,
  reason: string,
) {
  const where = end - start === 1
    ? `character '${escapedCodePoint(first)}' in position ${start}`
    : `characters in position ${start}-${end - 1}`;
  return codecError(
    "UnicodeEncodeError",
    `'${MESSAGE_NAME[codec]}' codec can't encode ${where}: ${reason}`,
    [MESSAGE_NAME[codec], text, start, end, reason],
  );
}

function decodeError(codec: Codec, bytes: Uint8Array, start: number, end: number, reason: string) {
  const where = end - start === 1
    ? `byte 0x${hex(bytes[start] ?? 0, 2)} in position ${start}`
    : `bytes in position ${start}-${end - 1}`;
  return codecError(
    "UnicodeDecodeError",
    `'${MESSAGE_NAME[codec]}' codec can't decode ${where}: ${reason}`,
    [MESSAGE_NAME[codec], bytes, start, end, reason],
  );
}

/**
 * The names CPython's str.encode and bytes.decode run without the codec
 * registry (normalised). Through the registry, a LookupError or TypeError
 * the codec raises is wrapped: "encoding with 'NAME' codec failed (...)".
 */
const FAST_NAMES: ReadonlySet<string> = new Set([
  "utf_8",
  "utf8",
  "ascii",
  "us_ascii",
  "latin1",
  "latin_1",
  "iso_8859_1",
  "iso8859_1",
]);

/** One conversion's codec, error handler and how its handler failures read. */
interface CodecRun {
  readonly codec: Codec;
  readonly errors: string;
  /** The wrapping message of a registry codec, or null on the fast path. */
  readonly wrap: string | null;
}

function codecRun(
  use: "encode" | "decode",
  encoding: string | undefined,
  errors: string | undefined,
): CodecRun {
  const codec = encoding === undefined ? "utf-8" : lookupCodec(encoding, use);
  const wrap = encoding === undefined || FAST_NAMES.has(normalizeEncoding(encoding))
    ? null
    : `${use === "encode" ? "encoding" : "decoding"} with '${encoding}' codec failed`;
  return { codec, errors: errors ?? "strict", wrap };
}

/** A TypeError or LookupError of the error handler, as the codec path reports it. */
function handlerFailure(run: CodecRun, type: string, message: string): never {
  return vmError(type, run.wrap === null ? message : `${run.wrap} (${type}: ${message})`);
}

function unknownHandler(run: CodecRun): never {
  if (run.errors === "namereplace") {
    // The Unicode name table is not part of the VM (spec/LANGUAGE.md §7).
    return vmError("LookupError", "error handler 'namereplace' is not supported");
  }
  return handlerFailure(run, "LookupError", `unknown error handler name '${run.errors}'`);
}

// -- encoding ----------------------------------------------------------------

/** Where an encoder writes: a counter (the measuring pass) or the result's bytes. */
interface ByteSink {
  byte(value: number): void;
  /** Text of ASCII characters, one byte each. */
  ascii(text: string): void;
}

class ByteCounter implements ByteSink {
  length = 0;
  byte(): void {
    this.length++;
  }
  ascii(text: string): void {
    this.length += text.length;
  }
}

class ByteWriter implements ByteSink {
  at = 0;
  constructor(readonly out: Uint8Array) {}
  byte(value: number): void {
    this.out[this.at++] = value;
  }
  ascii(text: string): void {
    for (let i = 0; i < text.length; i++) this.out[this.at++] = text.charCodeAt(i);
  }
}

function writeUtf8(sink: ByteSink, code: number): void {
  if (code < 0x80) sink.byte(code);
  else if (code < 0x800) {
    sink.byte(0xc0 | (code >> 6));
    sink.byte(0x80 | (code & 0x3f));
  } else if (code < 0x10000) {
    sink.byte(0xe0 | (code >> 12));
    sink.byte(0x80 | ((code >> 6) & 0x3f));
    sink.byte(0x80 | (code & 0x3f));
  } else {
    sink.byte(0xf0 | (code >> 18));
    sink.byte(0x80 | ((code >> 12) & 0x3f));
    sink.byte(0x80 | ((code >> 6) & 0x3f));
    sink.byte(0x80 | (code & 0x3f));
  }
}

/** The byte a charmap codec encodes `code` to, undefined where it has none. */
function charmapByte(codec: Codec, code: number): number | undefined {
  return CHARMAP_ENCODE.get(codec)?.get(code);
}

function isCharmap(codec: Codec): codec is Charmap {
  return CHARMAP_ENCODE.has(codec);
}

function encodable(codec: Codec, code: number): boolean {
  if (isCharmap(codec)) return charmapByte(codec, code) !== undefined;
  return code < LIMIT[codec] && !(LIMIT[codec] > 0x100 && isSurrogate(code));
}

function encodeReason(codec: Codec): string {
  if (isCharmap(codec)) return UNMAPPED;
  return LIMIT[codec] > 0x100 ? "surrogates not allowed" : `ordinal not in range(${LIMIT[codec]})`;
}

/**
 * Hands a run of code points the codec cannot encode (positions `start`
 * to `end`, in code points) to the error handler.
 */
function encodeRun(
  sink: ByteSink,
  text: string,
  codecRun: CodecRun,
  run: readonly number[],
  start: number,
  end: number,
): void {
  const codec = codecRun.codec;
  const reason = encodeReason(codec);
  switch (codecRun.errors) {
    case "strict":
      return encodeError(codec, text, run[0] ?? 0, start, end, reason);
    case "ignore":
      return;
    case "replace":
      return sink.ascii("?".repeat(run.length));
    case "backslashreplace":
      for (const code of run) sink.ascii(escapedCodePoint(code));
      return;
    case "xmlcharrefreplace":
      for (const code of run) sink.ascii(`&#${code};`);
      return;
    case "surrogateescape":
      for (let i = 0; i < run.length; i++) {
        const code = run[i] ?? 0;
        if (code < 0xdc80 || code > 0xdcff) {
          // CPython's charmap encoder reports the whole run; its ascii, latin-1 and utf-8 ones the rest.
          return isCharmap(codec)
            ? encodeError(codec, text, run[0] ?? 0, start, end, reason)
            : encodeError(codec, text, code, start + i, end, reason);
        }
        sink.byte(code - 0xdc00);
      }
      return;
    case "surrogatepass":
      if (codec !== "utf-8" && codec !== "utf-8-sig") {
        return encodeError(codec, text, run[0] ?? 0, start, end, reason);
      }
      for (const code of run) writeUtf8(sink, code);
      return;
    default:
      return unknownHandler(codecRun);
  }
}

function runEncoder(sink: ByteSink, text: string, run: CodecRun): void {
  const codec = run.codec;
  if (codec === "utf-8-sig") BOM.forEach((byte) => sink.byte(byte));
  let at = 0;
  let position = 0;
  while (at < text.length) {
    const code = codePointAt(text, at);
    if (encodable(codec, code)) {
      const mapped = charmapByte(codec, code);
      if (mapped !== undefined) sink.byte(mapped);
      else if (code < 0x80 || codec === "latin-1") sink.byte(code);
      else writeUtf8(sink, code);
      at += unitWidth(code);
      position++;
      continue;
    }
    const unencodable: number[] = [];
    const start = position;
    while (at < text.length) {
      const next = codePointAt(text, at);
      if (encodable(codec, next)) break;
      unencodable.push(next);
      at += unitWidth(next);
      position++;
    }
    encodeRun(sink, text, run, unencodable, start, position);
  }
}

// -- decoding ----------------------------------------------------------------

/** Where a decoder writes: a counter (the measuring pass) or the result's UTF-16 units. */
interface TextSink {
  codePoint(code: number): void;
}

class TextCounter implements TextSink {
  units = 0;
  utf8 = 0;
  codePoint(code: number): void {
    this.units += unitWidth(code);
    this.utf8 += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
}

/** UTF-16 units per String.fromCharCode call: few enough to pass as arguments. */
const CHUNK = 4096;

class TextWriter implements TextSink {
  at = 0;
  constructor(readonly out: Uint16Array) {}
  codePoint(code: number): void {
    if (code > 0xffff) {
      this.out[this.at++] = 0xd800 + ((code - 0x10000) >> 10);
      this.out[this.at++] = 0xdc00 + ((code - 0x10000) & 0x3ff);
    } else if (code >= 0xd800 && code <= 0xdfff) {
      // A lone surrogate (surrogateescape, surrogatepass): its escape units (lib/text_units.ts).
      const unit = strFromCodePoint(code);
      this.out[this.at++] = unit.charCodeAt(0);
      this.out[this.at++] = unit.charCodeAt(1);
    } else this.out[this.at++] = code;
  }
  text(): string {
    let text = "";
    for (let at = 0; at < this.out.length; at += CHUNK) {
      text += Reflect.apply(String.fromCharCode, null, this.out.subarray(at, at + CHUNK));
    }
    return text;
  }
}

/** A UTF-8 sequence at one offset: its code point, or why it is invalid. */
type Utf8Step =
  | { readonly code: number; readonly length: number }
  | { readonly code: null; readonly length: number; readonly reason: string };

function isContinuation(byte: number | undefined): boolean {
  return byte !== undefined && (byte & 0xc0) === 0x80;
}

/**
 * The sequence at `at`: a code point, or the maximal invalid subpart
 * CPython reports (the lead byte with the continuation bytes that were
 * still valid), "unexpected end of data" when the input ends inside a
 * sequence that was valid so far.
 */
function utf8Step(bytes: Uint8Array, at: number): Utf8Step {
  const lead = bytes[at] ?? 0;
  if (lead < 0x80) return { code: lead, length: 1 };
  let needed: number;
  let low = 0x80;
  let high = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) needed = 1;
  else if (lead >= 0xe0 && lead <= 0xef) {
    needed = 2;
    if (lead === 0xe0) low = 0xa0;
    if (lead === 0xed) high = 0x9f;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    needed = 3;
    if (lead === 0xf0) low = 0x90;
    if (lead === 0xf4) high = 0x8f;
  } else return { code: null, length: 1, reason: "invalid start byte" };
  let code = lead & (0x3f >> needed);
  for (let i = 1; i <= needed; i++) {
    const byte = bytes[at + i];
    if (byte === undefined) {
      return { code: null, length: bytes.length - at, reason: "unexpected end of data" };
    }
    const valid = i === 1 ? byte >= low && byte <= high : isContinuation(byte);
    if (!valid) return { code: null, length: i, reason: "invalid continuation byte" };
    code = (code << 6) | (byte & 0x3f);
  }
  return { code, length: needed + 1 };
}

/** The surrogate a surrogatepass decode finds at `at` (a 3-byte sequence), or null. */
function passedSurrogate(bytes: Uint8Array, at: number): number | null {
  const [first = 0, second, third] = bytes.subarray(at, at + 3);
  if (bytes.length - at < 3 || (first & 0xf0) !== 0xe0) return null;
  if (!isContinuation(second) || !isContinuation(third)) return null;
  const code = ((first & 0x0f) << 12) | (((second ?? 0) & 0x3f) << 6) | ((third ?? 0) & 0x3f);
  return isSurrogate(code) ? code : null;
}

/**
 * Hands bytes `start` to `end` the codec cannot decode to the error
 * handler; returns the offset decoding resumes at.
 */
function decodeRun(
  sink: TextSink,
  run: CodecRun,
  bytes: Uint8Array,
  start: number,
  end: number,
  reason: string,
): number {
  const codec = run.codec;
  switch (run.errors) {
    case "strict":
      return decodeError(codec, bytes, start, end, reason);
    case "ignore":
      return end;
    case "replace":
      sink.codePoint(REPLACEMENT);
      return end;
    case "backslashreplace":
      for (let i = start; i < end; i++) {
        for (const char of `\\x${hex(bytes[i] ?? 0, 2)}`) sink.codePoint(char.charCodeAt(0));
      }
      return end;
    case "surrogateescape":
      for (let i = start; i < end; i++) sink.codePoint(0xdc00 + (bytes[i] ?? 0));
      return end;
    case "surrogatepass": {
      const surrogate = codec === "utf-8" || codec === "utf-8-sig"
        ? passedSurrogate(bytes, start)
        : null;
      if (surrogate === null) return decodeError(codec, bytes, start, end, reason);
      sink.codePoint(surrogate);
      return start + 3;
    }
    case "xmlcharrefreplace":
    case "namereplace":
      return handlerFailure(
        run,
        "TypeError",
        "don't know how to handle UnicodeDecodeError in error callback",
      );
    default:
      return unknownHandler(run);
  }
}

function runDecoder(sink: TextSink, bytes: Uint8Array, run: CodecRun): void {
  const codec = run.codec;
  let at = 0;
  const table = isCharmap(codec) ? CHARMAP_DECODE[codec] : null;
  while (at < bytes.length) {
    const byte = bytes[at] ?? 0;
    if (table !== null) {
      const code = table[byte] ?? -1;
      if (code >= 0) {
        sink.codePoint(code);
        at++;
      } else at = decodeRun(sink, run, bytes, at, at + 1, UNMAPPED);
    } else if (byte < 0x80 || codec === "latin-1") {
      sink.codePoint(byte);
      at++;
    } else if (codec === "ascii") {
      at = decodeRun(sink, run, bytes, at, at + 1, "ordinal not in range(128)");
    } else {
      const step = utf8Step(bytes, at);
      if (step.code !== null) {
        sink.codePoint(step.code);
        at += step.length;
      } else at = decodeRun(sink, run, bytes, at, at + step.length, step.reason);
    }
  }
}

// -- the conversions ---------------------------------------------------------

/** Pays `units` of the running callable's declared dynamic term, before the work. */
export type PayUnits = (units: number) => void;

/**
 * A str argument (`encoding`, `errors`) of `fn` as CPython's argument
 * parsing takes it: TypeError unless a str, then (its UTF-16 length paid,
 * which also pays the codec lookup's scan) UnicodeEncodeError for a
 * surrogate and ValueError for an embedded NUL. Absent stays absent.
 */
export function codecArgument(
  pay: PayUnits,
  fn: string,
  param: string,
  value: Value | undefined,
): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string") {
    // CPython's argument parsing names None itself, any other value by its type.
    const given = value === null ? "None" : typeName(value);
    return vmError("TypeError", `${fn}() argument '${param}' must be str, not ${given}`);
  }
  pay(value.length);
  runEncoder(new ByteCounter(), value, { codec: "utf-8", errors: "strict", wrap: null });
  if (value.includes("\u0000")) vmError("ValueError", "embedded null character");
  return value;
}

/**
 * `text.encode(encoding, errors)`: pays the text's UTF-16 length, then
 * whatever the result's bytes exceed it by, before building it.
 */
export function encodeText(
  pay: PayUnits,
  text: string,
  encoding: string | undefined,
  errors: string | undefined,
): Uint8Array {
  const run = codecRun("encode", encoding, errors);
  pay(text.length);
  const counter = new ByteCounter();
  runEncoder(counter, text, run);
  if (counter.length > CAPS.bytes_length) {
    limitExceeded("bytes_length", "encoded bytes are too long");
  }
  pay(Math.max(0, counter.length - text.length));
  const writer = new ByteWriter(allocBytes(counter.length));
  runEncoder(writer, text, run);
  return writer.out;
}

/**
 * `bytes.decode(encoding, errors)`: pays the input's length, then whatever
 * the result's UTF-8 length exceeds it by, before building it. Empty
 * input decodes to "" without a lookup, as in CPython.
 */
export function decodeBytes(
  pay: PayUnits,
  bytes: Uint8Array,
  encoding: string | undefined,
  errors: string | undefined,
): string {
  if (bytes.length === 0) return "";
  const run = codecRun("decode", encoding, errors);
  pay(bytes.length);
  const body = run.codec === "utf-8-sig" && BOM.every((byte, i) => bytes[i] === byte)
    ? bytes.subarray(BOM.length)
    : bytes;
  const counter = new TextCounter();
  runDecoder(counter, body, run);
  if (counter.utf8 > CAPS.bytes_length) limitExceeded("bytes_length", "decoded str is too long");
  pay(Math.max(0, counter.utf8 - bytes.length));
  const writer = new TextWriter(new Uint16Array(counter.units));
  runDecoder(writer, body, run);
  return writer.text();
}
