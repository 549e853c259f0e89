/**
 * State key spaces and the storage int codec (issue 9, findings 1, 4, 6):
 * no storage key, whatever its bytes, reaches a balance or another
 * contract's storage; get_int/set_int pay before decoding or encoding, hold
 * the int_bits cap and stay linear; the codec round-trips; entries loaded
 * from a file are checked against the caps.
 */

import assert from "node:assert/strict";
import { MemoryState } from "../mod.ts";
import { compileContract } from "../ir.ts";
import { toHex } from "../abi.ts";
import {
  balanceStateKey,
  type CallContext,
  executeCall,
  stateFromJson,
  storageStateKey,
} from "../runtime.ts";
import { decodeStoredInt, encodeStoredInt } from "../lib/runtime/int_bytes.ts";
import { bitLength } from "../lib/runtime/ops.ts";
import { TEST_CONTEXT } from "./support/runtime.ts";

const FUNDED: CallContext = { ...TEST_CONTEXT, value: 100n };

function prefixSweep(op: string): string {
  return `from stdlib import abi, context, storage, treasury

def write(key):
    ${op}

def main(amount):
    prefixes = [bytes([p]) for p in range(256)]
    prefixes += [bytes([p]) + b"treasury:" for p in range(256)]
    prefixes += [b"\\xc3\\xbftreasury:", b"\\xfftreasury:", b"\\x02", b"\\x01\\x21"]
    for prefix in prefixes:
        write(prefix + context.address)
        write(prefix + context.sender)
        write(prefix + b"thief")
    treasury.transfer(b"thief", amount)
    return treasury.balance()
`;
}

const SWEEP_OPS: [string, string][] = [
  ["set", 'storage.set(key, b"\\x7f" * 32)'],
  ["set_int", "storage.set_int(key, 10**12)"],
  ["delete", "storage.delete(key)"],
];

for (const [name, op] of SWEEP_OPS) {
  Deno.test(`${name} of prefix + address, for every first byte and the old treasury prefix, changes no balance`, () => {
    const compiled = compileContract(prefixSweep(op));
    const run = (amount: bigint, state: MemoryState) =>
      executeCall({
        verified: compiled.verified,
        manifest: null,
        function: "main",
        args: [amount],
        gasLimit: 10_000_000,
        context: FUNDED,
        state,
      });
    const honest = new MemoryState();
    const spent = run(100n, honest);
    assert.equal(spent.ok, true, spent.failure?.message);
    assert.equal(spent.value, 0, "the true balance (100) is all the contract can spend");
    honest.apply(spent.writes);
    assert.equal(toHex(honest.get(balanceStateKey(FUNDED.address)) ?? new Uint8Array()), "0x");
    assert.equal(
      toHex(honest.get(balanceStateKey(new TextEncoder().encode("thief"))) ?? new Uint8Array()),
      "0x64",
    );
    assert.equal(honest.get(balanceStateKey(FUNDED.sender)), null);
    const greedy = run(101n, new MemoryState());
    assert.equal(greedy.ok, false);
    assert.equal(greedy.failure?.kind, "revert", "a transfer above the true balance reverts");
  });
}

Deno.test("storage of one contract is not visible to another at the same key", () => {
  const source = `from stdlib import storage

def put():
    storage.set(b"k", b"mine")

def main():
    return storage.get(b"k")
`;
  const compiled = compileContract(source);
  const state = new MemoryState();
  const call = (fn: string, address: Uint8Array) =>
    executeCall({
      verified: compiled.verified,
      manifest: null,
      function: fn,
      args: [],
      gasLimit: 1_000_000,
      context: { ...TEST_CONTEXT, address },
      state,
    });
  const first = Uint8Array.from([1, ...new Array(32).fill(0xaa)]);
  const second = Uint8Array.from([1, ...new Array(32).fill(0xbb)]);
  state.apply(call("put", first).writes);
  assert.deepEqual(call("main", first).value, new TextEncoder().encode("mine"));
  assert.deepEqual(call("main", second).value, new Uint8Array());
  assert.ok(state.get(storageStateKey(first, new TextEncoder().encode("k"))) !== null);
});

function runWith(source: string, state: MemoryState, gasLimit = 10_000_000) {
  return executeCall({
    verified: compileContract(source).verified,
    manifest: null,
    function: "main",
    args: [],
    gasLimit,
    context: TEST_CONTEXT,
    state,
  });
}

function stateWith(key: string, value: Uint8Array): MemoryState {
  const state = new MemoryState();
  state.apply([{
    key: storageStateKey(TEST_CONTEXT.address, new TextEncoder().encode(key)),
    value,
  }]);
  return state;
}

Deno.test("get_int of a 64 KiB stored value fails with int_bits before decoding, for little gas", () => {
  const state = stateWith("big", new Uint8Array(65536).fill(0x5a));
  const result = runWith(
    'from stdlib import storage\n\ndef main():\n    return storage.get_int(b"big")\n',
    state,
  );
  assert.equal(result.failure?.kind, "limit");
  assert.match(result.failure?.message ?? "", /int/);
  assert.ok(result.gasUsed < 2000, `gas ${result.gasUsed}`);
});

