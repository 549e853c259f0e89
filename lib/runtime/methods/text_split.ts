/**
 * The splitting methods of str and bytes: split and rsplit (by a separator
 * or by runs of whitespace), splitlines, partition and rpartition. Each
 * pays its scan (2 gas a unit: the parts are built too) before it cuts,
 * and checks the part count against container_length before building.
 */

import { CAPS } from "../../compile/opcodes.ts";
import { hasSurrogateUnits } from "../../text_units.ts";
import type { Args } from "../bind.ts";
import { vmError } from "../failure.ts";
import type { Charge } from "../meter.ts";
import { ENGINE_NEEDLE, occurrences, occurrencesFromEnd } from "../search.ts";
import { PyList, PyTuple, type Value } from "../values.ts";
import { cIntArg, type Method, ssizeArg } from "./common.ts";
import {
  checkParts,
  codes,
  isWhitespace,
  rebuild,
  sameKind,
  type Text,
  textUnits,
} from "./text.ts";

/** split(None, maxsplit): runs of whitespace cut, left to right; the rest keeps its tail. */
function splitWhitespace(self: Text, sequence: readonly number[], maxsplit: bigint): number[][] {
  const parts: number[][] = [];
  let i = 0;
  while (i < sequence.length) {
    while (i < sequence.length && isWhitespace(self, sequence[i] ?? 0)) i++;
    if (i >= sequence.length) break;
    checkParts(parts.length + 1);
    if (maxsplit >= 0n && BigInt(parts.length) === maxsplit) {
      parts.push(sequence.slice(i));
      break;
    }
    const start = i;
    while (i < sequence.length && !isWhitespace(self, sequence[i] ?? 0)) i++;
    parts.push(sequence.slice(start, i));
  }
  return parts;
}

/** rsplit(None, maxsplit): runs of whitespace cut, right to left; the rest keeps its head. */
function rsplitWhitespace(self: Text, sequence: readonly number[], maxsplit: bigint): number[][] {
  const parts: number[][] = [];
  let i = sequence.length;
  while (i > 0) {
    while (i > 0 && isWhitespace(self, sequence[i - 1] ?? 0)) i--;
    if (i === 0) break;
    checkParts(parts.length + 1);
    if (maxsplit >= 0n && BigInt(parts.length) === maxsplit) {
      parts.push(sequence.slice(0, i));
      break;
    }
    const end = i;
    while (i > 0 && !isWhitespace(self, sequence[i - 1] ?? 0)) i--;
    parts.push(sequence.slice(i, end));
  }
  return parts.reverse();
}

/** split and rsplit: by `sep` (none: by whitespace), at most `maxsplit` cuts (negative: all). */
function splitBy(meter: Charge, self: Text, args: Args, fromEnd: boolean): Value {
  const name = fromEnd ? "rsplit" : "split";
  const sep = args[0];
  const maxsplit = args[1] === undefined ? -1n : ssizeArg(args[1]);
  const sepText = sep === undefined || sep === null ? null : sameKind(self, sep, name);
  meter.units(textUnits(self) + (sepText === null ? 0 : textUnits(sepText)));
  if (
    !fromEnd && typeof self === "string" && typeof sepText === "string" && sepText !== "" &&
    sepText.length <= ENGINE_NEEDLE
  ) {
    const parts = splitUnits(self, sepText, cutLimit(maxsplit, self.length));
    if (parts !== null) return new PyList(parts);
  }
  const sequence = codes(self);
  if (sepText === null) {
    const parts = fromEnd
      ? rsplitWhitespace(self, sequence, maxsplit)
      : splitWhitespace(self, sequence, maxsplit);
    return new PyList(parts.map((part) => rebuild(self, part)));
  }
  const needle = codes(sepText);
  if (needle.length === 0) vmError("ValueError", "empty separator");
  const limit = cutLimit(maxsplit, sequence.length);

  const cuts = fromEnd
    ? occurrencesFromEnd(sequence, needle, 0, sequence.length, limit).reverse()
    : occurrences(sequence, needle, 0, sequence.length, limit);
  checkParts(cuts.length + 1);
  const parts: Text[] = [];
  let from = 0;
  for (const at of cuts) {
    parts.push(rebuild(self, sequence.slice(from, at)));
    from = at + needle.length;
  }
  parts.push(rebuild(self, sequence.slice(from)));
  return new PyList(parts);
}

