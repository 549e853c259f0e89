/**
 * The state files of `run --state`, used as users and scripts use them
 * (issue 9, finding 8): concurrent processes on one SQLite or JSON state
 * serialise and lose no acknowledged write; `kill -9` at any moment leaves
 * a state that loads with the old or the new value; damaged, foreign,
 * negative-version and old-version files are refused (exit 2) and never
 * written; over-cap values are refused on load; a JSON state keeps its
 * symlink and its permissions.
 */

import assert from "node:assert/strict";
import { DatabaseSync } from "node:sqlite";
import { runCli } from "./support/cli.ts";
import { SeededRandom } from "./support/random.ts";
import { migrateStateFile, openJsonState, openSqliteState } from "../cli/state_files.ts";
import { MemoryState, StateError } from "../mod.ts";
import { CAPS } from "../ir.ts";
import { ADDRESS_LENGTH } from "../lib/abi/codec.ts";
import { checkStateEntry } from "../runtime.ts";
import { STORAGE_SPACE } from "../lib/runtime/state_keys.ts";

const COUNTER = "examples/counter/manifest.json";
const CLI = new URL("../cli.ts", import.meta.url).pathname;

async function inTempDir(body: (dir: string) => Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir();
  try {
    await body(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

function incProcess(state: string): Deno.ChildProcess {
  return new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--allow-read",
      "--allow-write",
      CLI,
      "run",
      "--manifest",
      COUNTER,
      "--call",
      "inc",
      "--state",
      state,
    ],
    stdout: "piped",
    stderr: "piped",
    env: { NO_COLOR: "1" },
  }).spawn();
}

async function counterValue(state: string): Promise<number> {
  const result = await runCli(["run", "--manifest", COUNTER, "--call", "get", "--state", state]);
  assert.equal(result.code, 0, `the state loads: ${result.stderr}`);
  return JSON.parse(result.stdout).return;
}

for (const file of ["state.sqlite", "state.json"]) {
  Deno.test(`20 concurrent inc processes on one ${file}: all succeed and the count is 20`, async () => {
    await inTempDir(async (dir) => {
      const state = `${dir}/${file}`;
      const outputs = await Promise.all(
        Array.from({ length: 20 }, () => incProcess(state).output()),
      );
      const returns = outputs.map((output) => {
        assert.equal(output.code, 0, new TextDecoder().decode(output.stderr));
        return JSON.parse(new TextDecoder().decode(output.stdout)).return;
      });
      assert.deepEqual(returns.sort((a, b) => a - b), Array.from({ length: 20 }, (_, i) => i + 1));
      assert.equal(await counterValue(state), 20);
    });
  });

  Deno.test(`30 inc processes on one ${file} killed with SIGKILL at random moments: the state always loads, old or new`, async () => {
    await inTempDir(async (dir) => {
      const state = `${dir}/${file}`;
      const random = new SeededRandom(file.length * 7919);
      let acknowledged = 0;
      let killed = 0;
      for (let batch = 0; batch < 2; batch++) {
        const results = await Promise.all(Array.from({ length: 15 }, async () => {
          const child = incProcess(state);
          const timer = setTimeout(() => {
            try {
              child.kill("SIGKILL");
            } catch {
              // Already exited.
            }
          }, 100 + random.below(2500));
          const output = await child.output();
          clearTimeout(timer);
          return output;
        }));
        for (const output of results) {
          if (output.success) acknowledged++;
          else {
            assert.equal(output.signal, "SIGKILL", new TextDecoder().decode(output.stderr));
            killed++;
          }
        }
        const count = await counterValue(state);
        assert.ok(
          count >= acknowledged && count <= acknowledged + killed,
          `count ${count}: ${acknowledged} acknowledged, ${killed} killed`,
        );
      }
    });
  });
}

/** Runs inc on `path` and checks it is refused (exit 2, message) without touching the file. */
async function assertRefused(path: string, pattern: RegExp, call = "inc"): Promise<void> {
  const before = Deno.readFileSync(path);
  const result = await runCli(["run", "--manifest", COUNTER, "--call", call, "--state", path]);
  assert.equal(result.code, 2, `${path}: ${result.stdout}${result.stderr}`);
  assert.equal(result.stdout, "");
  assert.match(result.stderr, pattern);
  assert.doesNotMatch(result.stderr, /internal error/);
  assert.deepEqual(Deno.readFileSync(path), before, `${path} was modified`);
}

