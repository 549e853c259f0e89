/**
 * Call shapes for the argument-binding sweep (tests/bind_sweep_test.ts):
 * for every builtin and every method variant of the generated tables, the
 * calls a signature makes interesting (0 to n+2 positional arguments, each
 * parameter positionally and by keyword with each value of its pool and
 * None when optional, every keyword at once, an unknown keyword, a keyword
 * repeating a positional, keyword-only parameters passed positionally, an
 * argument that raises before binding), the same method names on receiver
 * types without them (AttributeError), int's methods on a bool, and calls
 * from CPython's documented rules. Argument values are plausible for each
 * parameter so that a well-bound call mostly succeeds; each shape is a tiny
 * contract whose `main()` returns the call's result (and the receiver, for
 * methods that mutate it).
 */

import type { CallableInfo, Param, Receiver } from "../../lib/compile/opcodes.ts";
import { BUILTINS, METHODS } from "../../lib/compile/opcodes_generated.ts";

/** One call to compare: the family it belongs to, its call text and the program running it. */
export interface CallShape {
  /** `builtin` or the receiver type of a method. */
  readonly family: "builtin" | Receiver;
  /** The call as written (`"a,ba".strip(chars="a")`): the shape's label. */
  readonly call: string;
  readonly source: string;
}

/** A literal of each receiver type, chosen so that the methods' plausible arguments find something. */
const RECEIVERS: { readonly [R in Receiver]: string } = {
  str: '"a,ba"',
  bytes: 'b"a,ba"',
  list: "[3, 1, 2, 1]",
  tuple: "(3, 1, 2, 1)",
  dict: '{"a": 1, "b": 2}',
  int: "(5)",
  range: "range(1, 10, 2)",
  dict_keys: '{"a": 1, "b": 2}.keys()',
  dict_items: '{"a": 1, "b": 2}.items()',
};

/** Text-like parameters take a value of the receiver's own type. */
function text(receiver: Receiver | null, content: string): string {
  return receiver === "bytes" ? `b"${content}"` : `"${content}"`;
}

/**
 * Values to try for a parameter: the first is used when it is passed
 * positionally, each one when it is passed by keyword. Per callable first,
 * then per parameter name.
 */
function pool(info: CallableInfo, receiver: Receiver | null, param: string): readonly string[] {
  const byCallable: Record<string, Record<string, readonly string[]>> = {
    len: { obj: ['"abc"'] },
    isinstance: { obj: ["3"] },
    int: { x: ['"12"', "7"], base: ["16", "0"] },
    bool: { x: ["1", "0"] },
    abs: { x: ["-5"] },
    divmod: { x: ["7"], y: ["2"] },
    pow: { base: ["3"], exp: ["4"], mod: ["5", "None"] },
    sum: { start: ["2"] },
    enumerate: { start: ["1"] },
    str: { object: ['b"ab"', "12"] },
    "str.join": { iterable: ['["a", "b"]'] },
    "list.index": { start: ["0", "1"], stop: ["3"] },
    "tuple.index": { start: ["0", "1"], stop: ["3"] },
    "list.count": { value: ["1"] },
    "tuple.count": { value: ["1"] },
    "list.pop": { index: ["0", "-1"] },
    "list.insert": { index: ["1"], object: ["4"] },
    "dict.get": { key: ['"a"', '"z"'], default: ["0", "None"] },
    "dict.pop": { key: ['"a"', '"z"'], default: ["0"] },
    "dict.setdefault": { key: ['"c"', '"a"'], default: ["3", "None"] },
    "dict.update": { other: ['{"c": 3}', '[("d", 4)]'] },
    "range.index": { value: ["3", "4"] },
    "range.count": { value: ["3", "True"] },
    "dict_keys.isdisjoint": { other: ['["a"]', '{"z": 1}.keys()'] },
    "dict_items.isdisjoint": { other: ['[("a", 1)]', '{"z": 1}.items()'] },
    "bytes.hex": { sep: ['":"', 'b"-"'], bytes_per_sep: ["1", "2"] },
    "str.replace": { count: ["1", "-1"] },
    "bytes.replace": { count: ["1", "-1"] },
  };
  const own = byCallable[info.name]?.[param];
  if (own !== undefined) return own;
  const byName: Record<string, readonly string[]> = {
    obj: ['"abc"'],
    start_or_stop: ["5"],
    stop: ["8"],
    step: ["2"],
    key: ["None"],
    default: ["0"],
    reverse: ["True", "False", "None"],
    strict: ["True", "False"],
    iterable: ["[1, 2, 3]"],
    iterable_of_bytes: ['[b"a", b"b"]'],
    sequence: ["[1, 2, 3]"],
    source: ['"ab"', "3", "None"],
    encoding: ['"utf-8"'],
    errors: ['"strict"'],
    mapping: ['{"a": 1}', '[("b", 2)]'],
    class_or_tuple: ["int", "(str, bytes)"],
    c: ['"a"'],
    i: ["97"],
    number: ["255"],
    bytes: receiver === "bytes" ? ['b"a"', "None"] : ['b"\\x01\\x02"'],
    byteorder: ['"little"', '"big"'],
    signed: ["True", "False"],
    string: ['"0102"'],
    length: ["2"],
    sub: [text(receiver, "a")],
    prefix: [text(receiver, "a")],
    suffix: [text(receiver, "a")],
    start: ["1", "None"],
    end: ["4", "None"],
    chars: [text(receiver, "a"), "None"],
    old: [text(receiver, "a")],
    new: [text(receiver, "x")],
    sep: [text(receiver, ","), "None"],
    maxsplit: ["1", "-1"],
    width: ["6"],
    object: ["4"],
    value: ["1"],
    index: ["1"],
  };
  return byName[param] ?? ["1"];
}

