/**
 * The write journal of one call: reads see the call's own pending writes
 * first, then the state; nothing reaches the state unless the call
 * succeeds (the caller applies `writes`).
 */

import type { StateReader } from "./types.ts";

/** A Map key for bytes: one UTF-16 unit per byte. */
function binaryKey(bytes: Uint8Array): string {
  let key = "";
  for (const byte of bytes) key += String.fromCharCode(byte);
  return key;
}

/** Pending writes of a call, by key (null deletes). */
export class Journal implements StateReader {
  readonly #base: StateReader;
  readonly writes = new Map<string, { key: Uint8Array; value: Uint8Array | null }>();

  constructor(base: StateReader) {
    this.#base = base;
  }

  get(key: Uint8Array): Uint8Array | null {
    const pending = this.writes.get(binaryKey(key));
    return pending === undefined ? this.#base.get(key) : pending.value;
  }

  /** Records a write; bytes values are immutable, so they are kept as they are (not copied). */
  set(key: Uint8Array, value: Uint8Array | null): void {
    this.writes.set(binaryKey(key), {
      key,
      value: value === null || value.length === 0 ? null : value,
    });
  }
}