/** Opens `path` in this process and checks it is refused with a StateError, the file untouched. */
async function assertOpenRefused(path: string, pattern: RegExp): Promise<void> {
  const before = Deno.readFileSync(path);
  const open = path.endsWith(".json") ? openJsonState : openSqliteState;
  await assert.rejects(
    open(path),
    (error) => error instanceof StateError && pattern.test(error.message),
  );
  assert.deepEqual(Deno.readFileSync(path), before, `${path} was modified`);
}

async function incOnce(state: string): Promise<void> {
  const result = await runCli(["run", "--manifest", COUNTER, "--call", "inc", "--state", state]);
  assert.equal(result.code, 0, result.stderr);
}

Deno.test("SQLite states that are damaged, foreign, of another version or over a cap are refused and never written", async () => {
  await inTempDir(async (dir) => {
    const good = `${dir}/good.sqlite`;
    await incOnce(good);
    const variants: [string, (db: DatabaseSync) => void, RegExp][] = [
      [
        "foreign",
        (db) => db.exec("CREATE TABLE users (id INTEGER, name TEXT)"),
        /not an animica-vm state/,
      ],
      [
        "extra",
        (db) => db.exec("CREATE TRIGGER t AFTER INSERT ON kv BEGIN DELETE FROM kv; END"),
        /not an animica-vm state/,
      ],
      ["negative", (db) => db.exec("UPDATE meta SET version = -1"), /version -1 is not supported/],
      [
        "textversion",
        (db) => db.exec("UPDATE meta SET version = 'two'"),
        /version "two" is not supported/,
      ],
      [
        "old",
        (db) => db.exec("UPDATE meta SET version = 1"),
        /version 1 is not supported.*new state file/s,
      ],
      [
        "previous",
        (db) => db.exec("UPDATE meta SET version = 2"),
        /version 2 is not supported.*animica-vm state migrate FILE/s,
      ],
      ["newer", (db) => db.exec("UPDATE meta SET version = 4"), /version 4 is not supported/],
      [
        "tworows",
        (db) => db.exec("INSERT INTO meta VALUES ('animica-vm-state', 3)"),
        /not an animica-vm state/,
      ],
      [
        "bigvalue",
        (db) =>
          db.prepare(
            "UPDATE kv SET value = ? WHERE key IN (SELECT key FROM kv WHERE substr(key, 1, 1) = x'01')",
          ).run(new Uint8Array(2_000_000).fill(7)),
        /above the cap/,
      ],
      ["space", (db) => db.exec("INSERT INTO kv VALUES (x'ffc3bf', x'01')"), /no known key space/],
      ["index", (db) => db.exec("CREATE INDEX v ON kv (value)"), /not an animica-vm state/],
    ];
    const checks = variants.map(async ([name, edit, pattern]) => {
      const path = `${dir}/${name}.sqlite`;
      Deno.copyFileSync(good, path);
      const db = new DatabaseSync(path);
      edit(db);
      db.close();
      await (name === "negative" ? assertRefused(path, pattern) : assertOpenRefused(path, pattern));
    });
    const damaged = `${dir}/damaged.sqlite`;
    const bytes = Deno.readFileSync(good);
    const pageSize = ((bytes[16] ?? 0) << 8) | (bytes[17] ?? 0);
    for (let i = pageSize; i < bytes.length; i++) bytes[i] = 0xa5;
    Deno.writeFileSync(damaged, bytes);
    const foreignFile = `${dir}/text.sqlite`;
    Deno.writeTextFileSync(
      foreignFile,
      "SQLite format 3\0 but not really a database at all........",
    );
    await Promise.all([
      ...checks,
      assertRefused(damaged, /damaged|malformed|not a usable state database/),
      assertRefused(foreignFile, /not a usable state database|damaged/),
    ]);
  });
});

