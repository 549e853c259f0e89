/**
 * State backends with files, for `run --state` (spec/RUNTIME.md §4). Each
 * open state holds the file for the whole call: concurrent processes wait
 * their turn, so every read of a call and its writes happen under one lock.
 * - SQLite (node:sqlite): `BEGIN IMMEDIATE` with a busy timeout at open,
 *   `PRAGMA integrity_check`, an exact schema and version check and a check of
 *   every entry against the caps before anything is read or written,
 *   `COMMIT` at close.
 * - JSON: an exclusive lock on `<file>.lock` (released by the OS if the
 *   process dies), the snapshot read under it, and an atomic replace at
 *   close (a temporary file in the same directory, fsync, rename) through
 *   any symlink to its target, keeping the file's permissions.
 * A corrupt, foreign or other-version file is a StateError and is never written.
 */

import { DatabaseSync } from "node:sqlite";
import { basename, dirname, isAbsolute, join } from "./paths.ts";
import { ADDRESS_LENGTH } from "../lib/abi/codec.ts";
import { CAPS } from "../lib/compile/opcodes.ts";
import { AnimicaError, StateError } from "../lib/errors.ts";
import {
  checkStateEntry,
  checkStateVersion,
  MemoryState,
  MIGRATABLE_STATE_VERSION,
  STATE_FORMAT,
  STATE_VERSION,
  stateFromJson,
  type StateStore,
  stateToJson,
} from "../lib/runtime/state.ts";
import { STORAGE_SPACE } from "../lib/runtime/state_keys.ts";

/** A state store that must be closed after use. */
export interface FileState extends StateStore {
  /** Persists the applied writes (if any) and releases the file. */
  close(): Promise<void>;
  /** Drops the applied writes and releases the file. */
  abort(): Promise<void>;
}

/** How long a call waits for another process holding the same state. */
export const STATE_BUSY_TIMEOUT_MS = 60_000;

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The file `path` names, following symlinks (also dangling ones: the target is created). */
async function symlinkTarget(path: string): Promise<string> {
  let current = path;
  for (let hops = 0; hops < 40; hops++) {
    let info: Deno.FileInfo;
    try {
      info = await Deno.lstat(current);
    } catch (error) {
      if (error instanceof Deno.errors.NotFound) return current;
      throw error;
    }
    if (!info.isSymlink) return current;
    const link = await Deno.readLink(current);
    current = isAbsolute(link) ? link : join(dirname(current), link);
  }
  throw new StateError(`'${path}': too many levels of symbolic links`);
}

/** The text and permission bits of a file, or null when it does not exist. */
async function readExisting(path: string): Promise<{ text: string; mode: number | null } | null> {
  try {
    const text = await Deno.readTextFile(path);
    const mode = (await Deno.stat(path)).mode;
    return { text, mode: mode === null ? null : mode & 0o7777 };
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return null;
    if (error instanceof Deno.errors.PermissionDenied) throw error;
    throw new StateError(`cannot read state file '${path}': ${message(error)}`);
  }
}

/** Replaces `target` by `text` atomically: temporary file, fsync, chmod, rename. */
async function replaceAtomically(target: string, text: string, mode: number | null) {
  const temporary = join(dirname(target), `.${basename(target)}.${crypto.randomUUID()}.tmp`);
  try {
    const file = await Deno.open(temporary, { createNew: true, write: true, mode: 0o600 });
    try {
      const bytes = new TextEncoder().encode(text);
      let offset = 0;
      while (offset < bytes.length) offset += await file.write(bytes.subarray(offset));
      await file.sync();
    } finally {
      file.close();
    }
    await Deno.chmod(temporary, mode ?? 0o644);
    await Deno.rename(temporary, target);
  } catch (error) {
    await Deno.remove(temporary).catch(() => {});
    throw error;
  }
  try {
    const directory = await Deno.open(dirname(target), { read: true });
    try {
      await directory.sync();
    } finally {
      directory.close();
    }
  } catch {
    // Not every platform can fsync a directory; the rename is still atomic.
  }
}

