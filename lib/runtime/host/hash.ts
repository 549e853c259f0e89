/**
 * stdlib.hash: sha3_256, sha3_512, keccak256 (WebAssembly Keccak) and
 * blake3 (../blake3.ts), each over one bytes argument.
 */

import { blake3 } from "../blake3.ts";
import { keccak256, sha3_256, sha3_512 } from "../keccak.ts";
import { bytesArg } from "./args.ts";
import type { StdlibMember } from "./types.ts";

function hashMember(name: string, digest: (data: Uint8Array) => Uint8Array): StdlibMember {
  return (_host, meter, args) => {
    const data = bytesArg(args[0], `${name} input`);
    meter.units(Math.ceil(data.length / 32) || 1);
    return digest(data);
  };
}

/** The hash members by name. */
export const HASH = {
  "hash.sha3_256": hashMember("hash.sha3_256", sha3_256),
  "hash.sha3_512": hashMember("hash.sha3_512", sha3_512),
  "hash.keccak256": hashMember("hash.keccak256", keccak256),
  "hash.blake3": hashMember("hash.blake3", blake3),
} as const satisfies Readonly<Record<string, StdlibMember>>;