Deno.test("JSON states of another version or over a cap are refused and never written", async () => {
  await inTempDir(async (dir) => {
    const good = `${dir}/good.json`;
    await incOnce(good);
    const snapshot = JSON.parse(Deno.readTextFileSync(good));
    const edits: [
      string,
      (json: { version: unknown; entries: Record<string, string> }) => void,
      RegExp,
    ][] = [
      ["negative", (json) => (json.version = -1), /version -1 is not supported/],
      ["old", (json) => (json.version = 1), /version 1 is not supported.*new state file/s],
      [
        "bigvalue",
        (json) => {
          for (const key of Object.keys(json.entries)) {
            if (key.startsWith("0x01")) json.entries[key] = "0x" + "07".repeat(2_000_000);
          }
        },
        /above the cap/,
      ],
    ];
    await Promise.all(edits.map(([name, edit, pattern]) => {
      const path = `${dir}/${name}.json`;
      const json = structuredClone(snapshot);
      edit(json);
      Deno.writeTextFileSync(path, JSON.stringify(json));
      return name === "bigvalue"
        ? assertRefused(path, pattern, "get")
        : assertOpenRefused(path, pattern);
    }));
  });
});

Deno.test("a JSON state that is a symlink stays one (the target is written) and keeps mode 600", async () => {
  await inTempDir(async (dir) => {
    Deno.mkdirSync(`${dir}/real`);
    const target = `${dir}/real/state.json`;
    await incOnce(target);
    Deno.chmodSync(target, 0o600);
    Deno.symlinkSync("real/state.json", `${dir}/link.json`);
    await incOnce(`${dir}/link.json`);
    assert.ok(Deno.lstatSync(`${dir}/link.json`).isSymlink, "the link is still a link");
    assert.equal((Deno.statSync(target).mode ?? 0) & 0o777, 0o600);
    assert.equal(await counterValue(target), 2);
    Deno.symlinkSync("real/fresh.json", `${dir}/dangling.json`);
    await incOnce(`${dir}/dangling.json`);
    assert.ok(Deno.lstatSync(`${dir}/dangling.json`).isSymlink);
    assert.equal(await counterValue(`${dir}/real/fresh.json`), 1);
  });
});

