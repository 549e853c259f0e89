/**
 * Scaffolding through the CLI: `init NAME` writes a project whose manifest
 * validates and whose test passes under plain `deno test` (no flags, no
 * config beyond its own deno.json); `manifest FILE.py` derives the ABI of
 * the examples from their annotations (equal to their hand-written
 * manifests but for `address`, which Python annotates as bytes) and says
 * where it cannot derive.
 */

import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "./support/cli.ts";

async function inTempDir(body: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), "animica-init-"));
  try {
    await body(dir);
  } finally {
    await rm(dir, { recursive: true });
  }
}

interface AbiJson {
  functions: {
    name: string;
    inputs: { name: string; type: string }[];
    outputs: { type: string }[];
  }[];
  events?: { name: string; inputs: { name: string; type: string }[] }[];
}

/** The ABI with functions and events sorted by name (the order of the defs is the source's). */
function sorted(abi: AbiJson): unknown {
  const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : 1);
  return {
    functions: abi.functions.map((f) => ({
      name: f.name,
      inputs: f.inputs,
      outputs: f.outputs.map((o) => o.type),
    })).sort(byName),
    events: [...(abi.events ?? [])].sort(byName),
  };
}

Deno.test("init: the project validates and its test passes under plain deno test", async () => {
  await inTempDir(async (dir) => {
    const project = join(dir, "demo");
    const created = await runCli(["init", project]);
    assert.equal(created.code, 0, created.stderr);
    const files = [...Deno.readDirSync(project)].map((entry) => entry.name).sort();
    assert.deepEqual(files, ["README.md", "demo.py", "demo_test.ts", "deno.json", "manifest.json"]);
    const valid = await runCli(["validate", "--manifest", join(project, "manifest.json")]);
    assert.equal(valid.code, 0, valid.stdout + valid.stderr);
    assert.doesNotMatch(valid.stdout, /warning/);
    const test = await new Deno.Command(Deno.execPath(), {
      args: ["test"],
      cwd: project,
      stdout: "piped",
      stderr: "piped",
      env: { NO_COLOR: "1" },
    }).output();
    const output = new TextDecoder().decode(test.stdout) + new TextDecoder().decode(test.stderr);
    assert.equal(test.code, 0, output);
    assert.match(output, /ok \| 3 passed \| 0 failed/);
    const derived = await runCli(["manifest", join(project, "demo.py")]);
    assert.equal(derived.code, 0, derived.stderr);
    const written = JSON.parse(await Deno.readTextFile(join(project, "manifest.json")));
    assert.deepEqual(sorted(JSON.parse(derived.stdout).abi), sorted(written.abi));
  });
});

Deno.test("init: refuses an existing directory and a name manifests cannot carry", async () => {
  await inTempDir(async (dir) => {
    const again = await runCli(["init", dir]);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /not a contract name|already exists/);
    await Deno.mkdir(join(dir, "taken"));
    const taken = await runCli(["init", join(dir, "taken")]);
    assert.equal(taken.code, 2);
    assert.match(taken.stderr, /cannot create .*: already exists/);
    const bad = await runCli(["init", join(dir, "Bad Name")]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /'Bad Name' is not a contract name/);
  });
});

Deno.test("manifest FILE.py: the examples' ABIs from their annotations", async () => {
  for (const name of ["counter", "lottery", "token"]) {
    const result = await runCli(["manifest", `examples/${name}/${name}.py`]);
    assert.equal(result.code, 0, `${name}: ${result.stderr}`);
    const derived = JSON.parse(result.stdout);
    assert.equal(derived.entry, `${name}.py`);
    const manifest = JSON.parse(await Deno.readTextFile(`examples/${name}/manifest.json`));
    // Python annotates an address parameter as bytes; the manifests say address.
    const expected = JSON.parse(JSON.stringify(manifest.abi).replaceAll('"address"', '"bytes"'));
    assert.deepEqual(sorted(derived.abi), sorted(expected), name);
  }
  const escrow = await runCli(["manifest", "examples/escrow/escrow.py"]);
  assert.equal(escrow.code, 1);
  assert.equal(escrow.stdout, "");
  assert.match(
    escrow.stderr,
    /escrow\.py:40:5: events\.emit with a name or arguments that are not literal/,
  );
});

Deno.test("manifest FILE.py: each thing it cannot derive, with its line and column", async () => {
  await inTempDir(async (dir) => {
    const file = join(dir, "c.py");
    await Deno.writeTextFile(
      file,
      [
        "from stdlib import events, syscalls",
        "",
        "def f(x, y: dict[str, int]) -> int:",
        "    return 1",
        "",
        "def g(n: int):",
        "    z = n % 2",
        "    events.emit(b'E', {'a': z, 'b': [n]})",
        "",
        "def h(data: bytes) -> tuple[bytes, list[int]]:",
        "    return (syscalls.blob_pin(1, data), [])",
        "",
      ].join("\n"),
    );
    const result = await runCli(["manifest", file]);
    assert.equal(result.code, 1);
    const lines = result.stderr.trim().split("\n").map((line) => line.slice(file.length + 1));
    assert.deepEqual(lines, [
      "3:7: parameter 'x' of f needs an ABI type annotation (int, bool, bytes, str, list[T], tuple[T, ...])",
      "3:10: parameter 'y' of f needs an ABI type annotation (int, bool, bytes, str, list[T], tuple[T, ...])",
      "6:1: g needs a return annotation the ABI can carry (-> None, -> int, ...)",
      "8:37: cannot tell the type of argument 'b' of event E: pass a parameter or a name assigned from a literal or annotated (x: int = ...)",
    ]);
    await Deno.writeTextFile(
      file,
      "from stdlib import syscalls\n\ndef h(data: bytes) -> tuple[bytes, list[int]]:\n    return (syscalls.blob_pin(1, data), [])\n",
    );
    const out = join(dir, "manifest.json");
    const ok = await runCli(["manifest", file, "--name", "pins", "--out", out]);
    assert.equal(ok.code, 0, ok.stderr);
    const written = JSON.parse(await Deno.readTextFile(out));
    assert.equal(written.name, "pins");
    assert.equal(written.entry, "c.py");
    assert.deepEqual(written.caps, ["blob_pin"]);
    assert.deepEqual(written.abi.functions[0].outputs, [{ type: "tuple(bytes,list<int>)" }]);
    const check = await runCli(["validate", "--manifest", out]);
    assert.equal(check.code, 0, check.stdout + check.stderr);
  });
});
