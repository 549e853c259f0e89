/**
 * The key spaces of the state (spec/RUNTIME.md, "State key spaces"). Every
 * state key begins with a one-byte space tag written here, never by a
 * contract: contract storage is (tag 0x01, contract address, key), an
 * account balance is (tag 0x02, account). A contract names only the key
 * within its own storage, so no storage key can equal a balance key or
 * another contract's key, whatever its bytes. This file also checks a
 * stored entry against the caps, for backends loading a file.
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
/** Longest contract address a storage key can name (its length is one byte). */
export const MAX_CONTRACT_ADDRESS = 255;

/** The state key of `key` in the storage of `contract`. */
export function storageStateKey(contract: Uint8Array, key: Uint8Array): Uint8Array {
  if (contract.length === 0 || contract.length > MAX_CONTRACT_ADDRESS) {
    throw new StateError(
      `a contract address must be 1 to ${MAX_CONTRACT_ADDRESS} bytes, got ${contract.length}`,
    );
  }
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
  if (key[0] === BALANCE_SPACE) {
    if (key.length > 1 + CAPS.storage_key) return "the account address is too long";
    if (value.length > MAX_STORED_INT_BYTES) return "the balance is above the int_bits cap";
    const balance = decodeStoredInt(value);
    if (balance < 0n) return "the balance is negative";
    if (bitLength(balance) > CAPS.int_bits) return "the balance is above the int_bits cap";
    if (encodeStoredInt(balance, bitLength(balance)).length !== value.length) {
      return "the balance is not in its shortest form";
    }
    return null;
  }
  return "the key is in no known key space";
}

function describeKey(key: Uint8Array): string {
  const hex = toHex(key.subarray(0, 64));
  return key.length > 64 ? `${hex}... (${key.length} bytes)` : hex;
}
