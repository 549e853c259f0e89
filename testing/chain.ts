/**
 * A chain for contract tests: a fresh in-memory Chain with deterministic
 * test accounts already funded, and overrides in Foundry's words: `prank`
 * (the sender, and value, of the next transaction), `next` (sender, value
 * or block for the next transaction only), `warp`/`roll` (block time and
 * height from now on) and `deal` (set a balance). Everything is derived
 * from names and calls: the same test gives the same addresses, hashes and
 * gas on every run.
 */

import {
  type AddressLike,
  type Block,
  type CallArgs,
  Chain,
  ChainError,
  type ChainOptions,
  type Contract,
  type ContractCode,
  type DeployOptions,
  type Receipt,
  testAccount,
  type TxOptions,
} from "../mod.ts";

/** The accounts a TestChain funds when given none. */
export const DEFAULT_TEST_ACCOUNTS = ["alice", "bob", "carol", "dave", "eve"] as const;
/** The name of a default test account. */
export type DefaultAccountName = typeof DEFAULT_TEST_ACCOUNTS[number];
/** The balance each test account starts with when none is given. */
export const DEFAULT_TEST_BALANCE = 1_000_000n;

/** Options of a TestChain. */
export interface TestChainOptions<N extends string> extends ChainOptions {
  /** Names of the test accounts to fund (default: alice, bob, carol, dave, eve). */
  readonly accounts?: readonly N[];
  /** What each of them starts with (default 1,000,000). */
  readonly balance?: bigint | number;
}

/** What `next` (and `prank`) changes for the next transaction only. */
export interface NextTx {
  /** Its sender. */
  readonly from?: AddressLike;
  /** The value it sends. */
  readonly value?: bigint | number;
  /** The block it runs in (fields not given stay); the block is restored after it. */
  readonly block?: Partial<Block>;
}

function blockField(value: bigint | number, name: string): bigint {
  if (typeof value === "number" && !Number.isSafeInteger(value)) {
    throw new ChainError(`the block ${name} must be an exact integer, got ${value}`);
  }
  return BigInt(value);
}

function clash(field: string): string {
  return `the transaction sets ${field} itself, and next() or prank() overrides it too`;
}

/** Addresses of test accounts, by name; kept across chains since they never change. */
const ADDRESSES = new Map<string, Uint8Array>();

function addressOf(name: string): Uint8Array {
  let address = ADDRESSES.get(name);
  if (address === undefined) {
    address = testAccount(name).address;
    ADDRESSES.set(name, address);
  }
  return address.slice();
}

/**
 * A Chain for one test: its accounts are funded, and one transaction at a
 * time can be sent as another sender, with a value, or in another block.
 * An override set with `next` or `prank` applies to the next call, view
 * or deployment, which must not set the same field itself (that throws a
 * ChainError, as does setting a field twice before it is used).
 *
 * @example Prank, warp and deal on a fresh chain
 * ```ts
 * import { expectOk, TestChain } from "@animica/vm-py/testing";
 * import assert from "node:assert/strict";
 *
 * const source = "from stdlib import context\n\ndef who() -> bytes:\n    return context.sender\n\n" +
 *   "def when() -> int:\n    return context.block_time\n";
 * const manifest = {
 *   name: "w", version: "1.0.0", entry: "w.py",
 *   abi: {
 *     functions: [
 *       { name: "who", inputs: [], outputs: [{ type: "bytes" }] },
 *       { name: "when", inputs: [], outputs: [{ type: "int" }] },
 *     ],
 *     events: [],
 *   },
 * };
 * const chain = new TestChain();
 * const { alice, bob } = chain.accounts;
 * const contract = chain.deploy({ manifest, source });
 * assert.deepEqual(expectOk(contract.call("who")).value, alice);
 * assert.deepEqual(chain.prank(bob).call(contract.address, "who").value, bob);
 * assert.equal(chain.next({ block: { time: 99n } }).view(contract.address, "when").value, 99n);
 * assert.equal(contract.view("when").value, 0n);
 * chain.warp(1_700_000_000n);
 * assert.equal(contract.view("when").value, 1_700_000_000n);
 * chain.deal(bob, 5n);
 * assert.equal(chain.balance(bob), 5n);
 * ```
 */
