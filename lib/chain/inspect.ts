/**
 * A readable view of a chain's state entries (spec/CHAIN.md §8, `state
 * show`): the block, each contract (code hash, manifest name and version,
 * balance, storage) and each account (balance, nonce). Storage keys and
 * values print as text when they are printable UTF-8, else as `0x` hex.
 * It reads entries a backend has already checked (../runtime/state_keys.ts).
 */

import { ADDRESS_LENGTH } from "../abi/codec.ts";
import { toHex } from "../abi/hex.ts";
import { encodeAddress } from "../abi/address.ts";
import type { JsonOutput } from "../abi/json.ts";
import { rawJson } from "../abi/json.ts";
import { MemoryState } from "../runtime/state.ts";
import {
  BALANCE_SPACE,
  CONTRACT_SPACE,
  NONCE_SPACE,
  STORAGE_SPACE,
} from "../runtime/state_keys.ts";
import { readBalance, readBlock, readContract, readManifest, readNonce } from "./records.ts";

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** Text of bytes when they are printable UTF-8 (no control characters), else 0x hex. */
export function printable(bytes: Uint8Array): string {
  try {
    const text = strictUtf8.decode(bytes);
    // deno-lint-ignore no-control-regex
    if (!/[\u0000-\u001f\u007f-\u009f]/.test(text)) return text;
  } catch {
    // not UTF-8
  }
  return toHex(bytes);
}

function addressText(address: Uint8Array): string {
  return address.length === ADDRESS_LENGTH ? encodeAddress(address) : toHex(address);
}

function manifestLabel(text: Uint8Array | null): { name: JsonOutput; version: JsonOutput } {
  try {
    const json: unknown = JSON.parse(strictUtf8.decode(text ?? new Uint8Array()));
    if (typeof json === "object" && json !== null && "name" in json && "version" in json) {
      const { name, version } = json;
      if (typeof name === "string" && typeof version === "string") return { name, version };
    }
  } catch {
    // a damaged manifest is shown without its name
  }
  return { name: null, version: null };
}

/**
 * The chain in `entries`, as JSON; with `only`, just the contract or
 * account at that address.
 */
export function describeState(
  entries: Iterable<readonly [Uint8Array, Uint8Array]>,
  only: Uint8Array | null = null,
): { [key: string]: JsonOutput } {
  const state = new MemoryState();
  const storage = new Map<string, { address: Uint8Array; items: [string, string][] }>();
  const accounts = new Map<string, Uint8Array>();
  const contracts = new Map<string, Uint8Array>();
  for (const [key, value] of entries) {
    state.apply([{ key, value }]);
    const space = key[0];
    if (space === STORAGE_SPACE) {
      const length = key[1] ?? 0;
      const address = key.slice(2, 2 + length);
      const id = toHex(address);
      const list = storage.get(id) ?? { address, items: [] };
      list.items.push([printable(key.subarray(2 + length)), printable(value)]);
      storage.set(id, list);
    } else if (space === BALANCE_SPACE || space === NONCE_SPACE) {
      accounts.set(toHex(key.subarray(1)), key.slice(1));
    } else if (space === CONTRACT_SPACE) {
      contracts.set(toHex(key.subarray(1)), key.slice(1));
    }
  }
  for (const { address } of storage.values()) contracts.set(toHex(address), address);
  const wanted = (address: Uint8Array) => only === null || toHex(address) === toHex(only);
  const contractList: JsonOutput[] = [];
  for (const [id, address] of [...contracts].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!wanted(address)) continue;
    const record = readContract(state, address);
    contractList.push({
      address: addressText(address),
      deployed: record !== null,
      codeHash: record === null ? null : toHex(record.codeHash),
      ...(record === null
        ? { name: null, version: null }
        : manifestLabel(readManifest(state, record.manifestHash))),
      balance: rawJson(readBalance(state, address).toString()),
      storage: Object.fromEntries(storage.get(id)?.items ?? []),
    });
    accounts.delete(id);
  }
  const accountList: JsonOutput[] = [];
  for (const address of [...accounts.values()].sort((a, b) => (toHex(a) < toHex(b) ? -1 : 1))) {
    if (!wanted(address)) continue;
    accountList.push({
      address: addressText(address),
      balance: rawJson(readBalance(state, address).toString()),
      nonce: rawJson(readNonce(state, address).toString()),
    });
  }
  const block = readBlock(state);
  return {
    block: {
      height: rawJson(block.height.toString()),
      time: rawJson(block.time.toString()),
      chainId: rawJson(block.chainId.toString()),
    },
    contracts: contractList,
    accounts: accountList,
  };
}
