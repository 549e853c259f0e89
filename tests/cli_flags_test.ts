/**
 * cli/flags.ts against node:util's parseArgs (strict, positionals allowed),
 * the parser the CLI used before: on every command line of up to three
 * arguments drawn from awkward pieces, and a fixed sample of longer ones,
 * the same values and positionals, or
 * the same message as the CLI made of parseArgs' error.
 */

import assert from "node:assert/strict";
import { parseArgs } from "node:util";
import { type FlagSpec, parseFlags } from "../cli/flags.ts";

const SPECS: Record<string, FlagSpec> = {
  manifest: { type: "string" },
  out: { type: "string", short: "o" },
  json: { type: "boolean", short: "j" },
  help: { type: "boolean", short: "h" },
  quiet: { type: "boolean" },
};

const PIECES = [
  "--manifest",
  "--manifest=m",
  "--manifest=",
  "--out",
  "-o",
  "-ox",
  "-jo",
  "-jox",
  "-j",
  "-jh",
  "-j-",
  "-j=1",
  "-x",
  "-5",
  "--json",
  "--json=1",
  "--quiet",
  "--nope",
  "--nope=x",
  "--constructor=1",
  "--toString",
  "--=x",
  "---",
  "--",
  "-",
  "file",
  "-y",
];

/** The CLI's message for a parseArgs error, as cli/options.ts made it. */
function cliMessage(text: string): string {
  const missing = /^Option '(-\w, )?(--[\w-]+) <value>' argument missing/.exec(text);
  const ambiguous = /^Option '(-\w, )?(--[\w-]+)(?: <value>)?' argument is ambiguous/.exec(text);
  if (missing !== null) return `${missing[2]} needs a value`;
  if (ambiguous !== null) {
    return `${ambiguous[2]} needs a value; to pass one that starts with '-', write ${
      ambiguous[2]
    }=VALUE`;
  }
  return text.replace(/ To specify a positional argument.*$/s, "");
}

function outcome(run: () => { values: object; positionals: string[] }): string {
  try {
    const { values, positionals } = run();
    return JSON.stringify([Object.entries(values).sort(), positionals]);
  } catch (error) {
    return `error: ${cliMessage(error instanceof Error ? error.message : String(error))}`;
  }
}

function* lines(length: number): Generator<string[]> {
  if (length === 0) {
    yield [];
    return;
  }
  for (const rest of lines(length - 1)) for (const piece of PIECES) yield [piece, ...rest];
}

/** Every line of up to three pieces, then 30,000 of four to six drawn by a fixed stream. */
function* sample(): Generator<string[]> {
  for (let length = 0; length <= 3; length++) yield* lines(length);
  let state = 99;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state;
  };
  for (let i = 0; i < 30000; i++) {
    yield Array.from({ length: 4 + (next() % 3) }, () => PIECES[next() % PIECES.length] as string);
  }
}

Deno.test("cli flags: results and messages are parseArgs' on every short command line", () => {
  const options = Object.fromEntries(
    Object.entries(SPECS).map(([name, spec]) => [name, { ...spec }]),
  );
  let checked = 0;
  for (const args of sample()) {
    const ours = outcome(() => parseFlags(args, SPECS));
    const theirs = outcome(() =>
      parseArgs({ args, options, allowPositionals: true, strict: true })
    );
    assert.equal(ours, theirs, JSON.stringify(args));
    checked++;
  }
  assert.ok(checked > 40000);
});
