import assert from "node:assert/strict";
import { AbiTypeError } from "../errors.ts";
import { canonicalType, parseAbiType } from "./types.ts";
import { readUvarint, unzigzag, writeUvarint, zigzag } from "./varint.ts";

Deno.test("types: parse, canonical spelling and errors", () => {
  assert.equal(
    canonicalType(parseAbiType(" list < tuple ( address , int ) > ")),
    "list<tuple(address,int)>",
  );
  assert.equal(canonicalType(parseAbiType("tuple()")), "tuple()");
  assert.throws(
    () => parseAbiType("uint"),
    (e: unknown) => e instanceof AbiTypeError && /unknown type 'uint'/.test(e.message),
  );
  assert.throws(() => parseAbiType("list<int"), /expected '>' in type 'list<int' at position 9/);
  assert.throws(() => parseAbiType("int int"), /unexpected 'i'/);
  assert.throws(
    () => parseAbiType("list<".repeat(40) + "int" + ">".repeat(40)),
    /nested deeper than 16/,
  );
});

Deno.test("varint: zigzag and LEB128 of small and huge numbers", () => {
  assert.deepEqual([0n, -1n, 1n, -2n, 2n].map(zigzag), [0n, 1n, 2n, 3n, 4n]);
  for (const value of [0n, 1n, -1n, 2n ** 64n, -(2n ** 300n)]) {
    assert.equal(unzigzag(zigzag(value)), value);
  }
  const out: number[] = [];
  writeUvarint(out, 300);
  assert.deepEqual(out, [0xac, 0x02]);
  const huge = 2n ** 1000n + 12345n;
  const bytes: number[] = [];
  writeUvarint(bytes, huge);
  assert.deepEqual(readUvarint(Uint8Array.from(bytes), 0), { value: huge, next: bytes.length });
});
