/**
 * CLI conventions users expect from well-kept tools: `--help`/`-h` on every
 * command and subcommand, `help COMMAND`, `--version`, "did you mean" for
 * unknown flags, usage errors that point to the command's help, and file
 * problems described as such (never as an internal error, never with a
 * pointer to the help). Also: `deno task vm` resolves paths from where the
 * user stands (INIT_CWD).
 */

import assert from "node:assert/strict";
import { runCli } from "./support/cli.ts";

const COMMANDS = [
  ["validate"],
  ["compile"],
  ["inspect"],
  ["estimate"],
  ["deploy"],
  ["run"],
  ["profile"],
  ["state"],
  ["state", "show"],
  ["state", "fund"],
  ["state", "migrate"],
  ["abi"],
  ["abi", "selectors"],
  ["abi", "encode"],
  ["abi", "decode"],
  ["manifest"],
  ["manifest", "convert"],
  ["init"],
  ["key"],
  ["key", "new"],
  ["key", "address"],
  ["tx"],
  ["tx", "build"],
  ["tx", "sign"],
  ["tx", "decode"],
];
const COUNTER = "examples/counter/manifest.json";

Deno.test("cli: --help, -h and help COMMAND print the command's usage, flags and an example; exit 0", async () => {
  for (const command of COMMANDS) {
    const name = command.join(" ");
    const spellings = name === "run" || name === "abi encode"
      ? [[...command, "--help"], [...command, "-h"], ["help", ...command]]
      : [[...command, "--help"]];
    for (const args of spellings) {
      const result = await runCli(args);
      assert.equal(result.code, 0, `${args.join(" ")}: ${result.stderr}`);
      assert.equal(result.stderr, "", args.join(" "));
      assert.match(result.stdout, new RegExp(`^Usage:\\n  animica-vm ${name} `, "m"), name);
      assert.match(result.stdout, /^Options:\n/m, name);
      assert.match(result.stdout, /--help +show this help/, name);
      assert.match(result.stdout, /^Examples:\n {2}animica-vm /m, name);
    }
  }
  const flagAfterArgs = await runCli(["run", "--manifest", COUNTER, "--call", "inc", "--help"]);
  assert.equal(flagAfterArgs.code, 0);
  assert.match(flagAfterArgs.stdout, /animica-vm run --manifest M --call F/);
});

Deno.test("cli: --help, help and --version at the top level exit 0", async () => {
  for (const args of [["--help"], ["-h"], ["help"]]) {
    const result = await runCli(args);
    assert.equal(result.code, 0, args.join(" "));
    for (const command of COMMANDS) assert.match(result.stdout, new RegExp(command.join(" ")));
  }
  const version = await runCli(["--version"]);
  assert.equal(version.code, 0);
  assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
});

Deno.test("cli: unknown flags and commands suggest the closest name and point to the help; exit 2", async () => {
  const cases: [string[], RegExp][] = [
    [
      ["validate", "--jsno", "x.py"],
      /'--jsno'.*did you mean '--json'\?\nRun 'animica-vm validate --help'/,
    ],
    [["run", "--manifset", COUNTER], /did you mean '--manifest'\?\nRun 'animica-vm run --help'/],
    [
      ["abi", "encode", "--arg", "[]"],
      /did you mean '--args'\?\nRun 'animica-vm abi encode --help'/,
    ],
    [["abi", "encod"], /did you mean 'encode'\?\nRun 'animica-vm abi --help'/],
    [["valdate", "x.py"], /unknown command 'valdate'; did you mean 'validate'\?/],
    [["help", "rn"], /no command 'rn'; did you mean 'run'\?/],
    [["run", "--manifest", COUNTER], /--call is required\nRun 'animica-vm run --help' for usage/],
    [["run", "--manifest", COUNTER, "--call", "get", "--gas-limit"], /--gas-limit needs a value/],
  ];
  for (const [args, pattern] of cases) {
    const result = await runCli(args);
    assert.equal(result.code, 2, args.join(" "));
    assert.equal(result.stdout, "", args.join(" "));
    assert.match(result.stderr, pattern, args.join(" "));
    assert.doesNotMatch(result.stderr, /To specify a positional argument/, args.join(" "));
  }
});

