/**
 * The compiled tier (lib/runtime/tier.ts) is invisible: every corpus
 * program, generated program, example and dialect contract, limits case
 * (at 2,000,000 gas and below) and verified IR mutation gives the same value, gas used, failure (kind,
 * type, message, reason), traceback, writes, events and syscalls on the
 * compiled tier as on the interpreter. Programs are swept over gas limits
 * (tests/support/tier_compare.ts): every limit from 0 to full (and full + 1)
 * for each runtime corpus program; for the others every limit up to 1,500 by
 * default (fewer per group, given in each test), every limit at which a
 * block's advance charge exactly fits or just misses (sampled to 400 per
 * call), and 300 limits spread evenly to the full cost (fewer for costly
 * calls: a call's sampled runs share a gas budget; the numbers per group
 * are in each test); and at the step cap.
 */

import assert from "node:assert/strict";
import { AnimicaError } from "../mod.ts";
import { compileContract, decodeModule, encodeModule, type IrModule, verifyModule } from "../ir.ts";
import { generateContract } from "../bench/generated_contract.ts";
import type { VerifiedModule } from "../lib/compile/verify.ts";
import { compiledTier } from "../lib/runtime/tier.ts";
import type { Value } from "../lib/runtime/values.ts";
import { containerPrograms } from "./support/container_programs.ts";
import { ExceptionProgramGenerator } from "./support/exception_programs.ts";
import { codeMutations, handlerEdits, TRY_SOURCE } from "./support/ir_mutations.ts";
import { readLimitsCorpus } from "./support/limits_corpus.ts";
import { ProgramGenerator } from "./support/program_generator.ts";
import { SeededRandom } from "./support/random.ts";
import { runtimeCorpus } from "./support/runtime.ts";
import { fullCost, onBothTiers, sweepLimits } from "./support/tier_compare.ts";

interface Sweep {
  readonly dense?: number;
  readonly boundaries?: number;
  readonly spread?: number;
  readonly budget?: number;
}

/** Sweeps one call over its gas limits; returns the number of runs compared. */
function sweep(
  label: string,
  verified: VerifiedModule,
  fn: string,
  args: readonly Value[],
  options: Sweep = {},
  ceiling = 50_000_000,
): number {
  assert.notEqual(compiledTier(verified), null, `${label}: not compiled`);
  const full = fullCost(verified, fn, args, ceiling);
  const limits = sweepLimits(verified, fn, args, full, options);
  for (const limit of limits) {
    const [compiled, interpreted] = onBothTiers(verified, fn, args, limit);
    if (compiled !== interpreted) {
      assert.equal(compiled, interpreted, `${label} at gas limit ${limit}`);
    }
  }
  return limits.length;
}

function sweepSource(label: string, source: string, options: Sweep = {}): number {
  return sweep(label, compileContract(source).verified, "main", [], options);
}

/** Each export of a module with int arguments (3 for each parameter). */
function exportsOf(verified: VerifiedModule): { name: string; args: Value[] }[] {
  return verified.module.exports.map((entry) => ({
    name: entry.name,
    args: (verified.module.functions[entry.fn]?.params ?? []).map(() => 3),
  }));
}

Deno.test("tiers agree on every runtime corpus program at every gas limit from 0 to full", () => {
  let runs = 0;
  for (const { label, source } of runtimeCorpus()) {
    runs += sweepSource(label, source, { dense: Number.MAX_SAFE_INTEGER });
  }
  console.log(`runtime corpus: ${runs} limits compared`);
});

Deno.test("tiers agree on the examples, the dialect corpus and the generated benchmark contract", () => {
  const sources: { label: string; source: string }[] = [];
  for (const name of ["counter", "escrow", "lottery", "token"]) {
    sources.push({ label: name, source: Deno.readTextFileSync(`examples/${name}/${name}.py`) });
  }
  for (const entry of Deno.readDirSync("tests/corpus/dialect")) {
    if (!entry.name.endsWith(".py") || entry.name === "refused.py") continue;
    sources.push({
      label: entry.name,
      source: Deno.readTextFileSync(`tests/corpus/dialect/${entry.name}`),
    });
  }
  sources.push({
    label: "generated contract",
    source: `${
      generateContract(300)
    }\ndef main() -> int:\n    return helper_3(41, {"even": True})\n`,
  });
  let runs = 0;
  for (const { label, source } of sources) {
    const verified = compileContract(source).verified;
    for (const { name, args } of exportsOf(verified)) {
      runs += sweep(`${label} ${name}`, verified, name, args, { dense: 600, boundaries: 200 });
    }
  }
  console.log(`contracts: ${runs} limits compared`);
});

/**
 * Calls of the builtins the compiled tier runs in line (inline_paths.ts
 * INLINE_BUILTINS) and their misses, and `+` / `+=` of two strs, which it
 * also runs in line.
 */
