/**
 * Events declared in a manifest, checked when a contract emits one: the
 * name must be declared, the argument names must match the declaration
 * exactly, and each value must have the declared type. The result is the
 * canonical encoding of the arguments in declaration order.
 */

import { AbiEncodeError } from "../errors.ts";
import { type AbiValue, encodeAbi } from "./codec.ts";
import { concatBytes } from "./hex.ts";
import type { AbiEvent, Manifest } from "./manifest.ts";

/** The declared event called `name`, or null. */
export function findEvent(manifest: Manifest, name: string): AbiEvent | null {
  return manifest.events.find((event) => event.name === name) ?? null;
}

/**
 * Checks an emitted event against its declaration and returns the encoded
 * arguments; throws AbiEncodeError naming the event and argument at fault.
 */
export function checkEventArgs(
  manifest: Manifest,
  name: string,
  args: ReadonlyMap<string, AbiValue>,
): Uint8Array {
  const event = findEvent(manifest, name);
  if (event === null) throw new AbiEncodeError(`event ${name}`, "is not declared in the manifest");
  const declared = new Set(event.inputs.map((param) => param.name));
  for (const key of args.keys()) {
    if (!declared.has(key)) {
      throw new AbiEncodeError(`event ${name}.${key}`, "is not a declared argument");
    }
  }
  const parts = event.inputs.map((param) => {
    const value = args.get(param.name);
    if (value === undefined) throw new AbiEncodeError(`event ${name}.${param.name}`, "is missing");
    return encodeAbi(param.type, value, `event ${name}.${param.name}`);
  });
  return concatBytes(...parts);
}
