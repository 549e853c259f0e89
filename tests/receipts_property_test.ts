/**
 * Properties of chain receipts and roots (spec/RECEIPTS.md), over seeded
 * random receipts: the bloom holds every address and topic, decoding
 * inverts encoding, mutated bytes are a ReceiptError or another canonical
 * receipt (never a JS exception), malformed receipts and logs are refused
 * with a ReceiptError, the Merkle tree equals a level-by-level one, and a
 * state root refuses a listing out of order.
 */

import assert from "node:assert/strict";
import { type Manifest, MemoryState, parseManifest, ReceiptError, StateError } from "../mod.ts";
import {
  bloomMayContain,
  decodeLog,
  decodeReceipt,
  EMPTY_ROOT,
  encodeReceipt,
  eventLogs,
  eventTopic,
  leafHash,
  type Log,
  MAX_LOGS,
  MAX_RECEIPT_BYTES,
  nodeHash,
  receiptsRoot,
  type ReceiptStatus,
  receiptStatus,
  stateRoot,
  type TxReceipt,
  txReceipt,
  undeclaredEventTopic,
} from "../chain.ts";
import { toHex } from "../abi.ts";
import { CAPS } from "../ir.ts";
import { PyDict, PyList, PyRange, type Value } from "../runtime.ts";
import { setEntry } from "../lib/runtime/dict_table.ts";
import { mutateBytes, SeededRandom } from "./support/random.ts";

function randomBytes(random: SeededRandom, length: number): Uint8Array {
  return Uint8Array.from({ length }, () => random.below(256));
}

function randomLog(random: SeededRandom): Log {
  return {
    address: randomBytes(random, 33),
    topics: Array.from({ length: 1 + random.below(4) }, () => randomBytes(random, 32)),
    data: randomBytes(random, random.below(40)),
  };
}

function randomReceipt(random: SeededRandom): TxReceipt {
  const status = random.pick<ReceiptStatus>([0, 0, 1, 2]);
  const logs = status === 0 ? Array.from({ length: random.below(5) }, () => randomLog(random)) : [];
  const gas = random.pick([
    0n,
    1n,
    23n,
    24n,
    255n,
    256n,
    65536n,
    BigInt(random.nextU32()),
    (1n << 64n) - 1n,
  ]);
  return txReceipt(status, gas, logs);
}

Deno.test("receipts: the bloom holds every log's address and topics", () => {
  const random = new SeededRandom(16);
  for (let i = 0; i < 300; i++) {
    const receipt = randomReceipt(random);
    for (const log of receipt.logs) {
      assert.ok(bloomMayContain(receipt.bloom, log.address));
      for (const topic of log.topics) assert.ok(bloomMayContain(receipt.bloom, topic));
    }
  }
  const empty = txReceipt(0, 0n, []);
  assert.equal(bloomMayContain(empty.bloom, new Uint8Array(33)), false);
});

Deno.test("receipts: decode(encode(r)) is r, and the bytes are their own canonical form", () => {
  const random = new SeededRandom(17);
  for (let i = 0; i < 500; i++) {
    const receipt = randomReceipt(random);
    const bytes = encodeReceipt(receipt);
    assert.deepEqual(decodeReceipt(bytes), receipt);
    assert.deepEqual(encodeReceipt(decodeReceipt(bytes)), bytes);
  }
});

Deno.test("receipts: 10,000 mutated receipt bytes are each a ReceiptError or a canonical receipt", () => {
  const random = new SeededRandom(18);
  const seeds = Array.from({ length: 50 }, () => encodeReceipt(randomReceipt(random)));
  let refused = 0;
  for (let i = 0; i < 10_000; i++) {
    const mutated = mutateBytes(random, random.pick(seeds));
    try {
      const receipt = decodeReceipt(mutated);
      assert.equal(toHex(encodeReceipt(receipt)), toHex(mutated));
    } catch (error) {
      if (!(error instanceof ReceiptError)) throw error;
      refused++;
    }
  }
  assert.ok(refused > 9_000, `${refused} refused`);
});