/** Values for a parameter: its pool, and None too when it is optional. */
function values(info: CallableInfo, receiver: Receiver | null, param: Param): readonly string[] {
  const own = pool(info, receiver, param.name);
  return param.required || own.includes("None") ? own : [...own, "None"];
}

/** Extra positional values for a `*rest` signature, one per position. */
function restValues(info: CallableInfo): readonly string[] {
  return info.name === "zip" ? ["[1, 2]", "[3, 4]", "[5]"] : ["3", "1", "2"];
}

/** The one iterable a `*rest` builtin is given before its keywords. */
function restIterable(info: CallableInfo): string {
  return info.name === "zip" ? "[1, 2]" : "[3, 1, 2]";
}

/** Calls worth checking that the generic shapes do not make (from CPython's documented rules). */
const EXTRA_CALLS: readonly string[] = [
  "min(3, 1, 2)",
  "max(3, 1, 2)",
  "min(3, 1, key=None)",
  "max([], default=7)",
  "min(3, 1, default=0)",
  "max(3)",
  "min([3, 1, 2], key=None, default=0)",
  "zip([1, 2], [3, 4], strict=True)",
  "zip([1, 2], [3], strict=True)",
  "zip([1, 2], [3])",
  "zip()",
  "dict(a=1)",
  'dict({"a": 1}, b=2)',
  "dict([], a=1)",
  'dict(mapping={"a": 1})',
  "int(base=10)",
  'int("12", base=10)',
  'int("z", 36)',
  "int(12, 10)",
  "bytes(3)",
  'bytes("ab", "utf-8")',
  'bytes(encoding="utf-8")',
  'bytes(b"ab", errors="strict")',
  'str(b"ab", "utf-8")',
  'str(errors="strict")',
  'str(b"ab", errors="strict")',
  "list([1], [2])",
  "range(1, 2, 3, 4)",
  "pow(3, 4, None)",
  "pow(base=3, exp=4)",
  "pow(3, exp=4, mod=None)",
  "enumerate(iterable=[1])",
  "enumerate([1], start=5)",
  "sum([1], start=2)",
  "sum([1], 2)",
  "sorted([3, 1], reverse=None)",
  "sorted([3, 1], None)",
  "sorted([3, 1], key=None, reverse=True)",
  'int.from_bytes(b"\\x01\\x02", "little", True)',
  'int.from_bytes(b"\\xff", signed=True)',
  'int.from_bytes(bytes=b"\\x01")',
  'int.from_bytes(b"\\x01", byteorder="middle")',
  'bytes.fromhex(string="01")',
];

