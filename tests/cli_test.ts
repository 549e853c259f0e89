/**
 * The CLI contract of `validate`, exercised in a real subprocess: output
 * format, --json shape and exit codes 0/1/2.
 */

import assert from "node:assert/strict";
import { runCli } from "./support/cli.ts";

async function withTempFile(text: string, body: (path: string) => Promise<void>): Promise<void> {
  const path = await Deno.makeTempFile({ suffix: ".py" });
  try {
    await Deno.writeTextFile(path, text);
    await body(path);
  } finally {
    await Deno.remove(path);
  }
}

Deno.test("cli validate: a clean contract exits 0", async () => {
  const result = await runCli(["validate", "examples/counter/counter.py"]);
  assert.equal(result.code, 0, result.stderr);
  assert.equal(result.stdout.trim(), "examples/counter/counter.py: ok");
});

Deno.test("cli validate: diagnostics print file:line:col, the line, a caret and a hint; exit 1", async () => {
  await withTempFile("def f(a, b):\n    return a / b\n", async (path) => {
    const result = await runCli(["validate", path]);
    assert.equal(result.code, 1);
    const lines = result.stdout.split("\n");
    assert.equal(lines[0], `${path}:2:14: no-true-division: true division \`/\` is not supported`);
    assert.equal(lines[1], "        return a / b");
    assert.equal(lines[2], "                 ^");
    assert.match(lines[3] ?? "", /^ {4}hint: use floor division/);
    assert.match(result.stdout, /1 problem in 1 file/);
  });
});

Deno.test("cli validate --json: one object with every diagnostic", async () => {
  await withTempFile("import os\nX = 1.5\n", async (path) => {
    const result = await runCli(["validate", "--json", path, "examples/counter/counter.py"]);
    assert.equal(result.code, 1);
    const parsed = JSON.parse(result.stdout);
    assert.equal(parsed.files.length, 2);
    assert.equal(parsed.files[0].ok, false);
    assert.deepEqual(
      parsed.files[0].diagnostics.map((d: { rule: string; line: number; column: number }) =>
        `${d.rule}@${d.line}:${d.column}`
      ),
      ["import-not-allowed@1:1", "no-float@2:5"],
    );
    assert.deepEqual(parsed.files[1], {
      file: "examples/counter/counter.py",
      ok: true,
      diagnostics: [],
    });
  });
});

Deno.test("cli: bad usage and unreadable input exit 2 with a message on stderr and nothing on stdout", async () => {
  for (
    const [args, pattern] of [
      [["validate", "does/not/exist.py"], /cannot read 'does\/not\/exist.py': no such file/],
      [["validate"], /validate needs a FILE or --manifest/],
      [["validate", "--frobnicate", "x.py"], /Unknown option '--frobnicate'/],
      [["launch"], /unknown command 'launch'/],
      [["validate", "examples"], /cannot read 'examples': is a directory/],
    ] as const
  ) {
    const result = await runCli([...args]);
    assert.equal(result.code, 2, args.join(" "));
    assert.equal(result.stdout, "", args.join(" "));
    assert.match(result.stderr, pattern);
    assert.doesNotMatch(result.stderr, /\bat .*\.ts:\d+/, "no stack trace");
  }
});

Deno.test("cli help and version", async () => {
  const help = await runCli(["help"]);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /validate \[--json\] FILE/);
  const version = await runCli(["version"]);
  assert.equal(version.code, 0);
  assert.match(version.stdout.trim(), /^\d+\.\d+\.\d+$/);
});
