/**
 * The handle of a deployed contract (spec/CHAIN.md §7): its address, code
 * hash and manifest, the receipt of its deployment, and `call`/`view`,
 * which go through the chain that made the handle. It holds no state of
 * its own.
 */

import type { Manifest } from "../abi/manifest.ts";
import type { IrModule } from "../compile/ir.ts";
import type { CallArgs } from "./args.ts";
import type { Receipt } from "./receipt.ts";

/** Options of a transaction. */
export interface TxOptions {
  /** The sender (default: the chain's default sender). */
  readonly from?: Uint8Array | string;
  /** Value sent with it, debited from the sender (default 0). */
  readonly value?: bigint | number;
  /** Most gas it may use (default 10,000,000). */
  readonly gasLimit?: number;
}

/** The IR module of each handle (kept off the class so its public surface has no IR types). */
const MODULES = new WeakMap<Contract, IrModule>();

/**
 * The IR module of a deployed contract (function names for traces,
 * disassembly), for tools below the public API (`./chain`).
 */
export function contractModule(contract: Contract): IrModule {
  const module = MODULES.get(contract);
  if (module === undefined) throw new TypeError("not a contract handle made by a Chain");
  return module;
}

/** What a contract handle needs of its chain. */
export interface ContractHost {
  /** Sends a call transaction. */
  call(address: Uint8Array, fn: string, args: CallArgs, options: TxOptions): Receipt;
  /** Runs a call without committing anything. */
  view(address: Uint8Array, fn: string, args: CallArgs, options: TxOptions): Receipt;
}

/**
 * A contract on a chain: call it (a transaction: its writes commit when it
 * succeeds) or view it (nothing is committed, no nonce changes).
 *
 * @example Deploy the counter, call inc twice and read it
 * ```ts
 * import { Chain } from "@animica/vm-py";
 *
 * const source = "from stdlib import storage\n\n" +
 *   "def inc() -> int:\n    n = storage.get_int(b'n') + 1\n    storage.set_int(b'n', n)\n    return n\n";
 * const manifest = {
 *   name: "counter", version: "1.0.0", entry: "counter.py",
 *   abi: { functions: [{ name: "inc", inputs: [], outputs: [{ type: "int" }] }], events: [] },
 * };
 * const counter = new Chain().deploy({ manifest, source });
 * counter.call("inc");
 * console.log(counter.call("inc").value, counter.view("inc").value); // 2n 3n
 * ```
 */
export class Contract {
  /** The contract's 33-byte address. */
  readonly address: Uint8Array;
  /** Code hash of its IR. */
  readonly codeHash: Uint8Array;
  /** Its manifest. */
  readonly manifest: Manifest;
  /** The receipt of its deployment (null for a handle to an existing contract). */
  readonly receipt: Receipt | null;
  readonly #host: ContractHost;

  /** A handle; made by Chain.deploy and Chain.at. */
  constructor(
    host: ContractHost,
    address: Uint8Array,
    codeHash: Uint8Array,
    code: { readonly manifest: Manifest; readonly module: IrModule },
    receipt: Receipt | null,
  ) {
    this.#host = host;
    this.address = address;
    this.codeHash = codeHash;
    this.manifest = code.manifest;
    MODULES.set(this, code.module);
    this.receipt = receipt;
  }

  /**
   * Calls `fn` with `args` (an array by position or an object by name) in
   * a transaction; a failed call is a receipt with `ok: false`.
   */
  call(fn: string, args: CallArgs = [], options: TxOptions = {}): Receipt {
    return this.#host.call(this.address, fn, args, options);
  }

  /** Runs `fn` without committing its writes or changing any nonce. */
  view(fn: string, args: CallArgs = [], options: TxOptions = {}): Receipt {
    return this.#host.view(this.address, fn, args, options);
  }
}
