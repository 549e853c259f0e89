/**
 * stdlib.syscalls: deterministic shims of the capability syscalls
 * (blob_pin, ai_enqueue, quantum_enqueue, read_result, zk_verify), each
 * gated by a capability the manifest declares and recorded for the
 * receipt.
 */

import { concatBytes } from "../../abi/hex.ts";
import { vmError } from "../failure.ts";
import { sha3_256 } from "../keccak.ts";
import type { Value } from "../values.ts";
import type { StdlibMember } from "./types.ts";

function syscall(cap: string): StdlibMember {
  const name = `syscalls.${cap}`;
  return (host, meter, _args, rest) => {
    if (host.manifest === null || !host.manifest.caps.includes(cap)) {
      vmError("PermissionError", `${name} needs the '${cap}' capability in the manifest`);
    }
    const payload = concatBytes(
      ...rest.map((
        arg,
      ) => (arg instanceof Uint8Array ? arg : new TextEncoder().encode(String(arg)))),
    );
    meter.dynamic(4, payload.length);
    const digest = sha3_256(concatBytes(new TextEncoder().encode(`animica:${cap}:v1|`), payload));
    const result: Value = cap === "zk_verify"
      ? false
      : cap === "read_result"
      ? new Uint8Array()
      : digest;
    host.syscalls.push({ name, result });
    return result;
  };
}

/** The syscalls members by name. */
export const SYSCALLS = {
  "syscalls.blob_pin": syscall("blob_pin"),
  "syscalls.ai_enqueue": syscall("ai_enqueue"),
  "syscalls.quantum_enqueue": syscall("quantum_enqueue"),
  "syscalls.read_result": syscall("read_result"),
  "syscalls.zk_verify": syscall("zk_verify"),
} as const satisfies Readonly<Record<string, StdlibMember>>;
