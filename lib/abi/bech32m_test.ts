/**
 * The bech32m codec (./bech32m.ts) and the address form built on it
 * (./address.ts) against @scure/base: the same strings for generated
 * payloads, and the same verdict and payload on mutated strings.
 */

import assert from "node:assert/strict";
import { bech32m } from "npm:@scure/base@2.4.0";
import { decodeAddress, encodeAddress } from "./address.ts";
import { decodeBech32m, encodeBech32m, fromWords, toWords } from "./bech32m.ts";
import { toHex } from "./hex.ts";

/** A deterministic generator of 32-bit values. */
function generator(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return x >>> 8;
  };
}

/** The address payload of an `anim1...` string as @scure/base reads it, or null. */
function scureAddress(text: string): Uint8Array | null {
  try {
    const { prefix, words } = bech32m.decode(text as `${string}1${string}`);
    if (prefix !== "anim") return null;
    const payload = bech32m.fromWords(words);
    return payload.length === 33 ? payload : null;
  } catch {
    return null;
  }
}

Deno.test("bech32m: encodes as @scure/base does, for every payload length up to 50 and many prefixes", () => {
  const next = generator(7);
  for (let length = 0; length <= 50; length++) {
    for (const prefix of ["anim", "a", "bc", "x!~#", "an1m"]) {
      const bytes = Uint8Array.from({ length }, () => next() & 0xff);
      const words = toWords(bytes);
      assert.deepEqual(words, bech32m.toWords(bytes));
      if (prefix.length + 7 + words.length > 90) continue;
      assert.equal(
        encodeBech32m(prefix, words),
        bech32m.encode(prefix, words),
        `${prefix} ${length}`,
      );
      assert.deepEqual(fromWords(words), bytes);
    }
  }
});

Deno.test("bech32m: BIP 350's valid strings decode, and its invalid ones do not", () => {
  for (
    const valid of [
      "A1LQFN3A",
      "a1lqfn3a",
      "an83characterlonghumanreadablepartthatcontainsthetheexcludedcharactersbioandnumber11sg7hg6",
      "abcdef1l7aum6echk45nj3s0wdvt2fg8x9yrzpqzd3ryx",
      "11llllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllludsr8",
      "split1checkupstagehandshakeupstreamerranterredcaperredlc445v",
      "?1v759aa",
    ]
  ) {
    assert.equal(typeof decodeBech32m(valid), "object", valid);
  }
  for (
    const invalid of [
      "\x201xj0phk",
      "\x7f1g6xzxy",
      "\x801vctc34",
      "an84characterslonghumanreadablepartthatcontainsthetheexcludedcharactersbioandnumber11d6pts4",
      "qyrz8wqd2c9m",
      "1qyrz8wqd2c9m",
      "y1b0jsk6g",
      "lt1igcx5c0",
      "in1muywd",
      "mm1crxm3i",
      "au1s5cgom",
      "M1VUXWEZ",
      "16plkw9",
      "1p2gdwpf",
      "A1lqfn3a",
    ]
  ) {
    assert.equal(typeof decodeBech32m(invalid), "string", JSON.stringify(invalid));
  }
});

Deno.test("bech32m: addresses decode to what @scure/base reads, over 40,000 mutated strings", () => {
  const next = generator(11);
  const letters =
    "qpzry9x8gf2tvdw0s3jn54khce6mua7lQPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L1bio!\u212a\u00e9 ";
  let accepted = 0;
  for (let round = 0; round < 40_000; round++) {
    const payload = Uint8Array.from({ length: 33 }, () => next() & 0xff);
    let text = encodeAddress(payload);
    const edits = next() % 4;
    for (let e = 0; e < edits; e++) {
      const at = next() % (text.length + 1);
      const letter = letters[next() % letters.length] ?? "q";
      switch (next() % 5) {
        case 0:
          text = text.slice(0, at) + letter + text.slice(at + 1);
          break;
        case 1:
          text = text.slice(0, at) + letter + text.slice(at);
          break;
        case 2:
          text = text.slice(0, at) + text.slice(at + 1);
          break;
        case 3:
          text = text.toUpperCase();
          break;
        default:
          text = text.slice(0, at);
      }
    }
    const ours = decodeAddress(text);
    const reference = scureAddress(text);
    if (reference === null) {
      assert.equal(typeof ours, "string", JSON.stringify(text));
    } else {
      accepted++;
      assert.ok(ours instanceof Uint8Array, `${JSON.stringify(text)}: ${String(ours)}`);
      assert.equal(toHex(ours), toHex(reference));
    }
  }
  assert.ok(accepted > 10_000, `only ${accepted} accepted`);
});

Deno.test("bech32m: fromWords refuses what @scure/base refuses: excess or non-zero padding", () => {
  const next = generator(5);
  for (let round = 0; round < 20_000; round++) {
    const words = Array.from({ length: next() % 60 }, () => next() & 31);
    let reference: Uint8Array | null;
    try {
      reference = bech32m.fromWords(words);
    } catch {
      reference = null;
    }
    const ours = fromWords(words);
    assert.equal(ours === null, reference === null, JSON.stringify(words));
    if (ours !== null && reference !== null) assert.equal(toHex(ours), toHex(reference));
  }
  // An address whose last word carries its padding bit set has a valid checksum and no payload.
  const words = toWords(new Uint8Array(33).fill(9));
  words[words.length - 1] = (words[words.length - 1] ?? 0) | 1;
  const padded = encodeBech32m("anim", words);
  assert.equal(scureAddress(padded), null);
  assert.equal(decodeAddress(padded), "address payload has invalid padding");
});

Deno.test("bech32m: encoding refuses what decoding could not read back", () => {
  assert.throws(() => encodeBech32m("", []), RangeError);
  assert.throws(() => encodeBech32m("Anim", []), RangeError);
  assert.throws(() => encodeBech32m("an m", []), RangeError);
  assert.throws(() => encodeBech32m("anim", [32]), RangeError);
  assert.throws(() => encodeBech32m("anim", new Array(80).fill(0)), RangeError);
  assert.equal(typeof decodeBech32m(encodeBech32m("anim", new Array(79).fill(0))), "object");
});

Deno.test("bech32m: address errors say what is wrong", () => {
  const good = encodeAddress(new Uint8Array(33).fill(7));
  assert.match(String(decodeAddress(good.slice(0, -1) + "q")), /checksum does not match/);
  assert.match(String(decodeAddress(good.toUpperCase().slice(0, 10) + good.slice(10))), /mixes/);
  assert.match(String(decodeAddress("anim1" + "b".repeat(10))), /'b' is not a bech32 letter/);
  assert.match(
    String(decodeAddress(encodeBech32m("ani", toWords(new Uint8Array(33))))),
    /prefix must be 'anim'/,
  );
  assert.match(
    String(decodeAddress(encodeBech32m("anim", toWords(new Uint8Array(32))))),
    /33 bytes, got 32/,
  );
});
