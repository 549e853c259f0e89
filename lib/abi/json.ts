/**
 * The JSON mapping of ABI values (DESIGN §6), both ways and exact:
 * int <-> JSON integer of any size (never a float, never quoted), bytes and
 * address <-> "0x" lowercase hex (address also accepts `anim1...`),
 * str <-> string, bool <-> true/false, list/tuple <-> array.
 *
 * `parseJson` keeps integers exact by reading each number's source text
 * and refuses text nested deeper than MAX_JSON_DEPTH before parsing it, and
 * text that repeats a key in an object;
 * `stringifyJson` writes big integers verbatim with JSON.rawJSON. Input
 * values hold the caps (limits.ts): int_bits, bytes_length,
 * container_length and the type's nesting.
 */

import { AbiEncodeError } from "../errors.ts";
import { decodeAddress } from "./address.ts";
import { type AbiValue, ADDRESS_LENGTH } from "./codec.ts";
import { fromHex, toHex } from "./hex.ts";
import { ABI_LIMITS, type AbiLimits, checkTypeDepth, intFits } from "./limits.ts";
import type { AbiType } from "./types.ts";

/** Deepest nesting of arrays and objects that {@link parseJson} accepts. */
export const MAX_JSON_DEPTH = 64;

/** Nesting depth of JSON text (brackets outside strings); stops past `cap`. */
function jsonDepth(text: string, cap: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c) i++;
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x5b || char === 0x7b) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > cap) return deepest;
    } else if (char === 0x5d || char === 0x7d) depth--;
  }
  return deepest;
}

/**
 * The first key repeated within one object of valid JSON `text`, or null
 * when there is none. JSON.parse keeps the last of repeated keys silently
 * and other parsers keep the first or refuse, so text that repeats a key
 * means different things to different readers: callers refuse it. One pass,
 * no recursion; the keys of each open object are held until it closes.
 */
export function duplicateJsonKey(text: string): string | null {
  const open: (Set<string> | null)[] = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (char === 0x22) {
      const start = i;
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) {
        if (text.charCodeAt(i) === 0x5c) i++;
      }
      const keys = open[open.length - 1];
      if (expectKey && keys instanceof Set) {
        const key = String(JSON.parse(text.slice(start, i + 1)));
        if (keys.has(key)) return key;
        keys.add(key);
      }
      expectKey = false;
    } else if (char === 0x7b) {
      open.push(new Set());
      expectKey = true;
    } else if (char === 0x5b) {
      open.push(null);
      expectKey = false;
    } else if (char === 0x5d || char === 0x7d) {
      open.pop();
      expectKey = false;
    } else if (char === 0x2c) {
      expectKey = open[open.length - 1] instanceof Set;
    }
  }
  return null;
}

/** A JSON number that is not an integer, kept as its source text. */
export class JsonNonInteger {
  /** The number exactly as written in the JSON text. */
  readonly source: string;

  /** Keeps the source text of a non-integer JSON number. */
  constructor(source: string) {
    this.source = source;
  }
}

/** JSON as parsed by {@link parseJson}: integers are bigint. */
export type JsonValue =
  | null
  | boolean
  | string
  | bigint
  | JsonNonInteger
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue };

type Reviver = (
  this: unknown,
  key: string,
  value: unknown,
  context: { source?: string },
) => unknown;