export class TestChain<N extends string = DefaultAccountName> extends Chain {
  /** The funded test accounts, by name. */
  readonly accounts: { readonly [K in N]: Uint8Array };
  #next: NextTx = {};

  /** A fresh chain (in memory unless `options.state`) with its test accounts funded. */
  constructor(options: TestChainOptions<N> = {}) {
    super(options);
    const names = new Set<string>(options.accounts ?? DEFAULT_TEST_ACCOUNTS);
    const balance = options.balance ?? DEFAULT_TEST_BALANCE;
    const accounts: { [name: string]: Uint8Array } = {};
    for (const name of names) {
      accounts[name] = addressOf(name);
      this.fund(accounts[name], balance);
    }
    // The keys are exactly the names of N (or the defaults when N is defaulted).
    this.accounts = accounts as { readonly [K in N]: Uint8Array };
  }

  /** The address of test account `name` (funded only if it is one of `accounts`). */
  override account(name: string): Uint8Array {
    return addressOf(name);
  }

  /** Sets sender, value or block for the next transaction only; returns this chain. */
  next(overrides: NextTx): this {
    const merged: { -readonly [K in keyof NextTx]: NextTx[K] } = { ...this.#next };
    for (const key of ["from", "value", "block"] as const) {
      if (overrides[key] === undefined) continue;
      if (merged[key] !== undefined) {
        throw new ChainError(`the next transaction's ${key} is already overridden`);
      }
      Object.assign(merged, { [key]: overrides[key] });
    }
    this.#next = merged;
    return this;
  }

  /** The next transaction is sent by `from` (with `value`, when given); returns this chain. */
  prank(from: AddressLike, value?: bigint | number): this {
    return this.next(value === undefined ? { from } : { from, value });
  }

  /** Sets the block time from now on (each later transaction sees it); returns this chain. */
  warp(time: bigint | number): this {
    this.setBlock({ time: blockField(time, "time") });
    return this;
  }

  /** Sets the block height from now on; returns this chain. */
  roll(height: bigint | number): this {
    this.setBlock({ height: blockField(height, "height") });
    return this;
  }

  /** Sets the balance of `address` to `amount`; returns this chain. */
  deal(address: AddressLike, amount: bigint | number): this {
    this.setBalance(address, amount);
    return this;
  }

  /** Whether an override is waiting for the next transaction. */
  get pending(): boolean {
    return Object.keys(this.#next).length > 0;
  }

  /** Deploys `code` (see Chain.deploy), with the pending override. */
  override deploy(code: ContractCode, options: DeployOptions = {}): Contract {
    return this.#withNext(options, (merged) => super.deploy(code, merged));
  }

  /** Sends a call (see Chain.call), with the pending override. */
  override call(
    address: AddressLike,
    fn: string,
    args: CallArgs = [],
    options: TxOptions = {},
  ): Receipt {
    return this.#withNext(options, (merged) => super.call(address, fn, args, merged));
  }

  /** Runs a view (see Chain.view), with the pending override. */
  override view(
    address: AddressLike,
    fn: string,
    args: CallArgs = [],
    options: TxOptions = {},
  ): Receipt {
    return this.#withNext(options, (merged) => super.view(address, fn, args, merged));
  }

  /** Runs one transaction with the pending override folded into `options`, then clears it. */
  #withNext<O extends TxOptions, R>(options: O, run: (options: O) => R): R {
    const next = this.#next;
    this.#next = {};
    let merged = options;
    if (next.from !== undefined) {
      if (options.from !== undefined) throw new ChainError(clash("from"));
      merged = { ...merged, from: next.from };
    }
    if (next.value !== undefined) {
      if (options.value !== undefined) throw new ChainError(clash("value"));
      merged = { ...merged, value: next.value };
    }
    if (next.block === undefined) return run(merged);
    const saved = this.block;
    this.setBlock(next.block);
    try {
      return run(merged);
    } finally {
      this.setBlock(saved);
    }
  }
}
