/**
 * ABI v1 binary codec (spec/ABI.md): values to bytes and back.
 *
 *   int      uvarint(zigzag(x)), shortest form, unbounded
 *   bool     one byte, 0x00 or 0x01
 *   bytes    uvarint(length) || bytes
 *   str      as bytes, holding UTF-8 (invalid UTF-8 is rejected)
 *   address  uvarint(33) || 33 bytes
 *   list<T>  uvarint(count) || items
 *   tuple(T...) concatenation of the items
 *
 * Decoding is strict: every byte string has at most one decoding, and
 * anything but the canonical encoding of exactly one value is an
 * AbiDecodeError naming the offset. Encoding checks the value's shape and
 * throws AbiEncodeError naming the path of the offending part.
 *
 * Both directions hold the caps (limits.ts) and visit at most
 * `maxNodes` values (spec/ABI.md §2): every count is checked against
 * container_length and, when its items take at least one byte, against the
 * bytes left, before any item is built; an optional `pay` callback is
 * charged one node for each value below the root before it is built (a
 * list or tuple pays for all its items before building the first). Recursion
 * follows the type, whose depth is checked first (at most MAX_TYPE_DEPTH).
 */

import { AbiDecodeError, AbiEncodeError } from "../errors.ts";
import {
  ABI_LIMITS,
  type AbiLimits,
  checkTypeDepth,
  intFits,
  maxIntVarintLength,
} from "./limits.ts";
import type { AbiType } from "./types.ts";
import { readUvarint, unzigzag, writeUvarint, zigzag } from "./varint.ts";

/**
 * A value of an ABI type: int -> bigint, bool -> boolean, bytes and
 * address -> Uint8Array (33 bytes for address), str -> string,
 * list and tuple -> arrays.
 */
export type AbiValue = bigint | boolean | Uint8Array | string | readonly AbiValue[];

/** Length in bytes of an address payload (algorithm id + sha3-256 digest). */
export const ADDRESS_LENGTH = 33;
/** Longest varint of a length or count: more than any cap needs. */
const MAX_COUNT_VARINT = 10;

/** How a codec walk is bounded and paid. */
export interface AbiWalkOptions {
  /** The caps to hold (default: the VM's). */
  readonly limits?: AbiLimits;
  /** Charged one node before each value below the root is visited; throws to stop the walk. */
  readonly pay?: (nodes: number) => void;
}

/** Most values one encode or decode visits: bytes_length + container_length. */
export function maxNodes(limits: AbiLimits): number {
  return limits.bytesLength + limits.containerLength;
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });
const utf8 = new TextEncoder();

/** Encodes `value` as type `type`. */
export function encodeAbi(
  type: AbiType,
  value: AbiValue,
  path = "",
  options: AbiWalkOptions = {},
): Uint8Array {
  checkTypeDepth(type);
  const walk = new EncodeWalk(options);
  walk.encode(type, value, path, true);
  return Uint8Array.from(walk.out);
}

function describe(value: AbiValue): string {
  if (value instanceof Uint8Array) return "bytes";
  if (Array.isArray(value)) return "an array";
  return `a ${typeof value}`;
}

class EncodeWalk {
  readonly out: number[] = [];
  readonly #limits: AbiLimits;
  readonly #pay: ((nodes: number) => void) | undefined;
  #nodes = 0;

  constructor(options: AbiWalkOptions) {
    this.#limits = options.limits ?? ABI_LIMITS;
    this.#pay = options.pay;
  }