/** Parses JSON text, keeping every integer exact as a bigint. */
export function parseJson(text: string, what = "JSON"): JsonValue {
  if (jsonDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    throw new AbiEncodeError("", `${what} is nested deeper than ${MAX_JSON_DEPTH} levels`);
  }
  const reviver: Reviver = (_key, value, context) => {
    if (typeof value !== "number") return value;
    const source = context.source ?? String(value);
    return /^-?(?:0|[1-9][0-9]*)$/.test(source) ? BigInt(source) : new JsonNonInteger(source);
  };
  let value: JsonValue;
  try {
    value = JSON.parse(text, reviver as (key: string, value: unknown) => unknown) as JsonValue;
  } catch (error) {
    throw new AbiEncodeError(
      "",
      `${what} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const repeated = duplicateJsonKey(text);
  if (repeated !== null) {
    throw new AbiEncodeError(
      "",
      `${what} repeats the key ${JSON.stringify(repeated)} in an object`,
    );
  }
  return value;
}

/** True for a JSON object (not an array, number or null). */
export function isJsonObject(value: JsonValue): value is { readonly [key: string]: JsonValue } {
  return typeof value === "object" && value !== null && !Array.isArray(value) &&
    !(value instanceof JsonNonInteger);
}

function describeJson(value: JsonValue): string {
  if (value === null) return "null";
  if (value instanceof JsonNonInteger) return `the number ${value.source}`;
  if (Array.isArray(value)) return "an array";
  if (typeof value === "bigint") return "an integer";
  if (typeof value === "string") return "a string";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

/**
 * Converts JSON input to a value of `type`; `path` names it in errors.
 * The value holds `limits` (default: the VM's caps).
 */
export function valueFromJson(
  type: AbiType,
  json: JsonValue,
  path: string,
  limits: AbiLimits = ABI_LIMITS,
): AbiValue {
  checkTypeDepth(type);
  return fromJson(type, json, path, limits);
}

const utf8 = new TextEncoder();

function tooLong(path: string, what: string, limit: number, cap: string): never {
  throw new AbiEncodeError(path, `${what} is longer than ${limit} (cap ${cap})`);
}

function fromJson(type: AbiType, json: JsonValue, path: string, limits: AbiLimits): AbiValue {
  const wrong = (expected: string, hint = ""): never => {
    throw new AbiEncodeError(path, `expected ${expected}, got ${describeJson(json)}${hint}`);
  };
  switch (type.kind) {
    case "int":
      if (typeof json === "bigint") {
        if (!intFits(json, limits.intBits)) {
          throw new AbiEncodeError(
            path,
            `integer is ${limits.intBits} bits or more (cap int_bits)`,
          );
        }
        return json;
      }
      if (typeof json === "string" && /^-?[0-9]+$/.test(json)) {
        return wrong("an integer", ` (write ${json} without quotes)`);
      }
      return wrong("an integer");
    case "bool":
      return typeof json === "boolean" ? json : wrong("true or false");
    case "str":
      if (typeof json !== "string") return wrong("a string");
      if (!json.isWellFormed()) throw new AbiEncodeError(path, "string contains a lone surrogate");
      if (json.length > limits.bytesLength || utf8.encode(json).length > limits.bytesLength) {
        return tooLong(path, "string (in UTF-8 bytes)", limits.bytesLength, "bytes_length");
      }
      return json;
    case "bytes": {
      if (typeof json !== "string") return wrong('a "0x..." hex string');
      if (json.length > 2 + 2 * limits.bytesLength) {
        return tooLong(path, "bytes", limits.bytesLength, "bytes_length");
      }
      const bytes = fromHex(json);
      return bytes ??
        wrong(
          'a "0x..." hex string with an even number of digits',
          ` (${JSON.stringify(json.slice(0, 20))})`,
        );
    }
    case "address": {
      if (typeof json !== "string") return wrong('an address ("anim1..." or "0x" + 66 hex digits)');
      const decoded = json.startsWith("0x") ? fromHex(json) : decodeAddress(json);
      if (typeof decoded === "string") throw new AbiEncodeError(path, decoded);
      if (decoded === null) return wrong('an address ("anim1..." or "0x" + 66 hex digits)');
      if (decoded.length !== ADDRESS_LENGTH) {
        throw new AbiEncodeError(
          path,
          `an address has ${ADDRESS_LENGTH} bytes, got ${decoded.length}`,
        );
      }
      return decoded;
    }
    case "list":
      if (!Array.isArray(json)) return wrong("an array");
      if (json.length > limits.containerLength) {
        return tooLong(path, "array", limits.containerLength, "container_length");
      }
      return (json as readonly JsonValue[]).map((item, index) =>
        fromJson(type.item, item, `${path}[${index}]`, limits)
      );
    case "tuple": {
      if (!Array.isArray(json)) return wrong(`an array of ${type.items.length}`);
      const items = json as readonly JsonValue[];
      if (items.length !== type.items.length) {
        throw new AbiEncodeError(
          path,
          `expected an array of ${type.items.length}, got ${items.length} items`,
        );
      }
      return type.items.map((itemType, index) =>
        fromJson(itemType, items[index] ?? null, `${path}[${index}]`, limits)
      );
    }
  }
}

/** A raw JSON fragment, written verbatim by JSON.stringify. */
export interface RawJson {
  /** The JSON text written verbatim. */
  readonly rawJSON: string;
}

/**
 * JSON.rawJSON (JSON.parse source text access, shipped in V8); declared here
 * because TypeScript's lib does not describe it yet.
 */
export const rawJson: (text: string) => RawJson =
  (JSON as unknown as { rawJSON(text: string): RawJson }).rawJSON;

const isRawJson: (value: unknown) => value is RawJson =
  (JSON as unknown as { isRawJSON(value: unknown): value is RawJson }).isRawJSON;

/**
 * A JSON object whose members keep the order given. A JS object lists
 * integer-like keys first and holds each key once, so output that must
 * keep a dict's order (or two keys with one text) uses this instead;
 * stringifyJson writes it in order.
 *
 * @example Keep the order of integer-like keys
 * ```ts
 * import { OrderedJsonObject, stringifyJson } from "@animica/vm-py/abi";
 * import assert from "node:assert/strict";
 *
 * const object = new OrderedJsonObject([["b", 1], ["2", 2]]);
 * assert.equal(stringifyJson(object), '{"b":1,"2":2}');
 * ```
 */
export class OrderedJsonObject {
  /** The members, in output order. */
  readonly members: readonly (readonly [string, JsonOutput])[];

  /** An object of `members`, written in this order. */
  constructor(members: readonly (readonly [string, JsonOutput])[]) {
    this.members = members;
  }

  /** For a caller of JSON.stringify: a plain object (which cannot keep the order). */
  toJSON(): { readonly [key: string]: JsonOutput } {
    return Object.fromEntries(this.members);
  }
}

/** Output JSON: like JsonValue, with integers as raw JSON text. */
export type JsonOutput =
  | null
  | boolean
  | number
  | string
  | RawJson
  | OrderedJsonObject
  | readonly JsonOutput[]
  | { readonly [key: string]: JsonOutput };

/** Converts a value of `type` to output JSON (recursion follows the type's checked depth). */
export function valueToJson(type: AbiType, value: AbiValue): JsonOutput {
  checkTypeDepth(type);
  return toJson(type, value);
}

function toJson(type: AbiType, value: AbiValue): JsonOutput {
  switch (type.kind) {
    case "int":
      return rawJson((value as bigint).toString());
    case "bool":
    case "str":
      return value as boolean | string;
    case "bytes":
    case "address":
      return toHex(value as Uint8Array);
    case "list":
      return (value as readonly AbiValue[]).map((item) => toJson(type.item, item));
    case "tuple":
      return type.items.map((itemType, index) =>
        toJson(itemType, (value as readonly AbiValue[])[index] as AbiValue)
      );
  }
}

/**
 * JSON text of output JSON, big integers written exactly and ordered
 * objects in their order; `indent` spaces per level as JSON.stringify
 * writes them. Nesting is that of a checked value (value_depth at most).
 */
export function stringifyJson(value: JsonOutput, indent?: number): string {
  return writeJson(value, " ".repeat(indent ?? 0), "");
}

function writeJson(value: JsonOutput, indent: string, level: string): string {
  if (value === null || typeof value !== "object" || isRawJson(value)) {
    return JSON.stringify(value);
  }
  const inner = level + indent;
  const open = indent === "" ? "" : `\n${inner}`;
  const between = indent === "" ? "," : `,\n${inner}`;
  const close = indent === "" ? "" : `\n${level}`;
  if (isJsonArray(value)) {
    if (value.length === 0) return "[]";
    return `[${open}${value.map((item) => writeJson(item, indent, inner)).join(between)}${close}]`;
  }
  const members = value instanceof OrderedJsonObject ? value.members : Object.entries(value);
  if (members.length === 0) return "{}";
  const colon = indent === "" ? ":" : ": ";
  const parts = members.map(([key, item]) =>
    `${JSON.stringify(key)}${colon}${writeJson(item, indent, inner)}`
  );
  return `{${open}${parts.join(between)}${close}}`;
}

function isJsonArray(value: JsonOutput): value is readonly JsonOutput[] {
  return Array.isArray(value);
}
