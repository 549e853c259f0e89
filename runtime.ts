/**
 * The runtime layer of animica-vm (spec/RUNTIME.md): calls and receipts,
 * the interpreter and its host, runtime values, the state model and its
 * JSON snapshot, and the JSON view of values and events.
 *
 * @example Run a call against an in-memory state
 * ```ts
 * import { MemoryState, stateToJson } from "./runtime.ts";
 *
 * const state = new MemoryState();
 * state.apply([{ key: new Uint8Array([1]), value: new Uint8Array([2]) }]);
 * console.log(state.get(new Uint8Array([1])), stateToJson(state).length > 0);
 * ```
 *
 * @module
 */

// Installs the post-quantum schemes (lib/pq_schemes.ts) for every user of this entry.
import "./lib/pq_noble.ts";

export { executeCall } from "./lib/runtime/api.ts";
export {
  type CallRequest,
  type CallResult,
  encodeReceipt,
  receiptHash,
} from "./lib/runtime/call.ts";
export { fromAbiValue, toAbiValue } from "./lib/runtime/abi_values.ts";
export type {
  CallContext,
  EmittedEvent,
  HostCall,
  RandomStream,
  StateReader,
  SyscallRecord,
} from "./lib/runtime/host/types.ts";
export { CallHost } from "./lib/runtime/host/call_host.ts";
export { Journal } from "./lib/runtime/host/journal.ts";
export { type Host, Machine, type StepHook } from "./lib/runtime/interpreter.ts";
export type { Charge, Metered } from "./lib/runtime/meter.ts";
export type { Meter } from "./lib/runtime/ops.ts";
export type { DictIndex } from "./lib/runtime/dict_index.ts";
export type { DictTable } from "./lib/runtime/dict_table.ts";
export type { KeyMap, MapKey } from "./lib/runtime/key_map.ts";
export {
  DONE,
  PyDict,
  PyDictView,
  PyException,
  PyIterator,
  PyList,
  PyRange,
  PySet,
  PySlice,
  PyTuple,
} from "./lib/runtime/values.ts";
export type { SetMember, SetTable } from "./lib/runtime/set_table.ts";
export type { Hash64 } from "./lib/runtime/py_hash.ts";
export type { DictEntry, DictKey, Value } from "./lib/runtime/values.ts";
export {
  balanceStateKey,
  checkStateEntry,
  checkStateVersion,
  MemoryState,
  MIGRATABLE_STATE_VERSION,
  STATE_FORMAT,
  STATE_VERSION,
  stateFromJson,
  type StateListing,
  type StateStore,
  stateToJson,
  type StateWrite,
  storageStateKey,
} from "./lib/runtime/state.ts";
export { eventJson, textOrHex, valueJson } from "./lib/runtime/value_json.ts";
export {
  AnimicaError,
  CallFailure,
  type FailureKind,
  StateError,
  type TraceFrame,
} from "./lib/errors.ts";
// The IR and ABI types the runtime's API refers to, so that this entry is complete on its own.
export type { VerifiedFunction, VerifiedModule } from "./lib/compile/verify.ts";
export type {
  HandlerEntry,
  Instruction,
  IrConst,
  IrExport,
  IrFunction,
  IrModule,
  LineEntry,
} from "./lib/compile/ir.ts";
export type {
  ArgumentParsing,
  CallableInfo,
  DynamicGas,
  GasUnit,
  Param,
  ParamKind,
  ParseStyle,
  Signature,
} from "./lib/compile/opcodes.ts";
export type { AbiValue } from "./lib/abi/codec.ts";
export type { JsonOutput, RawJson } from "./lib/abi/json.ts";
export { OrderedJsonObject } from "./lib/abi/json.ts";
export type { AbiEvent, AbiFunction, AbiParam, Manifest } from "./lib/abi/manifest.ts";
export type { IntBounds } from "./lib/abi/bounds.ts";
export type { AbiType } from "./lib/abi/types.ts";
export type { CallHooks, HostCallEvent, HostCallHook } from "./lib/runtime/hooks.ts";
export {
  CALL_ROW,
  type FrameGas,
  type FunctionProfile,
  type GasEvent,
  type GasProfile,
  GasProfiler,
  type GasStats,
  type HostGas,
  type LineGas,
  NO_LINE_ROW,
  type ProfileFrame,
  RETURN_ROW,
} from "./lib/runtime/profile.ts";
export {
  foldedStacks,
  profileJson,
  type ProfileSource,
  speedscopeProfile,
} from "./lib/runtime/profile_export.ts";
export {
  TRACE_OPERANDS,
  TRACE_STACK,
  type TraceEnd,
  type TraceHostCall,
  Tracer,
  type TraceRecord,
  type TraceStep,
} from "./lib/runtime/trace.ts";
export { asciiSafe, previewValue } from "./lib/runtime/preview.ts";
