/**
 * State backends with files, for `run --state`: a readable JSON snapshot
 * (written atomically through a temporary file and a rename) and SQLite
 * through node:sqlite (writes in one transaction). A corrupt, foreign or
 * newer-version file is a StateError and is never overwritten.
 */

import { DatabaseSync } from "node:sqlite";
import { dirname, join } from "node:path";
import {
  MemoryState,
  STATE_FORMAT,
  STATE_VERSION,
  StateError,
  stateFromJson,
  type StateStore,
  stateToJson,
} from "../mod.ts";

/** A state store that must be closed (and, for JSON, saved) after use. */
export interface FileState extends StateStore {
  /** Persists applied writes and releases the file. */
  close(): Promise<void>;
}

/** JSON snapshot file: read at open, written atomically at close when changed. */
export async function openJsonState(path: string): Promise<FileState> {
  let state = new MemoryState();
  try {
    state = stateFromJson(await Deno.readTextFile(path));
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
  }
  let changed = false;
  return {
    get: (key) => state.get(key),
    apply(writes) {
      state.apply(writes);
      changed = true;
    },
    async close() {
      if (!changed) return;
      const temporary = join(
        dirname(path),
        `.${path.split("/").pop() ?? "state"}.${crypto.randomUUID()}.tmp`,
      );
      await Deno.mkdir(dirname(path), { recursive: true });
      await Deno.writeTextFile(temporary, stateToJson(state));
      await Deno.rename(temporary, path);
    },
  };
}

/** SQLite state file (created with its schema when absent). */
export async function openSqliteState(path: string): Promise<FileState> {
  await Deno.mkdir(dirname(path), { recursive: true });
  let db: DatabaseSync;
  try {
    db = new DatabaseSync(path);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all()
      .map((row) => String((row as { name: unknown }).name));
    if (tables.length === 0) {
      db.exec("CREATE TABLE meta (format TEXT NOT NULL, version INTEGER NOT NULL)");
      db.exec("CREATE TABLE kv (key BLOB PRIMARY KEY, value BLOB NOT NULL)");
      db.prepare("INSERT INTO meta VALUES (?, ?)").run(STATE_FORMAT, STATE_VERSION);
    } else {
      const meta = tables.includes("meta")
        ? db.prepare("SELECT format, version FROM meta").get() as {
          format?: unknown;
          version?: unknown;
        } | undefined
        : undefined;
      if (meta?.format !== STATE_FORMAT || !tables.includes("kv")) {
        db.close();
        throw new StateError(`'${path}' is a SQLite database but not an animica-vm state`);
      }
      if (typeof meta.version !== "number" || meta.version > STATE_VERSION) {
        db.close();
        throw new StateError(
          `'${path}' has state version ${
            String(meta.version)
          }; this build reads version ${STATE_VERSION}`,
        );
      }
    }
  } catch (error) {
    if (error instanceof StateError) throw error;
    throw new StateError(
      `'${path}' is not a usable state database: ${
        error instanceof Error ? error.message : String(error)
      }`,
    );
  }
  const read = db.prepare("SELECT value FROM kv WHERE key = ?");
  return {
    get(key) {
      const row = read.get(key) as { value?: Uint8Array } | undefined;
      return row?.value ?? null;
    },
    apply(writes) {
      const upsert = db.prepare("INSERT OR REPLACE INTO kv (key, value) VALUES (?, ?)");
      const remove = db.prepare("DELETE FROM kv WHERE key = ?");
      db.exec("BEGIN");
      try {
        for (const { key, value } of writes) {
          if (value === null) remove.run(key);
          else upsert.run(key, value);
        }
        db.exec("COMMIT");
      } catch (error) {
        db.exec("ROLLBACK");
        throw error;
      }
    },
    close() {
      db.close();
      return Promise.resolve();
    },
  };
}
