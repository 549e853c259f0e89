/**
 * Running the body of an accepted signed transaction (spec/BLOCKS.md §4):
 * a transfer moves value, a call runs the contract's function over the
 * value already moved, a deployment compiles and stores the contract and
 * runs its `init`. The outcome is the writes to commit when it succeeds,
 * the gas it used beyond the intrinsic gas, its logs, or why it failed;
 * the nonce and the fee are ./apply_tx.ts's. Reads only: nothing here
 * changes a store.
 */

import { decodeArgs, decodeCall, findFunction } from "../abi/calls.ts";
import { requireCompiler } from "../compile/compiler_slot.ts";
import { CAPS, TX_GAS } from "../compile/opcodes.ts";
import { AnimicaError, CallFailure } from "../errors.ts";
import { executeCall } from "../runtime/call.ts";
import type { StateReader } from "../runtime/host/types.ts";
import { bitLength } from "../runtime/ops.ts";
import type { StateWrite } from "../runtime/state.ts";
import { contractAddress, formatAddress } from "./address.ts";
import { runtimeArgs } from "./args.ts";
import { INIT_FUNCTION, type LoadedCode, prepareCode } from "./code.ts";
import { contextAt } from "./context.ts";
import { Overlay } from "./overlay.ts";
import {
  balanceWrite,
  type Block,
  codeWrite,
  contractWrite,
  manifestWrite,
  readBalance,
  readCode,
  readContract,
  readManifest,
} from "./records.ts";
import { eventLogs, type Log } from "./tx_receipt.ts";
import type { CallBody, DeployBody, TransferBody, UnsignedTx } from "./tx_types.ts";

/** The code of the contract at an address as a state holds it (null: no contract there). */
export type CodeLoader = (state: StateReader, address: Uint8Array) => LoadedCode | null;

/** What a body needs besides itself. */
export interface BodyInput {
  /** The state before the body (the nonce not yet raised, no fee paid). */
  readonly state: StateReader;
  /** The transaction. */
  readonly tx: UnsignedTx;
  /** Its hash (the contract's `context.tx_hash`). */
  readonly hash: Uint8Array;
  /** The block it runs in. */
  readonly block: Block;
  /** Gas left after the intrinsic gas. */
  readonly gas: bigint;
  /** Loads deployed code. */
  readonly load: CodeLoader;
}

/** What running a body gave. */
export interface BodyOutcome {
  /** Why it failed (null: it succeeded). */
  readonly failure: CallFailure | null;
  /** Gas used beyond the intrinsic gas. */
  readonly gasUsed: bigint;
  /** The writes to commit when it succeeded (empty when it failed). */
  readonly writes: readonly StateWrite[];
  /** Its logs (empty when it failed). */
  readonly logs: readonly Log[];
  /** The function's ABI-encoded return value (empty unless a call succeeded). */
  readonly returnData: Uint8Array;
  /** The deployed contract's address (null unless a deployment). */
  readonly contractAddress: Uint8Array | null;
}

/** A revert of the transaction with `message` as its reason. */
export function refusal(message: string): CallFailure {
  return new CallFailure("revert", "Revert", message, new TextEncoder().encode(message));
}

function failed(
  failure: CallFailure,
  gasUsed: bigint,
  contract: Uint8Array | null = null,
): BodyOutcome {
  return {
    failure,
    gasUsed,
    writes: [],
    logs: [],
    returnData: new Uint8Array(),
    contractAddress: contract,
  };
}

/**
 * The writes moving `value` from `from` (who can pay it) to `to`: the
 * debit, and the credit (which a call's runtime makes itself, as the call
 * starts), or a failure when `to`'s balance would reach 2^int_bits.
 */
function moveValue(
  state: StateReader,
  from: Uint8Array,
  to: Uint8Array,
  value: bigint,
): { debit: StateWrite[]; credit: StateWrite[] } | CallFailure {
  if (value === 0n) return { debit: [], credit: [] };
  const debit = balanceWrite(from, readBalance(state, from) - value);
  const credited = readBalance(new Overlay(state, [debit]), to) + value;
  if (bitLength(credited) > CAPS.int_bits) {
    return refusal(`the balance of ${formatAddress(to)} would reach 2^${CAPS.int_bits}`);
  }
  return { debit: [debit], credit: [balanceWrite(to, credited)] };
}

/** Runs the body of `input.tx`. */
export function runBody(input: BodyInput): BodyOutcome {
  const body = input.tx.body;
  switch (body.kind) {
    case "transfer":
      return transfer(input, body);
    case "call":
      return call(input, body);
    case "deploy":
      return deploy(input, body);
  }
}

