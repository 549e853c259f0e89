/**
 * The cases of tests/dynamic_costs_test.ts: for every table entry with a
 * size-dependent cost (opcode `dynamic`/`sequence`, builtin, method per
 * receiver type, stdlib member), a tiny contract run on a small and a large
 * input of the same shape, and the units each input should be charged,
 * computed here from the unit definitions of spec/GAS.md §7 (never from the
 * runtime's code). Entry keys: `op:ADD`, `op:ADD/sequence`, `builtin:len`,
 * `method:str.upper`, `stdlib:hash.sha3_256`; extra probes of one entry
 * add ` (what)` to its key.
 */

import type { Value } from "../../lib/runtime/values.ts";
import { canonicalInt, dictKey, PyDict, PyList, PyTuple } from "../../lib/runtime/values.ts";
import { OUTPUT_METER } from "../../lib/runtime/walk.ts";
import { setEntry } from "../../lib/runtime/dict_table.ts";
import { Op } from "../../ir.ts";

/** How the gas of one run is read. */
export type Measure =
  /** The call's whole gasUsed: the two runs share one program and differ only in their arguments. */
  | "call"
  /** The charge of the last executed instruction with this opcode (programs may differ in operands or setup). */
  | { readonly op: number };

/** One table entry exercised at two sizes. */
export interface DynamicCase {
  readonly entry: string;
  /** The program for a size: the body of `main(x, y, z)` (one statement a line). */
  readonly body: (size: number) => string;
  /** The arguments of `main` for a size (x, y, z; missing ones are None). */
  readonly args?: (size: number) => Value[];
  /** The units the input of this size should be charged (spec/GAS.md §7). */
  readonly units: (size: number) => number;
  readonly sizes: readonly [number, number];
  readonly measure?: Measure;
  /** The call is expected to fail (revert); its gasUsed is still measured. */
  readonly fails?: boolean;
  /** The manifest capabilities the call needs (syscalls). */
  readonly caps?: readonly string[];
}

// -- inputs ---------------------------------------------------------------

/** An int of exactly `w` 64-bit words (bit length 64·w), as the VM holds it. */
export function intOfWords(w: number): Value {
  return canonicalInt(bigOfWords(w));
}

function bigOfWords(w: number): bigint {
  return (1n << BigInt(64 * w - 1)) + 12345n;
}

const ascii = (n: number) => "a".repeat(n);
const bytesOf = (n: number) => new Uint8Array(n).fill(97);
const ints = (n: number) => new PyList(Array.from({ length: n }, (_, i) => i));
const tupleOf = (n: number) => new PyTuple(Array.from({ length: n }, (_, i) => i));
const dictOf = (n: number): PyDict => {
  const dict = new PyDict();
  for (let i = 0; i < n; i++) setEntry(dict, dictKey(OUTPUT_METER, i), i, i);
  return dict;
};
const log2Steps = (n: number) => n * Math.ceil(Math.log2(n + 1));

/** Same-length byte strings of `n` bytes whose uvarint and CBOR length headers are equal at both sizes. */
const MID: readonly [number, number] = [130, 250];
const SMALL_LARGE: readonly [number, number] = [4, 200];
const WORDS: readonly [number, number] = [2, 8];

const line = (text: string) => () => text;

// -- opcodes ----------------------------------------------------------------

const binaryWords = (entry: string, operator: string): DynamicCase => ({
  entry,
  body: line(`x ${operator} y`),
  args: (w) => [intOfWords(w), intOfWords(w)],
  units: (w) => w,
  sizes: WORDS,
});

const productWords = (entry: string, operator: string): DynamicCase => ({
  entry,
  body: line(`x ${operator} y`),
  args: (w) => [intOfWords(w), intOfWords(2)],
  units: (w) => w * 2,
  sizes: WORDS,
});

const comparison = (name: string, operator: string): DynamicCase => ({
  entry: `op:${name}`,
  body: line(`x ${operator} y`),
  args: (n) => [bytesOf(n), bytesOf(n)],
  units: (n) => n,
  sizes: SMALL_LARGE,
});

