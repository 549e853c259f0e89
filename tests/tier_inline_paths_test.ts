/**
 * The methods the compiled tier runs in line (lib/runtime/inline_paths.ts)
 * agree with the methods themselves: wherever an entry gives a result, the
 * general call on an identical receiver gives the same value, charges
 * exactly the method's base gas and leaves the receiver the same; wherever
 * it misses, it has changed nothing. Receivers and arguments cover what
 * makes an entry miss (frozen and full lists, keys that pay or fail). The
 * builtins run in line give the general call's value and charge its gas
 * (base plus the entry's rate per unit of the result), and so does the
 * in-line `+` of two strs (ops.ts concatCharge). The
 * subscript and membership entries give what subscript() and contains()
 * give, at no gas beyond the instruction's.
 */

import assert from "node:assert/strict";
import { BUILTINS, CAPS, METHODS, Op } from "../lib/compile/opcodes.ts";
import { callBuiltin } from "../lib/runtime/builtins/table.ts";
import { setEntry } from "../lib/runtime/dict_table.ts";
import {
  INLINE_BUILTINS,
  INLINE_METHODS,
  inlineContains,
  inlineStore,
  inlineSubscript,
  MISS,
} from "../lib/runtime/inline_paths.ts";
import { concatCharge, contains } from "../lib/runtime/ops.ts";
import { binaryOp } from "../lib/runtime/op_helpers.ts";
import { storeSubscript, subscript } from "../lib/runtime/subscript.ts";
import { CountingMeter } from "./support/counting_meter.ts";
import { callMethod } from "../lib/runtime/methods/dispatch.ts";
import {
  dictKey,
  PyDict,
  PyDictView,
  PyList,
  PyRange,
  PySet,
  PyTuple,
  type Value,
} from "../lib/runtime/values.ts";
import { repr } from "../lib/runtime/repr.ts";

const LONG = "k".repeat(16_384);
const KEYS: Value[] = [
  0,
  1,
  -1,
  7,
  2 ** 40,
  2 ** 53 - 1,
  2n ** 64n,
  true,
  false,
  "",
  "a",
  "7",
  "\0a",
  LONG,
  null,
  new PyTuple([1, "a"]),
  new Uint8Array([1]),
];

function listReceivers(): PyList[] {
  const frozen = new PyList([1, 2]);
  frozen.frozen = true;
  return [
    new PyList([]),
    new PyList([1, "x"]),
    frozen,
    new PyList(new Array(CAPS.container_length).fill(0)),
  ];
}

function dictReceivers(): PyDict[] {
  const meter = new CountingMeter();
  const filled = new PyDict();
  for (const key of KEYS) setEntry(filled, dictKey(meter, key), key, `v${repr(meter, key)}`);
  const ints = new PyDict();
  for (let i = 0; i < 40; i++) setEntry(ints, i, i, i * i);
  return [new PyDict(), filled, ints];
}

/** A receiver's observable state. */
function state(receiver: PyList | PyDict): string {
  const meter = new CountingMeter();
  return repr(meter, receiver);
}

function methodId(name: string): number {
  const id = METHODS.findIndex((method) => method?.name === name);
  assert.ok(id >= 0, `method ${name}`);
  return id;
}

