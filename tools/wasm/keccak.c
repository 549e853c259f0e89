/*
 * Keccak-f[1600] and the sponge of FIPS 202, for the runtime's hash
 * functions (sha3_256, sha3_512, keccak256). Compiled to WebAssembly by
 * tools/gen_keccak_wasm.ts; the bytes are embedded in
 * lib/runtime/keccak_wasm_generated.ts. Regenerate after any change here.
 *
 * Interface: the caller writes the message at input(), with at least 8
 * writable bytes after it (the sponge writes the padded last word there),
 * calls keccak(length, rate, suffix) and reads the digest (64 bytes, of
 * which the caller keeps what it needs) at output(). No state survives
 * between calls.
 *
 * Speed: the 25 lanes live in linear memory, in two arrays that the rounds
 * alternate between (two rounds per loop turn, so nothing is copied), and
 * each lane is read where a round needs it: the arrays are volatile so
 * that clang does not lift the lanes into 50 local variables, which the
 * WebAssembly compiler of the engine can only keep by spilling in its own
 * order (that form ran the permutation about 10% slower in V8). The lanes
 * are complemented: six lanes are kept as their bitwise complement, a
 * pattern chosen so that chi needs one NOT per plane instead of five.
 * Complementing commutes with theta and rho/pi (they only XOR and rotate,
 * so a complemented input gives a known complemented output), and in chi
 * the complements let each `~p & q` be written as `p & q`, `p | q`,
 * `~p | q` or `~p & q` on the stored values with at most one complemented
 * operand per plane. Absorbing XORs message words into the lanes, which
 * keeps each lane's complement state, so the complement is applied once
 * when the state is set up and removed once from the digest.
 */

typedef unsigned long long u64;
typedef unsigned char u8;

extern u8 __heap_base;

static u8 digest[64];

static const u64 ROUND_CONSTANTS[24] = {
  0x0000000000000001ULL, 0x0000000000008082ULL, 0x800000000000808AULL, 0x8000000080008000ULL,
  0x000000000000808BULL, 0x0000000080000001ULL, 0x8000000080008081ULL, 0x8000000000008009ULL,
  0x000000000000008AULL, 0x0000000000000088ULL, 0x0000000080008009ULL, 0x000000008000000AULL,
  0x000000008000808BULL, 0x800000000000008BULL, 0x8000000000008089ULL, 0x8000000000008003ULL,
  0x8000000000008002ULL, 0x8000000000000080ULL, 0x000000000000800AULL, 0x800000008000000AULL,
  0x8000000080008081ULL, 0x8000000000008080ULL, 0x0000000080000001ULL, 0x8000000080008008ULL,
};

/* The state between rounds (a) and within a round pair (e); lane (x, y) at index x + 5y. */
static volatile u64 a[25], e[25];

#define L(S, x, y) S[(x) + 5 * (y)]

/* Indexes of the complemented lanes: (1,0), (2,0), (3,1), (2,2), (2,3) and (0,4). */
static const unsigned char COMPLEMENTED[6] = {1, 2, 8, 12, 17, 20};

#define ROTL(value, count) __builtin_rotateleft64(value, count)

/*
 * One round from the lanes of state A to those of state E, with round
 * constant rc. Theta: column parities c and the per-column terms d. Then
 * one output plane y at a time: b holds the five lanes that rho and pi
 * move into that plane (lane (x, y) goes to (y, 2x + 3y), rotated by its
 * FIPS 202 offset), nb the one complement chi needs there, and chi with
 * iota writes the plane.
 */