const OPCODE_CASES: DynamicCase[] = [
  binaryWords("op:ADD", "+"),
  {
    entry: "op:ADD/sequence",
    body: line("x + y"),
    args: (n) => [bytesOf(n), bytesOf(n)],
    units: (n) => 2 * n,
    sizes: SMALL_LARGE,
  },
  {
    // A str's concatenation builds UTF-8 bytes: 2 per "é".
    entry: "op:ADD/sequence (non-ASCII str)",
    body: line("x + y"),
    args: (n) => ["é".repeat(n), "a"],
    units: (n) => 2 * n + 1,
    sizes: SMALL_LARGE,
  },
  {
    entry: "op:ADD/sequence (tuple)",
    body: line("x + y"),
    args: (n) => [tupleOf(n), tupleOf(n)],
    units: (n) => 2 * n,
    sizes: SMALL_LARGE,
  },
  {
    // list += iterable: the items appended.
    entry: "op:INPLACE_ADD/sequence (list)",
    body: line("x += y"),
    args: (n) => [ints(1), ints(n)],
    units: (n) => n,
    sizes: SMALL_LARGE,
  },
  {
    // list * count: the items built.
    entry: "op:MUL/sequence (list)",
    body: line("x * y"),
    args: (n) => [ints(n), 3],
    units: (n) => 3 * n,
    sizes: SMALL_LARGE,
  },
  {
    // dict | dict builds a dict of both: n(a) + n(b) items.
    entry: "op:BITOR/sequence",
    body: line("x | y"),
    args: (n) => [dictOf(1), dictOf(n)],
    units: (n) => 1 + n,
    sizes: SMALL_LARGE,
  },
  binaryWords("op:SUB", "-"),
  productWords("op:MUL", "*"),
  {
    entry: "op:MUL/sequence",
    body: line("x * y"),
    args: (n) => [bytesOf(n), 3],
    units: (n) => 3 * n,
    sizes: SMALL_LARGE,
  },
  productWords("op:FLOORDIV", "//"),
  productWords("op:MOD", "%"),
  {
    // printf-style %: the text built ("%s" of an ASCII str: its length).
    entry: "op:MOD/sequence",
    body: line('"%s" % x'),
    args: (n) => [ascii(n)],
    units: (n) => n,
    sizes: SMALL_LARGE,
  },
  {
    // ** : words(base) × words of the result, ⌈bits(base) · exp / 64⌉.
    entry: "op:POW",
    body: line("x ** y"),
    args: (e) => [intOfWords(2), e],
    units: (e) => 2 * Math.ceil((128 * e) / 64),
    sizes: [2, 8],
  },
  {
    // << : words of the result, ⌈(bits(x) + n) / 64⌉.
    entry: "op:LSHIFT",
    body: line("x << y"),
    args: (n) => [1, n],
    units: (n) => Math.ceil((1 + n) / 64),
    sizes: [100, 1000],
  },
  {
    // >> : words of the shifted operand.
    entry: "op:RSHIFT",
    body: line("x >> y"),
    args: (w) => [intOfWords(w), 3],
    units: (w) => w,
    sizes: WORDS,
  },
  binaryWords("op:BITAND", "&"),
  binaryWords("op:BITOR", "|"),
  binaryWords("op:BITXOR", "^"),
  {
    entry: "op:INPLACE_ADD",
    body: line("x += y"),
    args: (w) => [intOfWords(w), intOfWords(w)],
    units: (w) => w,
    sizes: WORDS,
  },
  {
    entry: "op:INPLACE_ADD/sequence",
    body: line("x += y"),
    args: (n) => [bytesOf(n), bytesOf(n)],
    units: (n) => 2 * n,
    sizes: SMALL_LARGE,
  },
  {
    entry: "op:INPLACE_MUL",
    body: line("x *= y"),
    args: (w) => [intOfWords(w), intOfWords(2)],
    units: (w) => 2 * w,
    sizes: WORDS,
  },
  {
    entry: "op:INPLACE_MUL/sequence",
    body: line("x *= y"),
    args: (n) => [bytesOf(n), 3],
    units: (n) => 3 * n,
    sizes: SMALL_LARGE,
  },
  {
    entry: "op:INPLACE_OR",
    body: line("x |= y"),
    args: (w) => [intOfWords(w), intOfWords(w)],
    units: (w) => w,
    sizes: WORDS,
  },
  ...(["INPLACE_AND:&=", "INPLACE_SUB:-=", "INPLACE_XOR:^="].map((pair) => {
    const [name, op] = pair.split(":");
    return {
      entry: `op:${name}`,
      body: line(`x ${op} y`),
      args: (w: number) => [intOfWords(w), intOfWords(w)],
      units: (w: number) => w,
      sizes: WORDS,
    };
  })),
  {
    // dict |= dict: the items copied in, len(y).
    entry: "op:INPLACE_OR/sequence",
    body: line("x |= y"),
    args: (n) => [dictOf(1), dictOf(n)],
    units: (n) => n,
    sizes: SMALL_LARGE,
  },
  {
    entry: "op:NEG",
    body: line("-x"),
    args: (w) => [intOfWords(w)],
    units: (w) => w,
    sizes: WORDS,
  },
  {
    entry: "op:INVERT",
    body: line("~x"),
    args: (w) => [intOfWords(w)],
    units: (w) => w,
    sizes: WORDS,
  },
  comparison("EQ", "=="),
  comparison("NE", "!="),
  comparison("LT", "<"),
  comparison("LE", "<="),
  comparison("GT", ">"),
  comparison("GE", ">="),
  {
    entry: "op:IN",
    body: line("y in x"),
    args: (n) => [bytesOf(n), Uint8Array.of(122)],
    units: (n) => n,
    sizes: SMALL_LARGE,
  },
  {
    entry: "op:NOT_IN",
    body: line("y not in x"),
    args: (n) => [bytesOf(n), Uint8Array.of(122)],
    units: (n) => n,
    sizes: SMALL_LARGE,
  },
  {
    // Comparing each item is paid as `==` is.
    entry: "op:IN (long items)",
    body: line("y in x"),
    args: (n) => [new PyList([bytesOf(n)]), bytesOf(n).fill(98, n - 1)],
    units: (n) => 1 + n,
    sizes: SMALL_LARGE,
  },
  {
    // Looking up a bytes key reads the whole key.
    entry: "op:SUBSCR (dict bytes key)",
    body: line("x[y]"),
    args: (n) => {
      const dict = new PyDict();
      setEntry(dict, dictKey(OUTPUT_METER, bytesOf(n)), bytesOf(n), 1);
      return [dict, bytesOf(n)];
    },
    units: (n) => n,
    sizes: SMALL_LARGE,
  },
  {
    entry: "op:BUILD_LIST",
    body: (n) => `[${Array(n).fill("x").join(", ")}]`,
    units: (n) => n,
    sizes: [2, 40],
    measure: { op: Op.BUILD_LIST },
  },
  {
    entry: "op:BUILD_TUPLE",
    body: (n) => `(${Array(n).fill("x").join(", ")},)`,
    units: (n) => n,
    sizes: [2, 40],
    measure: { op: Op.BUILD_TUPLE },
  },
  {
    entry: "op:NEW_EXCEPTION",
    body: (n) => `ValueError(${Array(n).fill("x").join(", ")})`,
    units: (n) => n,
    sizes: [2, 40],
    measure: { op: Op.NEW_EXCEPTION },
  },
  {
    entry: "op:BUILD_DICT",
    body: (n) => `{${Array.from({ length: n }, (_, i) => `${i}: x`).join(", ")}}`,
    units: (n) => n,
    sizes: [2, 40],
    measure: { op: Op.BUILD_DICT },
  },
  {
    // Indexing a str scans it: its UTF-16 length.
    entry: "op:SUBSCR",
    body: line("x[0]"),
    args: (n) => [ascii(n)],
    units: (n) => n,
    sizes: SMALL_LARGE,
  },
  {
    // A slice of a list or bytes: the items it copies.
    entry: "op:SUBSCR (bytes slice)",
    body: line("x[1:]"),
    args: (n) => [bytesOf(n)],
    units: (n) => n - 1,
    sizes: SMALL_LARGE,
  },
  {
    // Slice assignment: the items assigned plus the items after the slice it moves.
    entry: "op:STORE_SUBSCR",
    body: line("x[1:1] = y"),
    args: (n) => [ints(n), ints(1)],
    units: (n) => 1 + (n - 1),
    sizes: SMALL_LARGE,
  },
  {
    entry: "op:STORE_SUBSCR (assigned items)",
    body: line("x[0:1] = y"),
    args: (n) => [ints(1), ints(n)],
    units: (n) => n,
    sizes: SMALL_LARGE,
  },
  {
    // del x[i]: the items after i that move down.
    entry: "op:DELETE_SUBSCR",
    body: line("del x[0]"),
    args: (n) => [ints(n)],
    units: (n) => n - 1,
    sizes: SMALL_LARGE,
  },
  {
    entry: "op:UNPACK",
    body: (n) => `${Array.from({ length: n }, (_, i) => `a${i}`).join(", ")} = x`,
    args: (n) => [ints(n)],
    units: (n) => n,
    sizes: [2, 40],
    measure: { op: Op.UNPACK },
  },
];

