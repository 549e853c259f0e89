/**
 * int.to_bytes and int.from_bytes against CPython 3.11, exactly (the repr
 * of every result and the message of every OverflowError): one program
 * sweeps edge ints (0, ±1, powers of two ±1 from 2^7 to 2^80, so both the
 * safe-int number path and the bigint path) and seeded random ones over
 * lengths 0..10, 16 and 17, both byte orders and both signednesses, and
 * reads back every result both ways; a second reads seeded byte strings
 * with runs of 0x00 / 0xff (the pad scan of the short path).
 */

import assert from "node:assert/strict";
import { compileContract } from "../ir.ts";
import { repr } from "../lib/runtime/repr.ts";
import { OUTPUT_METER } from "../lib/runtime/walk.ts";
import { pythonUnavailableReason } from "./support/python.ts";
import { SeededRandom } from "./support/random.ts";
import { callCompiled } from "./support/runtime.ts";

const skipReason = pythonUnavailableReason();
if (skipReason !== null) console.log(`int bytes conformance skipped: ${skipReason}`);

function edgeInts(): bigint[] {
  const values = [0n, 1n, -1n, 2n, -2n];
  for (const k of [7, 8, 15, 16, 23, 24, 31, 32, 47, 48, 52, 53, 54, 55, 56, 63, 64, 79, 80]) {
    const power = 1n << BigInt(k);
    for (const v of [power - 1n, power, power + 1n]) values.push(v, -v);
  }
  const random = new SeededRandom(1515);
  for (let i = 0; i < 40; i++) {
    const v = (BigInt(random.nextU32()) << 32n | BigInt(random.nextU32())) >>
      BigInt(random.below(64));
    values.push(v, -v);
  }
  return values;
}

const TO_BYTES = `def main():
    out = []
    for v in VALUES:
        for n in [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 16, 17]:
            for order in ["big", "little"]:
                for signed in [False, True]:
                    try:
                        b = v.to_bytes(n, order, signed=signed)
                        out.append((b, int.from_bytes(b, order, signed=True), int.from_bytes(b, order)))
                    except OverflowError as e:
                        out.append(str(e))
    return out
`;

function byteStrings(): string[] {
  const random = new SeededRandom(1516);
  const out: string[] = [];
  for (let i = 0; i < 300; i++) {
    const length = random.below(12);
    const run = random.below(length + 1);
    const fill = random.pick([0x00, 0xff, 0x80, 0x7f]);
    const bytes = Array.from({ length }, (_, j) => (j < run ? fill : random.below(256)));
    out.push(`bytes([${bytes.join(", ")}])`);
  }
  return out;
}

const FROM_BYTES = `def main():
    out = []
    for b in SOURCES:
        for order in ["big", "little"]:
            out.append((int.from_bytes(b, order), int.from_bytes(b, order, signed=True)))
    return out
`;

function programs(): string[] {
  return [
    TO_BYTES.replace("VALUES", `[${edgeInts().join(", ")}]`),
    FROM_BYTES.replace("SOURCES", `[${byteStrings().join(", ")}]`),
  ];
}

function vmRepr(source: string): string {
  const result = callCompiled(compileContract(source), { gasLimit: 1_000_000_000 });
  assert.ok(result.ok, result.failure?.message);
  return repr(OUTPUT_METER, result.value);
}

async function cpythonRepr(source: string): Promise<string> {
  const script = `${source}\nprint(repr(main()), end="")\n`;
  const output = await new Deno.Command("python3", { args: ["-c", script], stdout: "piped" })
    .output();
  assert.ok(output.success);
  return new TextDecoder().decode(output.stdout);
}

Deno.test({
  name: "int.to_bytes / int.from_bytes: the same bytes, ints and errors as CPython 3.11",
  ignore: skipReason !== null,
  fn: async () => {
    for (const source of programs()) assert.equal(vmRepr(source), await cpythonRepr(source));
  },
});
