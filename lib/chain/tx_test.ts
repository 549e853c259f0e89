/**
 * The transaction codec (spec/TX.md): round trips of every kind, the
 * encoding of values around 2^64 and at the cap, each rejection naming its
 * field, the size cap, sign bytes and hash domains, and every reason
 * authProblem gives.
 */

import assert from "node:assert/strict";
import { sha3_256 } from "npm:@noble/hashes@2.4.0/sha3.js";
import { decode as cborDecode, encode as cborEncode, rfc8949EncodeOptions } from "npm:cborg@6.1.5";
import { Token, Type } from "npm:cborg@6.1.5";
import { TxError } from "../errors.ts";
import { concatBytes, toHex } from "../abi/hex.ts";
import { QUICK_SAMPLES } from "../../tests/support/tx_samples.ts";
import { MAX_MANIFEST_BYTES } from "../runtime/state_keys.ts";
import { KEY_ALGORITHMS, keyAlgorithmInfo, keyFromSeed } from "./keys.ts";
import {
  authProblem,
  decodeAnyTx,
  decodeTx,
  decodeUnsignedTx,
  encodeTx,
  encodeUnsignedTx,
  isSignedTx,
  MAX_CALLDATA_BYTES,
  MAX_CODE_BYTES,
  MAX_MEMO_BYTES,
  MAX_TX_BYTES,
  MAX_VALUE,
  signBytes,
  signTx,
  TX_HASH_DOMAIN,
  TX_SIGN_DOMAIN,
  txHash,
} from "./tx.ts";
import type { SignedTx, UnsignedTx } from "./tx_types.ts";

const [TRANSFER, DEPLOY, CALL] = QUICK_SAMPLES.map((sample) => sample);
if (TRANSFER === undefined || DEPLOY === undefined || CALL === undefined) {
  throw new Error("three samples expected");
}
const utf8 = new TextEncoder();
const SIGNED = QUICK_SAMPLES.map((sample) => signTx(sample.tx, sample.key));
const CALL_SIGNED = signTx(CALL.tx, CALL.key);
const CALL_BYTES = encodeTx(CALL_SIGNED);

function rejects(run: () => unknown, field: string, message: RegExp): void {
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof TxError, `expected a TxError, got ${String(error)}`);
    assert.equal(error.field, field, error.message);
    assert.match(error.message, message);
    return true;
  });
}

/** A bignum tag as the test reads and writes it. */
class Tag2 {
  constructor(readonly content: unknown) {}
}

type Generic = Map<string, unknown>;

/** `bytes` decoded to plain maps, changed by `edit`, encoded again (key order sorted unless `keep`). */
function edited(bytes: Uint8Array, edit: (map: Generic) => void, keep = false): Uint8Array {
  const map = cborDecode(bytes, {
    useMaps: true,
    tags: { 2: (d: () => unknown) => new Tag2(d()) },
  });
  if (!(map instanceof Map)) throw new Error("not a map");
  edit(map);
  return cborEncode(map, {
    ...rfc8949EncodeOptions,
    ...(keep ? { mapSorter: () => 0 } : {}),
    typeEncoders: {
      Object: (value: unknown) =>
        value instanceof Tag2
          ? [
            new Token(Type.tag, 2),
            new Token(typeof value.content === "string" ? Type.string : Type.bytes, value.content),
          ]
          : null,
    },
  });
}

function body(map: Generic): Generic {
  const value = map.get("body");
  if (!(value instanceof Map)) throw new Error("no body");
  return value;
}

function auth0(map: Generic): Generic {
  const list = map.get("auth");
  const first = Array.isArray(list) ? list[0] : undefined;
  if (!(first instanceof Map)) throw new Error("no auth");
  return first;
}

Deno.test("tx: every kind round-trips, signed and unsigned, and carries a valid signature", () => {
  for (const signed of SIGNED) {
    const bytes = encodeTx(signed);
    assert.deepEqual(decodeTx(bytes), signed);
    assert.equal(authProblem(decodeTx(bytes)), null);
    const unsigned = encodeUnsignedTx(signed.tx);
    assert.deepEqual(decodeUnsignedTx(unsigned), signed.tx);
    assert.equal(isSignedTx(decodeAnyTx(bytes)), true);
    assert.equal(isSignedTx(decodeAnyTx(unsigned)), false);
    rejects(() => decodeTx(unsigned), "auth", /missing field/);
    rejects(() => decodeUnsignedTx(bytes), "auth", /unknown field/);
    assert.equal(txHash(signed).length, 32);
  }
});