// -- builtins ---------------------------------------------------------------

const BUILTIN_CASES: DynamicCase[] = [
  {
    entry: "builtin:len",
    body: line("len(x)"),
    args: (n) => [ascii(n)],
    units: (n) => n,
    sizes: SMALL_LARGE,
  },
  {
    entry: "builtin:min",
    body: line("min(x)"),
    args: (n) => [ints(n)],
    units: (n) => n,
    sizes: SMALL_LARGE,
  },
  {
    entry: "builtin:max",
    body: line("max(x)"),
    args: (n) => [ints(n)],
    units: (n) => n,
    sizes: SMALL_LARGE,
  },
  {
    // Comparing two items is paid as `<` is: the shorter length of two bytes.
    entry: "builtin:min (long items)",
    body: line("min(x)"),
    args: (n) => [new PyList([bytesOf(n), bytesOf(n)])],
    units: (n) => 2 + n,
    sizes: SMALL_LARGE,
  },
  {
    // abs of a negative int builds its negation: the operand's words (a non-negative one is returned as is).
    entry: "builtin:abs",
    body: line("abs(x)"),
    args: (w) => [canonicalInt(-bigOfWords(w))],
    units: (w) => w,
    sizes: WORDS,
  },
  {
    entry: "builtin:sum",
    body: line("sum(x)"),
    args: (n) => [ints(n)],
    units: (n) => n,
    sizes: SMALL_LARGE,
  },
  {
    entry: "builtin:all",
    body: line("all(x)"),
    args: (n) => [new PyList(Array(n).fill(true))],
    units: (n) => n,
    sizes: SMALL_LARGE,
  },
  {
    entry: "builtin:any",
    body: line("any(x)"),
    args: (n) => [new PyList(Array(n).fill(false))],
    units: (n) => n,
    sizes: SMALL_LARGE,
  },
  {
    // zip is lazy: one unit per iterable it wraps.
    entry: "builtin:zip",
    body: (n) => `zip(${Array(n).fill("x").join(", ")})`,
    args: () => [ints(3)],
    units: (n) => n,
    sizes: [1, 30],
    measure: { op: Op.CALL_BUILTIN },
  },
  {
    // Each step pulls from every iterable: paid per item of the tuple, by the FOR_ITER that draws it.
    entry: "builtin:zip (per tuple)",
    body: (n) => `for t in zip(${Array(n).fill("x").join(", ")}):\n        pass`,
    args: () => [ints(3)],
    units: (n) => n,
    sizes: [1, 30],
    measure: { op: Op.FOR_ITER },
  },
  {
    entry: "builtin:sorted",
    body: line("sorted(x)"),
    args: (n) => [ints(n)],
    // The copy of the items, then the sort steps.
    units: (n) => n + log2Steps(n),
    sizes: SMALL_LARGE,
  },
  {
    entry: "builtin:bytes",
    body: line("bytes(x)"),
    args: (n) => [bytesOf(n)],
    units: (n) => n,
    sizes: SMALL_LARGE,
  },
  {
    entry: "builtin:int",
    body: line("int(x)"),
    args: (n) => ["1".repeat(n)],
    units: (n) => n,
    sizes: [4, 100],
  },
  {
    entry: "builtin:str",
    body: line('str(x, "utf-8")'),
    args: (n) => [bytesOf(n)],
    units: (n) => n,
    sizes: SMALL_LARGE,
  },
  {
    // str() of a value builds its repr: the repr's bytes.
    entry: "builtin:str (repr)",
    body: line("str(x)"),
    args: (n) => [bytesOf(n)],
    units: (n) => n + 3,
    sizes: SMALL_LARGE,
  },
  {
    entry: "builtin:list",
    body: line("list(x)"),
    args: (n) => [ints(n)],
    units: (n) => n,
    sizes: SMALL_LARGE,
  },
  {
    entry: "builtin:tuple",
    body: line("tuple(x)"),
    args: (n) => [ints(n)],
    units: (n) => n,
    sizes: SMALL_LARGE,
  },
  {
    entry: "builtin:dict",
    body: line("dict(x)"),
    args: (n) => [dictOf(n)],
    units: (n) => n,
    sizes: SMALL_LARGE,
  },
  {
    // A computed second argument: the items of each distinct tuple visited (here n empty ones).
    entry: "builtin:isinstance",
    body: line("isinstance(x, y)"),
    args: (n) => [1, new PyTuple(Array.from({ length: n }, () => new PyTuple([])))],
    units: (n) => n,
    sizes: SMALL_LARGE,
  },
  {
    entry: "builtin:hex",
    body: line("hex(x)"),
    args: (w) => [intOfWords(w)],
    units: (w) => w,
    sizes: WORDS,
  },
  {
    entry: "builtin:divmod",
    body: line("divmod(x, y)"),
    args: (w) => [intOfWords(w), intOfWords(2)],
    units: (w) => 2 * w,
    sizes: WORDS,
  },
  {
    // pow(x, y, m): words(m)² × bits(y).
    entry: "builtin:pow",
    body: line("pow(x, y, z)"),
    args: (w) => [intOfWords(1), 1000, intOfWords(w)],
    units: (w) => w * w * 10,
    sizes: WORDS,
  },
  {
    // A negative exponent first inverts x modulo m: paid as bits(m) more exponent bits.
    entry: "builtin:pow (negative exponent)",
    body: line("pow(x, y, z)"),
    args: (w) => [2, -1, intOfWords(w)],
    units: (w) => w * w * (1 + 64 * w),
    sizes: WORDS,
  },
  {
    entry: "builtin:int.from_bytes",
    body: line('int.from_bytes(x, "big")'),
    args: (n) => [bytesOf(n)],
    units: (n) => n,
    sizes: [4, 400],
  },
  {
    // str.maketrans: the entries built (the dict's, or the strs' characters).
    entry: "builtin:str.maketrans",
    body: line("str.maketrans(x, x)"),
    args: (n) => [ascii(n)],
    units: (n) => n,
    sizes: SMALL_LARGE,
  },
  {
    entry: "builtin:str.maketrans (dict)",
    body: line("str.maketrans(x)"),
    args: (n) => [dictOf(n)],
    units: (n) => n,
    sizes: SMALL_LARGE,
  },
  {
    // bytes.maketrans: the 256-byte table plus the bytes mapped.
    entry: "builtin:bytes.maketrans",
    body: line("bytes.maketrans(x, x)"),
    args: (n) => [bytesOf(n)],
    units: (n) => 256 + n,
    sizes: SMALL_LARGE,
  },
  {
    entry: "builtin:bytes.fromhex",
    body: line("bytes.fromhex(x)"),
    args: (n) => ["ab".repeat(n)],
    units: (n) => 2 * n,
    sizes: SMALL_LARGE,
  },
];

