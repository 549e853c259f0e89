/**
 * stdlib.random: deterministic bytes from the call's seed (tx hash and
 * call index), domain separated, one sha3-256 block per 32 bytes.
 */

import { CAPS } from "../../compile/opcodes.ts";
import { concatBytes } from "../../abi/hex.ts";
import { allocBytes } from "../bytes.ts";
import { limitExceeded, vmError } from "../failure.ts";
import { sha3_256Into } from "../keccak.ts";
import { intArg } from "./args.ts";
import type { StdlibMember } from "./types.ts";

const RANDOM_DOMAIN = new TextEncoder().encode("animica:random:v1|");

/** The random members by name. */
export const RANDOM = {
  "random.bytes": (host, meter, args) => {
    const length = intArg(args[0], "length");
    if (length < 0n) vmError("ValueError", "length must be non-negative");
    if (length > BigInt(CAPS.bytes_length)) {
      limitExceeded("bytes_length", "random.bytes length is too large");
    }
    meter.units(Math.ceil(Number(length) / 32));
    const out = allocBytes(Number(length));
    // The seed of block k: domain || tx hash || call index (u32 BE) || k (u32 BE), one buffer reused.
    const seed = concatBytes(RANDOM_DOMAIN, host.context.txHash, new Uint8Array(8));
    const view = new DataView(seed.buffer, seed.byteOffset, seed.length);
    view.setUint32(seed.length - 8, host.context.callIndex);
    for (let offset = 0; offset < out.length; offset += 32) {
      view.setUint32(seed.length - 4, host.nextRandomBlock());
      sha3_256Into(seed, out, offset, Math.min(32, out.length - offset));
    }
    return out;
  },
} as const satisfies Readonly<Record<string, StdlibMember>>;
