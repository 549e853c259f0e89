/**
 * The write journal of one call: reads see the call's own pending writes
 * first, then the state; nothing reaches the state unless the call
 * succeeds (the caller applies `writes`). Its API is typed by key space
 * (contract storage, account balances): the space tag of every state key
 * is added here (../state_keys.ts), so what a contract passes as a storage
 * key can never address a balance or another contract's storage.
 */

import { decodeStoredInt, encodeStoredInt } from "../int_bytes.ts";
import { bitLength } from "../ops.ts";
import { balanceStateKey, storageStateKey } from "../state_keys.ts";
import type { StateReader } from "./types.ts";

/** One pending write of a state key (null deletes). */
export interface StateWrite {
  /** The state key, with its key-space tag. */
  readonly key: Uint8Array;
  /** The new value (null deletes the key). */
  readonly value: Uint8Array | null;
}

/** A Map key for bytes: one UTF-16 unit per byte (cheaper to build and hash than hex). */
function binaryKey(bytes: Uint8Array): string {
  let key = "";
  for (let i = 0; i < bytes.length; i++) key += String.fromCharCode(bytes[i] ?? 0);
  return key;
}

/** Pending writes of a call, by state key. */
export class Journal {
  readonly #base: StateReader;
  /** The pending writes, by the hex of their state key. */
  readonly writes: Map<string, StateWrite> = new Map<string, StateWrite>();

  /** An empty journal over `base`. */
  constructor(base: StateReader) {
    this.#base = base;
  }

  /** The last contract whose storage was addressed, and its state-key prefix as a map key. */
  #contract: Uint8Array | null = null;
  #prefix = "";

  /** The map key of a storage entry: binaryKey of its state key, the contract's part cached. */
  #storageMapKey(contract: Uint8Array, key: Uint8Array): string {
    if (contract !== this.#contract) {
      this.#contract = contract;
      this.#prefix = binaryKey(storageStateKey(contract, new Uint8Array(0)));
    }
    return this.#prefix + binaryKey(key);
  }

  /** The value of `key` in the storage of `contract` (null when absent). */
  storage(contract: Uint8Array, key: Uint8Array): Uint8Array | null {
    const pending = this.writes.get(this.#storageMapKey(contract, key));
    return pending === undefined ? this.#base.get(storageStateKey(contract, key)) : pending.value;
  }

  /** Records a storage write; an empty value or null deletes. */
  setStorage(contract: Uint8Array, key: Uint8Array, value: Uint8Array | null): void {
    this.writes.set(this.#storageMapKey(contract, key), {
      key: storageStateKey(contract, key),
      value: value === null || value.length === 0 ? null : value,
    });
  }

  /** The balance of `account` (0 when absent). */
  balance(account: Uint8Array): bigint {
    return decodeStoredInt(this.#get(balanceStateKey(account)) ?? new Uint8Array());
  }

  /** Records a new balance of `account` (the caller keeps it non-negative and capped). */
  setBalance(account: Uint8Array, amount: bigint): void {
    this.#set(balanceStateKey(account), encodeStoredInt(amount, bitLength(amount)));
  }

  #get(stateKey: Uint8Array): Uint8Array | null {
    const pending = this.writes.get(binaryKey(stateKey));
    return pending === undefined ? this.#base.get(stateKey) : pending.value;
  }

  /** Bytes values are immutable, so they are kept as they are (not copied). */
  #set(stateKey: Uint8Array, value: Uint8Array | null): void {
    this.writes.set(binaryKey(stateKey), {
      key: stateKey,
      value: value === null || value.length === 0 ? null : value,
    });
  }
}
