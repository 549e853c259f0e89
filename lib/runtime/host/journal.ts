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
type StoredValue = Uint8Array | number | null;

/** An empty value deletes. */
function stored(value: Uint8Array | null): Uint8Array | null {
  return value === null || value.length === 0 ? null : value;
}

/** The stored bytes of a value (a pending int encoded). */
function storedBytes(value: StoredValue): Uint8Array | null {
  return typeof value === "number" ? encodeStoredSmallInt(value) : value;
}

/**
 * Pending writes of a call, by state key. Entry i (in the order of first
 * writes) is kept across three arrays rather than as an object of its own
 * (fewer objects for the garbage collector to copy): a storage write keeps its contract and storage
 * key, and its state key is built only when the writes are taken; a
 * balance write (contract null) keeps its whole state key. Later writes
 * of a key replace its value.
 */
export class Journal {
  readonly #base: StateReader;
  /** Each entry's contract (null: the key is a whole state key). */
  readonly #contracts: (Uint8Array | null)[] = [];
  /** Each entry's storage key (or whole state key). */
  readonly #keys: Uint8Array[] = [];
  /** Each entry's value (null deletes). */
  readonly #values: StoredValue[] = [];
  /** Storage entries' indices by contract (as binaryKey), then by storage key (./byte_map.ts: no string per access). */
  readonly #storage = new Map<string, ByteMap<number>>();
  /** Indices of the other spaces' entries (balances), by binaryKey of the state key. */
  readonly #others = new Map<string, number>();

  /** An empty journal over `base`. */
  constructor(base: StateReader) {
    this.#base = base;
  }

  /** The pending writes, each state key once, in the order of their first write (a fresh array). */
  get writes(): readonly StateWrite[] {
    const out: StateWrite[] = [];
    for (let i = 0; i < this.#keys.length; i++) {
      const contract = this.#contracts[i] ?? null;
      const key = this.#keys[i] ?? new Uint8Array();
      out.push({
        key: contract === null ? key : storageStateKey(contract, key),
        value: storedBytes(this.#values[i] ?? null),
      });
    }
    return out;
  }

  /** The last contract whose storage was addressed, and its entries. */
  #contract: Uint8Array | null = null;
  #contractEntries = new ByteMap<number>();

  /** The entries of `contract`, whose address is checked the first time it is addressed. */
  #entriesOf(contract: Uint8Array): ByteMap<number> {
    if (contract === this.#contract) return this.#contractEntries;
    checkContractAddress(contract);
    const name = binaryKey(contract);
    let entries = this.#storage.get(name);
    if (entries === undefined) {
      entries = new ByteMap<number>();
      this.#storage.set(name, entries);
    }
    this.#contract = contract;
    this.#contractEntries = entries;
    return entries;
  }

  /** The value of `key` in the storage of `contract` (null when absent). */
  storage(contract: Uint8Array, key: Uint8Array): Uint8Array | null {
    return storedBytes(this.storedValue(contract, key));
  }

  /**
   * Like {@link storage}, but a safe int left by a pending set_int comes
   * back as that int (its stored form is not built).
   */
  storedValue(contract: Uint8Array, key: Uint8Array): Uint8Array | number | null {
    const index = this.#entriesOf(contract).get(key);
    return index === undefined
      ? this.#base.get(storageStateKey(contract, key))
      : this.#values[index] ?? null;
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
    const entries = this.#entriesOf(contract);
    const index = entries.get(key);
    if (index !== undefined) {
      this.#values[index] = value;
      return;
    }
    entries.set(key, this.#push(contract, key, value));
  }

  /** Appends an entry; returns its index. */
  #push(contract: Uint8Array | null, key: Uint8Array, value: StoredValue): number {
    this.#contracts.push(contract);
    this.#keys.push(key);
    return this.#values.push(value) - 1;
  }

  /** The balance of `account` (0 when absent). */
  balance(account: Uint8Array): bigint {
    const stateKey = balanceStateKey(account);
    const index = this.#others.get(binaryKey(stateKey));
    const value = index === undefined
      ? this.#base.get(stateKey)
      : storedBytes(this.#values[index] ?? null);
    return decodeStoredInt(value ?? new Uint8Array());
  }

  /** Records a new balance of `account` (the caller keeps it non-negative and capped). */
  setBalance(account: Uint8Array, amount: bigint): void {
    const stateKey = balanceStateKey(account);
    const value = stored(encodeStoredInt(amount, bitLength(amount)));
    const name = binaryKey(stateKey);
    const index = this.#others.get(name);
    if (index !== undefined) {
      this.#values[index] = value;
      return;
    }
    this.#others.set(name, this.#push(null, stateKey, value));
  }
}
