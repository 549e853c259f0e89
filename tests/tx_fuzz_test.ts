/**
 * 10,000 mutated transactions (bit flips, byte edits, truncations,
 * insertions, splices of two valid transactions, from a seeded PRNG): each
 * is a TxError or decodes to a transaction whose encoding is exactly the
 * mutated bytes; no other exception. Half of the edits land outside the
 * public key and signature, where the structure is. Signatures are checked
 * (authProblem must answer, never throw) on a sample of the survivors only.
 */

import assert from "node:assert/strict";
import { TxError } from "../lib/errors.ts";
import {
  authProblem,
  decodeAnyTx,
  encodeTx,
  encodeUnsignedTx,
  isSignedTx,
  signTx,
} from "../lib/chain/tx.ts";
import { QUICK_SAMPLES } from "./support/tx_samples.ts";
import { SeededRandom } from "./support/random.ts";

const ROUNDS = 10_000;
const SIGNED = QUICK_SAMPLES.map((sample) => encodeTx(signTx(sample.tx, sample.key)));
const CORPUS = [...SIGNED, ...QUICK_SAMPLES.map((sample) => encodeUnsignedTx(sample.tx))];
const INTERESTING = [
  0x00,
  0x01,
  0x17,
  0x18,
  0x19,
  0x1a,
  0x1b,
  0x1f,
  0x20,
  0x40,
  0x58,
  0x5f,
  0x60,
  0x7f,
  0x80,
  0x9f,
  0xa0,
  0xbf,
  0xc2,
  0xc3,
  0xf4,
  0xf6,
  0xf7,
  0xf9,
  0xfb,
  0xff,
];

/** Where the structure is: before the first large byte string and after the auth entry. */
function structuralOffset(random: SeededRandom, bytes: Uint8Array): number {
  const body = bytes.findIndex((_, i) =>
    bytes[i] === 0x64 && bytes[i + 1] === 0x62 && bytes[i + 2] === 0x6f && bytes[i + 3] === 0x64
  ); // "body"
  if (body < 0 || random.below(4) === 0) return random.below(Math.min(bytes.length, 24));
  return body + random.below(bytes.length - body);
}

function mutate(random: SeededRandom): Uint8Array {
  const base = random.pick(CORPUS);
  const out = Array.from(base);
  const at = () =>
    random.below(2) === 0 ? random.below(out.length) : structuralOffset(random, base);
  switch (random.below(6)) {
    case 0: { // bit flips
      for (let n = 1 + random.below(3); n > 0; n--) {
        const i = at();
        out[i] = (out[i] ?? 0) ^ (1 << random.below(8));
      }
      break;
    }
    case 1: { // bytes overwritten with CBOR heads that matter
      for (let n = 1 + random.below(2); n > 0; n--) out[at()] = random.pick(INTERESTING);
      break;
    }
    case 2: // truncation
      out.length = random.below(out.length);
      break;
    case 3: { // insertion
      const bytes = Array.from(
        { length: 1 + random.below(9) },
        () => random.below(2) === 0 ? random.pick(INTERESTING) : random.below(256),
      );
      out.splice(at(), 0, ...bytes);
      break;
    }
    case 4: // deletion
      out.splice(at(), 1 + random.below(8));
      break;
    default: { // splice: a prefix of one valid transaction and a suffix of another
      const other = random.pick(CORPUS);
      const cut = random.below(out.length);
      return Uint8Array.from([...out.slice(0, cut), ...other.slice(random.below(other.length))]);
    }
  }
  return Uint8Array.from(out);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

Deno.test("tx fuzz: 10,000 mutated transactions are TxErrors or canonical transactions", () => {
  const random = new SeededRandom(0x7e5716);
  let rejected = 0;
  let accepted = 0;
  let checked = 0;
  const fields = new Set<string>();
  for (let round = 0; round < ROUNDS; round++) {
    const input = mutate(random);
    let decoded;
    try {
      decoded = decodeAnyTx(input);
    } catch (error) {
      if (!(error instanceof TxError)) {
        throw new Error(`round ${round}: ${String(error)} on ${input.length} bytes`);
      }
      rejected++;
      fields.add(error.field);
      continue;
    }
    accepted++;
    const again = isSignedTx(decoded) ? encodeTx(decoded) : encodeUnsignedTx(decoded);
    assert.ok(sameBytes(again, input), `round ${round}: accepted bytes are not canonical`);
    if (isSignedTx(decoded) && checked < 100) {
      checked++;
      const problem = authProblem(decoded);
      assert.ok(problem === null || typeof problem === "string");
    }
  }
  assert.equal(rejected + accepted, ROUNDS);
  assert.ok(rejected > ROUNDS / 2, `only ${rejected} rejected`);
  assert.ok(accepted > 0, "no mutation survived");
  assert.ok(fields.size > 10, `errors name only ${[...fields].join(", ")}`);
});
