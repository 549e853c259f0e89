/** A small seeded PRNG (mulberry32) so that fuzz tests are reproducible. */
export class SeededRandom {
  #state: number;

  constructor(seed: number) {
    this.#state = seed >>> 0;
  }

  /** Uniform 32-bit unsigned integer. */
  nextU32(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** Uniform integer in [0, bound). */
  below(bound: number): number {
    return bound <= 0 ? 0 : this.nextU32() % bound;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.below(items.length)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  }
}

/** Applies 1-3 random edits (delete, insert, flip a bit, overwrite) to a byte string. */
export function mutateBytes(random: SeededRandom, input: Uint8Array): Uint8Array {
  const out = Array.from(input);
  const edits = 1 + random.below(3);
  for (let i = 0; i < edits; i++) {
    const at = random.below(out.length + 1);
    switch (random.below(4)) {
      case 0:
        out.splice(at, 1);
        break;
      case 1:
        out.splice(at, 0, random.below(256));
        break;
      case 2:
        if (at < out.length) out[at] = (out[at] ?? 0) ^ (1 << random.below(8));
        break;
      default:
        if (at < out.length) out[at] = random.below(256);
    }
  }
  return Uint8Array.from(out);
}
