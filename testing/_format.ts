/**
 * Short, readable text of receipt values, events and failures for the
 * messages of the testing helpers: ints as `5n`, bytes as `0x` hex,
 * dicts as `{k: v}`. Bounded: nesting past MAX_DEPTH, items past
 * MAX_ITEMS and bytes or text past MAX_BYTES or MAX_CHARS print as `…`,
 * so a huge value cannot flood a test report.
 */

import type { CallFailure, Receipt } from "../mod.ts";

const MAX_DEPTH = 4;
const MAX_ITEMS = 8;
const MAX_BYTES = 40;
const MAX_CHARS = 80;
const utf8 = new TextDecoder("utf-8", { fatal: true });

function hex(bytes: Uint8Array): string {
  const shown = [...bytes.subarray(0, MAX_BYTES)].map((b) => b.toString(16).padStart(2, "0"));
  return `0x${shown.join("")}${bytes.length > MAX_BYTES ? `… (${bytes.length} bytes)` : ""}`;
}

function items(list: readonly string[], total: number): string {
  return total > MAX_ITEMS ? `${list.join(", ")}, … (${total} items)` : list.join(", ");
}

/** A value as test output text. */
export function formatValue(value: unknown, depth = 0): string {
  if (value === null) return "None";
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "string") {
    return value.length > MAX_CHARS
      ? `${JSON.stringify(value.slice(0, MAX_CHARS))}… (${value.length} chars)`
      : JSON.stringify(value);
  }
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Uint8Array) return hex(value);
  if (depth >= MAX_DEPTH) return "…";
  if (Array.isArray(value)) {
    const shown = value.slice(0, MAX_ITEMS).map((item) => formatValue(item, depth + 1));
    return `[${items(shown, value.length)}]`;
  }
  if (value instanceof Map) {
    const shown = [...value.entries()].slice(0, MAX_ITEMS).map(([k, v]) =>
      `${formatValue(k, depth + 1)}: ${formatValue(v, depth + 1)}`
    );
    return `{${items(shown, value.size)}}`;
  }
  if (typeof value === "object") {
    const entries = Object.entries(value);
    const shown = entries.slice(0, MAX_ITEMS).map(([k, v]) => `${k}: ${formatValue(v, depth + 1)}`);
    return `{ ${items(shown, entries.length)} }`;
  }
  return String(value);
}

/** An event as `Name { arg: value, ... }`. */
export function formatEvent(
  event: { readonly name: string; readonly args: { readonly [name: string]: unknown } },
): string {
  return `${event.name} ${formatValue(event.args)}`;
}

/** A revert reason as quoted text, or hex when it is not UTF-8. */
export function formatReason(reason: Uint8Array): string {
  try {
    return formatValue(utf8.decode(reason));
  } catch {
    return hex(reason);
  }
}

/** Where a failure happened: `line 12 in transfer`, or "" without a traceback. */
function place(failure: CallFailure): string {
  const top = failure.traceback.at(-1);
  return top === undefined ? "" : ` (line ${top.line} in ${top.function})`;
}

/** A failure as `reverted with reason "x" (line 3 in f)` or `failed with OutOfGas: ...`. */
export function formatFailure(failure: CallFailure): string {
  if (failure.kind === "revert") {
    return `reverted with reason ${formatReason(failure.reason)}${place(failure)}`;
  }
  return `failed with ${failure.type}: ${failure.message}${place(failure)}`;
}

/** What a receipt says happened, for "but ..." clauses. */
export function formatOutcome(receipt: Receipt): string {
  if (receipt.error !== null) {
    return `the call ${formatFailure(receipt.error)}, using ${receipt.gasUsed} gas`;
  }
  return `the call succeeded, returning ${
    formatValue(receipt.value)
  } and using ${receipt.gasUsed} gas`;
}
