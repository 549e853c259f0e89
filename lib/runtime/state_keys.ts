/**
 * The key spaces of the state (spec/RUNTIME.md, "State key spaces";
 * spec/CHAIN.md for the chain's spaces). Every state key begins with a
 * one-byte space tag written here, never by a contract: contract storage is
 * (tag 0x01, contract address, key), an account balance is (tag 0x02,
 * account), and the chain keeps nonces (0x03), deployed contracts (0x04),
 * code (0x05) and manifests (0x06) by hash, and the block (0x07). A
 * contract names only the key within its own storage, so no storage key can
 * equal any other entry, whatever its bytes. This file also checks a stored
 * entry against the caps, for backends loading a file.
 */

import { CAPS } from "../compile/opcodes.ts";
import { StateError } from "../errors.ts";
import { toHex } from "../abi/hex.ts";
import { allocBytes } from "./bytes.ts";
import { decodeStoredInt, encodeStoredInt, MAX_STORED_INT_BYTES } from "./int_bytes.ts";
import { bitLength } from "./ops.ts";

/** Tag of contract storage entries. */
export const STORAGE_SPACE = 0x01;
/** Tag of account balance entries. */
export const BALANCE_SPACE = 0x02;
/** Tag of account nonce entries. */
export const NONCE_SPACE = 0x03;
/** Tag of deployed-contract entries (address -> code hash || manifest hash). */
export const CONTRACT_SPACE = 0x04;
/** Tag of code entries (code hash -> IR bytes). */
export const CODE_SPACE = 0x05;
/** Tag of manifest entries (manifest hash -> manifest JSON text). */
export const MANIFEST_SPACE = 0x06;
/** Tag of the block entry (one key: height, time and chain id). */
export const BLOCK_SPACE = 0x07;
/** Length of a hash in a state key or value (sha3-256). */
export const HASH_LENGTH = 32;
/** Length of the block entry's value: three 64-bit big-endian fields. */
export const BLOCK_VALUE_LENGTH = 24;
/** Longest manifest text a state entry holds. */
export const MAX_MANIFEST_BYTES = 1 << 20;
/** Longest contract address a storage key can name (its length is one byte). */
export const MAX_CONTRACT_ADDRESS = 255;

/** Checks that `contract` can name a storage space (1 to 255 bytes); else a StateError. */
export function checkContractAddress(contract: Uint8Array): void {
  if (contract.length === 0 || contract.length > MAX_CONTRACT_ADDRESS) {
    throw new StateError(
      `a contract address must be 1 to ${MAX_CONTRACT_ADDRESS} bytes, got ${contract.length}`,
    );
  }
}

/** The state key of `key` in the storage of `contract`. */
export function storageStateKey(contract: Uint8Array, key: Uint8Array): Uint8Array {
  checkContractAddress(contract);
  const out = allocBytes(2 + contract.length + key.length);
  out[0] = STORAGE_SPACE;
  out[1] = contract.length;
  out.set(contract, 2);
  out.set(key, 2 + contract.length);
  return out;
}

/** The state key of the balance of `account`. */
export function balanceStateKey(account: Uint8Array): Uint8Array {
  const out = allocBytes(1 + account.length);
  out[0] = BALANCE_SPACE;
  out.set(account, 1);
  return out;
}

/** The state key of `hash` in the space `space` (nonce, contract, code, manifest). */
export function spaceStateKey(space: number, id: Uint8Array): Uint8Array {
  const out = allocBytes(1 + id.length);
  out[0] = space;
  out.set(id, 1);
  return out;
}

/** The one state key of the block. */
export const BLOCK_STATE_KEY: Uint8Array = Uint8Array.of(BLOCK_SPACE);

/**
 * Checks one stored entry as a backend loads it: the key must belong to a
 * known space, and key and value must be within the caps (a storage key
 * and value within storage_key and storage_value; a balance a non-negative
 * int under int_bits, in its shortest form). A violation is a StateError.
 */
export function checkStateEntry(key: Uint8Array, value: Uint8Array): void {
  const problem = entryProblem(key, value);
  if (problem !== null) throw new StateError(`state entry ${describeKey(key)}: ${problem}`);
}

function entryProblem(key: Uint8Array, value: Uint8Array): string | null {
  if (value.length === 0) return "the value is empty (deleted entries are not stored)";
  if (key[0] === STORAGE_SPACE) {
    const contractLength = key[1] ?? 0;
    if (contractLength === 0 || key.length < 2 + contractLength) {
      return "the storage key has no contract address";
    }
    if (key.length - 2 - contractLength > CAPS.storage_key) {
      return `the storage key is longer than the cap (${CAPS.storage_key} bytes)`;
    }
    if (value.length > CAPS.storage_value) {
      return `the value is ${value.length} bytes, above the cap (${CAPS.storage_value} bytes)`;
    }
    return null;
  }
  if (key[0] === BALANCE_SPACE || key[0] === NONCE_SPACE) {
    const what = key[0] === BALANCE_SPACE ? "balance" : "nonce";
    if (key.length > 1 + CAPS.storage_key) return "the account address is too long";
    const bits = key[0] === BALANCE_SPACE ? CAPS.int_bits : 64;
    const cap = key[0] === BALANCE_SPACE ? "the int_bits cap" : "2^64";
    if (value.length > MAX_STORED_INT_BYTES) return `the ${what} is above ${cap}`;
    const amount = decodeStoredInt(value);
    if (amount < 0n) return `the ${what} is negative`;
    if (bitLength(amount) > bits) return `the ${what} is above ${cap}`;
    if (encodeStoredInt(amount, bitLength(amount)).length !== value.length) {
      return `the ${what} is not in its shortest form`;
    }
    return null;
  }
  return chainEntryProblem(key, value);
}

/** The chain's own spaces: contracts, code, manifests and the block. */
function chainEntryProblem(key: Uint8Array, value: Uint8Array): string | null {
  switch (key[0]) {
    case CONTRACT_SPACE:
      if (key.length < 2 || key.length > 1 + MAX_CONTRACT_ADDRESS) {
        return "the contract address has a bad length";
      }
      return value.length === 2 * HASH_LENGTH ? null : "a contract entry is two 32-byte hashes";
    case CODE_SPACE:
      if (key.length !== 1 + HASH_LENGTH) return "a code key is a 32-byte hash";
      return value.length > CAPS.code_size ? "the code is above the code_size cap" : null;
    case MANIFEST_SPACE:
      if (key.length !== 1 + HASH_LENGTH) return "a manifest key is a 32-byte hash";
      return value.length > MAX_MANIFEST_BYTES ? "the manifest is too long" : null;
    case BLOCK_SPACE:
      if (key.length !== 1) return "the block key is one byte";
      return value.length === BLOCK_VALUE_LENGTH ? null : "the block entry is 24 bytes";
    default:
      return "the key is in no known key space";
  }
}

function describeKey(key: Uint8Array): string {
  const hex = toHex(key.subarray(0, 64));
  return key.length > 64 ? `${hex}... (${key.length} bytes)` : hex;
}
