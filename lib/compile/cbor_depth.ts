/**
 * A bound on CBOR nesting checked before a decoder builds anything: one
 * iterative pass over the item heads, so hostile bytes nested a million
 * deep are refused with a message instead of exhausting the JS stack in a
 * recursive decoder. It checks structure only (heads, lengths within the
 * input, no indefinite lengths, no tags but those allowed, arrays and maps at most `maxDepth`
 * deep, maps of at most `maxMapEntries` entries); the decoder still checks everything else.
 *
 * The map bound matters for time, not only shape: the decoders read maps
 * into the engine's Map, which hashes a text key that spells an array index
 * (`"65536"`) without a seed, so a map of 20,000 crafted keys took 1.6–2.1 s
 * to decode (18–120 ms for as many plain keys). Every map these decoders
 * accept is a record of a few named fields, and IR modules hold none.
 */

/** Bytes that follow a head's first byte for additional info 24 to 27. */
const ARGUMENT_BYTES: Readonly<Record<number, number>> = { 24: 1, 25: 2, 26: 4, 27: 8 };

/**
 * Why `bytes` is not one CBOR item nested at most `maxDepth` arrays or maps
 * deep, with at most `maxMapEntries` entries in a map, or null. A tag is
 * refused unless its number is in `tags` (then its content is checked as
 * one more item, and may not be a tag itself).
 */
export function cborShapeProblem(
  bytes: Uint8Array,
  maxDepth: number,
  maxMapEntries: number,
  tags: readonly number[] = [],
): string | null {
  let pos = 0;
  const open: number[] = [1];
  let tagged = false;
  while (open.length > 0) {
    const last = open.length - 1;
    const left = open[last] ?? 0;
    if (left === 0) {
      open.pop();
      continue;
    }
    open[last] = left - 1;
    const head = pos;
    const first = bytes[pos];
    if (first === undefined) return `the input ends inside an item at byte ${pos}`;
    const major = first >> 5;
    if (major !== 6) tagged = false;
    const info = first & 0x1f;
    pos++;
    let argument = info;
    if (info >= 24) {
      const size = ARGUMENT_BYTES[info];
      if (size === undefined) return `byte ${pos - 1} has an indefinite or reserved length`;
      if (pos + size > bytes.length) return `the input ends inside a head at byte ${pos - 1}`;
      argument = 0;
      for (let i = 0; i < size; i++) argument = argument * 256 + (bytes[pos + i] ?? 0);
      pos += size;
    }
    const remaining = bytes.length - pos;
    switch (major) {
      case 2:
      case 3:
        if (argument > remaining) return `a string at byte ${pos} runs past the end`;
        pos += argument;
        break;
      case 4:
      case 5: {
        const items = major === 4 ? argument : 2 * argument;
        if (items > remaining) return `a container at byte ${pos} holds more items than bytes left`;
        if (major === 5 && argument > maxMapEntries) {
          return maxMapEntries === 0
            ? `byte ${head} starts a map`
            : `a map at byte ${head} has more than ${maxMapEntries} entries`;
        }
        if (open.length > maxDepth) return `arrays and maps nest deeper than ${maxDepth}`;
        open.push(items);
        break;
      }
      case 6:
        if (!tags.includes(argument) || tagged) return `byte ${pos - 1} is a tag`;
        open[last] = (open[last] ?? 0) + 1;
        tagged = true;
        continue;
      default:
        break;
    }
  }
  return null;
}
