/**
 * stdlib.random: deterministic bytes from the call's seed (tx hash and
 * call index), domain separated, one sha3-256 block per 32 bytes.
 */

import { CAPS } from "../../compile/opcodes.ts";
import { concatBytes } from "../../abi/hex.ts";
import { allocBytes } from "../bytes.ts";
import { limitExceeded, vmError } from "../failure.ts";
import { sha3_256 } from "../keccak.ts";
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
    meter.dynamic(6, Math.ceil(Number(length) / 32));
    const out = allocBytes(Number(length));
    const index = new Uint8Array(4);
    new DataView(index.buffer).setUint32(0, host.context.callIndex);
    for (let offset = 0; offset < out.length; offset += 32) {
      const counter = new Uint8Array(4);
      new DataView(counter.buffer).setUint32(0, host.nextRandomBlock());
      const block = sha3_256(concatBytes(RANDOM_DOMAIN, host.context.txHash, index, counter));
      out.set(block.subarray(0, Math.min(32, out.length - offset)), offset);
    }
    return out;
  },
} as const satisfies Readonly<Record<string, StdlibMember>>;
