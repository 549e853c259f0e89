/**
 * stdlib.pq_verify: verify(pubkey, message, signature, scheme="Dilithium3"),
 * a real post-quantum signature check by @noble/post-quantum (ML-DSA,
 * FIPS 204, the standard form of Dilithium; SLH-DSA, FIPS 205, SHA-2
 * variants). Deterministic: verification reads only its arguments. The
 * call pays for every byte of key, message and signature before the check;
 * a key or signature of the wrong length for the scheme is False, an
 * unknown scheme a ValueError (spec/RUNTIME.md §pq_verify).
 */

import { ml_dsa44, ml_dsa65, ml_dsa87 } from "npm:@noble/post-quantum@0.7.1/ml-dsa.js";
import { slh_dsa_sha2_128f, slh_dsa_sha2_128s } from "npm:@noble/post-quantum@0.7.1/slh-dsa.js";
import { vmError } from "../failure.ts";
import { typeName } from "../values.ts";
import { bytesArg } from "./args.ts";
import type { StdlibMember } from "./types.ts";

/** A signature scheme: its key and signature lengths and its verifier. */
interface Scheme {
  readonly publicKey: number;
  readonly signature: number;
  readonly verify: (signature: Uint8Array, message: Uint8Array, key: Uint8Array) => boolean;
}

function scheme(
  publicKey: number,
  signature: number,
  algorithm: { verify: Scheme["verify"] },
): Scheme {
  return { publicKey, signature, verify: (s, m, k) => algorithm.verify(s, m, k) };
}

const ML_DSA_44 = scheme(1312, 2420, ml_dsa44);
const ML_DSA_65 = scheme(1952, 3309, ml_dsa65);
const ML_DSA_87 = scheme(2592, 4627, ml_dsa87);

/** The schemes by the names a contract may pass (Dilithium names are ML-DSA's levels). */
const SCHEMES: ReadonlyMap<string, Scheme> = new Map([
  ["ML-DSA-44", ML_DSA_44],
  ["ML-DSA-65", ML_DSA_65],
  ["ML-DSA-87", ML_DSA_87],
  ["Dilithium2", ML_DSA_44],
  ["Dilithium3", ML_DSA_65],
  ["Dilithium5", ML_DSA_87],
  ["SLH-DSA-SHA2-128s", scheme(32, 7856, slh_dsa_sha2_128s)],
  ["SLH-DSA-SHA2-128f", scheme(32, 17088, slh_dsa_sha2_128f)],
]);

/** The pq_verify members by name. */
export const PQ_VERIFY = {
  "pq_verify.verify": (_host, meter, args) => {
    const key = bytesArg(args[0], "pq_verify.verify pubkey");
    const message = bytesArg(args[1], "pq_verify.verify message");
    const signature = bytesArg(args[2], "pq_verify.verify signature");
    const name = args[3] ?? "Dilithium3";
    if (typeof name !== "string") {
      return vmError("TypeError", `pq_verify.verify scheme must be str, not ${typeName(name)}`);
    }
    const chosen = SCHEMES.get(name);
    if (chosen === undefined) {
      return vmError(
        "ValueError",
        `unknown signature scheme '${name}' (known: ${[...SCHEMES.keys()].join(", ")})`,
      );
    }
    meter.units(key.length + message.length + signature.length);
    if (key.length !== chosen.publicKey || signature.length !== chosen.signature) return false;
    return chosen.verify(signature, message, key);
  },
} as const satisfies Readonly<Record<string, StdlibMember>>;
