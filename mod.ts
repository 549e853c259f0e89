/**
 * animica-vm: a deterministic, gas-metered VM for smart contracts written in
 * a strict subset of Python 3.11. This module is the library a contract
 * tool needs: validate, compile and run a contract, encode and decode its
 * ABI, and the errors and types they use. It only re-exports; lower layers
 * live behind the sub-exports `./abi`, `./ir`, `./runtime`, `./sqlite` and
 * `./cli`.
 *
 * @example Validate, compile and call a contract
 * ```ts
 * import { compileContract, executeCall, MemoryState, parseManifest, validate } from "./mod.ts";
 *
 * const source = "from stdlib import storage\n\n" +
 *   "def inc() -> int:\n" +
 *   "    n = storage.get_int(b'n') + 1\n" +
 *   "    storage.set_int(b'n', n)\n" +
 *   "    return n\n";
 * const manifest = parseManifest({
 *   name: "counter",
 *   version: "1.0.0",
 *   entry: "counter.py",
 *   abi: { functions: [{ name: "inc", inputs: [], outputs: [{ type: "int" }] }], events: [] },
 * });
 * if (!validate(source, "counter.py").ok) throw new Error("invalid contract");
 * const compiled = compileContract(source, { file: "counter.py", exports: ["inc"] });
 * const state = new MemoryState();
 * const result = executeCall({
 *   verified: compiled.verified,
 *   manifest,
 *   function: "inc",
 *   args: [],
 *   gasLimit: 1_000_000,
 *   context: {
 *     sender: new Uint8Array(33),
 *     value: 0n,
 *     address: new Uint8Array(33),
 *     blockHeight: 1n,
 *     blockTime: 0n,
 *     chainId: 1n,
 *     txHash: new Uint8Array(32),
 *     callIndex: 0,
 *   },
 *   state,
 * });
 * if (!result.ok) throw new Error("the call failed");
 * console.log(result.value, result.gasUsed); // 1 and the gas it used
 * ```
 *
 * @module
 */

export { formatDiagnostic, parseContract, validate } from "./lib/api.ts";
export type { Diagnostic } from "./lib/validate/diagnostic.ts";
export { SourceText } from "./lib/validate/source.ts";
export type { ValidationResult } from "./lib/validate/validate.ts";

export {
  AbiDecodeError,
  AbiEncodeError,
  AnimicaError,
  CallFailure,
  ChainError,
  InternalError,
  IrDecodeError,
  IrVerifyError,
  ManifestError,
  StateError,
  ValidationError,
} from "./lib/errors.ts";

export {
  argsFromJson,
  argsToJson,
  decodeCall,
  decodeReturn,
  encodeCall,
  findFunction,
  parseManifest,
  resultsToJson,
} from "./lib/abi/api.ts";
export type { AbiValue } from "./lib/abi/codec.ts";
export type { AbiFunction, Manifest } from "./lib/abi/manifest.ts";

export {
  checkManifestAgainstSource,
  compileContract,
  estimateGas,
  loadModule,
} from "./lib/compile/api.ts";
export type { CompiledContract, CompileOptions } from "./lib/compile/compile.ts";
export type { GasEstimate } from "./lib/compile/estimate.ts";

export { executeCall } from "./lib/runtime/api.ts";
export type { CallRequest, CallResult } from "./lib/runtime/call.ts";
export type { CallContext } from "./lib/runtime/host/types.ts";
export { MemoryState, type StateStore } from "./lib/runtime/state.ts";

export { Chain, type ChainOptions, type DeployOptions } from "./lib/chain/chain.ts";
export { Contract, type ContractHost, type TxOptions } from "./lib/chain/contract.ts";
export type { ContractCode } from "./lib/chain/code.ts";
export type { CallArgs } from "./lib/chain/args.ts";
export type { Block } from "./lib/chain/records.ts";
export { type JsValue, Receipt, type ReceiptEvent } from "./lib/chain/receipt.ts";
export {
  accountAddress,
  type AddressLike,
  contractAddress,
  formatAddress,
  parseAddress,
  saltedContractAddress,
} from "./lib/chain/address.ts";
export { type TestAccount, testAccount } from "./lib/chain/accounts.ts";