// -- methods ----------------------------------------------------------------

/** A method of str and bytes whose units are the receiver's length. */
function textMethod(
  name: string,
  call: string,
  extra: (n: number) => number = () => 0,
): DynamicCase[] {
  return [
    {
      entry: `method:str.${name}`,
      body: line(`x.${call}`),
      args: (n) => [ascii(n)],
      units: (n) => n + extra(n),
      sizes: SMALL_LARGE,
    },
    {
      entry: `method:bytes.${name}`,
      body: line(`x.${call.replace(/"([^"]*)"/g, 'b"$1"')}`),
      args: (n) => [bytesOf(n)],
      units: (n) => n + extra(n),
      sizes: SMALL_LARGE,
    },
  ];
}

const METHOD_CASES: DynamicCase[] = [
  {
    entry: "method:int.bit_length",
    body: line("x.bit_length()"),
    args: (w) => [intOfWords(w)],
    units: (w) => w,
    sizes: WORDS,
  },
  {
    entry: "method:int.to_bytes",
    body: line('x.to_bytes(y, "big")'),
    args: (n) => [5, n],
    units: (n) => n,
    sizes: SMALL_LARGE,
  },
  {
    entry: "method:list.copy",
    body: line("x.copy()"),
    args: (n) => [ints(n)],
    units: (n) => n,
    sizes: SMALL_LARGE,
  },
  {
    entry: "method:dict.copy",
    body: line("x.copy()"),
    args: (n) => [dictOf(n)],
    units: (n) => n,
    sizes: SMALL_LARGE,
  },
  // Searches: the receiver plus the needle (1 byte here).
  ...textMethod("count", 'count("z")', () => 1),
  ...textMethod("find", 'find("z")', () => 1),
  ...textMethod("rfind", 'rfind("z")', () => 1),
  ...textMethod("index", 'index("b")', () => 1).map((c) => ({
    ...c,
    args: (
      n: number,
    ) => [
      c.entry.startsWith("method:str")
        ? ascii(n - 1) + "b"
        : Uint8Array.from([...bytesOf(n - 1), 98]),
    ],
  })),
  ...textMethod("rindex", 'rindex("b")', () => 1).map((c) => ({
    ...c,
    args: (
      n: number,
    ) => [
      c.entry.startsWith("method:str")
        ? ascii(n - 1) + "b"
        : Uint8Array.from([...bytesOf(n - 1), 98]),
    ],
  })),
  ...textMethod("startswith", 'startswith("z")', () => 1),
  ...textMethod("endswith", 'endswith("z")', () => 1),
  {
    entry: "method:str.find (long needle)",
    body: line("y.find(x)"),
    args: (n) => [ascii(n), "b"],
    units: (n) => 1 + n,
    sizes: SMALL_LARGE,
  },
  {
    entry: "method:list.count",
    body: line("x.count(-1)"),
    args: (n) => [ints(n)],
    units: (n) => n,
    sizes: SMALL_LARGE,
  },
  {
    entry: "method:tuple.count",
    body: line("x.count(-1)"),
    args: (n) => [tupleOf(n)],
    units: (n) => n,
    sizes: SMALL_LARGE,
  },
  {
    // Comparing each item is paid as `==` is.
    entry: "method:list.count (long items)",
    body: line("x.count(y)"),
    args: (n) => [new PyList([bytesOf(n)]), bytesOf(n).fill(98, n - 1)],
    units: (n) => 1 + n,
    sizes: SMALL_LARGE,
  },
  {
    entry: "method:list.index",
    body: line("x.index(y)"),
    args: (n) => [ints(n), n - 1],
    units: (n) => n,
    sizes: SMALL_LARGE,
  },
  {
    entry: "method:tuple.index",
    body: line("x.index(y)"),
    args: (n) => [tupleOf(n), n - 1],
    units: (n) => n,
    sizes: SMALL_LARGE,
  },
  {
    entry: "method:bytes.decode",
    body: line("x.decode()"),
    args: (n) => [bytesOf(n)],
    units: (n) => n,
    sizes: SMALL_LARGE,
  },
  {
    entry: "method:str.encode",
    body: line("x.encode()"),
    args: (n) => [ascii(n)],
    units: (n) => n,
    sizes: SMALL_LARGE,
  },
  {
    entry: "method:list.extend",
    body: line("x.extend(y)"),
    args: (n) => [ints(1), ints(n)],
    units: (n) => n,
    sizes: SMALL_LARGE,
  },
  // bytes.hex: the result's length (two digits a byte, plus the separators).
  {
    entry: "method:bytes.hex",
    body: line("x.hex()"),
    args: (n) => [bytesOf(n)],
    units: (n) => 2 * n,
    sizes: SMALL_LARGE,
  },
  {
    entry: "method:bytes.hex (separators)",
    body: line('x.hex(":", 2)'),
    args: (n) => [bytesOf(n)],
    units: (n) => 2 * n + Math.ceil(n / 2) - 1,
    sizes: SMALL_LARGE,
  },
  {
    // insert(0, v): the items after the insertion point that move up.
    entry: "method:list.insert",
    body: line("x.insert(0, 7)"),
    args: (n) => [ints(n)],
    units: (n) => n,
    sizes: SMALL_LARGE,
  },
  // The class tests: the receiver's length.
  ...["isalnum", "isalpha", "isdigit", "isascii", "islower", "isupper", "istitle", "isspace"]
    .flatMap((name) => textMethod(name, `${name}()`)),
  ...["isdecimal", "isnumeric", "isprintable", "isidentifier"].flatMap((name) =>
    textMethod(name, `${name}()`).filter((c) => c.entry.startsWith("method:str."))
  ),
  // The ASCII case maps of bytes: the receiver's length.
  ...["capitalize", "title", "swapcase"].flatMap((name) =>
    textMethod(name, `${name}()`).filter((c) => c.entry.startsWith("method:bytes."))
  ),
  // translate: the receiver (a table without entries keeps every character).
  ...textMethod("translate", "translate(None)").map((c) =>
    c.entry.startsWith("method:str.") ? { ...c, body: line("x.translate({})") } : c
  ),
  {
    // str.translate: plus the strs inserted.
    entry: "method:str.translate (inserted strs)",
    body: line('x.translate({97: "bc"})'),
    args: (n) => [ascii(n)],
    units: (n) => n + 2 * n,
    sizes: SMALL_LARGE,
  },
  // expandtabs: the receiver (the scan) plus the result (here as long: no tabs).
  ...textMethod("expandtabs", "expandtabs()", (n) => n),
  // partition, rpartition: receiver plus separator (2 gas each: the parts are built too).
  ...textMethod("partition", 'partition("z")', () => 1),
  ...textMethod("rpartition", 'rpartition("z")', () => 1),
  ...textMethod("rsplit", 'rsplit(",")'),
  ...textMethod("splitlines", "splitlines()"),
  {
    // join: the result's bytes plus one per part.
    entry: "method:str.join",
    body: line('",".join(x)'),
    args: (n) => [new PyList(Array(n).fill("ab"))],
    units: (n) => 3 * n - 1 + n,
    sizes: SMALL_LARGE,
  },
  {
    entry: "method:bytes.join",
    body: line('b",".join(x)'),
    args: (n) => [new PyList(Array(n).fill(Uint8Array.of(1, 2)))],
    units: (n) => 3 * n - 1 + n,
    sizes: SMALL_LARGE,
  },
  ...textMethod("lower", "lower()"),
  ...textMethod("upper", "upper()"),
  ...["capitalize", "islower", "istitle", "isupper", "swapcase", "title"].flatMap((name) =>
    textMethod(name, `${name}()`)
  ),
  {
    entry: "method:str.casefold",
    body: line("x.casefold()"),
    args: (n) => [ascii(n)],
    units: (n) => n,
    sizes: SMALL_LARGE,
  },
  ...textMethod("lstrip", "lstrip()"),
  ...textMethod("rstrip", "rstrip()"),
  ...textMethod("strip", "strip()"),
  // split: the receiver's bytes (2 gas each: the parts are built too).
  ...textMethod("split", 'split(",")'),
  // removeprefix/removesuffix: the receiver plus the affix (1 byte here).
  ...textMethod("removeprefix", 'removeprefix("a")', () => 1),
  ...textMethod("removesuffix", 'removesuffix("a")', () => 1),
  // replace: receiver plus old plus the result (same length as the receiver here).
  ...textMethod("replace", 'replace("a", "b")', (n) => 1 + n),
  {
    // pop(0): the items after index 0 that move down (pop() moves none).
    entry: "method:list.pop",
    body: line("x.pop(0)"),
    args: (n) => [ints(n)],
    units: (n) => n,
    sizes: SMALL_LARGE,
  },
  {
    entry: "method:list.remove",
    body: line("x.remove(y)"),
    args: (n) => [ints(n), n - 1],
    units: (n) => n,
    sizes: SMALL_LARGE,
  },
  {
    entry: "method:list.reverse",
    body: line("x.reverse()"),
    args: (n) => [ints(n)],
    units: (n) => n,
    sizes: SMALL_LARGE,
  },
  {
    entry: "method:list.sort",
    body: line("x.sort()"),
    args: (n) => [ints(n)],
    units: log2Steps,
    sizes: SMALL_LARGE,
  },
  {
    entry: "method:dict.update",
    body: line("x.update(y)"),
    args: (n) => [dictOf(1), dictOf(n)],
    units: (n) => n,
    sizes: SMALL_LARGE,
  },
  {
    // Each element of the other operand is looked up in the view.
    entry: "method:dict_keys.isdisjoint",
    body: line("x.keys().isdisjoint(y)"),
    args: (n) => [dictOf(1), new PyList(Array.from({ length: n }, (_, i) => i + 1000))],
    units: (n) => n,
    sizes: SMALL_LARGE,
  },
  {
    entry: "method:dict_items.isdisjoint",
    body: line("x.items().isdisjoint(y)"),
    args: (n) => [
      dictOf(1),
      new PyList(Array.from({ length: n }, (_, i) => new PyTuple([i + 1000, 0]))),
    ],
    units: (n) => n,
    sizes: SMALL_LARGE,
  },
  // zfill, center, ljust, rjust (width): the result's length.
  ...["zfill", "center", "ljust", "rjust"].flatMap((name) => [
    {
      entry: `method:str.${name}`,
      body: line(`x.${name}(y)`),
      args: (n: number) => ["7", n],
      units: (n: number) => n,
      sizes: SMALL_LARGE,
    },
    {
      entry: `method:bytes.${name}`,
      body: line(`x.${name}(y)`),
      args: (n: number) => [Uint8Array.of(55), n],
      units: (n: number) => n,
      sizes: SMALL_LARGE,
    },
  ]),
];

