/**
 * Contract state: a byte-keyed store behind an interface, the in-memory
 * backend, and the JSON snapshot format used by `--state x.json`
 * (`{"format": "animica-vm-state", "version": 3, "entries": {hex: hex}}`,
 * keys sorted). State keys carry their key space (./state_keys.ts); every
 * loaded entry is checked against the caps. File and SQLite I/O live in
 * the CLI; this file is pure.
 */

import { StateError } from "../errors.ts";
import { fromHex, toHex } from "../abi/hex.ts";
import type { StateWrite } from "./host/journal.ts";
import type { StateReader } from "./host/types.ts";
import { binaryKey, keyBytes } from "./binary_key.ts";
import { checkStateEntry } from "./state_keys.ts";

export { balanceStateKey, checkStateEntry, storageStateKey } from "./state_keys.ts";
export type { StateWrite } from "./host/journal.ts";

/** A state that lists its entries, for commitments over the whole state (spec/RECEIPTS.md §7). */
export interface StateListing {
  /** Every stored entry as [key, value], in ascending bytewise key order. */
  listEntries(): Iterable<readonly [Uint8Array, Uint8Array]>;
}

/** A state backend: reads, lists, and applies a successful call's writes at once. */
export interface StateStore extends StateReader, StateListing {
  /** Applies writes (null deletes) atomically. */
  apply(writes: Iterable<StateWrite>): void;
}

/**
 * In-memory state.
 *
 * @example Apply writes, read them back, delete one
 * ```ts
 * import { MemoryState } from "@animica/vm-py";
 *
 * const state = new MemoryState();
 * const key = new Uint8Array([1, 2]);
 * state.apply([{ key, value: new Uint8Array([42]) }]);
 * console.log(state.get(key)); // Uint8Array(1) [ 42 ]
 * state.apply([{ key, value: null }]);
 * console.log(state.get(key), state.entries().length); // null 0
 * ```
 */
export class MemoryState implements StateStore {
  /** The entries, by binaryKey of their key (cheaper to build and hash than hex). */
  readonly #entries = new Map<string, Uint8Array>();

  /** The value stored at `key` (null when absent). */
  get(key: Uint8Array): Uint8Array | null {
    return this.#entries.get(binaryKey(key)) ?? null;
  }

  /** Applies writes (null deletes); stored values are copies. */
  apply(writes: Iterable<StateWrite>): void {
    for (const { key, value } of writes) {
      if (value === null) this.#entries.delete(binaryKey(key));
      else this.#entries.set(binaryKey(key), value.slice());
    }
  }

  /** Entries sorted by key hex (which is the order of their binary keys). */
  entries(): [string, Uint8Array][] {
    return [...this.#entries.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, value]) => [toHex(keyBytes(key)), value]);
  }

  /** Entries as bytes, sorted by key (lowercase hex sorts as the bytes do). */
  listEntries(): [Uint8Array, Uint8Array][] {
    return this.entries().map(([key, value]) => [fromHex(key) ?? new Uint8Array(), value]);
  }
}

/** Identifies snapshots written by animica-vm. */
export const STATE_FORMAT = "animica-vm-state";
/**
 * Version of the state format (JSON and SQLite) this build reads and writes.
 * Version 2 introduced the key spaces, version 3 the chain (nonces, deployed
 * contracts, code, manifests, the block: spec/CHAIN.md); older files are
 * refused (version 2 ones can be converted with `animica-vm state migrate`).
 */
export const STATE_VERSION = 3;
/** The version `animica-vm state migrate` converts from. */
export const MIGRATABLE_STATE_VERSION = 2;

/**
 * Checks a state file's version: exactly {@link STATE_VERSION}; versions 1
 * and 2 get an error saying what to do, anything else (newer, negative, not
 * an integer) is unsupported.
 */
export function checkStateVersion(version: unknown, where: string): void {
  if (version === STATE_VERSION) return;
  if (version === MIGRATABLE_STATE_VERSION) {
    throw new StateError(
      `${where}: state version 2 is not supported: this build (version ${STATE_VERSION}) keeps ` +
        `a chain of deployed contracts, and a version 2 file has storage without contracts. ` +
        `The file is left untouched: convert it with 'animica-vm state migrate FILE ` +
        `[--manifest M]...' (it keeps a copy of the original)`,
    );
  }
  if (version === 1) {
    throw new StateError(
      `${where}: state version 1 is not supported: it kept storage and balances in one ` +
        `key space, and this build (version ${STATE_VERSION}) keeps them apart. The file is ` +
        `left untouched: keep it for the build that wrote it, or start a new state file ` +
        `(--state PATH)`,
    );
  }
  const shown = typeof version === "string" ? JSON.stringify(version) : String(version);
  throw new StateError(
    `${where}: state version ${shown} is not supported (this build reads version ${STATE_VERSION})`,
  );
}

/** The JSON snapshot of an in-memory state. */
export function stateToJson(state: MemoryState): string {
  const entries = Object.fromEntries(state.entries().map(([key, value]) => [key, toHex(value)]));
  return JSON.stringify({ format: STATE_FORMAT, version: STATE_VERSION, entries }, null, 2) + "\n";
}

/** Reads a JSON snapshot; a corrupt, foreign, other-version or over-cap file is a StateError. */
export function stateFromJson(text: string): MemoryState {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new StateError(
      `state file is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (typeof json !== "object" || json === null || !("format" in json)) {
    throw new StateError(`not an animica-vm state file (expected "format": "${STATE_FORMAT}")`);
  }
  const record: { format?: unknown; version?: unknown; entries?: unknown } = json;
  if (record.format !== STATE_FORMAT) {
    throw new StateError(`not an animica-vm state file (expected "format": "${STATE_FORMAT}")`);
  }
  checkStateVersion(record.version, "the state file");
  const entries = record.entries;
  if (typeof entries !== "object" || entries === null || Array.isArray(entries)) {
    throw new StateError("state file entries must be an object of hex keys to hex values");
  }
  const writes = Object.entries(entries).map(([keyHex, valueHex]: [string, unknown]) => {
    const key = fromHex(keyHex);
    const value = typeof valueHex === "string" ? fromHex(valueHex) : null;
    if (key === null || value === null || toHex(key) !== keyHex) {
      throw new StateError(
        `state entry ${keyHex.slice(0, 80)} is not lowercase 0x hex to 0x hex`,
      );
    }
    checkStateEntry(key, value);
    return { key, value };
  });
  const state = new MemoryState();
  state.apply(writes);
  return state;
}
