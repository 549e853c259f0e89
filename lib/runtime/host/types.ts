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
  /** The value stored at `key` (null when absent). */
  get(key: Uint8Array): Uint8Array | null;
}

/** Facts about the call, from the caller. */
export interface CallContext {
  /** Address of the caller. */
  readonly sender: Uint8Array;
  /** Amount the call transfers to the contract (credited before it runs). */
  readonly value: bigint;
  /** Address of the contract being called. */
  readonly address: Uint8Array;
  /** Height of the block the call runs in. */
  readonly blockHeight: bigint;
  /** Timestamp of that block, as the chain reports it. */
  readonly blockTime: bigint;
  /** Identifier of the chain. */
  readonly chainId: bigint;
  /** Hash of the transaction the call belongs to. */
  readonly txHash: Uint8Array;
  /** Index of this call within its transaction (seeds random). */
  readonly callIndex: number;
}

/** An event as emitted: name bytes and its argument dict (a snapshot). */
export interface EmittedEvent {
  /** The event's name, as bytes. */
  readonly name: Uint8Array;
  /** Its arguments by name, as they were when it was emitted. */
  readonly args: PyDict;
}

/** A syscall made by the contract, recorded in the receipt. */
export interface SyscallRecord {
  /** The syscall's stdlib name. */
  readonly name: string;
  /** What it returned to the contract. */
  readonly result: Value;
}

/** What one call's stdlib members read and write. */
export interface HostCall {
  /** The call's pending writes over the state it reads. */
  readonly journal: Journal;
  /** Events emitted so far, in order. */
  readonly events: EmittedEvent[];
  /** Syscalls made so far, in order. */
  readonly syscalls: SyscallRecord[];
  /** Facts about the call, from the caller. */
  readonly context: CallContext;
  /** The contract's manifest (null: none). */
  readonly manifest: Manifest | null;
  /** The call's random stream (host/random.ts). */
  readonly random: RandomStream;
}

/** Where the call's random stream stands. */
export interface RandomStream {
  /** Number of the next block to generate (counts up from 0). */
  nextBlock: number;
  /** Bytes of the last block generated that no read has taken yet. */
  spare: Uint8Array;
}

/** A stdlib function's implementation, called with its bound arguments. */
export type StdlibMember = (
  host: HostCall,
  meter: Charge,
  args: Args,
  rest: readonly Value[],
) => Value;