Deno.test("SQLite open: each storage entry is refused exactly when checkStateEntry refuses it, with its message", async () => {
  await inTempDir(async (dir) => {
    const empty = `${dir}/empty.sqlite`;
    await (await openSqliteState(empty)).close();
    const bytes = (length: number, fill = 7) => new Uint8Array(length).fill(fill);
    const storageKey = (addressLength: number, address: number, key: number) =>
      Uint8Array.of(STORAGE_SPACE, addressLength, ...bytes(address), ...bytes(key));
    const cap = CAPS.storage_key;
    const rows: [Uint8Array | string | number | bigint, Uint8Array | string | number | bigint][] = [
      [storageKey(32, 32, 8), bytes(1)],
      [storageKey(32, 32, 0), bytes(CAPS.storage_value)],
      [storageKey(32, 32, cap), bytes(3)],
      [storageKey(32, 32, cap + 1), bytes(3)],
      [storageKey(255, 255, 1), bytes(3)],
      [storageKey(255, 254, 0), bytes(3)],
      [storageKey(1, 1, cap), bytes(3)],
      [storageKey(0, 0, 4), bytes(3)],
      [storageKey(0, 3, 4), bytes(3)],
      [storageKey(32, 31, 0), bytes(3)],
      [Uint8Array.of(STORAGE_SPACE), bytes(3)],
      [Uint8Array.of(STORAGE_SPACE, 1), bytes(3)],
      [storageKey(32, 32, 8), bytes(0)],
      [storageKey(32, 32, 8), bytes(CAPS.storage_value + 1)],
      [storageKey(32, 32, 8), "text"],
      ["\u0001 text key", bytes(3)],
      [Uint8Array.of(0x02, 1), Uint8Array.of(5)],
      // A chain address (the length SQLite tests first): each bound, each side.
      [storageKey(ADDRESS_LENGTH, ADDRESS_LENGTH, 0), bytes(1)],
      [storageKey(ADDRESS_LENGTH, ADDRESS_LENGTH, cap), bytes(CAPS.storage_value)],
      [storageKey(ADDRESS_LENGTH, ADDRESS_LENGTH, cap + 1), bytes(3)],
      [storageKey(ADDRESS_LENGTH, ADDRESS_LENGTH - 1, 0), bytes(3)],
      [storageKey(ADDRESS_LENGTH, 0, 0), bytes(3)],
      [storageKey(ADDRESS_LENGTH, ADDRESS_LENGTH, 8), bytes(0)],
      [storageKey(ADDRESS_LENGTH, ADDRESS_LENGTH, 8), bytes(CAPS.storage_value + 1)],
      [storageKey(ADDRESS_LENGTH, ADDRESS_LENGTH, 8), "text"],
      [storageKey(ADDRESS_LENGTH, ADDRESS_LENGTH, 8), 7],
      [storageKey(ADDRESS_LENGTH, ADDRESS_LENGTH, 8), 0.5],
      [storageKey(ADDRESS_LENGTH + 1, ADDRESS_LENGTH, 2), bytes(3)],
      [storageKey(ADDRESS_LENGTH - 1, ADDRESS_LENGTH, 2), bytes(3)],
      [`\u0001${String.fromCharCode(ADDRESS_LENGTH)}${"a".repeat(40)}`, bytes(3)],
      [7, bytes(3)],
      // SQLite's substr gives NULL on an empty BLOB: a NULL test is not a pass.
      [bytes(0), bytes(1)],
      // Integers node:sqlite cannot read as numbers (it ends a scan at them, without an error).
      [2n ** 63n - 1n, bytes(1)],
      [storageKey(ADDRESS_LENGTH, ADDRESS_LENGTH, 8), -(2n ** 63n)],
    ];
    await Promise.all(rows.map(async ([key, value], index) => {
      const path = `${dir}/row${index}.sqlite`;
      Deno.copyFileSync(empty, path);
      const db = new DatabaseSync(path);
      db.prepare("INSERT INTO kv VALUES (?, ?)").run(key, value);
      db.close();
      let expected: string | null;
      try {
        if (!(key instanceof Uint8Array) || !(value instanceof Uint8Array)) {
          throw new StateError(`'${path}' holds a state entry that is not a BLOB`);
        }
        checkStateEntry(key, value);
        expected = null;
      } catch (error) {
        expected = error instanceof StateError ? error.message : String(error);
      }
      let actual: string | null = null;
      try {
        await (await openSqliteState(path)).abort();
      } catch (error) {
        actual = error instanceof StateError ? error.message : String(error);
      }
      assert.equal(actual, expected, `row ${index}`);
    }));
    // Of two bad entries, the one of the lower key is named (whatever the order they were added in).
    const two = `${dir}/two.sqlite`;
    Deno.copyFileSync(empty, two);
    const db = new DatabaseSync(two);
    const insert = db.prepare("INSERT INTO kv VALUES (?, ?)");
    insert.run(storageKey(32, 32, 1), bytes(1));
    insert.run(storageKey(32, 32, 9), bytes(0));
    insert.run(storageKey(32, 32, 2), bytes(1));
    insert.run(storageKey(32, 32, 3), bytes(CAPS.storage_value + 1));
    db.close();
    await assert.rejects(openSqliteState(two), /above the cap/);
    // An integer beyond 2^53 does not end the check: a bad entry after it is still found.
    const wide = `${dir}/wide.sqlite`;
    Deno.copyFileSync(empty, wide);
    const widened = new DatabaseSync(wide);
    const insertWide = widened.prepare("INSERT INTO kv VALUES (?, ?)");
    insertWide.run(storageKey(32, 32, 1), bytes(1));
    insertWide.run(storageKey(32, 32, 2), 2n ** 62n);
    insertWide.run(storageKey(32, 32, 3), bytes(0));
    widened.close();
    await assert.rejects(openSqliteState(wide), /not a BLOB/);
  });
});

Deno.test("SQLite migration: an integer beyond 2^53 in a version 2 file is refused, not the end of its entries", async () => {
  await inTempDir(async (dir) => {
    const path = `${dir}/old.sqlite`;
    const db = new DatabaseSync(path);
    db.exec("CREATE TABLE meta (format TEXT NOT NULL, version INTEGER NOT NULL)");
    db.exec("CREATE TABLE kv (key BLOB PRIMARY KEY, value BLOB NOT NULL)");
    db.prepare("INSERT INTO meta VALUES (?, ?)").run("animica-vm-state", 2);
    db.prepare("INSERT INTO kv VALUES (?, ?)").run(2n ** 63n - 1n, Uint8Array.of(1));
    db.prepare("INSERT INTO kv VALUES (?, ?)").run(Uint8Array.of(STORAGE_SPACE, 1, 9, 1), 5);
    db.close();
    const original = await Deno.readFile(path);
    await assert.rejects(
      migrateStateFile(path, (entries) => ({ entries: [...entries] })),
      (error) => error instanceof StateError && /not a BLOB/.test(error.message),
    );
    assert.deepEqual(await Deno.readFile(path), original);
  });
});

