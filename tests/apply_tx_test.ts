/**
 * Applying signed transactions on the Chain (spec/BLOCKS.md): every kind
 * of rejection leaves the state byte-identical; accepted transactions raise
 * the nonce and pay gas used × price even when they fail; value moves only
 * on success; a deployment lands at contractAddress(sender, nonce); fees
 * split between burn and producer as specified; blocks are atomic.
 */

import assert from "node:assert/strict";
import { toHex } from "../abi.ts";
import { Chain, contractAddress, MemoryState } from "../mod.ts";
import {
  DEFAULT_FEES,
  encodeBlockFile,
  intrinsicGas,
  parseBlockFile,
  TX_GAS,
  type TxApplied,
  type TxResult,
} from "../chain.ts";
import { MAX_NONCE } from "../lib/chain/address.ts";
import { nonceWrite } from "../lib/chain/records.ts";
import { encodeTx, signTx } from "../lib/chain/tx.ts";
import type { SignedTx, UnsignedTx } from "../lib/chain/tx_types.ts";
import {
  ALICE,
  BOB,
  deployToken,
  seedKey,
  signed,
  tokenCall,
  unsigned,
} from "./support/signed_txs.ts";

const FUNDS = 100_000_000n;

function fresh(): { chain: Chain; state: MemoryState } {
  const state = new MemoryState();
  const chain = new Chain({ state });
  chain.fund(ALICE.address, FUNDS);
  return { chain, state };
}

function dump(state: MemoryState): string {
  return state.listEntries().map(([key, value]) => `${toHex(key)}=${toHex(value)}`).join("\n");
}

function applied(result: TxResult): TxApplied {
  if (!result.accepted) throw new Error(`rejected: ${result.reason}`);
  return result;
}

/** A chain with the token deployed by Alice (nonce 0), and the token's address. */
function withToken(): { chain: Chain; state: MemoryState; token: Uint8Array } {
  const { chain, state } = fresh();
  const result = applied(chain.applyTransaction(signed(ALICE, deployToken(1000n))));
  assert.equal(result.receipt.status, 0);
  return { chain, state, token: contractAddress(ALICE.address, 0n) };
}

function transferCall(token: Uint8Array, amount: bigint, nonce: bigint, value = 0n): SignedTx {
  const data = tokenCall("transfer", [BOB.address, amount]);
  return signed(ALICE, { kind: "call", to: token, data, value }, { nonce });
}

function withSignature(tx: SignedTx, change: (sig: Uint8Array) => Uint8Array): SignedTx {
  const [auth] = tx.auth;
  if (auth === undefined) throw new Error("no auth");
  return { tx: tx.tx, auth: [{ ...auth, signature: change(auth.signature.slice()) }] };
}

