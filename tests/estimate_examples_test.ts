/**
 * The static estimator on the example contracts (spec/GAS.md §4): every
 * call of a scenario, with typical arguments (those of the examples' tests
 * and READMEs) and with adversarial ones (ints at the ABI's int_bits cap,
 * stored balances and allowances at that size, calls that revert), uses no
 * more gas than the bound `estimateGas(compiled, manifest)` gives; and with
 * typical arguments every exported function's bound is within 20× of the
 * gas it used. The soundness over the corpora is in estimate_soundness_test.ts.
 */

import assert from "node:assert/strict";
import { Chain, type Contract, type ContractCode, parseManifest } from "../mod.ts";
import { compileContract, estimateGas, type GasEstimate } from "../ir.ts";

const EXAMPLES = ["counter", "escrow", "lottery", "token"] as const;
type Example = typeof EXAMPLES[number];

function example(
  name: Example,
): ContractCode & { readonly manifest: string; readonly source: string } {
  const dir = new URL(`../examples/${name}/`, import.meta.url);
  return {
    manifest: Deno.readTextFileSync(new URL("manifest.json", dir)),
    source: Deno.readTextFileSync(new URL(`${name}.py`, dir)),
  };
}

/** Each example's bounds, with its manifest (arguments typed by the ABI). */
function bounds(name: Example): Map<string, GasEstimate> {
  const code = example(name);
  return estimateGas(compileContract(code.source), parseManifest(JSON.parse(code.manifest)));
}

function boundOf(estimate: GasEstimate | undefined): number {
  assert.ok(estimate !== undefined && estimate.kind !== "unbounded", "a bounded estimate");
  return estimate.kind === "exact" ? estimate.gas : estimate.max;
}

/** One measured call: which function and the gas it used. */
interface Measured {
  readonly example: Example;
  readonly fn: string;
  readonly gasUsed: number;
  readonly ok: boolean;
}

/** Deploys each example and runs calls on it; records every call's gas. */
class Scenario {
  readonly chain = new Chain();
  readonly calls: Measured[] = [];
  readonly alice = this.chain.account("alice");
  readonly bob = this.chain.account("bob");
  readonly carol = this.chain.account("carol");

  deploy(name: Example, args?: readonly unknown[]): { name: Example; contract: Contract } {
    const contract = this.chain.deploy(
      example(name),
      args === undefined ? { from: this.alice } : { from: this.alice, args: [...args] as never },
    );
    if (args !== undefined && contract.receipt !== null) {
      this.calls.push({
        example: name,
        fn: "init",
        gasUsed: contract.receipt.gasUsed,
        ok: contract.receipt.ok,
      });
    }
    return { name, contract };
  }

  call(
    target: { name: Example; contract: Contract },
    fn: string,
    args: readonly unknown[] = [],
    options: { from?: Uint8Array; value?: bigint } = {},
  ): void {
    const receipt = target.contract.call(fn, [...args] as never, {
      from: options.from ?? this.alice,
      ...(options.value === undefined ? {} : { value: options.value }),
    });
    this.calls.push({ example: target.name, fn, gasUsed: receipt.gasUsed, ok: receipt.ok });
  }
}

/** The examples' own flows (tests/examples_test.ts, the READMEs), with their arguments. */
function typical(): Scenario {
  const s = new Scenario();
  s.chain.fund(s.alice, 500n);
  s.chain.fund(s.bob, 10n);
  s.chain.fund(s.carol, 10n);
  const counter = s.deploy("counter");
  s.call(counter, "get");
  s.call(counter, "inc");
  s.call(counter, "set", [41]);
  const token = s.deploy("token", [1000]);
  s.call(token, "total_supply");
  s.call(token, "transfer", [s.bob, 300]);
  s.call(token, "balance_of", [s.bob]);
  s.call(token, "approve", [s.carol, 50], { from: s.bob });
  s.call(token, "allowance", [s.bob, s.carol]);
  s.call(token, "transfer_from", [s.bob, s.carol, 40], { from: s.carol });
  const escrow = s.deploy("escrow");
  s.call(escrow, "deposit", [s.bob, s.carol], { value: 400n });
  s.call(escrow, "state");
  s.call(escrow, "release", [], { from: s.carol });
  const refunded = s.deploy("escrow");
  s.call(refunded, "deposit", [s.bob, s.carol], { value: 100n });
  s.call(refunded, "refund", [], { from: s.carol });
  const lottery = s.deploy("lottery");
  s.call(lottery, "open_round");
  s.call(lottery, "buy", [], { from: s.bob, value: 10n });
  s.call(lottery, "buy", [], { from: s.carol, value: 10n });
  s.call(lottery, "tickets");
  s.call(lottery, "draw");
  return s;
}

