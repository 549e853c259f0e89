/**
 * `deno doc --lint` finds no problem on the package's export paths: every
 * entry file named in deno.json `exports`, documented together as the
 * package's public API, and each export path on its own, mod.ts included
 * (every type its API refers to is exported from it too). Skipped, with
 * the reason printed, when `deno doc` cannot run.
 */

import assert from "node:assert/strict";

const ROOT = new URL("../", import.meta.url);

/** The entry files of deno.json `exports`, relative to the repository root. */
/** The problems `deno doc --lint` reports in `output`. */
function problems(output: string): string[] {
  return output.split("\n").filter((line) => line.startsWith("error["));
}

async function exportedFiles(): Promise<string[]> {
  const config: unknown = JSON.parse(await Deno.readTextFile(new URL("deno.json", ROOT)));
  if (typeof config !== "object" || config === null || !("exports" in config)) {
    throw new Error("deno.json has no exports");
  }
  const exports = config.exports;
  if (typeof exports !== "object" || exports === null) throw new Error("exports is not a map");
  return Object.values(exports).map(String);
}

async function docLint(files: string[]): Promise<{ code: number; output: string }> {
  const result = await new Deno.Command(Deno.execPath(), {
    args: ["doc", "--lint", ...files],
    cwd: ROOT,
    stdout: "piped",
    stderr: "piped",
    env: { NO_COLOR: "1" },
  }).output();
  const decoder = new TextDecoder();
  return {
    code: result.code,
    output: decoder.decode(result.stdout) + decoder.decode(result.stderr),
  };
}

/** Why `deno doc` cannot run here, or null when it can. */
async function unavailable(): Promise<string | null> {
  try {
    const probe = await new Deno.Command(Deno.execPath(), {
      args: ["doc", "--help"],
      stdout: "null",
      stderr: "null",
    }).output();
    return probe.success ? null : `'${Deno.execPath()} doc --help' exited with ${probe.code}`;
  } catch (error) {
    return `cannot run '${Deno.execPath()} doc': ${error instanceof Error ? error.message : error}`;
  }
}

Deno.test("doc lint: all export paths together have 0 problems", async () => {
  const reason = await unavailable();
  if (reason !== null) {
    console.log(`skipped: ${reason}`);
    return;
  }
  const files = await exportedFiles();
  assert.ok(files.length > 1, "deno.json lists the export paths");
  const { code, output } = await docLint(files);
  assert.equal(code, 0, output);
  assert.deepEqual(problems(output), [], output);
});

Deno.test("doc lint: each export path on its own has 0 problems", async (t) => {
  const reason = await unavailable();
  if (reason !== null) {
    console.log(`skipped: ${reason}`);
    return;
  }
  const files = await exportedFiles();
  assert.ok(files.includes("./mod.ts"), "deno.json exports mod.ts");
  for (const file of files) {
    await t.step(file, async () => {
      const { code, output } = await docLint([file]);
      assert.deepEqual(problems(output), [], output);
      assert.equal(code, 0, output);
    });
  }
});
