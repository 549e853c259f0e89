/**
 * The canonical size walk of a runtime value (spec/ABI.md §6): how many
 * bytes the value's canonical encoding takes, visited iteratively (no JS
 * recursion), each node reported to `pay` before it is visited, nesting
 * capped at value_depth and the running size capped by the caller. Return
 * values without an ABI output type and event arguments are measured (and
 * paid) with it, so that the JSON and receipt output that follows only ever
 * walks a value whose walk was paid. It measures; it builds nothing.
 */

import { CAPS } from "../compile/opcodes.ts";
import { setEntry } from "./dict_table.ts";
import { limitExceeded } from "./failure.ts";
import { bitLength, utf8Length } from "./ops.ts";
import {
  PyDict,
  PyDictView,
  PyException,
  PyList,
  PySet,
  PySlice,
  PyTuple,
  type Value,
} from "./values.ts";

/** How one walk is paid and capped. */
export interface SizeWalk {
  /** Charged once before each node is visited (`root` for the value itself). */
  readonly payNode: (root: boolean) => void;
  /** Charged before `bytes` more of the canonical size are counted. */
  readonly payBytes: (bytes: number) => void;
  /** Largest canonical size allowed, and the cap's name for the error. */
  readonly limit: number;
  readonly cap: string;
  /** What is measured, for the error message ("event", "return value"). */
  readonly what: string;
}

/** Bytes of the shortest uvarint of a non-negative safe integer. */
export function uvarintLength(value: number): number {
  let length = 1;
  for (let rest = value; rest >= 0x80; rest = Math.floor(rest / 0x80)) length++;
  return length;
}

/** Bytes of the ABI encoding of an int: uvarint(zigzag(x)). */
export function intEncodingLength(value: number | bigint): number {
  const big = BigInt(value);
  const zigzag = big >= 0n ? big << 1n : ((-big) << 1n) - 1n;
  return Math.max(1, Math.ceil(bitLength(zigzag) / 7));
}

const END = Symbol("end");

/** A container being walked: its item count and a cursor over its children. */
interface Frame {
  readonly depth: number;
  readonly next: () => Value | typeof END;
}

function listCursor(items: readonly Value[]): () => Value | typeof END {
  let index = 0;
  return () => (index < items.length ? items[index++] ?? null : END);
}

/** Keys and values of a dict (or a view's elements), one at a time, in order. */
function dictCursor(dict: PyDict, kind: "keys" | "values" | "items" | "dict") {
  const entries = dict.ordered();
  let pendingValue: Value | typeof END = END;
  return (): Value | typeof END => {
    if (pendingValue !== END) {
      const value = pendingValue;
      pendingValue = END;
      return value;
    }
    const step = entries.next();
    if (step.done === true) return END;
    const entry = step.value;
    if (kind === "dict") pendingValue = entry.value;
    if (kind === "items") return new PyTuple([entry.key, entry.value]);
    return kind === "values" ? entry.value : entry.key;
  };
}

/** Item count and child cursor of a container; null for a leaf. */
function containerOf(value: Value): { count: number; next: () => Value | typeof END } | null {
  if (value instanceof PyList || value instanceof PyTuple) {
    return { count: value.items.length, next: listCursor(value.items) };
  }
  if (value instanceof PyDict) {
    return { count: value.entries.size, next: dictCursor(value, "dict") };
  }
  if (value instanceof PyDictView) {
    return { count: value.dict.entries.size, next: dictCursor(value.dict, value.kind) };
  }
  if (value instanceof PySet) {
    return { count: value.table.used, next: listCursor(value.table.settled().map((m) => m.value)) };
  }
  if (value instanceof PySlice) {
    return { count: 3, next: listCursor([value.start, value.stop, value.step]) };
  }
  if (value instanceof PyException) {
    return { count: value.args.items.length, next: listCursor(value.args.items) };
  }
  return null;
}

/**
 * Measures `value`'s canonical size, paying each node before it is
 * visited; fails with LimitExceeded past `walk.limit` or value_depth.
 * The stack holds one cursor per open container, so memory is bounded by
 * value_depth whatever the aliasing.
 */
export function measureValue(value: Value, walk: SizeWalk): number {
  let size = 0;
  const grow = (bytes: number): void => {
    if (size + bytes > walk.limit) {
      limitExceeded(walk.cap, `${walk.what} is larger than ${walk.limit} bytes`);
    }
    walk.payBytes(bytes);
    size += bytes;
  };
  const stack: Frame[] = [];
  let current: Value | typeof END = value;
  let depth = 0;
  let root = true;
  while (true) {
    if (current === END) {
      stack.pop();
      const frame = stack[stack.length - 1];
      if (frame === undefined) return size;
      current = frame.next();
      depth = frame.depth + 1;
      continue;
    }
    walk.payNode(root);
    root = false;
    if (typeof current === "number" || typeof current === "bigint") {
      grow(intEncodingLength(current));
    } else if (current instanceof Uint8Array) {
      grow(uvarintLength(current.length) + current.length);
    } else if (typeof current === "string") {
      // UTF-8 takes at least one byte per UTF-16 unit: count that before the scan.
      grow(current.length + 1);
      const bytes = utf8Length(current);
      grow(uvarintLength(bytes) + bytes - current.length - 1);
    } else {
      const container = containerOf(current);
      if (container === null) {
        grow(1);
      } else {
        if (depth >= CAPS.value_depth) {
          limitExceeded("value_depth", `${walk.what} is nested deeper than ${CAPS.value_depth}`);
        }
        grow(uvarintLength(container.count));
        const frame: Frame = { depth, next: container.next };
        stack.push(frame);
        current = frame.next();
        depth = frame.depth + 1;
        continue;
      }
    }
    const frame = stack[stack.length - 1];
    if (frame === undefined) return size;
    current = frame.next();
    depth = frame.depth + 1;
  }
}

/**
 * A deep copy of a value that {@link measureValue} has measured (so its
 * nesting is at most value_depth and its nodes were paid): what an event
 * records, so that later mutation cannot grow it past what was measured.
 */
export function copyMeasured(value: Value): Value {
  if (value instanceof PyList) return new PyList(value.items.map(copyMeasured));
  if (value instanceof PyTuple) return new PyTuple(value.items.map(copyMeasured));
  if (value instanceof PyDict) return copyDict(value);
  if (value instanceof PyDictView) return new PyDictView(copyDict(value.dict), value.kind);
  if (value instanceof PyException) {
    return new PyException(
      value.cls,
      new PyTuple(value.args.items.map(copyMeasured)),
      value.text,
    );
  }
  if (value instanceof PySet) {
    const copy = new PySet();
    copy.table.adopt(value.table.clone());
    return copy;
  }
  return value;
}

function copyDict(dict: PyDict): PyDict {
  const copy = new PyDict();
  for (const entry of dict.ordered()) {
    setEntry(copy, entry.dk, entry.key, copyMeasured(entry.value));
  }
  return copy;
}
