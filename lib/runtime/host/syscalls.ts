/**
 * stdlib.syscalls: deterministic shims of the capability syscalls
 * (blob_pin, ai_enqueue, quantum_enqueue, read_result, zk_verify), each
 * gated by a capability the manifest declares and recorded for the
 * receipt.
 */

import { concatBytes } from "../../abi/hex.ts";
import { vmError } from "../failure.ts";
import { sha3_256 } from "../keccak.ts";
import { bitsOf } from "../ops.ts";
import { typeName, type Value } from "../values.ts";
import type { StdlibMember } from "./types.ts";
import { replaceSurrogates } from "../../text_units.ts";

/** The units an argument adds to a syscall's payload (paid before it is built). */
function payloadUnits(name: string, arg: Value): number {
  if (arg instanceof Uint8Array || typeof arg === "string") return arg.length;
  if (typeof arg === "number" || typeof arg === "bigint") return Math.ceil(bitsOf(arg) / 3) + 2;
  return vmError(
    "TypeError",
    `${name}() arguments must be bytes, str or int, not ${typeName(arg)}`,
  );
}

/** An argument's bytes in the payload: bytes as they are, str as UTF-8 (a surrogate as U+FFFD), int in decimal. */
function payloadBytes(arg: Value): Uint8Array {
  if (arg instanceof Uint8Array) return arg;
  return new TextEncoder().encode(typeof arg === "string" ? replaceSurrogates(arg) : String(arg));
}

function syscall(cap: string): StdlibMember {
  const name = `syscalls.${cap}`;
  return (host, meter, _args, rest) => {
    if (host.manifest === null || !host.manifest.caps.includes(cap)) {
      vmError("PermissionError", `${name} needs the '${cap}' capability in the manifest`);
    }
    meter.units(rest.reduce((sum: number, arg) => sum + payloadUnits(name, arg), 0));
    const payload = concatBytes(...rest.map(payloadBytes));
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
