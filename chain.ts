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
export { CONTRACT_ALGORITHM, ML_DSA_65_ALGORITHM } from "./lib/chain/address.ts";
