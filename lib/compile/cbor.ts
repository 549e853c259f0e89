/**
 * The CBOR (RFC 8949) of every canonical byte format here: IR modules,
 * call receipts, transactions and transaction receipts. Only what those
 * formats hold: unsigned and negative integers, byte and text strings,
 * arrays, maps, false, true, null and allowed tags (the bignum tag 2 of
 * transactions). No floats, no undefined, no indefinite lengths.
 *
 * Encoding is deterministic (RFC 8949 §4.2.1): every head is as short as
 * it can be, and a map's entries are ordered by their encoded keys,
 * bytewise. For text keys that is also "shorter first, then bytewise", so
 * it is the order of RFC 7049's canonical form as well. A bigint over
 * 2^64 - 1 is a bignum tag over its shortest big-endian bytes when the
 * caller asks for bignums, else an error.
 *
 * Decoding accepts exactly one item of those kinds in minimal form: a
 * longer head than needed, a float, a simple value other than
 * false/true/null, a tag not allowed, text that is not UTF-8, a repeated
 * scalar map key (byte-string and array keys are told apart by identity, as
 * cborg did; no format takes them) and bytes after the item are CborErrors.
 * Text is decoded as written: a leading U+FEFF stays (cborg's decoder
 * dropped it, so IR holding such a str failed its re-encoding check). Integers come back as
 * numbers while safe and as bigints beyond; maps as Maps; tags as
 * CborTags. Decoders check shape and nesting first (./cbor_depth.ts), so
 * the recursion here is shallow; encoders are given values of bounded
 * depth (each format's own cap).
 *
 * Why not cborg (DESIGN.md named it): cborg probes `globalThis.process`
 * when it loads, which makes Deno load its Node compatibility layer, and
 * that cost every CLI command about 6 ms of start-up (spec/RUNTIME.md §8).
 * The tests check these bytes and verdicts against cborg's.
 */

import { compareBytes } from "../abi/hex.ts";

/** A tagged item: tag number and content. */
export class CborTag {
  constructor(readonly tag: number, readonly content: unknown) {}
}

/** Bytes that are not one canonical item of the kinds above, or a value that has no encoding. */
export class CborError extends Error {
  /** The key as text, when the problem is a repeated map key (only a scalar key can repeat). */
  readonly repeatedKey: string | null;

  constructor(message: string, repeatedKey: string | null = null) {
    super(message);
    this.name = "CborError";
    this.repeatedKey = repeatedKey;
  }
}

/** What the encoder takes. */
export type CborValue =
  | null
  | boolean
  | number
  | bigint
  | string
  | Uint8Array
  | readonly CborValue[]
  | ReadonlyMap<CborValue, CborValue>;

const U64_MAX = (1n << 64n) - 1n;
const BIGNUM = 2;
const utf8 = new TextEncoder();
const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** Growing output bytes. */
class Output {
  bytes = new Uint8Array(256);
  length = 0;

  #room(count: number): void {
    if (this.length + count <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < this.length + count) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  byte(value: number): void {
    this.#room(1);
    this.bytes[this.length++] = value;
  }

  raw(bytes: Uint8Array): void {
    this.#room(bytes.length);
    this.bytes.set(bytes, this.length);
    this.length += bytes.length;
  }

  /** A head: major type and argument, in the fewest bytes. */
  head(major: number, argument: number | bigint): void {
    const top = major << 5;
    const small = typeof argument === "bigint" && argument < 0x100000000n
      ? Number(argument)
      : argument;
    if (typeof small === "number" && small < 0x100000000) {
      if (small < 24) return this.byte(top | small);
      if (small < 0x100) return this.#bytes(top | 24, small, 1);
      return small < 0x10000 ? this.#bytes(top | 25, small, 2) : this.#bytes(top | 26, small, 4);
    }
    const value = BigInt(argument);
    this.byte(top | 27);
    this.#bytes(Number(value >> 56n), Number((value >> 32n) & 0xffffffn), 3);
    this.#bytes(-1, Number(value & 0xffffffffn), 4);
  }

