/**
 * Hash flooding in the strict CBOR decoders: a map whose text keys spell
 * array indices (`"65536"`, `"131072"`, ...) lands in one bucket of the
 * engine's Map, which the decoders read maps into, so 20,000 such keys took
 * 1.6-2.1 s to decode (plain keys: 18-120 ms). Transactions and receipts
 * are records of a few fields and IR modules hold no maps, so the shape
 * pass before decoding refuses a map of more entries than a record has.
 */

import assert from "node:assert/strict";
import { decodeModule } from "../ir.ts";
import { decodeReceipt, decodeTx } from "../chain.ts";

const KEYS = 20_000;

/** A CBOR map of `count` text keys `(i + 1) * 65536`, each to 0. */
function indexKeyMap(count: number): Uint8Array {
  const out: number[] = [0xb9, count >> 8, count & 0xff];
  for (let i = 0; i < count; i++) {
    const text = new TextEncoder().encode(String((i + 1) * 65536));
    out.push(0x60 + text.length, ...text, 0x00);
  }
  return Uint8Array.from(out);
}

const DECODERS: readonly [string, (bytes: Uint8Array) => unknown, RegExp][] = [
  ["decodeTx", decodeTx, /a map at byte 0 has more than 32 entries/],
  ["decodeReceipt", decodeReceipt, /a map at byte 0 has more than 32 entries/],
  ["decodeModule", decodeModule, /byte 0 starts a map/],
];

for (const [name, decode, message] of DECODERS) {
  Deno.test(`${name} refuses a map of ${KEYS} index-like keys before reading it`, () => {
    const bytes = indexKeyMap(KEYS);
    const start = performance.now();
    assert.throws(() => decode(bytes), message);
    const elapsed = performance.now() - start;
    assert.ok(elapsed < 100, `${elapsed.toFixed(0)} ms`);
  });
}