const REJECTIONS: readonly {
  name: string;
  tx: (token: Uint8Array) => SignedTx | Uint8Array;
  reason: RegExp;
  fees?: { baseFee: bigint; producer: Uint8Array | null };
}[] = [
  { name: "malformed bytes", tx: () => Uint8Array.of(0xa1, 0x61), reason: /^malformed/ },
  {
    name: "truncated bytes",
    tx: (token) => encodeTx(transferCall(token, 1n, 1n)).slice(0, 100),
    reason: /^malformed/,
  },
  {
    name: "bad signature",
    tx: (token) =>
      withSignature(transferCall(token, 1n, 1n), (sig) => {
        sig[10] = (sig[10] ?? 0) ^ 1;
        return sig;
      }),
    reason: /^bad signature$/,
  },
  {
    name: "signature by another key",
    tx: (token) => signTx(unsigned(ALICE, transferBody(token), { nonce: 1n }), BOB),
    reason: /does not own the sender/,
  },
  {
    name: "algorithm and sender mismatch",
    tx: (token) => {
      const sender = ALICE.address.slice();
      sender[0] = 0x03;
      return signTx(unsigned(ALICE, transferBody(token), { nonce: 1n, sender }), ALICE);
    },
    reason: /algorithm mismatch/,
  },
  {
    name: "wrong chain id",
    tx: (token) => signed(ALICE, transferBody(token), { nonce: 1n, chainId: 2n }),
    reason: /^wrong chain id/,
  },
  {
    name: "nonce gap",
    tx: (token) => transferCall(token, 1n, 2n),
    reason: /^nonce gap: the sender's next nonce is 1, not 2$/,
  },
  {
    name: "nonce reuse",
    tx: (token) => transferCall(token, 1n, 0n),
    reason: /^nonce 0 is already used/,
  },
  {
    name: "gas limit over the cap",
    tx: (token) =>
      signed(ALICE, transferBody(token), { nonce: 1n, gasLimit: BigInt(TX_GAS.maxGas) + 1n }),
    reason: /over the cap/,
  },
  {
    name: "gas limit below the intrinsic gas",
    tx: (token) => signed(ALICE, transferBody(token), { nonce: 1n, gasLimit: 21_000n }),
    reason: /below the intrinsic gas/,
  },
  {
    name: "insufficient balance for the value",
    tx: (token) => transferCall(token, 1n, 1n, FUNDS),
    reason: /^insufficient balance/,
  },
  {
    name: "insufficient balance for the fee",
    tx: (token) =>
      signed(ALICE, transferBody(token), {
        nonce: 1n,
        gasLimit: 1_000_000n,
        maxFeePerGas: 1000n,
      }),
    reason: /^insufficient balance/,
  },
  {
    name: "priority fee over the max fee",
    tx: (token) =>
      unsignedOnly(unsigned(ALICE, transferBody(token), {
        nonce: 1n,
        maxFeePerGas: 2n,
        maxPriorityFeePerGas: 3n,
      })),
    reason: /^malformed transaction: maxPriorityFeePerGas: must not exceed maxFeePerGas$/,
  },
  {
    name: "max fee under the base fee",
    tx: (token) => signed(ALICE, transferBody(token), { nonce: 1n, maxFeePerGas: 3n }),
    fees: { baseFee: 4n, producer: null },
    reason: /below the base fee 4/,
  },
  {
    name: "a sender that is a contract address",
    tx: (token) => unsignedOnly(unsigned(ALICE, transferBody(token), { nonce: 1n, sender: token })),
    reason: /^malformed transaction: sender: is not an account address/,
  },
];

/** `tx` with a signature-shaped auth entry that signs nothing (for fields the codec refuses). */
function unsignedOnly(tx: UnsignedTx): SignedTx {
  const signature = new Uint8Array(3309);
  return { tx, auth: [{ alg: "ml-dsa-65", publicKey: ALICE.publicKey, signature }] };
}

function transferBody(to: Uint8Array) {
  return { kind: "transfer" as const, to, value: 1n };
}

for (const rejection of REJECTIONS) {
  Deno.test(`applyTransaction rejects: ${rejection.name}; the state stays byte-identical`, () => {
    const { chain, state, token } = withToken();
    const before = dump(state);
    const result = chain.applyTransaction(rejection.tx(token), rejection.fees ?? DEFAULT_FEES);
    assert.equal(result.accepted, false);
    if (result.accepted) return;
    assert.match(result.reason, rejection.reason);
    assert.equal(dump(state), before);
  });
}

Deno.test("applyTransaction rejects an exhausted nonce, state unchanged", () => {
  const { chain, state } = fresh();
  state.apply([nonceWrite(ALICE.address, MAX_NONCE)]);
  const before = dump(state);
  const result = chain.applyTransaction(
    signed(ALICE, transferBody(BOB.address), { nonce: MAX_NONCE }),
  );
  assert.equal(result.accepted, false);
  if (!result.accepted) assert.match(result.reason, /exhausted/);
  assert.equal(dump(state), before);
});

Deno.test("bytes and the decoded object apply alike; the hash is the codec's", () => {
  const tx = signed(ALICE, deployToken(1000n));
  const a = applied(fresh().chain.applyTransaction(tx));
  const b = applied(fresh().chain.applyTransaction(encodeTx(tx)));
  assert.deepEqual(a.receipt, b.receipt);
  assert.equal(toHex(a.hash), toHex(b.hash));
  assert.equal(a.fee, b.fee);
});