Deno.test("tx: values are plain integers up to 2^64 - 1, a bignum above, up to the int cap", () => {
  const withValue = (value: bigint): UnsignedTx => ({
    ...TRANSFER.tx,
    body: { ...TRANSFER.tx.body, value } as const,
  });
  const tail = (value: bigint) => {
    const bytes = encodeUnsignedTx(withValue(value));
    assert.deepEqual(decodeUnsignedTx(bytes).body, withValue(value).body);
    const at = toHex(bytes).indexOf("6576616c7565"); // "value"
    return toHex(bytes).slice(at + 12, at + 12 + 24);
  };
  assert.equal(tail(23n).slice(0, 2), "17");
  assert.equal(tail((1n << 64n) - 1n).slice(0, 18), "1bffffffffffffffff");
  assert.equal(tail(1n << 64n).slice(0, 22), "c249010000000000000000");
  assert.deepEqual(
    decodeUnsignedTx(encodeUnsignedTx(withValue(MAX_VALUE))).body,
    withValue(MAX_VALUE).body,
  );
  rejects(() => encodeUnsignedTx(withValue(MAX_VALUE + 1n)), "body.value", /0 to 2\^4096 - 1/);
  rejects(() => encodeUnsignedTx(withValue(-1n)), "body.value", /0 to 2\^4096 - 1/);
  const bytes = encodeTx(CALL_SIGNED);
  const setValue = (value: unknown) => edited(bytes, (map) => body(map).set("value", value));
  rejects(
    () => decodeTx(setValue(new Tag2(Uint8Array.of(0, 1, 0, 0, 0, 0, 0, 0, 0, 0)))),
    "body.value",
    /leading zero/,
  );
  rejects(() => decodeTx(setValue(new Tag2(Uint8Array.of(5)))), "body.value", /over 2\^64 - 1/);
  rejects(
    () => decodeTx(setValue(new Tag2(new Uint8Array(513).fill(1)))),
    "body.value",
    /over 2\^4096 - 1/,
  );
  rejects(() => decodeTx(setValue(new Tag2("12"))), "body.value", /must hold bytes/);
  rejects(() => decodeTx(setValue(-3)), "body.value", /unsigned integer/);
  rejects(
    () => decodeTx(edited(bytes, (map) => map.set("nonce", new Tag2(new Uint8Array(9).fill(1))))),
    "nonce",
    /0 to 2\^64 - 1/,
  );
});

Deno.test("tx: malformed bytes are TxErrors naming the field", () => {
  const bytes = CALL_BYTES;
  const cases: [Uint8Array, string, RegExp][] = [
    [edited(bytes, (m) => m.set("access", [])), "access", /unknown field/],
    [edited(bytes, (m) => body(m).set("salt", new Uint8Array(32))), "body.salt", /unknown field/],
    [edited(bytes, (m) => m.delete("gasLimit")), "gasLimit", /missing field/],
    [edited(bytes, (m) => body(m).delete("data")), "body.data", /missing field/],
    [edited(bytes, (m) => m.set("nonce", "1")), "nonce", /unsigned integer/],
    [edited(bytes, (m) => m.set("sender", new Uint8Array(32))), "sender", /33 bytes, got 32/],
    [
      edited(bytes, (m) => m.set("sender", new Uint8Array(33).fill(0xc0))),
      "sender",
      /not an account address/,
    ],
    [edited(bytes, (m) => body(m).set("to", "anim1")), "body.to", /byte string/],
    [edited(bytes, (m) => m.set("v", 2)), "v", /must be 1/],
    [edited(bytes, (m) => m.set("kind", 3)), "kind", /must be 0 \(transfer\)/],
    [edited(bytes, (m) => m.set("kind", 0)), "body.data", /unknown field/],
    [edited(bytes, (m) => m.set("memo", new Uint8Array())), "memo", /1 to 96 bytes, got 0/],
    [edited(bytes, (m) => m.set("memo", new Uint8Array(MAX_MEMO_BYTES + 1))), "memo", /got 97/],
    [
      edited(bytes, (m) => m.set("maxPriorityFeePerGas", 21)),
      "maxPriorityFeePerGas",
      /exceed maxFeePerGas/,
    ],
    [edited(bytes, (m) => m.set("body", [])), "body", /must be a map/],
    [edited(bytes, (m) => m.set("auth", [])), "auth", /exactly one signature, has 0/],
    [
      edited(bytes, (m) => m.set("auth", [auth0(m), auth0(m)])),
      "auth",
      /exactly one signature, has 2/,
    ],
    [edited(bytes, (m) => m.set("auth", auth0(m))), "auth", /must be an array/],
    [edited(bytes, (m) => auth0(m).set("alg", 0x05)), "auth[0].alg", /unknown algorithm id 5/],
    [edited(bytes, (m) => auth0(m).set("alg", 0x01)), "auth[0].pk", /1952 bytes, got 1312/],
    [
      edited(bytes, (m) => auth0(m).set("sig", new Uint8Array(10))),
      "auth[0].sig",
      /2420 bytes, got 10/,
    ],
    [edited(bytes, (m) => auth0(m).delete("pk")), "auth[0].pk", /missing field/],
    [edited(bytes, (m) => m.set("body", new Map([[1, 2]]))), "body", /keys must be text/],
    [
      edited(bytes, (m) => {
        const v = m.get("v");
        m.delete("v");
        m.set("v", v);
      }, true),
      "v",
      /canonical order/,
    ],
    [concatBytes(bytes, Uint8Array.of(0)), "", /not canonical CBOR/],
    [bytes.subarray(0, bytes.length - 1), "", /not canonical CBOR/],
    [Uint8Array.of(0x80), "", /must be a map/],
    [Uint8Array.of(0xbf, 0xff), "", /not canonical CBOR/],
    [new Uint8Array(MAX_TX_BYTES + 1), "", /over the \d+-byte cap/],
  ];
  for (const [input, field, message] of cases) rejects(() => decodeTx(input), field, message);
  // A non-minimal integer (nonce 2^32 as a 9-byte head is minimal; write 23 in two bytes).
  const small = encodeTx(SIGNED[0] as SignedTx);
  const hex = toHex(small);
  const at = hex.indexOf("656e6f6e636500"); // "nonce" then 0
  const padded = `${hex.slice(0, at + 12)}1800${hex.slice(at + 14)}`;
  rejects(
    () => decodeTx(Uint8Array.from(padded.slice(2).match(/../g) ?? [], (b) => parseInt(b, 16))),
    "",
    /more bytes than necessary/,
  );
  // A duplicate key, written by hand: {"v": 1, "v": 1}.
  rejects(
    () => decodeTx(Uint8Array.of(0xa2, 0x61, 0x76, 0x01, 0x61, 0x76, 0x01)),
    "v",
    /duplicate map key/,
  );
  rejects(() => decodeTx(Uint8Array.from(new Array(100_000).fill(0x81))), "", /not canonical CBOR/);
});

