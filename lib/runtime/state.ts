/**
 * Contract state: a byte-keyed store behind an interface, the in-memory
 * backend, and the JSON snapshot format used by `--state x.json`
 * (`{"format": "animica-vm-state", "version": 1, "entries": {hex: hex}}`,
 * keys sorted). File and SQLite I/O live in the CLI; this file is pure.
 */

import { StateError } from "../errors.ts";
import { fromHex, toHex } from "../abi/hex.ts";
import type { StateReader } from "./host/types.ts";

/** A state backend: reads, and applies a successful call's writes at once. */
export interface StateStore extends StateReader {
  /** Applies writes (null deletes) atomically. */
  apply(writes: Iterable<{ readonly key: Uint8Array; readonly value: Uint8Array | null }>): void;
}

/** In-memory state. */
export class MemoryState implements StateStore {
  readonly #entries = new Map<string, Uint8Array>();

  get(key: Uint8Array): Uint8Array | null {
    return this.#entries.get(toHex(key)) ?? null;
  }

  apply(writes: Iterable<{ readonly key: Uint8Array; readonly value: Uint8Array | null }>): void {
    for (const { key, value } of writes) {
      if (value === null) this.#entries.delete(toHex(key));
      else this.#entries.set(toHex(key), value.slice());
    }
  }

  /** Entries sorted by key hex. */
  entries(): [string, Uint8Array][] {
    return [...this.#entries.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }
}

/** Identifies snapshots written by animica-vm. */
export const STATE_FORMAT = "animica-vm-state";
/** Version of the snapshot format this build reads and writes. */
export const STATE_VERSION = 1;

/** The JSON snapshot of an in-memory state. */
export function stateToJson(state: MemoryState): string {
  const entries = Object.fromEntries(state.entries().map(([key, value]) => [key, toHex(value)]));
  return JSON.stringify({ format: STATE_FORMAT, version: STATE_VERSION, entries }, null, 2) + "\n";
}

/** Reads a JSON snapshot; a corrupt, foreign or newer file is a StateError. */
export function stateFromJson(text: string): MemoryState {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new StateError(
      `state file is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const record = json as { format?: unknown; version?: unknown; entries?: unknown };
  if (typeof json !== "object" || json === null || record.format !== STATE_FORMAT) {
    throw new StateError(`not an animica-vm state file (expected "format": "${STATE_FORMAT}")`);
  }
  if (typeof record.version !== "number" || record.version > STATE_VERSION || record.version < 1) {
    throw new StateError(
      `state file version ${
        String(record.version)
      } is not supported (this build reads version ${STATE_VERSION})`,
    );
  }
  if (
    typeof record.entries !== "object" || record.entries === null || Array.isArray(record.entries)
  ) {
    throw new StateError("state file entries must be an object of hex keys to hex values");
  }
  const state = new MemoryState();
  const writes = Object.entries(record.entries as Record<string, unknown>).map(
    ([keyHex, valueHex]) => {
      const key = fromHex(keyHex);
      const value = typeof valueHex === "string" ? fromHex(valueHex) : null;
      if (key === null || value === null) {
        throw new StateError(`state entry ${keyHex} is not 0x hex to 0x hex`);
      }
      return { key, value };
    },
  );
  state.apply(writes);
  return state;
}
