/**
 * Assertions on receipts for contract tests: the call succeeded, reverted
 * (with a reason), emitted an event (with arguments), stayed within a gas
 * bound. A broken expectation throws node:assert's AssertionError whose
 * message says what was expected and what the receipt holds (the revert
 * reason and line, the events emitted, the gas used).
 */

import { AssertionError } from "node:assert";
import type { CallFailure, Receipt, ReceiptEvent } from "../mod.ts";
import { formatEvent, formatFailure, formatOutcome, formatReason } from "./_format.ts";

/** A receipt, or a function that makes one (a call to check). */
export type ReceiptSource = Receipt | (() => Receipt);

/** An expected revert reason: exact text, exact bytes, or a pattern the text matches. */
export type ExpectedReason = string | Uint8Array | RegExp;

/** Bounds on the gas a call used (inclusive); give at least one. */
export interface GasBounds {
  /** Most gas the call may use. */
  readonly atMost?: number;
  /** Least gas the call may use. */
  readonly atLeast?: number;
  /** The exact gas the call must use. */
  readonly exactly?: number;
}

function receiptOf(source: ReceiptSource): Receipt {
  return typeof source === "function" ? source() : source;
}

/** The failure of expectation `from`: its stack starts at the caller of `from`. */
interface Broken {
  readonly from: (...args: never[]) => unknown;
  readonly message: string;
  readonly actual: unknown;
  readonly expected: unknown;
  readonly operator: string;
}

function fail(broken: Broken): never {
  const { from, ...details } = broken;
  throw new AssertionError({ ...details, stackStartFn: from });
}

/**
 * Asserts that the call succeeded and returns its receipt; a failure
 * throws with its kind, reason or message and the line it came from.
 *
 * @example
 * ```ts
 * import { expectOk, TestChain } from "@animica/vm-py/testing";
 *
 * const source = "def f() -> int:\n    return 7\n";
 * const manifest = {
 *   name: "f", version: "1.0.0", entry: "f.py",
 *   abi: { functions: [{ name: "f", inputs: [], outputs: [{ type: "int" }] }], events: [] },
 * };
 * const contract = new TestChain().deploy({ manifest, source });
 * console.log(expectOk(contract.call("f")).value); // 7n
 * ```
 */
export function expectOk(source: ReceiptSource): Receipt {
  const receipt = receiptOf(source);
  if (receipt.error !== null) {
    fail({
      from: expectOk,
      message: `Expected the call to succeed, but ${formatOutcome(receipt)}`,
      actual: receipt.error,
      expected: null,
      operator: "ok",
    });
  }
  return receipt;
}

function reasonMatches(reason: Uint8Array, expected: ExpectedReason): boolean {
  if (expected instanceof Uint8Array) {
    return expected.length === reason.length && expected.every((byte, i) => byte === reason[i]);
  }
  const text = new TextDecoder().decode(reason);
  return typeof expected === "string" ? text === expected : expected.test(text);
}

function describeReason(expected: ExpectedReason): string {
  if (expected instanceof Uint8Array) return formatReason(expected);
  return typeof expected === "string" ? JSON.stringify(expected) : String(expected);
}

/**
 * Asserts that the call reverted (abi.revert, abi.require or assert), with
 * `reason` when given (exact text or bytes, or a RegExp the text matches),
 * and returns the failure. A success or another kind of failure
 * (OutOfGas, a Python error, a cap) throws, naming what happened.
 *
 * @example
 * ```ts
 * import { expectRevert, TestChain } from "@animica/vm-py/testing";
 *
 * const source = "from stdlib import abi\n\ndef f(x: int) -> None:\n" +
 *   "    abi.require(x > 0, b'x must be positive')\n";
 * const manifest = {
 *   name: "f", version: "1.0.0", entry: "f.py",
 *   abi: { functions: [{ name: "f", inputs: [{ name: "x", type: "int" }], outputs: [] }], events: [] },
 * };
 * const contract = new TestChain().deploy({ manifest, source });
 * expectRevert(() => contract.call("f", [0]), "x must be positive");
 * expectRevert(contract.call("f", [-1]), /positive/);
 * ```
 */
export function expectRevert(source: ReceiptSource, reason?: ExpectedReason): CallFailure {
  const receipt = receiptOf(source);
  const wanted = reason === undefined
    ? "a revert"
    : `a revert with reason ${describeReason(reason)}`;
  const failure = receipt.error;
  if (failure === null || failure.kind !== "revert") {
    fail({
      from: expectRevert,
      message: `Expected ${wanted}, but ${formatOutcome(receipt)}`,
      actual: failure,
      expected: reason ?? "revert",
      operator: "revert",
    });
  }
  if (reason !== undefined && !reasonMatches(failure.reason, reason)) {
    fail({
      from: expectRevert,
      message: `Expected ${wanted}, but the call ${formatFailure(failure)}`,
      actual: formatReason(failure.reason),
      expected: describeReason(reason),
      operator: "reason",
    });
  }
  return failure;
}

