/**
 * The single-file CLI (`deno task bundle`: dist/animica-vm.js, the fast
 * start-up entry of spec/RUNTIME.md §8) behaves as cli.ts: same version,
 * same receipts for a sequence of calls on the counter, same exit code and
 * message for bad usage. Built into a temporary folder; skipped, with the
 * reason printed, when `deno bundle` cannot run (it needs esbuild, which
 * Deno downloads on first use).
 */

import assert from "node:assert/strict";
import { join } from "node:path";
import { buildBundle } from "./support/bundle.ts";

const ROOT = new URL("../", import.meta.url);
const CLI = new URL("cli.ts", ROOT).pathname;
const MANIFEST = new URL("examples/counter/manifest.json", ROOT).pathname;

async function cli(entry: string, cwd: string, args: readonly string[]) {
  const output = await new Deno.Command(Deno.execPath(), {
    args: ["run", "--allow-read", "--allow-write", entry, ...args],
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

Deno.test("bundle: dist/animica-vm.js answers as cli.ts does", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const bundle = join(dir, "animica-vm.js");
    const failure = await buildBundle(bundle);
    if (failure !== null) {
      console.log(`skipped: deno bundle failed: ${failure}`);
      return;
    }
    const sessions: string[][] = [];
    for (const [entry, name] of [[CLI, "source"], [bundle, "bundle"]] as const) {
      const cwd = join(dir, name);
      await Deno.mkdir(cwd);
      const outputs: string[] = [];
      for (
        const call of [
          ["--version"],
          ["run", "--manifest", MANIFEST, "--call", "inc", "--state", "s.json"],
          ["run", "--manifest", MANIFEST, "--call", "set", "--args", "[7]", "--state", "s.json"],
          ["run", "--manifest", MANIFEST, "--call", "get", "--state", "s.json"],
          ["run", "--manifest", MANIFEST, "--call", "nope", "--state", "s.json"],
          ["run", "--bogus"],
        ]
      ) {
        const result = await cli(entry, cwd, call);
        outputs.push(`${result.code}\n${result.stdout}\n${result.stderr}`);
      }
      sessions.push(outputs);
    }
    assert.deepEqual(sessions[1], sessions[0]);
    assert.match(sessions[0]?.[3] ?? "", /"return": 7/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
