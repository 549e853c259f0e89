/**
 * The golden transaction vectors (tests/vectors/tx.json, spec/TX.md §9):
 * each sample of tests/support/tx_samples.ts, signed by its fixed-seed key,
 * gives exactly the recorded unsigned bytes, sign bytes, signature, signed
 * bytes and hash, and the recorded bytes decode back to the sample. The
 * file is written only by tools/gen_tx_vectors.ts, by hand. An independent
 * Python reader (tests/support/tx_cbor_oracle.py) checks the same bytes.
 */

import assert from "node:assert/strict";
import { toHex } from "../lib/abi/hex.ts";
import {
  authProblem,
  decodeTx,
  encodeTx,
  encodeUnsignedTx,
  MAX_TX_BYTES,
  signBytes,
  signTx,
  txHash,
} from "../lib/chain/tx.ts";
import { pythonUnavailableReason, runPythonJson } from "./support/python.ts";
import { QUICK_SAMPLES, slhSample, type TxSample } from "./support/tx_samples.ts";

interface Vector {
  readonly name: string;
  readonly alg: string;
  readonly seed: string;
  readonly sender: string;
  readonly unsignedTx: string;
  readonly signBytes: string;
  readonly signature: string;
  readonly tx: string;
  readonly txHash: string;
}

const FILE = JSON.parse(
  await Deno.readTextFile(new URL("./vectors/tx.json", import.meta.url)),
) as { vectors: Vector[] };
const SPEC = await Deno.readTextFile(new URL("../spec/TX.md", import.meta.url));

function check(sample: TxSample): void {
  const vector = FILE.vectors.find((entry) => entry.name === sample.name);
  assert.ok(vector !== undefined, `no vector ${sample.name}`);
  const signed = signTx(sample.tx, sample.key);
  const actual: Vector = {
    name: sample.name,
    alg: sample.key.alg,
    seed: toHex(sample.key.seed),
    sender: toHex(sample.key.address),
    unsignedTx: toHex(encodeUnsignedTx(sample.tx)),
    signBytes: toHex(signBytes(sample.tx, sample.key.alg)),
    signature: toHex(signed.auth[0]?.signature ?? new Uint8Array()),
    tx: toHex(encodeTx(signed)),
    txHash: toHex(txHash(signed)),
  };
  assert.deepEqual(actual, vector, sample.name);
  const decoded = decodeTx(
    Uint8Array.from(vector.tx.slice(2).match(/../g) ?? [], (b) => parseInt(b, 16)),
  );
  assert.deepEqual(decoded, signed, sample.name);
  assert.equal(authProblem(decoded), null, sample.name);
  assert.ok(SPEC.includes(vector.txHash), `spec/TX.md lacks the hash of ${sample.name}`);
}

Deno.test("tx vectors: every ML-DSA sample gives the recorded bytes, signature and hash", () => {
  assert.deepEqual(
    FILE.vectors.map((vector) => vector.name),
    [...QUICK_SAMPLES.map((sample) => sample.name), "transfer-slh"],
  );
  for (const sample of QUICK_SAMPLES) check(sample);
  const transfer = FILE.vectors[0]?.unsignedTx.slice(2) ?? "";
  assert.ok(
    SPEC.replace(/\s+/g, "").includes(transfer),
    "spec/TX.md §9 shows the transfer in full",
  );
  assert.ok(SPEC.includes(`= ${MAX_TX_BYTES.toLocaleString("en-US")} bytes`), "spec/TX.md §3 cap");
});

Deno.test("tx vectors: the SLH-DSA sample gives the recorded signature (one slow signing)", () => {
  check(slhSample());
});

const skipReason = pythonUnavailableReason();
if (skipReason !== null) console.log(`tx vector cross-check skipped: ${skipReason}`);

Deno.test({
  name: "tx vectors: an independent Python CBOR reader and SHA3 agree on every vector",
  ignore: skipReason !== null,
  async fn() {
    const script = new URL("./support/tx_cbor_oracle.py", import.meta.url);
    const text = await Deno.readTextFile(new URL("./vectors/tx.json", import.meta.url));
    const results = await runPythonJson(script, text);
    assert.ok(Array.isArray(results) && results.length === FILE.vectors.length);
    for (const [i, vector] of FILE.vectors.entries()) {
      const result: unknown = results[i];
      assert.ok(typeof result === "object" && result !== null, vector.name);
      assert.equal(
        Reflect.get(result, "reencoded"),
        true,
        `${vector.name}: not RFC 8949 deterministic`,
      );
      for (const field of ["unsignedTx", "signBytes", "signature", "sender", "txHash"] as const) {
        assert.equal(Reflect.get(result, field), vector[field], `${vector.name}: ${field}`);
      }
    }
  },
});
