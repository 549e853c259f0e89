/**
 * stdlib.pq_verify: verify(pubkey, message, signature, scheme="Dilithium3"),
 * a real post-quantum signature check by the schemes of ../../pq_schemes.ts
 * (ML-DSA, FIPS 204, the standard form of Dilithium; SLH-DSA, FIPS 205,
 * SHA-2 variants). Deterministic: verification reads only its arguments,
 * and a process that has not loaded the schemes fails the call with an
 * InternalError before it charges the bytes (never a result). The
 * call pays for every byte of key, message and signature before the check;
 * a key or signature of the wrong length for the scheme is False, an
 * unknown scheme a ValueError (spec/RUNTIME.md §pq_verify).
 */

import { PQ_LENGTHS, pqImplementation, type PqScheme } from "../../pq_schemes.ts";
import { vmError } from "../failure.ts";
import { typeName } from "../values.ts";
import { bytesArg } from "./args.ts";
import type { StdlibMember } from "./types.ts";

/** The schemes by the names a contract may pass (Dilithium names are ML-DSA's levels). */
const SCHEMES: ReadonlyMap<string, PqScheme> = new Map([
  ["ML-DSA-44", "ml-dsa-44"],
  ["ML-DSA-65", "ml-dsa-65"],
  ["ML-DSA-87", "ml-dsa-87"],
  ["Dilithium2", "ml-dsa-44"],
  ["Dilithium3", "ml-dsa-65"],
  ["Dilithium5", "ml-dsa-87"],
  ["SLH-DSA-SHA2-128s", "slh-dsa-sha2-128s"],
  ["SLH-DSA-SHA2-128f", "slh-dsa-sha2-128f"],
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
    const implementation = pqImplementation(chosen);
    meter.units(key.length + message.length + signature.length);
    const lengths = PQ_LENGTHS[chosen];
    if (key.length !== lengths.publicKey || signature.length !== lengths.signature) return false;
    return implementation.verify(signature, message, key);
  },
} as const satisfies Readonly<Record<string, StdlibMember>>;
