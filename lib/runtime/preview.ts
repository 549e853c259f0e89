/**
 * A short, safe preview of a value for traces: Python-repr-like, in
 * printable ASCII only (every other character escaped, so a contract's
 * strings cannot move a terminal's cursor or reorder its text), with every
 * part bounded: a few items per container, a few levels deep, a few dozen
 * characters per str, bytes or int, and a total length cap. It walks at
 * most `PREVIEW_ITEMS ** PREVIEW_DEPTH` nodes whatever the value (cycles
 * and aliasing included), and stops writing once past the cut (a trace
 * previews the stack at every step), and charges no gas: traces never
 * touch the meter.
 */

import {
  PyDict,
  PyDictView,
  PyException,
  PyIterator,
  PyList,
  PyRange,
  PySet,
  PySlice,
  PyTuple,
  type Value,
} from "./values.ts";

/** Items shown per list, tuple or dict. */
export const PREVIEW_ITEMS = 6;
/** Container levels shown. */
export const PREVIEW_DEPTH = 3;
/** Characters of one str or int shown, and bytes of one bytes. */
export const PREVIEW_ATOM = 24;
/** Longest preview. */
export const PREVIEW_LENGTH = 100;

function hex2(code: number): string {
  return code.toString(16).padStart(2, "0");
}

/** One code point, escaped unless it is printable ASCII (and not the quote or a backslash). */
function escaped(code: number, quote: string): string {
  if (code === 0x5c) return "\\\\";
  if (code === quote.charCodeAt(0)) return `\\${quote}`;
  if (code >= 0x20 && code < 0x7f) return String.fromCharCode(code);
  if (code === 0x0a) return "\\n";
  if (code === 0x0d) return "\\r";
  if (code === 0x09) return "\\t";
  if (code < 0x100) return `\\x${hex2(code)}`;
  if (code < 0x10000) return `\\u${code.toString(16).padStart(4, "0")}`;
  return `\\U${code.toString(16).padStart(8, "0")}`;
}

function strPreview(text: string): string {
  let out = "'";
  let shown = 0;
  for (const char of text) {
    if (shown === PREVIEW_ATOM) return `${out}'...(${text.length} units)`;
    out += escaped(char.codePointAt(0) ?? 0, "'");
    shown++;
  }
  return `${out}'`;
}

function bytesPreview(bytes: Uint8Array): string {
  let out = "b'";
  const shown = Math.min(bytes.length, PREVIEW_ATOM);
  for (let i = 0; i < shown; i++) out += escaped(bytes[i] ?? 0, "'");
  return bytes.length > shown ? `${out}'...(${bytes.length} bytes)` : `${out}'`;
}

function intPreview(value: number | bigint): string {
  const text = value.toString();
  if (text.length <= PREVIEW_ATOM) return text;
  return `${text.slice(0, PREVIEW_ATOM)}...(${text.length} digits)`;
}

/** The previews of the items a container shows (at most PREVIEW_ITEMS, the rest not copied) and its size. */
function shownParts(
  value: PyList | PyTuple | PyDict | PyDictView | PySet,
  depth: number,
): { readonly parts: string[]; readonly size: number } {
  if (value instanceof PyList || value instanceof PyTuple) {
    const parts = value.items.slice(0, PREVIEW_ITEMS).map((item, i) => {
      if (i > 0) spend(2);
      return previewAt(item, depth + 1);
    });
    return { parts, size: value.items.length };
  }
  if (value instanceof PySet) {
    const members = value.table.settled().slice(0, PREVIEW_ITEMS);
    const parts = members.map((m, i) => {
      if (i > 0) spend(2);
      return previewAt(m.value, depth + 1);
    });
    return { parts, size: value.table.used };
  }
  const dict = value instanceof PyDict ? value : value.dict;
  const kind = value instanceof PyDict ? "dict" : value.kind;
  const parts: string[] = [];
  for (const entry of dict.ordered()) {
    if (parts.length === PREVIEW_ITEMS) break;
    spend((parts.length > 0 ? 2 : 0) + (kind === "items" ? 1 : 0));
    const key = kind === "values" ? "" : previewAt(entry.key, depth + 1);
    spend(kind === "dict" || kind === "items" ? 2 : 0);
    const item = kind === "keys" ? "" : previewAt(entry.value, depth + 1);
    parts.push(
      kind === "dict" ? `${key}: ${item}` : kind === "items" ? `(${key}, ${item})` : key + item,
    );
  }
  return { parts, size: dict.entries.size };
}