/** JSON snapshot file: locked at open, read under the lock, replaced atomically at close. */
export async function openJsonState(path: string): Promise<FileState> {
  const target = await symlinkTarget(path);
  await Deno.mkdir(dirname(target), { recursive: true });
  const lock = await Deno.open(`${target}.lock`, { create: true, write: true, mode: 0o600 });
  let state: MemoryState;
  let mode: number | null;
  try {
    await lock.lock(true);
    const existing = await readExisting(target);
    state = existing === null ? new MemoryState() : stateFromJson(existing.text);
    mode = existing?.mode ?? null;
  } catch (error) {
    lock.close();
    throw error;
  }
  let changed = false;
  return {
    get: (key) => state.get(key),
    listEntries: () => state.listEntries(),
    apply(writes) {
      state.apply(writes);
      changed = true;
    },
    async close() {
      try {
        if (changed) await replaceAtomically(target, stateToJson(state), mode);
      } finally {
        lock.close();
      }
    },
    abort() {
      lock.close();
      return Promise.resolve();
    },
  };
}

const META_SCHEMA = "CREATE TABLE meta (format TEXT NOT NULL, version INTEGER NOT NULL)";
/** The kv table of a new state database: one B-tree, ordered by key. */
const KV_SCHEMA = "CREATE TABLE kv (key BLOB PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID";
/**
 * The kv table of databases made by earlier builds: a rowid table beside
 * an index of its keys (two B-trees to search and write for each entry).
 * Read and written as before; its entries mean what the new form's do.
 */
const ROWID_KV_SCHEMA = "CREATE TABLE kv (key BLOB PRIMARY KEY, value BLOB NOT NULL)";
/** sqlite_master of a state database ([type, name, sql] sorted by name), in either form. */
const STATE_MASTERS: ReadonlySet<string> = new Set([
  JSON.stringify([["table", "kv", KV_SCHEMA], ["table", "meta", META_SCHEMA]]),
  JSON.stringify([
    ["table", "kv", ROWID_KV_SCHEMA],
    ["table", "meta", META_SCHEMA],
    ["index", "sqlite_autoindex_kv_1", null],
  ]),
]);

/** A BLOB literal of SQL: `X'..'` with the bytes in hex. */
function blobLiteral(bytes: readonly number[]): string {
  return `X'${bytes.map((byte) => byte.toString(16).padStart(2, "0")).join("")}'`;
}

/**
 * SQL true for the rows that checkStateEntry surely accepts, tested by
 * SQLite in C so that a state of many storage entries is not copied into
 * JS at every open; every other row (false, or NULL: SQLite's functions
 * give NULL for some inputs, `substr` of an empty BLOB for one) still goes
 * through checkStateEntry, in the same scan order, so the first bad entry
 * and its message are the ones the full check finds. Two tests, the first
 * tried first:
 * - a storage entry of a chain address (ADDRESS_LENGTH bytes), the common
 *   case: its key sorts between the two-byte prefix (tag, address length)
 *   and that prefix's successor (so it is a BLOB: TEXT, numbers and NULL
 *   sort below every BLOB), its length leaves a storage key within the
 *   cap, and its value sorts above the empty BLOB (so it is a non-empty
 *   BLOB) within the cap. These are comparisons and lengths only, about a
 *   third of the cost of the second test.
 * - a storage entry of any address length (its second byte, found as the
 *   position of that byte in the bytes 1..255; 0, as in no address, is in
 *   no position), with both columns BLOBs.
 */
