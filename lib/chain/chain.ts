/**
 * The chain (spec/CHAIN.md): accounts with balances and nonces, deployed
 * contracts each with its own storage, the block, and snapshots, over any
 * StateStore (in memory by default; the CLI passes a file). Transactions
 * are deterministic: their context is derived in ./context.ts, addresses in
 * ./address.ts. A failed call or deploy changes nothing (not even the
 * sender's nonce); misuse of the API (unknown contract or function, wrong argument
 * types) throws. Signed transactions and blocks, which pay fees and use
 * nonces even when they fail, are applied by ./apply_tx.ts and
 * ./apply_block.ts. Pure: no I/O, clock or randomness.
 */

import { encodeCall, findFunction } from "../abi/calls.ts";
import { concatBytes, fromHex, toHex } from "../abi/hex.ts";
import type { AbiFunction } from "../abi/manifest.ts";
import { CAPS } from "../compile/opcodes.ts";
import { CallFailure, ChainError, guarded } from "../errors.ts";
import { executeCall } from "../runtime/call.ts";
import { hooksOf } from "../runtime/hooks.ts";
import { hooksFor } from "./tool_hooks.ts";
import type { StateReader } from "../runtime/host/types.ts";
import { bitLength } from "../runtime/ops.ts";
import { MemoryState, type StateStore, type StateWrite } from "../runtime/state.ts";
import { storageStateKey } from "../runtime/state_keys.ts";
import { testAccount } from "./accounts.ts";
import {
  type AddressLike,
  contractAddress,
  formatAddress,
  parseAddress,
  SALT_LENGTH,
  saltedContractAddress,
} from "./address.ts";
import { abiArgs, type CallArgs, runtimeArgs } from "./args.ts";
import {
  type ContractCode,
  INIT_FUNCTION,
  loadCode,
  type LoadedCode,
  prepareCode,
} from "./code.ts";
import { callContext, type Transaction } from "./context.ts";
import { Contract, type ContractHost, type TxOptions } from "./contract.ts";
import { UndoJournal } from "./journal.ts";
import { Overlay } from "./overlay.ts";
import { applyBlockTxs, type BlockRejected } from "./apply_block.ts";
import {
  applyTx,
  type BlockFees,
  DEFAULT_FEES,
  type TxApplied,
  type TxResult,
} from "./apply_tx.ts";
import { stateRoot } from "./roots.ts";
import { refusal } from "./tx_body.ts";
import type { SignedTx } from "./tx_types.ts";
import {
  balanceWrite,
  type Block,
  blockWrite,
  codeWrite,
  contractWrite,
  manifestWrite,
  nonceWrite,
  readBalance,
  readBlock,
  readCode,
  readContract,
  readManifest,
  readNonce,
} from "./records.ts";
import { Receipt } from "./receipt.ts";

export { INIT_FUNCTION };

/** Gas limit of a transaction when none is given. */
export const DEFAULT_GAS_LIMIT = 10_000_000;
/** Name of the test account that sends when no sender is given. */
export const DEFAULT_ACCOUNT = "alice";

/** Options of a chain. */
export interface ChainOptions {
  /** Where the chain keeps its state (default: a new in-memory store). */
  readonly state?: StateStore;
  /** Sender of transactions that name none (default: `account("alice")`). */
  readonly sender?: AddressLike;
}

/** A block the chain applied, with the state root after it. */
export interface BlockResult {
  /** Applied. */
  readonly accepted: true;
  /** Each transaction's outcome, in block order. */
  readonly transactions: readonly TxApplied[];
  /** The binary Merkle root of the receipt hashes, in order (spec/RECEIPTS.md). */
  readonly receiptsRoot: Uint8Array;
  /** The state root after the block (spec/RECEIPTS.md). */
  readonly stateRoot: Uint8Array;
}

/** Options of a deployment. */
export interface DeployOptions extends TxOptions {
  /** Arguments of the contract's `init` function, run as part of the deployment (none: no init). */
  readonly args?: CallArgs;
  /** A 32-byte salt: the address then derives from deployer, code hash and salt, not the nonce. */
  readonly salt?: Uint8Array | string;
}

function amountOf(value: bigint | number | undefined, what: string): bigint {
  if (value === undefined) return 0n;
  if (typeof value === "number" && !Number.isSafeInteger(value)) {
    throw new ChainError(`${what} must be an exact integer, got ${value}`);
  }
  const amount = BigInt(value);
  if (amount < 0n || bitLength(amount) > CAPS.int_bits) {
    throw new ChainError(`${what} must be 0 to 2^${CAPS.int_bits} - 1`);
  }
  return amount;
}