Deno.test("get_int accepts the longest int under int_bits and refuses one bit more", () => {
  const source = 'from stdlib import storage\n\ndef main():\n    return storage.get_int(b"k")\n';
  const top = (1n << 4096n) - 1n;
  const ok = runWith(source, stateWith("k", encodeStoredInt(top, 4096)));
  assert.equal(ok.ok, true, ok.failure?.message);
  assert.equal(ok.value, top);
  const over = new Uint8Array(513);
  over[0] = 0x01;
  const refused = runWith(source, stateWith("k", over));
  assert.equal(refused.failure?.kind, "limit");
});

Deno.test("get_int is charged per byte read", () => {
  const source = 'from stdlib import storage\n\ndef main():\n    return storage.get_int(b"k")\n';
  const small = runWith(source, stateWith("k", Uint8Array.of(1)));
  const large = runWith(source, stateWith("k", new Uint8Array(401).fill(0x11)));
  assert.equal(large.gasUsed - small.gasUsed, 400);
});

Deno.test("set_int of an int above int_bits (from arguments) fails before encoding it", () => {
  const result = executeCall({
    verified: compileContract(
      'from stdlib import storage\n\ndef main(x):\n    storage.set_int(b"k", x)\n',
    ).verified,
    manifest: null,
    function: "main",
    args: [1n << 200_000n],
    gasLimit: 10_000_000,
    context: TEST_CONTEXT,
    state: new MemoryState(),
  });
  assert.equal(result.failure?.kind, "limit");
  assert.deepEqual(result.writes, []);
});

Deno.test("set_int then get_int round-trips at the int_bits edges", () => {
  const result = runWith(
    `from stdlib import storage

def main():
    top = (1 << 4095) - 1 + (1 << 4095)
    out = []
    for x in [top, -top, 1 << 4095, -(1 << 4095), 0, -1, 127, 128, -128, -129, 255, 256]:
        storage.set_int(b"k", x)
        out.append(storage.get_int(b"k") == x)
    return out.count(True)
`,
    new MemoryState(),
  );
  assert.equal(result.ok, true, result.failure?.message);
  assert.equal(result.value, 12);
});

Deno.test("the stored int codec is the shortest two's complement and round-trips", () => {
  const reference = (value: bigint): string => {
    if (value === 0n) return "0x";
    let length = 1;
    while (value < -(1n << BigInt(8 * length - 1)) || value >= 1n << BigInt(8 * length - 1)) {
      length++;
    }
    const unsigned = value < 0n ? value + (1n << BigInt(8 * length)) : value;
    return "0x" + unsigned.toString(16).padStart(2 * length, "0");
  };
  const samples: bigint[] = [0n, 1n, -1n];
  for (let bits = 1; bits <= 4096; bits += bits < 80 ? 1 : 37) {
    const power = 1n << BigInt(bits);
    samples.push(power, power - 1n, -power, -power + 1n, -power - 1n, power / 3n, -power / 3n);
  }
  for (const value of samples) {
    const encoded = encodeStoredInt(value, bitLength(value));
    assert.equal(toHex(encoded), reference(value), `encode ${value}`);
    assert.equal(decodeStoredInt(encoded), value, `decode ${value}`);
  }
});

Deno.test("a stored value above the storage_value cap is refused on load", () => {
  const key = toHex(storageStateKey(TEST_CONTEXT.address, Uint8Array.of(1)));
  const json = (value: string) =>
    `{"format": "animica-vm-state", "version": 3, "entries": {"${key}": "${value}"}}`;
  assert.ok(stateFromJson(json("0x" + "ab".repeat(65536))) instanceof MemoryState);
  assert.throws(() => stateFromJson(json("0x" + "ab".repeat(65537))), /above the cap/);
  assert.throws(
    () =>
      stateFromJson(
        `{"format": "animica-vm-state", "version": 3, "entries": {"0x0faa": "0x01"}}`,
      ),
    /no known key space/,
  );
  assert.throws(
    () =>
      stateFromJson(
        `{"format": "animica-vm-state", "version": 3, "entries": {"${
          toHex(balanceStateKey(Uint8Array.of(1)))
        }": "0xff"}}`,
      ),
    /negative/,
  );
  for (const balance of ["0x00", "0x0001", "0x" + "7f".repeat(513)]) {
    assert.throws(
      () =>
        stateFromJson(
          `{"format": "animica-vm-state", "version": 3, "entries": {"${
            toHex(balanceStateKey(Uint8Array.of(1)))
          }": "${balance}"}}`,
        ),
      /shortest form|int_bits/,
    );
  }
  assert.throws(
    () => stateFromJson(`{"format": "animica-vm-state", "version": 1, "entries": {}}`),
    /version 1 is not supported.*start a new state file/s,
  );
});
