/**
 * GET_ITER: an iterator over any iterable value. Lists are iterated live,
 * by index; strs lazily, one code point per step; dicts and their views
 * by slot, as CPython's iterators walk its table (lib/runtime/dict_table.ts):
 * they fail when the dict changes size during iteration, or when they meet
 * more entries than it held, and see every value written meanwhile. A set
 * is iterated in slot order (its settled list) and fails, for good, once
 * it has changed size, as CPython's set iterator does.
 */

import { vmError } from "./failure.ts";
import {
  canonicalInt,
  DictIterator,
  DONE,
  isSmallRange,
  PyDict,
  PyDictView,
  PyIterator,
  PyList,
  PyRange,
  PyRangeIterator,
  PySequenceIterator,
  PySet,
  PyTuple,
  StepIterator,
  typeName,
  type Value,
} from "./values.ts";

/** An iterator over `value`; TypeError when it is not iterable. */
export function iterate(value: Value): PyIterator {
  if (value instanceof PyIterator) return value;
  if (value instanceof PyList || value instanceof PyTuple) return new PySequenceIterator(value);
  if (typeof value === "string") {
    let index = 0;
    return new StepIterator(() => {
      if (index >= value.length) return DONE;
      const unit = value.charCodeAt(index);
      const width = unit >= 0xd800 && unit <= 0xdfff ? 2 : 1;
      index += width;
      return value.slice(index - width, index);
    }, "str_iterator");
  }
  if (value instanceof Uint8Array) {
    let index = 0;
    return new StepIterator(
      () => (index < value.length ? value[index++] ?? 0 : DONE),
      "bytes_iterator",
    );
  }
  if (value instanceof PyRange) {
    if (isSmallRange(value)) {
      return new PyRangeIterator(Number(value.start), Number(value.stop), Number(value.step));
    }
    let current = value.start;
    const { stop, step } = value;
    return new StepIterator(() => {
      if (step > 0n ? current >= stop : current <= stop) return DONE;
      const item = canonicalInt(current);
      current += step;
      return item;
    }, "range_iterator");
  }
  if (value instanceof PyDict) return new DictIterator(value, "keys", false);
  if (value instanceof PyDictView) return new DictIterator(value.dict, value.kind, false);
  if (value instanceof PySet) return setIterator(value);
  return vmError("TypeError", `'${typeName(value)}' object is not iterable`);
}

function setIterator(set: PySet): PyIterator {
  const members = set.table.settled();
  let size = set.table.used;
  let index = 0;
  return new StepIterator(() => {
    if (index > members.length) return DONE;
    if (set.table.used !== size) {
      size = -1;
      return vmError("RuntimeError", "Set changed size during iteration");
    }
    const member = members[index++];
    if (member === undefined) return DONE;
    return member.value;
  }, "set_iterator");
}
