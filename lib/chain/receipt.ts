/**
 * Receipts of chain transactions (spec/CHAIN.md §8): what a call or deploy
 * did, as JS values (ints as bigint, bytes as Uint8Array, lists and tuples
 * as arrays, dicts as Maps) and as the CLI's output JSON (DESIGN §6). A
 * failed call is a receipt with `ok: false` and its CallFailure, never a
 * thrown error.
 */

import { toHex } from "../abi/hex.ts";
import type { JsonOutput } from "../abi/json.ts";
import { CAPS } from "../compile/opcodes.ts";
import { AbiEncodeError, type CallFailure } from "../errors.ts";
import type { EmittedEvent } from "../runtime/host/types.ts";
import { repr } from "../runtime/repr.ts";
import { eventJson, textOrHex, valueJson } from "../runtime/value_json.ts";
import { PyDict, PyList, PyTuple, type Value } from "../runtime/values.ts";
import { OUTPUT_METER } from "../runtime/walk.ts";

/** A contract value as plain JS: int as bigint, bytes as Uint8Array, dict as Map. */
export type JsValue =
  | null
  | boolean
  | bigint
  | string
  | Uint8Array
  | readonly JsValue[]
  | ReadonlyMap<JsValue, JsValue>;

/** An event of a receipt. */
export interface ReceiptEvent {
  /** The contract that emitted it. */
  readonly address: Uint8Array;
  /** Its name, as text when valid UTF-8, else `0x` hex. */
  readonly name: string;
  /** Its arguments by name (str keys as they are, bytes keys as text or hex). */
  readonly args: { readonly [name: string]: JsValue };
}

/** The raw outcome a receipt is built from. */
export interface ReceiptParts {
  /** Whether the transaction succeeded. */
  readonly ok: boolean;
  /** The value returned (None when it failed or returned nothing). */
  readonly value: Value;
  /** The ABI-encoded return value. */
  readonly returnData: Uint8Array;
  /** Gas used. */
  readonly gasUsed: number;
  /** Events emitted (none when it failed). */
  readonly events: readonly EmittedEvent[];
  /** Why it failed (null when it succeeded). */
  readonly failure: CallFailure | null;
  /** Hash of the transaction. */
  readonly txHash: Uint8Array;
  /** The sender. */
  readonly from: Uint8Array;
  /** The contract called or deployed. */
  readonly to: Uint8Array;
}

/** The JS form of a runtime value (depth-capped at value_depth). */
export function jsValue(value: Value, depth = 0): JsValue {
  if (depth > CAPS.value_depth) {
    throw new AbiEncodeError("", `the value is nested deeper than ${CAPS.value_depth}`);
  }
  if (typeof value === "number") return BigInt(value);
  if (
    value === null || typeof value === "boolean" || typeof value === "bigint" ||
    typeof value === "string" || value instanceof Uint8Array
  ) return value;
  if (value instanceof PyList || value instanceof PyTuple) {
    return value.items.map((item) => jsValue(item, depth + 1));
  }
  if (value instanceof PyDict) {
    const map = new Map<JsValue, JsValue>();
    for (const entry of value.ordered()) {
      map.set(jsValue(entry.key, depth + 1), jsValue(entry.value, depth + 1));
    }
    return map;
  }
  return repr(OUTPUT_METER, value);
}

function argName(key: Value): string {
  if (typeof key === "string") return key;
  if (key instanceof Uint8Array) return textOrHex(key);
  return repr(OUTPUT_METER, key);
}

/**
 * The outcome of a transaction: success, value, return data, gas, events
 * (with the emitting contract) and, when it failed, the failure with its
 * traceback.
 *
 * @example A failed call is a receipt, not an exception
 * ```ts
 * import { Chain } from "@animica/vm-py";
 *
 * const chain = new Chain();
 * const source = "from stdlib import abi\n\ndef no() -> None:\n    abi.revert(b'nope')\n";
 * const manifest = {
 *   name: "n", version: "1.0.0", entry: "n.py",
 *   abi: { functions: [{ name: "no", inputs: [], outputs: [] }], events: [] },
 * };
 * const receipt = chain.deploy({ manifest, source }).call("no");
 * console.log(receipt.ok, receipt.error?.kind, receipt.gasUsed > 0); // false "revert" true
 * ```
 */
export class Receipt {
  /** Whether the transaction succeeded. */
  readonly ok: boolean;
  /** The returned value as JS (null when it failed or returned None). */
  readonly value: JsValue;
  /** The return value ABI-encoded by the manifest's output types. */
  readonly returnData: Uint8Array;
  /** Gas used, failed or not. */
  readonly gasUsed: number;
  /** Events emitted, in order (none when it failed). */
  readonly events: readonly ReceiptEvent[];
  /** Why it failed, with its traceback (null when it succeeded). */
  readonly error: CallFailure | null;
  /** Hash of the transaction. */
  readonly txHash: Uint8Array;
  /** The sender. */
  readonly from: Uint8Array;
  /** The contract called or deployed. */
  readonly to: Uint8Array;
  readonly #parts: ReceiptParts;

  /** Builds the receipt of a transaction's outcome. */
  constructor(parts: ReceiptParts) {
    this.#parts = parts;
    this.ok = parts.ok;
    this.value = jsValue(parts.value);
    this.returnData = parts.returnData;
    this.gasUsed = parts.gasUsed;
    this.events = parts.events.map((event) => ({
      address: parts.to,
      name: textOrHex(event.name),
      args: Object.fromEntries(
        [...event.args.ordered()].map((entry) => [argName(entry.key), jsValue(entry.value)]),
      ),
    }));
    this.error = parts.failure;
    this.txHash = parts.txHash;
    this.from = parts.from;
    this.to = parts.to;
  }

  /**
   * The receipt as the CLI prints it: `{"ok", "return", "returnData",
   * "gasUsed", "events", "error"?}` (DESIGN §6).
   */
  json(): { [key: string]: JsonOutput } {
    const parts = this.#parts;
    const output: { [key: string]: JsonOutput } = {
      ok: parts.ok,
      return: valueJson(parts.value),
      returnData: toHex(parts.returnData),
      gasUsed: parts.gasUsed,
      events: parts.events.map(eventJson),
    };
    const failure = parts.failure;
    if (failure !== null) {
      const top = failure.traceback[failure.traceback.length - 1];
      output.error = {
        kind: failure.kind,
        type: failure.type,
        message: failure.message,
        reason: failure.kind === "revert" ? new TextDecoder().decode(failure.reason) : null,
        line: top?.line ?? null,
        function: top?.function ?? null,
        traceback: failure.traceback.map((frame) => ({
          function: frame.function,
          line: frame.line,
          column: frame.column,
        })),
      };
    }
    return output;
  }
}
