/**
 * Allocation of the bytes values the runtime creates. Deno's V8 keeps
 * every typed array's store off the JS heap, so a fresh `new Uint8Array(n)`
 * costs a malloc and a free (about 0.3 µs even at n = 0, against 0.01 µs
 * for a view). Small values are therefore views into shared 16 KiB slabs,
 * handed out once each (so they start zeroed); larger ones get their own
 * store. This is safe because VM bytes are immutable and the runtime never
 * reads a value's `.buffer`. A retained small value keeps its slab alive,
 * so state backends copy what they keep (MemoryState.apply).
 */

const SLAB_SIZE = 16384;
const SMALL = 1024;

let slab = new ArrayBuffer(SLAB_SIZE);
let used = 0;

/** A zeroed bytes value of `length`. */
export function allocBytes(length: number): Uint8Array {
  if (length > SMALL) return new Uint8Array(length);
  if (used + length > SLAB_SIZE) {
    slab = new ArrayBuffer(SLAB_SIZE);
    used = 0;
  }
  const view = new Uint8Array(slab, used, length);
  used += length;
  return view;
}

/** A copy of `source`. */
export function copyBytes(source: Uint8Array): Uint8Array {
  const out = allocBytes(source.length);
  out.set(source);
  return out;
}

/** Bytes from byte values (each already in 0..255). */
export function bytesFrom(values: readonly number[]): Uint8Array {
  const out = allocBytes(values.length);
  for (let i = 0; i < values.length; i++) out[i] = values[i] ?? 0;
  return out;
}
