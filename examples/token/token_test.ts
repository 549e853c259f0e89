/** The token example, tested with the ./testing helpers: events, revert reasons, gas bounds. */

import assert from "node:assert/strict";
import {
  expectEvent,
  expectGas,
  expectOk,
  expectRevert,
  loadContract,
  TestChain,
} from "@animica/vm-py/testing";

const TOKEN = loadContract(new URL("./manifest.json", import.meta.url));

/** A chain with the token deployed by alice, who holds the whole supply of 1,000. */
function setup() {
  const chain = new TestChain();
  const token = chain.deploy(TOKEN, { from: chain.accounts.alice, args: [1000] });
  return { chain, token, ...chain.accounts };
}

Deno.test("token: init mints the supply to the deployer, once", () => {
  const { token, alice } = setup();
  assert.ok(token.receipt !== null);
  expectEvent(token.receipt, "Transfer", { from: new Uint8Array(), to: alice, amount: 1000 });
  assert.equal(token.view("total_supply").value, 1000n);
  assert.equal(token.view("balance_of", [alice]).value, 1000n);
  expectRevert(token.call("init", [5]), "already initialised");
});

Deno.test("token: transfer moves balances and emits Transfer; overdrafts revert", () => {
  const { chain, token, alice, bob } = setup();
  const sent = expectOk(token.call("transfer", { to: bob, amount: 300 }));
  expectEvent(sent, "Transfer", { from: alice, to: bob, amount: 300 });
  assert.equal(token.view("balance_of", [bob]).value, 300n);
  expectRevert(
    chain.prank(bob).call(token.address, "transfer", [alice, 301]),
    "insufficient balance",
  );
  expectRevert(token.call("transfer", [bob, -1]), "negative amount");
  assert.equal(token.view("balance_of", [alice]).value, 700n);
});

Deno.test("token: approve and transfer_from spend the allowance, and no more", () => {
  const { chain, token, alice, bob, carol } = setup();
  expectEvent(token.call("approve", [carol, 50]), "Approval", {
    owner: alice,
    spender: carol,
    amount: 50,
  });
  const spent = chain.prank(carol).call(token.address, "transfer_from", [alice, bob, 40]);
  expectEvent(spent, "Transfer", { from: alice, to: bob, amount: 40 });
  assert.equal(token.view("allowance", [alice, carol]).value, 10n);
  expectRevert(
    token.call("transfer_from", [alice, bob, 11], { from: carol }),
    "allowance exceeded",
  );
  expectRevert(token.call("transfer_from", [alice, bob, 1], { from: bob }), "allowance exceeded");
});

Deno.test("token: gas bounds of transfer, approve, transfer_from and reads", () => {
  const { chain, token, bob, carol, alice } = setup();
  expectGas(token.view("balance_of", [bob]), { atLeast: 100, atMost: 500 });
  expectGas(token.call("transfer", [bob, 10]), { atLeast: 2_000, atMost: 4_000 });
  expectGas(token.call("approve", [carol, 50]), { atLeast: 1_200, atMost: 2_800 });
  const spent = chain.prank(carol).call(token.address, "transfer_from", [alice, bob, 5]);
  expectGas(spent, { atLeast: 3_000, atMost: 6_000 });
});
