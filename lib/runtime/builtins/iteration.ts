/**
 * Builtins that make lazy iterators or sequences: range, enumerate, zip,
 * reversed (live over a list or dict, as CPython's reverse iterators are), and
 * isinstance (which the compiler lowers to ISINSTANCE; reaching the
 * builtin means its second argument, or part of it, was computed).
 */

import { BUILTINS } from "../../compile/opcodes.ts";
import { vmError } from "../failure.ts";
import { iterate } from "../iterate.ts";
import { checkDepth } from "../walk.ts";
import type { Charge } from "../meter.ts";
import type { Meter } from "../ops.ts";
import {
  canonicalInt,
  DictIterator,
  DONE,
  PyDict,
  PyDictView,
  PyIterator,
  PyList,
  PyRange,
  PyTuple,
  StepIterator,
  truthy,
  typeName,
  type Value,
} from "../values.ts";
import { cappedRange } from "../range.ts";
import { type Builtin, intArg } from "./common.ts";

function range(args: readonly (Value | undefined)[]): Value {
  const [a, b, c] = args;
  const first = intArg(a);
  const [start, stop, step] = b === undefined
    ? [0n, first, 1n]
    : [first, intArg(b), c === undefined ? 1n : intArg(c)];
  if (step === 0n) vmError("ValueError", "range() arg 3 must not be zero");
  return cappedRange(start, stop, step);
}

/** zip's dynamic term: paid for the iterators it makes, then per item of every tuple it yields. */
const ZIP_COST = BUILTINS.find((info) => info?.name === "zip")?.dynamic ?? null;

function zip(meter: Meter, iterables: readonly Value[], strict: boolean): Value {
  const iterators = iterables.map(iterate);
  return new StepIterator(() => {
    if (iterators.length === 0) return DONE;
    // Each step pulls from every iterator: paid per iterator, before the pulls.
    meter.pay(ZIP_COST, iterators.length);
    const items: Value[] = new Array(iterators.length);
    for (let index = 0; index < iterators.length; index++) {
      const item = (iterators[index] as PyIterator).next();
      if (typeof item === "symbol") {
        if (strict) checkExhausted(iterators, index);
        return DONE;
      }
      items[index] = item;
    }
    return new PyTuple(items);
  }, "zip");
}

/** zip(strict=True): the first iterator to end must be argument 1, and all must end together. */
function checkExhausted(iterators: readonly PyIterator[], ended: number): void {
  if (ended > 0) {
    vmError(
      "ValueError",
      `zip() argument ${ended + 1} is shorter than argument${ended === 1 ? "" : "s"} 1${
        ended === 1 ? "" : `-${ended}`
      }`,
    );
  }
  for (let i = 1; i < iterators.length; i++) {
    if (typeof iterators[i]?.next() !== "symbol") {
      vmError(
        "ValueError",
        `zip() argument ${i + 1} is longer than argument${i === 1 ? "" : "s"} 1${
          i === 1 ? "" : `-${i}`
        }`,
      );
    }
  }
}

/** A reverse iterator over an indexable sequence, live as CPython's: it reads the current length. */
function reverseIndexed(length: () => number, at: (index: number) => Value, name: string) {
  let index = length() - 1;
  return new StepIterator(() => {
    if (index < 0 || index >= length()) {
      index = -1;
      return DONE;
    }
    return at(index--);
  }, name);
}

