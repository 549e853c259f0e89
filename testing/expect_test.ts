/**
 * The receipt assertions pass on what they claim and fail with an
 * AssertionError naming what was expected and what happened: the revert
 * reason and line, the other failure kinds, the events emitted, the gas.
 */

import assert from "node:assert/strict";
import { AssertionError } from "node:assert";
import { expectEvent, expectGas, expectOk, expectRevert } from "./expect.ts";
import { TestChain } from "./chain.ts";

const SOURCE = `from stdlib import abi, events

def ok(n: int) -> int:
    events.emit(b"Seen", {"n": n, "who": b"\\x01\\x02", "list": [1, 2]})
    return n

def no(reason: bytes) -> None:
    abi.revert(reason)

def boom() -> int:
    return 1 // 0

def spin() -> None:
    while True:
        pass
`;
const MANIFEST = {
  name: "t",
  version: "1.0.0",
  entry: "t.py",
  abi: {
    functions: [
      { name: "ok", inputs: [{ name: "n", type: "int" }], outputs: [{ type: "int" }] },
      { name: "no", inputs: [{ name: "reason", type: "bytes" }], outputs: [] },
      { name: "boom", inputs: [], outputs: [{ type: "int" }] },
      { name: "spin", inputs: [], outputs: [] },
    ],
    events: [{
      name: "Seen",
      inputs: [
        { name: "n", type: "int" },
        { name: "who", type: "bytes" },
        { name: "list", type: "list<int>" },
      ],
    }],
  },
};

function contract() {
  return new TestChain({ accounts: ["alice"] }).deploy({ manifest: MANIFEST, source: SOURCE });
}

const utf8 = new TextEncoder();

/** Asserts that `body` throws an AssertionError whose message matches every pattern. */
function fails(body: () => unknown, ...patterns: RegExp[]): void {
  try {
    body();
  } catch (error) {
    assert.ok(error instanceof AssertionError, `not an AssertionError: ${error}`);
    for (const pattern of patterns) assert.match(error.message, pattern);
    return;
  }
  assert.fail("the expectation did not fail");
}

Deno.test("expectOk returns the receipt of a success; a failure names its reason and line", () => {
  const c = contract();
  assert.equal(expectOk(c.call("ok", [3])).value, 3n);
  fails(
    () => expectOk(c.call("no", [utf8.encode("stop")])),
    /^Expected the call to succeed, but the call reverted with reason "stop" \(line 8 in no\), using \d+ gas$/,
  );
  fails(
    () => expectOk(() => c.call("boom")),
    /failed with ZeroDivisionError: .*\(line 11 in boom\)/,
  );
});

Deno.test("expectRevert matches text, bytes and patterns; other outcomes fail with what happened", () => {
  const c = contract();
  const failure = expectRevert(c.call("no", [utf8.encode("stop")]), "stop");
  assert.equal(failure.kind, "revert");
  expectRevert(() => c.call("no", [utf8.encode("stop now")]), /now$/);
  expectRevert(c.call("no", [new Uint8Array([0xff, 0])]), new Uint8Array([0xff, 0]));
  expectRevert(c.call("no", [new Uint8Array()]));
  fails(
    () => expectRevert(c.call("no", [utf8.encode("stop")]), "go"),
    /^Expected a revert with reason "go", but the call reverted with reason "stop" \(line 8 in no\)$/,
  );
  fails(
    () => expectRevert(c.call("no", [new Uint8Array([0xff])]), "x"),
    /reverted with reason 0xff/,
  );
  fails(
    () => expectRevert(c.call("ok", [5])),
    /^Expected a revert, but the call succeeded, returning 5n and using \d+ gas$/,
  );
  fails(() => expectRevert(c.call("boom"), "x"), /but the call failed with ZeroDivisionError/);
  fails(
    () => expectRevert(c.call("spin", [], { gasLimit: 500 })),
    /but the call failed with OutOfGas: .*using 500 gas$/,
  );
});

Deno.test("expectEvent matches by name and by the arguments given; misses list what was emitted", () => {
  const c = contract();
  const receipt = c.call("ok", [7]);
  assert.equal(expectEvent(receipt, "Seen").args.n, 7n);
  expectEvent(receipt, "Seen", { n: 7 });
  expectEvent(receipt, "Seen", { n: 7n, who: new Uint8Array([1, 2]), list: [1n, 2] });
  fails(
    () => expectEvent(receipt, "Seen", { n: 8 }),
    /^Expected event Seen \{ n: 8 \}, but the call emitted Seen \{ n: 7n, who: 0x0102, list: \[1n, 2n\] \}$/,
  );
  fails(() => expectEvent(receipt, "Seen", { who: "0x0102" }), /Expected event Seen/);
  fails(() => expectEvent(receipt, "Seen", { missing: null }), /Expected event Seen/);
  fails(() => expectEvent(receipt, "Other"), /^Expected event Other, but the call emitted Seen/);
  fails(
    () => expectEvent(c.call("no", [utf8.encode("x")]), "Seen"),
    /but the call reverted with reason "x" .*, so it emitted no events$/,
  );
  fails(() => expectEvent(c.call("boom"), "Seen"), /ZeroDivisionError/);
});

Deno.test("expectGas checks each bound inclusively and names the gas used", () => {
  const c = contract();
  const receipt = c.call("ok", [1]);
  const used = receipt.gasUsed;
  assert.equal(expectGas(receipt, { atMost: used, atLeast: used, exactly: used }), used);
  fails(
    () => expectGas(receipt, { atMost: used - 1 }),
    new RegExp(`^Expected gas used at most ${used - 1}, but the call used ${used}$`),
  );
  fails(() => expectGas(receipt, { atLeast: used + 1 }), new RegExp(`at least ${used + 1}`));
  fails(() => expectGas(receipt, { exactly: used + 1 }), new RegExp(`exactly ${used + 1}`));
  fails(
    () => expectGas(c.call("no", [utf8.encode("r")]), { atMost: 0 }),
    /but the call used \d+ \(and reverted with reason "r"/,
  );
  assert.throws(() => expectGas(receipt, {}), TypeError);
});

Deno.test("messages stay short for huge values", () => {
  const c = contract();
  const receipt = c.call("ok", [2n ** 4000n]);
  fails(() => expectEvent(receipt, "Seen", { n: 1 }), /Expected event Seen/);
  try {
    expectEvent(receipt, "Seen", { n: 1 });
  } catch (error) {
    assert.ok(error instanceof Error && error.message.length < 1_500, "a bounded message");
  }
  fails(
    () => expectRevert(c.call("no", [utf8.encode("r".repeat(100_000))]), "x"),
    /reason "r{80}"… \(100000 chars\)/,
  );
});