  /** Fails before the encoding would grow past bytes_length. */
  #room(path: string, bytes: number): void {
    if (this.out.length + bytes > this.#limits.bytesLength) {
      throw new AbiEncodeError(
        path,
        `the encoding is longer than ${this.#limits.bytesLength} bytes (cap bytes_length)`,
      );
    }
  }

  #visit(path: string, root: boolean): void {
    if (++this.#nodes > maxNodes(this.#limits)) {
      throw new AbiEncodeError(path, `the value has more than ${maxNodes(this.#limits)} parts`);
    }
    if (!root) this.#pay?.(1);
  }

  encode(type: AbiType, value: AbiValue, path: string, root: boolean): void {
    this.#visit(path, root);
    const out = this.out;
    const wrong = (expected: string): never => {
      throw new AbiEncodeError(path, `expected ${expected}, got ${describe(value)}`);
    };
    switch (type.kind) {
      case "int": {
        if (typeof value !== "bigint") return wrong("an int (bigint)");
        if (!intFits(value, this.#limits.intBits)) {
          throw new AbiEncodeError(
            path,
            `int is ${this.#limits.intBits} bits or more (cap int_bits)`,
          );
        }
        this.#room(path, maxIntVarintLength(this.#limits.intBits));
        writeUvarint(out, zigzag(value));
        return;
      }
      case "bool":
        if (typeof value !== "boolean") return wrong("a bool");
        this.#room(path, 1);
        out.push(value ? 1 : 0);
        return;
      case "bytes":
      case "address": {
        if (!(value instanceof Uint8Array)) {
          return wrong(type.kind === "bytes" ? "bytes" : "an address");
        }
        if (type.kind === "address" && value.length !== ADDRESS_LENGTH) {
          throw new AbiEncodeError(
            path,
            `an address has ${ADDRESS_LENGTH} bytes, got ${value.length}`,
          );
        }
        this.#room(path, value.length + 1);
        writeUvarint(out, value.length);
        for (const byte of value) out.push(byte);
        return;
      }
      case "str": {
        if (typeof value !== "string") return wrong("a str");
        // UTF-8 takes at least one byte per UTF-16 unit: check before encoding.
        this.#room(path, value.length + 1);
        if (!value.isWellFormed()) throw new AbiEncodeError(path, "str contains a lone surrogate");
        const bytes = utf8.encode(value);
        this.#room(path, bytes.length + 1);
        writeUvarint(out, bytes.length);
        for (const byte of bytes) out.push(byte);
        return;
      }
      case "list": {
        if (!Array.isArray(value)) return wrong("a list");
        const items = value as readonly AbiValue[];
        if (items.length > this.#limits.containerLength) {
          throw new AbiEncodeError(
            path,
            `list of ${items.length} items is longer than ${this.#limits.containerLength} (cap container_length)`,
          );
        }
        this.#room(path, 1);
        writeUvarint(out, items.length);
        for (let index = 0; index < items.length; index++) {
          this.encode(type.item, items[index] as AbiValue, `${path}[${index}]`, false);
        }
        return;
      }
      case "tuple": {
        if (!Array.isArray(value)) return wrong("a tuple");
        const items = value as readonly AbiValue[];
        if (items.length !== type.items.length) {
          throw new AbiEncodeError(
            path,
            `expected a tuple of ${type.items.length}, got ${items.length} items`,
          );
        }
        type.items.forEach((itemType, index) => {
          this.encode(itemType, items[index] as AbiValue, `${path}[${index}]`, false);
        });
        return;
      }
    }
  }
}

/** Decodes exactly one value of `type` from `bytes` (no trailing bytes). */
export function decodeAbi(
  type: AbiType,
  bytes: Uint8Array,
  options: AbiWalkOptions = {},
): AbiValue {
  checkTypeDepth(type);
  const walk = new DecodeWalk(bytes, options);
  const { value, next } = walk.decode(type, 0);
  if (next !== bytes.length) {
    throw new AbiDecodeError(
      next,
      `${bytes.length - next} trailing byte${bytes.length - next === 1 ? "" : "s"}`,
    );
  }
  return value;
}

/** A decoded value and the offset just past it. */
export interface Decoded {
  readonly value: AbiValue;
  readonly next: number;
}

/** Smallest number of bytes any value of `type` encodes to. */
export function minimumSize(type: AbiType): number {
  switch (type.kind) {
    case "address":
      return 1 + ADDRESS_LENGTH;
    case "tuple":
      return type.items.reduce((sum, item) => sum + minimumSize(item), 0);
    default:
      return 1;
  }
}

