/**
 * State files for animica-vm outside the browser (spec/RUNTIME.md §4): a
 * SQLite database (node:sqlite) held in one write transaction per call, or
 * a readable JSON snapshot locked and replaced atomically. These use the
 * file system, so they live outside `lib/`; the CLI's `run --state` uses them.
 *
 * @example Open a state file, write to it and close it
 * ```ts
 * import { openSqliteState } from "./sqlite.ts";
 *
 * const dir = await Deno.makeTempDir();
 * const state = await openSqliteState(`${dir}/state.sqlite`);
 * state.apply([{ key: new Uint8Array([1]), value: new Uint8Array([2]) }]);
 * await state.close();
 * await Deno.remove(dir, { recursive: true });
 * ```
 *
 * @module
 */

export {
  type FileState,
  openJsonState,
  openSqliteState,
  STATE_BUSY_TIMEOUT_MS,
} from "./cli/state_files.ts";
export type { StateListing, StateStore, StateWrite } from "./lib/runtime/state.ts";
export type { StateReader } from "./lib/runtime/host/types.ts";
