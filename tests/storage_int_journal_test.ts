/**
 * The journal keeps a safe int written by storage.set_int as the int and
 * builds its stored bytes only when read as bytes or when the writes are
 * taken: get_int of such a pending int must pay and return exactly what it
 * would for the same stored bytes read from the state, storage.get must
 * see those bytes, and the writes must hold them.
 */

import assert from "node:assert/strict";
import { MemoryState } from "../mod.ts";
import { storageStateKey } from "../runtime.ts";
import { encodeStoredInt } from "../lib/runtime/int_bytes.ts";
import { bitLength } from "../lib/runtime/ops.ts";
import { runSource, TEST_CONTEXT } from "./support/runtime.ts";

/** Each value as the contract writes it, and as an int. */
const VALUES: readonly (readonly [string, bigint])[] = [
  ["1", 1n],
  ["-1", -1n],
  ["127", 127n],
  ["128", 128n],
  ["-128", -128n],
  ["-129", -129n],
  ["255", 255n],
  ["2 ** 47 - 1", 2n ** 47n - 1n],
  ["2 ** 47", 2n ** 47n],
  ["-(2 ** 47)", -(2n ** 47n)],
  ["2 ** 48", 2n ** 48n],
  ["2 ** 53 - 1", 2n ** 53n - 1n],
  ["-(2 ** 53) + 1", -(2n ** 53n) + 1n],
  ["2 ** 53", 2n ** 53n],
  ["2 ** 64 + 3", 2n ** 64n + 3n],
  ["True", 1n],
  ["0", 0n],
];

Deno.test("storage: a pending set_int reads back as the state's stored bytes would, at the same gas", () => {
  const key = 'b"k1"';
  for (const [value, int] of VALUES) {
    const pending = runSource(`from stdlib import storage

def main():
    storage.set_int(${key}, ${value})
    return storage.get_int(${key}, -7), storage.get(${key}, b"none"), storage.exists(${key})
`);
    // The same program reading the value from the state: set_int writes another key of the same length.
    const state = new MemoryState();
    const bytes = encodeStoredInt(int, bitLength(int));
    state.apply([{
      key: storageStateKey(TEST_CONTEXT.address, new TextEncoder().encode("k1")),
      value: bytes,
    }]);
    const loaded = runSource(
      `from stdlib import storage

def main():
    storage.set_int(b"k2", ${value})
    return storage.get_int(${key}, -7), storage.get(${key}, b"none"), storage.exists(${key})
`,
      { state: bytes.length === 0 ? new MemoryState() : state },
    );
    assert.ok(pending.ok && loaded.ok, value);
    assert.deepEqual(pending.value, loaded.value, value);
    assert.equal(pending.gasUsed, loaded.gasUsed, value);
    const written = pending.writes.find((write) => write.value !== null || value === "0");
    assert.deepEqual(written?.value ?? null, bytes.length === 0 ? null : bytes, value);
  }
});