Deno.test("a failed call pays gas used × price and raises the nonce; value and storage stay", () => {
  const { chain, token } = withToken();
  const aliceBefore = chain.balance(ALICE.address);
  const storageBefore = chain.view(token, "balance_of", [BOB.address]).value;
  const result = applied(chain.applyTransaction(transferCall(token, 5000n, 1n, 7n)));
  assert.equal(result.receipt.status, 1);
  assert.equal(result.receipt.logs.length, 0);
  assert.ok(result.failure !== null);
  assert.equal(result.gasPrice, 1n); // min(3, 0 + 1)
  assert.equal(result.fee, result.receipt.gasUsed * result.gasPrice);
  assert.ok(result.receipt.gasUsed > intrinsicGas(result.tx.tx, encodeTx(result.tx).length));
  assert.equal(chain.balance(ALICE.address), aliceBefore - result.fee);
  assert.equal(chain.balance(token), 0n);
  assert.equal(chain.nonce(ALICE.address), 2n);
  assert.equal(chain.view(token, "balance_of", [BOB.address]).value, storageBefore);
});

Deno.test("a successful call moves its value and commits its writes and logs", () => {
  const { chain, token } = withToken();
  const aliceBefore = chain.balance(ALICE.address);
  const result = applied(chain.applyTransaction(transferCall(token, 10n, 1n, 7n)));
  assert.equal(result.receipt.status, 0);
  assert.equal(result.receipt.logs.length, 1);
  assert.equal(toHex(result.receipt.logs[0]?.address ?? new Uint8Array()), toHex(token));
  assert.equal(chain.balance(token), 7n);
  assert.equal(chain.balance(ALICE.address), aliceBefore - 7n - result.fee);
  assert.equal(chain.view(token, "balance_of", [BOB.address]).value, 10n);
});

Deno.test("a deployment lands at contractAddress(sender, nonce) and runs init", () => {
  const { chain } = fresh();
  applied(chain.applyTransaction(signed(ALICE, transferBody(BOB.address))));
  const result = applied(chain.applyTransaction(signed(ALICE, deployToken(77n), { nonce: 1n })));
  const expected = contractAddress(ALICE.address, 1n);
  assert.equal(toHex(result.contractAddress ?? new Uint8Array()), toHex(expected));
  assert.ok(chain.isDeployed(expected));
  assert.equal(chain.view(expected, "balance_of", [ALICE.address]).value, 77n);
  const stored = BigInt(TX_GAS.deployByte);
  assert.ok(result.receipt.gasUsed > intrinsicGas(result.tx.tx, 0) + stored);
});

Deno.test("a deployment whose source does not compile is applied as a revert: fee, nonce, no contract", () => {
  const { chain } = fresh();
  const body = { ...deployToken(1n), code: new TextEncoder().encode("def broken(:\n") };
  const tx = signed(ALICE, body);
  const result = applied(chain.applyTransaction(tx));
  assert.equal(result.receipt.status, 1);
  assert.equal(result.receipt.gasUsed, intrinsicGas(tx.tx, encodeTx(tx).length));
  assert.equal(chain.nonce(ALICE.address), 1n);
  assert.equal(chain.isDeployed(contractAddress(ALICE.address, 0n)), false);
  assert.equal(chain.balance(ALICE.address), FUNDS - result.fee);
});

Deno.test("running out of gas is status 2 and uses the whole gas limit", () => {
  const { chain } = fresh();
  const probe = signed(ALICE, deployToken(1n));
  const gasLimit = intrinsicGas(probe.tx, encodeTx(probe).length) + 10_000n;
  const result = applied(chain.applyTransaction(signed(ALICE, deployToken(1n), { gasLimit })));
  assert.equal(result.receipt.status, 2);
  assert.equal(result.receipt.gasUsed, gasLimit);
  assert.equal(chain.balance(ALICE.address), FUNDS - gasLimit * result.gasPrice);
});

Deno.test("a call to an address without a contract is applied as a revert", () => {
  const { chain } = fresh();
  const to = contractAddress(BOB.address, 9n);
  const data = tokenCall("total_supply", []);
  const result = applied(chain.applyTransaction(
    signed(ALICE, { kind: "call", to, data, value: 5n }),
  ));
  assert.equal(result.receipt.status, 1);
  assert.match(result.failure?.message ?? "", /no contract at/);
  assert.equal(chain.balance(to), 0n);
  assert.equal(chain.nonce(ALICE.address), 1n);
});

Deno.test("a transfer moves value to any address, a contract's included, and runs nothing", () => {
  const { chain, token } = withToken();
  const before = chain.balance(ALICE.address);
  const result = applied(chain.applyTransaction(
    signed(ALICE, { kind: "transfer", to: token, value: 9n }, { nonce: 1n }),
  ));
  assert.equal(result.receipt.status, 0);
  assert.equal(result.receipt.gasUsed, intrinsicGas(result.tx.tx, encodeTx(result.tx).length));
  assert.equal(chain.balance(token), 9n);
  assert.equal(chain.balance(ALICE.address), before - 9n - result.fee);
});

