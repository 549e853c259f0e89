/**
 * Keys and signatures (spec/KEYS.md): the spec's vectors from a fixed
 * seed, deterministic key files, sign/verify round trips and forgeries
 * that must fail, and every rejection of a malformed key file.
 */

import assert from "node:assert/strict";
import { sha3_256 } from "npm:@noble/hashes@2.4.0/sha3.js";
import { ChainError, formatAddress } from "../../mod.ts";
import { toHex } from "../abi/hex.ts";
import {
  encodeKeyFile,
  KEY_ALGORITHMS,
  type KeyAlgorithm,
  keyAlgorithmById,
  keyAlgorithmInfo,
  keyFromSeed,
  parseKeyFile,
  sign,
  verify,
} from "./keys.ts";

const SPEC = Deno.readTextFileSync(new URL("../../spec/KEYS.md", import.meta.url));
const SEED = new Uint8Array(32).map((_, i) => i);
const MESSAGE = new TextEncoder().encode("animica");
const VECTORS: readonly [KeyAlgorithm, string, string][] = [
  [
    "ml-dsa-65",
    "0x011800725067e388d837d911fe4f66101cc1961b1bb755030dc574272cfb00013f",
    "0xcfbd23fd221db29920efa3e6c372561e6ba0f88f960be72c58178bc988173127",
  ],
  [
    "ml-dsa-44",
    "0x03373c7bf2cac5bd2a6c35933bab0fa1c951f22247e1333383fcb618822080373f",
    "0x50b5ac908c8769e0235d55de683e5d7ad7a4877b184ce8f6c5cba9c2a08b290a",
  ],
  [
    "ml-dsa-87",
    "0x04e6cf50a9c2fa5234f59949ff61f8161db4d629532127f4aefa8bb10811ecfb1e",
    "0x1dab6db3d23e408ae5d1750860765e0c0e1501e9694b7936ae04ac858d43c471",
  ],
  [
    "slh-dsa-sha2-128s",
    "0x023c3b9221fc80acd559bd302a39de6318f33dda367c1aeed5ed27e91d65928ae5",
    "0x6b2204f7ef4a0ded0b4bd8e3b980d82c2800f1ed980a4785774a859366495d31",
  ],
];
/** SLH-DSA signing takes seconds: these tests sign with it once each. */
const SLH = "slh-dsa-sha2-128s";

Deno.test("keys: a fixed seed gives the spec's address and signature for every algorithm", () => {
  assert.deepEqual(VECTORS.map(([alg]) => alg).sort(), [...KEY_ALGORITHMS].sort());
  for (const [alg, address, signatureHash] of VECTORS) {
    const key = keyFromSeed(alg, SEED);
    assert.equal(toHex(key.address), address, alg);
    assert.equal(toHex(sha3_256(sign(key, MESSAGE))), signatureHash, alg);
    const row = new RegExp(`\\| \`${alg}\` +\\| \`${address}\` \\| \`${signatureHash}\` \\|`);
    assert.match(SPEC, row, alg);
    assert.equal(key.publicKey.length, keyAlgorithmInfo(alg).publicKeyLength, alg);
    assert.equal(keyAlgorithmById(keyAlgorithmInfo(alg).id), alg);
  }
  const slh = keyFromSeed(SLH, SEED);
  assert.equal(
    toHex(slh.publicKey),
    "0x460cb277202deb10ea4c1b5d132308b9d08feab7e15f68ff61edd107b2c93d9a",
  );
  assert.ok(SPEC.includes(toHex(slh.publicKey)));
  assert.equal(keyAlgorithmById(0xc0), null);
  assert.equal(keyAlgorithmById(0), null);
  const bech32 = formatAddress(keyFromSeed("ml-dsa-65", SEED).address);
  assert.equal(bech32, "anim1qyvqqujsvl3c3kphmyglunmxzqwvr9smrwm42qcdc46zwt8mqqqn7kmj80z");
  assert.ok(SPEC.includes(bech32));
});

Deno.test("keys: the same seed gives the same key file; other seeds other addresses", () => {
  const text = encodeKeyFile(keyFromSeed("ml-dsa-65", SEED));
  assert.equal(encodeKeyFile(keyFromSeed("ml-dsa-65", SEED.slice())), text);
  const parsed = parseKeyFile(text);
  assert.equal(parsed.alg, "ml-dsa-65");
  assert.equal(encodeKeyFile(parsed), text);
  assert.deepEqual(Object.keys(JSON.parse(text)), ["format", "alg", "seed", "publicKey"]);
  const other = SEED.slice();
  other[31] = 0xff;
  assert.notEqual(toHex(keyFromSeed("ml-dsa-65", other).address), toHex(parsed.address));
});

