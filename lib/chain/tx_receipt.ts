/**
 * Transaction receipts of the chain (spec/RECEIPTS.md §4–5): status, gas
 * used, logs and their bloom as canonical CBOR, decoded strictly (one
 * encoding per receipt, every field typed and within its cap, the bloom
 * equal to the logs'), and the receipt hash. The runtime's own call
 * receipt (spec/RUNTIME.md §5, lib/runtime/call.ts) is a different,
 * richer record of one call; this is the one a block commits to.
 */

import { sha3_256Owned as sha3_256 } from "../keccak_sponge.ts";
import { type CborValue, decodeCbor, encodeCbor } from "../compile/cbor.ts";
import { ADDRESS_LENGTH } from "../abi/codec.ts";
import { concatBytes, sameBytes } from "../abi/hex.ts";
import { CAPS } from "../compile/opcodes.ts";
import { type FailureKind, ReceiptError } from "../errors.ts";
import { uvarintLength } from "../runtime/value_walk.ts";
import { BLOOM_BYTES, logsBloom } from "./bloom.ts";
import { cborShapeProblem } from "../compile/cbor_depth.ts";
import type { Log } from "./logs.ts";

export {
  type DecodedLog,
  decodeLog,
  eventLogs,
  eventSignature,
  eventTopic,
  type Log,
} from "./logs.ts";

/** Status of a transaction: 0 success, 1 revert (and every failure but running out of gas), 2 out of gas. */
export type ReceiptStatus = 0 | 1 | 2;

/** What a block records of one transaction. */
export interface TxReceipt {
  /** 0 success, 1 revert, 2 out of gas. */
  readonly status: ReceiptStatus;
  /** Gas the transaction used (0 to 2^64 - 1). */
  readonly gasUsed: bigint;
  /** The logs of its events, in order (none unless it succeeded). */
  readonly logs: readonly Log[];
  /** The 2048-bit bloom of the logs' addresses and topics (256 bytes). */
  readonly bloom: Uint8Array;
}

/** Domain tag hashed in front of receipt bytes (not the runtime's `animica:receipt:v1|`). */
export const TX_RECEIPT_DOMAIN = "animica:tx-receipt:v1|";
/** Length of a topic (a sha3-256 digest). */
export const TOPIC_LENGTH = 32;
/** Most topics a log has. */
export const MAX_TOPICS = 4;
/** Longest log data: an event's size cap and the varint of a name that long. */
export const MAX_LOG_DATA: number = CAPS.event_size + uvarintLength(CAPS.event_size);
/** Most logs a receipt has: the events one call may emit. */
export const MAX_LOGS: number = CAPS.events_per_call;
/** Longest receipt bytes: 512 for the fixed fields, and per log its data and 256 more. */
export const MAX_RECEIPT_BYTES: number = 512 + MAX_LOGS * (MAX_LOG_DATA + 256);
/** Deepest nesting of a receipt: the receipt map, its logs, a log, its topics. */
const RECEIPT_DEPTH = 4;
/** Most entries a map of a receipt may have before it is read (a receipt has 4 fields; see tx.ts). */
const RECEIPT_MAP_ENTRIES = 32;
/** Largest gasUsed. */
const MAX_GAS = (1n << 64n) - 1n;

const STATUS_OF: Readonly<Record<FailureKind, ReceiptStatus>> = {
  revert: 1,
  "out-of-gas": 2,
  error: 1,
  limit: 1,
};

/** The status of a call that failed with `kind` (null: it succeeded); error and limit are reverts. */
export function receiptStatus(kind: FailureKind | null): ReceiptStatus {
  return kind === null ? 0 : STATUS_OF[kind];
}

function fail(message: string): never {
  throw new ReceiptError(message);
}

function checkLog(log: Log, where: string): void {
  if (log.address.length !== ADDRESS_LENGTH) {
    fail(`${where}.address must be ${ADDRESS_LENGTH} bytes, is ${log.address.length}`);
  }
  if (log.topics.length < 1 || log.topics.length > MAX_TOPICS) {
    fail(`${where}.topics must hold 1 to ${MAX_TOPICS} topics, holds ${log.topics.length}`);
  }
  log.topics.forEach((topic, i) => {
    if (topic.length !== TOPIC_LENGTH) {
      fail(`${where}.topics[${i}] must be ${TOPIC_LENGTH} bytes, is ${topic.length}`);
    }
  });
  if (log.data.length > MAX_LOG_DATA) {
    fail(`${where}.data is ${log.data.length} bytes, over ${MAX_LOG_DATA}`);
  }
}

function checkParts(status: number, gasUsed: bigint, logs: readonly Log[]): void {
  if (status !== 0 && status !== 1 && status !== 2) fail(`status must be 0, 1 or 2, is ${status}`);
  if (gasUsed < 0n || gasUsed > MAX_GAS) fail(`gasUsed must be 0 to 2^64 - 1, is ${gasUsed}`);
  if (logs.length > MAX_LOGS) fail(`a receipt holds at most ${MAX_LOGS} logs, has ${logs.length}`);
  if (status !== 0 && logs.length > 0) fail("a failed transaction's receipt has no logs");
  logs.forEach((log, i) => checkLog(log, `logs[${i}]`));
}