Deno.test("SQLite writes: stores, replacements, deletes and repeats apply in order, as on MemoryState", async () => {
  await inTempDir(async (dir) => {
    const random = new SeededRandom(15);
    const key = (n: number) => Uint8Array.of(STORAGE_SPACE, 1, 9, n >> 8, n & 0xff);
    const writes: { key: Uint8Array; value: Uint8Array | null }[] = [];
    for (let i = 0; i < 1500; i++) {
      const n = random.below(40);
      writes.push({
        key: key(n),
        value: random.below(5) === 0 ? null : Uint8Array.of(i & 0xff, 1),
      });
    }
    for (let i = 0; i < 600; i++) {
      writes.push({ key: key(1000 + i), value: Uint8Array.of(i & 0xff) });
    }
    writes.push({ key: key(5), value: Uint8Array.of(1) }, { key: key(5), value: Uint8Array.of(2) });
    const path = `${dir}/writes.sqlite`;
    const expected = new MemoryState();
    for (const slice of [writes.slice(0, 1000), writes.slice(1000)]) {
      const state = await openSqliteState(path);
      state.apply(slice);
      await state.close();
      expected.apply(slice);
    }
    const state = await openSqliteState(path);
    assert.deepEqual(state.listEntries(), expected.listEntries());
    await state.abort();
  });
});

/** Copies the meta and kv rows of the state at `path` into `target` (ATTACH needs --allow-all). */
function copyRows(path: string, target: DatabaseSync): void {
  const source = new DatabaseSync(path, { readOnly: true });
  for (const table of ["meta", "kv"]) {
    const insert = target.prepare(`INSERT INTO ${table} VALUES (?, ?)`);
    for (const row of source.prepare(`SELECT * FROM ${table}`).all()) {
      insert.run(...Object.values(row) as (string | number | Uint8Array)[]);
    }
  }
  source.close();
}

Deno.test("SQLite schema: a new state keeps kv in one B-tree; a state in the rowid form of earlier builds is read and written as before", async () => {
  await inTempDir(async (dir) => {
    const fresh = `${dir}/fresh.sqlite`;
    await incOnce(fresh);
    const db = new DatabaseSync(fresh);
    const tables = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'kv'").all();
    db.close();
    assert.deepEqual(tables.map((row) => row.sql), [
      "CREATE TABLE kv (key BLOB PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID",
    ]);
    // The same entries copied into the rowid form: the counter goes on from them.
    const earlier = `${dir}/earlier.sqlite`;
    const copy = new DatabaseSync(earlier);
    copy.exec("CREATE TABLE meta (format TEXT NOT NULL, version INTEGER NOT NULL)");
    copy.exec("CREATE TABLE kv (key BLOB PRIMARY KEY, value BLOB NOT NULL)");
    copyRows(fresh, copy);
    copy.close();
    assert.equal(await counterValue(earlier), 1);
    await incOnce(earlier);
    assert.equal(await counterValue(earlier), 2);
    const after = new DatabaseSync(earlier);
    const kept = after.prepare("SELECT sql FROM sqlite_master WHERE name = 'kv'").all();
    after.close();
    assert.deepEqual(kept.map((row) => row.sql), [
      "CREATE TABLE kv (key BLOB PRIMARY KEY, value BLOB NOT NULL)",
    ]);
  });
});

/**
 * Options that turn node:sqlite's defensive mode off (its typings do not
 * list the option yet), so a test can rewrite sqlite_master as an
 * attacker's own tools can.
 */
const UNDEFENDED = { readOnly: false, defensive: false };

