/*
 * Keccak-f[1600] and the sponge of FIPS 202, for the runtime's hash
 * functions (sha3_256, sha3_512, keccak256). Compiled to WebAssembly by
 * tools/gen_keccak_wasm.ts; the bytes are embedded in
 * lib/runtime/keccak_wasm_generated.ts. Regenerate after any change here.
 *
 * Interface: the caller writes the message at input() (growing memory as
 * needed), calls keccak(length, rate, suffix, outLength) and reads the
 * digest at output(). No state survives between calls.
 */

typedef unsigned long long u64;
typedef unsigned char u8;

extern u8 __heap_base;

static u64 lanes[25];
static u8 digest[64];

static const u64 ROUND_CONSTANTS[24] = {
  0x0000000000000001ULL, 0x0000000000008082ULL, 0x800000000000808AULL, 0x8000000080008000ULL,
  0x000000000000808BULL, 0x0000000080000001ULL, 0x8000000080008081ULL, 0x8000000000008009ULL,
  0x000000000000008AULL, 0x0000000000000088ULL, 0x0000000080008009ULL, 0x000000008000000AULL,
  0x000000008000808BULL, 0x800000000000008BULL, 0x8000000000008089ULL, 0x8000000000008003ULL,
  0x8000000000008002ULL, 0x8000000000000080ULL, 0x000000000000800AULL, 0x800000008000000AULL,
  0x8000000080008081ULL, 0x8000000000008080ULL, 0x0000000080000001ULL, 0x8000000080008008ULL,
};

/* Rotation of lane (x, y), stored at x + 5y. */
static const unsigned ROTATIONS[25] = {
  0, 1, 62, 28, 27,
  36, 44, 6, 55, 20,
  3, 10, 43, 25, 39,
  41, 45, 15, 21, 8,
  18, 2, 61, 56, 14,
};

static inline u64 rotate(u64 value, unsigned count) {
  return count == 0 ? value : (value << count) | (value >> (64 - count));
}

static void permute(u64 *a) {
  for (int round = 0; round < 24; round++) {
    u64 parity[5];
    for (int x = 0; x < 5; x++) {
      parity[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
    }
    for (int x = 0; x < 5; x++) {
      u64 d = parity[(x + 4) % 5] ^ rotate(parity[(x + 1) % 5], 1);
      for (int y = 0; y < 25; y += 5) a[x + y] ^= d;
    }
    /* rho and pi: lane (x, y) moves to (y, 2x + 3y). */
    u64 moved[25];
    for (int x = 0; x < 5; x++) {
      for (int y = 0; y < 5; y++) {
        moved[y + 5 * ((2 * x + 3 * y) % 5)] = rotate(a[x + 5 * y], ROTATIONS[x + 5 * y]);
      }
    }
    /* chi */
    for (int y = 0; y < 25; y += 5) {
      for (int x = 0; x < 5; x++) {
        a[x + y] = moved[x + y] ^ (~moved[(x + 1) % 5 + y] & moved[(x + 2) % 5 + y]);
      }
    }
    a[0] ^= ROUND_CONSTANTS[round];
  }
}

static u64 load64(const u8 *bytes) {
  u64 value = 0;
  for (int i = 7; i >= 0; i--) value = (value << 8) | bytes[i];
  return value;
}

u8 *input(void) { return &__heap_base; }

u8 *output(void) { return digest; }

/* rate in bytes (a multiple of 8, at most 168); suffix is the domain byte (0x06 SHA-3, 0x01 Keccak). */
void keccak(unsigned length, unsigned rate, unsigned suffix, unsigned outLength) {
  const u8 *message = &__heap_base;
  for (int i = 0; i < 25; i++) lanes[i] = 0;
  while (length >= rate) {
    for (unsigned i = 0; i < rate / 8; i++) lanes[i] ^= load64(message + 8 * i);
    permute(lanes);
    message += rate;
    length -= rate;
  }
  u8 *state = (u8 *)lanes;
  for (unsigned i = 0; i < length; i++) state[i] ^= message[i];
  state[length] ^= (u8)suffix;
  state[rate - 1] ^= 0x80;
  permute(lanes);
  for (unsigned i = 0; i < outLength; i++) digest[i] = state[i];
}