function brackets(
  value: PyList | PyTuple | PyDict | PyDictView | PySet,
): readonly [string, string] {
  if (value instanceof PyList) return ["[", "]"];
  if (value instanceof PySet) return ["{", "}"];
  if (value instanceof PyTuple) return ["(", ")"];
  if (value instanceof PyDict) return ["{", "}"];
  return [`dict_${value.kind}([`, "])"];
}

/**
 * Characters the preview being written may still add before it is cut
 * (a little over PREVIEW_LENGTH): what lies past the cut is not written,
 * so a preview does work in proportion to what it shows, not to the
 * PREVIEW_ITEMS ** PREVIEW_DEPTH nodes it may reach.
 */
let budget = 0;

/** Counts `count` characters written (never more than were: a part that would show is never skipped). */
function spend(count: number): void {
  budget -= count;
}

/** What stands for a part past the cut (never shown). */
const PAST_CUT = "...";

function previewAt(value: Value, depth: number): string {
  return budget <= 0 ? PAST_CUT : previewOf(value, depth);
}

function atom(text: string): string {
  spend(text.length);
  return text;
}

function previewOf(value: Value, depth: number): string {
  if (value === null) return atom("None");
  if (value === true) return atom("True");
  if (value === false) return atom("False");
  if (typeof value === "number" || typeof value === "bigint") return atom(intPreview(value));
  if (typeof value === "string") return atom(strPreview(value));
  if (value instanceof Uint8Array) return atom(bytesPreview(value));
  if (value instanceof PyRange) {
    return atom(
      `range(${intPreview(value.start)}, ${intPreview(value.stop)}, ${intPreview(value.step)})`,
    );
  }
  if (value instanceof PySlice) {
    if (depth >= PREVIEW_DEPTH) return atom("slice(...)");
    spend(6);
    const start = previewAt(value.start, depth + 1);
    spend(2);
    const stop = previewAt(value.stop, depth + 1);
    spend(2);
    return `slice(${start}, ${stop}, ${previewAt(value.step, depth + 1)})`;
  }
  if (value instanceof PyIterator) return atom(`<${value.typeName}>`);
  if (value instanceof PyException) {
    if (depth >= PREVIEW_DEPTH) return atom(`${value.typeName}(...)`);
    spend(value.typeName.length + 1);
    const args = value.args.items.slice(0, PREVIEW_ITEMS).map((arg, i) => {
      if (i > 0) spend(2);
      return previewAt(arg, depth + 1);
    });
    if (value.args.items.length > args.length) args.push(`...(${value.args.items.length} items)`);
    return `${value.typeName}(${args.join(", ")})`;
  }
  const [open, close] = brackets(value);
  if (depth >= PREVIEW_DEPTH) return atom(`${open}...${close}`);
  spend(open.length);
  const { parts, size } = shownParts(value, depth);
  if (size > parts.length) parts.push(`...(${size} items)`);
  const single = value instanceof PyTuple && size === 1 ? "," : "";
  return `${open}${parts.join(", ")}${single}${close}`;
}

/** A bounded, printable-ASCII preview of `value` (at most PREVIEW_LENGTH characters plus `...`). */
export function previewValue(value: Value): string {
  budget = PREVIEW_LENGTH + 1;
  const text = previewAt(value, 0);
  return text.length <= PREVIEW_LENGTH ? text : `${text.slice(0, PREVIEW_LENGTH)}...`;
}

/** `text` with every character that is not printable ASCII escaped (for names and operands). */
export function asciiSafe(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  let out = "";
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    out += code === 0x5c || (code >= 0x20 && code < 0x7f) ? char : escaped(code, "\\");
  }
  return out;
}
