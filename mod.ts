/**
 * animica-vm: a deterministic, gas-metered VM for smart contracts written in
 * a strict subset of Python 3.11. This module is the library a contract
 * tool needs: validate and compile a contract, deploy and call it on the
 * in-memory Chain, encode and decode its ABI, and the errors and types they
 * use; every type its API refers to is exported here too. It only
 * re-exports; lower layers (the AST, the IR, executeCall and state stores,
 * the gas estimator) live behind the sub-exports `./validate`, `./ir`,
 * `./runtime`, `./abi`, `./chain`, `./sqlite` and `./cli`.
 *
 * @example Validate, deploy and call a contract
 * ```ts
 * import { Chain, validate } from "./mod.ts";
 *
 * const source = "from stdlib import storage\n\n" +
 *   "def inc() -> int:\n" +
 *   "    n = storage.get_int(b'n') + 1\n" +
 *   "    storage.set_int(b'n', n)\n" +
 *   "    return n\n";
 * const manifest = {
 *   name: "counter",
 *   version: "1.0.0",
 *   entry: "counter.py",
 *   abi: { functions: [{ name: "inc", inputs: [], outputs: [{ type: "int" }] }], events: [] },
 * };
 * if (!validate(source, "counter.py").ok) throw new Error("invalid contract");
 * const counter = new Chain().deploy({ manifest, source });
 * const receipt = counter.call("inc");
 * if (!receipt.ok) throw new Error("the call failed");
 * console.log(receipt.value, receipt.gasUsed); // 1n and the gas it used
 * ```
 *
 * @module
 */

// Installs the post-quantum schemes (lib/pq_schemes.ts) for every user of this entry.
import "./lib/pq_noble.ts";

export { formatDiagnostic } from "./lib/api.ts";
export {
  compileContract,
  type CompiledCode,
  validate,
  type ValidationReport,
} from "./lib/public.ts";
export type { CompileOptions } from "./lib/compile/compile.ts";
export type { Diagnostic, Span } from "./lib/validate/diagnostic.ts";
export { type RuleId, type RuleInfo, RULES } from "./lib/validate/rules.ts";
export { type Position, SourceText } from "./lib/validate/source.ts";

export {
  AbiDecodeError,
  AbiEncodeError,
  AnimicaError,
  CallFailure,
  ChainError,
  type FailureKind,
  InternalError,
  IrDecodeError,
  IrVerifyError,
  ManifestError,
  type ManifestProblem,
  ReceiptError,
  StateError,
  type TraceFrame,
  TxError,
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
export type { IntBounds } from "./lib/abi/bounds.ts";
export type { AbiEvent, AbiFunction, AbiParam, Manifest } from "./lib/abi/manifest.ts";
export type { AbiType } from "./lib/abi/types.ts";
export {
  JsonNonInteger,
  type JsonOutput,
  type JsonValue,
  OrderedJsonObject,
  type RawJson,
} from "./lib/abi/json.ts";

export {
  type BlockResult,
  Chain,
  type ChainOptions,
  type DeployOptions,
} from "./lib/chain/chain.ts";
export type { BlockFees, TxApplied, TxRejected, TxResult } from "./lib/chain/apply_tx.ts";
export type { BlockRejected } from "./lib/chain/apply_block.ts";
export type {
  CallBody,
  DeployBody,
  SignedTx,
  TransferBody,
  TxAuth,
  TxBody,
  UnsignedTx,
} from "./lib/chain/tx_types.ts";
export type { Log, ReceiptStatus, TxReceipt } from "./lib/chain/tx_receipt.ts";
export type { KeyAlgorithm } from "./lib/chain/keys.ts";
export { Contract, type ContractHost, type TxOptions } from "./lib/chain/contract.ts";
export type { StateReader } from "./lib/runtime/host/types.ts";
export type { StateWrite } from "./lib/runtime/host/journal.ts";
export { MemoryState, type StateListing, type StateStore } from "./lib/runtime/state.ts";
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