Deno.test("the base fee is burned and the tip goes to the producer", () => {
  const { chain } = fresh();
  const producer = seedKey(9).address;
  const tx = signed(ALICE, transferBody(BOB.address), {
    maxFeePerGas: 10n,
    maxPriorityFeePerGas: 3n,
  });
  const result = applied(chain.applyTransaction(tx, { baseFee: 5n, producer }));
  const gas = result.receipt.gasUsed;
  assert.equal(result.gasPrice, 8n); // min(10, 5 + 3)
  assert.equal(result.fee, gas * 8n);
  assert.equal(result.burned, gas * 5n);
  assert.equal(chain.balance(producer), gas * 3n);
  assert.equal(chain.balance(ALICE.address), FUNDS - 1n - gas * 8n);
  // Without a producer the tip is burned too; a capped tip pays the max fee.
  const capped = applied(
    fresh().chain.applyTransaction(
      signed(ALICE, transferBody(BOB.address), { maxFeePerGas: 6n, maxPriorityFeePerGas: 3n }),
      { baseFee: 5n, producer: null },
    ),
  );
  assert.equal(capped.gasPrice, 6n);
  assert.equal(capped.burned, capped.fee);
});

Deno.test("applyBlock: a block with a rejected transaction changes nothing", () => {
  const { chain, state, token } = withToken();
  const before = dump(state);
  const result = chain.applyBlock([transferCall(token, 1n, 1n), transferCall(token, 1n, 3n)]);
  assert.equal(result.accepted, false);
  if (result.accepted) return;
  assert.equal(result.index, 1);
  assert.match(result.reason, /^nonce gap/);
  assert.equal(dump(state), before);
});

Deno.test("applyBlock: transactions see the ones before them; roots are the chain's", () => {
  const { chain } = fresh();
  const token = contractAddress(ALICE.address, 0n);
  const result = chain.applyBlock([
    signed(ALICE, deployToken(50n)),
    transferCall(token, 20n, 1n),
    transferCall(token, 40n, 2n),
  ]);
  assert.ok(result.accepted);
  if (!result.accepted) return;
  assert.deepEqual(result.transactions.map((tx) => tx.receipt.status), [0, 0, 1]);
  assert.equal(result.stateRoot.length, 32);
  assert.equal(result.receiptsRoot.length, 32);
  const again = chain.applyBlock([transferCall(token, 20n, 1n)]);
  assert.equal(again.accepted, false);
});

Deno.test("block files: round trip, and every malformed field is a ChainError naming it", () => {
  const tx = encodeTx(signed(ALICE, deployToken(1n)));
  const text = encodeBlockFile({
    fees: { baseFee: 3n, producer: BOB.address },
    transactions: [tx],
  });
  const parsed = parseBlockFile(text);
  assert.equal(parsed.fees.baseFee, 3n);
  assert.equal(toHex(parsed.fees.producer ?? new Uint8Array()), toHex(BOB.address));
  assert.equal(toHex(parsed.transactions[0] ?? new Uint8Array()), toHex(tx));
  assert.equal(encodeBlockFile(parsed), text);
  const good = JSON.parse(text);
  const bad: [unknown, RegExp][] = [
    ["[]", /must be a JSON object/],
    [{ ...good, extra: 1 }, /unknown field 'extra'/],
    [{ ...good, format: "x" }, /'format'/],
    [{ ...good, baseFee: -1 }, /'baseFee'/],
    [{ ...good, baseFee: "1" }, /'baseFee'/],
    [{ ...good, producer: "0x01" }, /'producer'/],
    [{ ...good, transactions: ["0xzz"] }, /transactions\[0\]/],
    [{ ...good, transactions: "0x00" }, /'transactions'/],
    [{ format: good.format }, /missing field 'baseFee'/],
    ["{", /not valid JSON/],
  ];
  for (const [value, message] of bad) {
    const input = typeof value === "string" ? value : JSON.stringify(value);
    assert.throws(() => parseBlockFile(input), (error: Error) => {
      assert.equal(error.name, "ChainError");
      assert.match(error.message, message);
      return true;
    });
  }
});
