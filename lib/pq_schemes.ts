/**
 * The post-quantum signature schemes the VM uses (ML-DSA, FIPS 204;
 * SLH-DSA, FIPS 205), their key and signature lengths (one table, read by
 * account keys and by stdlib.pq_verify), and the slot that holds their
 * implementation. The implementation is installed by importing
 * ./pq_noble.ts, which the library's entry modules do; the CLI imports it
 * only when a command may sign or verify, so that `run` of a contract that
 * never calls pq_verify starts without loading it (spec/RUNTIME.md
 * §pq_verify). Using a scheme before it is installed is an InternalError,
 * never a result: no call can turn out differently for it.
 */

import { InternalError } from "./errors.ts";

/** The schemes, named as key files and the CLI spell them. */
export type PqScheme =
  | "ml-dsa-44"
  | "ml-dsa-65"
  | "ml-dsa-87"
  | "slh-dsa-sha2-128s"
  | "slh-dsa-sha2-128f";

/** Byte lengths of a scheme's public keys and signatures. */
export interface PqLengths {
  readonly publicKey: number;
  readonly signature: number;
}

/** Lengths by scheme (FIPS 204 table 2, FIPS 205 table 2); the installer checks them. */
export const PQ_LENGTHS: Readonly<Record<PqScheme, PqLengths>> = {
  "ml-dsa-44": { publicKey: 1312, signature: 2420 },
  "ml-dsa-65": { publicKey: 1952, signature: 3309 },
  "ml-dsa-87": { publicKey: 2592, signature: 4627 },
  "slh-dsa-sha2-128s": { publicKey: 32, signature: 7856 },
  "slh-dsa-sha2-128f": { publicKey: 32, signature: 17088 },
};

/** What the VM calls of one scheme. */
export interface PqImplementation {
  /** The key pair of the scheme's own key-generation seed. */
  readonly keygen: (seed: Uint8Array) => { publicKey: Uint8Array; secretKey: Uint8Array };
  /** The deterministic signature of `message` (no randomness drawn). */
  readonly sign: (message: Uint8Array, secretKey: Uint8Array) => Uint8Array;
  /** Whether `signature` is `publicKey`'s signature of `message`; may throw on malformed input. */
  readonly verify: (signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array) => boolean;
}

let installed: Readonly<Record<PqScheme, PqImplementation>> | null = null;

/** Installs the implementation of every scheme (./pq_noble.ts does, once, when imported). */
export function installPqSchemes(
  implementations: Readonly<Record<PqScheme, PqImplementation>>,
): void {
  installed = implementations;
}

/** Whether the implementation is installed. */
export function pqSchemesInstalled(): boolean {
  return installed !== null;
}

/** The implementation of `scheme`; an InternalError when ./pq_noble.ts was not imported. */
export function pqImplementation(scheme: PqScheme): PqImplementation {
  if (installed === null) {
    throw new InternalError(
      "the post-quantum schemes are not loaded: import lib/pq_noble.ts (mod.ts does) before " +
        "signing, verifying or running a contract that calls pq_verify",
    );
  }
  return installed[scheme];
}