/**
 * The receipt of a transaction, with the bloom of its logs. Logs of a
 * failed transaction, a log of the wrong shape, more than MAX_LOGS logs or
 * gasUsed out of range are a ReceiptError.
 *
 * @example A successful transaction with no logs
 * ```ts
 * import { receiptHash, txReceipt } from "@animica/vm-py/chain";
 * import { toHex } from "@animica/vm-py/abi";
 *
 * const receipt = txReceipt(0, 21000n, []);
 * console.log(receipt.bloom.every((byte) => byte === 0), toHex(receiptHash(receipt)).length); // true 66
 * ```
 */
export function txReceipt(status: ReceiptStatus, gasUsed: bigint, logs: readonly Log[]): TxReceipt {
  checkParts(status, gasUsed, logs);
  return { status, gasUsed, logs, bloom: logsBloom(logs) };
}

/**
 * The canonical CBOR bytes of a receipt: the map
 * `{"logs", "bloom", "status", "gasUsed"}` with each log
 * `{"data", "topics", "address"}` (keys in RFC 8949 deterministic order).
 * A receipt whose bloom is not its logs' is a ReceiptError.
 */
export function encodeReceipt(receipt: TxReceipt): Uint8Array {
  checkParts(receipt.status, receipt.gasUsed, receipt.logs);
  if (!sameBytes(receipt.bloom, logsBloom(receipt.logs))) fail("the bloom is not the logs' bloom");
  return encodeCbor(
    new Map<string, CborValue>([
      [
        "logs",
        receipt.logs.map((log) =>
          new Map<string, CborValue>([
            ["data", log.data],
            ["topics", [...log.topics]],
            ["address", log.address],
          ])
        ),
      ],
      ["bloom", receipt.bloom],
      ["status", receipt.status],
      ["gasUsed", receipt.gasUsed],
    ]),
  );
}

function field(map: Map<unknown, unknown>, key: string, where: string): unknown {
  if (!map.has(key)) fail(`${where} has no "${key}"`);
  return map.get(key);
}

function record(value: unknown, keys: readonly string[], where: string): Map<unknown, unknown> {
  if (!(value instanceof Map)) fail(`${where} must be a map`);
  for (const key of value.keys()) {
    if (typeof key !== "string" || !keys.includes(key)) fail(`${where} has an unknown key`);
  }
  for (const key of keys) field(value, key, where);
  return value;
}

function bytes(value: unknown, where: string): Uint8Array {
  if (!(value instanceof Uint8Array)) fail(`${where} must be a byte string`);
  return value;
}

function list(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) fail(`${where} must be an array`);
  return value;
}

function decodeLogEntry(value: unknown, where: string): Log {
  const map = record(value, ["data", "topics", "address"], where);
  return {
    address: bytes(map.get("address"), `${where}.address`),
    topics: list(map.get("topics"), `${where}.topics`).map((topic, i) =>
      bytes(topic, `${where}.topics[${i}]`)
    ),
    data: bytes(map.get("data"), `${where}.data`),
  };
}

/**
 * Decodes receipt bytes strictly: anything but the canonical encoding of a
 * well-formed receipt (over MAX_RECEIPT_BYTES, not CBOR, unknown or
 * missing fields, a wrong size, a status out of range, logs on a failed
 * transaction, a bloom that is not the logs') is a ReceiptError.
 */
export function decodeReceipt(input: Uint8Array): TxReceipt {
  if (input.length > MAX_RECEIPT_BYTES) {
    fail(`receipt is ${input.length} bytes, over ${MAX_RECEIPT_BYTES}`);
  }
  const shape = cborShapeProblem(input, RECEIPT_DEPTH, RECEIPT_MAP_ENTRIES);
  if (shape !== null) fail(`not canonical CBOR: ${shape}`);
  let value: unknown;
  try {
    value = decodeCbor(input);
  } catch (error) {
    return fail(`not canonical CBOR: ${error instanceof Error ? error.message : String(error)}`);
  }
  const map = record(value, ["logs", "bloom", "status", "gasUsed"], "receipt");
  const status = map.get("status");
  if (status !== 0 && status !== 1 && status !== 2) fail("receipt.status must be 0, 1 or 2");
  const gas = map.get("gasUsed");
  if (typeof gas !== "bigint" && !(typeof gas === "number" && Number.isSafeInteger(gas))) {
    fail("receipt.gasUsed must be an unsigned integer");
  }
  const logs = list(map.get("logs"), "receipt.logs");
  if (logs.length > MAX_LOGS) fail(`receipt.logs holds at most ${MAX_LOGS} logs`);
  const bloom = bytes(map.get("bloom"), "receipt.bloom");
  if (bloom.length !== BLOOM_BYTES) fail(`receipt.bloom must be ${BLOOM_BYTES} bytes`);
  const receipt: TxReceipt = {
    status,
    gasUsed: BigInt(gas),
    logs: logs.map((log, i) => decodeLogEntry(log, `receipt.logs[${i}]`)),
    bloom,
  };
  const again = encodeReceipt(receipt);
  if (!sameBytes(again, input)) {
    fail("bytes are not the canonical encoding of the receipt they hold");
  }
  return receipt;
}

/** The receipt hash: sha3-256 of {@link TX_RECEIPT_DOMAIN} and the receipt's bytes. */
export function receiptHash(receipt: TxReceipt): Uint8Array {
  return sha3_256(concatBytes(new TextEncoder().encode(TX_RECEIPT_DOMAIN), encodeReceipt(receipt)));
}
