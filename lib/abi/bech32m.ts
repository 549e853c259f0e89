/**
 * Bech32m (BIP 173's format with BIP 350's checksum constant) for the
 * human form of addresses (./address.ts): a prefix, the separator `1`,
 * then 5-bit words and a 6-word checksum in the 32-letter alphabet. Only
 * printable ASCII is read, and case is folded by ASCII rules alone, so a
 * verdict never depends on the engine's Unicode tables. Checked against
 * @scure/base on generated and mutated strings (./bech32m_test.ts).
 */

/** The 32 letters, by word value. */
const ALPHABET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
/** What a checksum must make the polymod of a bech32m string (BIP 350). */
const BECH32M_CONST = 0x2bc830a3;
/** The longest string BIP 173 allows. */
export const BECH32_MAX_LENGTH = 90;
/** The words of a checksum. */
const CHECKSUM_WORDS = 6;

/** Word value by letter code (lower case), -1 for a code that is no letter. */
const WORD_OF = (() => {
  const table = new Int8Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) table[ALPHABET.charCodeAt(i)] = i;
  return table;
})();

/** BIP 173's checksum polynomial over GF(32), one word at a time. */
function polymodStep(checksum: number, word: number): number {
  const top = checksum >>> 25;
  let next = ((checksum & 0x1ffffff) << 5) ^ word;
  if (top & 1) next ^= 0x3b6a57b2;
  if (top & 2) next ^= 0x26508e6d;
  if (top & 4) next ^= 0x1ea119fa;
  if (top & 8) next ^= 0x3d4233dd;
  if (top & 16) next ^= 0x2a1462b3;
  return next;
}

/** The polymod of a (lower-case) prefix, expanded as BIP 173 says, then `words`. */
function polymod(prefix: string, words: readonly number[]): number {
  let checksum = 1;
  for (let i = 0; i < prefix.length; i++) {
    checksum = polymodStep(checksum, prefix.charCodeAt(i) >> 5);
  }
  checksum = polymodStep(checksum, 0);
  for (let i = 0; i < prefix.length; i++) {
    checksum = polymodStep(checksum, prefix.charCodeAt(i) & 31);
  }
  for (const word of words) checksum = polymodStep(checksum, word);
  return checksum;
}

/** The 5-bit words of `bytes`, the last one padded with zero bits. */
export function toWords(bytes: Uint8Array): number[] {
  const words: number[] = [];
  let carry = 0;
  let bits = 0;
  for (const byte of bytes) {
    carry = ((carry << 8) | byte) & 0xfff;
    bits += 8;
    for (; bits >= 5; bits -= 5) words.push((carry >> (bits - 5)) & 31);
  }
  if (bits > 0) words.push((carry << (5 - bits)) & 31);
  return words;
}

/** The bytes of 5-bit `words`, or null when the padding is not under 5 zero bits. */
export function fromWords(words: readonly number[]): Uint8Array | null {
  const bytes: number[] = [];
  let carry = 0;
  let bits = 0;
  for (const word of words) {
    carry = ((carry << 5) | word) & 0xfff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((carry >> bits) & 0xff);
    }
  }
  if (bits >= 5 || (carry & ((1 << bits) - 1)) !== 0) return null;
  return Uint8Array.from(bytes);
}

/**
 * `prefix` and 5-bit `words` as a bech32m string; a RangeError unless the
 * prefix is printable ASCII without upper case and not empty, every word
 * is below 32, and the string is at most {@link BECH32_MAX_LENGTH} long
 * (what decodeBech32m reads back).
 */
export function encodeBech32m(prefix: string, words: readonly number[]): string {
  if (!/^[!-@\[-~]+$/.test(prefix)) {
    throw new RangeError("a bech32m prefix is printable ASCII without upper case, not empty");
  }
  if (words.some((word) => !Number.isInteger(word) || word < 0 || word > 31)) {
    throw new RangeError("bech32m words are 0 to 31");
  }
  if (prefix.length + 1 + words.length + CHECKSUM_WORDS > BECH32_MAX_LENGTH) {
    throw new RangeError(`a bech32m string is at most ${BECH32_MAX_LENGTH} characters`);
  }
  const checksum = polymod(prefix, [...words, 0, 0, 0, 0, 0, 0]) ^ BECH32M_CONST;
  let text = `${prefix}1`;
  for (const word of words) text += ALPHABET[word];
  for (let i = CHECKSUM_WORDS - 1; i >= 0; i--) text += ALPHABET[(checksum >>> (5 * i)) & 31];
  return text;
}

/** A decoded string: its prefix (lower case) and its data words without the checksum. */
export interface Bech32m {
  readonly prefix: string;
  readonly words: number[];
}

/** The prefix and words of a bech32m string, or why it is not one. */
export function decodeBech32m(text: string): Bech32m | string {
  if (text.length < 8 || text.length > BECH32_MAX_LENGTH) {
    return `it has ${text.length} characters, not 8 to ${BECH32_MAX_LENGTH}`;
  }
  let lower = false;
  let upper = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 33 || code > 126) return "it holds a character that is not printable ASCII";
    if (code >= 97 && code <= 122) lower = true;
    if (code >= 65 && code <= 90) upper = true;
  }
  if (lower && upper) return "it mixes upper and lower case";
  const folded = upper ? asciiLower(text) : text;
  const separator = folded.lastIndexOf("1");
  if (separator < 1) return "it has no prefix before a separator '1'";
  if (folded.length - separator - 1 < CHECKSUM_WORDS) {
    return "its data part is shorter than the checksum";
  }
  const prefix = folded.slice(0, separator);
  const words: number[] = [];
  for (let i = separator + 1; i < folded.length; i++) {
    const word = WORD_OF[folded.charCodeAt(i)] ?? -1;
    if (word < 0) return `'${folded[i]}' is not a bech32 letter`;
    words.push(word);
  }
  if (polymod(prefix, words) !== BECH32M_CONST) return "its checksum does not match";
  return { prefix, words: words.slice(0, words.length - CHECKSUM_WORDS) };
}

/** `text` (printable ASCII) with A–Z in lower case. */
function asciiLower(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out += String.fromCharCode(code >= 65 && code <= 90 ? code + 32 : code);
  }
  return out;
}
