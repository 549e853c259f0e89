/**
 * ABI golden vectors (tests/vectors/abi.json): every valid case encodes to
 * exactly its bytes and decodes back to its value (through the JSON
 * mapping); every invalid encoding fails with its expected error. The hex
 * is cross-checked with an independent Python encoder when python3 exists.
 */

import assert from "node:assert/strict";
import { AbiDecodeError } from "../mod.ts";
import {
  decodeAbi,
  encodeAbi,
  fromHex,
  isJsonObject,
  type JsonValue,
  parseAbiType,
  parseJson,
  stringifyJson,
  toHex,
  valueFromJson,
  valueToJson,
} from "../abi.ts";
import { pythonUnavailableReason, runPythonJson } from "./support/python.ts";

const VECTORS = new URL("./vectors/abi.json", import.meta.url);
const REFERENCE = new URL("./support/abi_reference.py", import.meta.url);

interface Vectors {
  valid: { type: string; value: JsonValue; hex: string; note: string }[];
  invalid: { type: string; hex: string; error: string }[];
}

function loadVectors(): Vectors {
  const json = parseJson(Deno.readTextFileSync(VECTORS));
  assert.ok(isJsonObject(json));
  return json as unknown as Vectors;
}

Deno.test("abi vectors: at least 60 valid and 20 invalid cases", () => {
  const vectors = loadVectors();
  assert.ok(vectors.valid.length >= 60, `${vectors.valid.length} valid`);
  assert.ok(vectors.invalid.length >= 20, `${vectors.invalid.length} invalid`);
});

Deno.test("abi vectors: valid cases encode to their exact bytes and decode back", () => {
  for (const vector of loadVectors().valid) {
    const type = parseAbiType(vector.type);
    const value = valueFromJson(type, vector.value, "value");
    const where = `${vector.type} ${vector.note}`;
    assert.equal(toHex(encodeAbi(type, value)), vector.hex, where);
    const bytes = fromHex(vector.hex);
    assert.ok(bytes !== null, where);
    const decoded = decodeAbi(type, bytes);
    assert.deepEqual(decoded, value, where);
    assert.equal(
      stringifyJson(valueToJson(type, decoded)),
      stringifyJson(valueToJson(type, value)),
      where,
    );
  }
});

Deno.test("abi vectors: invalid encodings fail with the expected error", () => {
  for (const vector of loadVectors().invalid) {
    const bytes = fromHex(vector.hex);
    assert.ok(bytes !== null);
    assert.throws(
      () => decodeAbi(parseAbiType(vector.type), bytes),
      (error: unknown) => error instanceof AbiDecodeError && error.message.includes(vector.error),
      `${vector.type} ${vector.hex.slice(0, 24)}: expected "${vector.error}"`,
    );
  }
});

const skipReason = pythonUnavailableReason();
if (skipReason !== null) console.log(`abi reference cross-check skipped: ${skipReason}`);

Deno.test({
  name: "abi vectors: an independent Python encoder gives the same bytes",
  ignore: skipReason !== null,
  async fn() {
    const vectors = loadVectors().valid;
    const text = `[${
      vectors.map((v) =>
        `[${JSON.stringify(v.type)},${
          stringifyJson(
            valueToJson(parseAbiType(v.type), valueFromJson(parseAbiType(v.type), v.value, "")),
          )
        }]`
      ).join(",")
    }]`;
    const hexes = await runPythonJson(REFERENCE, text) as string[];
    vectors.forEach((vector, index) =>
      assert.equal(hexes[index], vector.hex, `${vector.type} ${vector.note}`)
    );
  },
});
