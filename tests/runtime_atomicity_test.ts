/**
 * Failure atomicity and failure reports: a call that fails after writing
 * storage leaves the state unchanged and its events dropped; a failure
 * reports every frame with its line; module-level values are frozen.
 * (Resource-limit cases live in the limits corpus, tests/runtime_limits_test.ts.)
 */

import assert from "node:assert/strict";
import { MemoryState } from "../mod.ts";
import { runSource } from "./support/runtime.ts";

Deno.test("a call that reverts after writing storage and emitting events changes nothing", () => {
  const state = new MemoryState();
  const result = runSource(
    `from stdlib import abi, events, storage

def main():
    storage.set(b"key", b"value")
    storage.set_int(b"count", 5)
    events.emit(b"Written", {"key": b"key"})
    abi.revert(b"changed my mind")
`,
    { state },
  );
  assert.equal(result.ok, false);
  assert.equal(result.failure?.kind, "revert");
  assert.equal(new TextDecoder().decode(result.failure?.reason), "changed my mind");
  assert.deepEqual(result.writes, []);
  assert.deepEqual(result.events, []);
  assert.deepEqual(state.entries(), []);
  assert.ok(result.gasUsed > 0, "gas used is still reported");
});

Deno.test("an error deep in a call chain reports every frame with its line", () => {
  const result = runSource(`def inner(x):
    return 10 // x

def middle(x):
    return inner(x) + 1

def main():
    return middle(0)
`);
  assert.equal(result.failure?.type, "ZeroDivisionError");
  assert.deepEqual(result.failure?.traceback.map((f) => `${f.function}:${f.line}`), [
    "main:8",
    "middle:5",
    "inner:2",
  ]);
});

Deno.test("module-level values are frozen", () => {
  const result = runSource(`ITEMS = [1, 2]

def main():
    ITEMS.append(3)
`);
  assert.equal(result.failure?.type, "FrozenValueError");
});
