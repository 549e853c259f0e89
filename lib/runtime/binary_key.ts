/**
 * Map keys for byte strings: one UTF-16 unit per byte, so two keys are
 * equal exactly when their bytes are, and they order as their bytes do.
 * Cheaper to build and hash than hex (the journal and MemoryState key
 * their maps by it).
 */

/** Longest bytes whose char-per-byte string V8 builds flat by concatenation. */
const FLAT_CONCAT = 12;
/** Longest bytes turned into a key in one call (the engine's argument count is bounded). */
const ONE_CALL = 4096;

/**
 * The key of `bytes`. Short ones are concatenated; longer ones are made a
 * chunk per call, so a Map hashes a flat string rather than a rope.
 */
export function binaryKey(bytes: Uint8Array): string {
  if (bytes.length <= FLAT_CONCAT) {
    let key = "";
    for (let i = 0; i < bytes.length; i++) key += String.fromCharCode(bytes[i] ?? 0);
    return key;
  }
  if (bytes.length <= ONE_CALL) return Reflect.apply(String.fromCharCode, null, bytes);
  let key = "";
  for (let at = 0; at < bytes.length; at += ONE_CALL) {
    key += Reflect.apply(String.fromCharCode, null, bytes.subarray(at, at + ONE_CALL));
  }
  return key;
}

/** The bytes of a key made by {@link binaryKey}. */
export function keyBytes(key: string): Uint8Array {
  const out = new Uint8Array(key.length);
  for (let i = 0; i < key.length; i++) out[i] = key.charCodeAt(i);
  return out;
}
