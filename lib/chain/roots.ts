/**
 * Commitments of a block (spec/RECEIPTS.md §6–7): the binary Merkle tree
 * shared by both roots (leaf and node hashes domain-separated, an odd node
 * carried up a level unchanged), the receipts root over receipt hashes in
 * block order and the state root over every state entry but the block's,
 * in key order. Both are computed in one pass with memory logarithmic in
 * the number of leaves: no recursion over attacker-sized data.
 */

import { sha3_256Owned as sha3_256 } from "../keccak_sponge.ts";
import { ReceiptError, StateError } from "../errors.ts";
import { compareBytes } from "../abi/hex.ts";
import type { StateListing } from "../runtime/state.ts";
import { BLOCK_SPACE } from "../runtime/state_keys.ts";

/** Length of a hash, a leaf and a root. */
export const HASH_BYTES = 32;
/** First byte of a leaf hash's input. */
export const LEAF_PREFIX = 0x00;
/** First byte of an inner node hash's input. */
export const NODE_PREFIX = 0x01;
/** The root of an empty tree: sha3-256 of no bytes. */
export const EMPTY_ROOT: Uint8Array = sha3_256(new Uint8Array(0));

/** The leaf hash of an item: sha3-256(0x00 ‖ item). */
export function leafHash(item: Uint8Array): Uint8Array {
  const input = new Uint8Array(1 + item.length);
  input[0] = LEAF_PREFIX;
  input.set(item, 1);
  return sha3_256(input);
}

/** The hash of an inner node: sha3-256(0x01 ‖ left ‖ right). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  const input = new Uint8Array(1 + 2 * HASH_BYTES);
  input[0] = NODE_PREFIX;
  input.set(left, 1);
  input.set(right, 1 + HASH_BYTES);
  return sha3_256(input);
}

/**
 * Builds a Merkle root from leaves added one at a time. It keeps the
 * roots of complete subtrees, largest first (at most one per height), so
 * its memory is logarithmic in the leaves; the root it gives is the tree of
 * spec/RECEIPTS.md §6 (pair nodes left to right level by level, carry an
 * odd last node up unchanged).
 */
export class MerkleBuilder {
  readonly #stack: { height: number; hash: Uint8Array }[] = [];

  /** Adds the next item as a leaf. */
  add(item: Uint8Array): void {
    let node = { height: 0, hash: leafHash(item) };
    let top = this.#stack[this.#stack.length - 1];
    while (top !== undefined && top.height === node.height) {
      this.#stack.pop();
      node = { height: node.height + 1, hash: nodeHash(top.hash, node.hash) };
      top = this.#stack[this.#stack.length - 1];
    }
    this.#stack.push(node);
  }

  /** The root of the leaves added so far ({@link EMPTY_ROOT} when none). */
  root(): Uint8Array {
    let root: Uint8Array | null = null;
    for (let i = this.#stack.length - 1; i >= 0; i--) {
      const hash = this.#stack[i]?.hash ?? EMPTY_ROOT;
      root = root === null ? hash : nodeHash(hash, root);
    }
    return root ?? EMPTY_ROOT;
  }
}

/**
 * The receipts root of a block: the Merkle root of its receipt hashes
 * (receiptHash, 32 bytes each) in transaction order; a hash of another
 * length is a ReceiptError.
 */
export function receiptsRoot(hashes: readonly Uint8Array[]): Uint8Array {
  const tree = new MerkleBuilder();
  for (const hash of hashes) {
    if (hash.length !== HASH_BYTES) {
      throw new ReceiptError(`a receipt hash is ${HASH_BYTES} bytes, got ${hash.length}`);
    }
    tree.add(hash);
  }
  return tree.root();
}

/** The leaf item of a state entry: u32 big-endian key length ‖ key ‖ value. */
export function stateEntryItem(key: Uint8Array, value: Uint8Array): Uint8Array {
  const item = new Uint8Array(4 + key.length + value.length);
  new DataView(item.buffer).setUint32(0, key.length);
  item.set(key, 4);
  item.set(value, 4 + key.length);
  return item;
}

function isBlockKey(key: Uint8Array): boolean {
  return key.length === 1 && key[0] === BLOCK_SPACE;
}

/**
 * The state root: the Merkle root of every entry of the state (storage,
 * balances, nonces, contract records, code, manifests) except the block
 * entry, in ascending bytewise key order, each leaf
 * {@link stateEntryItem}. A listing out of order, with a repeated key or
 * an empty value, is a StateError.
 *
 * @example The root of an empty state
 * ```ts
 * import { MemoryState } from "@animica/vm-py";
 * import { EMPTY_ROOT, stateRoot } from "@animica/vm-py/chain";
 *
 * console.log(stateRoot(new MemoryState()).every((byte, i) => byte === EMPTY_ROOT[i])); // true
 * ```
 */
export function stateRoot(state: StateListing): Uint8Array {
  const tree = new MerkleBuilder();
  let previous: Uint8Array | null = null;
  for (const [key, value] of state.listEntries()) {
    if (previous !== null && compareBytes(previous, key) >= 0) {
      throw new StateError("the state lists its entries out of key order or twice");
    }
    if (value.length === 0) throw new StateError("the state lists an empty value");
    previous = key;
    if (!isBlockKey(key)) tree.add(stateEntryItem(key, value));
  }
  return tree.root();
}
