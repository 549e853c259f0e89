/**
 * The contracts of tests/conformance/differential/ and their generated
 * calls. Each contract's header declares argument pools
 * (`# args NAME: expr ;; expr ...`) and call templates (`# call: f(NAME)`);
 * a seeded draw (seeded by the file name) fills the templates into about
 * 30 distinct calls, each run as `main()` returning the call's value.
 */

import { SeededRandom } from "./random.ts";

const DIRECTORY = new URL("../conformance/differential/", import.meta.url);
const CALLS_PER_CONTRACT = 30;

/** One generated call of a contract, as a whole program. */
export interface SuiteCase {
  /** `file: call`, the key of the expected-failure list. */
  readonly label: string;
  readonly source: string;
}

function seedOf(name: string): number {
  let hash = 0x811c9dc5;
  for (const char of name) hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 0x01000193) >>> 0;
  return hash;
}

function contractCases(file: string, text: string): SuiteCase[] {
  const pools = new Map<string, string[]>();
  const templates: string[] = [];
  for (const line of text.split("\n")) {
    const pool = line.match(/^# args ([A-Z_]+): (.*)$/);
    if (pool?.[1] !== undefined && pool[2] !== undefined) pools.set(pool[1], pool[2].split(" ;; "));
    const call = line.match(/^# call: (.*)$/);
    if (call?.[1] !== undefined) templates.push(call[1]);
  }
  if (templates.length === 0) throw new Error(`${file}: no '# call:' line`);
  const random = new SeededRandom(seedOf(file));
  const calls = new Set<string>();
  for (
    let attempt = 0;
    calls.size < CALLS_PER_CONTRACT && attempt < CALLS_PER_CONTRACT * 20;
    attempt++
  ) {
    const template = templates[attempt % templates.length] ?? "";
    calls.add(template.replace(/\b[A-Z][A-Z_]*\b/g, (name) => {
      const values = pools.get(name);
      return values === undefined ? name : random.pick(values);
    }));
  }
  return [...calls].map((call) => ({
    label: `${file}: ${call}`,
    source: `${text.trimEnd()}\n\n\ndef main():\n    return ${call}\n`,
  }));
}

/** Every generated call of every contract, in file order. */
export function differentialSuite(): SuiteCase[] {
  const files = [...Deno.readDirSync(DIRECTORY)].map((entry) => entry.name)
    .filter((name) => name.endsWith(".py")).sort();
  return files.flatMap((file) =>
    contractCases(file, Deno.readTextFileSync(new URL(file, DIRECTORY)))
  );
}

/** An expected failure: a call that differs from CPython on main, with its family in issue 10. */
export interface ExpectedFailure {
  readonly case: string;
  readonly family: number;
}

/** The expected-failure list (tests/conformance/differential/expected_failures.json). */
export function expectedFailures(): ExpectedFailure[] {
  const parsed: unknown = JSON.parse(
    Deno.readTextFileSync(new URL("expected_failures.json", DIRECTORY)),
  );
  if (typeof parsed !== "object" || parsed === null || !("cases" in parsed)) {
    throw new Error("expected_failures.json: no cases");
  }
  const cases: unknown = parsed.cases;
  if (!Array.isArray(cases)) throw new Error("expected_failures.json: cases is not a list");
  return cases.map((entry: unknown) => {
    if (
      typeof entry === "object" && entry !== null && "case" in entry && "family" in entry &&
      typeof entry.case === "string" && typeof entry.family === "number"
    ) return { case: entry.case, family: entry.family };
    throw new Error(`expected_failures.json: bad entry ${JSON.stringify(entry)}`);
  });
}