Deno.test("inline methods: every entry matches the method's value, gas and effect, or misses changing nothing", () => {
  let ran = 0;
  let missed = 0;
  for (const [entry, run] of INLINE_METHODS) {
    const [qualified = "", countText = ""] = entry.split("/");
    const [receiverType, name = ""] = qualified.split(".");
    const count = Number(countText);
    const id = methodId(name);
    const argumentLists: Value[][] = count === 1
      ? KEYS.map((key) => [key])
      : KEYS.flatMap((key) => [[key, 0], [key, "fallback"]]);
    for (const args of argumentLists) {
      const receivers = receiverType === "list" ? listReceivers() : dictReceivers();
      const twins = receiverType === "list" ? listReceivers() : dictReceivers();
      receivers.forEach((receiver, i) => {
        const twin = twins[i] as PyList | PyDict;
        const before = state(receiver);
        const result = (run as (self: unknown, a: Value, b: Value) => Value | typeof MISS)(
          receiver,
          args[0] ?? null,
          args[1] ?? null,
        );
        if (result === MISS) {
          assert.equal(state(receiver), before, `${entry} missed but changed its receiver`);
          missed++;
          return;
        }
        const meter = new CountingMeter();
        const general = callMethod(meter, id, twin, args, new Map());
        const gas = meter.gas;
        const printer = new CountingMeter();
        const shown = args.map((a) => repr(printer, a).slice(0, 20)).join(", ");
        const label = `${entry} on ${before.slice(0, 40)} with ${shown}`;
        assert.equal(repr(printer, result), repr(printer, general), label);
        const info = receiverType === "list" ? METHODS[id]?.on.list : METHODS[id]?.on.dict;
        assert.equal(gas, info?.base, `${label}: gas`);
        assert.equal(state(receiver), state(twin), `${label}: effect`);
        ran++;
      });
    }
  }
  assert.ok(ran > 50, `${ran} runs`);
  assert.ok(missed > 20, `${missed} misses`);
});

Deno.test("inline builtins: every entry matches the builtin's value and gas, or misses", () => {
  const printer = new CountingMeter();
  const set = new PySet();
  const filled = dictReceivers()[1] as PyDict;
  const values: Value[] = [
    ...KEYS,
    -(2 ** 53 - 1),
    -0,
    10 ** 15,
    "héllo",
    new Uint8Array(0),
    ...listReceivers(),
    ...dictReceivers(),
    new PyTuple([]),
    new PyTuple([1, 2, 3]),
    set,
    new PyDictView(filled, "keys"),
    new PyDictView(filled, "items"),
    new PyRange(0n, 10n, 1n),
  ];
  let ran = 0;
  let missed = 0;
  for (const [entry, inline] of INLINE_BUILTINS) {
    const [name = "", countText = ""] = entry.split("/");
    assert.equal(countText, "1", entry);
    const id = BUILTINS.findIndex((info) => info?.name === name);
    const info = BUILTINS[id];
    assert.ok(info !== null && info !== undefined, entry);
    for (const value of values) {
      const label = `${entry} of ${repr(printer, value).slice(0, 40)}`;
      const result = inline.run(value);
      if (result === MISS) {
        missed++;
        continue;
      }
      const meter = new CountingMeter();
      const general = callBuiltin(meter, id, [value], new Map());
      assert.equal(repr(printer, result), repr(printer, general), label);
      const units = inline.perUnit === 0 ? 0 : (result as string).length;
      assert.equal(meter.gas, info.base + inline.perUnit * units, `${label}: gas`);
      ran++;
    }
  }
  assert.ok(ran > 20, `${ran} runs`);
  assert.ok(missed > 10, `${missed} misses`);
});

Deno.test("inline str concatenation: the charge is the operator's, or -1 where it raises", () => {
  const texts = [
    "",
    "user",
    "1234",
    "h\u00e9llo",
    "\u4e00\u4e8c",
    "x\ud83d\ude00",
    "\udc00\ude05",
    "k".repeat(CAPS.bytes_length - 3),
    "\u00e9".repeat(CAPS.bytes_length / 2),
  ];
  let joined = 0;
  let refused = 0;
  for (const op of [Op.ADD, Op.INPLACE_ADD]) {
    for (const left of texts) {
      for (const right of texts) {
        const label = `${op} of ${left.length} and ${right.length} units`;
        const charge = concatCharge(left, right);
        const meter = new CountingMeter();
        if (charge < 0) {
          assert.throws(() => binaryOp(meter, op, left, right), /too long/, label);
          refused++;
          continue;
        }
        assert.equal(binaryOp(meter, op, left, right), left + right, label);
        assert.equal(meter.gas, charge, `${label}: gas`);
        joined++;
      }
    }
  }
  assert.ok(joined > 50 && refused > 5, `${joined} joined, ${refused} refused`);
});