Deno.test("receipts: malformed receipts and logs are ReceiptErrors", () => {
  const log: Log = {
    address: new Uint8Array(33),
    topics: [new Uint8Array(32)],
    data: new Uint8Array(),
  };
  const bad: [string, () => unknown][] = [
    ["logs on a revert", () => txReceipt(1, 1n, [log])],
    ["logs out of gas", () => txReceipt(2, 1n, [log])],
    ["negative gas", () => txReceipt(0, -1n, [])],
    ["gas over 2^64 - 1", () => txReceipt(0, 1n << 64n, [])],
    ["a short address", () => txReceipt(0, 1n, [{ ...log, address: new Uint8Array(32) }])],
    ["no topic", () => txReceipt(0, 1n, [{ ...log, topics: [] }])],
    [
      "five topics",
      () => txReceipt(0, 1n, [{ ...log, topics: Array(5).fill(new Uint8Array(32)) }]),
    ],
    ["a short topic", () => txReceipt(0, 1n, [{ ...log, topics: [new Uint8Array(31)] }])],
    ["too many logs", () => txReceipt(0, 1n, Array(MAX_LOGS + 1).fill(log))],
    [
      "a wrong bloom",
      () => encodeReceipt({ ...txReceipt(0, 1n, [log]), bloom: new Uint8Array(256) }),
    ],
    ["an event address of 32 bytes", () => eventLogs(COUNTER, new Uint8Array(32), [])],
    [
      "an event name over event_size",
      () =>
        eventLogs(COUNTER, new Uint8Array(33), [{
          name: new Uint8Array(CAPS.event_size + 1),
          args: dict([]),
        }]),
    ],
    ["not CBOR", () => decodeReceipt(Uint8Array.of(0xff))],
    ["empty bytes", () => decodeReceipt(new Uint8Array())],
    ["over the size cap", () => decodeReceipt(new Uint8Array(MAX_RECEIPT_BYTES + 1))],
    [
      "trailing bytes",
      () => decodeReceipt(Uint8Array.of(...encodeReceipt(txReceipt(0, 1n, [])), 0)),
    ],
    // A map with a text key out of deterministic order: {"bloom", "logs", ...}.
    ["keys out of order", () => decodeReceipt(reorderedKeys())],
    ["a receipt hash of 31 bytes", () => receiptsRoot([new Uint8Array(31)])],
  ];
  for (const [what, run] of bad) {
    assert.throws(run, (error: unknown) => error instanceof ReceiptError, what);
  }
  assert.throws(() => decodeReceipt(reorderedKeys()), /not the canonical encoding/);
  // Nesting is bounded before the decoder recurses: a million nested arrays or maps.
  for (const head of [0x81, 0xa1]) {
    assert.throws(
      () => decodeReceipt(new Uint8Array(MAX_RECEIPT_BYTES).fill(head)),
      (error: unknown) => error instanceof ReceiptError && /nest deeper than 4/.test(error.message),
    );
  }
  assert.throws(() => decodeReceipt(Uint8Array.of(0xc2, 0x40)), /is a tag/);
});

/** The canonical bytes of an empty receipt with its first two fields swapped. */
function reorderedKeys(): Uint8Array {
  const bytes = encodeReceipt(txReceipt(0, 1n, []));
  // a4 | 64 "logs" 80 | 65 "bloom" 59 0100 <256> | ...
  const logs = bytes.subarray(1, 7);
  const bloom = bytes.subarray(7, 7 + 6 + 3 + 256);
  const rest = bytes.subarray(7 + bloom.length);
  return Uint8Array.of(bytes[0] ?? 0, ...bloom, ...logs, ...rest);
}

function naiveRoot(items: readonly Uint8Array[]): Uint8Array {
  if (items.length === 0) return EMPTY_ROOT;
  let level = items.map(leafHash);
  while (level.length > 1) {
    const next: Uint8Array[] = [];
    for (let i = 0; i + 1 < level.length; i += 2) {
      next.push(nodeHash(level[i] ?? EMPTY_ROOT, level[i + 1] ?? EMPTY_ROOT));
    }
    if (level.length % 2 === 1) next.push(level[level.length - 1] ?? EMPTY_ROOT);
    level = next;
  }
  return level[0] ?? EMPTY_ROOT;
}

Deno.test("roots: the receipts root equals a level-by-level tree for 0 to 70 leaves", () => {
  const random = new SeededRandom(19);
  const hashes = Array.from({ length: 70 }, () => randomBytes(random, 32));
  for (let n = 0; n <= hashes.length; n++) {
    assert.equal(
      toHex(receiptsRoot(hashes.slice(0, n))),
      toHex(naiveRoot(hashes.slice(0, n))),
      `${n}`,
    );
  }
  // Order matters, and one leaf is not its own root.
  const [a, b] = hashes;
  assert.ok(a !== undefined && b !== undefined);
  assert.notEqual(toHex(receiptsRoot([a, b])), toHex(receiptsRoot([b, a])));
  assert.notEqual(toHex(receiptsRoot([a])), toHex(a));
});

