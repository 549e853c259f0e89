/**
 * The package works outside this repository: a script in a directory with
 * no deno.json imports mod.ts by path and validates, compiles and runs the
 * counter; `deno install -g` of the bundle (what README.md installs) and of
 * cli.ts (what the JSR package exports) each give a working `animica-vm`.
 * All run in a temporary directory, so nothing of this repository's
 * configuration (import map, lock file) can help them.
 */

import assert from "node:assert/strict";
import { buildBundle } from "./support/bundle.ts";

const ROOT = new URL("../", import.meta.url);
const COUNTER = new URL("examples/counter/", ROOT);

async function inOutsideDir(body: (dir: string) => Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "animica-outside-" });
  try {
    for (const name of ["counter.py", "manifest.json"]) {
      await Deno.copyFile(new URL(name, COUNTER), `${dir}/${name}`);
    }
    await body(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

async function run(cwd: string, command: string, args: string[]) {
  const output = await new Deno.Command(command, {
    args,
    cwd,
    stdout: "piped",
    stderr: "piped",
    env: { NO_COLOR: "1" },
  }).output();
  const decoder = new TextDecoder();
  return {
    code: output.code,
    stdout: decoder.decode(output.stdout),
    stderr: decoder.decode(output.stderr),
  };
}

Deno.test("packaging: a script outside the repository imports mod.ts by path and runs the counter", async () => {
  await inOutsideDir(async (dir) => {
    const script = `
import { Chain, compileContract, parseManifest, validate } from "${new URL("mod.ts", ROOT).href}";
const source = Deno.readTextFileSync("counter.py");
const manifest = JSON.parse(Deno.readTextFileSync("manifest.json"));
if (!validate(source, "counter.py").ok) throw new Error("invalid");
const exports = parseManifest(manifest).functions.map((fn) => fn.name);
const compiled = compileContract(source, { file: "counter.py", exports });
if (compiled.codeHash.length !== 32) throw new Error("no code hash");
const counter = new Chain().deploy({ manifest, source });
for (let i = 0; i < 2; i++) {
  const receipt = counter.call("inc");
  if (!receipt.ok) throw new Error("call failed");
  console.log(String(receipt.value), receipt.gasUsed > 0);
}
`;
    await Deno.writeTextFile(`${dir}/use.ts`, script);
    const result = await run(dir, Deno.execPath(), ["run", "--allow-read", "use.ts"]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, "1 true\n2 true\n");
  });
});

/** Installs `entry` as `animica-vm` under `dir`/root (as README.md does) and runs it on the counter. */
async function checkInstalled(dir: string, entry: string): Promise<void> {
  const install = await run(dir, Deno.execPath(), [
    "install",
    "-g",
    "--root",
    `${dir}/root`,
    "-n",
    "animica-vm",
    "--allow-read",
    "--allow-write",
    entry,
  ]);
  assert.equal(install.code, 0, install.stderr);
  const bin = `${dir}/root/bin/animica-vm`;
  const version = await run(dir, bin, ["--version"]);
  assert.equal(version.code, 0, version.stderr);
  assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
  const inc = await run(dir, bin, [
    "run",
    "--manifest",
    "manifest.json",
    "--call",
    "inc",
    "--state",
    "state.json",
  ]);
  assert.equal(inc.code, 0, inc.stderr);
  assert.equal(JSON.parse(inc.stdout).gasUsed, 1258);
  const help = await run(dir, bin, ["run", "--help"]);
  assert.equal(help.code, 0, help.stderr);
}

Deno.test("packaging: deno install -g of cli.ts gives a working animica-vm", async () => {
  await inOutsideDir((dir) => checkInstalled(dir, new URL("cli.ts", ROOT).href));
});

Deno.test("packaging: deno install -g of the bundle, as README.md installs, gives a working animica-vm", async () => {
  await inOutsideDir(async (dir) => {
    const bundle = `${dir}/animica-vm.js`;
    const failure = await buildBundle(bundle);
    if (failure !== null) {
      console.log(`skipped: deno bundle failed: ${failure}`);
      return;
    }
    await checkInstalled(dir, bundle);
  });
});