const SURELY_VALID_STORAGE = (() => {
  const prefix = [STORAGE_SPACE, ADDRESS_LENGTH];
  const chainAddress = [
    `key >= ${blobLiteral(prefix)}`,
    `key < ${blobLiteral([STORAGE_SPACE, ADDRESS_LENGTH + 1])}`,
    `length(key) BETWEEN ${2 + ADDRESS_LENGTH} AND ${2 + ADDRESS_LENGTH + CAPS.storage_key}`,
    "value > X''",
    `length(value) <= ${CAPS.storage_value}`,
  ].join(" AND ");
  const addressLength = `instr(${
    blobLiteral(Array.from({ length: 255 }, (_, index) => index + 1))
  }, substr(key, 2, 1))`;
  const anyAddress = [
    "typeof(key) = 'blob'",
    "typeof(value) = 'blob'",
    `substr(key, 1, 1) = ${blobLiteral([STORAGE_SPACE])}`,
    `${addressLength} BETWEEN max(1, length(key) - 2 - ${CAPS.storage_key}) AND length(key) - 2`,
    `length(value) BETWEEN 1 AND ${CAPS.storage_value}`,
  ].join(" AND ");
  return `(${chainAddress}) OR (${anyAddress})`;
})();

/**
 * The rows of kv for a check, each column that is not a BLOB read as NULL
 * (and so refused as one): node:sqlite ends a scan, without an error, at
 * an INTEGER beyond 2^53, which would leave every later row unchecked.
 */
const SELECT_BLOBS = `SELECT ${
  ["key", "value"].map((column) =>
    `CASE WHEN typeof(${column}) = 'blob' THEN ${column} END AS ${column}`
  ).join(", ")
} FROM kv`;

/**
 * `PRAGMA integrity_check`: every page well formed, and every B-tree
 * consistent with the schema it is declared with (keys in order and
 * unique, an index holding exactly its table's rows), which quick_check
 * does not test: a file whose schema text was rewritten to lie about its
 * tables could otherwise hide duplicate keys, or entries the entry check
 * never sees. About 0.5 ms more than quick_check for 15,000 entries in
 * the WITHOUT ROWID form, about 10 ms more in the rowid form.
 */
function checkIntegrity(db: DatabaseSync, path: string): void {
  const check = db.prepare("PRAGMA integrity_check").all().map((row) => Object.values(row)[0]);
  if (check.length !== 1 || check[0] !== "ok") {
    throw new StateError(
      `'${path}' is a damaged SQLite database (integrity_check: ${
        check.slice(0, 3).map(String).join("; ")
      }); it is left untouched`,
    );
  }
}

/**
 * Checks integrity, schema, version and every entry against the caps
 * (creating the schema in an empty database).
 */
function checkDatabase(db: DatabaseSync, path: string): void {
  checkIntegrity(db, path);
  const master = db.prepare("SELECT type, name, sql FROM sqlite_master ORDER BY name").all()
    .map((row) => [row.type, row.name, row.sql]);
  if (master.length === 0) {
    db.exec(META_SCHEMA);
    db.exec(KV_SCHEMA);
    db.prepare("INSERT INTO meta VALUES (?, ?)").run(STATE_FORMAT, STATE_VERSION);
    return;
  }
  const meta = STATE_MASTERS.has(JSON.stringify(master))
    ? db.prepare("SELECT format, version FROM meta").all()
    : [];
  if (meta.length !== 1 || meta[0]?.format !== STATE_FORMAT) {
    throw new StateError(`'${path}' is a SQLite database but not an animica-vm state`);
  }
  checkStateVersion(meta[0]?.version, `'${path}'`);
  // In key order, so that of several bad entries the one named is the same in either table form.
  const rows = db.prepare(
    `${SELECT_BLOBS} WHERE (${SURELY_VALID_STORAGE}) IS NOT TRUE ORDER BY key`,
  );
  for (const { key, value } of rows.iterate()) {
    if (!(key instanceof Uint8Array) || !(value instanceof Uint8Array)) {
      throw new StateError(`'${path}' holds a state entry that is not a BLOB`);
    }
    checkStateEntry(key, value);
  }
}

/** Rows stored by one statement at most (far below SQLite's cap on a statement's parameters). */
const WRITE_BATCH = 256;

/**
 * The statement that stores `count` rows: each key inserted, or its value
 * replaced where it differs (a value stored again as it was leaves its
 * page clean, which SQLite then neither journals nor writes back).
 */
function upsertSql(count: number): string {
  const rows = Array.from({ length: count }, () => "(?, ?)").join(", ");
  return `INSERT INTO kv (key, value) VALUES ${rows} ON CONFLICT (key) DO UPDATE SET value = excluded.value WHERE kv.value IS NOT excluded.value`;
}

