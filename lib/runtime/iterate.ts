/**
 * GET_ITER: an iterator over any iterable value. Lists are iterated live,
 * by index; strs lazily, one code point per step; dicts and their views
 * fail when the dict changes size during iteration, as in CPython.
 */

import { vmError } from "./failure.ts";
import {
  canonicalInt,
  DONE,
  isSmallRange,
  PyDict,
  PyDictView,
  PyIterator,
  PyList,
  PyRange,
  PyRangeIterator,
  PySequenceIterator,
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
  if (value instanceof PyDict || value instanceof PyDictView) {
    // Lazy over the live entries: creating the iterator copies nothing.
    const dict = value instanceof PyDict ? value : value.dict;
    const kind = value instanceof PyDict ? "keys" : value.kind;
    const entries = dict.entries.values();
    const size = dict.entries.size;
    return new StepIterator(() => {
      if (dict.entries.size !== size) {
        vmError("RuntimeError", "dictionary changed size during iteration");
      }
      const next = entries.next();
      if (next.done === true) return DONE;
      const entry = next.value;
      return kind === "keys"
        ? entry.key
        : kind === "values"
        ? entry.value
        : new PyTuple([entry.key, entry.value]);
    }, `dict_${kind === "keys" ? "key" : kind === "values" ? "value" : "item"}iterator`);
  }
  return vmError("TypeError", `'${typeName(value)}' object is not iterable`);
}
