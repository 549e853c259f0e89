/**
 * Addresses of the chain (spec/CHAIN.md §2): 33 bytes, an algorithm id and
 * a 32-byte hash. Keys own addresses under their algorithm's id (0x01
 * ML-DSA-65: 0x01 || sha3-256 of the public key); contracts live under the
 * reserved id 0xc0, which no key algorithm uses, so no key can own a
 * contract's address. This file derives addresses and converts them to and
 * from text (`0x` hex, bech32m `anim1...`); it holds no state.
 */

import { sha3_256Owned as sha3_256 } from "../keccak_sponge.ts";
import { ADDRESS_LENGTH } from "../abi/codec.ts";
import { decodeAddress, encodeAddress } from "../abi/address.ts";
import { concatBytes, fromHex } from "../abi/hex.ts";
import { ChainError } from "../errors.ts";

/** An address as the API accepts it: 33 bytes, `0x` + 66 hex digits, or `anim1...`. */
export type AddressLike = Uint8Array | string;

/** Algorithm id of ML-DSA-65 keys. */
export const ML_DSA_65_ALGORITHM = 0x01;
/** Algorithm id reserved for contracts: no key algorithm has it. */
export const CONTRACT_ALGORITHM = 0xc0;
/** Domain tag of contract addresses derived from the deployer's nonce. */
export const CONTRACT_DOMAIN = "animica:contract:v1|";
/** Domain tag of contract addresses derived from the deployer, code hash and salt. */
export const SALTED_CONTRACT_DOMAIN = "animica:contract-salted:v1|";
/** Length of a salt in bytes. */
export const SALT_LENGTH = 32;
/** Nonces are 64-bit: the largest one an account can reach. */
export const MAX_NONCE = (1n << 64n) - 1n;

const utf8 = new TextEncoder();

/** `value` as 8 bytes big-endian; it must be 0 to 2^64 - 1. */
export function u64Bytes(value: bigint, what: string): Uint8Array {
  if (value < 0n || value > MAX_NONCE) {
    throw new ChainError(`${what} must be 0 to 2^64 - 1, got ${value}`);
  }
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, value);
  return out;
}

function withAlgorithm(algorithm: number, digest: Uint8Array): Uint8Array {
  const out = new Uint8Array(ADDRESS_LENGTH);
  out[0] = algorithm;
  out.set(digest, 1);
  return out;
}

function checkLength(bytes: Uint8Array, length: number, what: string): void {
  if (bytes.length !== length) {
    throw new ChainError(`${what} must be ${length} bytes, got ${bytes.length}`);
  }
}

/**
 * The address of an ML-DSA-65 public key: `0x01 || sha3_256(publicKey)`.
 *
 * @example
 * ```ts
 * import { accountAddress, formatAddress } from "@animica/vm-py";
 *
 * const address = accountAddress(new Uint8Array(1952));
 * console.log(address[0], formatAddress(address).startsWith("anim1")); // 1 true
 * ```
 */
export function accountAddress(publicKey: Uint8Array): Uint8Array {
  return keyAddress(ML_DSA_65_ALGORITHM, publicKey);
}

/** The address of a public key of the algorithm with id `algorithm`: `algorithm || sha3_256(publicKey)`. */
export function keyAddress(algorithm: number, publicKey: Uint8Array): Uint8Array {
  return withAlgorithm(algorithm, sha3_256(publicKey));
}

/**
 * The address of the contract `deployer` creates with its nonce `nonce`:
 * `0xc0 || sha3_256("animica:contract:v1|" || deployer || nonce as u64 big-endian)`.
 *
 * @example
 * ```ts
 * import { contractAddress, formatAddress } from "@animica/vm-py";
 *
 * const deployer = new Uint8Array(33).fill(0x11);
 * const first = contractAddress(deployer, 0n);
 * const second = contractAddress(deployer, 1n);
 * console.log(first[0] === 0xc0, formatAddress(first) !== formatAddress(second)); // true true
 * ```
 */
export function contractAddress(deployer: Uint8Array, nonce: bigint): Uint8Array {
  checkLength(deployer, ADDRESS_LENGTH, "the deployer address");
  const digest = sha3_256(
    concatBytes(utf8.encode(CONTRACT_DOMAIN), deployer, u64Bytes(nonce, "the nonce")),
  );
  return withAlgorithm(CONTRACT_ALGORITHM, digest);
}

/**
 * The address of a contract deployed with a salt, independent of the
 * deployer's nonce:
 * `0xc0 || sha3_256("animica:contract-salted:v1|" || deployer || codeHash || salt)`.
 *
 * @example
 * ```ts
 * import { saltedContractAddress } from "@animica/vm-py";
 *
 * const address = saltedContractAddress(new Uint8Array(33), new Uint8Array(32), new Uint8Array(32));
 * console.log(address.length); // 33
 * ```
 */
export function saltedContractAddress(
  deployer: Uint8Array,
  codeHash: Uint8Array,
  salt: Uint8Array,
): Uint8Array {
  checkLength(deployer, ADDRESS_LENGTH, "the deployer address");
  checkLength(codeHash, 32, "the code hash");
  checkLength(salt, SALT_LENGTH, "the salt");
  const digest = sha3_256(
    concatBytes(utf8.encode(SALTED_CONTRACT_DOMAIN), deployer, codeHash, salt),
  );
  return withAlgorithm(CONTRACT_ALGORITHM, digest);
}

/**
 * The bech32m text of a 33-byte address (`anim1...`).
 *
 * @example
 * ```ts
 * import { formatAddress, parseAddress } from "@animica/vm-py";
 *
 * const text = formatAddress(new Uint8Array(33).fill(1));
 * console.log(parseAddress(text).length); // 33
 * ```
 */
export function formatAddress(address: Uint8Array): string {
  checkLength(address, ADDRESS_LENGTH, "an address");
  return encodeAddress(address);
}

/** The 33 bytes of an address, or why `value` is not one. */
export function addressOrProblem(value: unknown): Uint8Array | string {
  let bytes: Uint8Array | string | null;
  if (value instanceof Uint8Array) bytes = value;
  else if (typeof value !== "string") return `expected an address, got ${typeof value}`;
  else if (value.startsWith("0x")) bytes = fromHex(value);
  else bytes = decodeAddress(value);
  if (typeof bytes === "string") return bytes;
  if (bytes === null) return 'expected an address ("anim1..." or "0x" + 66 hex digits)';
  if (bytes.length !== ADDRESS_LENGTH) {
    return `an address has ${ADDRESS_LENGTH} bytes, got ${bytes.length}`;
  }
  return bytes.slice();
}

/**
 * The 33 bytes of an address given as bytes, `0x` hex or `anim1...`; anything
 * else is a ChainError.
 *
 * @example
 * ```ts
 * import { parseAddress } from "@animica/vm-py";
 *
 * console.log(parseAddress("0x01" + "00".repeat(32))[0]); // 1
 * ```
 */
export function parseAddress(value: AddressLike): Uint8Array {
  const bytes = addressOrProblem(value);
  if (typeof bytes === "string") throw new ChainError(bytes);
  return bytes;
}
