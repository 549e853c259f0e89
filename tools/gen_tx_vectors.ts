/**
 * Writes tests/vectors/tx.json: for each sample transaction of
 * tests/support/tx_samples.ts, its key, unsigned bytes, sign bytes,
 * signature, signed bytes and hash. Run it by hand when the format changes
 * on purpose (`deno run --allow-write=tests/vectors tools/gen_tx_vectors.ts`)
 * and review the diff: the vector test only compares, it never rewrites.
 */

import { toHex } from "../lib/abi/hex.ts";
import { encodeTx, encodeUnsignedTx, signBytes, signTx, txHash } from "../lib/chain/tx.ts";
import { QUICK_SAMPLES, slhSample, type TxSample } from "../tests/support/tx_samples.ts";

function vector(sample: TxSample) {
  const signed = signTx(sample.tx, sample.key);
  return {
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
}

const file = {
  comment:
    "spec/TX.md vectors; written by tools/gen_tx_vectors.ts from tests/support/tx_samples.ts",
  vectors: [...QUICK_SAMPLES, slhSample()].map(vector),
};
await Deno.writeTextFile(
  new URL("../tests/vectors/tx.json", import.meta.url),
  JSON.stringify(file, null, 2) + "\n",
);
