/**
 * README.md stays true: every `$ deno task vm ...` line of its shell blocks
 * runs, in order, in a temporary directory holding a copy of examples/ and
 * the files the README asks the reader to save (`<!-- file: NAME -->`
 * before a code block), and prints exactly the lines shown under it (a
 * `...` line stands for any number of lines). The "Use as a library"
 * script runs too, against this checkout. Under "Testing contracts", the
 * `deno test` command prints what is shown (timings aside), the broken
 * expectation's message is the helper's, and the gas rows of the bench
 * table are the examples' gas per call (bench/examples_gas_cases.ts).
 */

import assert from "node:assert/strict";

const ROOT = new URL("../", import.meta.url);
const README = Deno.readTextFileSync(new URL("README.md", ROOT));
const CLI = new URL("cli.ts", ROOT).pathname;

interface Step {
  readonly command: string;
  readonly expected: readonly string[];
}

/** Fenced blocks as [language, body, preceding text]. */
function blocks(text: string): { lang: string; body: string; before: string }[] {
  const found = [];
  const fence = /^```(\w*)\n([\s\S]*?)^```$/gm;
  let last = 0;
  for (const match of text.matchAll(fence)) {
    found.push({
      lang: match[1] ?? "",
      body: match[2] ?? "",
      before: text.slice(last, match.index),
    });
    last = (match.index ?? 0) + match[0].length;
  }
  return found;
}

/** `$ ` lines of a shell block with the output lines under each. */
function steps(body: string): Step[] {
  const result: { command: string; expected: string[] }[] = [];
  for (const line of body.replace(/\n$/, "").split("\n")) {
    if (line.startsWith("$ ")) result.push({ command: line.slice(2), expected: [] });
    else result.at(-1)?.expected.push(line);
  }
  return result;
}

/** Splits a command line into words, honouring single and double quotes. */
function words(command: string): string[] {
  const out: string[] = [];
  for (const match of command.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)) {
    out.push(match[1] ?? match[2] ?? match[3] ?? "");
  }
  return out;
}

/** Whether `actual` matches `expected`, where a `...` line matches any run of lines. */
function matches(actual: readonly string[], expected: readonly string[]): boolean {
  const [head, ...rest] = expected;
  if (head === undefined) return actual.length === 0;
  if (head === "...") {
    for (let skip = 0; skip <= actual.length; skip++) {
      if (matches(actual.slice(skip), rest)) return true;
    }
    return false;
  }
  return actual[0] === head && matches(actual.slice(1), rest);
}

