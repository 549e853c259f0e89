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
 */

import { AbiDecodeError, AbiEncodeError } from "../errors.ts";
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
/** Most items a decoded list may claim; counts beyond are rejected up front. */
export const MAX_LIST_ITEMS = 1 << 24;

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });
const utf8 = new TextEncoder();

/** Encodes `value` as type `type`. */
export function encodeAbi(type: AbiType, value: AbiValue, path = ""): Uint8Array {
  const out: number[] = [];
  encodeInto(out, type, value, path);
  return Uint8Array.from(out);
}

function describe(value: AbiValue): string {
  if (value instanceof Uint8Array) return "bytes";
  if (Array.isArray(value)) return "an array";
  return `a ${typeof value}`;
}

function encodeInto(out: number[], type: AbiType, value: AbiValue, path: string): void {
  const wrong = (expected: string): never => {
    throw new AbiEncodeError(path, `expected ${expected}, got ${describe(value)}`);
  };
  switch (type.kind) {
    case "int":
      if (typeof value !== "bigint") wrong("an int (bigint)");
      writeUvarint(out, zigzag(value as bigint));
      return;
    case "bool":
      if (typeof value !== "boolean") wrong("a bool");
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
      writeUvarint(out, value.length);
      for (const byte of value) out.push(byte);
      return;
    }
    case "str": {
      if (typeof value !== "string") return wrong("a str");
      if (!value.isWellFormed()) throw new AbiEncodeError(path, "str contains a lone surrogate");
      const bytes = utf8.encode(value);
      writeUvarint(out, bytes.length);
      for (const byte of bytes) out.push(byte);
      return;
    }
    case "list": {
      if (!Array.isArray(value)) return wrong("a list");
      const items = value as readonly AbiValue[];
      writeUvarint(out, items.length);
      items.forEach((item, index) => encodeInto(out, type.item, item, `${path}[${index}]`));
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
        encodeInto(out, itemType, items[index] as AbiValue, `${path}[${index}]`);
      });
      return;
    }
  }
}

/** Decodes exactly one value of `type` from `bytes` (no trailing bytes). */
export function decodeAbi(type: AbiType, bytes: Uint8Array): AbiValue {
  const { value, next } = decodeAt(type, bytes, 0);
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

function readLength(
  bytes: Uint8Array,
  offset: number,
  what: string,
): { length: number; next: number } {
  const { value, next } = readUvarint(bytes, offset);
  if (value > BigInt(bytes.length - next)) {
    throw new AbiDecodeError(offset, `${what} of ${value} runs past the end of the data`);
  }
  return { length: Number(value), next };
}

/** Decodes one value of `type` starting at `offset`. */
export function decodeAt(type: AbiType, bytes: Uint8Array, offset: number): Decoded {
  switch (type.kind) {
    case "int": {
      const { value, next } = readUvarint(bytes, offset);
      return { value: unzigzag(value), next };
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
      const { length, next } = readLength(bytes, offset, `${type.kind} length`);
      if (type.kind === "address" && length !== ADDRESS_LENGTH) {
        throw new AbiDecodeError(offset, `address length must be ${ADDRESS_LENGTH}, got ${length}`);
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
      const { value: count, next: start } = readUvarint(bytes, offset);
      const itemSize = minimumSize(type.item);
      const remaining = BigInt(bytes.length - start);
      if (
        count > BigInt(MAX_LIST_ITEMS) || (itemSize > 0 && count * BigInt(itemSize) > remaining)
      ) {
        throw new AbiDecodeError(offset, `list count ${count} runs past the end of the data`);
      }
      const items: AbiValue[] = [];
      let next = start;
      for (let i = 0; i < Number(count); i++) {
        const decoded = decodeAt(type.item, bytes, next);
        items.push(decoded.value);
        next = decoded.next;
      }
      return { value: items, next };
    }
    case "tuple": {
      const items: AbiValue[] = [];
      let next = offset;
      for (const itemType of type.items) {
        const decoded = decodeAt(itemType, bytes, next);
        items.push(decoded.value);
        next = decoded.next;
      }
      return { value: items, next };
    }
  }
}