/** Extra method calls: family, receiver literal (the family's, or `True` for int) and call. */
const EXTRA_METHOD_CALLS: readonly (readonly [Receiver, string])[] = [
  ["int", 'to_bytes(2, "big", True)'],
  ["int", 'to_bytes(2, "big", signed=True)'],
  ["int", "to_bytes(signed=True)"],
  ["int", 'to_bytes(byteorder="little")'],
  ["int", "bit_length(1)"],
  ["str", "isdigit(1)"],
  ["str", 'strip(chars="a")'],
  ["str", 'split(",", 1)'],
  ["str", "split(maxsplit=1)"],
  ["str", 'split(sep=",", maxsplit=0)'],
  ["bytes", 'split(b",", maxsplit=1)'],
  ["bytes", 'hex(":", 2)'],
  ["bytes", 'decode("utf-8", "strict")'],
  ["bytes", 'decode(errors="strict")'],
  ["str", 'encode(errors="strict")'],
  ["dict", "update(a=1)"],
  ["dict", 'update({"c": 3}, d=4)'],
  ["dict", "update(other=1)"],
  ["dict", "update(kwargs=1)"],
  ["dict", "update([], [])"],
  ["dict", 'pop("z")'],
  ["list", "sort(reverse=True)"],
  ["list", "sort(reverse=None)"],
  ["list", "sort(None)"],
  ["list", "pop(9)"],
  ["list", "index(7)"],
  ["tuple", "index(1, 1, 9)"],
  ["range", "index(5)"],
  ["range", "index(True)"],
  ["range", "count(2**64)"],
  ["range", "count(None)"],
  ["dict_keys", "isdisjoint(range(3))"],
  ["dict_keys", 'isdisjoint({"a": 0}.keys())'],
  ["dict_items", "isdisjoint([])"],
  ["dict_items", 'isdisjoint({"a": 1}.items())'],
  // The method is looked up before its arguments are evaluated.
  ["int", "strip(1 // 0)"],
  ["str", "append(1 // 0)"],
  ["bytes", "encode(1 // 0)"],
  ["list", "split(1 // 0)"],
  ["tuple", "get(1 // 0)"],
  ["dict", "index(1 // 0)"],
];

/** Methods called on a bool, which has int's methods (bool is a subclass of int). */
const BOOL_CALLS: readonly string[] = [
  "bit_length()",
  "bit_length(1)",
  "to_bytes()",
  "to_bytes(2, signed=True)",
  'to_bytes(2, "big", True)',
  "to_bytes(length=2)",
];

/** Iterators and views are returned as lists, so both sides print them alike. */
const LAZY_RESULTS = new Set(["range", "enumerate", "zip", "reversed"]);
const VIEW_METHODS = new Set(["keys", "values", "items"]);

function builtinProgram(call: string): string {
  const name = call.slice(0, call.indexOf("("));
  const expression = LAZY_RESULTS.has(name) ? `list(${call})` : call;
  return `def main():\n    return ${expression}\n`;
}

function methodShape(family: Receiver, receiver: string, call: string): CallShape {
  const method = call.slice(0, call.indexOf("("));
  const result = VIEW_METHODS.has(method) ? "list(v)" : "v";
  return {
    family,
    call: `${receiver}.${call}`,
    source: `def main():\n    r = ${receiver}\n    v = r.${call}\n    return [${result}, r]\n`,
  };
}

