/** The counter example, tested with the ./testing helpers: events, revert reasons, gas bounds. */

import assert from "node:assert/strict";
import {
  expectEvent,
  expectGas,
  expectOk,
  expectRevert,
  loadContract,
  TestChain,
} from "@animica/vm-py/testing";

const COUNTER = loadContract(new URL("./manifest.json", import.meta.url));

Deno.test("counter: inc emits Incremented with the new value and returns it", () => {
  const counter = new TestChain().deploy(COUNTER);
  expectEvent(expectOk(counter.call("inc")), "Incremented", { value: 1 });
  const second = counter.call("inc");
  assert.equal(second.value, 2n);
  expectEvent(second, "Incremented", { value: 2 });
  assert.equal(counter.view("get").value, 2n);
});

Deno.test("counter: set stores a value in range and emits Set; out of range reverts", () => {
  const counter = new TestChain().deploy(COUNTER);
  expectEvent(counter.call("set", [41]), "Set", { value: 41 });
  assert.equal(counter.call("inc").value, 42n);
  expectRevert(counter.call("set", [-1]), "value out of range");
  expectRevert(() => counter.call("set", [2n ** 255n]), "value out of range");
  assert.equal(counter.view("get").value, 42n, "a reverted set changes nothing");
});

Deno.test("counter: inc at MAX_VALUE reverts with counter overflow and drops its event", () => {
  const counter = new TestChain().deploy(COUNTER);
  counter.call("set", [2n ** 255n - 1n]);
  const overflow = counter.call("inc");
  expectRevert(overflow, "counter overflow");
  assert.deepEqual(overflow.events, []);
});

Deno.test("counter: gas bounds of get, inc and set", () => {
  const counter = new TestChain().deploy(COUNTER);
  expectGas(counter.view("get"), { atLeast: 100, atMost: 400 });
  expectGas(counter.call("inc"), { atLeast: 800, atMost: 1_600 });
  expectGas(counter.call("set", [7]), { atLeast: 600, atMost: 1_300 });
  expectGas(counter.call("set", [-1]), { atMost: 200 });
});