Deno.test("keys: signatures verify; a tampered message, signature, key or algorithm does not", () => {
  for (const alg of KEY_ALGORITHMS) {
    const key = keyFromSeed(alg, SEED);
    const signature = sign(key, MESSAGE);
    assert.equal(signature.length, keyAlgorithmInfo(alg).signatureLength, alg);
    assert.ok(verify(alg, key.publicKey, MESSAGE, signature), alg);
    const message = MESSAGE.slice();
    message[0] = (message[0] ?? 0) ^ 1;
    assert.equal(verify(alg, key.publicKey, message, signature), false, alg);
    const forged = signature.slice();
    forged[10] = (forged[10] ?? 0) ^ 0x40;
    assert.equal(verify(alg, key.publicKey, MESSAGE, forged), false, alg);
    const stranger = keyFromSeed(alg, new Uint8Array(32).fill(7));
    assert.equal(verify(alg, stranger.publicKey, MESSAGE, signature), false, alg);
    assert.equal(verify(alg, key.publicKey, MESSAGE, signature.subarray(1)), false, alg);
    assert.equal(verify(alg, key.publicKey.subarray(1), MESSAGE, signature), false, alg);
    for (const otherAlg of KEY_ALGORITHMS.filter((name) => name !== alg)) {
      assert.equal(
        verify(otherAlg, key.publicKey, MESSAGE, signature),
        false,
        `${alg}/${otherAlg}`,
      );
    }
  }
});

Deno.test("keys: a wrong seed length or unknown algorithm is a ChainError", () => {
  assert.throws(() => keyFromSeed("ml-dsa-65", new Uint8Array(31)), ChainError);
  assert.throws(() => keyFromSeed("ml-dsa-65", new Uint8Array(33)), /32 bytes, got 33/);
  const alg = "rsa" as KeyAlgorithm;
  assert.throws(() => keyFromSeed(alg, SEED), /unknown key algorithm 'rsa'/);
  assert.throws(() => verify(alg, SEED, SEED, SEED), ChainError);
});

Deno.test("keys: every malformed key file is a ChainError naming its problem", () => {
  const good = JSON.parse(encodeKeyFile(keyFromSeed("ml-dsa-44", SEED)));
  const other = toHex(keyFromSeed("ml-dsa-44", new Uint8Array(32)).publicKey);
  const cases: [string, RegExp][] = [
    ["{", /not JSON/],
    ["[]", /must be a JSON object/],
    ["null", /must be a JSON object/],
    [JSON.stringify({ ...good, extra: 1 }), /unknown field 'extra'/],
    [JSON.stringify({ ...good, format: "animica-key/2" }), /'format' must be/],
    [JSON.stringify({ ...good, alg: "ml-dsa-66" }), /unknown key algorithm 'ml-dsa-66'/],
    [JSON.stringify({ ...good, alg: 65 }), /'alg' must be a string/],
    [JSON.stringify({ ...good, seed: undefined }), /'seed' must be a string/],
    [JSON.stringify({ ...good, seed: "0xzz" }), /'seed' must be 0x hex/],
    [JSON.stringify({ ...good, seed: good.seed.slice(0, -2) }), /32 bytes, got 31/],
    [JSON.stringify({ ...good, publicKey: "abc" }), /'publicKey' must be 0x hex/],
    [JSON.stringify({ ...good, publicKey: other }), /not the public key of 'seed'/],
    [JSON.stringify({ ...good, alg: "ml-dsa-65" }), /not the public key of 'seed'/],
  ];
  for (const [text, pattern] of cases) {
    assert.throws(() => parseKeyFile(text), (error: unknown) => {
      assert.ok(error instanceof ChainError, text.slice(0, 60));
      assert.match(error.message, pattern, text.slice(0, 60));
      return true;
    });
  }
});

Deno.test("keys: an SLH-DSA key file round-trips, and its PK.seed is not the seed's own bytes", () => {
  const key = keyFromSeed(SLH, SEED);
  const text = encodeKeyFile(key);
  assert.equal(parseKeyFile(text).alg, SLH);
  assert.equal(JSON.parse(text).alg, SLH);
  assert.notEqual(toHex(key.publicKey.subarray(0, 16)), toHex(SEED.subarray(0, 16)));
  assert.notEqual(toHex(key.publicKey.subarray(0, 16)), toHex(SEED.subarray(16, 32)));
});

Deno.test("keys: spec/KEYS.md §1 gives each algorithm's id and lengths as the library has them", () => {
  const rows = [
    ...SPEC.matchAll(
      /^\| `([a-z0-9-]+)` +\| [^|]+\| `0x([0-9a-f]{2})` +\| (\d+) bytes +\| (\d+) +\|$/gm,
    ),
  ];
  assert.deepEqual(
    rows.map(([, alg, id, pk, sig]) => [alg, parseInt(id ?? "", 16), Number(pk), Number(sig)]),
    KEY_ALGORITHMS.map((alg) => {
      const info = keyAlgorithmInfo(alg);
      return [alg, info.id, info.publicKeyLength, info.signatureLength];
    }),
  );
});
