/**
 * Pending writes over a state: a reader that sees writes not yet applied
 * before the state under them. The chain uses one to run a call over a
 * value already moved, and a block keeps every accepted transaction's
 * writes in one until the block is done, so a rejected block leaves the
 * state as it was.
 */

import { toHex } from "../abi/hex.ts";
import type { StateReader } from "../runtime/host/types.ts";
import type { StateWrite } from "../runtime/state.ts";

/** Writes not yet applied, read over a base state (the last write of a key wins). */
export class Overlay implements StateReader {
  readonly #base: StateReader;
  readonly #pending = new Map<string, StateWrite>();

  /** An overlay of `writes` (none by default) over `base`. */
  constructor(base: StateReader, writes: readonly StateWrite[] = []) {
    this.#base = base;
    this.add(writes);
  }

  /** The pending value at `key`, else the base's. */
  get(key: Uint8Array): Uint8Array | null {
    const write = this.#pending.get(toHex(key));
    return write === undefined ? this.#base.get(key) : write.value;
  }

  /** Adds writes on top of those already pending. */
  add(writes: readonly StateWrite[]): void {
    for (const write of writes) {
      const id = toHex(write.key);
      this.#pending.delete(id);
      this.#pending.set(id, write);
    }
  }

  /** The pending writes, one per key, in the order their keys were last written. */
  writes(): StateWrite[] {
    return [...this.#pending.values()];
  }
}
