/**
 * Gas is what the table says: every instruction executed by the corpus
 * charges at least its base cost, exactly its base when it has no
 * size-dependent or host cost, and every opcode of the table is exercised;
 * the call's last RETURN also pays the return value's walk (walks.return_value
 * per node below the root). The static estimator's bound is never below the
 * gas a call actually uses.
 */

import assert from "node:assert/strict";
import { compileContract, estimateGas, Op, OP_INFO, type Value } from "../mod.ts";
import { WALKS } from "../lib/compile/opcodes.ts";
import { PyDict, PyDictView, PyList, PySlice, PyTuple } from "../lib/runtime/values.ts";
import { callCompiled, runSource, runtimeCorpus } from "./support/runtime.ts";

const HOST_CALLS = new Set<number>([
  Op.CALL_BUILTIN,
  Op.CALL_METHOD,
  Op.CALL_STDLIB,
  Op.STDLIB_VALUE,
]);

/** Nodes below the root of a (small, test) value, as the return walk counts them. */
function nodesBelow(value: Value): number {
  const children = value instanceof PyList || value instanceof PyTuple
    ? value.items
    : value instanceof PyDict
    ? [...value.entries.values()].flatMap((entry) => [entry.key, entry.value])
    : value instanceof PyDictView
    ? value.items()
    : value instanceof PySlice
    ? [value.start, value.stop, value.step]
    : [];
  return children.reduce((sum: number, child) => sum + 1 + nodesBelow(child), 0);
}

Deno.test("gas: every executed instruction charges its table cost; every opcode is exercised", () => {
  const seen = new Set<number>();
  const problems: string[] = [];
  for (const { label, source } of runtimeCorpus()) {
    const steps: { op: number; gas: number }[] = [];
    const result = runSource(source, {
      onStep: (_fn, _pc, op, gasUsed) => steps.push({ op, gas: gasUsed }),
    });
    steps.forEach((step, i) => {
      const last = i === steps.length - 1;
      const walk = last && result.ok ? WALKS.return_value.per * nodesBelow(result.value) : 0;
      const next = steps[i + 1]?.gas ?? result.gasUsed;
      const charged = next - step.gas - walk;
      const info = OP_INFO[step.op as Op];
      seen.add(step.op);
      const failedHere = i === steps.length - 1 && !result.ok;
      if (failedHere) return;
      if (charged < info.base) {
        problems.push(`${label}: ${info.name} charged ${charged} < base ${info.base}`);
      }
      const fixed = info.dynamic === null && info.sequence === null && !HOST_CALLS.has(step.op) &&
        step.op !== Op.CALL;
      if (fixed && charged !== info.base) {
        problems.push(`${label}: ${info.name} charged ${charged}, table says ${info.base}`);
      }
    });
  }
  assert.deepEqual(problems.slice(0, 10), []);
  const missing = Object.values(OP_INFO).filter((info) => !seen.has(info.code)).map((info) =>
    info.name
  );
  assert.deepEqual(missing, [], "opcodes never executed by the corpus");
});

Deno.test("gas: the estimator's bound is never below the gas used", () => {
  const checked: string[] = [];
  const sources = [
    ...runtimeCorpus().map((c) => c.source),
    "def add(a, b):\n    return a + b\n\ndef main():\n    return add(2, 3)\n",
  ];
  for (const source of sources) {
    const compiled = compileContract(source);
    const estimate = estimateGas(compiled).get("main");
    if (estimate === undefined || estimate.kind === "unbounded") continue;
    const result = callCompiled(compiled, { gasLimit: 100_000_000 });
    const bound = estimate.kind === "exact" ? estimate.gas : estimate.max;
    assert.ok(result.gasUsed <= bound, `used ${result.gasUsed} > bound ${bound} for:\n${source}`);
    if (estimate.kind === "exact" && result.ok) assert.equal(result.gasUsed, estimate.gas, source);
    checked.push(estimate.kind);
  }
  assert.ok(checked.length >= 100, `${checked.length} programs checked`);
  assert.ok(checked.includes("exact"), "at least one exact estimate was checked");
});
