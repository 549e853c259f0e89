/**
 * Conversion of a version 2 state to version 3 (spec/CHAIN.md §9): the
 * contracts of the given manifests are deployed as `run --manifest` would
 * deploy them, and the storage and balance that version 2 kept at their
 * name-derived address move to the new address; balances stay; storage of
 * any other address stays where it was, reported as unmapped. Pure: the
 * CLI reads and writes the files.
 */

import { sha3_256Owned as sha3_256 } from "../keccak_sponge.ts";
import { concatBytes, fromHex, toHex } from "../abi/hex.ts";
import type { JsonOutput } from "../abi/json.ts";
import { StateError } from "../errors.ts";
import { MemoryState, type StateWrite } from "../runtime/state.ts";
import { BALANCE_SPACE, STORAGE_SPACE, storageStateKey } from "../runtime/state_keys.ts";
import { formatAddress } from "./address.ts";
import { Chain } from "./chain.ts";
import type { ContractCode } from "./code.ts";
import { QUICKSTART_DEPLOYER, quickstartContract } from "./quickstart.ts";
import { balanceWrite, readBalance } from "./records.ts";

/** Domain tag version 2 derived a manifest's contract address with (from its name). */
export const V2_CONTRACT_DOMAIN = "animica:contract:v1|";

/** The address version 2 kept the storage of the manifest named `name` at. */
export function v2ContractAddress(name: string): Uint8Array {
  const digest = sha3_256(
    concatBytes(new TextEncoder().encode(V2_CONTRACT_DOMAIN), new TextEncoder().encode(name)),
  );
  return Uint8Array.from([1, ...digest]);
}

/** The version 3 state of version 2 `entries`, and what was done with them. */
export function migrateV2(
  entries: readonly (readonly [Uint8Array, Uint8Array])[],
  codes: readonly ContractCode[],
): { state: MemoryState; report: { [key: string]: JsonOutput } } {
  const state = new MemoryState();
  for (const [key, value] of entries) {
    if (key[0] !== STORAGE_SPACE && key[0] !== BALANCE_SPACE) {
      throw new StateError(`a version 2 state has no entry ${toHex(key.subarray(0, 1))}...`);
    }
    state.apply([{ key, value }]);
  }
  const chain = new Chain({ state, sender: QUICKSTART_DEPLOYER });
  const moved: JsonOutput[] = [];
  for (const code of codes) {
    const contract = quickstartContract(chain, code);
    const old = v2ContractAddress(contract.manifest.name);
    const prefix = toHex(storageStateKey(old, new Uint8Array()));
    const writes: StateWrite[] = [];
    for (const [keyHex, value] of state.entries()) {
      if (!keyHex.startsWith(prefix)) continue;
      const key = fromHex(keyHex);
      if (key === null) continue;
      const local = key.subarray(2 + old.length);
      writes.push({ key, value: null }, { key: storageStateKey(contract.address, local), value });
    }
    const balance = readBalance(state, old);
    if (balance > 0n) {
      writes.push(
        balanceWrite(old, 0n),
        balanceWrite(contract.address, readBalance(state, contract.address) + balance),
      );
    }
    state.apply(writes);
    moved.push({
      name: contract.manifest.name,
      from: toHex(old),
      to: formatAddress(contract.address),
      entries: writes.filter((write) => write.value === null).length,
    });
  }
  const unmapped = new Map<string, number>();
  for (const [keyHex] of state.entries()) {
    const bytes = fromHex(keyHex);
    if (bytes === null || bytes[0] !== STORAGE_SPACE) continue;
    const address = bytes.subarray(2, 2 + (bytes[1] ?? 0));
    if (address.length === 33 && chain.isDeployed(address)) continue;
    unmapped.set(toHex(address), (unmapped.get(toHex(address)) ?? 0) + 1);
  }
  return {
    state,
    report: {
      migrated: true,
      moved,
      unmapped: [...unmapped].map(([address, count]) => ({
        address,
        entries: count,
        kept: "in place, with no contract: migrate again from the copy with its --manifest",
      })),
    },
  };
}