#define ROUND(A, E, rc) \
  c0 = L(A, 0, 0) ^ L(A, 0, 1) ^ L(A, 0, 2) ^ L(A, 0, 3) ^ L(A, 0, 4); \
  c1 = L(A, 1, 0) ^ L(A, 1, 1) ^ L(A, 1, 2) ^ L(A, 1, 3) ^ L(A, 1, 4); \
  c2 = L(A, 2, 0) ^ L(A, 2, 1) ^ L(A, 2, 2) ^ L(A, 2, 3) ^ L(A, 2, 4); \
  c3 = L(A, 3, 0) ^ L(A, 3, 1) ^ L(A, 3, 2) ^ L(A, 3, 3) ^ L(A, 3, 4); \
  c4 = L(A, 4, 0) ^ L(A, 4, 1) ^ L(A, 4, 2) ^ L(A, 4, 3) ^ L(A, 4, 4); \
  d0 = c4 ^ ROTL(c1, 1); \
  d1 = c0 ^ ROTL(c2, 1); \
  d2 = c1 ^ ROTL(c3, 1); \
  d3 = c2 ^ ROTL(c4, 1); \
  d4 = c3 ^ ROTL(c0, 1); \
  b0 = L(A, 0, 0) ^ d0; \
  b1 = ROTL(L(A, 1, 1) ^ d1, 44); \
  b2 = ROTL(L(A, 2, 2) ^ d2, 43); \
  b3 = ROTL(L(A, 3, 3) ^ d3, 21); \
  b4 = ROTL(L(A, 4, 4) ^ d4, 14); \
  nb = ~b2; \
  L(E, 0, 0) = b0 ^ (b1 | b2) ^ (rc); \
  L(E, 1, 0) = b1 ^ (nb | b3); \
  L(E, 2, 0) = b2 ^ (b3 & b4); \
  L(E, 3, 0) = b3 ^ (b4 | b0); \
  L(E, 4, 0) = b4 ^ (b0 & b1); \
  b0 = ROTL(L(A, 3, 0) ^ d3, 28); \
  b1 = ROTL(L(A, 4, 1) ^ d4, 20); \
  b2 = ROTL(L(A, 0, 2) ^ d0, 3); \
  b3 = ROTL(L(A, 1, 3) ^ d1, 45); \
  b4 = ROTL(L(A, 2, 4) ^ d2, 61); \
  nb = ~b4; \
  L(E, 0, 1) = b0 ^ (b1 | b2); \
  L(E, 1, 1) = b1 ^ (b2 & b3); \
  L(E, 2, 1) = b2 ^ (b3 | nb); \
  L(E, 3, 1) = b3 ^ (b4 | b0); \
  L(E, 4, 1) = b4 ^ (b0 & b1); \
  b0 = ROTL(L(A, 1, 0) ^ d1, 1); \
  b1 = ROTL(L(A, 2, 1) ^ d2, 6); \
  b2 = ROTL(L(A, 3, 2) ^ d3, 25); \
  b3 = ROTL(L(A, 4, 3) ^ d4, 8); \
  b4 = ROTL(L(A, 0, 4) ^ d0, 18); \
  nb = ~b3; \
  L(E, 0, 2) = b0 ^ (b1 | b2); \
  L(E, 1, 2) = b1 ^ (b2 & b3); \
  L(E, 2, 2) = b2 ^ (nb & b4); \
  L(E, 3, 2) = nb ^ (b4 | b0); \
  L(E, 4, 2) = b4 ^ (b0 & b1); \
  b0 = ROTL(L(A, 4, 0) ^ d4, 27); \
  b1 = ROTL(L(A, 0, 1) ^ d0, 36); \
  b2 = ROTL(L(A, 1, 2) ^ d1, 10); \
  b3 = ROTL(L(A, 2, 3) ^ d2, 15); \
  b4 = ROTL(L(A, 3, 4) ^ d3, 56); \
  nb = ~b3; \
  L(E, 0, 3) = b0 ^ (b1 & b2); \
  L(E, 1, 3) = b1 ^ (b2 | b3); \
  L(E, 2, 3) = b2 ^ (nb | b4); \
  L(E, 3, 3) = nb ^ (b4 & b0); \
  L(E, 4, 3) = b4 ^ (b0 | b1); \
  b0 = ROTL(L(A, 2, 0) ^ d2, 62); \
  b1 = ROTL(L(A, 3, 1) ^ d3, 55); \
  b2 = ROTL(L(A, 4, 2) ^ d4, 39); \
  b3 = ROTL(L(A, 0, 3) ^ d0, 41); \
  b4 = ROTL(L(A, 1, 4) ^ d1, 2); \
  nb = ~b1; \
  L(E, 0, 4) = b0 ^ (nb & b2); \
  L(E, 1, 4) = nb ^ (b2 | b3); \
  L(E, 2, 4) = b2 ^ (b3 & b4); \
  L(E, 3, 4) = b3 ^ (b4 | b0); \
  L(E, 4, 4) = b4 ^ (b0 & b1);

static u64 load64(const u8 *bytes) {
  u64 value;
  __builtin_memcpy(&value, bytes, 8);
  return value;
}

static void store64(u8 *bytes, u64 value) { __builtin_memcpy(bytes, &value, 8); }

u8 *input(void) { return &__heap_base; }

u8 *output(void) { return digest; }

/*
 * rate in bytes: 136 (sha3_256, keccak256) or 72 (sha3_512); suffix is the
 * domain byte (0x06 SHA-3, 0x01 Keccak). Writes the first 8 lanes (64
 * bytes) of the final state at output().
 */
void keccak(unsigned length, unsigned rate, unsigned suffix) {
  u8 *message = &__heap_base;
  u64 c0, c1, c2, c3, c4, d0, d1, d2, d3, d4, b0, b1, b2, b3, b4, nb;
  /* The zero state, complemented lanes as ~0. */
  for (unsigned i = 0; i < 25; i++) a[i] = 0;
  for (unsigned i = 0; i < 6; i++) a[COMPLEMENTED[i]] = ~0ULL;
  /*
   * Padding without filling: the last block holds the message's final
   * `length % rate` bytes; its word holding the first padding byte gets
   * the message's bytes there and the suffix (written back in place), the
   * words after it are zero and absorbing skips them, and the final bit
   * goes straight into the lane holding the block's last byte.
   */
  u8 *last = message + length - length % rate;
  unsigned word = (length % rate) & ~7u;
  unsigned spare = length % 8;
  u64 partial = spare == 0 ? 0 : load64(last + word) & (~0ULL >> (64 - 8 * spare));
  store64(last + word, partial | (u64)suffix << (8 * spare));
  for (u8 *block = message;; block += rate) {
    /* Message word i goes into lane i (x + 5y order). */
    unsigned words = block == last ? word / 8 + 1 : rate / 8;
    for (unsigned i = 0; i < words; i++) a[i] ^= load64(block + 8 * i);
    if (block == last) a[rate / 8 - 1] ^= 0x80ULL << 56;
    for (unsigned round = 0; round < 24; round += 2) {
      ROUND(a, e, ROUND_CONSTANTS[round])
      ROUND(e, a, ROUND_CONSTANTS[round + 1])
    }
    if (block == last) break;
  }
  for (unsigned i = 0; i < 8; i++) store64(digest + 8 * i, a[i]);
  /* Lanes 1 and 2 of the digest are complemented ones. */
  store64(digest + 8, a[1] ^ ~0ULL);
  store64(digest + 16, a[2] ^ ~0ULL);
}
