/**
 * stdlib.random (and syscalls.random, the same stream): deterministic bytes
 * from the call's seed (tx hash and call index), domain separated. The
 * call's reads form one stream of sha3-256 blocks: block k is
 * sha3_256(domain || tx hash || call index (u32 BE) || k (u32 BE)), and a
 * read takes the bytes left over by the previous read before new blocks,
 * so two reads of 16 equal one read of 32. A read pays for the blocks it
 * generates before generating them.
 */

import { CAPS } from "../../compile/opcodes.ts";
import { concatBytes } from "../../abi/hex.ts";
import { allocBytes } from "../bytes.ts";
import { limitExceeded, vmError } from "../failure.ts";
import { sha3_256Into } from "../keccak.ts";
import { intArg } from "./args.ts";
import type { StdlibMember } from "./types.ts";

const RANDOM_DOMAIN = new TextEncoder().encode("animica:random:v1|");
const BLOCK = 32;

function randomBytes(name: string): StdlibMember {
  return (host, meter, args) => {
    const length = intArg(args[0], "length");
    if (length < 0n) vmError("ValueError", "length must be non-negative");
    if (length > BigInt(CAPS.bytes_length)) {
      limitExceeded("bytes_length", `${name} length is too long`);
    }
    const stream = host.random;
    const n = Number(length);
    const fromSpare = Math.min(n, stream.spare.length);
    const blocks = Math.ceil((n - fromSpare) / BLOCK);
    meter.units(blocks);
    const out = allocBytes(n);
    out.set(stream.spare.subarray(0, fromSpare));
    stream.spare = stream.spare.subarray(fromSpare);
    if (blocks === 0) return out;
    // The seed of block k: domain || tx hash || call index (u32 BE) || k (u32 BE), one buffer reused.
    const seed = concatBytes(RANDOM_DOMAIN, host.context.txHash, new Uint8Array(8));
    const view = new DataView(seed.buffer, seed.byteOffset, seed.length);
    view.setUint32(seed.length - 8, host.context.callIndex);
    const last = new Uint8Array(BLOCK);
    for (let offset = fromSpare; offset < n; offset += BLOCK) {
      view.setUint32(seed.length - 4, stream.nextBlock++);
      if (n - offset >= BLOCK) {
        sha3_256Into(seed, out, offset, BLOCK);
      } else {
        sha3_256Into(seed, last, 0, BLOCK);
        out.set(last.subarray(0, n - offset), offset);
        stream.spare = last.subarray(n - offset);
      }
    }
    return out;
  };
}

/** The random members by name. */
export const RANDOM = {
  "random.bytes": randomBytes("random.bytes"),
  "syscalls.random": randomBytes("syscalls.random"),
} as const satisfies Readonly<Record<string, StdlibMember>>;