// -- stdlib -----------------------------------------------------------------

const keyed = (n: number) => [Uint8Array.of(107), bytesOf(n)];

const STDLIB_CASES: DynamicCase[] = [
  {
    // storage.get: the value read.
    entry: "stdlib:storage.get",
    body: line("storage.set(x, y)\n    storage.get(x)"),
    args: keyed,
    units: (n) => n,
    sizes: SMALL_LARGE,
    measure: { op: Op.CALL_STDLIB },
  },
  {
    // storage.set: key plus value written.
    entry: "stdlib:storage.set",
    body: line("storage.set(x, y)"),
    args: keyed,
    units: (n) => 1 + n,
    sizes: SMALL_LARGE,
  },
  {
    // get_int: the stored bytes (two's complement: 8·w + 1 here).
    entry: "stdlib:storage.get_int",
    body: line("storage.set_int(x, y)\n    storage.get_int(x)"),
    args: (w) => [Uint8Array.of(107), intOfWords(w)],
    units: (w) => 8 * w + 1,
    sizes: WORDS,
    measure: { op: Op.CALL_STDLIB },
  },
  {
    // set_int: words of the stored form (two's complement, one sign byte more here).
    entry: "stdlib:storage.set_int",
    body: line("storage.set_int(x, y)"),
    args: (w) => [Uint8Array.of(107), intOfWords(w)],
    units: (w) => w + 1,
    sizes: WORDS,
  },
  {
    // emit: the name, the argument names and the encoded argument values (ABI: uvarint length + bytes).
    entry: "stdlib:events.emit",
    body: line('events.emit(b"E", {"k": x})'),
    args: (n) => [bytesOf(n)],
    units: (n) => 1 + 1 + 2 + n,
    sizes: MID,
  },
  ...(["sha3_256", "sha3_512", "keccak256", "blake3"] as const).map((name): DynamicCase => ({
    entry: `stdlib:hash.${name}`,
    body: line(`hash.${name}(x)`),
    args: (n) => [bytesOf(n)],
    // 32-byte blocks, at least one.
    units: (n) => Math.max(1, Math.ceil(n / 32)),
    sizes: SMALL_LARGE,
  })),
  {
    // require(False, reason): the reason's UTF-8 bytes (a str reason is encoded); nothing when it holds.
    entry: "stdlib:abi.require",
    body: line("abi.require(False, x)"),
    args: (n) => [ascii(n)],
    units: (n) => n,
    sizes: SMALL_LARGE,
    fails: true,
  },
  {
    entry: "stdlib:abi.revert",
    body: line("abi.revert(x)"),
    args: (n) => [ascii(n)],
    units: (n) => n,
    sizes: SMALL_LARGE,
    fails: true,
  },
  {
    // encode: the encoded bytes (uvarint length + data).
    entry: "stdlib:abi.encode",
    body: line('abi.encode("bytes", x)'),
    args: (n) => [bytesOf(n)],
    units: (n) => 2 + n,
    sizes: MID,
  },
  {
    // decode: the data's bytes.
    entry: "stdlib:abi.decode",
    body: line('abi.decode("bytes", x)'),
    args: (n) => [Uint8Array.from([n, ...bytesOf(n)])],
    units: (n) => 1 + n,
    sizes: [4, 100],
  },
  {
    entry: "stdlib:random.bytes",
    body: line("random.bytes(x)"),
    args: (n) => [n],
    // 32-byte blocks generated.
    units: (n) => Math.ceil(n / 32),
    sizes: SMALL_LARGE,
  },
  {
    // encode_int(2^(7n)): zigzag doubles it, so n + 1 seven-bit groups.
    entry: "stdlib:abi.encode_int",
    body: line("abi.encode_int(x)"),
    args: (n) => [canonicalInt(1n << BigInt(7 * n))],
    units: (n) => n + 1,
    sizes: [4, 100],
  },
  {
    entry: "stdlib:abi.encode_bytes",
    body: line("abi.encode_bytes(x)"),
    args: (n) => [bytesOf(n)],
    units: (n) => 2 + n,
    sizes: MID,
  },
  {
    // decode_int: the data's bytes (a shortest varint of n bytes).
    entry: "stdlib:abi.decode_int",
    body: line("abi.decode_int(x)"),
    args: (n) => [Uint8Array.from([...new Uint8Array(n - 1).fill(0x80), 1])],
    units: (n) => n,
    sizes: [4, 100],
  },
  {
    // encode_struct((x,)): the tuple's encoding, one bytes field (uvarint length + data).
    entry: "stdlib:abi.encode_struct",
    body: line("abi.encode_struct((x,))"),
    args: (n) => [bytesOf(n)],
    units: (n) => 2 + n,
    sizes: MID,
  },
  {
    entry: "stdlib:abi.hex",
    body: line("abi.hex(x)"),
    args: (n) => [bytesOf(n)],
    units: (n) => n,
    sizes: SMALL_LARGE,
  },
  {
    // The same stream as random.bytes: 32-byte blocks generated.
    entry: "stdlib:syscalls.random",
    body: line("syscalls.random(x)"),
    args: (n) => [n],
    units: (n) => Math.ceil(n / 32),
    sizes: SMALL_LARGE,
  },
  {
    // verify: every byte of key, message and signature, paid before the check (False here).
    entry: "stdlib:pq_verify.verify",
    body: line('pq_verify.verify(x, b"m", b"")'),
    args: (n) => [bytesOf(n)],
    units: (n) => n + 1,
    sizes: SMALL_LARGE,
  },
  ...(["blob_pin", "ai_enqueue", "quantum_enqueue", "read_result", "zk_verify"] as const).map((
    name,
  ): DynamicCase => ({
    entry: `stdlib:syscalls.${name}`,
    body: line(`syscalls.${name}(x)`),
    args: (n) => [bytesOf(n)],
    units: (n) => n,
    sizes: SMALL_LARGE,
    caps: [name],
  })),
];

/** Every case, by table family. */
export const DYNAMIC_CASES: readonly DynamicCase[] = [
  ...OPCODE_CASES,
  ...BUILTIN_CASES,
  ...METHOD_CASES,
  ...STDLIB_CASES,
];