class DecodeWalk {
  readonly #bytes: Uint8Array;
  readonly #limits: AbiLimits;
  readonly #pay: ((nodes: number) => void) | undefined;
  #nodes = 0;

  constructor(bytes: Uint8Array, options: AbiWalkOptions) {
    this.#bytes = bytes;
    this.#limits = options.limits ?? ABI_LIMITS;
    this.#pay = options.pay;
  }

  /**
   * A length or count at `offset` whose items take at least `itemSize`
   * bytes each: refused when they would run past the end of the data, then
   * when the count is above `cap`.
   */
  #readCount(offset: number, what: string, itemSize: number, cap: number, capName: string) {
    const bytes = this.#bytes;
    const { value, next } = readUvarint(bytes, offset, MAX_COUNT_VARINT);
    if (value * BigInt(itemSize) > BigInt(bytes.length - next)) {
      throw new AbiDecodeError(offset, `${what} ${value} runs past the end of the data`);
    }
    if (value > BigInt(cap)) {
      throw new AbiDecodeError(offset, `${what} ${value} is above ${cap} (cap ${capName})`);
    }
    return { count: Number(value), next };
  }

  /** Decodes one value of `type` starting at `offset`. */
  decode(type: AbiType, offset: number): Decoded {
    if (++this.#nodes > maxNodes(this.#limits)) {
      throw new AbiDecodeError(offset, `the data holds more than ${maxNodes(this.#limits)} values`);
    }
    const bytes = this.#bytes;
    switch (type.kind) {
      case "int": {
        const bits = this.#limits.intBits;
        const { value, next } = readUvarint(bytes, offset, maxIntVarintLength(bits));
        const int = unzigzag(value);
        if (!intFits(int, bits)) {
          throw new AbiDecodeError(offset, `int is ${bits} bits or more (cap int_bits)`);
        }
        return { value: int, next };
      }
      case "bool": {
        const byte = bytes[offset];
        if (byte === undefined) throw new AbiDecodeError(offset, "missing bool");
        if (byte > 1) {
          throw new AbiDecodeError(
            offset,
            `bool must be 0x00 or 0x01, got 0x${byte.toString(16).padStart(2, "0")}`,
          );
        }
        return { value: byte === 1, next: offset + 1 };
      }
      case "bytes":
      case "str":
      case "address": {
        const { count: length, next } = this.#readCount(
          offset,
          `${type.kind} length of`,
          1,
          this.#limits.bytesLength,
          "bytes_length",
        );
        if (type.kind === "address" && length !== ADDRESS_LENGTH) {
          throw new AbiDecodeError(
            offset,
            `address length must be ${ADDRESS_LENGTH}, got ${length}`,
          );
        }
        const payload = bytes.slice(next, next + length);
        if (type.kind !== "str") return { value: payload, next: next + length };
        try {
          return { value: strictUtf8.decode(payload), next: next + length };
        } catch {
          throw new AbiDecodeError(next, "str is not valid UTF-8");
        }
      }
      case "list": {
        const { count, next: start } = this.#readCount(
          offset,
          "list count",
          minimumSize(type.item),
          this.#limits.containerLength,
          "container_length",
        );
        // Every item is paid before the first is built.
        this.#pay?.(count);
        const items: AbiValue[] = [];
        let next = start;
        for (let i = 0; i < count; i++) {
          const decoded = this.decode(type.item, next);
          items.push(decoded.value);
          next = decoded.next;
        }
        return { value: items, next };
      }
      case "tuple": {
        this.#pay?.(type.items.length);
        const items: AbiValue[] = [];
        let next = offset;
        for (const itemType of type.items) {
          const decoded = this.decode(itemType, next);
          items.push(decoded.value);
          next = decoded.next;
        }
        return { value: items, next };
      }
    }
  }
}
