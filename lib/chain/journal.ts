/**
 * Snapshots of a chain's state (spec/CHAIN.md §6): a store wrapper that,
 * while a snapshot is open, records the previous value of every key it
 * writes, so `revert(id)` can put storage, balances, nonces, deployments and
 * the block back exactly as they were. With no snapshot open nothing is
 * recorded. It knows nothing of what the keys mean.
 */

import { ChainError } from "../errors.ts";
import type { StateStore, StateWrite } from "../runtime/state.ts";

/** A state store with snapshot and revert. */
export class UndoJournal implements StateStore {
  readonly #store: StateStore;
  /** Previous values of written keys, oldest first. */
  readonly #undo: StateWrite[] = [];
  /** Length of #undo when each open snapshot was taken. */
  readonly #marks: number[] = [];

  /** A journal over `store`, which it writes through. */
  constructor(store: StateStore) {
    this.#store = store;
  }

  /** The value at `key` (null when absent). */
  get(key: Uint8Array): Uint8Array | null {
    return this.#store.get(key);
  }

  /** The store's entries, in key order. */
  listEntries(): Iterable<readonly [Uint8Array, Uint8Array]> {
    return this.#store.listEntries();
  }

  /** Applies `writes`, first recording what they replace when a snapshot is open. */
  apply(writes: Iterable<StateWrite>): void {
    const list = [...writes];
    if (this.#marks.length > 0) {
      for (const { key } of list) this.#undo.push({ key, value: this.#store.get(key) });
    }
    this.#store.apply(list);
  }

  /** Opens a snapshot; its id is the number of snapshots open before it. */
  snapshot(): number {
    this.#marks.push(this.#undo.length);
    return this.#marks.length - 1;
  }

  /**
   * Restores the state as it was when snapshot `id` was taken. Snapshot `id`
   * stays open (revert to it again at will); later ones are closed.
   */
  revert(id: number): void {
    const mark = Number.isSafeInteger(id) && id >= 0 ? this.#marks[id] : undefined;
    if (mark === undefined) throw new ChainError(`no snapshot ${String(id)}`);
    const undo = this.#undo.splice(mark).reverse();
    this.#store.apply(undo);
    this.#marks.length = id + 1;
  }
}
