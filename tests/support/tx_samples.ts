/**
 * The fixed transactions behind tests/vectors/tx.json and spec/TX.md §9:
 * one of each kind from keys of fixed seeds, read by the vector generator
 * (tools/gen_tx_vectors.ts), the vector test and the fuzz test's corpus.
 */

import { encodeCall, parseManifest } from "../../mod.ts";
import { contractAddress } from "../../lib/chain/address.ts";
import { type KeyAlgorithm, keyFromSeed, type KeyPair } from "../../lib/chain/keys.ts";
import type { UnsignedTx } from "../../lib/chain/tx_types.ts";

const utf8 = new TextEncoder();

/** Seed i: the 32 bytes i, i+1, ..., i+31. */
export function sampleSeed(first: number): Uint8Array {
  return new Uint8Array(32).map((_, i) => (first + i) & 0xff);
}

/** The manifest of the sample deployment, as its JSON text. */
export const SAMPLE_MANIFEST = JSON.stringify({
  name: "box",
  version: "1.0.0",
  entry: "box.py",
  abi: {
    functions: [
      { name: "init", inputs: [{ name: "n", type: "int" }], outputs: [] },
      { name: "put", inputs: [{ name: "n", type: "int" }], outputs: [] },
    ],
    events: [],
  },
});

/** The source of the sample deployment. */
export const SAMPLE_SOURCE = [
  "from stdlib import storage",
  "",
  "",
  "def init(n: int) -> None:",
  '    storage.set_int(b"n", n)',
  "",
  "",
  "def put(n: int) -> None:",
  '    storage.set_int(b"n", n)',
  "",
].join("\n");

const MANIFEST = parseManifest(JSON.parse(SAMPLE_MANIFEST));

function calldata(name: string, n: bigint): Uint8Array {
  const fn = MANIFEST.functions.find((candidate) => candidate.name === name);
  if (fn === undefined) throw new Error(`no sample function ${name}`);
  return encodeCall(fn, [n]);
}

/** One sample: its name, the signing key and the unsigned transaction. */
export interface TxSample {
  readonly name: string;
  readonly key: KeyPair;
  readonly tx: UnsignedTx;
}

function sample(
  name: string,
  alg: KeyAlgorithm,
  seed: number,
  build: (key: KeyPair) => UnsignedTx,
): TxSample {
  const key = keyFromSeed(alg, sampleSeed(seed));
  return { name, key, tx: build(key) };
}

const FEES = { gasLimit: 100_000n, maxFeePerGas: 20n, maxPriorityFeePerGas: 2n } as const;

/** The samples whose signatures are quick to make (ML-DSA). */
export const QUICK_SAMPLES: readonly TxSample[] = [
  sample("transfer", "ml-dsa-65", 0, (key) => ({
    v: 1,
    chainId: 1n,
    nonce: 0n,
    sender: key.address,
    ...FEES,
    memo: null,
    body: { kind: "transfer", to: keyFromSeed("ml-dsa-65", sampleSeed(1)).address, value: 1000n },
  })),
  sample("deploy", "ml-dsa-44", 2, (key) => ({
    v: 1,
    chainId: 1n,
    nonce: 1n,
    sender: key.address,
    ...FEES,
    gasLimit: 5_000_000n,
    memo: null,
    body: {
      kind: "deploy",
      manifest: utf8.encode(SAMPLE_MANIFEST),
      code: utf8.encode(SAMPLE_SOURCE),
      initData: calldata("init", 7n),
      value: 0n,
    },
  })),
  sample("call", "ml-dsa-44", 2, (key) => ({
    v: 1,
    chainId: 7n,
    nonce: 2n ** 32n,
    sender: key.address,
    ...FEES,
    memo: utf8.encode("hello"),
    body: {
      kind: "call",
      to: contractAddress(key.address, 1n),
      data: calldata("put", -5n),
      value: 2n ** 64n,
    },
  })),
];

/** The SLH-DSA sample (made on demand: its key takes a moment, signing it seconds). */
export const slhSample = (): TxSample =>
  sample("transfer-slh", "slh-dsa-sha2-128s", 3, (key) => ({
    v: 1,
    chainId: 1n,
    nonce: 0n,
    sender: key.address,
    ...FEES,
    memo: null,
    body: { kind: "transfer", to: key.address, value: 1n },
  }));