/**
 * The most cuts split may make in `length` code points: `maxsplit` (all
 * when negative), and one more than a list can hold, which is enough to
 * know the result is too long.
 */
function cutLimit(maxsplit: bigint, length: number): number {
  return Math.min(
    maxsplit < 0n || maxsplit > BigInt(length) ? length : Number(maxsplit),
    CAPS.container_length,
  );
}

/**
 * split(sep) of a str by a short str (ENGINE_NEEDLE units at most: the
 * engine's search is quadratic on some long ones), neither holding a
 * surrogate unit (so their units are their code points), found by the
 * engine's own search and cut without code point arrays: the same parts,
 * checked against the cap as they are found. Null when a surrogate unit
 * is there.
 */
function splitUnits(self: string, sep: string, limit: number): string[] | null {
  if (hasSurrogateUnits(self) || hasSurrogateUnits(sep)) return null;
  const parts: string[] = [];
  let from = 0;
  while (parts.length < limit) {
    const at = self.indexOf(sep, from);
    if (at < 0) break;
    parts.push(self.slice(from, at));
    from = at + sep.length;
  }
  checkParts(parts.length + 1);
  parts.push(self.slice(from));
  return parts;
}

/** Line boundaries of str.splitlines besides \n and \r (bytes has only those two). */
const STR_LINE_BREAKS: ReadonlySet<number> = new Set([
  0x0b,
  0x0c,
  0x1c,
  0x1d,
  0x1e,
  0x85,
  0x2028,
  0x2029,
]);

function isLineBreak(self: Text, code: number): boolean {
  return code === 0x0a || code === 0x0d || (typeof self === "string" && STR_LINE_BREAKS.has(code));
}

/** splitlines(keepends=False): cut after each line boundary (\r\n is one). */
function splitLines(meter: Charge, self: Text, args: Args): Value {
  const keepEnds = args[0] === undefined ? false : cIntArg(args[0]) !== 0;
  meter.units(textUnits(self));
  const sequence = codes(self);
  const lines: Text[] = [];
  let start = 0;
  let i = 0;
  while (i < sequence.length) {
    const code = sequence[i] ?? 0;
    if (!isLineBreak(self, code)) {
      i++;
      continue;
    }
    const end = i;
    i += code === 0x0d && sequence[i + 1] === 0x0a ? 2 : 1;
    checkParts(lines.length + 1);
    lines.push(rebuild(self, sequence.slice(start, keepEnds ? i : end)));
    start = i;
  }
  if (start < sequence.length) {
    checkParts(lines.length + 1);
    lines.push(rebuild(self, sequence.slice(start)));
  }
  return new PyList(lines);
}

/** partition and rpartition: (head, sep, tail) around the first (last) `sep`. */
function partition(meter: Charge, self: Text, value: Value | undefined, fromEnd: boolean): Value {
  const sepText = sameKind(self, value, fromEnd ? "rpartition" : "partition");
  meter.units(textUnits(self) + textUnits(sepText));
  const needle = codes(sepText);
  if (needle.length === 0) vmError("ValueError", "empty separator");
  const sequence = codes(self);
  const found = fromEnd
    ? occurrencesFromEnd(sequence, needle, 0, sequence.length, 1)
    : occurrences(sequence, needle, 0, sequence.length, 1);
  const empty = rebuild(self, []);
  const at = found[0];
  if (at === undefined) {
    return new PyTuple(fromEnd ? [empty, empty, self] : [self, empty, empty]);
  }
  return new PyTuple([
    rebuild(self, sequence.slice(0, at)),
    sepText,
    rebuild(self, sequence.slice(at + needle.length)),
  ]);
}

/** The splitting methods, shared by str and bytes. */
export const SPLIT_METHODS = {
  split: (m, self, args) => splitBy(m, self, args, false),
  rsplit: (m, self, args) => splitBy(m, self, args, true),
  splitlines: (m, self, args) => splitLines(m, self, args),
  partition: (m, self, args) => partition(m, self, args[0], false),
  rpartition: (m, self, args) => partition(m, self, args[0], true),
} as const satisfies Readonly<Record<string, Method<Text>>>;