Deno.test("cli: file problems are described as such, without a pointer to the help", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await Deno.writeTextFile(`${dir}/plain`, "");
    const cases: [string[], RegExp][] = [
      [["validate", `${dir}/missing.py`], /cannot read '.*missing.py': no such file/],
      [["run", "--manifest", `${dir}/missing.json`, "--call", "inc"], /no such file/],
      [["compile", "examples/counter/counter.py", "--out", `${dir}/plain/x.ir`], /cannot write/],
      [
        ["run", "--manifest", COUNTER, "--call", "inc", "--state", `${dir}/plain/s.sqlite`],
        /state '.*plain\/s.sqlite'/,
      ],
    ];
    for (const [args, pattern] of cases) {
      const result = await runCli(args);
      assert.equal(result.code, 2, args.join(" "));
      assert.match(result.stderr, pattern, args.join(" "));
      assert.doesNotMatch(result.stderr, /for usage|internal error|report this/, args.join(" "));
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

/** Whether this process may write a read-only file anyway (root). */
async function writesReadOnlyFiles(dir: string): Promise<boolean> {
  const probe = `${dir}/probe`;
  await Deno.writeTextFile(probe, "");
  await Deno.chmod(probe, 0o444);
  try {
    await Deno.writeTextFile(probe, "x");
    return true;
  } catch {
    return false;
  } finally {
    await Deno.remove(probe);
  }
}

Deno.test({
  name: "cli: a read-only state file is reported as read-only, not as an internal error",
  async fn() {
    const dir = await Deno.makeTempDir();
    try {
      if (await writesReadOnlyFiles(dir)) {
        console.log("skipped: this process (root) writes read-only files anyway");
        return;
      }
      for (const name of ["s.sqlite", "s.json"]) {
        const state = `${dir}/${name}`;
        const first = await runCli([
          "run",
          "--manifest",
          COUNTER,
          "--call",
          "inc",
          "--state",
          state,
        ]);
        assert.equal(first.code, 0, first.stderr);
        await Deno.chmod(state, 0o444);
        await Deno.chmod(dir, 0o555);
        const result = await runCli([
          "run",
          "--manifest",
          COUNTER,
          "--call",
          "inc",
          "--state",
          state,
        ]);
        await Deno.chmod(dir, 0o755);
        assert.equal(result.code, 2, name);
        assert.equal(result.stdout, "", name);
        assert.match(result.stderr, /read-only|permission denied/, name);
        assert.doesNotMatch(result.stderr, /internal error|for usage/, name);
      }
    } finally {
      await Deno.chmod(dir, 0o755);
      await Deno.remove(dir, { recursive: true });
    }
  },
});

Deno.test("cli: deno task vm resolves relative paths from the directory the user is in", async () => {
  // A fresh environment, so that deno task sets INIT_CWD itself (an outer
  // `deno task test` would otherwise pass its own down).
  const env: Record<string, string> = { NO_COLOR: "1" };
  for (const name of ["PATH", "HOME", "DENO_DIR", "XDG_CACHE_HOME"]) {
    const value = Deno.env.get(name);
    if (value !== undefined) env[name] = value;
  }
  const output = await new Deno.Command(Deno.execPath(), {
    args: ["task", "--quiet", "vm", "validate", "counter.py"],
    cwd: new URL("../examples/counter/", import.meta.url).pathname,
    stdout: "piped",
    stderr: "piped",
    clearEnv: true,
    env,
  }).output();
  const stderr = new TextDecoder().decode(output.stderr);
  assert.equal(output.code, 0, stderr);
  assert.equal(new TextDecoder().decode(output.stdout), "counter.py: ok\n");
});

Deno.test("cli: --json on commands that print data (compile, abi encode)", async () => {
  const compiled = await runCli(["compile", "--manifest", COUNTER, "--json"]);
  assert.equal(compiled.code, 0, compiled.stderr);
  const output = JSON.parse(compiled.stdout);
  assert.match(output.codeHash, /^0x[0-9a-f]{64}$/);
  assert.deepEqual(output.exports, ["get", "inc", "set"]);
  const encoded = await runCli([
    "abi",
    "encode",
    "--manifest",
    COUNTER,
    "--call",
    "set",
    "--args",
    "[5]",
    "--json",
  ]);
  assert.equal(encoded.code, 0, encoded.stderr);
  assert.deepEqual(JSON.parse(encoded.stdout), {
    function: "set",
    calldata: "0xa45c4fc944fe4f5c0a",
  });
});
