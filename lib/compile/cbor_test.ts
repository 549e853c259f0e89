/**
 * ./cbor.ts against cborg (the library the formats were first written
 * with, kept as a test oracle): the same bytes for generated values, in
 * RFC 8949 order and cborg's default order, with bignums as transactions
 * encode them; the same values back; and the same verdict on mutated and
 * random bytes, except what this codec refuses on purpose (floats, and
 * text that is not UTF-8, which cborg reads with replacement characters
 * and every format then refuses on re-encoding).
 */

import assert from "node:assert/strict";
import { decode, encode, rfc8949EncodeOptions, Token, Type } from "npm:cborg@6.1.5";
import { CborError, CborTag, type CborValue, decodeCbor, encodeCbor } from "./cbor.ts";

/** A deterministic stream of numbers in [0, 1). */
function stream(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const U64_MAX = (1n << 64n) - 1n;
const INTS = [
  0,
  1,
  23,
  24,
  255,
  256,
  65535,
  65536,
  2 ** 32 - 1,
  2 ** 32,
  2 ** 53 - 1,
  -1,
  -24,
  -25,
];
const MORE_INTS = [-256, -257, -65537, -(2 ** 32), -(2 ** 32) - 1, -(2 ** 53) + 1];
const BIGINTS = [0n, 1n, 2n ** 53n, 2n ** 63n, U64_MAX, -(2n ** 64n), -(2n ** 53n) - 1n];
const BIGNUMS = [2n ** 64n, 2n ** 100n + 7n, 2n ** 64n + 255n];

function text(random: () => number): string {
  let out = "";
  const length = Math.floor(random() * 40);
  for (let i = 0; i < length; i++) {
    const r = random();
    out += r < 0.6
      ? String.fromCharCode(32 + Math.floor(random() * 90))
      : r < 0.8
      ? String.fromCharCode(0x80 + Math.floor(random() * 0x700))
      : r < 0.9
      ? "\u{1F600}"
      : String.fromCharCode(0xd800 + Math.floor(random() * 0x800)); // lone surrogates too
  }
  return out;
}

function value(random: () => number, depth: number, bignums: boolean): CborValue {
  const r = random();
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  if (depth > 3 || r < 0.35) {
    switch (Math.floor(random() * 8)) {
      case 0:
        return pick([...INTS, ...MORE_INTS]);
      case 1:
        return bignums && random() < 0.3 ? pick(BIGNUMS) : pick(BIGINTS);
      case 2:
        return Math.floor(random() * 1e6) - 5e5;
      case 3:
        return Uint8Array.from(
          { length: Math.floor(random() * 300) },
          () => Math.floor(random() * 256),
        );
      case 4:
        return text(random);
      case 5:
        return random() < 0.5;
      case 6:
        return null;
      default:
        return `k${Math.floor(random() * 5000)}`;
    }
  }
  if (r < 0.7) {
    return Array.from(
      { length: Math.floor(random() * 6) },
      () => value(random, depth + 1, bignums),
    );
  }
  const map = new Map<CborValue, CborValue>();
  const entries = Math.floor(random() * 6);
  for (let i = 0; i < entries; i++) {
    let key = "";
    const length = Math.floor(random() * 30);
    for (let j = 0; j < length; j++) key += String.fromCharCode(97 + Math.floor(random() * 26));
    map.set(key, value(random, depth + 1, bignums));
  }
  return map;
}

/** cborg's form of a bignum, as lib/chain/tx.ts once wrote it. */
function bignumTokens(big: bigint): Token[] | null {
  if (big <= U64_MAX) return null;
  const hex = big.toString(16);
  const bytes = new Uint8Array(Math.ceil(hex.length / 2));
  const padded = hex.padStart(bytes.length * 2, "0");
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(padded.slice(2 * i, 2 * i + 2), 16);
  return [new Token(Type.tag, 2), new Token(Type.bytes, bytes)];
}

const CBORG_DECODE = {
  strict: true,
  useMaps: true,
  rejectDuplicateMapKeys: true,
  allowUndefined: false,
  allowIndefinite: false,
  allowInfinity: false,
  allowNaN: false,
  tags: { 2: (content: () => unknown) => ({ bignum: content() }) },
};

const hex = (bytes: Uint8Array) =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");

/** A comparable form of a decoded value (ours or cborg's). */
function plain(decoded: unknown): unknown {
  if (decoded instanceof CborTag) return { bignum: plain(decoded.content) };
  if (decoded instanceof Map) return ["map", [...decoded].map(([k, v]) => [plain(k), plain(v)])];
  if (Array.isArray(decoded)) return decoded.map(plain);
  if (decoded instanceof Uint8Array) return `bytes ${hex(decoded)}`;
  if (typeof decoded === "bigint") return `bigint ${decoded}`;
  if (typeof decoded === "number" && !Number.isInteger(decoded)) return "float";
  if (typeof decoded === "object" && decoded !== null && "bignum" in decoded) {
    return { bignum: plain(decoded.bignum) };
  }
  return decoded;
}

const show = (decoded: unknown) => JSON.stringify(plain(decoded));

Deno.test("cbor: generated values encode to cborg's bytes and decode back to its values", () => {
  const random = stream(12345);
  for (let i = 0; i < 4000; i++) {
    const bignums = i % 2 === 0;
    const item = value(random, 0, bignums);
    const ours = encodeCbor(item, bignums);
    // deno-lint-ignore no-explicit-any
    const cborgValue = item as any;
    const rfc = encode(
      cborgValue,
      bignums
        ? { ...rfc8949EncodeOptions, typeEncoders: { bigint: bignumTokens } }
        : rfc8949EncodeOptions,
    );
    assert.equal(hex(ours), hex(rfc), `case ${i}`);
    if (!bignums) assert.equal(hex(ours), hex(encode(cborgValue)), `case ${i}, default order`);
    assert.equal(show(decodeCbor(ours, [2])), show(decode(ours, CBORG_DECODE)), `case ${i}`);
  }
});

Deno.test("cbor: heads at every size boundary, negative ints, bignums and the refusals", () => {
  const cases: [CborValue, string][] = [
    [0, "00"],
    [23, "17"],
    [24, "1818"],
    [255, "18ff"],
    [256, "190100"],
    [65535, "19ffff"],
    [65536, "1a00010000"],
    [2 ** 32 - 1, "1affffffff"],
    [2 ** 32, "1b0000000100000000"],
    [2 ** 53 - 1, "1b001fffffffffffff"],
    [U64_MAX, "1bffffffffffffffff"],
    [-1, "20"],
    [-25, "3818"],
    [-(2n ** 64n), "3bffffffffffffffff"],
    ["", "60"],
    ["\ud800", "63efbfbd"],
    [new Uint8Array(0), "40"],
    [[], "80"],
    [new Map<CborValue, CborValue>([["bb", 1], ["a", 2], ["c", 3]]), "a3616102616303626262" + "01"],
  ];
  for (const [item, bytes] of cases) assert.equal(hex(encodeCbor(item)), bytes, String(item));
  assert.equal(hex(encodeCbor(2n ** 64n, true)), "c249010000000000000000");
  assert.equal(decodeCbor(encodeCbor("\ufeffx")), "\ufeffx"); // kept (cborg dropped it)
  assert.throws(() => encodeCbor(2n ** 64n), CborError);
  assert.throws(() => encodeCbor(0.5), CborError);
  assert.equal(decodeCbor(Uint8Array.of(0x1b, 0, 0x20, 0, 0, 0, 0, 0, 0)), 2n ** 53n);
  assert.equal(
    decodeCbor(Uint8Array.of(0x3b, 0, 0x1f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe)),
    -(2 ** 53) + 1,
  );
  const refused: [number[], RegExp][] = [
    [[0x18, 0x17], /more bytes than necessary/],
    [[0x19, 0x00, 0xff], /more bytes than necessary/],
    [[0x1b, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff], /more bytes than necessary/],
    [[0xf9, 0x3c, 0x00], /a float/],
    [[0xf7], /simple value/],
    [[0xc3, 0x41, 0x01], /tag not allowed/],
    [[0x01, 0x01], /bytes after the item/],
    [[0x62, 0xc3], /length past the end/],
    [[0x61, 0xff], /not UTF-8/],
    [[0x5f], /indefinite/],
    [[], /ends where an item should start/],
  ];
  for (const [bytes, message] of refused) {
    assert.throws(() => decodeCbor(Uint8Array.from(bytes)), message, hex(Uint8Array.from(bytes)));
  }
  const repeated = Uint8Array.of(0xa2, 0x61, 0x76, 0x01, 0x61, 0x76, 0x02);
  assert.throws(
    () => decodeCbor(repeated),
    (error: unknown) => error instanceof CborError && error.repeatedKey === "v",
  );
});

Deno.test("cbor: mutated and random bytes get cborg's verdict (but for floats and bad UTF-8)", () => {
  const random = stream(777);
  const seeds = [
    encodeCbor([1, 2, "abc", Uint8Array.of(1, 2, 3), [true, false, null], new Map([["a", 1]])]),
    encodeCbor(
      new Map<CborValue, CborValue>([["status", 1], ["gasUsed", 2n ** 60n], ["logs", []]]),
    ),
    encodeCbor(2n ** 70n, true),
    encodeCbor([0, 23, 24, 255, 256, 65535, 65536, 2 ** 32 - 1, 2 ** 32, -1, -24, -25]),
    encodeCbor(["a text string over twenty-four bytes long", "é", "\u{1F600}"]),
  ];
  let refusedOnPurpose = 0;
  for (let i = 0; i < 30000; i++) {
    let bytes: number[];
    if (i % 5 === 0) {
      bytes = Array.from(
        { length: 1 + Math.floor(random() * 12) },
        () => Math.floor(random() * 256),
      );
    } else {
      bytes = [...(seeds[Math.floor(random() * seeds.length)] as Uint8Array)];
      for (let edits = 1 + Math.floor(random() * 3); edits > 0; edits--) {
        const r = random();
        const at = Math.floor(random() * bytes.length);
        if (r < 0.5) bytes[at] = Math.floor(random() * 256);
        else if (r < 0.7) bytes.splice(at, 1);
        else if (r < 0.85) bytes.splice(at, 0, Math.floor(random() * 256));
        else bytes.length = at;
      }
    }
    const input = Uint8Array.from(bytes);
    let ours: string;
    let theirs: string;
    let oursError: unknown = null;
    try {
      ours = show(decodeCbor(input, [2]));
    } catch (error) {
      ours = "refused";
      oursError = error;
    }
    try {
      theirs = show(decode(input, CBORG_DECODE));
    } catch {
      theirs = "refused";
    }
    if (ours === theirs) continue;
    assert.equal(ours, "refused", `${hex(input)}: we accept what cborg refuses`);
    assert.ok(oursError instanceof CborError);
    assert.match(oursError.message, /a float|not UTF-8/, `${hex(input)}: ${oursError.message}`);
    if (/not UTF-8/.test(oursError.message)) assert.match(theirs, /\ufffd/);
    refusedOnPurpose++;
  }
  assert.ok(refusedOnPurpose > 0 && refusedOnPurpose < 30000 / 5);
});
