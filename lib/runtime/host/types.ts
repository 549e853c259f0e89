/**
 * The types shared by the stdlib families: what a call reads (state,
 * context), what it records (events, syscalls), and the per-call host
 * state every family member works on. Types only: no behaviour.
 */

import type { Manifest } from "../../abi/manifest.ts";
import type { Args } from "../bind.ts";
import type { Charge } from "../meter.ts";
import type { PyDict, Value } from "../values.ts";
import type { Journal } from "./journal.ts";

/** Read access to contract storage. */
export interface StateReader {
  get(key: Uint8Array): Uint8Array | null;
}

/** Facts about the call, from the caller. */
export interface CallContext {
  readonly sender: Uint8Array;
  readonly value: bigint;
  readonly address: Uint8Array;
  readonly blockHeight: bigint;
  readonly blockTime: bigint;
  readonly chainId: bigint;
  readonly txHash: Uint8Array;
  /** Index of this call within its transaction (seeds random). */
  readonly callIndex: number;
}

/** An event as emitted: name bytes and its argument dict (a snapshot). */
export interface EmittedEvent {
  readonly name: Uint8Array;
  readonly args: PyDict;
}

/** A syscall made by the contract, recorded in the receipt. */
export interface SyscallRecord {
  readonly name: string;
  readonly result: Value;
}

/** What one call's stdlib members read and write. */
export interface HostCall {
  readonly journal: Journal;
  readonly events: EmittedEvent[];
  readonly syscalls: SyscallRecord[];
  readonly context: CallContext;
  readonly manifest: Manifest | null;
  /** The next block number of the call's random stream (counts up from 0). */
  nextRandomBlock(): number;
}

/** A stdlib function's implementation, called with its bound arguments. */
export type StdlibMember = (
  host: HostCall,
  meter: Charge,
  args: Args,
  rest: readonly Value[],
) => Value;
