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
 * Speed: the 25 lanes live in local variables for the whole message (the
 * WebAssembly compiler keeps them in registers or spill slots, never in
 * linear memory), two rounds per loop turn so no copies are needed between
 * rounds, and the lanes are complemented: six lanes are kept as their
 * bitwise complement, a pattern chosen so that chi needs one NOT per plane
 * instead of five. Complementing commutes with theta and rho/pi (they only
 * XOR and rotate, so a complemented input gives a known complemented
 * output), and in chi the complements let each `~p & q` be written as
 * `p & q`, `p | q`, `~p | q` or `~p & q` on the stored values with at most
 * one complemented operand per plane. Absorbing XORs message words into the
 * lanes, which keeps each lane's complement state, so the complement is
 * applied once when the state is set up and removed once from the digest.
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

#define ROTL(value, count) __builtin_rotateleft64(value, count)

/*
 * One round from the lanes named A<x><y> to the lanes named E<x><y>, with
 * round constant rc. The complemented lanes (kept as ~lane) are (1,0),
 * (2,0), (3,1), (2,2), (2,3) and (0,4). Theta: column parities c and the
 * per-column terms d. Then one output plane y at a time: b holds the five
 * lanes that rho and pi move into that plane (lane (x, y) goes to
 * (y, 2x + 3y), rotated by its FIPS 202 offset), nb the one complement chi
 * needs there, and chi with iota writes the plane.
 */
