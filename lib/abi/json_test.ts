import assert from "node:assert/strict";
import { AbiEncodeError } from "../errors.ts";
import { encodeAddress } from "./address.ts";
import { argsFromJson } from "./calls.ts";
import {
  OrderedJsonObject,
  parseJson,
  rawJson,
  stringifyJson,
  valueFromJson,
  valueToJson,
} from "./json.ts";
import { parseManifest } from "./manifest.ts";
import { parseAbiType } from "./types.ts";

const manifest = parseManifest({
  name: "t",
  version: "1.0.0",
  entry: "t.py",
  abi: {
    functions: [{
      name: "send",
      inputs: [{ name: "to", type: "address" }, { name: "amount", type: "int" }],
      outputs: [],
    }],
  },
});
const send = manifest.functions[0];
const ADDRESS = "0x01" + "ab".repeat(32);

Deno.test("json: integers stay exact in both directions", () => {
  const big = "-1234567890123456789012345678901234567890";
  const value = valueFromJson(
    parseAbiType("list<int>"),
    parseJson(`[${big}, 0, 9007199254740993]`),
    "x",
  );
  assert.deepEqual(value, [BigInt(big), 0n, 9007199254740993n]);
  assert.equal(
    stringifyJson(valueToJson(parseAbiType("list<int>"), value)),
    `[${big},0,9007199254740993]`,
  );
});

Deno.test("json: floats, quoted ints and wrong shapes are refused with the path", () => {
  const int = parseAbiType("int");
  assert.throws(
    () => valueFromJson(int, parseJson("1.5"), "amount"),
    /^AbiEncodeError: amount: expected an integer, got the number 1\.5$/m,
  );
  assert.throws(() => valueFromJson(int, parseJson("1e3"), "amount"), /got the number 1e3/);
  assert.throws(() => valueFromJson(int, parseJson('"5"'), "amount"), /write 5 without quotes/);
  assert.throws(
    () => valueFromJson(parseAbiType("bytes"), parseJson('"0xabc"'), "b"),
    /b: expected a "0x\.\.\." hex string/,
  );
  assert.throws(
    () => valueFromJson(parseAbiType("tuple(int,bool)"), parseJson("[1]"), "t"),
    /t: expected an array of 2, got 1 items/,
  );
  assert.throws(
    () => parseJson("[1,"),
    (e: unknown) => e instanceof AbiEncodeError && /not valid JSON/.test(e.message),
  );
});

Deno.test("json: addresses accept 0x hex and anim1 bech32m, and output as 0x hex", () => {
  const type = parseAbiType("address");
  const payload = valueFromJson(type, ADDRESS, "to") as Uint8Array;
  const bech = encodeAddress(payload);
  assert.match(bech, /^anim1/);
  assert.deepEqual(valueFromJson(type, bech, "to"), payload);
  assert.equal(valueToJson(type, payload), ADDRESS);
  assert.throws(
    () => valueFromJson(type, bech.slice(0, -1) + (bech.endsWith("q") ? "p" : "q"), "to"),
    /to: not a valid bech32m address/,
  );
  assert.throws(() => valueFromJson(type, "0x0102", "to"), /to: an address has 33 bytes, got 2/);
});

Deno.test("args: by position or by name, with errors naming the parameter", () => {
  assert.ok(send !== undefined);
  const byPosition = argsFromJson(send, parseJson(`["${ADDRESS}", 7]`));
  const byName = argsFromJson(send, parseJson(`{"amount": 7, "to": "${ADDRESS}"}`));
  assert.deepEqual(byPosition, byName);
  assert.throws(
    () => argsFromJson(send, parseJson(`["${ADDRESS}"]`)),
    /amount: missing argument 'amount'/,
  );
  assert.throws(
    () => argsFromJson(send, parseJson(`["${ADDRESS}", 1, 2]`)),
    /send takes 2 arguments, got 3/,
  );
  assert.throws(
    () => argsFromJson(send, parseJson(`{"to": "${ADDRESS}", "amount": 1, "memo": 2}`)),
    /memo: send has no parameter 'memo'/,
  );
  assert.throws(
    () => argsFromJson(send, parseJson(`{"to": "${ADDRESS}", "amount": true}`)),
    /amount: expected an integer, got a boolean/,
  );
  assert.throws(() => argsFromJson(send, parseJson("5")), /arguments must be a JSON array/);
});

Deno.test("stringifyJson writes as JSON.stringify does, and ordered objects in their order", () => {
  const plain = {
    a: [1, { b: null, c: [] }],
    d: "x\u2028",
    e: {},
    f: rawJson("12345678901234567890"),
  };
  for (const indent of [undefined, 0, 2, 4]) {
    assert.equal(
      stringifyJson(plain, indent),
      JSON.stringify(plain, null, indent),
      `indent ${indent}`,
    );
  }
  const ordered = new OrderedJsonObject([["b", 1], ["2", [new OrderedJsonObject([])]], ["2", "x"]]);
  assert.equal(stringifyJson(ordered), '{"b":1,"2":[{}],"2":"x"}');
  assert.equal(stringifyJson(ordered, 2), '{\n  "b": 1,\n  "2": [\n    {}\n  ],\n  "2": "x"\n}');
  // A caller of JSON.stringify still gets a plain object.
  assert.equal(JSON.stringify(ordered), '{"2":"x","b":1}');
});
