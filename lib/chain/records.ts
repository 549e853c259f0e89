/**
 * The chain's records in the state (spec/CHAIN.md §4): nonces, balances,
 * deployed contracts (address -> code hash || manifest hash), code and
 * manifests stored once by hash, and the block. Reads take a StateReader;
 * writes are returned as StateWrites for the caller to apply, so this file
 * never changes a store itself. The key spaces are in
 * ../runtime/state_keys.ts.
 */

import { CAPS } from "../compile/opcodes.ts";
import { ChainError, StateError } from "../errors.ts";
import type { StateReader } from "../runtime/host/types.ts";
import type { StateWrite } from "../runtime/host/journal.ts";
import { decodeStoredInt, encodeStoredInt } from "../runtime/int_bytes.ts";
import { bitLength } from "../runtime/ops.ts";
import {
  balanceStateKey,
  BLOCK_STATE_KEY,
  BLOCK_VALUE_LENGTH,
  CODE_SPACE,
  CONTRACT_SPACE,
  HASH_LENGTH,
  MANIFEST_SPACE,
  NONCE_SPACE,
  spaceStateKey,
} from "../runtime/state_keys.ts";
import { MAX_NONCE, u64Bytes } from "./address.ts";

/** The block the next transaction runs in. */
export interface Block {
  /** Block height (0 to 2^64 - 1). */
  readonly height: bigint;
  /** Block timestamp, as the chain reports it (0 to 2^64 - 1). */
  readonly time: bigint;
  /** Chain identifier (0 to 2^64 - 1). */
  readonly chainId: bigint;
}

/** The block of a fresh chain. */
export const DEFAULT_BLOCK: Block = { height: 1n, time: 0n, chainId: 1n };

/** What the state records of a deployed contract. */
export interface ContractRecord {
  /** Code hash of its IR (the key of its code). */
  readonly codeHash: Uint8Array;
  /** Hash of its manifest text (the key of its manifest). */
  readonly manifestHash: Uint8Array;
}

function storedUint(amount: bigint): Uint8Array | null {
  return amount === 0n ? null : encodeStoredInt(amount, bitLength(amount));
}

/** The nonce of `account` (0 when it has sent nothing). */
export function readNonce(state: StateReader, account: Uint8Array): bigint {
  return decodeStoredInt(state.get(spaceStateKey(NONCE_SPACE, account)) ?? new Uint8Array());
}

/** The write setting the nonce of `account`; above 2^64 - 1 is a ChainError. */
export function nonceWrite(account: Uint8Array, nonce: bigint): StateWrite {
  if (nonce > MAX_NONCE) throw new ChainError("the account's nonce is exhausted (2^64 - 1)");
  return { key: spaceStateKey(NONCE_SPACE, account), value: storedUint(nonce) };
}

/** The balance of `account` (0 when absent). */
export function readBalance(state: StateReader, account: Uint8Array): bigint {
  return decodeStoredInt(state.get(balanceStateKey(account)) ?? new Uint8Array());
}

/** The write setting the balance of `account`: non-negative and under the int_bits cap. */
export function balanceWrite(account: Uint8Array, amount: bigint): StateWrite {
  if (amount < 0n) throw new ChainError("a balance cannot be negative");
  if (bitLength(amount) > CAPS.int_bits) {
    throw new ChainError(`a balance is under 2^${CAPS.int_bits} (cap int_bits)`);
  }
  return { key: balanceStateKey(account), value: storedUint(amount) };
}

/** The contract deployed at `address`, or null. */
export function readContract(state: StateReader, address: Uint8Array): ContractRecord | null {
  const value = state.get(spaceStateKey(CONTRACT_SPACE, address));
  if (value === null) return null;
  if (value.length !== 2 * HASH_LENGTH) {
    throw new StateError("a contract entry is not two 32-byte hashes");
  }
  return {
    codeHash: value.slice(0, HASH_LENGTH),
    manifestHash: value.slice(HASH_LENGTH),
  };
}

/** The write recording a contract at `address`. */
export function contractWrite(address: Uint8Array, record: ContractRecord): StateWrite {
  const value = new Uint8Array(2 * HASH_LENGTH);
  value.set(record.codeHash, 0);
  value.set(record.manifestHash, HASH_LENGTH);
  return { key: spaceStateKey(CONTRACT_SPACE, address), value };
}

/** The IR bytes of `codeHash`, or null. */
export function readCode(state: StateReader, codeHash: Uint8Array): Uint8Array | null {
  return state.get(spaceStateKey(CODE_SPACE, codeHash));
}

/** The write storing code under its hash. */
export function codeWrite(codeHash: Uint8Array, bytes: Uint8Array): StateWrite {
  return { key: spaceStateKey(CODE_SPACE, codeHash), value: bytes };
}

/** The manifest text stored under `manifestHash`, or null. */
export function readManifest(state: StateReader, manifestHash: Uint8Array): Uint8Array | null {
  return state.get(spaceStateKey(MANIFEST_SPACE, manifestHash));
}

/** The write storing manifest text under its hash. */
export function manifestWrite(manifestHash: Uint8Array, text: Uint8Array): StateWrite {
  return { key: spaceStateKey(MANIFEST_SPACE, manifestHash), value: text };
}

/** The block recorded in the state ({@link DEFAULT_BLOCK} when none is). */
export function readBlock(state: StateReader): Block {
  const value = state.get(BLOCK_STATE_KEY);
  if (value === null) return DEFAULT_BLOCK;
  if (value.length !== BLOCK_VALUE_LENGTH) throw new StateError("the block entry is not 24 bytes");
  const view = new DataView(value.buffer, value.byteOffset, value.byteLength);
  return {
    height: view.getBigUint64(0),
    time: view.getBigUint64(8),
    chainId: view.getBigUint64(16),
  };
}

/** The write recording `block` (each field 0 to 2^64 - 1). */
export function blockWrite(block: Block): StateWrite {
  const value = new Uint8Array(BLOCK_VALUE_LENGTH);
  value.set(u64Bytes(block.height, "the block height"), 0);
  value.set(u64Bytes(block.time, "the block time"), 8);
  value.set(u64Bytes(block.chainId, "the chain id"), 16);
  return { key: BLOCK_STATE_KEY, value };
}
