/**
 * The block file (spec/BLOCKS.md §7): one JSON object naming its format,
 * the block's fee terms (base fee, producer) and its signed transactions
 * as `0x` hex of their canonical bytes, in order. Parsing is strict: a
 * missing, unknown or ill-typed field, or a file over the caps, is a
 * ChainError naming it. The transactions themselves are decoded when the
 * block is applied. Pure: text in, values out.
 */

import { fromHex, toHex } from "../abi/hex.ts";
import { isJsonObject, type JsonValue, parseJson } from "../abi/json.ts";
import { CAPS } from "../compile/opcodes.ts";
import { AnimicaError, ChainError } from "../errors.ts";
import { bitLength } from "../runtime/ops.ts";
import { formatAddress, parseAddress } from "./address.ts";
import type { BlockFees } from "./apply_tx.ts";
import { MAX_TX_BYTES } from "./tx.ts";

/** The `format` field of a block file. */
export const BLOCK_FILE_FORMAT = "animica-block/1";
/** Most transactions one block file holds. */
export const MAX_BLOCK_TRANSACTIONS = 4096;
/**
 * Longest block file, in bytes of UTF-8 text (256 MiB): read no further,
 * so a huge or endless file is refused before it fills the memory.
 */
export const MAX_BLOCK_FILE_BYTES: number = 256 * 1024 * 1024;

/** A block file's contents. */
export interface BlockFile {
  /** The fee terms the block's transactions are applied with. */
  readonly fees: BlockFees;
  /** The signed transactions' canonical bytes, in order. */
  readonly transactions: readonly Uint8Array[];
}

const FIELDS = ["format", "baseFee", "producer", "transactions"];

function problem(message: string): ChainError {
  return new ChainError(`block file: ${message}`);
}

function producerOf(value: JsonValue | undefined): Uint8Array | null {
  if (value === null) return null;
  if (typeof value !== "string") throw problem("'producer' must be an address string or null");
  try {
    return parseAddress(value);
  } catch (error) {
    if (!(error instanceof ChainError)) throw error;
    throw problem(`'producer': ${error.message}`);
  }
}

function transactionsOf(value: JsonValue | undefined): Uint8Array[] {
  if (!Array.isArray(value)) throw problem("'transactions' must be an array of 0x hex strings");
  if (value.length > MAX_BLOCK_TRANSACTIONS) {
    throw problem(`more than ${MAX_BLOCK_TRANSACTIONS} transactions`);
  }
  return value.map((entry: JsonValue, index: number) => {
    if (typeof entry !== "string" || entry.length > 2 + 2 * MAX_TX_BYTES) {
      throw problem(`transactions[${index}] must be 0x hex of at most ${MAX_TX_BYTES} bytes`);
    }
    const bytes = fromHex(entry);
    if (bytes === null) throw problem(`transactions[${index}] is not 0x hex`);
    return bytes;
  });
}

/** The block file of `text`; anything malformed is a ChainError. */
export function parseBlockFile(text: string): BlockFile {
  if (text.length > MAX_BLOCK_FILE_BYTES) {
    throw problem(`over the ${MAX_BLOCK_FILE_BYTES}-byte cap`);
  }
  let json: JsonValue;
  try {
    json = parseJson(text, "block file");
  } catch (error) {
    if (!(error instanceof AnimicaError)) throw error;
    throw problem(error.message);
  }
  if (!isJsonObject(json)) throw problem("must be a JSON object");
  const extra = Object.keys(json).find((name) => !FIELDS.includes(name));
  if (extra !== undefined) throw problem(`unknown field '${extra}'`);
  const missing = FIELDS.find((name) => !Object.hasOwn(json, name));
  if (missing !== undefined) throw problem(`missing field '${missing}'`);
  if (json.format !== BLOCK_FILE_FORMAT) throw problem(`'format' must be "${BLOCK_FILE_FORMAT}"`);
  const baseFee = json.baseFee;
  if (typeof baseFee !== "bigint" || baseFee < 0n || bitLength(baseFee) > CAPS.int_bits) {
    throw problem(`'baseFee' must be an integer 0 to 2^${CAPS.int_bits} - 1`);
  }
  return {
    fees: { baseFee, producer: producerOf(json.producer) },
    transactions: transactionsOf(json.transactions),
  };
}

/** The canonical text of a block file: fields in spec order, two-space indent, a final newline. */
export function encodeBlockFile(block: BlockFile): string {
  const producer = block.fees.producer === null
    ? "null"
    : JSON.stringify(formatAddress(block.fees.producer));
  const txs = block.transactions.map((bytes) => `    ${JSON.stringify(toHex(bytes))}`);
  return [
    "{",
    `  "format": ${JSON.stringify(BLOCK_FILE_FORMAT)},`,
    `  "baseFee": ${block.fees.baseFee},`,
    `  "producer": ${producer},`,
    txs.length === 0 ? `  "transactions": []` : `  "transactions": [\n${txs.join(",\n")}\n  ]`,
    "}",
    "",
  ].join("\n");
}
