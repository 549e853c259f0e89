/**
 * Index normalisation, the one owner of Python's two rules: an item index
 * (negative counts from the end; outside [0, length) there is no item) and
 * a clamped index (negative counts from the end, then clamped to
 * [0, length], as slices, list.insert and list.index bounds use it).
 */

/** The position of item `index` in a sequence of `length`, or null when there is none. */
export function itemIndex(index: bigint, length: number): number | null {
  const at = index < 0n ? index + BigInt(length) : index;
  return at < 0n || at >= BigInt(length) ? null : Number(at);
}

/** `index` counted from the end when negative, clamped to [0, length]. */
export function clampIndex(index: bigint, length: number): number {
  const at = index < 0n ? index + BigInt(length) : index;
  return at < 0n ? 0 : at > BigInt(length) ? length : Number(at);
}