#define ROUND(A, E, rc) \
  c0 = A##00 ^ A##01 ^ A##02 ^ A##03 ^ A##04; \
  c1 = A##10 ^ A##11 ^ A##12 ^ A##13 ^ A##14; \
  c2 = A##20 ^ A##21 ^ A##22 ^ A##23 ^ A##24; \
  c3 = A##30 ^ A##31 ^ A##32 ^ A##33 ^ A##34; \
  c4 = A##40 ^ A##41 ^ A##42 ^ A##43 ^ A##44; \
  d0 = c4 ^ ROTL(c1, 1); \
  d1 = c0 ^ ROTL(c2, 1); \
  d2 = c1 ^ ROTL(c3, 1); \
  d3 = c2 ^ ROTL(c4, 1); \
  d4 = c3 ^ ROTL(c0, 1); \
  b0 = A##00 ^ d0; \
  b1 = ROTL(A##11 ^ d1, 44); \
  b2 = ROTL(A##22 ^ d2, 43); \
  b3 = ROTL(A##33 ^ d3, 21); \
  b4 = ROTL(A##44 ^ d4, 14); \
  nb = ~b2; \
  E##00 = b0 ^ (b1 | b2) ^ (rc); \
  E##10 = b1 ^ (nb | b3); \
  E##20 = b2 ^ (b3 & b4); \
  E##30 = b3 ^ (b4 | b0); \
  E##40 = b4 ^ (b0 & b1); \
  b0 = ROTL(A##30 ^ d3, 28); \
  b1 = ROTL(A##41 ^ d4, 20); \
  b2 = ROTL(A##02 ^ d0, 3); \
  b3 = ROTL(A##13 ^ d1, 45); \
  b4 = ROTL(A##24 ^ d2, 61); \
  nb = ~b4; \
  E##01 = b0 ^ (b1 | b2); \
  E##11 = b1 ^ (b2 & b3); \
  E##21 = b2 ^ (b3 | nb); \
  E##31 = b3 ^ (b4 | b0); \
  E##41 = b4 ^ (b0 & b1); \
  b0 = ROTL(A##10 ^ d1, 1); \
  b1 = ROTL(A##21 ^ d2, 6); \
  b2 = ROTL(A##32 ^ d3, 25); \
  b3 = ROTL(A##43 ^ d4, 8); \
  b4 = ROTL(A##04 ^ d0, 18); \
  nb = ~b3; \
  E##02 = b0 ^ (b1 | b2); \
  E##12 = b1 ^ (b2 & b3); \
  E##22 = b2 ^ (nb & b4); \
  E##32 = nb ^ (b4 | b0); \
  E##42 = b4 ^ (b0 & b1); \
  b0 = ROTL(A##40 ^ d4, 27); \
  b1 = ROTL(A##01 ^ d0, 36); \
  b2 = ROTL(A##12 ^ d1, 10); \
  b3 = ROTL(A##23 ^ d2, 15); \
  b4 = ROTL(A##34 ^ d3, 56); \
  nb = ~b3; \
  E##03 = b0 ^ (b1 & b2); \
  E##13 = b1 ^ (b2 | b3); \
  E##23 = b2 ^ (nb | b4); \
  E##33 = nb ^ (b4 & b0); \
  E##43 = b4 ^ (b0 | b1); \
  b0 = ROTL(A##20 ^ d2, 62); \
  b1 = ROTL(A##31 ^ d3, 55); \
  b2 = ROTL(A##42 ^ d4, 39); \
  b3 = ROTL(A##03 ^ d0, 41); \
  b4 = ROTL(A##14 ^ d1, 2); \
  nb = ~b1; \
  E##04 = b0 ^ (nb & b2); \
  E##14 = nb ^ (b2 | b3); \
  E##24 = b2 ^ (b3 & b4); \
  E##34 = b3 ^ (b4 | b0); \
  E##44 = b4 ^ (b0 & b1);

static u64 load64(const u8 *bytes) {
  u64 value;
  __builtin_memcpy(&value, bytes, 8);
  return value;
}

static void store64(u8 *bytes, u64 value) { __builtin_memcpy(bytes, &value, 8); }

/* XORs the first `words` (1 to 17) little-endian words at `block` into lanes 0, 1, ... (x + 5y order). */
#define ABSORB(block, words) \
  switch (words) { \
    case 17: a13 ^= load64((block) + 128); \
    case 16: a03 ^= load64((block) + 120); \
    case 15: a42 ^= load64((block) + 112); \
    case 14: a32 ^= load64((block) + 104); \
    case 13: a22 ^= load64((block) + 96); \
    case 12: a12 ^= load64((block) + 88); \
    case 11: a02 ^= load64((block) + 80); \
    case 10: a41 ^= load64((block) + 72); \
    case 9: a31 ^= load64((block) + 64); \
    case 8: a21 ^= load64((block) + 56); \
    case 7: a11 ^= load64((block) + 48); \
    case 6: a01 ^= load64((block) + 40); \
    case 5: a40 ^= load64((block) + 32); \
    case 4: a30 ^= load64((block) + 24); \
    case 3: a20 ^= load64((block) + 16); \
    case 2: a10 ^= load64((block) + 8); \
    case 1: a00 ^= load64((block) + 0); \
  }

u8 *input(void) { return &__heap_base; }

u8 *output(void) { return digest; }

/*
 * rate in bytes: 136 (sha3_256, keccak256) or 72 (sha3_512); suffix is the
 * domain byte (0x06 SHA-3, 0x01 Keccak). Writes the first 8 lanes (64
 * bytes) of the final state at output().
 */
void keccak(unsigned length, unsigned rate, unsigned suffix) {
  u8 *message = &__heap_base;
  /* The zero state, complemented lanes as ~0. */
  u64 a00 = 0, a10 = ~0ULL, a20 = ~0ULL, a30 = 0, a40 = 0;
  u64 a01 = 0, a11 = 0, a21 = 0, a31 = ~0ULL, a41 = 0;
  u64 a02 = 0, a12 = 0, a22 = ~0ULL, a32 = 0, a42 = 0;
  u64 a03 = 0, a13 = 0, a23 = ~0ULL, a33 = 0, a43 = 0;
  u64 a04 = ~0ULL, a14 = 0, a24 = 0, a34 = 0, a44 = 0;
  u64 e00, e10, e20, e30, e40;
  u64 e01, e11, e21, e31, e41;
  u64 e02, e12, e22, e32, e42;
  u64 e03, e13, e23, e33, e43;
  u64 e04, e14, e24, e34, e44;
  u64 c0, c1, c2, c3, c4, d0, d1, d2, d3, d4, b0, b1, b2, b3, b4, nb;
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
    if (block == last) {
      ABSORB(block, word / 8 + 1)
      if (rate == 136) {
        a13 ^= 0x80ULL << 56;
      } else {
        a31 ^= 0x80ULL << 56;
      }
    } else {
      ABSORB(block, rate / 8)
    }
    for (int round = 0; round < 24; round += 2) {
      ROUND(a, e, ROUND_CONSTANTS[round])
      ROUND(e, a, ROUND_CONSTANTS[round + 1])
    }
    if (block == last) break;
  }
  store64(digest + 0, a00);
  store64(digest + 8, a10 ^ ~0ULL);
  store64(digest + 16, a20 ^ ~0ULL);
  store64(digest + 24, a30);
  store64(digest + 32, a40);
  store64(digest + 40, a01);
  store64(digest + 48, a11);
  store64(digest + 56, a21);
}