  /** `first` (unless -1), then the low `count` bytes of `value` (below 2^32), high byte first. */
  #bytes(first: number, value: number, count: number): void {
    if (first >= 0) this.byte(first);
    for (let shift = 8 * (count - 1); shift >= 0; shift -= 8) {
      this.byte(Math.floor(value / 2 ** shift) & 0xff);
    }
  }

  result(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

/** Big-endian bytes of a positive bigint, without leading zeros. */
function bigEndian(value: bigint): Uint8Array {
  const hex = value.toString(16);
  const padded = hex.length % 2 === 0 ? hex : `0${hex}`;
  const bytes = new Uint8Array(padded.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(padded.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}

function write(out: Output, value: CborValue, bignums: boolean): void {
  if (value === null) return out.byte(0xf6);
  if (value === true) return out.byte(0xf5);
  if (value === false) return out.byte(0xf4);
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value)) throw new CborError(`${value} is not a safe integer`);
    return value >= 0 ? out.head(0, value) : out.head(1, -1 - value);
  }
  if (typeof value === "bigint") {
    if (value >= 0n && value <= U64_MAX) return out.head(0, value);
    if (value < 0n && -1n - value <= U64_MAX) return out.head(1, -1n - value);
    if (!bignums || value < 0n) throw new CborError("an integer beyond 64 bits");
    const bytes = bigEndian(value);
    out.head(6, BIGNUM);
    out.head(2, bytes.length);
    return out.raw(bytes);
  }
  if (typeof value === "string") {
    const bytes = utf8.encode(value);
    out.head(3, bytes.length);
    return out.raw(bytes);
  }
  if (value instanceof Uint8Array) {
    out.head(2, value.length);
    return out.raw(value);
  }
  if (Array.isArray(value)) {
    out.head(4, value.length);
    for (const item of value as readonly CborValue[]) write(out, item, bignums);
    return;
  }
  const entries = [...(value as ReadonlyMap<CborValue, CborValue>)].map(([key, item]) => {
    const keyOut = new Output();
    write(keyOut, key, bignums);
    return { key: keyOut.result(), item };
  });
  entries.sort((a, b) => compareBytes(a.key, b.key));
  out.head(5, entries.length);
  for (const { key, item } of entries) {
    out.raw(key);
    write(out, item, bignums);
  }
}

/**
 * The deterministic CBOR of `value`; `bignums`: a bigint over 2^64 - 1
 * becomes a bignum tag (else a CborError, as any non-integer number is).
 */
export function encodeCbor(value: CborValue, bignums = false): Uint8Array {
  const out = new Output();
  write(out, value, bignums);
  return out.result();
}

/** Reads one item at a time from the input. */
class Input {
  pos = 0;

  constructor(readonly bytes: Uint8Array, readonly tags: readonly number[]) {}

  fail(message: string): never {
    throw new CborError(`${message} at byte ${this.pos}`);
  }

  /** The argument of a head whose additional information is `info`, checked minimal. */
  argument(info: number): number | bigint {
    if (info < 24) return info;
    const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : 0;
    if (size === 0) this.fail("an indefinite or reserved length");
    if (this.pos + size > this.bytes.length) this.fail("the input ends inside a head");
    let high = 0;
    let low = 0;
    for (let i = 0; i < size; i++) {
      const byte = this.bytes[this.pos + i] ?? 0;
      if (i < size - 4) high = high * 256 + byte;
      else low = low * 256 + byte;
    }
    this.pos += size;
    const least = size === 1 ? 24 : 2 ** (4 * size);
    if (size < 8 ? low < least : high === 0) {
      this.fail("an integer or length in more bytes than necessary");
    }
    const value = high * 2 ** 32 + low;
    return Number.isSafeInteger(value) ? value : (BigInt(high) << 32n) | BigInt(low);
  }

  /** A length argument, which must fit what is left of the input. */
  length(info: number): number {
    const length = this.argument(info);
    if (typeof length === "bigint" || length > this.bytes.length - this.pos) {
      this.fail("a length past the end of the input");
    }
    return length;
  }

  item(): unknown {
    const first = this.bytes[this.pos];
    if (first === undefined) this.fail("the input ends where an item should start");
    this.pos++;
    const major = first >> 5;
    const info = first & 0x1f;
    switch (major) {
      case 0:
        return this.argument(info);
      case 1: {
        const argument = this.argument(info);
        const value = -1n - BigInt(argument);
        return value >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(value) : value;
      }
      case 2: {
        const length = this.length(info);
        this.pos += length;
        return this.bytes.slice(this.pos - length, this.pos);
      }
      case 3: {
        const length = this.length(info);
        this.pos += length;
        try {
          return strictUtf8.decode(this.bytes.subarray(this.pos - length, this.pos));
        } catch {
          return this.fail("text that is not UTF-8");
        }
      }
      case 4: {
        const count = this.length(info);
        const items: unknown[] = [];
        for (let i = 0; i < count; i++) items.push(this.item());
        return items;
      }
      case 5: {
        const count = this.length(info);
        const map = new Map<unknown, unknown>();
        for (let i = 0; i < count; i++) {
          const key = this.item();
          if (map.has(key)) {
            throw new CborError(`a repeated map key at byte ${this.pos}`, String(key));
          }
          map.set(key, this.item());
        }
        return map;
      }
      case 6: {
        const tag = this.argument(info);
        if (typeof tag !== "number" || !this.tags.includes(tag)) this.fail("a tag not allowed");
        return new CborTag(tag, this.item());
      }
      default:
        if (info === 20) return false;
        if (info === 21) return true;
        if (info === 22) return null;
        return this.fail(info >= 25 && info <= 27 ? "a float" : "a simple value not allowed");
    }
  }
}

/** The one item `bytes` hold (see the file header); `tags`: the tag numbers allowed. */
export function decodeCbor(bytes: Uint8Array, tags: readonly number[] = []): unknown {
  const input = new Input(bytes, tags);
  const value = input.item();
  if (input.pos !== bytes.length) input.fail("bytes after the item");
  return value;
}