Deno.test("SQLite integrity: a schema rewritten to lie about kv's B-trees is refused, never written", async () => {
  await inTempDir(async (dir) => {
    const good = `${dir}/good.sqlite`;
    await incOnce(good);
    // The new form, its rows kept under a (key, value) key with one key twice, then declared as
    // keyed by key alone.
    const twice = `${dir}/twice.sqlite`;
    Deno.copyFileSync(good, twice);
    const lying = new DatabaseSync(twice, UNDEFENDED);
    lying.exec("ALTER TABLE kv RENAME TO old");
    lying.exec(
      "CREATE TABLE kv (key BLOB, value BLOB NOT NULL, PRIMARY KEY (key, value)) WITHOUT ROWID",
    );
    lying.exec("INSERT INTO kv SELECT * FROM old");
    lying.exec("DROP TABLE old");
    lying.exec("INSERT INTO kv SELECT key, X'63' FROM kv WHERE substr(key, 1, 1) = X'01' LIMIT 1");
    lying.exec("PRAGMA writable_schema = ON");
    lying.exec(
      "UPDATE sqlite_master SET sql = 'CREATE TABLE kv (key BLOB PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID' WHERE name = 'kv'",
    );
    lying.close();
    // The rowid form, its key index holding an entry of no key space that the table has not.
    const hidden = `${dir}/hidden.sqlite`;
    const rowid = new DatabaseSync(hidden, UNDEFENDED);
    rowid.exec("CREATE TABLE meta (format TEXT NOT NULL, version INTEGER NOT NULL)");
    rowid.exec("CREATE TABLE kv (key BLOB PRIMARY KEY, value BLOB NOT NULL)");
    copyRows(good, rowid);
    rowid.exec("INSERT INTO kv VALUES (X'09DEAD', X'01')");
    rowid.exec("PRAGMA writable_schema = ON");
    rowid.exec(
      "UPDATE sqlite_master SET sql = 'CREATE TABLE kv (key BLOB, value BLOB NOT NULL)' WHERE name = 'kv'",
    );
    rowid.exec(
      "UPDATE sqlite_master SET sql = 'CREATE INDEX sqlite_autoindex_kv_1 ON kv (key) WHERE 0' WHERE name = 'sqlite_autoindex_kv_1'",
    );
    rowid.close();
    const reopened = new DatabaseSync(hidden, UNDEFENDED);
    reopened.exec(
      "UPDATE kv SET key = (SELECT key FROM kv WHERE substr(key, 1, 1) = X'01' LIMIT 1) || X'00' WHERE key = X'09DEAD'",
    );
    reopened.exec("PRAGMA writable_schema = ON");
    reopened.exec(
      "UPDATE sqlite_master SET sql = 'CREATE TABLE kv (key BLOB PRIMARY KEY, value BLOB NOT NULL)' WHERE name = 'kv'",
    );
    reopened.exec("UPDATE sqlite_master SET sql = NULL WHERE name = 'sqlite_autoindex_kv_1'");
    reopened.close();
    for (const path of [twice, hidden]) {
      const original = await Deno.readFile(path);
      await assert.rejects(openSqliteState(path), /damaged SQLite database \(integrity_check/);
      await assertRefused(path, /damaged SQLite database/);
      assert.deepEqual(await Deno.readFile(path), original);
    }
  });
});

Deno.test("state migrate of a file SQLite cannot read is a state error, not an internal one", async () => {
  await inTempDir(async (dir) => {
    const good = `${dir}/good.sqlite`;
    await incOnce(good);
    const garbage = `${dir}/garbage.sqlite`;
    Deno.writeTextFileSync(garbage, "not a database, not even close to one, at all.........");
    const truncated = `${dir}/truncated.sqlite`;
    Deno.writeFileSync(truncated, Deno.readFileSync(good).subarray(0, 3000));
    const huge = `${dir}/huge.sqlite`;
    Deno.copyFileSync(good, huge);
    const db = new DatabaseSync(huge);
    db.exec("UPDATE meta SET version = 9007199254740993");
    db.close();
    for (const path of [garbage, truncated, huge]) {
      const original = await Deno.readFile(path);
      const result = await runCli(["state", "migrate", path]);
      assert.equal(result.code, 2, result.stderr);
      assert.doesNotMatch(result.stderr, /internal error|report this as a bug/);
      assert.match(result.stderr, /state/i);
      assert.deepEqual(await Deno.readFile(path), original);
    }
  });
});
