/**
 * Key pairs and signatures of accounts (spec/KEYS.md): ML-DSA-44/65/87
 * (FIPS 204) and SLH-DSA-SHA2-128s (FIPS 205), by the schemes of
 * ../pq_schemes.ts, generated from a 32-byte seed, signing without
 * randomness (the deterministic variants), verification, the account
 * address `alg id || sha3_256(public key)`, and the canonical key-file
 * JSON. The table of algorithms (address id, scheme, seed expansion)
 * lives here and nowhere else. The seed comes from the caller: this file
 * draws no randomness and touches no file.
 */

import { concatBytes, fromHex, toHex } from "../abi/hex.ts";
import { ChainError } from "../errors.ts";
import { shake256 } from "../keccak_sponge.ts";
import { PQ_LENGTHS, pqImplementation, type PqScheme } from "../pq_schemes.ts";
import { keyAddress, ML_DSA_65_ALGORITHM } from "./address.ts";

/** Length of a key seed in bytes. */
export const SEED_LENGTH = 32;
/** The `format` field of a key file. */
export const KEY_FILE_FORMAT = "animica-key/1";

/** Domain tag of the expansion of a seed into SLH-DSA's three key-generation seeds. */
export const SLH_DSA_SEED_DOMAIN = "animica:slh-dsa-keygen:v1|";

/** Names of the key algorithms, as key files and the CLI spell them. */
export type KeyAlgorithm = "ml-dsa-44" | "ml-dsa-65" | "ml-dsa-87" | "slh-dsa-sha2-128s";

interface AlgorithmEntry {
  /** The address's first byte. */
  readonly id: number;
  readonly publicKeyLength: number;
  readonly signatureLength: number;
  /** The scheme's own key-generation seed from our 32-byte seed. */
  readonly expandSeed: (seed: Uint8Array) => Uint8Array;
  readonly scheme: PqScheme;
}

const utf8 = new TextEncoder();

/** FIPS 205 key generation takes SK.seed, SK.prf and PK.seed (16 bytes each at 128s). */
function slhSeeds(seed: Uint8Array): Uint8Array {
  return shake256(concatBytes(utf8.encode(SLH_DSA_SEED_DOMAIN), seed), 48);
}

/** An entry of the table, with its scheme's lengths. */
function algorithm(
  id: number,
  scheme: PqScheme,
  expandSeed: (seed: Uint8Array) => Uint8Array,
): AlgorithmEntry {
  const { publicKey, signature } = PQ_LENGTHS[scheme];
  return { id, publicKeyLength: publicKey, signatureLength: signature, expandSeed, scheme };
}

const asIs = (seed: Uint8Array): Uint8Array => seed;

/** One table per fact: each algorithm's address id, implementation and seed expansion. */
const ALGORITHMS: Readonly<Record<KeyAlgorithm, AlgorithmEntry>> = {
  "ml-dsa-65": algorithm(ML_DSA_65_ALGORITHM, "ml-dsa-65", asIs),
  "slh-dsa-sha2-128s": algorithm(0x02, "slh-dsa-sha2-128s", slhSeeds),
  "ml-dsa-44": algorithm(0x03, "ml-dsa-44", asIs),
  "ml-dsa-87": algorithm(0x04, "ml-dsa-87", asIs),
};

/** An algorithm's address id and the lengths of its public keys and signatures. */
export interface KeyAlgorithmInfo {
  /** The algorithm's name. */
  readonly alg: KeyAlgorithm;
  /** Its id: the first byte of the addresses its keys own. */
  readonly id: number;
  /** Length of a public key in bytes. */
  readonly publicKeyLength: number;
  /** Length of a signature in bytes. */
  readonly signatureLength: number;
}

/** The algorithm names, in the order of the table. */
export const KEY_ALGORITHMS: readonly KeyAlgorithm[] = Object.keys(ALGORITHMS) as KeyAlgorithm[];

/** A key pair generated from its seed, and the address it owns. */
export interface KeyPair {
  /** The algorithm of the pair. */
  readonly alg: KeyAlgorithm;
  /** The 32-byte seed the pair was generated from. */
  readonly seed: Uint8Array;
  /** The public key (its length is the algorithm's, spec/KEYS.md §1). */
  readonly publicKey: Uint8Array;
  /** The expanded secret key, recomputed from the seed. */
  readonly secretKey: Uint8Array;
  /** The 33-byte address: `alg id || sha3_256(publicKey)`. */
  readonly address: Uint8Array;
}

/** Whether `name` is one of {@link KEY_ALGORITHMS}. */
export function isKeyAlgorithm(name: string): name is KeyAlgorithm {
  return Object.hasOwn(ALGORITHMS, name);
}

function unknownAlgorithm(alg: string): ChainError {
  return new ChainError(`unknown key algorithm '${alg}' (one of ${KEY_ALGORITHMS.join(", ")})`);
}

function entry(alg: string): AlgorithmEntry {
  if (!isKeyAlgorithm(alg)) throw unknownAlgorithm(alg);
  return ALGORITHMS[alg];
}

/**
 * The id and lengths of `alg` (a ChainError when it is not one of
 * {@link KEY_ALGORITHMS}).
 *
 * @example
 * ```ts
 * import { keyAlgorithmInfo } from "@animica/vm-py/chain";
 *
 * console.log(keyAlgorithmInfo("slh-dsa-sha2-128s").id); // 2
 * ```
 */
