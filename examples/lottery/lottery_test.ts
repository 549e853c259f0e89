/** The lottery example, tested with the ./testing helpers: events, revert reasons, gas bounds. */

import assert from "node:assert/strict";
import {
  expectEvent,
  expectGas,
  expectOk,
  expectRevert,
  loadContract,
  TestChain,
} from "@animica/vm-py/testing";

const LOTTERY = loadContract(new URL("./manifest.json", import.meta.url));

/** Alice opens a round; bob and carol buy one ticket each. */
function round() {
  const chain = new TestChain();
  const { alice, bob, carol } = chain.accounts;
  const lottery = chain.deploy(LOTTERY);
  expectOk(lottery.call("open_round", [], { from: alice }));
  const tickets = [bob, carol].map((player) =>
    chain.prank(player, 10n).call(lottery.address, "buy")
  );
  return { chain, lottery, tickets, alice, bob, carol };
}

Deno.test("lottery: buying a ticket costs exactly 10 and emits Ticket with its index", () => {
  const { chain, lottery, tickets: [first, second], bob, carol } = round();
  assert.ok(first !== undefined && second !== undefined);
  expectEvent(first, "Ticket", { player: bob, index: 0 });
  expectEvent(second, "Ticket", { player: carol, index: 1 });
  assert.equal(lottery.view("tickets").value, 2n);
  expectRevert(lottery.call("buy", [], { from: bob, value: 9n }), "a ticket costs 10");
  expectRevert(chain.prank(bob).call(lottery.address, "buy"), "a ticket costs 10");
});

Deno.test("lottery: a round opens once, and tickets need an open round", () => {
  const chain = new TestChain();
  const lottery = chain.deploy(LOTTERY);
  expectRevert(lottery.call("buy", [], { value: 10n }), "not open");
  expectRevert(lottery.call("draw"), "only the owner draws");
  lottery.call("open_round");
  expectRevert(lottery.call("open_round"), "already open");
  expectRevert(lottery.call("draw"), "no tickets");
});

Deno.test("lottery: only the owner draws; the winner gets the pot, once", () => {
  const { chain, lottery, alice, bob, carol } = round();
  expectRevert(lottery.call("draw", [], { from: bob }), "only the owner draws");
  const draw = expectOk(lottery.call("draw", [], { from: alice }));
  const drawn = expectEvent(draw, "Drawn", { prize: 20 });
  assert.deepEqual(draw.value, drawn.args.winner);
  const balances = [chain.balance(bob), chain.balance(carol)].sort((a, b) => a < b ? -1 : 1);
  assert.deepEqual(balances, [999_990n, 1_000_010n], "the winner paid 10 and got 20");
  expectRevert(lottery.call("draw", [], { from: alice }), "already drawn");
  expectRevert(lottery.call("buy", [], { from: bob, value: 10n }), "already drawn");
});

Deno.test("lottery: the draw depends on the block only through the transaction hash", () => {
  const { chain, lottery, alice } = round();
  const id = chain.snapshot();
  const first = lottery.call("draw", [], { from: alice }).value;
  chain.revert(id);
  assert.deepEqual(lottery.call("draw", [], { from: alice }).value, first, "replayed draw");
});

Deno.test("lottery: gas bounds of open_round, buy and draw", () => {
  const chain = new TestChain();
  const lottery = chain.deploy(LOTTERY);
  expectGas(lottery.call("open_round"), { atLeast: 500, atMost: 1_500 });
  expectGas(chain.prank(chain.accounts.bob, 10n).call(lottery.address, "buy"), {
    atLeast: 1_800,
    atMost: 4_000,
  });
  expectGas(lottery.call("draw"), { atLeast: 2_500, atMost: 5_500 });
});
