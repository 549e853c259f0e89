/**
 * Loading IR: bytes decoded and verified, as every load must before
 * executing them. Apart from ./compile.ts, so that a program that only runs
 * stored or cached IR loads the decoder and verifier without the validator
 * and compiler (./compiler_slot.ts).
 */

import { decodeModule } from "./ir_codec.ts";
import { type VerifiedModule, verifyModule } from "./verify.ts";

/** Decodes and verifies IR bytes (the public, guarded form is in ./api.ts). */
export function loadModule(bytes: Uint8Array): VerifiedModule {
  return verifyModule(decodeModule(bytes));
}
