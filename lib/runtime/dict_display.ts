/**
 * BUILD_DICT: a dict display `{k1: v1, ...}` built as CPython 3.11 builds
 * it, so that its slot layout (what an iterator over it sees when it is
 * mutated) is CPython's: the pairs go in runs of 17, and every run after
 * the first is merged into the first. A run of up to
 * {@link PRESIZED_PAIRS} pairs goes into a dict presized for it (a
 * general table unless every key of the run is a str); a longer one (17,
 * or a last run of 16) is set pair by pair into an empty dict, which
 * grows as any dict does: CPython's compiler builds a run in one
 * instruction only while its keys and values take at most 30 stack
 * slots. The two differ when a run repeats a key. Each key is hashed (and
 * paid) as a dict key.
 */

import { mergeEntries, presize, setEntry } from "./dict_table.ts";
import type { Meter } from "./ops.ts";
import { dictKey, PyDict, type Value } from "./values.ts";

/** The pairs CPython's compiler puts in one run of a long display. */
const RUN = 17;
/** The most pairs of a run that is built presized (CPython's BUILD_MAP n, at most 30 stack slots). */
const PRESIZED_PAIRS = 15;

/** The dict of the `count` key, value pairs at `stack[from..]` (key first). */
export function buildDisplay(
  meter: Meter,
  stack: readonly Value[],
  from: number,
  count: number,
): PyDict {
  const dict = new PyDict();
  for (let first = 0; first < count; first += RUN) {
    const size = Math.min(RUN, count - first);
    const run = first === 0 ? dict : new PyDict();
    let unicode = true;
    for (let i = 0; i < size; i++) {
      if (typeof stack[from + 2 * (first + i)] !== "string") unicode = false;
    }
    if (size <= PRESIZED_PAIRS) presize(run, size, unicode);
    for (let i = 0; i < size; i++) {
      const key = stack[from + 2 * (first + i)] ?? null;
      setEntry(run, dictKey(meter, key), key, stack[from + 2 * (first + i) + 1] ?? null);
    }
    if (run !== dict) mergeEntries(dict, run);
  }
  return dict;
}
