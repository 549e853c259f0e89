/**
 * animica-vm: a deterministic, gas-metered VM for smart contracts written in
 * a strict subset of Python 3.11. This module is the one public API; it
 * only re-exports.
 *
 * @example
 * ```ts
 * import { formatDiagnostic, validate } from "@animica/vm-py";
 * const result = validate("def f(x):\n    return x / 2\n", "f.py");
 * if (!result.ok) {
 *   for (const d of result.diagnostics) console.log(formatDiagnostic(d, result.source));
 * }
 * ```
 *
 * @module
 */

export { formatDiagnostic, parseContract, validate } from "./lib/api.ts";
export { AnimicaError, InternalError, ValidationError } from "./lib/errors.ts";
export type { Diagnostic, Span } from "./lib/validate/diagnostic.ts";
export { RULE_IDS, RULES } from "./lib/validate/rules.ts";
export type { RuleId, RuleInfo } from "./lib/validate/rules.ts";
export { SourceText } from "./lib/validate/source.ts";
export type { Position } from "./lib/validate/source.ts";
export type { ValidationResult } from "./lib/validate/validate.ts";
/** Node types of the contract AST (kinds and fields follow CPython's `ast` module). */
export type * as ast from "./lib/validate/ast.ts";
export type { Module } from "./lib/validate/ast.ts";

export {
  argsFromJson,
  decodeAbi,
  decodeArgs,
  decodeCall,
  decodeReturn,
  encodeAbi,
  encodeCall,
  encodeReturn,
  parseAbiType,
  parseJson,
  parseManifest,
  valueFromJson,
} from "./lib/abi/api.ts";
export { argsToJson, findFunction, resultsToJson } from "./lib/abi/calls.ts";
export { type AbiValue, ADDRESS_LENGTH } from "./lib/abi/codec.ts";
export { ADDRESS_HRP, decodeAddress, encodeAddress } from "./lib/abi/address.ts";
export { checkEventArgs, findEvent } from "./lib/abi/events.ts";
export { concatBytes, fromHex, toHex } from "./lib/abi/hex.ts";
export { isJsonObject, JsonNonInteger, stringifyJson, valueToJson } from "./lib/abi/json.ts";
export type { JsonOutput, JsonValue, RawJson } from "./lib/abi/json.ts";
export type { AbiEvent, AbiFunction, AbiParam, Manifest } from "./lib/abi/manifest.ts";
export { SELECTOR_DOMAIN, SELECTOR_LENGTH, selectorOf, signature } from "./lib/abi/selector.ts";
export { type AbiType, canonicalType } from "./lib/abi/types.ts";
export { checkManifestAgainstSource, type ManifestCheck } from "./lib/compile/manifest_check.ts";
export {
  AbiDecodeError,
  AbiEncodeError,
  AbiTypeError,
  ManifestError,
  type ManifestProblem,
} from "./lib/errors.ts";
export {
  compileContract,
  type CompiledContract,
  type CompileOptions,
  loadModule,
} from "./lib/compile/compile.ts";
export { disassemble, disassembleJson } from "./lib/compile/disasm.ts";
export { estimateGas, type GasEstimate } from "./lib/compile/estimate.ts";
export type {
  Instruction,
  IrConst,
  IrExport,
  IrFunction,
  IrModule,
  LineEntry,
} from "./lib/compile/ir.ts";
export { codeHash, decodeModule, encodeModule } from "./lib/compile/ir_codec.ts";
export {
  BUILTINS,
  CAPS,
  GAS_VERSION,
  IR_VERSION,
  METHODS,
  Op,
  OP_INFO,
  STDLIB,
} from "./lib/compile/opcodes.ts";
export type { DynamicGas, HostCallInfo, OperandKind, OpInfo } from "./lib/compile/opcodes.ts";
export { type VerifiedFunction, type VerifiedModule, verifyModule } from "./lib/compile/verify.ts";
export { IrDecodeError, IrVerifyError } from "./lib/errors.ts";
export {
  type CallRequest,
  type CallResult,
  encodeReceipt,
  executeCall,
  receiptHash,
} from "./lib/runtime/call.ts";
export { fromAbiValue, toAbiValue } from "./lib/runtime/abi_values.ts";
export { type CallContext, type EmittedEvent, type StateReader } from "./lib/runtime/host/types.ts";
export { CallHost } from "./lib/runtime/host/call_host.ts";
export { Machine, type StepHook } from "./lib/runtime/interpreter.ts";
export { PyDict, PyList, PyTuple } from "./lib/runtime/values.ts";
export {
  balanceStateKey,
  checkStateEntry,
  checkStateVersion,
  MemoryState,
  STATE_FORMAT,
  STATE_VERSION,
  stateFromJson,
  type StateStore,
  stateToJson,
  type StateWrite,
  storageStateKey,
} from "./lib/runtime/state.ts";
export { eventJson, textOrHex, valueJson } from "./lib/runtime/value_json.ts";
export type { Value } from "./lib/runtime/values.ts";
export { CallFailure, type FailureKind, StateError, type TraceFrame } from "./lib/errors.ts";
