/**
 * The public call function of the runtime, as mod.ts and runtime.ts export
 * it: wrapped so that an unexpected JS exception surfaces as InternalError,
 * never raw; library errors pass through unchanged. Keep logic in
 * ./call.ts.
 */

import { guardedFunction } from "../errors.ts";
import * as call from "./call.ts";

/**
 * Runs one call of an exported function under a gas limit. A failure of
 * the contract (revert, error, out of gas, cap) comes back in the result
 * with no writes or events; calling a function the contract does not
 * export throws AbiEncodeError, and anything unexpected InternalError.
 *
 * @example Call a contract twice, applying its writes
 * ```ts
 * import { MemoryState } from "@animica/vm-py";
 * import { compileContract } from "@animica/vm-py/ir";
 * import { executeCall } from "@animica/vm-py/runtime";
 *
 * const source = "from stdlib import storage\n\n" +
 *   "def inc() -> int:\n" +
 *   "    n = storage.get_int(b'n') + 1\n" +
 *   "    storage.set_int(b'n', n)\n" +
 *   "    return n\n";
 * const { verified } = compileContract(source);
 * const state = new MemoryState();
 * const context = {
 *   sender: new Uint8Array(33),
 *   value: 0n,
 *   address: new Uint8Array(33),
 *   blockHeight: 1n,
 *   blockTime: 0n,
 *   chainId: 1n,
 *   txHash: new Uint8Array(32),
 *   callIndex: 0,
 * };
 * for (let i = 0; i < 2; i++) {
 *   const result = executeCall({
 *     verified,
 *     manifest: null,
 *     function: "inc",
 *     args: [],
 *     gasLimit: 100_000,
 *     context,
 *     state,
 *   });
 *   if (!result.ok) throw new Error(result.failure?.message);
 *   state.apply(result.writes);
 *   console.log(result.value); // 1, then 2
 * }
 * ```
 */
export const executeCall: (request: call.CallRequest) => call.CallResult = guardedFunction(
  call.executeCall,
);