/** Whether `actual` equals `expected`, a number standing for the same bigint. */
function sameValue(actual: unknown, expected: unknown, depth = 0): boolean {
  if (depth > 64) return false;
  if (typeof expected === "number" && typeof actual === "bigint") {
    return Number.isSafeInteger(expected) && BigInt(expected) === actual;
  }
  if (expected instanceof Uint8Array || actual instanceof Uint8Array) {
    return expected instanceof Uint8Array && actual instanceof Uint8Array &&
      expected.length === actual.length && expected.every((byte, i) => byte === actual[i]);
  }
  if (Array.isArray(expected) || Array.isArray(actual)) {
    return Array.isArray(expected) && Array.isArray(actual) &&
      expected.length === actual.length &&
      expected.every((item, i) => sameValue(actual[i], item, depth + 1));
  }
  if (expected instanceof Map || actual instanceof Map) {
    if (!(expected instanceof Map && actual instanceof Map) || expected.size !== actual.size) {
      return false;
    }
    const pairs = [...actual.entries()];
    return [...expected.entries()].every(([key, value]) =>
      pairs.some(([k, v]) => sameValue(k, key, depth + 1) && sameValue(v, value, depth + 1))
    );
  }
  return Object.is(actual, expected);
}

/** Expected event arguments: each named argument's value (a number stands for its bigint). */
export type ExpectedArgs = { readonly [name: string]: unknown };

function argsMatch(event: ReceiptEvent, args: ExpectedArgs): boolean {
  return Object.entries(args).every(([name, value]) =>
    Object.hasOwn(event.args, name) && sameValue(event.args[name], value)
  );
}

/**
 * Asserts that the receipt holds an event `name` whose arguments include
 * `args` (each given argument equal; others are not checked; a number
 * matches the same int, bytes and addresses are Uint8Arrays) and returns the first such event. Otherwise it
 * throws with the list of events the call emitted, or why it has none.
 *
 * @example
 * ```ts
 * import { expectEvent, TestChain } from "@animica/vm-py/testing";
 *
 * const source = "from stdlib import events\n\ndef ping(n: int) -> None:\n" +
 *   "    events.emit(b'Ping', {'n': n, 'twice': 2 * n})\n";
 * const manifest = {
 *   name: "p", version: "1.0.0", entry: "p.py",
 *   abi: {
 *     functions: [{ name: "ping", inputs: [{ name: "n", type: "int" }], outputs: [] }],
 *     events: [{ name: "Ping", inputs: [{ name: "n", type: "int" }, { name: "twice", type: "int" }] }],
 *   },
 * };
 * const contract = new TestChain().deploy({ manifest, source });
 * const event = expectEvent(contract.call("ping", [4]), "Ping", { n: 4 });
 * console.log(event.args.twice); // 8n
 * ```
 */
export function expectEvent(receipt: Receipt, name: string, args?: ExpectedArgs): ReceiptEvent {
  const found = receipt.events.find((event) =>
    event.name === name && (args === undefined || argsMatch(event, args))
  );
  if (found !== undefined) return found;
  const wanted = args === undefined ? name : formatEvent({ name, args });
  const emitted = receipt.error !== null
    ? `${formatOutcome(receipt)}, so it emitted no events`
    : receipt.events.length === 0
    ? "the call emitted no events"
    : `the call emitted ${receipt.events.map(formatEvent).join("; ")}`;
  fail({
    from: expectEvent,
    message: `Expected event ${wanted}, but ${emitted}`,
    actual: receipt.events.map(formatEvent),
    expected: wanted,
    operator: "event",
  });
}

/**
 * Asserts that the call's gas used is within `bounds` (`atMost`,
 * `atLeast`, `exactly`; inclusive) and returns the gas used.
 *
 * @example
 * ```ts
 * import { expectGas, TestChain } from "@animica/vm-py/testing";
 *
 * const source = "def f() -> int:\n    return 7\n";
 * const manifest = {
 *   name: "f", version: "1.0.0", entry: "f.py",
 *   abi: { functions: [{ name: "f", inputs: [], outputs: [{ type: "int" }] }], events: [] },
 * };
 * const contract = new TestChain().deploy({ manifest, source });
 * const used = expectGas(contract.call("f"), { atLeast: 1, atMost: 10_000 });
 * console.log(used > 0); // true
 * ```
 */
export function expectGas(receipt: Receipt, bounds: GasBounds): number {
  const { atMost, atLeast, exactly } = bounds;
  if (atMost === undefined && atLeast === undefined && exactly === undefined) {
    throw new TypeError("expectGas needs at least one of atMost, atLeast, exactly");
  }
  const used = receipt.gasUsed;
  const broken = exactly !== undefined && used !== exactly
    ? `exactly ${exactly}`
    : atMost !== undefined && used > atMost
    ? `at most ${atMost}`
    : atLeast !== undefined && used < atLeast
    ? `at least ${atLeast}`
    : null;
  if (broken !== null) {
    const failed = receipt.error === null ? "" : ` (and ${formatFailure(receipt.error)})`;
    fail({
      from: expectGas,
      message: `Expected gas used ${broken}, but the call used ${used}${failed}`,
      actual: used,
      expected: broken,
      operator: "gas",
    });
  }
  return used;
}
