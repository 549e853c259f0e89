/**
 * The resource caps the front end enforces on source text, handed in by the
 * caller. The values live in spec/opcodes_vm_py.yaml (caps); the compiler and
 * the public API pass them down, so the front end, which sits below the
 * compiler, holds no cap values of its own.
 */

/** Caps checked while parsing. */
export interface SourceLimits {
  /** An int literal must satisfy |x| < 2^intBits (caps.int_bits). */
  readonly intBits: number;
}
