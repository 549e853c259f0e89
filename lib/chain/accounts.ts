/**
 * Deterministic named test accounts (spec/CHAIN.md §3): the ML-DSA-65 key
 * pair of `name` is generated from the seed
 * `sha3_256("animica:test-account:v1|" || utf8(name))`, and its address is
 * `0x01 || sha3_256(public key)`. Anyone can rebuild these keys from the
 * name: they are for tests and local chains, never for value.
 */

import { sha3_256Owned as sha3_256 } from "../keccak_sponge.ts";
import { concatBytes } from "../abi/hex.ts";
import { ChainError } from "../errors.ts";
import { keyFromSeed } from "./keys.ts";

/** Domain tag of test-account seeds. */
export const TEST_ACCOUNT_DOMAIN = "animica:test-account:v1|";
/** Longest test-account name, in UTF-8 bytes. */
export const MAX_ACCOUNT_NAME = 64;

/** A named test account: its key pair and address. */
export interface TestAccount {
  /** The name the account was derived from. */
  readonly name: string;
  /** The 33-byte address (0x01 || sha3_256(publicKey)). */
  readonly address: Uint8Array;
  /** ML-DSA-65 public key (1952 bytes). */
  readonly publicKey: Uint8Array;
  /** ML-DSA-65 secret key (4032 bytes); public knowledge, as the name is. */
  readonly secretKey: Uint8Array;
}

const utf8 = new TextEncoder();

/**
 * The test account named `name` (1 to 64 UTF-8 bytes), the same on every
 * machine and run.
 *
 * @example
 * ```ts
 * import { formatAddress, testAccount } from "@animica/vm-py";
 *
 * const alice = testAccount("alice");
 * console.log(alice.publicKey.length, formatAddress(alice.address).startsWith("anim1")); // 1952 true
 * ```
 */
export function testAccount(name: string): TestAccount {
  const bytes = typeof name === "string" && name.isWellFormed() ? utf8.encode(name) : null;
  if (bytes === null || bytes.length === 0 || bytes.length > MAX_ACCOUNT_NAME) {
    throw new ChainError(`a test account name is 1 to ${MAX_ACCOUNT_NAME} bytes of text`);
  }
  const seed = sha3_256(concatBytes(utf8.encode(TEST_ACCOUNT_DOMAIN), bytes));
  const { address, publicKey, secretKey } = keyFromSeed("ml-dsa-65", seed);
  return { name, address, publicKey, secretKey };
}
