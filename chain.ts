/**
 * The chain layer of animica-vm (spec/CHAIN.md) below the `Chain` class
 * that mod.ts exports: the derivations (transaction hashes, manifest
 * hashes, the manifest-named contract of the CLI), the snapshot journal,
 * the readable view of a state and the conversion of version 2 states.
 *
 * @example The address the CLI's `run --manifest` uses for a contract
 * ```ts
 * import { formatAddress } from "./mod.ts";
 * import { quickstartAddress } from "./chain.ts";
 *
 * const manifest = {
 *   name: "c", version: "1.0.0", entry: "c.py",
 *   abi: { functions: [{ name: "f", inputs: [], outputs: [] }], events: [] },
 * };
 * const source = "def f() -> None:\n    pass\n";
 * console.log(formatAddress(quickstartAddress({ manifest, source })));
 * ```
 *
 * @module
 */

// Installs the post-quantum schemes (lib/pq_schemes.ts) and the compiler the chain deploys source
// with (lib/compile/compiler_slot.ts) for every user of this entry.
import "./lib/pq_noble.ts";
import "./lib/compile/compile.ts";

export { DEFAULT_ACCOUNT, DEFAULT_GAS_LIMIT, INIT_FUNCTION } from "./lib/chain/chain.ts";
export {
  QUICKSTART_DEPLOYER,
  quickstartAddress,
  quickstartContract,
} from "./lib/chain/quickstart.ts";
export { type LoadedCode, manifestHash, prepareCode, type PreparedCode } from "./lib/chain/code.ts";
export { callContext, type Transaction, transactionHash, TX_KIND } from "./lib/chain/context.ts";
export { UndoJournal } from "./lib/chain/journal.ts";
export { describeState, printable } from "./lib/chain/inspect.ts";
export { migrateV2, v2ContractAddress } from "./lib/chain/migrate.ts";
export { CONTRACT_ALGORITHM, keyAddress, ML_DSA_65_ALGORITHM } from "./lib/chain/address.ts";
export {
  encodeKeyFile,
  isKeyAlgorithm,
  KEY_ALGORITHMS,
  KEY_FILE_FORMAT,
  type KeyAlgorithm,
  keyAlgorithmById,
  type KeyAlgorithmInfo,
  keyAlgorithmInfo,
  keyFromSeed,
  type KeyPair,
  MAX_KEY_FILE_BYTES,
  parseKeyFile,
  SEED_LENGTH,
  sign,
  verify,
} from "./lib/chain/keys.ts";
export {
  type DecodedLog,
  decodeLog,
  decodeReceipt,
  encodeReceipt,
  eventLogs,
  eventSignature,
  eventTopic,
  type Log,
  MAX_LOG_DATA,
  MAX_LOGS,
  MAX_RECEIPT_BYTES,
  MAX_TOPICS,
  receiptHash,
  type ReceiptStatus,
  receiptStatus,
  TOPIC_LENGTH,
  TX_RECEIPT_DOMAIN,
  type TxReceipt,
  txReceipt,
} from "./lib/chain/tx_receipt.ts";
export { UNDECLARED_EVENT_DOMAIN, undeclaredEventTopic } from "./lib/chain/logs.ts";
export { BLOOM_BYTES, bloomIndices, bloomMayContain, logsBloom } from "./lib/chain/bloom.ts";
export {
  EMPTY_ROOT,
  HASH_BYTES,
  LEAF_PREFIX,
  leafHash,
  MerkleBuilder,
  NODE_PREFIX,
  nodeHash,
  receiptsRoot,
  stateEntryItem,
  stateRoot,
} from "./lib/chain/roots.ts";
export {
  applyTx,
  type BlockFees,
  DEFAULT_FEES,
  gasPrice,
  intrinsicGas,
  type TxApplication,
  type TxApplied,
  type TxRejected,
  type TxResult,
} from "./lib/chain/apply_tx.ts";
export {
  applyBlockTxs,
  type BlockApplied,
  type BlockOutcome,
  type BlockRejected,
} from "./lib/chain/apply_block.ts";
export {
  BLOCK_FILE_FORMAT,
  type BlockFile,
  encodeBlockFile,
  MAX_BLOCK_FILE_BYTES,
  MAX_BLOCK_TRANSACTIONS,
  parseBlockFile,
} from "./lib/chain/block_file.ts";
export { logJson, type ManifestAt, txAppliedJson } from "./lib/chain/tx_json.ts";
export {
  type BodyInput,
  type BodyOutcome,
  type CodeLoader,
  refusal,
  runBody,
} from "./lib/chain/tx_body.ts";
export { Overlay } from "./lib/chain/overlay.ts";
export { type CallSite, contextAt } from "./lib/chain/context.ts";
export { TX_GAS } from "./lib/compile/opcodes.ts";
export {
  authProblem,
  decodeAnyTx,
  decodeTx,
  decodeUnsignedTx,
  encodeTx,
  encodeUnsignedTx,
  isSignedTx,
  MAX_CALLDATA_BYTES,
  MAX_CODE_BYTES,
  MAX_MEMO_BYTES,
  MAX_TX_BYTES,
  MAX_VALUE,
  MAX_VALUE_BYTES,
  signBytes,
  signTx,
  TX_HASH_DOMAIN,
  TX_SIGN_DOMAIN,
  TX_VERSION,
  txHash,
} from "./lib/chain/tx.ts";
export {
  type CallBody,
  type DeployBody,
  type SignedTx,
  type TransferBody,
  TX_KINDS,
  type TxAuth,
  type TxBody,
  type TxKindName,
  type UnsignedTx,
} from "./lib/chain/tx_types.ts";
// The types this entry's API refers to, so that it is complete on its own.
export { Chain } from "./lib/chain/chain.ts";
export { Contract, contractModule } from "./lib/chain/contract.ts";
export { hooksFor, withHooks } from "./lib/chain/tool_hooks.ts";
export { type Compilation, compiledFor, withCompiled } from "./lib/chain/precompiled.ts";
export type { ContractCode } from "./lib/chain/code.ts";
export type { Block } from "./lib/chain/records.ts";
export type { CallContext, EmittedEvent } from "./lib/runtime/host/types.ts";
export type { JsonOutput } from "./lib/abi/json.ts";
export type { AbiValue } from "./lib/abi/codec.ts";
export type { Manifest } from "./lib/abi/manifest.ts";
export {
  MemoryState,
  type StateListing,
  type StateStore,
  type StateWrite,
} from "./lib/runtime/state.ts";
export type { VerifiedModule } from "./lib/compile/verify.ts";
export type { BlockResult, ChainOptions, DeployOptions } from "./lib/chain/chain.ts";
export type { ContractHost, TxOptions } from "./lib/chain/contract.ts";
export type { AddressLike } from "./lib/chain/address.ts";
export type { CallArgs } from "./lib/chain/args.ts";
export { type JsValue, Receipt, type ReceiptEvent } from "./lib/chain/receipt.ts";
export type { AbiEvent, AbiFunction, AbiParam } from "./lib/abi/manifest.ts";
export type { IntBounds } from "./lib/abi/bounds.ts";
export type { AbiType } from "./lib/abi/types.ts";
export type { RawJson } from "./lib/abi/json.ts";
export { OrderedJsonObject } from "./lib/abi/json.ts";
export type { StateReader } from "./lib/runtime/host/types.ts";
export type { VerifiedFunction } from "./lib/compile/verify.ts";
export type {
  HandlerEntry,
  Instruction,
  IrConst,
  IrExport,
  IrFunction,
  IrModule,
  LineEntry,
} from "./lib/compile/ir.ts";
export type { StepHook } from "./lib/runtime/interpreter.ts";
export { AnimicaError, CallFailure, type FailureKind, type TraceFrame } from "./lib/errors.ts";
export type { CallHooks, HostCallEvent, HostCallHook } from "./lib/runtime/hooks.ts";
export type { DictEntry, DictKey, Value } from "./lib/runtime/values.ts";
export type {
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
export type { DictIndex } from "./lib/runtime/dict_index.ts";
export type { DictTable } from "./lib/runtime/dict_table.ts";
export type { KeyMap, MapKey } from "./lib/runtime/key_map.ts";
export type { SetMember, SetTable } from "./lib/runtime/set_table.ts";
export type { Hash64 } from "./lib/runtime/py_hash.ts";
export type { Meter } from "./lib/runtime/ops.ts";
export type { DynamicGas, GasUnit } from "./lib/compile/opcodes.ts";
