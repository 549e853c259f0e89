/** The escrow example, tested with the ./testing helpers: events, revert reasons, gas bounds. */

import assert from "node:assert/strict";
import {
  expectEvent,
  expectGas,
  expectRevert,
  loadContract,
  TestChain,
} from "@animica/vm-py/testing";

const ESCROW = loadContract(new URL("./manifest.json", import.meta.url));

/** Alice deposits 500 for bob, with carol as arbiter. */
function deposited() {
  const chain = new TestChain({ balance: 1_000n });
  const { alice, bob, carol } = chain.accounts;
  const escrow = chain.deploy(ESCROW);
  const deposit = chain.prank(alice, 500n).call(escrow.address, "deposit", [bob, carol]);
  return { chain, escrow, deposit, alice, bob, carol };
}

Deno.test("escrow: deposit locks the value and emits Deposited", () => {
  const { chain, escrow, deposit, alice } = deposited();
  expectEvent(deposit, "Deposited", { from: alice, amount: 500 });
  assert.equal(chain.balance(alice), 500n);
  assert.equal(chain.balance(escrow.address), 500n);
  assert.equal(escrow.view("state").value, 1n);
  expectRevert(escrow.call("deposit", [alice, alice], { value: 1n }), "escrow already used");
});

Deno.test("escrow: a deposit of nothing reverts", () => {
  const chain = new TestChain();
  const { bob, carol } = chain.accounts;
  const escrow = chain.deploy(ESCROW);
  expectRevert(escrow.call("deposit", [bob, carol]), "nothing deposited");
});

Deno.test("escrow: only the arbiter settles; release pays the beneficiary once", () => {
  const { chain, escrow, bob, carol } = deposited();
  expectRevert(chain.prank(bob).call(escrow.address, "release"), "only the arbiter may settle");
  const released = chain.prank(carol).call(escrow.address, "release");
  expectEvent(released, "Released", { to: bob, amount: 500 });
  assert.equal(chain.balance(bob), 1_500n);
  expectRevert(escrow.call("refund", [], { from: carol }), "escrow not open");
});

Deno.test("escrow: refund returns the deposit to the depositor", () => {
  const { chain, escrow, alice, carol } = deposited();
  expectEvent(escrow.call("refund", [], { from: carol }), "Refunded", { to: alice, amount: 500 });
  assert.equal(chain.balance(alice), 1_000n);
  assert.equal(escrow.view("state").value, 3n);
});

Deno.test("escrow: gas bounds of deposit and release", () => {
  const { escrow, deposit, carol } = deposited();
  expectGas(deposit, { atLeast: 3_000, atMost: 6_500 });
  expectGas(escrow.call("release", [], { from: carol }), { atLeast: 2_000, atMost: 5_000 });
  expectGas(escrow.view("state"), { atMost: 500 });
});
