/**
 * PLACEHOLDER (tx-apply) for tx-receipts' lib/chain/tx_receipt.ts, per
 * /work/wt/TX_CONTRACT.md, so the applier compiles until it lands; replaced
 * wholesale by the merge.
 */

import { sha3_256 } from "npm:@noble/hashes@2.4.0/sha3.js";
import { concatBytes } from "../abi/hex.ts";
import type { Manifest } from "../abi/manifest.ts";
import type { EmittedEvent } from "../runtime/host/types.ts";

/** Status. */
export type ReceiptStatus = 0 | 1 | 2;

/** A log. */
export interface Log {
  /** Emitter. */
  readonly address: Uint8Array;
  /** Topics. */
  readonly topics: readonly Uint8Array[];
  /** Data. */
  readonly data: Uint8Array;
}

/** A receipt. */
export interface TxReceipt {
  /** Status. */
  readonly status: ReceiptStatus;
  /** Gas. */
  readonly gasUsed: bigint;
  /** Logs. */
  readonly logs: readonly Log[];
  /** Bloom. */
  readonly bloom: Uint8Array;
}

/** Logs of events. */
export function eventLogs(
  _manifest: Manifest,
  address: Uint8Array,
  events: readonly EmittedEvent[],
): Log[] {
  return events.map((event) => ({ address, topics: [sha3_256(event.name)], data: event.name }));
}

/** A receipt. */
export function txReceipt(status: ReceiptStatus, gasUsed: bigint, logs: readonly Log[]): TxReceipt {
  return { status, gasUsed, logs, bloom: new Uint8Array(256) };
}

/** Bytes. */
export function encodeReceipt(r: TxReceipt): Uint8Array {
  return new TextEncoder().encode(`${r.status}|${r.gasUsed}|${r.logs.length}`);
}

/** Hash. */
export function receiptHash(r: TxReceipt): Uint8Array {
  return sha3_256(encodeReceipt(r));
}