/** The StateError for what SQLite threw on `path`: busy past the timeout, or not usable. */
function sqliteFailure(path: string, error: unknown): StateError {
  if (/database is locked|busy/i.test(message(error))) {
    return new StateError(
      `'${path}' is in use by another process (waited ${STATE_BUSY_TIMEOUT_MS / 1000} s)`,
    );
  }
  return new StateError(`'${path}' is not a usable state database: ${message(error)}`);
}

/** SQLite state file (created with its schema when absent), held in one write transaction. */
export async function openSqliteState(path: string): Promise<FileState> {
  await Deno.mkdir(dirname(path), { recursive: true });
  let db: DatabaseSync | null = null;
  try {
    db = new DatabaseSync(path, { timeout: STATE_BUSY_TIMEOUT_MS });
    db.exec("BEGIN IMMEDIATE");
    checkDatabase(db, path);
  } catch (error) {
    if (db?.isTransaction === true) db.exec("ROLLBACK");
    db?.close();
    if (error instanceof StateError) throw error;
    throw sqliteFailure(path, error);
  }
  const open = db;
  const read = open.prepare("SELECT value FROM kv WHERE key = ?");
  const upserts = new Map<number, ReturnType<DatabaseSync["prepare"]>>();
  const upsert = (rows: Uint8Array[]) => {
    const count = rows.length / 2;
    let statement = upserts.get(count);
    if (statement === undefined) {
      statement = open.prepare(upsertSql(count));
      upserts.set(count, statement);
    }
    statement.run(...rows);
  };
  const remove = open.prepare("DELETE FROM kv WHERE key = ?");
  const all = open.prepare("SELECT key, value FROM kv ORDER BY key");
  return {
    listEntries() {
      const rows: [Uint8Array, Uint8Array][] = [];
      for (const { key, value } of all.iterate()) {
        if (key instanceof Uint8Array && value instanceof Uint8Array) rows.push([key, value]);
      }
      return rows;
    },
    get(key) {
      const value = read.get(key)?.value;
      return value instanceof Uint8Array ? value : null;
    },
    apply(writes) {
      try {
        // Runs of stores go in statements of up to WRITE_BATCH rows (one call into SQLite each);
        // a delete first stores what is pending, so the writes apply in their order.
        let rows: Uint8Array[] = [];
        for (const { key, value } of writes) {
          if (value === null) {
            if (rows.length > 0) upsert(rows);
            rows = [];
            remove.run(key);
            continue;
          }
          rows.push(key, value);
          if (rows.length === 2 * WRITE_BATCH) {
            upsert(rows);
            rows = [];
          }
        }
        if (rows.length > 0) upsert(rows);
      } catch (error) {
        open.exec("ROLLBACK");
        throw error;
      }
    },
    abort() {
      try {
        if (open.isTransaction) open.exec("ROLLBACK");
      } finally {
        open.close();
      }
      return Promise.resolve();
    },
    close() {
      try {
        if (open.isTransaction) open.exec("COMMIT");
      } catch (error) {
        if (open.isTransaction) open.exec("ROLLBACK");
        throw new StateError(`'${path}': the writes could not be committed: ${message(error)}`);
      } finally {
        open.close();
      }
      return Promise.resolve();
    },
  };
}

/** Copies `path` to `backup`, refusing to overwrite an existing file. */
async function backupOnce(path: string, backup: string): Promise<void> {
  const bytes = await Deno.readFile(path);
  let file: Deno.FsFile;
  try {
    file = await Deno.open(backup, { createNew: true, write: true, mode: 0o600 });
  } catch (error) {
    if (error instanceof Deno.errors.AlreadyExists) {
      throw new StateError(`'${backup}' already exists: move it away to migrate again`);
    }
    throw error;
  }
  try {
    let offset = 0;
    while (offset < bytes.length) offset += await file.write(bytes.subarray(offset));
    await file.sync();
  } finally {
    file.close();
  }
}

