/**
 * Seeded property tests of the ABI codec, 10,000 cases per type:
 * random values round-trip value -> bytes -> value; random byte strings
 * (fresh and mutated encodings) either decode to a value that re-encodes
 * to exactly the same bytes, or fail with AbiDecodeError — nothing else.
 */

import assert from "node:assert/strict";
import { AbiDecodeError, type AbiValue } from "../mod.ts";
import { type AbiType, decodeAbi, encodeAbi, parseAbiType } from "../abi.ts";
import { mutateBytes, SeededRandom } from "./support/random.ts";

const TYPES = [
  "int",
  "bool",
  "bytes",
  "str",
  "address",
  "list<int>",
  "tuple(address,int)",
  "list<tuple(address,int)>",
  "list<list<str>>",
  "tuple(bool,list<bytes>,str,tuple())",
];
const CASES = 10_000;

function randomInt(random: SeededRandom): bigint {
  const bits = random.pick([0, 1, 6, 7, 8, 31, 53, 64, 65, 200, 300, 400]);
  let value = 0n;
  for (let i = 0; i < bits; i += 16) value = (value << 16n) | BigInt(random.below(1 << 16));
  value &= (1n << BigInt(bits)) - 1n;
  return random.below(2) === 0 ? value : -value - BigInt(random.below(2));
}

function randomBytes(random: SeededRandom, length: number): Uint8Array {
  return Uint8Array.from({ length }, () => random.below(256));
}

function randomString(random: SeededRandom): string {
  const length = random.below(12);
  let text = "";
  for (let i = 0; i < length; i++) {
    const range = random.pick([0x80, 0x800, 0xd800, 0x10000, 0x110000]);
    let code = random.below(range);
    if (code >= 0xd800 && code <= 0xdfff) code = 0x41;
    text += String.fromCodePoint(code);
  }
  return text;
}

function randomValue(random: SeededRandom, type: AbiType): AbiValue {
  switch (type.kind) {
    case "int":
      return randomInt(random);
    case "bool":
      return random.below(2) === 1;
    case "bytes":
      return randomBytes(random, random.below(40));
    case "str":
      return randomString(random);
    case "address":
      return randomBytes(random, 33);
    case "list":
      return Array.from({ length: random.below(5) }, () => randomValue(random, type.item));
    case "tuple":
      return type.items.map((item) => randomValue(random, item));
  }
}

for (const [index, text] of TYPES.entries()) {
  const type = parseAbiType(text);

  Deno.test(`abi property: ${text} values round-trip (${CASES} cases)`, () => {
    const random = new SeededRandom(1000 + index);
    for (let i = 0; i < CASES; i++) {
      const value = randomValue(random, type);
      const bytes = encodeAbi(type, value);
      assert.deepEqual(decodeAbi(type, bytes), value);
    }
  });

  Deno.test(`abi property: ${text} random bytes decode canonically or fail typed (${CASES} cases)`, () => {
    const random = new SeededRandom(2000 + index);
    let decoded = 0;
    for (let i = 0; i < CASES; i++) {
      const bytes = i % 2 === 0
        ? randomBytes(random, random.below(24))
        : mutateBytes(random, encodeAbi(type, randomValue(random, type)));
      let value: AbiValue;
      try {
        value = decodeAbi(type, bytes);
      } catch (error) {
        if (error instanceof AbiDecodeError) continue;
        throw error;
      }
      decoded++;
      assert.deepEqual(encodeAbi(type, value), bytes, `re-encoding differs for ${text}`);
    }
    assert.ok(decoded > 0, `no random input decoded as ${text}`);
  });
}
