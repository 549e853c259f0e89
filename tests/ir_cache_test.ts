/**
 * The CLI's compiled-IR cache (cli/ir_cache.ts, spec/RUNTIME.md §8): the
 * first lookup compiles and stores, the second is served from the entry;
 * corrupt, truncated, misplaced, oversized or unverifiable entries are
 * ignored and rewritten; calls give identical receipts with and without the
 * cache; concurrent processes on an empty cache all succeed and leave one
 * valid entry and no temporary files.
 */

import assert from "node:assert/strict";
import { join } from "node:path";
import { Chain, type ContractCode, parseManifest } from "../mod.ts";
import { codeHash, compileContract } from "../ir.ts";
import { compiledFor } from "../chain.ts";
import { withIrCache } from "../cli/ir_cache.ts";

const ROOT = new URL("../", import.meta.url);
const CLI = new URL("cli.ts", ROOT).pathname;
const COUNTER = new URL("examples/counter/", ROOT);
const MANIFEST_TEXT = Deno.readTextFileSync(new URL("manifest.json", COUNTER));
const SOURCE = Deno.readFileSync(new URL("counter.py", COUNTER));
const MANIFEST = parseManifest(JSON.parse(MANIFEST_TEXT));
const CODE: ContractCode = { manifest: MANIFEST_TEXT, source: SOURCE };