Deno.test("roots: the state root is independent of insertion order and refuses a bad listing", () => {
  const random = new SeededRandom(20);
  const entries = Array.from({ length: 40 }, () => ({
    key: Uint8Array.of(0x02, ...randomBytes(random, 1 + random.below(4))),
    value: Uint8Array.of(1 + random.below(100)),
  }));
  const forward = new MemoryState();
  forward.apply(entries);
  const backward = new MemoryState();
  backward.apply([...entries].reverse());
  // Later writes win in `forward`, earlier ones in `backward`: compare over the same final entries.
  backward.apply(forward.listEntries().map(([key, value]) => ({ key, value })));
  assert.equal(toHex(stateRoot(forward)), toHex(stateRoot(backward)));
  const listed = forward.listEntries();
  const unordered = { listEntries: () => [...listed].reverse() };
  assert.throws(() => stateRoot(unordered), StateError);
  const twice = { listEntries: () => [...listed, ...listed] };
  assert.throws(() => stateRoot(twice), StateError);
  const empty = { listEntries: () => [[Uint8Array.of(2, 1), new Uint8Array()] as const] };
  assert.throws(() => stateRoot(empty), StateError);
  assert.equal(toHex(stateRoot(new MemoryState())), toHex(EMPTY_ROOT));
});

const COUNTER: Manifest = parseManifest(
  JSON.parse(Deno.readTextFileSync("examples/counter/manifest.json")),
);

function dict(entries: readonly [string, Value][]): PyDict {
  const out = new PyDict();
  for (const [key, value] of entries) setEntry(out, key, key, value);
  return out;
}

Deno.test("logs: an event that does not match the manifest becomes an undeclared log, never an exception", () => {
  const name = new TextEncoder().encode("Incremented");
  const address = new Uint8Array(33).fill(5);
  const deep: Value = Array.from({ length: 1000 }).reduce<Value>(
    (inner) => new PyList([inner]),
    1n,
  );
  const cases: [string, Uint8Array, PyDict][] = [
    ["an unknown name", new TextEncoder().encode("Nope"), dict([["value", 1n]])],
    ["a name that is not UTF-8", Uint8Array.of(0xff, 0xfe), dict([])],
    ["a missing argument", name, dict([])],
    ["an extra argument", name, dict([["value", 1n], ["more", 2n]])],
    ["a wrong type", name, dict([["value", "one"]])],
    ["a value with no ABI form", name, dict([["value", new PyRange(0n, 3n, 1n)]])],
    ["a None", name, dict([["value", null]])],
    ["a value nested 1000 deep", name, dict([["value", deep]])],
  ];
  for (const [what, eventName, args] of cases) {
    const [log] = eventLogs(COUNTER, address, [{ name: eventName, args }]);
    assert.ok(log !== undefined, what);
    assert.equal(
      toHex(log.topics[0] ?? new Uint8Array()),
      toHex(undeclaredEventTopic(eventName)),
      what,
    );
    const decoded = decodeLog(COUNTER, log);
    assert.equal(decoded.args, null, what);
  }
  const [good] = eventLogs(COUNTER, address, [{ name, args: dict([["value", 7n]]) }]);
  assert.ok(good !== undefined);
  assert.deepEqual(decodeLog(COUNTER, good), {
    name: "Incremented",
    args: new Map([["value", 7n]]),
  });
});

Deno.test("logs: a log that matches no event or does not decode is a ReceiptError", () => {
  const [event] = COUNTER.events;
  assert.ok(event !== undefined);
  const address = new Uint8Array(33);
  const bad: [string, Log][] = [
    ["no topic", { address, topics: [], data: Uint8Array.of(2) }],
    ["an unknown topic", { address, topics: [new Uint8Array(32)], data: Uint8Array.of(2) }],
    ["trailing data", { address, topics: [eventTopic(event)], data: Uint8Array.of(2, 0) }],
    ["truncated data", { address, topics: [eventTopic(event)], data: Uint8Array.of(0x80) }],
    [
      "an undeclared topic over other data",
      { address, topics: [undeclaredEventTopic(Uint8Array.of(1))], data: Uint8Array.of(1, 2) },
    ],
  ];
  for (const [what, log] of bad) {
    assert.throws(
      () => decodeLog(COUNTER, log),
      (error: unknown) => error instanceof ReceiptError,
      what,
    );
  }
});

Deno.test("receipts: every failure kind maps to a status (error and limit are reverts)", () => {
  assert.deepEqual(
    ([null, "revert", "out-of-gas", "error", "limit"] as const).map(receiptStatus),
    [0, 1, 2, 1, 1],
  );
});