Deno.test("README: every deno task vm command prints what the README shows", async () => {
  const dir = await Deno.makeTempDir({ prefix: "animica-readme-" });
  try {
    await new Deno.Command("cp", { args: ["-r", new URL("examples", ROOT).pathname, dir] })
      .output();
    let ran = 0;
    for (const { lang, body, before } of blocks(README)) {
      const file = /<!-- file: (\S+) -->\s*$/.exec(before)?.[1];
      if (file !== undefined) await Deno.writeTextFile(`${dir}/${file}`, body);
      if (lang !== "sh") continue;
      for (const { command, expected } of steps(body)) {
        const [deno, task, vm, ...args] = words(command);
        assert.deepEqual([deno, task, vm], ["deno", "task", "vm"], command);
        const output = await new Deno.Command(Deno.execPath(), {
          args: ["run", "--allow-read", "--allow-write", CLI, ...args],
          cwd: dir,
          stdout: "piped",
          stderr: "piped",
          env: { NO_COLOR: "1" },
        }).output();
        const decoder = new TextDecoder();
        const text = decoder.decode(output.stdout) + decoder.decode(output.stderr);
        const lines = text.replace(/\n$/, "").split("\n");
        assert.ok(
          matches(lines, expected),
          `${command}\n--- got:\n${text}--- README shows:\n${expected.join("\n")}`,
        );
        ran++;
      }
    }
    assert.ok(ran >= 10, `only ${ran} commands found`);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("README: the 'Use as a library' script runs from outside the checkout", async () => {
  const section = README.slice(README.indexOf("## Use as a library"));
  const script = blocks(section).find(({ lang }) => lang === "ts")?.body;
  assert.ok(script !== undefined, "no ts block under 'Use as a library'");
  const expected = /console\.log\(.*\); \/\/ (.*)$/m.exec(script)?.[1];
  const dir = await Deno.makeTempDir({ prefix: "animica-readme-lib-" });
  try {
    await new Deno.Command("cp", { args: ["-r", new URL("examples", ROOT).pathname, dir] })
      .output();
    const outside = script.replace('from "./mod.ts"', `from "${new URL("mod.ts", ROOT).href}"`);
    assert.notEqual(outside, script, "the script does not import ./mod.ts");
    await Deno.writeTextFile(`${dir}/use.ts`, outside);
    const output = await new Deno.Command(Deno.execPath(), {
      args: ["run", "--allow-read", "use.ts"],
      cwd: dir,
      stdout: "piped",
      stderr: "piped",
      env: { NO_COLOR: "1" },
    }).output();
    const stderr = new TextDecoder().decode(output.stderr);
    assert.equal(output.code, 0, stderr);
    assert.equal(new TextDecoder().decode(output.stdout).trim(), expected);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("README: the counter test under 'Test a contract' passes and takes at most 6 lines", async () => {
  const section = README.slice(README.indexOf("### Test a contract"));
  const script = blocks(section).find(({ lang }) => lang === "ts")?.body;
  assert.ok(script !== undefined, "no ts block under 'Test a contract'");
  const test = script.slice(script.indexOf("Deno.test(")).trimEnd().split("\n");
  assert.ok(test.length <= 6, `the test takes ${test.length} lines`);
  assert.deepEqual(
    [...script.matchAll(/from "(\.\/[^"]+)"/g)].map((m) => m[1]).filter((p) => p?.endsWith(".ts")),
    ["./mod.ts"],
    "the test uses only mod.ts exports",
  );
  const dir = await Deno.makeTempDir({ prefix: "animica-readme-test-" });
  try {
    await new Deno.Command("cp", { args: ["-r", new URL("examples", ROOT).pathname, dir] })
      .output();
    const outside = script.replace('from "./mod.ts"', `from "${new URL("mod.ts", ROOT).href}"`);
    await Deno.writeTextFile(`${dir}/counter_test.ts`, outside);
    const output = await new Deno.Command(Deno.execPath(), {
      args: ["test", "--allow-read", "counter_test.ts"],
      cwd: dir,
      stdout: "piped",
      stderr: "piped",
      env: { NO_COLOR: "1" },
    }).output();
    const text = new TextDecoder().decode(output.stdout) + new TextDecoder().decode(output.stderr);
    assert.equal(output.code, 0, text);
    assert.match(text, /1 passed/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

/** The part of the README from heading `title` to the next heading of the same level. */
function readmeSection(title: string): string {
  const start = README.indexOf(`${title}\n`);
  assert.ok(start >= 0, `no section ${title}`);
  const level = title.slice(0, title.indexOf(" ") + 1);
  const end = README.indexOf(`\n${level}`, start + title.length);
  return README.slice(start, end < 0 ? undefined : end);
}

/** Timings blanked out: `(91ms)`, `(1s)`. */
function untimed(line: string): string {
  return line.replace(/\(\d+(\.\d+)?(ms|s|µs)\)/g, "(time)");
}

Deno.test("README: the 'Testing contracts' deno test command prints what the README shows", async () => {
  const section = readmeSection("## Testing contracts");
  const commands = blocks(section).filter(({ lang, body }) =>
    lang === "console" && body.startsWith("$ deno test ")
  ).flatMap(({ body }) => steps(body));
  assert.equal(commands.length, 1, "one deno test command");
  for (const { command, expected } of commands) {
    const output = await new Deno.Command(Deno.execPath(), {
      args: words(command).slice(1),
      cwd: ROOT,
      stdout: "piped",
      stderr: "piped",
      env: { NO_COLOR: "1" },
    }).output();
    // stdout only: stderr holds the type checker's "Check FILE" lines.
    const text = new TextDecoder().decode(output.stdout);
    assert.equal(output.code, 0, text + new TextDecoder().decode(output.stderr));
    assert.ok(
      matches(text.trimEnd().split("\n").map(untimed), expected.map(untimed)),
      `${command}\n--- got:\n${text}--- README shows:\n${expected.join("\n")}`,
    );
  }
});

Deno.test("README: the broken expectation shown under 'Testing contracts' is the helper's message", async () => {
  const { expectRevert, loadContract, TestChain } = await import("../testing.ts");
  const section = readmeSection("## Testing contracts");
  const shown = /^error: AssertionError: (.*)$/m.exec(section)?.[1];
  const call = /^ {2}(expectRevert\(counter\.call\("set", \[-1\]\), "value too big"\);)$/m.exec(
    section,
  );
  assert.ok(shown !== undefined && call !== null, "the README shows the failing expectation");
  const counter = new TestChain().deploy(
    loadContract(new URL("examples/counter/manifest.json", ROOT)),
  );
  assert.throws(
    () => expectRevert(counter.call("set", [-1]), "value too big"),
    (error: unknown) => error instanceof Error && error.message === shown,
  );
});

Deno.test("README: the gas rows under 'Gas in deno bench' are the examples' gas per call", async () => {
  const { exampleGasCases } = await import("../bench/examples_gas_cases.ts");
  const section = readmeSection("### Gas in `deno bench`");
  const table = section.slice(section.indexOf("gas per call, examples"));
  const rows = [
    ...table.matchAll(
      /^\| (\w+: \w+) +\| +[\d,]+ \| +([\d,]+) \| +([\d,]+) \| +([\d,]+) \| +0 \|$/gm,
    ),
  ];
  assert.ok(rows.length >= 4, `only ${rows.length} gas rows`);
  const { chain, cases } = exampleGasCases();
  for (const [, name, average, min, max] of rows) {
    const found = cases.find((gasCase) => gasCase.name === name);
    assert.ok(found !== undefined, `no bench case ${name}`);
    const id = chain.snapshot();
    const used = found.call().gasUsed.toLocaleString("en-US");
    chain.revert(id);
    assert.deepEqual([average, min, max], [used, used, used], `${name}: README vs measured`);
  }
});