function transfer(input: BodyInput, body: TransferBody): BodyOutcome {
  const moved = moveValue(input.state, input.tx.sender, body.to, body.value);
  if (moved instanceof CallFailure) return failed(moved, 0n);
  return {
    failure: null,
    gasUsed: 0n,
    writes: [...moved.debit, ...moved.credit],
    logs: [],
    returnData: new Uint8Array(),
    contractAddress: null,
  };
}

/** Runs `fn` of `code` at `to` over `writes` (the value debited; the runtime credits it). */
function run(
  input: BodyInput,
  code: LoadedCode,
  to: Uint8Array,
  call: { fn: string; args: ReturnType<typeof runtimeArgs>; value: bigint; gas: bigint },
  writes: readonly StateWrite[],
  contract: Uint8Array | null,
): BodyOutcome {
  const result = executeCall({
    verified: code.verified,
    manifest: code.manifest,
    function: call.fn,
    args: call.args,
    gasLimit: Number(call.gas),
    context: contextAt(
      { sender: input.tx.sender, to, value: call.value, block: input.block },
      input.hash,
    ),
    state: new Overlay(input.state, writes),
  });
  const gasUsed = input.gas - call.gas + BigInt(result.gasUsed);
  if (result.failure !== null) return failed(result.failure, gasUsed, contract);
  return {
    failure: null,
    gasUsed,
    writes: [...writes, ...result.writes],
    logs: eventLogs(code.manifest, to, result.events),
    returnData: result.returnData,
    contractAddress: contract,
  };
}

function call(input: BodyInput, body: CallBody): BodyOutcome {
  const code = input.load(input.state, body.to);
  if (code === null) return failed(refusal(`no contract at ${formatAddress(body.to)}`), 0n);
  let decoded;
  try {
    decoded = decodeCall(code.manifest, body.data);
  } catch (error) {
    if (!(error instanceof AnimicaError)) throw error;
    return failed(refusal(`the calldata does not decode: ${error.message}`), 0n);
  }
  const moved = moveValue(input.state, input.tx.sender, body.to, body.value);
  if (moved instanceof CallFailure) return failed(moved, 0n);
  const args = runtimeArgs(decoded.fn, decoded.args);
  return run(
    input,
    code,
    body.to,
    { fn: decoded.fn.name, args, value: body.value, gas: input.gas },
    moved.debit,
    null,
  );
}

function deploy(input: BodyInput, body: DeployBody): BodyOutcome {
  const address = contractAddress(input.tx.sender, input.tx.nonce);
  if (readContract(input.state, address) !== null) {
    return failed(refusal(`a contract is already deployed at ${formatAddress(address)}`), 0n);
  }
  // Outside the try: a compiler not loaded is an InternalError, never a refusal that gets mined.
  requireCompiler();
  let prepared;
  let init = null;
  try {
    const manifest = new TextDecoder("utf-8", { fatal: true }).decode(body.manifest);
    prepared = prepareCode({ manifest, source: body.code });
    if (body.initData !== null) {
      const fn = findFunction(prepared.manifest, INIT_FUNCTION);
      init = { fn, args: runtimeArgs(fn, decodeArgs(fn, body.initData)) };
    }
  } catch (error) {
    if (!(error instanceof AnimicaError) && !(error instanceof TypeError)) throw error;
    return failed(refusal(`the contract does not deploy: ${error.message}`), 0n, address);
  }
  const stored = BigInt(TX_GAS.deployByte) *
    BigInt(prepared.bytes.length + prepared.manifestText.length);
  if (stored > input.gas) {
    const message = `out of gas: storing the code needs ${stored}, ${input.gas} left`;
    return failed(new CallFailure("out-of-gas", "OutOfGas", message), input.gas, address);
  }
  const writes: StateWrite[] = [];
  if (readCode(input.state, prepared.codeHash) === null) {
    writes.push(codeWrite(prepared.codeHash, prepared.bytes));
  }
  if (readManifest(input.state, prepared.manifestHash) === null) {
    writes.push(manifestWrite(prepared.manifestHash, prepared.manifestText));
  }
  writes.push(contractWrite(address, prepared));
  const moved = moveValue(new Overlay(input.state, writes), input.tx.sender, address, body.value);
  if (moved instanceof CallFailure) return failed(moved, stored, address);
  writes.push(...moved.debit);
  if (init === null) {
    writes.push(...moved.credit);
    return {
      failure: null,
      gasUsed: stored,
      writes,
      logs: [],
      returnData: new Uint8Array(),
      contractAddress: address,
    };
  }
  const code = { manifest: prepared.manifest, verified: prepared.verified };
  const gas = input.gas - stored;
  return run(
    input,
    code,
    address,
    { fn: init.fn.name, args: init.args, value: body.value, gas },
    writes,
    address,
  );
}