function gasLimitOf(options: TxOptions): number {
  const limit = options.gasLimit ?? DEFAULT_GAS_LIMIT;
  if (!Number.isSafeInteger(limit) || limit < 0) {
    throw new ChainError(`the gas limit must be a non-negative safe integer, got ${limit}`);
  }
  return limit;
}

function saltOf(salt: Uint8Array | string): Uint8Array {
  const bytes = typeof salt === "string" ? fromHex(salt) : salt;
  if (bytes === null || bytes.length !== SALT_LENGTH) {
    throw new ChainError(`a salt is ${SALT_LENGTH} bytes (a Uint8Array or 0x hex)`);
  }
  return bytes;
}

/**
 * A deterministic chain in memory (or over a state file): deploy
 * contracts, call them, fund accounts, set the block, snapshot and revert.
 *
 * @example Deploy, fund, call with value, snapshot and revert
 * ```ts
 * import { Chain } from "@animica/vm-py";
 * import assert from "node:assert/strict";
 *
 * const source = "from stdlib import context, storage\n\n" +
 *   "def pay() -> int:\n" +
 *   "    total = storage.get_int(b'total') + context.value\n" +
 *   "    storage.set_int(b'total', total)\n" +
 *   "    return total\n";
 * const manifest = {
 *   name: "jar", version: "1.0.0", entry: "jar.py",
 *   abi: { functions: [{ name: "pay", inputs: [], outputs: [{ type: "int" }] }], events: [] },
 * };
 * const chain = new Chain();
 * const bob = chain.account("bob");
 * chain.fund(bob, 100n);
 * const jar = chain.deploy({ manifest, source }, { from: bob });
 * const before = chain.snapshot();
 * assert.equal(jar.call("pay", [], { from: bob, value: 30n }).value, 30n);
 * assert.equal(chain.balance(jar.address), 30n);
 * chain.revert(before);
 * assert.equal(chain.balance(bob), 100n);
 * assert.equal(jar.view("pay").value, 0n);
 * ```
 */
export class Chain implements ContractHost {
  readonly #state: UndoJournal;
  readonly #accounts = new Map<string, Uint8Array>();
  readonly #loaded = new Map<string, LoadedCode>();
  readonly #sender: AddressLike | null;

  /** A chain over `options.state` (default: empty, in memory). */
  constructor(options: ChainOptions = {}) {
    this.#state = new UndoJournal(options.state ?? new MemoryState());
    this.#sender = options.sender ?? null;
  }

  /** The address of the deterministic test account `name` (spec/CHAIN.md §3). */
  account(name: string): Uint8Array {
    return guarded(() => {
      let address = this.#accounts.get(name);
      if (address === undefined) {
        address = testAccount(name).address;
        this.#accounts.set(name, address);
      }
      return address.slice();
    });
  }

  /** The default sender: `options.sender`, else `account("alice")`. */
  get sender(): Uint8Array {
    return this.#sender === null ? this.account(DEFAULT_ACCOUNT) : parseAddress(this.#sender);
  }