const INLINE_BUILTIN_PROGRAM = `def main():
    xs = []
    d = {}
    out = []
    acc = ""
    for i in range(-12, 40):
        k = str(i * 7919 ** (i % 5))
        acc += k[:3] + "\u00e9"
        xs.append(k)
        d[k] = len(xs)
        out.append(len(k) + len(d) + len(xs) + len((i, k)) + len(b"ab" * (i % 3)))
    out.append(str(True) + str(2 ** 80) + str(None) + str(-2 ** 53 + 1) + str(xs[3:5]))
    return out, len(d.keys()), len(d.items()), len(range(i)), len("h\u00e9llo" * 3), str(len(xs)), acc
`;

Deno.test("tiers agree on the builtins and str concatenations run in line at every gas limit", () => {
  const runs = sweepSource("inline builtins", INLINE_BUILTIN_PROGRAM, {
    dense: Number.MAX_SAFE_INTEGER,
  });
  console.log(`inline builtins: ${runs} limits compared`);
});

Deno.test("tiers agree on generated programs (statements, exceptions, containers)", () => {
  const generator = new ProgramGenerator(new SeededRandom(0x7132));
  const exceptions = new ExceptionProgramGenerator(new SeededRandom(0x7133));
  const sources = [
    ...Array.from({ length: 40 }, () => generator.program()),
    ...Array.from({ length: 40 }, () => exceptions.program()),
    ...containerPrograms(0x7134, 10).map((program) => program.source),
  ];
  let runs = 0;
  sources.forEach((source, i) => {
    runs += sweepSource(`generated #${i}\n${source}`, source, {
      dense: 400,
      boundaries: 100,
      spread: 60,
    });
  });
  console.log(`generated programs: ${sources.length} programs, ${runs} limits compared`);
});

/** The gas the limits cases run at here (LIMITS_GAS for the corpus itself; cheaper, as both tiers run each). */
const LIMITS_SWEEP_GAS = 2_000_000;

Deno.test("tiers agree on every limits case, at 2,000,000 gas and at sampled limits below", () => {
  let runs = 0;
  let skipped = 0;
  for (const entry of readLimitsCorpus()) {
    let verified: VerifiedModule;
    try {
      verified = compileContract(entry.source).verified;
    } catch (error) {
      // Cases the compiler refuses (their expected outcome) have no run to compare.
      if (!(error instanceof AnimicaError)) throw error;
      skipped++;
      continue;
    }
    runs += sweep(entry.id, verified, "main", [], {
      dense: 200,
      boundaries: 20,
      spread: 10,
      budget: 5_000_000,
    }, LIMITS_SWEEP_GAS);
  }
  assert.ok(skipped < 20, `${skipped} limits cases do not compile`);
  console.log(`limits corpus: ${runs} limits compared`);
});

Deno.test("tiers stop at the same instruction at the step cap", () => {
  for (
    const body of ["x = i", "x = i\n        y = x", "x = [i][0]", "x = f(i)"]
  ) {
    const verified = compileContract(
      `def f(v):\n    return v\n\ndef main():\n    x = 0\n    for i in range(10 ** 9):\n        ${body}\n    return x\n`,
    ).verified;
    const [compiled, interpreted] = onBothTiers(verified, "main", [], 1_000_000_000);
    assert.match(compiled, /too many instructions executed \(cap steps\)/);
    assert.equal(compiled, interpreted, body);
  }
});

/** Runs a mutated module's first export on both tiers at a few limits, when it verifies. */
function compareMutation(bytes: Uint8Array, label: string): boolean {
  let verified: VerifiedModule;
  try {
    verified = verifyModule(decodeModule(bytes));
  } catch {
    return false;
  }
  if (compiledTier(verified) === null) return false;
  for (const { name, args } of exportsOf(verified).slice(0, 1)) {
    for (const limit of [0, 37, 400, 20_000]) {
      const [compiled, interpreted] = onBothTiers(verified, name, args, limit);
      if (compiled !== interpreted) assert.equal(compiled, interpreted, `${label} at ${limit}`);
    }
  }
  return true;
}

Deno.test("tiers agree on the IR fuzz cases that verify", () => {
  const modules = ["counter", "token", "escrow"].map((name) =>
    compileContract(Deno.readFileSync(`examples/${name}/${name}.py`)).bytes
  );
  let compared = 0;
  codeMutations(modules).forEach((bytes, i) => {
    if (compareMutation(bytes, `code mutation #${i}`)) compared++;
  });
  const base: IrModule = decodeModule(compileContract(TRY_SOURCE).bytes);
  handlerEdits(base).forEach((module, i) => {
    if (compareMutation(encodeModule(module), `handler edit #${i}`)) compared++;
  });
  assert.ok(compared > 100, `only ${compared} mutations verified`);
  console.log(`IR fuzz: ${compared} verified mutations compared`);
});
