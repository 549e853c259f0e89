/**
 * Hostile bytes against the applier: 1,000 mutations (seeded) of the
 * sample block's signed transactions, each applied to a chain that has
 * the sample's funding and token. Each is a rejection that leaves the
 * state byte-identical, or an applied transaction; never an exception.
 */

import assert from "node:assert/strict";
import { toHex } from "../abi.ts";
import { Chain, MemoryState } from "../mod.ts";
import { SAMPLE_FUNDING, smallBlock } from "./support/block_sample.ts";
import { mutateBytes, SeededRandom } from "./support/random.ts";

const ROUNDS = 1_000;

function dump(state: MemoryState): string {
  return state.listEntries().map(([key, value]) => `${toHex(key)}=${toHex(value)}`).join("\n");
}

Deno.test(`applyTransaction: ${ROUNDS} mutated transactions are rejected cleanly or applied`, () => {
  const block = smallBlock();
  const state = new MemoryState();
  const chain = new Chain({ state });
  chain.fund(SAMPLE_FUNDING.address, SAMPLE_FUNDING.amount);
  const [deploy, ...rest] = block.transactions;
  if (deploy === undefined) throw new Error("empty sample");
  assert.ok(chain.applyTransaction(deploy, block.fees).accepted);
  const corpus = rest;
  const random = new SeededRandom(0x5eed);
  const base = chain.snapshot();
  const before = dump(state);
  let rejected = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const bytes = mutateBytes(random, random.pick(corpus));
    const result = chain.applyTransaction(bytes, block.fees);
    if (result.accepted) {
      chain.revert(base);
    } else {
      rejected++;
      assert.ok(result.reason.length > 0);
      assert.equal(dump(state), before, `round ${round}: ${result.reason}`);
    }
  }
  assert.ok(rejected > ROUNDS / 2, `only ${rejected} of ${ROUNDS} rejected`);
});