/** The argument lists (without the callee) a signature makes interesting. */
export function argumentLists(info: CallableInfo, receiver: Receiver | null): string[] {
  const sig = info.sig;
  if (sig === null) return [];
  const first = (param: Param) => pool(info, receiver, param.name)[0] ?? "1";
  const positional = sig.params.filter((param) => param.kind !== "keyword");
  const keywordOnly = sig.params.filter((param) => param.kind === "keyword");
  const required = positional.filter((param) => param.required);
  const shapes: string[][] = [];
  const add = (args: readonly string[], keywords: readonly string[]) =>
    shapes.push([...args, ...keywords]);
  // 0 to n+2 positional arguments, keyword-only parameters passed positionally in their turn.
  const inOrder = [
    ...positional.map(first),
    ...(sig.rest === null ? [] : restValues(info)),
    ...keywordOnly.map(first),
  ];
  const extra = ["1", "2"];
  const positionalValues = [...inOrder, ...extra];
  const most = positional.length + keywordOnly.length + (sig.rest === null ? 0 : 3) + 2;
  for (let count = 0; count <= most; count++) add(positionalValues.slice(0, count), []);
  // Each parameter, positionally and by keyword, with each value of its pool, after the
  // parameters before it.
  for (const param of sig.params) {
    const index = positional.indexOf(param);
    const before = index < 0 ? required.map(first) : positional.slice(0, index).map(first);
    const restFirst = index < 0 && sig.rest !== null ? [restIterable(info)] : [];
    for (const value of values(info, receiver, param)) {
      if (index >= 0) add([...before, value], []);
      add([...before, ...restFirst], [`${param.name}=${value}`]);
    }
  }
  // Every parameter by keyword at once.
  if (sig.params.length > 1) add([], sig.params.map((param) => `${param.name}=${first(param)}`));
  // An unknown keyword, after the required positionals.
  add(required.map(first), ["unknown=1"]);
  // A keyword repeating a positional.
  const head = positional[0];
  if (head !== undefined) {
    add(
      positional.slice(0, Math.max(1, required.length)).map(first),
      [`${head.name}=${first(head)}`],
    );
  }
  // Arguments are evaluated before they are bound: one that raises wins over any binding error.
  add(["1 // 0", ...positionalValues], ["unknown=1"]);
  const unique = new Set(shapes.map((args) => args.join(", ")));
  return [...unique];
}

/** Every shape of every builtin and method variant of the tables, plus the extra calls. */
export function bindShapes(): CallShape[] {
  const shapes: CallShape[] = [];
  const seen = new Set<string>();
  const push = (shape: CallShape) => {
    if (seen.has(shape.call)) return;
    seen.add(shape.call);
    shapes.push(shape);
  };
  for (const info of BUILTINS) {
    if (info === null) continue;
    for (const args of argumentLists(info, null)) {
      const call = `${info.name}(${args})`;
      push({ family: "builtin", call, source: builtinProgram(call) });
    }
  }
  for (const call of EXTRA_CALLS) push({ family: "builtin", call, source: builtinProgram(call) });
  for (const method of METHODS) {
    if (method === null) continue;
    for (const receiver of RECEIVER_TYPES) {
      const info = method.on[receiver];
      const tried = method.on.tuple !== undefined || method.on.dict !== undefined;
      if (info === undefined && NARROW_RECEIVERS.has(receiver) && !tried) continue;
      if (info === undefined) {
        // A receiver without the method: AttributeError, whatever the arguments. Ranges and views
        // are tried once each with the tuple and dict methods a contract might expect them to have.
        push(methodShape(receiver, RECEIVERS[receiver], `${method.name}()`));
        if (NARROW_RECEIVERS.has(receiver)) continue;
        push(methodShape(receiver, RECEIVERS[receiver], `${method.name}(1, unknown=1)`));
        continue;
      }
      for (const args of argumentLists(info, receiver)) {
        push(methodShape(receiver, RECEIVERS[receiver], `${method.name}(${args})`));
      }
    }
  }
  for (const [family, call] of EXTRA_METHOD_CALLS) {
    push(methodShape(family, RECEIVERS[family], call));
  }
  for (const call of BOOL_CALLS) push(methodShape("int", "True", call));
  return shapes;
}

/** Receivers whose AttributeError shapes are limited to the list, tuple and dict methods. */
const NARROW_RECEIVERS: ReadonlySet<Receiver> = new Set(["range", "dict_keys", "dict_items"]);

const RECEIVER_TYPES: readonly Receiver[] = [
  "str",
  "bytes",
  "list",
  "tuple",
  "dict",
  "int",
  "range",
  "dict_keys",
  "dict_items",
];
