/**
 * One contract call, end to end: arguments bound from ABI values, the
 * module initialiser and the function run under gas, the return value
 * ABI-encoded by the manifest's output types, and a receipt. A failed call
 * returns its failure, gas used and no writes or events.
 *
 * The return value is walked under the call's gas before the call counts
 * as done: its typed encoding (walks.abi_encode per node) or, with no
 * output type, its canonical size walk (walks.return_value per node),
 * capped at bytes_length and value_depth. A failing charge or cap fails
 * the call like any other, so receipts and JSON output only ever walk a
 * value whose walk was paid.
 */

import { payItems } from "./walk.ts";
import { allocBytes } from "./bytes.ts";
import { sha3_256 } from "./keccak.ts";
import { encodeAbi } from "../abi/codec.ts";
import { CAPS } from "../compile/opcodes.ts";
import { concatBytes } from "../abi/hex.ts";
import type { AbiFunction, Manifest } from "../abi/manifest.ts";
import { AbiEncodeError, CallFailure, type TraceFrame } from "../errors.ts";
import { encodeCbor } from "../compile/cbor.ts";
import type { VerifiedModule } from "../compile/verify.ts";
import { CallHost } from "./host/call_host.ts";
import type { CallContext, EmittedEvent, StateReader, SyscallRecord } from "./host/types.ts";
import { abiValueOf } from "./abi_values.ts";
import { type CallHooks, watchedHost } from "./hooks.ts";
import { Machine } from "./interpreter.ts";
import { measureValue } from "./value_walk.ts";
import { PyDict, PyList, PyTuple, type Value } from "./values.ts";

/**
 * Everything a call needs. Bytes in `args`, `context` and the state are
 * used as they are, not copied (VM bytes are immutable): do not mutate them
 * while the call runs or before its writes are applied.
 */
export interface CallRequest extends CallHooks {
  /** The compiled module, as the verifier accepted it. */
  readonly verified: VerifiedModule;
  /** The contract's manifest: its output types encode the return value (null: none). */
  readonly manifest: Manifest | null;
  /** Name of the exported function to call. */
  readonly function: string;
  /** Positional arguments, as runtime values. */
  readonly args: readonly Value[];
  /** The most gas the call may use. */
  readonly gasLimit: number;
  /** Facts about the call (sender, value, block, transaction). */
  readonly context: CallContext;
  /** The state the call reads; its writes come back in the result. */
  readonly state: StateReader;
}

/** The outcome of a call. */
export interface CallResult {
  /** Whether the call returned normally. */
  readonly ok: boolean;
  /** The returned value (None when the call failed). */
  readonly value: Value;
  /** The return value ABI-encoded by the manifest's output types (empty when the call failed). */
  readonly returnData: Uint8Array;
  /** Gas used, failed or not. */
  readonly gasUsed: number;
  /** Events emitted, in order (empty when the call failed). */
  readonly events: readonly EmittedEvent[];
  /** Syscalls made, in order (empty when the call failed). */
  readonly syscalls: readonly SyscallRecord[];
  /** Writes to apply to the state (empty when the call failed). */
  readonly writes: readonly { readonly key: Uint8Array; readonly value: Uint8Array | null }[];
  /** Why the call failed (null when it succeeded). */
  readonly failure: CallFailure | null;
}

/**
 * Return data of `value` for `fn`'s outputs, paid through `machine`; with
 * no output types, the value's canonical size walk is paid instead.
 */
function encodeReturnValue(
  fn: AbiFunction | undefined,
  value: Value,
  machine: Machine,
): Uint8Array {
  const outputs = fn?.outputs ?? [];
  if (fn === undefined || outputs.length === 0) {
    measureValue(value, {
      payNode: (root) => {
        if (!root) payItems(machine, "return_value", 1);
      },
      payBytes: () => {},
      limit: CAPS.bytes_length,
      cap: "bytes_length",
      what: "the return value",
    });
    return allocBytes(0);
  }
  const values = outputs.length === 1
    ? [value]
    : value instanceof PyTuple || value instanceof PyList
    ? value.items
    : null;
  if (values === null || values.length !== outputs.length) {
    throw new CallFailure(
      "error",
      "TypeError",
      `${fn.name} must return ${outputs.length} values for its ABI outputs`,
    );
  }
  let size = 0;
  const converted = outputs.map((type, i) => {
    const abi = abiValueOf(type, values[i] ?? null, {
      payNode: () => payItems(machine, "abi_encode", 1),
      what: `${fn.name} output ${i}`,
    });
    size += abi.size;
    if (size > CAPS.bytes_length) {
      throw new CallFailure(
        "limit",
        "LimitExceeded",
        `${fn.name} return data is longer than ${CAPS.bytes_length} bytes (cap bytes_length)`,
      );
    }
    return abi.value;
  });
  return encodeAbi({ kind: "tuple", items: outputs }, converted);
}

