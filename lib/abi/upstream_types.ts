/**
 * Type strings of upstream Animica manifests (`uint256`, `u64`, `i32`,
 * `bytes32`, `string`, `address`, `T[]`, `(T1,T2)`) mapped onto ABI v1
 * types plus the check that keeps their meaning: an integer range for
 * sized integers, an exact length for sized bytes (spec/ABI.md §7.1).
 * A type that cannot map is an error saying why.
 */

import { MAX_TYPE_DEPTH, MAX_TYPE_LENGTH } from "./types.ts";

/** Inclusive bounds of every int inside a value (decimal strings, as in manifest JSON). */
export interface IntRange {
  readonly min: string;
  readonly max: string;
}

/** An upstream type as our type string and the checks it carries. */
export interface MappedType {
  /** ABI v1 type string (`int`, `list<bytes>`). */
  readonly type: string;
  /** Range of every int inside the value, when the upstream type was sized. */
  readonly range: IntRange | null;
  /** Length of every bytes inside the value, when the upstream type was `bytesN`. */
  readonly length: number | null;
}

/** Why an upstream type cannot map. */
export class UnmappableType extends Error {
  override name = "UnmappableType";
}

const SIMPLE: Readonly<Record<string, string>> = {
  int: "int",
  bool: "bool",
  bytes: "bytes",
  str: "str",
  string: "str",
  address: "address",
};

/** Maps an upstream type string; throws UnmappableType saying why it cannot. */
export function mapUpstreamType(text: string): MappedType {
  if (text.length > MAX_TYPE_LENGTH) {
    throw new UnmappableType(`type is longer than ${MAX_TYPE_LENGTH} characters`);
  }
  return mapType(text.trim(), 0, text);
}

function mapType(text: string, depth: number, whole: string): MappedType {
  if (depth > MAX_TYPE_DEPTH) {
    throw new UnmappableType(`type '${whole}' nests deeper than ${MAX_TYPE_DEPTH} levels`);
  }
  if (text.endsWith("]")) {
    const open = text.lastIndexOf("[");
    const size = text.slice(open + 1, -1).trim();
    if (open <= 0) throw new UnmappableType(`type '${whole}' has an unmatched ']'`);
    if (size !== "") {
      throw new UnmappableType(
        `fixed-size array '${text}' cannot map (write '${
          text.slice(0, open)
        }[]' and check the length in the contract)`,
      );
    }
    const item = mapType(text.slice(0, open).trim(), depth + 1, whole);
    return { ...item, type: `list<${item.type}>` };
  }
  const tuple = /^(?:tuple)?\s*\((.*)\)$/s.exec(text);
  if (tuple !== null) return mapTuple(tuple[1] ?? "", depth, whole);
  const list = /^list\s*<(.*)>$/s.exec(text);
  if (list !== null) {
    const item = mapType((list[1] ?? "").trim(), depth + 1, whole);
    return { ...item, type: `list<${item.type}>` };
  }
  const simple = SIMPLE[text];
  if (simple !== undefined) return { type: simple, range: null, length: null };
  const sized = /^(uint|int|u|i)(\d+)$/.exec(text);
  if (sized !== null) {
    return { type: "int", range: intRange(sized[1] ?? "", sized[2] ?? "", text), length: null };
  }
  if (text === "uint") {
    return { type: "int", range: { min: "0", max: (2n ** 256n - 1n).toString() }, length: null };
  }
  const fixed = /^bytes(\d+)$/.exec(text);
  if (fixed !== null) {
    const length = Number(fixed[1]);
    if (length < 1 || length > 32 || String(length) !== fixed[1]) {
      throw new UnmappableType(`'${text}' is not a sized bytes type (bytes1 ... bytes32)`);
    }
    return { type: "bytes", range: null, length };
  }
  throw new UnmappableType(
    `unknown type '${text}' (upstream types that map: uint8...uint256, u8...u256, ` +
      "int8...int256, i8...i256, int, bool, bytes, bytes1...bytes32, string, str, address, " +
      "T[], (T1,T2,...))",
  );
}

function intRange(prefix: string, digits: string, text: string): IntRange {
  const bits = Number(digits);
  if (bits < 8 || bits > 256 || bits % 8 !== 0 || String(bits) !== digits) {
    throw new UnmappableType(`'${text}' is not a sized integer type (8 to 256 bits, by 8)`);
  }
  const width = BigInt(bits);
  return prefix.startsWith("u")
    ? { min: "0", max: (2n ** width - 1n).toString() }
    : { min: (-(2n ** (width - 1n))).toString(), max: (2n ** (width - 1n) - 1n).toString() };
}

/** `(A, B)`: every item mapped; the items' checks must agree (one check per parameter). */
function mapTuple(inner: string, depth: number, whole: string): MappedType {
  const parts = splitTopLevel(inner, whole);
  const items = parts.map((part) => mapType(part, depth + 1, whole));
  const ranges = new Set(
    items.map((item) => JSON.stringify(item.range)).filter((r) => r !== "null"),
  );
  const lengths = new Set(items.map((item) => item.length).filter((l) => l !== null));
  if (ranges.size > 1 || lengths.size > 1) {
    throw new UnmappableType(
      `tuple '${whole}' mixes integer or bytes sizes; a parameter carries one range and one ` +
        "length (split it into several parameters)",
    );
  }
  const range = items.find((item) => item.range !== null)?.range ?? null;
  const length = items.find((item) => item.length !== null)?.length ?? null;
  return { type: `tuple(${items.map((item) => item.type).join(",")})`, range, length };
}

/** Splits `A, (B, C), D[]` at its top-level commas. */
function splitTopLevel(inner: string, whole: string): string[] {
  if (inner.trim() === "") return [];
  const parts: string[] = [];
  let level = 0;
  let start = 0;
  for (let i = 0; i < inner.length; i++) {
    const char = inner[i];
    if (char === "(" || char === "[" || char === "<") level++;
    else if (char === ")" || char === "]" || char === ">") level--;
    else if (char === "," && level === 0) {
      parts.push(inner.slice(start, i).trim());
      start = i + 1;
    }
    if (level < 0) throw new UnmappableType(`type '${whole}' has unbalanced brackets`);
  }
  if (level !== 0) throw new UnmappableType(`type '${whole}' has unbalanced brackets`);
  parts.push(inner.slice(start).trim());
  return parts;
}
