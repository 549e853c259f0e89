/**
 * The 2048-bit bloom filter of a receipt (spec/RECEIPTS.md §3): each log's
 * address and each of its topics sets three bits chosen by the first six
 * bytes of its sha3-256, so a reader can skip receipts that cannot hold a
 * log it looks for.
 */

import { sha3_256Owned as sha3_256 } from "../keccak_sponge.ts";

/** Length of a bloom in bytes (2048 bits). */
export const BLOOM_BYTES = 256;
/** Bits set per item. */
const BITS_PER_ITEM = 3;
/** Mask of an 11-bit bit index (0 to 2047). */
const INDEX_MASK = 0x7ff;

/** The bit indices (0 to 2047) an item sets: three 11-bit big-endian pairs of its sha3-256. */
export function bloomIndices(item: Uint8Array): number[] {
  const hash = sha3_256(item);
  const indices: number[] = [];
  for (let i = 0; i < BITS_PER_ITEM; i++) {
    indices.push((((hash[2 * i] ?? 0) << 8) | (hash[2 * i + 1] ?? 0)) & INDEX_MASK);
  }
  return indices;
}

/** Sets the bits of `item` in `bloom` (bit k is bit k mod 8, LSB first, of byte k div 8). */
function addToBloom(bloom: Uint8Array, item: Uint8Array): void {
  for (const index of bloomIndices(item)) {
    bloom[index >> 3] = (bloom[index >> 3] ?? 0) | (1 << (index & 7));
  }
}

/** The bloom of logs: every log's address and every topic added. */
export function logsBloom(
  logs: readonly { readonly address: Uint8Array; readonly topics: readonly Uint8Array[] }[],
): Uint8Array {
  const bloom = new Uint8Array(BLOOM_BYTES);
  for (const log of logs) {
    addToBloom(bloom, log.address);
    for (const topic of log.topics) addToBloom(bloom, topic);
  }
  return bloom;
}

/**
 * Whether `bloom` may hold `item` (an address or topic): false means no
 * log of the receipt has it; true may be a false positive.
 */
export function bloomMayContain(bloom: Uint8Array, item: Uint8Array): boolean {
  return bloomIndices(item).every((index) => ((bloom[index >> 3] ?? 0) & (1 << (index & 7))) !== 0);
}