Deno.test("tx: encoding refuses fields out of range, of the wrong size or not UTF-8", () => {
  const tx = DEPLOY.tx;
  const deploy = tx.body.kind === "deploy" ? tx.body : null;
  if (deploy === null) throw new Error("deploy sample");
  rejects(() => encodeUnsignedTx({ ...tx, nonce: 1n << 64n }), "nonce", /0 to 2\^64 - 1/);
  rejects(() => encodeUnsignedTx({ ...tx, chainId: -1n }), "chainId", /0 to 2\^64 - 1/);
  rejects(() => encodeUnsignedTx({ ...tx, memo: new Uint8Array(0) }), "memo", /got 0/);
  rejects(
    () => encodeUnsignedTx({ ...tx, body: { ...deploy, code: Uint8Array.of(0xff) } }),
    "body.code",
    /UTF-8/,
  );
  rejects(
    () => encodeUnsignedTx({ ...tx, body: { ...deploy, initData: new Uint8Array() } }),
    "body.initData",
    /got 0/,
  );
  rejects(
    () =>
      encodeUnsignedTx({
        ...tx,
        body: { ...deploy, manifest: new Uint8Array(MAX_MANIFEST_BYTES + 1) },
      }),
    "body.manifest",
    /got 1048577/,
  );
  rejects(
    () =>
      encodeUnsignedTx({ ...tx, body: { kind: "transfer", to: new Uint8Array(20), value: 0n } }),
    "body.to",
    /33 bytes, got 20/,
  );
  rejects(() => encodeTx({ tx, auth: [] }), "auth", /exactly one/);
  const signed = signTx(tx, DEPLOY.key);
  const auth = signed.auth[0];
  if (auth === undefined) throw new Error("auth");
  rejects(
    () => encodeTx({ tx, auth: [{ ...auth, signature: auth.signature.subarray(1) }] }),
    "auth[0].sig",
    /2420 bytes/,
  );
  assert.equal(
    encodeUnsignedTx({ ...tx, body: { ...deploy, initData: null } }).length <
      encodeUnsignedTx(tx).length,
    true,
  );
});

