/**
 * Applying one signed transaction to a chain's state (spec/BLOCKS.md §2–§5):
 * the checks that reject it (nothing changes), then, once accepted, the
 * nonce raised, the body run (./tx_body.ts), and the fee of the gas used
 * paid whether the body succeeded or not, with its receipt. Pure: it reads
 * a state and returns the writes for the caller to apply at once.
 */

import { MAX_NONCE } from "./address.ts";
import { CAPS, TX_GAS } from "../compile/opcodes.ts";
import { AnimicaError, CallFailure } from "../errors.ts";
import type { StateReader } from "../runtime/host/types.ts";
import { bitLength } from "../runtime/ops.ts";
import type { StateWrite } from "../runtime/state.ts";
import { Overlay } from "./overlay.ts";
import { balanceWrite, type Block, nonceWrite, readBalance, readNonce } from "./records.ts";
import { authProblem, decodeTx, encodeTx, txHash } from "./tx.ts";
import { type CodeLoader, runBody } from "./tx_body.ts";
import { receiptStatus, type TxReceipt, txReceipt } from "./tx_receipt.ts";
import type { SignedTx, UnsignedTx } from "./tx_types.ts";

/** The fee terms of the block a transaction is applied in (spec/BLOCKS.md §3). */
export interface BlockFees {
  /** Price per unit of gas that is burned; a transaction offering less is rejected. */
  readonly baseFee: bigint;
  /** Who receives the tips (null: they are burned too). */
  readonly producer: Uint8Array | null;
}

/** The fee terms when none are given: no base fee, tips burned. */
export const DEFAULT_FEES: BlockFees = { baseFee: 0n, producer: null };

/** A transaction the chain refused: nothing changed. */
export interface TxRejected {
  /** Refused. */
  readonly accepted: false;
  /** Why, in a short sentence. */
  readonly reason: string;
  /** Its hash, when the bytes decoded (null: they did not). */
  readonly hash: Uint8Array | null;
}

/** A transaction the chain applied: its nonce is used and its fee paid, whatever its status. */
export interface TxApplied {
  /** Applied. */
  readonly accepted: true;
  /** Its hash (spec/TX.md). */
  readonly hash: Uint8Array;
  /** The decoded transaction. */
  readonly tx: SignedTx;
  /** Its receipt (status, gas used, logs, bloom). */
  readonly receipt: TxReceipt;
  /** Why the body failed (null: it succeeded). */
  readonly failure: CallFailure | null;
  /** Gas used × price, debited from the sender. */
  readonly fee: bigint;
  /** The part of the fee burned (gas used × base fee, and the tip without a producer). */
  readonly burned: bigint;
  /** The price per unit of gas paid. */
  readonly gasPrice: bigint;
  /** A deployment's contract address (null for other kinds; no contract there if it failed). */
  readonly contractAddress: Uint8Array | null;
  /** A call's ABI-encoded return value (empty otherwise or when it failed). */
  readonly returnData: Uint8Array;
}

/** What applying a signed transaction gave. */
export type TxResult = TxRejected | TxApplied;

/** A transaction's outcome and the writes that apply it (none when it is rejected). */
export interface TxApplication {
  /** The outcome. */
  readonly result: TxResult;
  /** The writes to apply, all at once. */
  readonly writes: readonly StateWrite[];
}

/** The intrinsic gas of a transaction of `size` encoded bytes. */
export function intrinsicGas(tx: UnsignedTx, size: number): bigint {
  const deploy = tx.body.kind === "deploy" ? TX_GAS.deploy : 0;
  return BigInt(TX_GAS.base) + BigInt(TX_GAS.byte) * BigInt(size) + BigInt(deploy);
}

/** The price per unit of gas: the max fee, or the base fee plus the max tip when that is less. */
export function gasPrice(tx: UnsignedTx, baseFee: bigint): bigint {
  const offered = baseFee + tx.maxPriorityFeePerGas;
  return offered < tx.maxFeePerGas ? offered : tx.maxFeePerGas;
}

function decoded(input: SignedTx | Uint8Array): { signed: SignedTx; bytes: Uint8Array } | string {
  try {
    if (input instanceof Uint8Array) return { signed: decodeTx(input), bytes: input };
    return { signed: input, bytes: encodeTx(input) };
  } catch (error) {
    if (!(error instanceof AnimicaError)) throw error;
    return `malformed transaction: ${error.message}`;
  }
}

