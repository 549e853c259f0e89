/**
 * The validator and compiler load only when something compiles
 * (spec/RUNTIME.md §8, lib/compile/compiler_slot.ts): `run` reaches them
 * only through the IR cache's dynamic import, every script that can
 * deploy source loads them, and deploying source without them is an
 * InternalError that leaves the state untouched.
 */

import assert from "node:assert/strict";
import { ROOT, sourceFiles, staticGraph } from "./support/sources.ts";

const href = (path: string) => new URL(path, ROOT).href;

Deno.test("compiler loading: `run` loads the validator and compiler only through the IR cache's import", () => {
  const run = staticGraph(new URL("cli/run.ts", ROOT), true);
  assert.ok(run.has(href("lib/compile/load_module.ts")), "the walk follows imports");
  assert.ok(run.has(href("lib/chain/code.ts")));
  for (const heavy of ["lib/compile/compile.ts", "lib/validate/validate.ts", "lib/api.ts"]) {
    assert.ok(!run.has(href(heavy)), heavy);
  }
  assert.match(
    Deno.readTextFileSync(new URL("cli/ir_cache.ts", ROOT)),
    /import\("..\/lib\/compile\/compile.ts"\)/,
  );
  assert.match(
    Deno.readTextFileSync(new URL("cli.ts", ROOT)),
    /await import\(".\/lib\/compile\/compile.ts"\)/,
  );
});

Deno.test("compiler loading: every entry and script that can deploy source loads the compiler", () => {
  // cli/ loads it through cli.ts (every command but run) and the IR cache (run); the child leaves
  // it out on purpose.
  const exempt = new Set(["tests/support/compiler_unloaded_child.ts"]);
  const scripts = ["mod.ts", "chain.ts", "runtime.ts", "testing.ts", "sqlite.ts", "ir.ts"]
    .map((path) => ({ path, url: new URL(path, ROOT) }));
  for (const folder of ["tools/", "bench/", "tests/", "examples/", "testing/"]) {
    scripts.push(...sourceFiles(folder, true));
  }
  // The unit tests beside the code, which import lib/ and cli/ directly.
  for (const folder of ["lib/", "cli/"]) {
    scripts.push(...sourceFiles(folder, true).filter(({ path }) => path.endsWith("_test.ts")));
  }
  const missing: string[] = [];
  let deploying = 0;
  for (const { path, url } of scripts) {
    if (exempt.has(path)) continue;
    const graph = staticGraph(url, true);
    if (!graph.has(href("lib/chain/code.ts"))) continue;
    deploying++;
    if (!graph.has(href("lib/compile/compile.ts"))) missing.push(path);
  }
  assert.ok(deploying > 20, `only ${deploying} scripts reach the chain's code loading`);
  assert.deepEqual(missing, []);
});

Deno.test("compiler loading: `run` compiles when its IR cache cannot be used (read only the project)", async () => {
  const dir = await Deno.makeTempDir();
  try {
    for (const file of ["manifest.json", "counter.py"]) {
      await Deno.copyFile(new URL(`examples/counter/${file}`, ROOT), `${dir}/${file}`);
    }
    // The compiler's sources are out of reach, so the cache is off: the compiler is loaded anyway.
    const output = await new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        "--allow-read=.",
        "--allow-write=.",
        new URL("cli.ts", ROOT).pathname,
        "run",
        "--manifest",
        "manifest.json",
        "--call",
        "inc",
      ],
      cwd: dir,
      stdout: "piped",
      stderr: "piped",
    }).output();
    assert.equal(output.code, 0, new TextDecoder().decode(output.stderr));
    assert.equal(JSON.parse(new TextDecoder().decode(output.stdout)).ok, true);
    await assert.rejects(Deno.stat(`${dir}/.animica/cache`), Deno.errors.NotFound);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("compiler loading: deploying source without the compiler throws, as a call or a transaction, and stores nothing", async () => {
  const output = await new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--allow-read",
      new URL("support/compiler_unloaded_child.ts", import.meta.url).pathname,
    ],
    stdout: "piped",
    stderr: "piped",
  }).output();
  assert.equal(output.code, 0, new TextDecoder().decode(output.stderr));
  const unloaded = {
    error: "InternalError",
    message:
      "the compiler is not loaded: import lib/compile/compile.ts before deploying contract source",
  };
  assert.deepEqual(JSON.parse(new TextDecoder().decode(output.stdout)), {
    deployed: unloaded,
    entries: 0,
    transaction: unloaded,
    unchanged: true,
  });
});
