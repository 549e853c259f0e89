/**
 * Keyword-only parameters of contract functions bind as CPython binds them:
 * a sweep of call shapes (positional counts, keyword subsets in every order)
 * over several signatures. A call CPython accepts returns the same value in
 * the VM; a call CPython refuses with TypeError is refused by the
 * validator (call-arity), as every contract-function arity error is.
 */

import assert from "node:assert/strict";
import { ValidationError } from "../mod.ts";
import { compileContract } from "../ir.ts";
import { cpythonOutcomes, vmOutcome } from "./support/differential.ts";

const SIGNATURES = [
  "a, b=2, *, c, d=4",
  "a, *, b",
  "*, x=1, y=2",
  "a=1, *, k",
];

/** Every ordering of every subset of `names`, kept to subsets of at most three. */
function keywordOrders(names: readonly string[]): string[][] {
  const out: string[][] = [[]];
  const extend = (prefix: string[]) => {
    if (prefix.length === 3) return;
    for (const name of names) {
      if (prefix.includes(name)) continue;
      const next = [...prefix, name];
      out.push(next);
      extend(next);
    }
  };
  extend([]);
  return out;
}

function cases(): string[] {
  const sources: string[] = [];
  for (const signature of SIGNATURES) {
    const params = signature.split(",").map((p) => p.trim().split("=")[0] ?? "")
      .filter((p) => p !== "*");
    for (let positional = 0; positional <= 3; positional++) {
      for (const keywords of keywordOrders([...params, "z"])) {
        const args = [
          ...Array.from({ length: positional }, (_, i) => String(10 + i)),
          ...keywords.map((name, i) => `${name}=${20 + i}`),
        ];
        sources.push(
          `def _f(${signature}):\n    return [${params.join(", ")}]\n\n` +
            `def main():\n    return _f(${args.join(", ")})\n`,
        );
      }
    }
  }
  return sources;
}

Deno.test("keyword-only parameters: call shapes bind as in CPython", async () => {
  const sources = cases();
  assert.ok(sources.length > 200, `${sources.length}`);
  const expected = await cpythonOutcomes(sources);
  let accepted = 0;
  sources.forEach((source, i) => {
    const python = expected[i] ?? "";
    let refused = false;
    try {
      compileContract(source);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      assert.ok(error.diagnostics.every((d) => d.rule === "call-arity"), source);
      refused = true;
    }
    if (refused) {
      assert.equal(
        python,
        '{"error":"TypeError"}',
        `refused, but CPython says ${python}:\n${source}`,
      );
    } else {
      accepted++;
      assert.equal(vmOutcome(source), python, source);
    }
  });
  assert.ok(accepted >= 30, `${accepted} accepted`);
});
