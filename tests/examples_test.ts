/** Each example contract on an in-memory Chain, as a contract author would test it (mod.ts only). */

import assert from "node:assert/strict";
import { Chain, type ContractCode } from "../mod.ts";

function example(name: string): ContractCode {
  const dir = new URL(`../examples/${name}/`, import.meta.url);
  return {
    manifest: Deno.readTextFileSync(new URL("manifest.json", dir)),
    source: Deno.readTextFileSync(new URL(`${name}.py`, dir)),
  };
}

Deno.test("examples on the Chain: token init at deploy, transfers, allowances", () => {
  const chain = new Chain();
  const [alice, bob, carol] = [
    chain.account("alice"),
    chain.account("bob"),
    chain.account("carol"),
  ];
  const token = chain.deploy(example("token"), { from: alice, args: [1000] });
  assert.equal(token.receipt?.ok, true);
  const sent = token.call("transfer", { to: bob, amount: 300 }, { from: alice });
  assert.deepEqual(sent.events, [{
    address: token.address,
    name: "Transfer",
    args: { from: alice, to: bob, amount: 300n },
  }]);
  assert.equal(token.view("balance_of", [bob]).value, 300n);
  assert.equal(token.call("approve", [carol, 50], { from: bob }).value, true);
  assert.equal(token.call("transfer_from", [bob, carol, 40], { from: carol }).ok, true);
  const over = token.call("transfer_from", [bob, carol, 11], { from: carol });
  assert.equal(over.ok, false);
  assert.equal(token.view("balance_of", [carol]).value, 40n);
  assert.equal(token.call("init", [5], { from: alice }).ok, false, "init runs once");
});

Deno.test("examples on the Chain: escrow holds the deposit and pays the beneficiary", () => {
  const chain = new Chain();
  const [alice, bob, carol] = [
    chain.account("alice"),
    chain.account("bob"),
    chain.account("carol"),
  ];
  chain.fund(alice, 500n);
  const escrow = chain.deploy(example("escrow"));
  assert.equal(escrow.call("deposit", [bob, carol], { from: alice, value: 500n }).value, 500n);
  assert.equal(chain.balance(alice), 0n);
  assert.equal(chain.balance(escrow.address), 500n);
  const stranger = escrow.call("release", [], { from: bob });
  assert.equal(new TextDecoder().decode(stranger.error?.reason), "only the arbiter may settle");
  assert.equal(escrow.call("release", [], { from: carol }).value, 500n);
  assert.equal(chain.balance(bob), 500n);
  assert.equal(escrow.view("state").value, 2n);
});

Deno.test("examples on the Chain: the lottery draw is the same on two chains, and revert replays it", () => {
  const winners: unknown[] = [];
  for (let round = 0; round < 2; round++) {
    const chain = new Chain();
    const [alice, bob, carol] = [
      chain.account("alice"),
      chain.account("bob"),
      chain.account("carol"),
    ];
    chain.fund(bob, 10n);
    chain.fund(carol, 10n);
    const lottery = chain.deploy(example("lottery"), { from: alice });
    lottery.call("open_round", [], { from: alice });
    assert.equal(lottery.call("buy", [], { from: bob, value: 10n }).value, 0n);
    assert.equal(lottery.call("buy", [], { from: carol, value: 10n }).value, 1n);
    const before = chain.snapshot();
    const draw = lottery.call("draw", [], { from: alice });
    assert.equal(draw.ok, true);
    assert.equal(draw.events[0]?.args.prize, 20n);
    chain.revert(before);
    assert.equal(chain.balance(lottery.address), 20n);
    assert.deepEqual(lottery.call("draw", [], { from: alice }).value, draw.value);
    winners.push(draw.value);
  }
  assert.deepEqual(winners[0], winners[1]);
});
