/**
 * Gas is what the table says: every instruction executed by the corpus
 * charges at least its base cost, exactly its base when it has no
 * size-dependent or host cost, and every opcode of the table is exercised;
 * the call's last RETURN also pays the return value's walk (walks.return_value
 * per node below the root). (The estimator's soundness is
 * tests/estimate_soundness_test.ts.)
 */

import assert from "node:assert/strict";
import { Op, OP_INFO } from "../ir.ts";
import { returnWalkGas } from "./support/return_walk.ts";
import { runSource, runtimeCorpus } from "./support/runtime.ts";

const HOST_CALLS = new Set<number>([
  Op.CALL_BUILTIN,
  Op.CALL_METHOD,
  Op.CALL_STDLIB,
  Op.STDLIB_VALUE,
]);

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
      const walk = last && result.ok ? returnWalkGas(result.value) : 0;
      const next = steps[i + 1]?.gas ?? result.gasUsed;
      const charged = next - step.gas - walk;
      const info = OP_INFO[step.op as Op];
      seen.add(step.op);
      const failedHere = i === steps.length - 1 && !result.ok;
      if (failedHere) return;
      if (charged < info.base) {
        problems.push(`${label}: ${info.name} charged ${charged} < base ${info.base}`);
      }
      // A FOR_ITER step of a zip also pays zip's per-item term (spec/GAS.md §7); a raise that is
      // caught pays the unwinding after it (§9).
      const fixed = info.dynamic === null && info.sequence === null && !HOST_CALLS.has(step.op) &&
        step.op !== Op.CALL && step.op !== Op.FOR_ITER && step.op !== Op.RAISE &&
        step.op !== Op.RERAISE;
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
