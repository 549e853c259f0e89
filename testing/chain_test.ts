/**
 * TestChain: funded deterministic accounts, and overrides that apply to
 * exactly one transaction (sender, value, block) or from now on (warp,
 * roll), with clashes refused before anything runs.
 */

import assert from "node:assert/strict";
import { ChainError, testAccount } from "../mod.ts";
import { DEFAULT_TEST_ACCOUNTS, DEFAULT_TEST_BALANCE, TestChain } from "./chain.ts";

const SOURCE = `from stdlib import context

def probe() -> tuple:
    return (context.sender, context.value, context.block_height, context.block_time)
`;
const MANIFEST = {
  name: "probe",
  version: "1.0.0",
  entry: "probe.py",
  abi: {
    functions: [{
      name: "probe",
      inputs: [],
      outputs: [{ type: "tuple(bytes,int,int,int)" }],
    }],
    events: [],
  },
};

/** The (height, time) a probe saw. */
function blockOf(value: unknown): unknown[] {
  assert.ok(Array.isArray(value));
  return value.slice(2);
}

function setup() {
  const chain = new TestChain();
  return { chain, probe: chain.deploy({ manifest: MANIFEST, source: SOURCE }) };
}

Deno.test("TestChain: the default accounts are the named test accounts, each funded", () => {
  const chain = new TestChain();
  assert.deepEqual(Object.keys(chain.accounts), [...DEFAULT_TEST_ACCOUNTS]);
  for (const name of DEFAULT_TEST_ACCOUNTS) {
    assert.deepEqual(chain.accounts[name], testAccount(name).address);
    assert.equal(chain.balance(chain.accounts[name]), DEFAULT_TEST_BALANCE);
  }
  assert.deepEqual(chain.sender, chain.accounts.alice);
  const custom = new TestChain({ accounts: ["x", "y", "x"], balance: 7 });
  assert.equal(custom.balance(custom.accounts.x), 7n, "a name given twice is funded once");
  assert.deepEqual(Object.keys(custom.accounts), ["x", "y"]);
  assert.equal(custom.balance(custom.accounts.y), 7n);
  assert.equal(custom.balance(custom.account("alice")), 0n);
});

Deno.test("TestChain: prank and next apply to one transaction, then the defaults return", () => {
  const { chain, probe } = setup();
  const { alice, bob } = chain.accounts;
  assert.deepEqual(chain.prank(bob, 3n).call(probe.address, "probe").value, [bob, 3n, 1n, 0n]);
  assert.equal(chain.balance(bob), DEFAULT_TEST_BALANCE - 3n);
  assert.equal(chain.nonce(bob), 1n);
  assert.deepEqual(probe.call("probe").value, [alice, 0n, 1n, 0n]);
  chain.next({ block: { height: 50n, time: 9n } });
  assert.equal(chain.pending, true);
  assert.deepEqual(probe.view("probe").value, [alice, 0n, 50n, 9n]);
  assert.equal(chain.pending, false);
  assert.deepEqual(chain.block, { height: 1n, time: 0n, chainId: 1n }, "the block is restored");
  const deployed = chain.prank(bob).deploy({ manifest: MANIFEST, source: SOURCE });
  assert.deepEqual(deployed.receipt?.from, bob);
});

Deno.test("TestChain: warp and roll set the block from now on; deal sets a balance", () => {
  const { chain, probe } = setup();
  chain.warp(1_000).roll(20n);
  assert.deepEqual(blockOf(probe.view("probe").value), [20n, 1_000n]);
  assert.deepEqual(blockOf(probe.call("probe").value), [20n, 1_000n]);
  chain.deal(chain.accounts.carol, 0n);
  assert.equal(chain.balance(chain.accounts.carol), 0n);
  const broke = chain.prank(chain.accounts.carol, 1n).call(probe.address, "probe");
  assert.equal(broke.ok, false, "an account dealt 0 cannot send value");
});

Deno.test("TestChain: an override that clashes is refused before the transaction runs", () => {
  const { chain, probe } = setup();
  const { bob, carol } = chain.accounts;
  chain.prank(bob);
  assert.throws(() => chain.prank(carol), ChainError);
  assert.throws(() => probe.call("probe", [], { from: carol }), ChainError);
  assert.equal(chain.pending, false, "a refused transaction still uses up the override");
  assert.equal(chain.nonce(carol), 0n);
  chain.next({ value: 1n });
  assert.throws(() => probe.call("probe", [], { value: 2n }), /sets value itself/);
  assert.throws(() => chain.warp(-1), ChainError);
  assert.throws(() => chain.roll(1.5), ChainError);
  assert.throws(() => chain.warp(2n ** 64n), ChainError);
});

Deno.test("TestChain: a failed transaction under a block override still restores the block", () => {
  const { chain, probe } = setup();
  chain.next({ block: { time: 5n } });
  assert.throws(() => probe.call("missing"));
  assert.deepEqual(chain.block.time, 0n);
});
