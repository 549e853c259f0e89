/**
 * The embedded WebAssembly Keccak sponge (tools/wasm/keccak.c), shared by
 * every layer of lib/: the runtime's hash functions build bytes values on
 * it (runtime/keccak.ts), and the compiler, ABI and chain hash code,
 * selectors, addresses, transactions, receipts and roots with
 * {@link sha3_256Owned}, and key derivation takes SHAKE256 from it
 * ({@link shake256}). Several times faster than JavaScript Keccak, and
 * fast from its first call (a JavaScript Keccak runs unoptimised at first:
 * the first code hash of a cold CLI command took 6 ms). Bit-identical to
 * FIPS 202 (runtime/keccak_test.ts checks it against @noble/hashes). The
 * module is compiled on first use; it needs nothing from the host but
 * WebAssembly, so lib/ still runs in a browser.
 */

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

/** The bytes of standard base64 text (the embedded module's; `atob` is in every engine lib/ runs on). */
function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function instantiate(): Sponge {
  const module = new WebAssembly.Module(fromBase64(KECCAK_WASM_BASE64));
  const exports = new WebAssembly.Instance(module, {}).exports as unknown as KeccakExports;
  return { exports, input: exports.input(), output: exports.output() };
}

/**
 * A view of the sponge's memory, made again only when this file grows the
 * memory (views are costly in Deno; the module itself never grows it).
 */
let memory: Uint8Array = new Uint8Array(0);

/**
 * Runs the sponge over `message` (`rate` bytes a block, domain byte
 * `suffix`), copied once into its memory; returns where the digest's
 * first 64 bytes then are in {@link spongeMemory}.
 */
export function absorb(message: Uint8Array, rate: number, suffix: number): number {
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
  return sponge.output;
}

/** The sponge's memory as it is now (read a digest right after {@link absorb}). */
export function spongeMemory(): Uint8Array {
  return memory;
}

/**
 * SHA3-256 in an array of its own, for digests the library keeps or hands
 * out: a caller may read its `.buffer`, which a runtime bytes value's slab
 * view would not allow.
 */
export function sha3_256Owned(message: Uint8Array): Uint8Array {
  const at = absorb(message, 136, 0x06);
  return memory.slice(at, at + 32);
}

/** The longest SHAKE256 output {@link shake256} gives: the digest bytes the sponge writes. */
export const SHAKE256_MAX_OUTPUT = 64;

/**
 * SHAKE256 (FIPS 202) of `message`, `length` bytes long, for at most
 * {@link SHAKE256_MAX_OUTPUT} bytes (one squeeze of the first lanes; the
 * key derivation of ./chain/keys.ts needs 48), in an array of its own.
 */
export function shake256(message: Uint8Array, length: number): Uint8Array {
  if (!Number.isInteger(length) || length < 0 || length > SHAKE256_MAX_OUTPUT) {
    throw new RangeError(`shake256 gives 0 to ${SHAKE256_MAX_OUTPUT} bytes here, not ${length}`);
  }
  const at = absorb(message, 136, 0x1f);
  return memory.slice(at, at + length);
}