export function keyAlgorithmInfo(alg: KeyAlgorithm): KeyAlgorithmInfo {
  const { id, publicKeyLength, signatureLength } = entry(alg);
  return { alg, id, publicKeyLength, signatureLength };
}

/**
 * The algorithm whose id is `id`, or null when no key algorithm has it
 * (contracts' 0xc0 among them).
 *
 * @example
 * ```ts
 * import { keyAlgorithmById } from "@animica/vm-py/chain";
 *
 * console.log(keyAlgorithmById(1), keyAlgorithmById(0xc0)); // ml-dsa-65 null
 * ```
 */
export function keyAlgorithmById(id: number): KeyAlgorithm | null {
  return KEY_ALGORITHMS.find((alg) => ALGORITHMS[alg].id === id) ?? null;
}

/**
 * The key pair of `alg` generated from a 32-byte seed: the same seed gives
 * the same pair on every machine and run.
 *
 * @example
 * ```ts
 * import { keyFromSeed } from "@animica/vm-py/chain";
 *
 * const key = keyFromSeed("ml-dsa-65", new Uint8Array(32));
 * console.log(key.address[0], key.publicKey.length); // 1 1952
 * ```
 */
export function keyFromSeed(alg: KeyAlgorithm, seed: Uint8Array): KeyPair {
  const { id, scheme, expandSeed } = entry(alg);
  if (!(seed instanceof Uint8Array) || seed.length !== SEED_LENGTH) {
    throw new ChainError(`a key seed is ${SEED_LENGTH} bytes, got ${seed.length}`);
  }
  const { publicKey, secretKey } = pqImplementation(scheme).keygen(expandSeed(seed));
  return { alg, seed: seed.slice(), publicKey, secretKey, address: keyAddress(id, publicKey) };
}

/** The signature of `message` by `key` (deterministic: no randomness is drawn). */
export function sign(key: KeyPair, message: Uint8Array): Uint8Array {
  return pqImplementation(entry(key.alg).scheme).sign(message, key.secretKey);
}

/** Whether `signature` is `publicKey`'s signature of `message` under `alg`; malformed input is false. */
export function verify(
  alg: KeyAlgorithm,
  publicKey: Uint8Array,
  message: Uint8Array,
  signature: Uint8Array,
): boolean {
  const { scheme, publicKeyLength, signatureLength } = entry(alg);
  // Outside the try: a scheme not loaded is an InternalError, not a false.
  const implementation = pqImplementation(scheme);
  if (publicKey.length !== publicKeyLength) return false;
  if (signature.length !== signatureLength) return false;
  try {
    return implementation.verify(signature, message, publicKey);
  } catch {
    return false;
  }
}

/** The canonical key-file text of `key`: one JSON object, fields in spec order, then a newline. */
export function encodeKeyFile(key: KeyPair): string {
  const file = {
    format: KEY_FILE_FORMAT,
    alg: key.alg,
    seed: toHex(key.seed),
    publicKey: toHex(key.publicKey),
  };
  return JSON.stringify(file, null, 2) + "\n";
}

const FIELDS = ["format", "alg", "seed", "publicKey"];

/**
 * Longest key file, in bytes (64 KiB): many times the largest canonical one
 * (an ML-DSA-87 public key in hex is 5,186 characters), so that a reader
 * refuses a huge or endless file before holding it.
 */
export const MAX_KEY_FILE_BYTES = 65536;

function field(file: Record<string, unknown>, name: string): string {
  const value = file[name];
  if (typeof value !== "string") throw new ChainError(`key file: '${name}' must be a string`);
  return value;
}

/**
 * The key pair of a key file's text. Malformed JSON, missing or unknown
 * fields, bad hex, a wrong seed length, an unknown algorithm and a public
 * key that is not the seed's are ChainErrors.
 */
export function parseKeyFile(text: string): KeyPair {
  if (text.length > MAX_KEY_FILE_BYTES) {
    throw new ChainError(`key file is over the ${MAX_KEY_FILE_BYTES}-byte cap`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ChainError(`key file is not JSON: ${error instanceof Error ? error.message : error}`);
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw new ChainError("key file must be a JSON object");
  }
  const file = json as Record<string, unknown>;
  const extra = Object.keys(file).find((name) => !FIELDS.includes(name));
  if (extra !== undefined) throw new ChainError(`key file: unknown field '${extra}'`);
  if (field(file, "format") !== KEY_FILE_FORMAT) {
    throw new ChainError(`key file: 'format' must be "${KEY_FILE_FORMAT}"`);
  }
  const alg = field(file, "alg");
  if (!isKeyAlgorithm(alg)) throw unknownAlgorithm(alg);
  const seed = fromHex(field(file, "seed"));
  if (seed === null) throw new ChainError("key file: 'seed' must be 0x hex");
  const publicKey = fromHex(field(file, "publicKey"));
  if (publicKey === null) throw new ChainError("key file: 'publicKey' must be 0x hex");
  const key = keyFromSeed(alg, seed);
  if (toHex(key.publicKey) !== toHex(publicKey)) {
    throw new ChainError("key file: 'publicKey' is not the public key of 'seed'");
  }
  return key;
}
