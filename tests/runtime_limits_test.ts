/**
 * Resource limits, from the limits corpus (tests/conformance/limits/, format
 * in tests/support/limits_corpus.ts): every case runs at 10M gas in a child
 * process (so a hang or an out-of-memory cannot take the suite down) and
 * must end with its expected outcome within a generous VM-time ceiling;
 * cases listed in pending.json are expected to fail until their fix lands,
 * and the test says which of them pass now.
 */

import assert from "node:assert/strict";
import {
  LIMITS_CEILING_MS,
  LIMITS_GAS,
  type LimitsCase,
  outcomeMatches,
  readLimitsCorpus,
  readPending,
} from "./support/limits_corpus.ts";
import { type IsolatedResult, runIsolated } from "./support/limits_runner.ts";
import { pythonUnavailableReason, runPythonJson } from "./support/python.ts";

/** Watchdog of a case expected to pass: far past the ceiling, only a hang catcher. */
const WATCHDOG_MS = 5 * LIMITS_CEILING_MS;
/** Watchdog of a pending case: it is expected to fail, so do not wait long for it. */
const PENDING_WATCHDOG_MS = LIMITS_CEILING_MS + 500;
/** Children at once for cases expected to pass (CPU time is measured, so contention is harmless). */
const CONCURRENCY = 2;
/** Children at once for pending cases, most of which wait for their watchdog. */
const PENDING_CONCURRENCY = 3;
/** Longest outcome text quoted in a report. */
const QUOTE = 160;

function verdict(c: LimitsCase, result: IsolatedResult | undefined): string | null {
  if (result === undefined) return "no result";
  if (!outcomeMatches(c.expected, result.outcome)) {
    return `got ${result.outcome.slice(0, QUOTE)}, expected ${c.expected.join(" | ")}`;
  }
  const cpuMs = result.cpuMs ?? 0;
  if (cpuMs > LIMITS_CEILING_MS) {
    return `${result.outcome} after ${
      Math.round(cpuMs)
    } ms of CPU (ceiling ${LIMITS_CEILING_MS} ms)`;
  }
  return null;
}

const corpus = readLimitsCorpus();
const pending = readPending();

Deno.test("limits corpus: every pending entry names a corpus case", () => {
  const ids = new Set(corpus.map((c) => c.id));
  assert.deepEqual([...pending.keys()].filter((id) => !ids.has(id)), []);
});

const ORACLE = new URL("./support/limits_cpython.py", import.meta.url);
const skipReason = pythonUnavailableReason();

Deno.test({
  name: "limits corpus: expected values and errors are what CPython 3.11 gives",
  ignore: skipReason !== null,
  async fn() {
    // Only cases that expect a value or a Python error, and use no stdlib.
    const checked = corpus.filter((c) =>
      !c.source.includes("stdlib") &&
      c.expected.every((e) => e.startsWith("ok ") || e.startsWith("error "))
    );
    assert.ok(checked.length >= 5, `${checked.length} cases checked`);
    const outcomes = await runPythonJson(ORACLE, JSON.stringify(checked.map((c) => c.source)));
    assert.ok(Array.isArray(outcomes));
    const differing = checked.filter((c, i) => !c.expected.includes(String(outcomes[i])))
      .map((c) => `${c.id}: CPython gives ${String(outcomes[checked.indexOf(c)])}`);
    assert.deepEqual(differing, []);
  },
});

Deno.test("limits corpus: every case ends with its expected outcome within the ceiling", async (t) => {
  // Cases expected to pass get two children and a long watchdog; pending
  // ones, whose timing does not matter, get more children and a short one.
  const [passing, failing] = await Promise.all([
    runIsolated(corpus.filter((c) => !pending.has(c.id)), {
      gasLimit: LIMITS_GAS,
      timeoutMs: WATCHDOG_MS,
      concurrency: CONCURRENCY,
    }),
    runIsolated(corpus.filter((c) => pending.has(c.id)), {
      gasLimit: LIMITS_GAS,
      timeoutMs: PENDING_WATCHDOG_MS,
      concurrency: PENDING_CONCURRENCY,
    }),
  ]);
  const results = new Map([...passing, ...failing]);
  const nowPassing: string[] = [];
  const stillPending: string[] = [];
  for (const file of [...new Set(corpus.map((c) => c.file))]) {
    await t.step(file, () => {
      const cases = corpus.filter((c) => c.file === file);
      const failures: string[] = [];
      for (const c of cases) {
        const problem = verdict(c, results.get(c.id));
        if (pending.has(c.id)) {
          if (problem === null) nowPassing.push(c.id);
          else stillPending.push(`${c.id}: ${problem}`);
        } else if (problem !== null) {
          failures.push(`${c.id} (line ${c.line}): ${problem}`);
        }
      }
      assert.deepEqual(failures, [], `${failures.length} of ${cases.length} cases failed`);
    });
  }
  if (stillPending.length > 0) {
    console.log(
      `${stillPending.length} pending cases (expected to fail for now):\n  ${
        stillPending.join("\n  ")
      }`,
    );
  }
  if (nowPassing.length > 0) {
    console.log(
      `${nowPassing.length} pending cases now pass (remove them from pending.json):\n  ${
        nowPassing.join("\n  ")
      }`,
    );
  }
});