function reversed(value: Value): Value {
  if (value instanceof PyList) {
    return reverseIndexed(
      () => value.items.length,
      (i) => value.items[i] ?? null,
      "list_reverseiterator",
    );
  }
  if (value instanceof PyTuple) {
    return reverseIndexed(() => value.items.length, (i) => value.items[i] ?? null, "reversed");
  }
  if (value instanceof Uint8Array) {
    return reverseIndexed(() => value.length, (i) => value[i] ?? 0, "reversed");
  }
  if (typeof value === "string") {
    let index = value.length;
    return new StepIterator(() => {
      if (index <= 0) return DONE;
      // A code point's last unit is a surrogate unit only when its encoding is two units.
      const unit = value.charCodeAt(index - 1);
      const width = unit >= 0xdc00 && unit <= 0xdfff ? 2 : 1;
      index -= width;
      return value.slice(index, index + width);
    }, "reversed");
  }
  if (value instanceof PyRange) {
    const last = value.start + (value.length - 1n) * value.step;
    return iterate(new PyRange(last, value.start - value.step, -value.step));
  }
  if (value instanceof PyDict) return new DictIterator(value, "keys", true);
  if (value instanceof PyDictView) return new DictIterator(value.dict, value.kind, true);
  return vmError("TypeError", `'${typeName(value)}' object is not reversible`);
}

function notAType(): never {
  return vmError("TypeError", "isinstance() arg 2 must be a type, a tuple of types, or a union");
}

interface TupleVisit {
  readonly tuple: PyTuple;
  readonly depth: number;
  next: number;
  /** Levels of tuples in this one's items seen so far, itself included. */
  height: number;
}

/**
 * isinstance() with a computed second argument (the compiler checks type
 * names itself): no computed value is a type, so the answer is False for
 * a tuple of tuples (at any depth) and TypeError at the first other item,
 * in CPython's order. Each distinct tuple is visited once, its items paid
 * first; a tuple met again is skipped, its height known, so the nesting
 * cap (RecursionError, as CPython's recursion limit) is checked as a full
 * visit would. Iterative: no JS recursion.
 */
function isinstanceOfValue(meter: Charge, types: Value): boolean {
  if (!(types instanceof PyTuple)) return notAType();
  const heights = new Map<PyTuple, number>();
  const visits: TupleVisit[] = [];
  const enter = (tuple: PyTuple, depth: number) => {
    checkDepth("isinstance", depth);
    meter.units(tuple.items.length);
    visits.push({ tuple, depth, next: 0, height: 1 });
  };
  enter(types, 1);
  for (let visit = visits.at(-1); visit !== undefined; visit = visits.at(-1)) {
    const item = visit.tuple.items[visit.next++];
    if (item === undefined) {
      visits.pop();
      heights.set(visit.tuple, visit.height);
      const parent = visits.at(-1);
      if (parent !== undefined) parent.height = Math.max(parent.height, visit.height + 1);
    } else if (!(item instanceof PyTuple)) {
      notAType();
    } else {
      const height = heights.get(item);
      if (height === undefined) enter(item, visit.depth + 1);
      else {
        checkDepth("isinstance", visit.depth + height);
        visit.height = Math.max(visit.height, height + 1);
      }
    }
  }
  return false;
}

/** The iteration builtins. */
export const ITERATION_BUILTINS = {
  range: (_m, args) => range(args),
  enumerate: (_m, args) => {
    const iterator = iterate(args[0] ?? null);
    // The count stays a number while it is a safe integer (the common case), a bigint beyond.
    const start = intArg(args[1] === undefined ? 0 : args[1]);
    let small = canonicalInt(start);
    let big = start;
    return new StepIterator(() => {
      const item = iterator.next();
      if (typeof item === "symbol") return DONE;
      if (typeof small === "number" && Number.isSafeInteger(small + 1)) {
        return new PyTuple([small++, item]);
      }
      big = BigInt(small);
      small = canonicalInt(big + 1n);
      return new PyTuple([canonicalInt(big), item]);
    }, "enumerate");
  },
  zip: (m, args, rest) => {
    m.units(rest.length);
    return zip(m, rest, truthy(args[0] ?? false));
  },
  reversed: (_m, args) => reversed(args[0] ?? null),
  isinstance: (m, args) => isinstanceOfValue(m, args[1] ?? null),
} as const satisfies Readonly<Record<string, Builtin>>;
