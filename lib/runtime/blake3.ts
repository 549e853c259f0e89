/**
 * BLAKE3 (the unkeyed hash, 32-byte output) for stdlib.hash.blake3: the
 * input cut into 1,024-byte chunks of 64-byte blocks, each chunk chained
 * through the compression function from the IV, and the chunks' chaining
 * values merged pairwise into a binary tree whose last compression gets
 * the root flag. Word arithmetic on 32-bit ints only, so every engine
 * gives the same bytes; checked against @noble/hashes (./blake3_test.ts).
 */

/** The IV: SHA-256's initial words. */
const IV = Uint32Array.of(
  0x6a09e667,
  0xbb67ae85,
  0x3c6ef372,
  0xa54ff53a,
  0x510e527f,
  0x9b05688c,
  0x1f83d9ab,
  0x5be0cd19,
);
const CHUNK_START = 1;
const CHUNK_END = 2;
const PARENT = 4;
const ROOT = 8;
const BLOCK_BYTES = 64;
const CHUNK_BYTES = 1024;
const ROUNDS = 7;

/** Message word order of each round: the permutation applied once more per round. */
const SCHEDULE = (() => {
  const permutation = [2, 6, 3, 10, 7, 0, 4, 13, 1, 11, 12, 5, 9, 14, 15, 8];
  const rounds: number[] = [];
  let order = Array.from({ length: 16 }, (_, i) => i);
  for (let round = 0; round < ROUNDS; round++) {
    rounds.push(...order);
    order = permutation.map((from) => order[from] ?? 0);
  }
  return Uint8Array.from(rounds);
})();

/** The 16 state words of a compression (reused: the hash is not reentrant and never yields). */
const state = new Uint32Array(16);

/** The quarter-round G on state words a, b, c, d with message words x and y. */
function mix(a: number, b: number, c: number, d: number, x: number, y: number): void {
  const s = state;
  s[a] = ((s[a] as number) + (s[b] as number) + x) | 0;
  s[d] = rotateRight((s[d] as number) ^ (s[a] as number), 16);
  s[c] = ((s[c] as number) + (s[d] as number)) | 0;
  s[b] = rotateRight((s[b] as number) ^ (s[c] as number), 12);
  s[a] = ((s[a] as number) + (s[b] as number) + y) | 0;
  s[d] = rotateRight((s[d] as number) ^ (s[a] as number), 8);
  s[c] = ((s[c] as number) + (s[d] as number)) | 0;
  s[b] = rotateRight((s[b] as number) ^ (s[c] as number), 7);
}

/** `word` rotated right by `count` bits (1 to 31). */
function rotateRight(word: number, count: number): number {
  return (word >>> count) | (word << (32 - count));
}

/** The message word the schedule puts at position `at` (round × 16 + index). */
function word(block: Uint32Array, at: number): number {
  return block[SCHEDULE[at] as number] as number;
}

/**
 * Compresses `block` (16 words) into the chaining value `cv` (8 words,
 * replaced by the result) with the block's counter, length and flags.
 */
function compress(
  cv: Uint32Array,
  block: Uint32Array,
  counter: number,
  length: number,
  flags: number,
): void {
  state.set(cv, 0);
  state.set(IV.subarray(0, 4), 8);
  state[12] = counter >>> 0;
  state[13] = Math.floor(counter / 2 ** 32);
  state[14] = length;
  state[15] = flags;
  for (let at = 0; at < 16 * ROUNDS; at += 16) {
    mix(0, 4, 8, 12, word(block, at), word(block, at + 1));
    mix(1, 5, 9, 13, word(block, at + 2), word(block, at + 3));
    mix(2, 6, 10, 14, word(block, at + 4), word(block, at + 5));
    mix(3, 7, 11, 15, word(block, at + 6), word(block, at + 7));
    mix(0, 5, 10, 15, word(block, at + 8), word(block, at + 9));
    mix(1, 6, 11, 12, word(block, at + 10), word(block, at + 11));
    mix(2, 7, 8, 13, word(block, at + 12), word(block, at + 13));
    mix(3, 4, 9, 14, word(block, at + 14), word(block, at + 15));
  }
  for (let i = 0; i < 8; i++) cv[i] = (state[i] as number) ^ (state[i + 8] as number);
}

/** The block of `input` at `from` (up to `end`) as 16 little-endian words, zero past the end; its length. */
function loadBlock(input: Uint8Array, from: number, end: number, block: Uint32Array): number {
  const length = Math.max(0, Math.min(BLOCK_BYTES, end - from));
  block.fill(0);
  for (let i = 0; i < length; i++) {
    const word = i >> 2;
    block[word] = (block[word] as number) | ((input[from + i] as number) << (8 * (i & 3)));
  }
  return length;
}

/** The chaining value of chunk `index` (`input[start..end)`), the root flag on its last block when asked. */
function chunkValue(
  input: Uint8Array,
  index: number,
  root: boolean,
  block: Uint32Array,
): Uint32Array {
  const start = index * CHUNK_BYTES;
  const end = Math.min(start + CHUNK_BYTES, input.length);
  const blocks = Math.max(1, Math.ceil((end - start) / BLOCK_BYTES));
  const cv = IV.slice();
  for (let b = 0; b < blocks; b++) {
    const length = loadBlock(input, start + b * BLOCK_BYTES, end, block);
    const last = b === blocks - 1;
    const flags = (b === 0 ? CHUNK_START : 0) | (last ? CHUNK_END : 0) | (last && root ? ROOT : 0);
    compress(cv, block, index, length, flags);
  }
  return cv;
}

/** The parent node of two chaining values (the root flag when asked). */
function parentValue(
  left: Uint32Array,
  right: Uint32Array,
  root: boolean,
  block: Uint32Array,
): Uint32Array {
  block.set(left, 0);
  block.set(right, 8);
  const cv = IV.slice();
  compress(cv, block, 0, BLOCK_BYTES, PARENT | (root ? ROOT : 0));
  return cv;
}

/** BLAKE3 of `input`: 32 bytes. */
export function blake3(input: Uint8Array): Uint8Array {
  const block = new Uint32Array(16);
  const chunks = Math.max(1, Math.ceil(input.length / CHUNK_BYTES));
  // Chaining values of complete subtrees, largest first (one per set bit of the chunks so far).
  const stack: Uint32Array[] = [];
  for (let index = 0; index < chunks - 1; index++) {
    let cv = chunkValue(input, index, false, block);
    for (let total = index + 1; (total & 1) === 0; total >>= 1) {
      cv = parentValue(stack.pop() as Uint32Array, cv, false, block);
    }
    stack.push(cv);
  }
  let cv = chunkValue(input, chunks - 1, chunks === 1, block);
  while (stack.length > 0) {
    cv = parentValue(stack.pop() as Uint32Array, cv, stack.length === 0, block);
  }
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) out[i] = ((cv[i >> 2] as number) >>> (8 * (i & 3))) & 0xff;
  return out;
}