/** The frame a failure of the return walk is reported at: the called function. */
function returnFrame(request: CallRequest, fn: number): TraceFrame {
  const ir = request.verified.module.functions[fn];
  const first = ir?.lines[0];
  return {
    function: ir?.name ?? request.function,
    line: first?.line ?? 0,
    column: first?.column ?? 0,
  };
}

/**
 * Runs one call; failures come back in the result, never thrown (the
 * public, guarded form is in ./api.ts).
 */
export function executeCall(request: CallRequest): CallResult {
  const exported = request.verified.module.exports.find((entry) => entry.name === request.function);
  if (exported === undefined) {
    throw new AbiEncodeError("", `the contract exports no function '${request.function}'`);
  }
  const host = new CallHost(request.state, request.context, request.manifest);
  const machine = new Machine(
    request.verified,
    watchedHost(host, request.onHostCall),
    request.gasLimit,
    request.onStep ?? null,
  );
  try {
    const value = machine.call(exported.fn, request.args);
    request.onReturn?.(machine.gasUsed);
    const fn = request.manifest?.functions.find((candidate) => candidate.name === request.function);
    let returnData: Uint8Array;
    try {
      returnData = encodeReturnValue(fn, value, machine);
    } catch (error) {
      if (error instanceof CallFailure && error.traceback.length === 0) {
        error.traceback = [returnFrame(request, exported.fn)];
      }
      throw error;
    }
    return {
      ok: true,
      value,
      returnData,
      gasUsed: machine.gasUsed,
      events: host.events,
      syscalls: host.syscalls,
      writes: host.journal.writes,
      failure: null,
    };
  } catch (error) {
    if (!(error instanceof CallFailure)) throw error;
    return {
      ok: false,
      value: null,
      returnData: allocBytes(0),
      gasUsed: machine.gasUsed,
      events: [],
      syscalls: [],
      writes: [],
      failure: error,
    };
  }
}

const STATUS = { ok: 0, revert: 1, "out-of-gas": 2, error: 3, limit: 4 } as const;

type Cbor = null | boolean | number | bigint | string | Uint8Array | Cbor[];

/** CBOR of a value; nesting beyond value_depth is a typed error (never a JS stack overflow). */
function cborValue(value: Value, depth = 0): Cbor {
  if (depth > CAPS.value_depth) {
    throw new AbiEncodeError("", `the value is nested deeper than ${CAPS.value_depth}`);
  }
  if (
    value === null || typeof value === "boolean" || typeof value === "string" ||
    value instanceof Uint8Array
  ) return value;
  if (typeof value === "number") return value;
  if (typeof value === "bigint") {
    return value >= -(2n ** 63n) && value < 2n ** 63n ? value : ["int", value.toString()];
  }
  if (value instanceof PyList || value instanceof PyTuple) {
    return value.items.map((item) => cborValue(item, depth + 1));
  }
  if (value instanceof PyDict) {
    return [...value.ordered()].map((
      entry,
    ) => [cborValue(entry.key, depth + 1), cborValue(entry.value, depth + 1)]);
  }
  return String(value);
}

/**
 * Canonical receipt bytes: [status, gasUsed, returnData, events, revert
 * reason, error] with events as [name, [[key, value]...]] and error as
 * [type, message, [[function, line, column]...]] (empty on success). Values
 * map to CBOR directly (lists and tuples as arrays, dicts as [key, value]
 * pairs in order); ints outside 64-bit range as ["int", decimal text].
 */
export function encodeReceipt(result: CallResult): Uint8Array {
  const failure = result.failure;
  const status = failure === null ? STATUS.ok : STATUS[failure.kind];
  const receipt: Cbor = [
    status,
    result.gasUsed,
    result.returnData,
    result.events.map((event) => [event.name, cborValue(event.args)]),
    failure?.reason ?? allocBytes(0),
    failure === null ? [] : [
      failure.type,
      failure.message,
      failure.traceback.map((f) => [f.function, f.line, f.column]),
    ],
  ];
  return encodeCbor(receipt);
}

/** Domain-separated sha3-256 of the receipt bytes. */
export function receiptHash(receipt: Uint8Array): Uint8Array {
  return sha3_256(concatBytes(new TextEncoder().encode("animica:receipt:v1|"), receipt));
}