async function inTempDir(body: (dir: string) => void | Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir();
  try {
    await body(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

/** The one entry file in the cache folder. */
function entryPath(dir: string): string {
  const names = [...Deno.readDirSync(dir)].map((entry) => entry.name);
  assert.equal(names.length, 1, names.join(", "));
  assert.match(names[0] ?? "", /^[0-9a-f]{64}\.ir$/);
  return join(dir, names[0] ?? "");
}

const fresh = compileContract(SOURCE, {
  file: MANIFEST.entry,
  exports: MANIFEST.functions.map((fn) => fn.name),
});

Deno.test("ir cache: the first lookup compiles and stores, the second is served from the entry", async () => {
  await inTempDir(async (dir) => {
    const cache = join(dir, "cache");
    const first = await withIrCache(CODE, MANIFEST, cache);
    assert.equal(first.outcome, "miss");
    const stored = Deno.readFileSync(entryPath(cache));
    const second = await withIrCache(CODE, MANIFEST, cache);
    assert.equal(second.outcome, "hit");
    assert.deepEqual(Deno.readFileSync(entryPath(cache)), stored);
    for (const { code } of [first, second]) {
      assert.deepEqual(compiledFor(code)?.bytes, fresh.bytes);
      assert.deepEqual(compiledFor(code)?.codeHash, fresh.codeHash);
    }
    const edited = { ...CODE, source: new TextDecoder().decode(SOURCE) + "\n" };
    assert.equal((await withIrCache(edited, MANIFEST, cache)).outcome, "miss");
    const renamed = { ...MANIFEST, entry: "other.py" };
    assert.equal((await withIrCache(CODE, renamed, cache)).outcome, "miss");
  });
});

Deno.test("ir cache: a damaged or foreign entry is ignored and rewritten", async () => {
  await inTempDir(async (dir) => {
    const cache = join(dir, "cache");
    await withIrCache(CODE, MANIFEST, cache);
    const path = entryPath(cache);
    const good = Deno.readFileSync(path);
    const header = good.length - fresh.bytes.length;
    const garbage = new Uint8Array(400).map((_, i) => (i * 37 + 11) & 0xff);
    const unverifiable = new Uint8Array([...good.subarray(0, header - 32), ...codeHash(garbage)]);
    const damaged: [string, Uint8Array][] = [
      ["empty", new Uint8Array()],
      ["truncated", good.subarray(0, good.length - 5)],
      ["header only", good.subarray(0, header)],
      ["flipped IR byte", good.map((byte, i) => (i === good.length - 3 ? byte ^ 1 : byte))],
      ["flipped key byte", good.map((byte, i) => (i === 25 ? byte ^ 1 : byte))],
      ["other magic", good.map((byte, i) => (i === 0 ? 0x41 : byte))],
      ["hash-consistent garbage IR", new Uint8Array([...unverifiable, ...garbage])],
      ["text", new TextEncoder().encode("not an entry\n")],
    ];
    for (const [what, bytes] of damaged) {
      Deno.writeFileSync(path, bytes);
      const result = await withIrCache(CODE, MANIFEST, cache);
      assert.equal(result.outcome, "miss", what);
      assert.deepEqual(compiledFor(result.code)?.bytes, fresh.bytes, what);
      assert.deepEqual(Deno.readFileSync(path), good, `${what}: rewritten`);
      assert.equal((await withIrCache(CODE, MANIFEST, cache)).outcome, "hit", what);
    }
    const file = Deno.openSync(path, { write: true });
    file.truncateSync(64 * 1024 * 1024);
    file.close();
    assert.equal((await withIrCache(CODE, MANIFEST, cache)).outcome, "miss", "oversized");
    assert.deepEqual(Deno.readFileSync(path), good);
    Deno.removeSync(path);
    Deno.mkdirSync(path);
    const blocked = await withIrCache(CODE, MANIFEST, cache);
    assert.equal(blocked.outcome, "miss", "a folder where the entry goes");
    assert.deepEqual(compiledFor(blocked.code)?.bytes, fresh.bytes);
  });
});

Deno.test("ir cache: source that does not compile is passed on unchanged and nothing is stored", async () => {
  await inTempDir(async (dir) => {
    const cache = join(dir, "cache");
    const broken = { ...CODE, source: "def get(:\n" };
    const result = await withIrCache(broken, MANIFEST, cache);
    assert.equal(result.outcome, "miss");
    assert.equal(compiledFor(result.code), undefined);
    assert.equal(result.code, broken);
    assert.throws(() => Deno.statSync(cache), Deno.errors.NotFound);
  });
});

Deno.test("ir cache: calls give identical receipts with the cached compilation and without", async () => {
  await inTempDir(async (dir) => {
    const cache = join(dir, "cache");
    await withIrCache(CODE, MANIFEST, cache);
    const cached = await withIrCache(CODE, MANIFEST, cache);
    assert.equal(cached.outcome, "hit");
    const receipts = [CODE, cached.code].map((code) => {
      const chain = new Chain();
      const contract = chain.deploy(code);
      return [
        contract.call("inc", []),
        contract.call("set", [41n]),
        contract.call("inc", []),
        contract.call("get", []),
      ].map((receipt) => JSON.stringify(receipt.json()));
    });
    assert.deepEqual(receipts[1], receipts[0]);
  });
});

async function cli(cwd: string, args: readonly string[]): Promise<Deno.CommandOutput> {
  return await new Deno.Command(Deno.execPath(), {
    args: ["run", "--allow-read", "--allow-write", CLI, ...args],
    cwd,
    stdout: "piped",
    stderr: "piped",
    env: { NO_COLOR: "1" },
  }).output();
}

Deno.test("ir cache: through the CLI, concurrent first runs all succeed and share one entry; output matches", async () => {
  await inTempDir(async (dir) => {
    const manifest = new URL("manifest.json", COUNTER).pathname;
    const runs = await Promise.all(
      [0, 1, 2, 3].map((i) =>
        cli(dir, ["run", "--manifest", manifest, "--call", "get", "--state", `s${i}.json`])
      ),
    );
    const decoder = new TextDecoder();
    for (const run of runs) assert.equal(run.code, 0, decoder.decode(run.stderr));
    const outputs = new Set(runs.map((run) => decoder.decode(run.stdout)));
    assert.equal(outputs.size, 1);
    const cache = join(dir, ".animica", "cache");
    const path = entryPath(cache);
    const before = Deno.readFileSync(path);
    const again = await cli(dir, [
      "run",
      "--manifest",
      manifest,
      "--call",
      "get",
      "--state",
      "s0.json",
    ]);
    assert.equal(again.code, 0);
    assert.equal(decoder.decode(again.stdout), [...outputs][0]);
    assert.deepEqual(Deno.readFileSync(path), before);
    assert.equal((await withIrCache(CODE, MANIFEST, cache)).outcome, "hit");
  });
});