  /** Adds `amount` to the balance of `address`. */
  fund(address: AddressLike, amount: bigint | number): void {
    guarded(() => {
      const account = parseAddress(address);
      const total = readBalance(this.#state, account) + amountOf(amount, "the amount");
      this.#state.apply([balanceWrite(account, total)]);
    });
  }

  /** Sets the balance of `address` to `amount` (tests and local chains: `deal` in Foundry's words). */
  setBalance(address: AddressLike, amount: bigint | number): void {
    guarded(() => {
      const account = parseAddress(address);
      this.#state.apply([balanceWrite(account, amountOf(amount, "the amount"))]);
    });
  }

  /** The balance of `address`. */
  balance(address: AddressLike): bigint {
    return guarded(() => readBalance(this.#state, parseAddress(address)));
  }

  /** The nonce of `address`: how many transactions it has sent. */
  nonce(address: AddressLike): bigint {
    return guarded(() => readNonce(this.#state, parseAddress(address)));
  }

  /** The block transactions run in. */
  get block(): Block {
    return guarded(() => readBlock(this.#state));
  }

  /** Changes fields of the block (each 0 to 2^64 - 1). */
  setBlock(block: Partial<Block>): void {
    guarded(() => this.#state.apply([blockWrite({ ...readBlock(this.#state), ...block })]));
  }

  /** The value at `key` in the storage of the contract at `address` (null when absent). */
  storage(address: AddressLike, key: Uint8Array | string): Uint8Array | null {
    return guarded(() => {
      const bytes = typeof key === "string" ? new TextEncoder().encode(key) : key;
      return this.#state.get(storageStateKey(parseAddress(address), bytes));
    });
  }

  /** Opens a snapshot of the whole state; {@link revert} returns to it. */
  snapshot(): number {
    return this.#state.snapshot();
  }

  /**
   * Restores storage, balances, nonces, deployments and the block as they
   * were at snapshot `id`; `id` stays usable, later snapshots are closed.
   */
  revert(id: number): void {
    guarded(() => this.#state.revert(id));
  }

  /** A handle to the contract deployed at `address` (ChainError when there is none). */
  at(address: AddressLike): Contract {
    return guarded(() => {
      const target = parseAddress(address);
      const record = readContract(this.#state, target);
      if (record === null) throw new ChainError(`no contract at ${formatAddress(target)}`);
      const loaded = this.#load(target);
      const code = { manifest: loaded.manifest, module: loaded.verified.module };
      return new Contract(this, target, record.codeHash, code, null);
    });
  }

  /** Whether a contract is deployed at `address`. */
  isDeployed(address: AddressLike): boolean {
    return guarded(() => readContract(this.#state, parseAddress(address)) !== null);
  }

  /**
   * Deploys a contract: its address derives from the sender and nonce (or
   * from sender, code hash and `salt`); with `args`, its `init` function
   * runs in the same transaction. The handle's `receipt` says whether it
   * succeeded; an invalid manifest or source throws.
   */
  deploy(code: ContractCode, options: DeployOptions = {}): Contract {
    return guarded(() => this.#deploy(code, options));
  }

  /** Sends a call of `fn` on the contract at `address` (see {@link Contract.call}). */
  call(address: AddressLike, fn: string, args: CallArgs = [], options: TxOptions = {}): Receipt {
    return guarded(() => this.#call(parseAddress(address), fn, args, options, "call"));
  }

  /** Runs `fn` on the contract at `address` without committing (see {@link Contract.view}). */
  view(address: AddressLike, fn: string, args: CallArgs = [], options: TxOptions = {}): Receipt {
    return guarded(() => this.#call(parseAddress(address), fn, args, options, "view"));
  }

  /**
   * Applies a signed transaction (its canonical bytes or the decoded
   * object) in the current block with `fees` (spec/BLOCKS.md): a rejection
   * says why and changes nothing; an accepted transaction raises the
   * sender's nonce and pays its fee even when its body fails.
   */
  applyTransaction(tx: SignedTx | Uint8Array, fees: BlockFees = DEFAULT_FEES): TxResult {
    return guarded(() => {
      const { result, writes } = applyTx(
        this.#state,
        tx,
        readBlock(this.#state),
        fees,
        this.#loader,
      );
      this.#state.apply(writes);
      return result;
    });
  }

  /**
   * Applies the transactions of a block in order, in the current block with
   * `fees` (spec/BLOCKS.md §6): if one is rejected the block is, and nothing
   * changes; else the receipts, receipts root and state root after it.
   */
  applyBlock(
    txs: readonly (SignedTx | Uint8Array)[],
    fees: BlockFees = DEFAULT_FEES,
  ): BlockResult | BlockRejected {
    return guarded(() => {
      const block = readBlock(this.#state);
      const { result, writes } = applyBlockTxs(this.#state, txs, block, fees, this.#loader);
      if (!result.accepted) return result;
      this.#state.apply(writes);
      return { ...result, stateRoot: stateRoot(this.#state) };
    });
  }

  /** Loads the contract at `address` as `state` holds it (null: none), through the cache. */
  readonly #loader = (state: StateReader, address: Uint8Array): LoadedCode | null => {
    const record = readContract(state, address);
    if (record === null) return null;
    const id = toHex(record.codeHash) + toHex(record.manifestHash);
    let loaded = this.#loaded.get(id);
    if (loaded === undefined) {
      loaded = loadCode(state, record);
      this.#loaded.set(id, loaded);
    }
    return loaded;
  };

  #load(address: Uint8Array): LoadedCode {
    const loaded = this.#loader(this.#state, address);
    if (loaded === null) throw new ChainError(`no contract at ${formatAddress(address)}`);
    return loaded;
  }

  #deploy(code: ContractCode, options: DeployOptions): Contract {
    const prepared = prepareCode(code);
    const sender = options.from === undefined ? this.sender : parseAddress(options.from);
    const value = amountOf(options.value, "the value");
    const gasLimit = gasLimitOf(options);
    const nonce = readNonce(this.#state, sender);
    const address = options.salt === undefined
      ? contractAddress(sender, nonce)
      : saltedContractAddress(sender, prepared.codeHash, saltOf(options.salt));
    let init: { fn: AbiFunction; calldata: Uint8Array; args: CallArgs } | null = null;
    if (options.args !== undefined) {
      const fn = findFunction(prepared.manifest, INIT_FUNCTION);
      init = { fn, calldata: encodeCall(fn, abiArgs(fn, options.args)), args: options.args };
    }
    const tx: Transaction = {
      kind: "deploy",
      sender,
      nonce,
      to: address,
      value,
      payload: concatBytes(
        prepared.codeHash,
        prepared.manifestHash,
        init?.calldata ?? new Uint8Array(),
      ),
      block: readBlock(this.#state),
    };
    const context = callContext(tx);
    const loaded = { manifest: prepared.manifest, module: prepared.verified.module };
    const bump = nonceWrite(sender, nonce + 1n);
    const fail = (failure: CallFailure, gasUsed = 0): Contract => {
      const receipt = this.#receipt(tx, context.txHash, { failure, gasUsed });
      return new Contract(this, address, prepared.codeHash, loaded, receipt);
    };
    if (readContract(this.#state, address) !== null) {
      return fail(refusal(`a contract is already deployed at ${formatAddress(address)}`));
    }
    const balance = readBalance(this.#state, sender);
    if (balance < value) return fail(refusal("insufficient balance for the value sent"));
    const writes: StateWrite[] = [bump];
    if (readCode(this.#state, prepared.codeHash) === null) {
      writes.push(codeWrite(prepared.codeHash, prepared.bytes));
    }
    if (readManifest(this.#state, prepared.manifestHash) === null) {
      writes.push(manifestWrite(prepared.manifestHash, prepared.manifestText));
    }
    writes.push(contractWrite(address, prepared));
    if (value > 0n) writes.push(balanceWrite(sender, balance - value));
    this.#loaded.set(toHex(prepared.codeHash) + toHex(prepared.manifestHash), prepared);
    if (init === null) {
      if (value > 0n) {
        writes.push(
          balanceWrite(address, readBalance(new Overlay(this.#state, writes), address) + value),
        );
      }
      this.#state.apply(writes);
      const receipt = this.#receipt(tx, context.txHash, { failure: null, gasUsed: 0 });
      return new Contract(this, address, prepared.codeHash, loaded, receipt);
    }
    const result = executeCall({
      verified: prepared.verified,
      manifest: prepared.manifest,
      function: INIT_FUNCTION,
      args: runtimeArgs(init.fn, abiArgs(init.fn, init.args)),
      gasLimit,
      context,
      state: new Overlay(this.#state, writes),
      ...hooksOf(hooksFor(options)),
    });
    if (!result.ok && result.failure !== null) return fail(result.failure, result.gasUsed);
    this.#state.apply([...writes, ...result.writes]);
    const receipt = new Receipt({ ...result, txHash: context.txHash, from: sender, to: address });
    return new Contract(this, address, prepared.codeHash, loaded, receipt);
  }

  #call(
    address: Uint8Array,
    name: string,
    args: CallArgs,
    options: TxOptions,
    kind: "call" | "view",
  ): Receipt {
    const loaded = this.#load(address);
    const fn = findFunction(loaded.manifest, name);
    const abi = abiArgs(fn, args);
    const sender = options.from === undefined ? this.sender : parseAddress(options.from);
    const value = amountOf(options.value, "the value");
    const gasLimit = gasLimitOf(options);
    const nonce = readNonce(this.#state, sender);
    const tx: Transaction = {
      kind,
      sender,
      nonce,
      to: address,
      value,
      payload: encodeCall(fn, abi),
      block: readBlock(this.#state),
    };
    const context = callContext(tx);
    const bump = kind === "call" ? [nonceWrite(sender, nonce + 1n)] : [];
    const balance = readBalance(this.#state, sender);
    if (balance < value) {
      return this.#receipt(tx, context.txHash, {
        failure: refusal("insufficient balance for the value sent"),
        gasUsed: 0,
      });
    }
    const debit = value > 0n ? [balanceWrite(sender, balance - value)] : [];
    const result = executeCall({
      verified: loaded.verified,
      manifest: loaded.manifest,
      function: fn.name,
      args: runtimeArgs(fn, abi),
      gasLimit,
      context,
      state: new Overlay(this.#state, debit),
      ...hooksOf(hooksFor(options)),
    });
    if (kind === "call" && result.ok) this.#state.apply([...bump, ...debit, ...result.writes]);
    return new Receipt({ ...result, txHash: context.txHash, from: sender, to: address });
  }

  #receipt(
    tx: Transaction,
    txHash: Uint8Array,
    outcome: { failure: CallFailure | null; gasUsed: number },
  ): Receipt {
    return new Receipt({
      ok: outcome.failure === null,
      value: null,
      returnData: new Uint8Array(),
      gasUsed: outcome.gasUsed,
      events: [],
      failure: outcome.failure,
      txHash,
      from: tx.sender,
      to: tx.to,
    });
  }
}