/** The largest int the ABI accepts (|x| < 2^int_bits). */
const MAX_INT = 2n ** 4096n - 1n;

/** The same flows with ints at the ABI cap, the largest stored values, and reverting calls. */
function adversarial(): Scenario {
  const s = new Scenario();
  s.chain.fund(s.alice, MAX_INT);
  s.chain.fund(s.bob, 1000n);
  const counter = s.deploy("counter");
  s.call(counter, "set", [2n ** 255n - 1n]);
  s.call(counter, "inc");
  s.call(counter, "set", [MAX_INT]);
  s.call(counter, "set", [-MAX_INT]);
  s.call(counter, "get");
  const token = s.deploy("token", [MAX_INT]);
  s.call(token, "init", [MAX_INT]);
  s.call(token, "transfer", [s.bob, MAX_INT - 1n]);
  s.call(token, "transfer", [s.bob, MAX_INT]);
  s.call(token, "transfer", [s.bob, -MAX_INT]);
  s.call(token, "transfer", [s.bob, MAX_INT - 1n], { from: s.bob });
  s.call(token, "approve", [s.carol, MAX_INT], { from: s.bob });
  s.call(token, "approve", [s.carol, -1], { from: s.bob });
  s.call(token, "allowance", [s.bob, s.carol]);
  s.call(token, "transfer_from", [s.bob, s.carol, MAX_INT - 1n], { from: s.carol });
  s.call(token, "transfer_from", [s.bob, s.carol, MAX_INT], { from: s.carol });
  s.call(token, "balance_of", [s.carol]);
  s.call(token, "total_supply");
  const escrow = s.deploy("escrow");
  s.call(escrow, "release", [], { from: s.carol });
  s.call(escrow, "deposit", [s.bob, s.carol], { value: MAX_INT - 2000n });
  s.call(escrow, "deposit", [s.bob, s.carol], { value: 1n });
  s.call(escrow, "release", [], { from: s.bob });
  s.call(escrow, "release", [], { from: s.carol });
  s.call(escrow, "refund", [], { from: s.carol });
  s.call(escrow, "state");
  const lottery = s.deploy("lottery");
  s.call(lottery, "buy", [], { from: s.bob, value: 10n });
  s.call(lottery, "draw");
  s.call(lottery, "open_round");
  s.call(lottery, "open_round");
  for (let i = 0; i < 5; i++) s.call(lottery, "buy", [], { from: s.bob, value: 10n });
  s.call(lottery, "buy", [], { from: s.bob, value: 11n });
  s.call(lottery, "draw", [], { from: s.bob });
  s.call(lottery, "draw");
  s.call(lottery, "draw");
  s.call(lottery, "buy", [], { from: s.bob, value: 10n });
  s.call(lottery, "tickets");
  return s;
}

function allBounds(): Map<Example, Map<string, GasEstimate>> {
  return new Map(EXAMPLES.map((name) => [name, bounds(name)]));
}

function checkSound(scenario: Scenario): void {
  const estimates = allBounds();
  const over = scenario.calls.filter((call) =>
    call.gasUsed > boundOf(estimates.get(call.example)?.get(call.fn))
  );
  assert.deepEqual(over, []);
}

Deno.test("estimate on the examples: no call with typical arguments uses more than its bound", () => {
  const scenario = typical();
  assert.ok(scenario.calls.every((call) => call.ok), "the typical flows succeed");
  checkSound(scenario);
});

Deno.test("estimate on the examples: nor with arguments and stored values at the caps", () => {
  const scenario = adversarial();
  assert.ok(scenario.calls.some((call) => !call.ok), "some adversarial calls revert");
  assert.ok(scenario.calls.filter((call) => call.ok).length >= 15, "most adversarial calls run");
  checkSound(scenario);
});

Deno.test("estimate on the examples: every function's bound is within 20x of its typical gas", () => {
  const estimates = allBounds();
  const scenario = typical();
  const ratios: string[] = [];
  for (const name of EXAMPLES) {
    for (const [fn, estimate] of estimates.get(name) ?? []) {
      const used = scenario.calls.filter((call) => call.example === name && call.fn === fn);
      assert.ok(used.length > 0, `${name}.${fn} has a typical call`);
      const least = Math.min(...used.map((call) => call.gasUsed));
      const ratio = boundOf(estimate) / least;
      if (ratio > 20) ratios.push(`${name}.${fn}: bound ${boundOf(estimate)}, used ${least}`);
    }
  }
  assert.deepEqual(ratios, []);
});
