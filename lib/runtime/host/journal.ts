/**
 * The write journal of one call: reads see the call's own pending writes
 * first, then the state; nothing reaches the state unless the call
 * succeeds (the caller applies `writes`). Its API is typed by key space
 * (contract storage, account balances): the space tag of every state key
 * is added here (../state_keys.ts), so what a contract passes as a storage
 * key can never address a balance or another contract's storage.
 */

import { binaryKey } from "../binary_key.ts";
import { decodeStoredInt, encodeStoredInt, encodeStoredSmallInt } from "../int_bytes.ts";
import { bitLength } from "../ops.ts";
import { balanceStateKey, checkContractAddress, storageStateKey } from "../state_keys.ts";
import { ByteMap } from "./byte_map.ts";
import type { StateReader } from "./types.ts";

/** One pending write of a state key (null deletes). */
export interface StateWrite {
  /** The state key, with its key-space tag. */
  readonly key: Uint8Array;
  /** The new value (null deletes the key). */
  readonly value: Uint8Array | null;
}

/**
 * What a read of a storage key finds: its stored bytes, null when absent,
 * or the safe int a pending set_int left there (never 0, which deletes),
 * whose stored bytes are those of encodeStoredInt.
 */
export type StoredValue = Uint8Array | number | null;

/**
 * A journal entry. A storage write keeps its contract and storage key, and
 * its state key is built only when the writes are taken; a balance write
 * (contract null) keeps its whole state key. Later writes replace the value.
 */
interface Pending {
  readonly contract: Uint8Array | null;
  readonly key: Uint8Array;
  value: StoredValue;
}

/** An empty value deletes. */
function stored(value: Uint8Array | null): Uint8Array | null {
  return value === null || value.length === 0 ? null : value;
}

/** The stored bytes of a value (a pending int encoded). */
function storedBytes(value: StoredValue): Uint8Array | null {
  return typeof value === "number" ? encodeStoredSmallInt(value) : value;
}

/** Pending writes of a call, by state key. */
export class Journal {
  readonly #base: StateReader;
  /** Every pending write, in the order its state key was first written. */
  readonly #order: Pending[] = [];
  /** Storage writes by contract (as binaryKey), then by storage key (./byte_map.ts: no string per access). */
  readonly #storage = new Map<string, ByteMap<Pending>>();
  /** Writes of the other spaces (balances), by binaryKey of the state key. */
  readonly #others = new Map<string, Pending>();

  /** An empty journal over `base`. */
  constructor(base: StateReader) {
    this.#base = base;
  }

  /** The pending writes, each state key once, in the order of their first write. */
  get writes(): readonly StateWrite[] {
    return this.#order.map(({ contract, key, value }) => ({
      key: contract === null ? key : storageStateKey(contract, key),
      value: storedBytes(value),
    }));
  }

  /** The last contract whose storage was addressed, and its writes. */
  #contract: Uint8Array | null = null;
  #contractWrites = new ByteMap<Pending>();

  /** The writes of `contract`, whose address is checked the first time it is addressed. */
  #writesOf(contract: Uint8Array): ByteMap<Pending> {
    if (contract === this.#contract) return this.#contractWrites;
    checkContractAddress(contract);
    const name = binaryKey(contract);
    let writes = this.#storage.get(name);
    if (writes === undefined) {
      writes = new ByteMap<Pending>();
      this.#storage.set(name, writes);
    }
    this.#contract = contract;
    this.#contractWrites = writes;
    return writes;
  }

  /** The value of `key` in the storage of `contract` (null when absent). */
  storage(contract: Uint8Array, key: Uint8Array): Uint8Array | null {
    return storedBytes(this.storedValue(contract, key));
  }

  /**
   * Like {@link storage}, but a safe int left by a pending set_int comes
   * back as that int (its stored form is not built).
   */
  storedValue(contract: Uint8Array, key: Uint8Array): StoredValue {
    const pending = this.#writesOf(contract).get(key);
    return pending === undefined ? this.#base.get(storageStateKey(contract, key)) : pending.value;
  }

  /** Records a storage write; an empty value or null deletes. */
  setStorage(contract: Uint8Array, key: Uint8Array, value: Uint8Array | null): void {
    this.#record(contract, key, stored(value));
  }

  /** Records a storage write of the stored form of the safe int `value` (0 deletes). */
  setStorageInt(contract: Uint8Array, key: Uint8Array, value: number): void {
    this.#record(contract, key, value === 0 ? null : value);
  }

  #record(contract: Uint8Array, key: Uint8Array, value: StoredValue): void {
    const writes = this.#writesOf(contract);
    const pending = writes.get(key);
    if (pending !== undefined) {
      pending.value = value;
      return;
    }
    const entry = { contract, key, value };
    writes.set(key, entry);
    this.#order.push(entry);
  }

  /** The balance of `account` (0 when absent). */
  balance(account: Uint8Array): bigint {
    const stateKey = balanceStateKey(account);
    const pending = this.#others.get(binaryKey(stateKey));
    const value = pending === undefined ? this.#base.get(stateKey) : storedBytes(pending.value);
    return decodeStoredInt(value ?? new Uint8Array());
  }

  /** Records a new balance of `account` (the caller keeps it non-negative and capped). */
  setBalance(account: Uint8Array, amount: bigint): void {
    const stateKey = balanceStateKey(account);
    const value = stored(encodeStoredInt(amount, bitLength(amount)));
    const name = binaryKey(stateKey);
    const pending = this.#others.get(name);
    if (pending !== undefined) {
      pending.value = value;
      return;
    }
    const entry = { contract: null, key: stateKey, value };
    this.#others.set(name, entry);
    this.#order.push(entry);
  }
}
