/**
 * The limits corpus (tests/conformance/limits/*.py) and the one text form of
 * a call's outcome that its expectations, its runner and bench:hostile share.
 *
 * A corpus file holds programs separated by header lines
 * `# --- <case name>`; each program defines `main()` and carries one line
 * `# expect: <outcome>` (alternatives separated by ` | `), where an outcome
 * is `ok <repr of the return value>`, `out-of-gas`, `limit <cap>`,
 * `error <PythonExceptionType>`, `revert` or `invalid` (rejected at
 * compile); a bare `limit` accepts any cap. An optional line `# repeat: N`
 * runs the call N times in one process and requires the same outcome each
 * time (a result must not depend on the JS engine's warm-up). Text before
 * the first header is a comment on the file.
 *
 * This module parses and formats; it never runs a program (the runner does,
 * in a subprocess, so that a hang or an out-of-memory cannot take the test
 * process down).
 */

import { type CallResult } from "../../runtime.ts";
import type { Meter } from "../../lib/runtime/ops.ts";
import { repr } from "../../lib/runtime/repr.ts";

/** The harness's rendering of a returned value is not the call's work: it charges nothing. */
const UNMETERED: Meter = { pay: () => {} };

/** One program of the limits corpus. */
export interface LimitsCase {
  /** `<file>: <case name>`, unique across the corpus. */
  readonly id: string;
  readonly file: string;
  readonly name: string;
  /** 1-based line of the case's header in its file. */
  readonly line: number;
  readonly source: string;
  /** Accepted outcomes (any one of them passes). */
  readonly expected: readonly string[];
  /** Runs of the call in one process, all of which must agree. */
  readonly repeat: number;
}

/** The corpus directory. */
export const LIMITS_DIRECTORY = new URL("../conformance/limits/", import.meta.url);

/** The file listing cases that are expected to fail until a fix lands. */
export const PENDING_FILE = new URL("pending.json", LIMITS_DIRECTORY);

/** Gas limit every corpus case runs at (the default gas limit). */
export const LIMITS_GAS = 10_000_000;

/** Ceiling of VM time per case, generous on purpose: gas and caps are the real bound. */
export const LIMITS_CEILING_MS = 2_000;

const HEADER = /^# --- (.+)$/;
const EXPECT = /^\s*# expect: (.+)$/;
const REPEAT = /^\s*# repeat: (\d+)$/;
const OUTCOME = /^(ok .+|out-of-gas|limit|limit [a-z_]+|error [A-Za-z]+|revert|invalid)$/;

/** Parses one corpus file; throws on a malformed case, so a typo cannot hide a case. */
export function parseLimitsFile(file: string, text: string): LimitsCase[] {
  const cases: LimitsCase[] = [];
  let current: { name: string; line: number; lines: string[] } | null = null;
  const flush = () => {
    if (current === null) return;
    const expectLines = current.lines.map((l) => EXPECT.exec(l)).filter((m) => m !== null);
    if (expectLines.length !== 1) {
      throw new Error(`${file}:${current.line}: '${current.name}' needs one '# expect:' line`);
    }
    const expected = (expectLines[0]?.[1] ?? "").split(" | ").map((s) => s.trim());
    for (const outcome of expected) {
      if (!OUTCOME.test(outcome)) {
        throw new Error(`${file}:${current.line}: '${current.name}': bad outcome '${outcome}'`);
      }
    }
    const repeat = Number(current.lines.map((l) => REPEAT.exec(l)?.[1]).find((n) => n) ?? 1);
    const id = `${file}: ${current.name}`;
    if (cases.some((c) => c.id === id)) throw new Error(`${file}: duplicate case '${id}'`);
    cases.push({
      id,
      file,
      name: current.name,
      line: current.line,
      source: current.lines.join("\n") + "\n",
      expected,
      repeat,
    });
  };
  text.split("\n").forEach((line, index) => {
    const header = HEADER.exec(line);
    if (header !== null) {
      flush();
      current = { name: (header[1] ?? "").trim(), line: index + 1, lines: [] };
    } else if (current !== null) {
      current.lines.push(line);
    }
  });
  flush();
  return cases;
}

/** Every case of the corpus, file by file in name order. */
export function readLimitsCorpus(): LimitsCase[] {
  const names: string[] = [];
  for (const entry of Deno.readDirSync(LIMITS_DIRECTORY)) {
    if (entry.isFile && entry.name.endsWith(".py")) names.push(entry.name);
  }
  return names.sort().flatMap((name) =>
    parseLimitsFile(name, Deno.readTextFileSync(new URL(name, LIMITS_DIRECTORY)))
  );
}

/** One pending entry: a case that fails on today's code, with the reason. */
export interface PendingCase {
  readonly case: string;
  readonly reason: string;
}

/** The pending list (case id -> reason). */
export function readPending(): Map<string, string> {
  const parsed: unknown = JSON.parse(Deno.readTextFileSync(PENDING_FILE));
  const cases = typeof parsed === "object" && parsed !== null && "cases" in parsed
    ? parsed.cases
    : null;
  if (!Array.isArray(cases)) throw new Error("pending.json needs a 'cases' array");
  const pending = new Map<string, string>();
  for (const entry of cases) {
    if (
      typeof entry !== "object" || entry === null || typeof entry.case !== "string" ||
      typeof entry.reason !== "string"
    ) throw new Error(`pending.json: bad entry ${JSON.stringify(entry)}`);
    pending.set(entry.case, entry.reason);
  }
  return pending;
}

const CAP = /\(cap ([a-z_]+)\)$/;

/** The outcome of a finished call in the corpus's text form (`ok` shows the value's repr). */
export function formatOutcome(result: CallResult): string {
  const failure = result.failure;
  if (failure === null) return `ok ${repr(UNMETERED, result.value)}`;
  switch (failure.kind) {
    case "out-of-gas":
      return "out-of-gas";
    case "revert":
      return "revert";
    case "limit":
      return `limit ${CAP.exec(failure.message)?.[1] ?? "?"}`;
    case "error":
      return `error ${failure.type}`;
  }
}

/** True when `actual` is one of the accepted outcomes (a bare `limit` accepts any cap). */
export function outcomeMatches(expected: readonly string[], actual: string): boolean {
  return expected.some((e) => e === actual || (e === "limit" && actual.startsWith("limit ")));
}