Deno.test("inline subscript: every hit matches subscript() at no extra gas", () => {
  const printer = new CountingMeter();
  const containers: Value[] = [
    ...dictReceivers(),
    new PyList([]),
    new PyList([1, "x", null]),
    new PyTuple([5, 6]),
    "abc",
    new Uint8Array([1, 2]),
  ];
  const keys: Value[] = [...KEYS, -2, -3, -4, 2, 3, 39, 40, -40, -41, 2 ** 53 - 1, -(2 ** 53 - 1)];
  let hits = 0;
  for (const container of containers) {
    for (const key of keys) {
      const result = inlineSubscript(container, key);
      if (result === MISS) continue;
      const meter = new CountingMeter();
      const general = subscript(meter, container, key);
      const label = `${repr(printer, container).slice(0, 40)}[${repr(printer, key).slice(0, 20)}]`;
      assert.equal(repr(printer, result), repr(printer, general), label);
      assert.equal(meter.gas, 0, `${label}: gas`);
      hits++;
    }
  }
  assert.ok(hits > 20, `${hits} hits`);
});

Deno.test("inline membership: every hit matches contains() at no extra gas", () => {
  const printer = new CountingMeter();
  const containers: Value[] = [...dictReceivers(), new PyList([1, "a"]), "abc", new PyTuple([1])];
  let hits = 0;
  for (const container of containers) {
    for (const key of [...KEYS, 39, 40, "v1"]) {
      const result = inlineContains(container, key);
      if (result === MISS) continue;
      const meter = new CountingMeter();
      const general = contains(meter, container, key);
      const label = `${repr(printer, key).slice(0, 20)} in ${
        repr(printer, container).slice(0, 40)
      }`;
      assert.equal(result, general, label);
      assert.equal(meter.gas, 0, `${label}: gas`);
      hits++;
    }
  }
  assert.ok(hits > 20, `${hits} hits`);
});

Deno.test("inline store: every store matches storeSubscript() at no extra gas, every miss changes nothing", () => {
  const printer = new CountingMeter();
  const fullDict = new PyDict();
  for (let i = 0; i < CAPS.container_length; i++) setEntry(fullDict, i, i, 0);
  const frozenDict = new PyDict();
  frozenDict.frozen = true;
  // Each receiver is made twice (one for each path), so their states can be compared.
  const receivers = (): (PyList | PyDict)[] => [
    ...dictReceivers(),
    ...listReceivers().slice(0, 3),
    new PyList([1, 2, 3]),
    frozenDict,
  ];
  const keys: Value[] = [...KEYS, -3, -4, 2, 3, 39, 40, 2 ** 53 - 1];
  let stored = 0;
  for (const key of keys) {
    const inline = receivers();
    const general = receivers();
    for (let i = 0; i < inline.length; i++) {
      const receiver = inline[i] as PyList | PyDict;
      const before = state(receiver);
      const label = `${before.slice(0, 30)}[${repr(printer, key).slice(0, 20)}]`;
      if (!inlineStore(receiver, key, "new")) {
        assert.equal(state(receiver), before, `${label}: a miss changed nothing`);
        continue;
      }
      const meter = new CountingMeter();
      storeSubscript(meter, general[i] as PyList | PyDict, key, "new");
      assert.equal(state(receiver), state(general[i] as PyList | PyDict), label);
      assert.equal(meter.gas, 0, `${label}: gas`);
      stored++;
    }
  }
  assert.equal(inlineStore(fullDict, CAPS.container_length, 1), false, "a full dict misses");
  assert.equal(inlineStore(fullDict, 5, 1), false, "a full dict misses even an update");
  assert.ok(stored > 30, `${stored} stores`);
});
