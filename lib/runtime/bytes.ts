/**
 * Allocation of the bytes values the runtime creates. Deno's V8 keeps
 * every typed array's store off the JS heap, so a fresh `new Uint8Array(n)`
 * costs a malloc and a free (about 0.25 µs even at n = 0 and 0.6 µs at
 * 1 KiB, against 0.015 µs for a view). Values of up to 4 KiB are therefore
 * views into shared 64 KiB slabs, handed out once each (so they start
 * zeroed); larger ones get their own store, whose malloc is then small
 * beside the work of filling it. This is safe because VM bytes are
 * immutable and the runtime never reads a value's `.buffer`.
 *
 * Memory: a retained value keeps its whole slab alive, but a slab is only
 * given up once a value does not fit in what is left, so every slab but
 * the current one had more than 60 KiB handed out: memory kept alive is at
 * most 64/60 of the bytes allocated (and paid for) plus one slab, however
 * the values that stay reachable are chosen. State backends copy what
 * they keep (MemoryState.apply), so stored state never holds a slab.
 */

const SLAB_SIZE = 65536;
const SMALL = 4096;

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
