/**
 * Loading of the post-quantum schemes (lib/pq_schemes.ts; that only
 * lib/pq_noble.ts imports the library is tests/dependencies_test.ts):
 * `animica-vm run` reaches it only by a dynamic import, taken when the
 * contract may call pq_verify; every script that can make keys or run
 * IR installs it;
 * usesStdlibFunction finds every way a module names a stdlib function; and
 * a process without the schemes runs other contracts but throws (never
 * returns a result, never writes) where a scheme is needed.
 */

import assert from "node:assert/strict";
import { compileContract } from "../ir.ts";
import { usesStdlibFunction } from "../lib/compile/stdlib_uses.ts";
import { runCli } from "./support/cli.ts";
import { ROOT, sourceFiles, staticGraph } from "./support/sources.ts";

Deno.test("pq loading: `run` reaches the schemes only by its dynamic import; the entries install them", () => {
  const run = staticGraph(new URL("cli/run.ts", ROOT));
  assert.ok(
    run.has(new URL("lib/runtime/host/pq_verify.ts", ROOT).href),
    "the walk follows imports",
  );
  assert.ok(!run.has(new URL("lib/pq_noble.ts", ROOT).href));
  assert.ok(![...run].some((specifier) => specifier.includes("@noble/post-quantum")));
  assert.match(
    Deno.readTextFileSync(new URL("cli/run.ts", ROOT)),
    /await import\("..\/lib\/pq_noble.ts"\)/,
  );
  for (const entry of ["mod.ts", "chain.ts", "runtime.ts", "testing.ts"]) {
    assert.ok(staticGraph(new URL(entry, ROOT)).has(new URL("lib/pq_noble.ts", ROOT).href), entry);
  }
});

Deno.test("pq loading: every script that can make keys or run pq_verify installs the schemes", () => {
  const reaches = (graph: Set<string>, path: string) => graph.has(new URL(path, ROOT).href);
  // Test files fail loudly if they need the schemes; cli/ loads them through cli.ts; the child
  // leaves them out on purpose.
  const exempt = new Set(["tests/support/pq_unloaded_child.ts"]);
  const missing: string[] = [];
  for (const folder of ["tools/", "bench/", "tests/support/", "examples/", "testing/"]) {
    for (const { path, url } of sourceFiles(folder, false)) {
      if (exempt.has(path)) continue;
      const graph = staticGraph(url);
      const needs = reaches(graph, "lib/chain/keys.ts") ||
        reaches(graph, "lib/runtime/host/pq_verify.ts");
      if (needs && !reaches(graph, "lib/pq_noble.ts")) missing.push(path);
    }
  }
  assert.deepEqual(missing, []);
});

Deno.test("pq loading: usesStdlibFunction sees every accepted way of calling pq_verify", () => {
  const uses = (source: string) =>
    usesStdlibFunction(compileContract(source).verified.module, "pq_verify.verify");
  const call = "(b'k', b'm', b's')";
  const calling = [
    `from stdlib import pq_verify\n\ndef f() -> bool:\n    return pq_verify.verify${call}\n`,
    `from stdlib import pq_verify as p\n\ndef f() -> bool:\n    return p.verify${call}\n`,
    `from stdlib.pq_verify import verify\n\ndef f() -> bool:\n    return verify${call}\n`,
    `from stdlib.pq_verify import verify as v\n\ndef f() -> bool:\n    return v${call}\n`,
    "from stdlib import pq_verify\n\ndef f() -> bool:\n" +
    "    return pq_verify.verify(b'k', b'm', b's', scheme='ML-DSA-44')\n",
    `from stdlib import pq_verify\n\ndef h() -> bool:\n    return pq_verify.verify${call}\n\n` +
    "def f() -> bool:\n    return h()\n",
    "from stdlib import pq_verify\n\ndef f() -> bool:\n" +
    "    return [pq_verify.verify(b'k', b'm', x) for x in [b's']][0]\n",
  ];
  for (const source of calling) assert.equal(uses(source), true, source);
  const notCalling = [
    "from stdlib import hash, pq_verify\n\ndef f() -> bytes:\n" +
    "    return hash.sha3_256(b'pq_verify.verify')\n",
    "def f() -> int:\n    return 45\n",
  ];
  for (const source of notCalling) assert.equal(uses(source), false, source);
});

Deno.test("pq loading: without the schemes, other calls run and scheme uses throw, writing nothing", async () => {
  const output = await new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--allow-read",
      new URL("support/pq_unloaded_child.ts", import.meta.url).pathname,
    ],
    stdout: "piped",
    stderr: "piped",
  }).output();
  assert.equal(output.code, 0, new TextDecoder().decode(output.stderr));
  const report = JSON.parse(new TextDecoder().decode(output.stdout));
  const unloaded = {
    error: "InternalError",
    message: "the post-quantum schemes are not loaded: import lib/pq_noble.ts (mod.ts does) " +
      "before signing, verifying or running a contract that calls pq_verify",
  };
  assert.deepEqual(report, {
    installed: false,
    plain: { value: "7" },
    check: unloaded,
    key: unloaded,
    stored: { value: "1" },
  });
});

Deno.test("pq loading: `run` loads the schemes for the code at the address, not the manifest's", async () => {
  const dir = await Deno.makeTempDir({ prefix: "animica-pq-" });
  try {
    const manifest = JSON.stringify({
      name: "x",
      version: "1.0.0",
      entry: "c.py",
      abi: { functions: [{ name: "f", inputs: [], outputs: [{ type: "bool" }] }], events: [] },
    });
    const sources = {
      plain: "def f() -> bool:\n    return False\n",
      verifying: "from stdlib import pq_verify\n\ndef f() -> bool:\n" +
        "    return pq_verify.verify(b'k', b'm', b's')\n",
    };
    const states: Record<string, Record<string, string>> = {};
    for (const [name, source] of Object.entries(sources)) {
      await Deno.mkdir(`${dir}/${name}`);
      await Deno.writeTextFile(`${dir}/${name}/manifest.json`, manifest);
      await Deno.writeTextFile(`${dir}/${name}/c.py`, source);
      const state = `${dir}/${name}.json`;
      const deployed = await runCli([
        "run",
        "--manifest",
        `${dir}/${name}/manifest.json`,
        "--state",
        state,
        "--call",
        "f",
      ]);
      assert.equal(deployed.code, 0, deployed.stderr);
      states[name] = JSON.parse(await Deno.readTextFile(state)).entries;
    }
    // The plain contract's record (0x04 || address) names the verifying contract's code and manifest.
    const plain = states.plain ?? {};
    const verifying = states.verifying ?? {};
    const record = (entries: Record<string, string>) =>
      Object.keys(entries).find((key) => key.startsWith("0x04")) ?? "";
    const crafted: Record<string, string> = { ...plain };
    for (const [key, value] of Object.entries(verifying)) {
      if (key.startsWith("0x05") || key.startsWith("0x06")) crafted[key] = value;
    }
    crafted[record(plain)] = verifying[record(verifying)] ?? "";
    const state = `${dir}/crafted.json`;
    await Deno.writeTextFile(
      state,
      JSON.stringify({ format: "animica-vm-state", version: 3, entries: crafted }),
    );
    const run = await runCli([
      "run",
      "--manifest",
      `${dir}/plain/manifest.json`,
      "--state",
      state,
      "--call",
      "f",
    ]);
    assert.equal(run.code, 0, run.stderr);
    // pq_verify ran (its 20000 base is in the gas) on the schemes loaded for it.
    assert.ok(JSON.parse(run.stdout).gasUsed > 20000, run.stdout);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
