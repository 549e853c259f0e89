/**
 * Builtins that make lazy iterators or sequences: range, enumerate, zip,
 * reversed (live over a list, as CPython's reverse iterator is), and
 * isinstance (which the compiler lowers to ISINSTANCE; reaching the
 * builtin means its second argument was not a type).
 */

import { vmError } from "../failure.ts";
import { iterate } from "../iterate.ts";
import type { Charge } from "../meter.ts";
import {
  canonicalInt,
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
import { type Builtin, intArg } from "./common.ts";

function range(args: readonly (Value | undefined)[]): Value {
  const [a, b, c] = args;
  const first = intArg("range", a);
  const result = b === undefined
    ? new PyRange(0n, first, 1n)
    : new PyRange(first, intArg("range", b), c === undefined ? 1n : intArg("range", c));
  if (result.step === 0n) vmError("ValueError", "range() arg 3 must not be zero");
  return result;
}

function zip(iterables: readonly Value[], strict: boolean): Value {
  const iterators = iterables.map(iterate);
  return new StepIterator(() => {
    if (iterators.length === 0) return DONE;
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

function reversed(meter: Charge, value: Value): Value {
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
  if (value instanceof PyDict || value instanceof PyDictView) {
    meter.units(value instanceof PyDict ? value.entries.size : value.dict.entries.size);
    const keys = value instanceof PyDict
      ? [...value.entries.values()].map((entry) => entry.key)
      : value.items();
    let at = keys.length - 1;
    return new StepIterator(
      () => (at >= 0 ? keys[at--] as Value : DONE),
      "dict_reversekeyiterator",
    );
  }
  return vmError("TypeError", `'${typeName(value)}' object is not reversible`);
}

/** The iteration builtins. */
export const ITERATION_BUILTINS = {
  range: (_m, args) => range(args),
  enumerate: (_m, args) => {
    const iterator = iterate(args[0] ?? null);
    // The count stays a number while it is a safe integer (the common case), a bigint beyond.
    const start = intArg("enumerate", args[1] === undefined ? 0 : args[1]);
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
    return zip(rest, truthy(args[0] ?? false));
  },
  reversed: (m, args) => reversed(m, args[0] ?? null),
  isinstance: () =>
    vmError("TypeError", "isinstance() arg 2 must be a type, a tuple of types, or a union"),
} as const satisfies Readonly<Record<string, Builtin>>;