Deno.test("tx: the largest transaction fits MAX_TX_BYTES, and the cap is derived from the field caps", () => {
  const alg = KEY_ALGORITHMS.reduce((best, next) => {
    const size = (name: typeof next) =>
      keyAlgorithmInfo(name).publicKeyLength + keyAlgorithmInfo(name).signatureLength;
    return size(next) > size(best) ? next : best;
  });
  const info = keyAlgorithmInfo(alg);
  const sender = new Uint8Array(33).fill(0xee);
  sender[0] = info.id;
  const u64 = (1n << 64n) - 1n;
  const largest: SignedTx = {
    tx: {
      v: 1,
      chainId: u64,
      nonce: u64,
      sender,
      gasLimit: u64,
      maxFeePerGas: u64,
      maxPriorityFeePerGas: u64,
      memo: new Uint8Array(MAX_MEMO_BYTES),
      body: {
        kind: "deploy",
        manifest: new Uint8Array(MAX_MANIFEST_BYTES).fill(0x61),
        code: new Uint8Array(MAX_CODE_BYTES).fill(0x61),
        initData: new Uint8Array(MAX_CALLDATA_BYTES),
        value: MAX_VALUE,
      },
    },
    auth: [{
      alg,
      publicKey: new Uint8Array(info.publicKeyLength),
      signature: new Uint8Array(info.signatureLength),
    }],
  };
  const bytes = encodeTx(largest);
  assert.ok(bytes.length <= MAX_TX_BYTES, `${bytes.length} > ${MAX_TX_BYTES}`);
  assert.ok(MAX_TX_BYTES - bytes.length <= 1024, "the framing allowance stays small");
  assert.equal(decodeTx(bytes).tx.body.kind, "deploy");
});

Deno.test("tx: sign bytes and the hash are domain-separated and cover chain id and algorithm", () => {
  const tx = TRANSFER.tx;
  const bytes = signBytes(tx, "ml-dsa-65");
  const prefix = concatBytes(
    utf8.encode(TX_SIGN_DOMAIN),
    new Uint8Array([0, 0, 0, 0, 0, 0, 0, 1, 1]),
  );
  assert.equal(toHex(bytes), toHex(concatBytes(prefix, encodeUnsignedTx(tx))));
  assert.notEqual(toHex(signBytes(tx, "ml-dsa-44")), toHex(bytes));
  assert.notEqual(
    toHex(signBytes({ ...tx, chainId: 2n }, "ml-dsa-65")).slice(0, 60),
    toHex(bytes).slice(0, 60),
  );
  const signed = SIGNED[0] as SignedTx;
  assert.equal(
    toHex(txHash(signed)),
    toHex(sha3_256(concatBytes(utf8.encode(TX_HASH_DOMAIN), encodeTx(signed)))),
  );
  assert.equal(
    toHex(signTx(tx, TRANSFER.key).auth[0]?.signature ?? new Uint8Array()),
    toHex(signed.auth[0]?.signature ?? new Uint8Array()),
  );
});

Deno.test("tx: authProblem tells a bad signature, a foreign key, an algorithm mismatch and a wrong count apart", () => {
  const signed = CALL_SIGNED;
  const auth = signed.auth[0];
  if (auth === undefined) throw new Error("auth");
  assert.equal(authProblem(signed), null);
  const flipped = auth.signature.slice();
  flipped[100] = (flipped[100] ?? 0) ^ 1;
  assert.equal(
    authProblem({ tx: signed.tx, auth: [{ ...auth, signature: flipped }] }),
    "bad signature",
  );
  assert.equal(
    authProblem({ tx: { ...signed.tx, nonce: signed.tx.nonce + 1n }, auth: signed.auth }),
    "bad signature",
  );
  assert.equal(
    authProblem({ tx: { ...signed.tx, chainId: 1n }, auth: signed.auth }),
    "bad signature",
  );
  const stranger = keyFromSeed("ml-dsa-44", new Uint8Array(32).fill(9));
  assert.equal(
    authProblem(signTx(signed.tx, stranger)),
    "signed by a key that does not own the sender",
  );
  const otherAlg = keyFromSeed("ml-dsa-65", new Uint8Array(32).fill(9));
  assert.match(
    authProblem(signTx(signed.tx, otherAlg)) ?? "",
    /^algorithm mismatch: the sender is a ml-dsa-44 address, the signature is ml-dsa-65$/,
  );
  assert.match(
    authProblem({ tx: signed.tx, auth: [auth, auth] }) ?? "",
    /exactly one signature, this one has 2/,
  );
  assert.match(
    authProblem({ tx: signed.tx, auth: [] }) ?? "",
    /exactly one signature, this one has 0/,
  );
  assert.match(
    authProblem({ tx: { ...signed.tx, memo: new Uint8Array() }, auth: signed.auth }) ?? "",
    /^malformed transaction: memo/,
  );
});
