/**
 * The runtime's Keccak hashes (sha3_256, sha3_512, keccak256) through the
 * embedded WebAssembly sponge (tools/wasm/keccak.c), several times faster
 * than pure JavaScript and bit-identical to FIPS 202 (keccak_test.ts checks
 * it against @noble/hashes). The module is compiled on first use; it needs
 * nothing from the host but WebAssembly, so lib/ still runs in a browser.
 */

import { allocBytes } from "./bytes.ts";
import { base64 } from "npm:@scure/base@2.4.0";
import { KECCAK_WASM_BASE64 } from "./keccak_wasm_generated.ts";

interface KeccakExports {
  readonly memory: WebAssembly.Memory;
  input(): number;
  output(): number;
  keccak(length: number, rate: number, suffix: number): void;
}

const PAGE = 65536;

/** Room the sponge needs past the message: it writes the padded last word in place. */
const PADDING_ROOM = 8;

/** The instantiated sponge, with where it reads the message and writes the digest (fixed). */
interface Sponge {
  readonly exports: KeccakExports;
  readonly input: number;
  readonly output: number;
}

let sponge: Sponge | null = null;

function instantiate(): Sponge {
  const module = new WebAssembly.Module(Uint8Array.from(base64.decode(KECCAK_WASM_BASE64)));
  const exports = new WebAssembly.Instance(module, {}).exports as unknown as KeccakExports;
  return { exports, input: exports.input(), output: exports.output() };
}

/**
 * A view of the sponge's memory, made again only when this file grows the
 * memory (views are costly in Deno; the module itself never grows it).
 */
let memory: Uint8Array = new Uint8Array(0);

/**
 * Runs the sponge over `message`, copied once into its memory; returns the
 * sponge, whose digest is then at `memory[output...]`.
 */
function absorb(message: Uint8Array, rate: number, suffix: number): Sponge {
  sponge ??= instantiate();
  const { exports, input } = sponge;
  const end = input + message.length + PADDING_ROOM;
  if (end > memory.length) {
    const shortfall = end - exports.memory.buffer.byteLength;
    if (shortfall > 0) exports.memory.grow(Math.ceil(shortfall / PAGE));
    memory = new Uint8Array(exports.memory.buffer);
  }
  memory.set(message, input);
  exports.keccak(message.length, rate, suffix);
  return sponge;
}

/** The digest of `message`, copied once out of the sponge's memory into a new bytes value. */
function digest(message: Uint8Array, rate: number, suffix: number, outLength: number): Uint8Array {
  const { output } = absorb(message, rate, suffix);
  const out = allocBytes(outLength);
  for (let i = 0; i < outLength; i++) out[i] = memory[output + i] ?? 0;
  return out;
}

/** SHA3-256 of `message`, its first `length` bytes written into `out` at `offset` (no allocation). */
export function sha3_256Into(
  message: Uint8Array,
  out: Uint8Array,
  offset: number,
  length: number,
): void {
  const { output } = absorb(message, 136, 0x06);
  for (let i = 0; i < length; i++) out[offset + i] = memory[output + i] ?? 0;
}

/** SHA3-256 (FIPS 202). */
export function sha3_256(message: Uint8Array): Uint8Array {
  return digest(message, 136, 0x06, 32);
}

/** SHA3-512 (FIPS 202). */
export function sha3_512(message: Uint8Array): Uint8Array {
  return digest(message, 72, 0x06, 64);
}

/** Keccak-256 with the original padding (as Ethereum uses it). */
export function keccak256(message: Uint8Array): Uint8Array {
  return digest(message, 136, 0x01, 32);
}