/** Why `tx` cannot be applied in `block` with `fees` before the state is read (null: it can). */
function staticProblem(tx: UnsignedTx, size: number, block: Block, fees: BlockFees): string | null {
  if (tx.chainId !== block.chainId) {
    return `wrong chain id: the transaction is for chain ${tx.chainId}, this chain is ${block.chainId}`;
  }
  if (tx.gasLimit > BigInt(TX_GAS.maxGas)) {
    return `the gas limit ${tx.gasLimit} is over the cap of ${TX_GAS.maxGas}`;
  }
  const intrinsic = intrinsicGas(tx, size);
  if (tx.gasLimit < intrinsic) {
    return `the gas limit ${tx.gasLimit} is below the intrinsic gas ${intrinsic}`;
  }
  if (tx.maxFeePerGas < fees.baseFee) {
    return `the max fee per gas ${tx.maxFeePerGas} is below the base fee ${fees.baseFee}`;
  }
  return null;
}

/** Why `tx` cannot be applied to `state` (null: it can). */
function stateProblem(state: StateReader, tx: UnsignedTx): string | null {
  const nonce = readNonce(state, tx.sender);
  if (tx.nonce < nonce) {
    return `nonce ${tx.nonce} is already used (the sender's next nonce is ${nonce})`;
  }
  if (tx.nonce > nonce) return `nonce gap: the sender's next nonce is ${nonce}, not ${tx.nonce}`;
  if (nonce === MAX_NONCE) return "the sender's nonce is exhausted (2^64 - 1)";
  const balance = readBalance(state, tx.sender);
  const needed = tx.body.value + tx.gasLimit * tx.maxFeePerGas;
  if (balance < needed) {
    return `insufficient balance: ${balance}, needs value + gas limit × max fee per gas = ${needed}`;
  }
  return null;
}

/**
 * The fee writes over `state` (after the body): the sender pays `fee`, the
 * producer (if any, and if its balance stays under the cap) gets `tip`.
 * Returns the writes and what was burned.
 */
function payFee(
  state: StateReader,
  sender: Uint8Array,
  fee: bigint,
  tip: bigint,
  fees: BlockFees,
): { writes: StateWrite[]; burned: bigint } {
  const writes = [balanceWrite(sender, readBalance(state, sender) - fee)];
  if (fees.producer === null || tip === 0n) return { writes, burned: fee };
  const credited = readBalance(new Overlay(state, writes), fees.producer) + tip;
  if (bitLength(credited) > CAPS.int_bits) return { writes, burned: fee };
  writes.push(balanceWrite(fees.producer, credited));
  return { writes, burned: fee - tip };
}

/**
 * Applies the signed transaction `input` (decoded object or its canonical
 * bytes) to `state` in `block`: either a rejection with its reason and no
 * writes, or the writes of the accepted transaction and its receipt.
 */
export function applyTx(
  state: StateReader,
  input: SignedTx | Uint8Array,
  block: Block,
  fees: BlockFees,
  load: CodeLoader,
): TxApplication {
  const reject = (reason: string, hash: Uint8Array | null): TxApplication => ({
    result: { accepted: false, reason, hash },
    writes: [],
  });
  const found = decoded(input);
  if (typeof found === "string") return reject(found, null);
  const { signed, bytes } = found;
  const tx = signed.tx;
  const hash = txHash(signed);
  const problem = staticProblem(tx, bytes.length, block, fees) ?? authProblem(signed) ??
    stateProblem(state, tx);
  if (problem !== null) return reject(problem, hash);
  const intrinsic = intrinsicGas(tx, bytes.length);
  const outcome = runBody({ state, tx, hash, block, gas: tx.gasLimit - intrinsic, load });
  const gasUsed = intrinsic + outcome.gasUsed;
  const price = gasPrice(tx, fees.baseFee);
  const after = new Overlay(state, [...outcome.writes, nonceWrite(tx.sender, tx.nonce + 1n)]);
  const paid = payFee(after, tx.sender, gasUsed * price, gasUsed * (price - fees.baseFee), fees);
  after.add(paid.writes);
  return {
    result: {
      accepted: true,
      hash,
      tx: signed,
      receipt: txReceipt(receiptStatus(outcome.failure?.kind ?? null), gasUsed, outcome.logs),
      failure: outcome.failure,
      fee: gasUsed * price,
      burned: paid.burned,
      gasPrice: price,
      contractAddress: outcome.contractAddress,
      returnData: outcome.returnData,
    },
    writes: after.writes(),
  };
}
