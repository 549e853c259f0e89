/**
 * Importing this module installs @noble/post-quantum as the implementation
 * of the schemes of ./pq_schemes.ts, after checking that the library's key
 * and signature lengths are the table's. It is the only module that
 * imports the library, so that a process loads it only when it may sign or
 * verify.
 */

import { ml_dsa44, ml_dsa65, ml_dsa87 } from "npm:@noble/post-quantum@0.7.1/ml-dsa.js";
import { slh_dsa_sha2_128f, slh_dsa_sha2_128s } from "npm:@noble/post-quantum@0.7.1/slh-dsa.js";
import { InternalError } from "./errors.ts";
import {
  installPqSchemes,
  PQ_LENGTHS,
  type PqImplementation,
  type PqScheme,
} from "./pq_schemes.ts";

/** What the library offers of one scheme. */
interface NobleScheme {
  readonly lengths: { readonly publicKey?: number; readonly signature?: number };
  readonly keygen: (seed: Uint8Array) => { publicKey: Uint8Array; secretKey: Uint8Array };
  readonly sign: (
    message: Uint8Array,
    secretKey: Uint8Array,
    options: { extraEntropy: false },
  ) => Uint8Array;
  readonly verify: (signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array) => boolean;
}

function implementation(scheme: PqScheme, noble: NobleScheme): PqImplementation {
  const { publicKey, signature } = PQ_LENGTHS[scheme];
  if (noble.lengths.publicKey !== publicKey || noble.lengths.signature !== signature) {
    throw new InternalError(
      `@noble/post-quantum's ${scheme} lengths are not those of FIPS 204/205`,
    );
  }
  return {
    keygen: (seed) => noble.keygen(seed),
    sign: (message, secretKey) => noble.sign(message, secretKey, { extraEntropy: false }),
    verify: (sig, message, key) => noble.verify(sig, message, key),
  };
}

installPqSchemes({
  "ml-dsa-44": implementation("ml-dsa-44", ml_dsa44),
  "ml-dsa-65": implementation("ml-dsa-65", ml_dsa65),
  "ml-dsa-87": implementation("ml-dsa-87", ml_dsa87),
  "slh-dsa-sha2-128s": implementation("slh-dsa-sha2-128s", slh_dsa_sha2_128s),
  "slh-dsa-sha2-128f": implementation("slh-dsa-sha2-128f", slh_dsa_sha2_128f),
});