/** Entries of a version 2 state, converted by `convert`; what convert returns is written back. */
export type Migration = (
  entries: [Uint8Array, Uint8Array][],
) => { entries: [Uint8Array, Uint8Array][] };

function requireVersion2(version: unknown, where: string): void {
  if (version === MIGRATABLE_STATE_VERSION) return;
  if (version === STATE_VERSION) {
    throw new StateError(`${where} is already version ${STATE_VERSION}; nothing to migrate`);
  }
  checkStateVersion(version, where);
}

/**
 * Converts the version 2 state file at `path` in place (a copy of the
 * original kept at `path.v2`, never overwritten), under the same lock a
 * call takes. Anything but a version 2 file is refused, untouched.
 */
export async function migrateStateFile(path: string, convert: Migration): Promise<void> {
  if (path.endsWith(".json")) {
    const target = await symlinkTarget(path);
    const lock = await Deno.open(`${target}.lock`, { create: true, write: true, mode: 0o600 });
    try {
      await lock.lock(true);
      const existing = await readExisting(target);
      if (existing === null) throw new StateError(`'${path}' does not exist`);
      let json: unknown;
      try {
        json = JSON.parse(existing.text);
      } catch {
        throw new StateError(`'${path}' is not valid JSON`);
      }
      if (typeof json !== "object" || json === null || !("version" in json)) {
        throw new StateError(`'${path}' is not an animica-vm state file`);
      }
      requireVersion2(json.version, `'${path}'`);
      const old = stateFromJson(JSON.stringify({ ...json, version: STATE_VERSION }));
      const entries = old.listEntries();
      const converted = new MemoryState();
      converted.apply(convert(entries).entries.map(([key, value]) => ({ key, value })));
      await backupOnce(target, `${path}.v2`);
      await replaceAtomically(target, stateToJson(converted), existing.mode);
    } finally {
      lock.close();
    }
    return;
  }
  await Deno.stat(path);
  try {
    await migrateSqlite(path, convert);
  } catch (error) {
    // A typed error (a refused entry, a conversion's own) passes; what SQLite threw is reworded.
    if (error instanceof AnimicaError) throw error;
    throw sqliteFailure(path, error);
  }
}

/** migrateStateFile of a SQLite file (errors of SQLite itself left to the caller to word). */
async function migrateSqlite(path: string, convert: Migration): Promise<void> {
  const db = new DatabaseSync(path, { timeout: STATE_BUSY_TIMEOUT_MS });
  try {
    db.exec("BEGIN IMMEDIATE");
    checkIntegrity(db, path);
    const master = db.prepare("SELECT type, name, sql FROM sqlite_master ORDER BY name").all()
      .map((row) => [row.type, row.name, row.sql]);
    const meta = STATE_MASTERS.has(JSON.stringify(master))
      ? db.prepare("SELECT format, version FROM meta").all()
      : [];
    if (meta.length !== 1 || meta[0]?.format !== STATE_FORMAT) {
      throw new StateError(`'${path}' is not an animica-vm state database`);
    }
    requireVersion2(meta[0]?.version, `'${path}'`);
    const entries: [Uint8Array, Uint8Array][] = [];
    for (const { key, value } of db.prepare(`${SELECT_BLOBS} ORDER BY key`).iterate()) {
      if (!(key instanceof Uint8Array) || !(value instanceof Uint8Array)) {
        throw new StateError(`'${path}' holds a state entry that is not a BLOB`);
      }
      checkStateEntry(key, value);
      entries.push([key, value]);
    }
    const converted = convert(entries).entries;
    await backupOnce(path, `${path}.v2`);
    db.exec("DELETE FROM kv");
    const insert = db.prepare("INSERT INTO kv (key, value) VALUES (?, ?)");
    for (const [key, value] of converted) insert.run(key, value);
    db.prepare("UPDATE meta SET version = ?").run(STATE_VERSION);
    db.exec("COMMIT");
  } finally {
    if (db.isTransaction) db.exec("ROLLBACK");
    db.close();
  }
}
