/**
 * The cases of bench:hostile, as data: each is one operation at its worst
 * input size under the caps, repeated in a loop until gas runs out, so that
 * time per gas measures its price. One row per opcode with a dynamic term,
 * builtin, method and stdlib member (spec/opcodes_vm_py.yaml), plus the
 * cheap base cases that show the dispatch loop's own cost. `setup` builds
 * the operands once; `op` (one or more lines) is the loop body. Names must
 * be unique: `--filter` matches them.
 */

import { ml_dsa44, ml_dsa87 } from "npm:@noble/post-quantum@0.7.1/ml-dsa.js";
import { slh_dsa_sha2_128s } from "npm:@noble/post-quantum@0.7.1/slh-dsa.js";

/** One hostile case. */
export interface HostileCase {
  /** opcode, builtin, str, bytes, list, dict, int or stdlib. */
  readonly family: string;
  readonly name: string;
  /** stdlib modules to import. */
  readonly imports?: readonly string[];
  readonly setup: readonly string[];
  /** Loop body; may span lines (separated by "\n", indented relative to the loop). */
  readonly op: string;
}

// Operands at the caps: int_bits 4096 (operands of 4095 bits, so that sums stay under the cap),
// bytes_length 1 MiB, container_length 65,536.
const INT = ["x = (1 << 4094) + 12345", "y = (1 << 4094) + 54321"];
const HALF_INT = ["a = (1 << 2047) + 12345", "b = (1 << 2047) + 54321"];
const LONG_STR = ['s = "a" * 1048575 + "b"', 't = "a" * 1048576'];
const WIDE_STR = ['s = "\\u00e9" * 524288'];
const LONG_BYTES = ['s = b"a" * 1048575 + b"b"', 't = b"a" * 1048576'];
const NEAR_MISS = ['s = "a" * 1000000', 'needle = "a" * 5000 + "b"'];
const NEAR_MISS_BYTES = ['s = b"a" * 1000000', 'needle = b"a" * 5000 + b"b"'];
// A miss in the middle of the needle: the engine's own substring search is quadratic on it.
const MIDDLE_MISS = ['s = "a" * 1000000', 'needle = "a" * 5000 + "b" + "a" * 5000'];
const MIDDLE_MISS_BYTES = ['s = b"a" * 1000000', 'needle = b"a" * 5000 + b"b" + b"a" * 5000'];
const LIST = ["xs = [(i, i) for i in range(65536)]", "ys = [(i, i) for i in range(65536)]"];
const FLAT_LIST = ["xs = [0] * 65536"];
const NESTED = ["xs = [[i, [i]] for i in range(20000)]", "ys = [[i, [i]] for i in range(20000)]"];
const DICT = [
  "d = {}",
  "e = {}",
  "for i in range(30000):",
  "    d[i] = i",
  "    e[i] = i",
];
const BIG_KEY = ['k = b"k" * 1048576', "d = {k: 1}"];

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** A key and a valid signature of `b"m" * 64` per scheme (deterministic keys and signing). */
const VALID_SIGNATURES: readonly {
  readonly scheme: string;
  readonly key: Uint8Array;
  readonly signature: Uint8Array;
}[] = (() => {
  const message = new TextEncoder().encode("m".repeat(64));
  const mlDsa = [["ML-DSA-44", ml_dsa44], ["ML-DSA-87", ml_dsa87]] as const;
  const out: { scheme: string; key: Uint8Array; signature: Uint8Array }[] = mlDsa.map(
    ([scheme, algorithm]) => {
      const keys = algorithm.keygen(new Uint8Array(32).fill(1));
      const signature = algorithm.sign(message, keys.secretKey, { extraEntropy: false });
      return { scheme, key: keys.publicKey, signature };
    },
  );
  const slh = slh_dsa_sha2_128s.keygen(new Uint8Array(48).fill(1));
  const slhSignature = slh_dsa_sha2_128s.sign(message, slh.secretKey, { extraEntropy: false });
  out.push({ scheme: "SLH-DSA-SHA2-128s", key: slh.publicKey, signature: slhSignature });
  return out;
})();

/** Every case, in table order. */
export const HOSTILE_CASES: readonly HostileCase[] = [
  // The dispatch loop itself.
  { family: "opcode", name: "empty loop", setup: [], op: "pass" },
  { family: "opcode", name: "small int add", setup: ["i = 0"], op: "i = i + 1" },
  { family: "opcode", name: "local load and store", setup: ["i = 0", "j = 1"], op: "i = j" },
  // Int arithmetic at 4096 bits.
  { family: "opcode", name: "int + (4096-bit)", setup: INT, op: "r = x + y" },
  { family: "opcode", name: "int - (4096-bit)", setup: INT, op: "r = x - y" },
  { family: "opcode", name: "int * (2048 x 2048-bit)", setup: HALF_INT, op: "r = a * b" },
  {
    family: "opcode",
    name: "int // (4096 / 2048-bit)",
    setup: [...INT, ...HALF_INT],
    op: "r = x // a",
  },
  {
    family: "opcode",
    name: "int % (4096 % 2048-bit)",
    setup: [...INT, ...HALF_INT],
    op: "r = x % a",
  },
  { family: "opcode", name: "int ** (7 ** 1364)", setup: [], op: "r = 7 ** 1364" },
  {
    family: "opcode",
    name: "int ** (1365-bit cubed)",
    setup: ["c = (1 << 1364) + 1"],
    op: "r = c ** 3",
  },
  {
    family: "opcode",
    name: "int << (to 4096 bits)",
    setup: ["z = (1 << 4000) + 1"],
    op: "r = z << 95",
  },
  { family: "opcode", name: "int >> (4096-bit)", setup: INT, op: "r = x >> 1000" },
  { family: "opcode", name: "int & (4096-bit)", setup: INT, op: "r = x & y" },
  { family: "opcode", name: "int | (4096-bit)", setup: INT, op: "r = x | y" },
  { family: "opcode", name: "int ^ (4096-bit)", setup: INT, op: "r = x ^ y" },
  { family: "opcode", name: "int unary - (4096-bit)", setup: INT, op: "r = -x" },
  { family: "opcode", name: "int ~ (4096-bit)", setup: INT, op: "r = ~x" },
  { family: "opcode", name: "int < (4096-bit)", setup: INT, op: "r = x < y" },
  { family: "opcode", name: "int == (4096-bit)", setup: INT, op: "r = x == y" },
  { family: "opcode", name: "int += (4096-bit)", setup: INT, op: "r = x\nr += y" },
  // Comparisons of long values.
  { family: "opcode", name: "str == (1 MiB)", setup: LONG_STR, op: "r = s == t" },
  { family: "opcode", name: "str < (1 MiB)", setup: LONG_STR, op: "r = s < t" },
  { family: "opcode", name: "bytes == (1 MiB)", setup: LONG_BYTES, op: "r = s == t" },
  { family: "opcode", name: "bytes < (1 MiB)", setup: LONG_BYTES, op: "r = s < t" },
  { family: "opcode", name: "list == (65,536 tuples)", setup: LIST, op: "r = xs == ys" },
  { family: "opcode", name: "list < (65,536 tuples)", setup: LIST, op: "r = xs < ys" },
  { family: "opcode", name: "list == (nested)", setup: NESTED, op: "r = xs == ys" },
  {
    family: "opcode",
    name: "tuple == (65,536 items)",
    setup: ["p = tuple(range(65536))", "q = tuple(range(65536))"],
    op: "r = p == q",
  },
  { family: "opcode", name: "dict == (30,000 keys)", setup: DICT, op: "r = d == e" },
  // Membership.
  { family: "opcode", name: "in (str near miss)", setup: NEAR_MISS, op: "r = needle in s" },
  { family: "opcode", name: "in (bytes near miss)", setup: NEAR_MISS_BYTES, op: "r = needle in s" },
  { family: "opcode", name: "in (str middle miss)", setup: MIDDLE_MISS, op: "r = needle in s" },
  {
    family: "opcode",
    name: "in (bytes middle miss)",
    setup: MIDDLE_MISS_BYTES,
    op: "r = needle in s",
  },
  { family: "opcode", name: "in (list of 65,536 tuples)", setup: LIST, op: "r = (0, 1) in xs" },
  { family: "opcode", name: "in (dict, 1 MiB bytes key)", setup: BIG_KEY, op: "r = k in d" },
  {
    family: "opcode",
    name: "not in (tuple of 65,536)",
    setup: ["p = tuple(range(65536))"],
    op: "r = -1 not in p",
  },
  // Subscripts and slices.
  { family: "opcode", name: "str[i] (1 MiB, non-ASCII)", setup: WIDE_STR, op: "r = s[500000]" },
  { family: "opcode", name: "bytes[i] (1 MiB)", setup: LONG_BYTES, op: "r = s[500000]" },
  { family: "opcode", name: "list[i] (65,536)", setup: FLAT_LIST, op: "r = xs[60000]" },
  { family: "opcode", name: "dict[k] (1 MiB bytes key)", setup: BIG_KEY, op: "r = d[k]" },
  { family: "opcode", name: "dict[k] = v (1 MiB bytes key)", setup: BIG_KEY, op: "d[k] = 2" },
  { family: "opcode", name: "str[1:-1] (1 MiB, non-ASCII)", setup: WIDE_STR, op: "r = s[1:-1]" },
  { family: "opcode", name: "str[::-3] (1 MiB, non-ASCII)", setup: WIDE_STR, op: "r = s[::-3]" },
  { family: "opcode", name: "bytes[1:-1] (1 MiB)", setup: LONG_BYTES, op: "r = s[1:-1]" },
  { family: "opcode", name: "list[1:-1] (65,536)", setup: FLAT_LIST, op: "r = xs[1:-1]" },
  { family: "opcode", name: "list[::-1] (65,536)", setup: FLAT_LIST, op: "r = xs[::-1]" },
  { family: "opcode", name: "slice assignment of one item", setup: FLAT_LIST, op: "xs[0:1] = [1]" },
  {
    family: "opcode",
    name: "slice assignment of all items",
    setup: [...FLAT_LIST, "zs = [1] * 65536"],
    op: "xs[:] = zs",
  },
  {
    family: "opcode",
    name: "del list[0:1] (65,536)",
    setup: FLAT_LIST,
    op: "del xs[0:1]\nxs.append(0)",
  },
  {
    family: "opcode",
    name: "del list[0] (65,536)",
    setup: FLAT_LIST,
    op: "del xs[0]\nxs.append(0)",
  },
  // Repetition and concatenation.
  { family: "opcode", name: "bytes * 2 (512 KiB)", setup: ['h = b"a" * 524288'], op: "r = h * 2" },
  { family: "opcode", name: "str * 2 (512 KiB)", setup: ['h = "a" * 524288'], op: "r = h * 2" },
  { family: "opcode", name: "list * 2 (32,768)", setup: ["h = [0] * 32768"], op: "r = h * 2" },
  { family: "opcode", name: "empty list * 2**60", setup: [], op: "r = [] * 2**60" },
  { family: "opcode", name: "empty bytes * 2**60", setup: [], op: 'r = b"" * 2**60' },
  {
    family: "opcode",
    name: "bytes + bytes (512 KiB)",
    setup: ['h = b"a" * 524288'],
    op: "r = h + h",
  },
  {
    family: "opcode",
    name: "str + str (512 KiB)",
    setup: ['h = "\\u00e9" * 262144'],
    op: "r = h + h",
  },
  { family: "opcode", name: "list + list (32,768)", setup: ["h = [0] * 32768"], op: "r = h + h" },
  {
    family: "opcode",
    name: "tuple + tuple (32,768)",
    setup: ["h = (0,) * 32768"],
    op: "r = h + h",
  },
  {
    family: "opcode",
    name: "list += list (32,768)",
    setup: ["h = [0] * 32768"],
    op: "r = []\nr += h\nr += h",
  },
  { family: "opcode", name: "dict | dict (30,000 keys)", setup: DICT, op: "r = d | e" },
  // printf-style formatting.
  {
    family: "opcode",
    name: '"%s" % str (1 MiB)',
    setup: ['h = "a" * 1048570'],
    op: 'r = "%s" % h',
  },
  { family: "opcode", name: '"%d" % int (4096-bit)', setup: INT, op: 'r = "%d" % x' },
  { family: "opcode", name: '"%x" % int (4096-bit)', setup: INT, op: 'r = "%x" % x' },
  {
    family: "opcode",
    name: '"%r" % list (20,000 tuples)',
    setup: ["xs = [(i,) for i in range(20000)]"],
    op: 'r = "%r" % (xs,)',
  },
  // Iteration.
  { family: "opcode", name: "for over a long str", setup: WIDE_STR, op: "for c in s:\n    pass" },
  {
    family: "opcode",
    name: "for over a long list",
    setup: FLAT_LIST,
    op: "for c in xs:\n    pass",
  },
  {
    family: "opcode",
    name: "list comprehension (65,536)",
    setup: FLAT_LIST,
    op: "r = [c for c in xs]",
  },
  { family: "opcode", name: "unpack a pair", setup: ["p = (1, 2)"], op: "u, v = p" },

  // Builtins.
  { family: "builtin", name: "len(str) (1 MiB, non-ASCII)", setup: WIDE_STR, op: "r = len(s)" },
  { family: "builtin", name: "len(list)", setup: FLAT_LIST, op: "r = len(xs)" },
  { family: "builtin", name: "min(list of tuples)", setup: LIST, op: "r = min(xs)" },
  { family: "builtin", name: "max(list of tuples)", setup: LIST, op: "r = max(xs)" },
  { family: "builtin", name: "min(a, b) of long strs", setup: LONG_STR, op: "r = min(s, t)" },
  {
    family: "builtin",
    name: "sum(list of ints)",
    setup: ["zs = list(range(65536))"],
    op: "r = sum(zs)",
  },
  {
    family: "builtin",
    name: "sum(list of 4000-bit ints)",
    setup: ["zs = [(1 << 4000) + 1] * 65536"],
    op: "r = sum(zs)",
  },
  { family: "builtin", name: "all(list)", setup: ["zs = [1] * 65536"], op: "r = all(zs)" },
  { family: "builtin", name: "any(list)", setup: FLAT_LIST, op: "r = any(xs)" },
  {
    family: "builtin",
    name: "sorted(list of tuples)",
    setup: ["xs = [(65536 - i, i) for i in range(65536)]"],
    op: "r = sorted(xs)",
  },
  {
    family: "builtin",
    name: "sorted(list of ints, reverse)",
    setup: ["zs = [i * 7919 % 65537 for i in range(65536)]"],
    op: "r = sorted(zs, reverse=True)",
  },
  {
    family: "builtin",
    name: "sorted(list of long strs)",
    setup: ['zs = ["a" * 10000 + str(i) for i in range(100)]'],
    op: "r = sorted(zs)",
  },
  { family: "builtin", name: "list(list)", setup: FLAT_LIST, op: "r = list(xs)" },
  { family: "builtin", name: "list(str) (65,536)", setup: ['h = "a" * 65536'], op: "r = list(h)" },
  { family: "builtin", name: "list(range)", setup: [], op: "r = list(range(65536))" },
  { family: "builtin", name: "tuple(list)", setup: FLAT_LIST, op: "r = tuple(xs)" },
  {
    family: "builtin",
    name: "dict(pairs)",
    setup: ["ps = [(i, i) for i in range(65536)]"],
    op: "r = dict(ps)",
  },
  { family: "builtin", name: "dict(dict)", setup: DICT, op: "r = dict(d)" },
  { family: "builtin", name: "bytes(bytes)", setup: LONG_BYTES, op: "r = bytes(s)" },
  { family: "builtin", name: "bytes(list of ints)", setup: FLAT_LIST, op: "r = bytes(xs)" },
  { family: "builtin", name: "bytes(n)", setup: [], op: "r = bytes(1048576)" },
  { family: "builtin", name: "str(int) (4096-bit)", setup: INT, op: "r = str(x)" },
  {
    family: "builtin",
    name: "str(list of tuples)",
    setup: ["xs = [(i,) for i in range(20000)]"],
    op: "r = str(xs)",
  },
  { family: "builtin", name: "str(bytes, encoding)", setup: LONG_BYTES, op: 'r = str(s, "utf-8")' },
  { family: "builtin", name: "int(1233-digit str)", setup: ['h = "9" * 1233'], op: "r = int(h)" },
  {
    family: "builtin",
    name: "int(1024 hex digits, 16)",
    setup: ['h = "f" * 1023'],
    op: "r = int(h, 16)",
  },
  { family: "builtin", name: "hex(int) (4096-bit)", setup: INT, op: "r = hex(x)" },
  {
    family: "builtin",
    name: "abs(int) (4096-bit)",
    setup: ["z = -(1 << 4095) - 1"],
    op: "r = abs(z)",
  },
  { family: "builtin", name: "reversed(list)", setup: FLAT_LIST, op: "r = reversed(xs)" },
  {
    family: "builtin",
    name: "list(reversed(list))",
    setup: FLAT_LIST,
    op: "r = list(reversed(xs))",
  },
  {
    family: "builtin",
    name: "list(enumerate(list))",
    setup: FLAT_LIST,
    op: "r = list(enumerate(xs))",
  },
  {
    family: "builtin",
    name: "list(zip(list, list))",
    setup: FLAT_LIST,
    op: "r = list(zip(xs, xs))",
  },
  {
    family: "builtin",
    name: "divmod (4096 / 2048-bit)",
    setup: [...INT, ...HALF_INT],
    op: "r = divmod(x, a)",
  },
  { family: "builtin", name: "pow with modulus (4096-bit)", setup: INT, op: "r = pow(y, x, x)" },
  {
    family: "builtin",
    name: "pow with modulus (exponent 65537)",
    setup: INT,
    op: "r = pow(y, 65537, x)",
  },
  {
    family: "builtin",
    name: "int.from_bytes (512 bytes)",
    setup: ['h = b"\\x7f" + b"\\xff" * 511'],
    op: 'r = int.from_bytes(h, "big")',
  },
  {
    family: "builtin",
    name: "bytes.fromhex (1 MiB)",
    setup: ['h = "ab" * 524288'],
    op: "r = bytes.fromhex(h)",
  },
  { family: "builtin", name: "isinstance", setup: FLAT_LIST, op: "r = isinstance(xs, list)" },
  { family: "builtin", name: "ord and chr", setup: [], op: 'r = chr(ord("\\u00e9"))' },
  { family: "builtin", name: "range(len)", setup: FLAT_LIST, op: "r = range(len(xs))" },

  // str methods.
  {
    family: "str",
    name: "strip",
    setup: ['s = " " * 524287 + "x" + " " * 524287'],
    op: "r = s.strip()",
  },
  { family: "str", name: "lstrip", setup: ['s = " " * 1048575 + "x"'], op: "r = s.lstrip()" },
  { family: "str", name: "rstrip", setup: ['s = "x" + " " * 1048575'], op: "r = s.rstrip()" },
  {
    family: "str",
    name: "removeprefix (near miss)",
    setup: ['s = "a" * 1048576', 'p = "a" * 1048575 + "b"'],
    op: "r = s.removeprefix(p)",
  },
  {
    family: "str",
    name: "removesuffix (near miss)",
    setup: ['s = "a" * 1048576', 'p = "b" + "a" * 1048575'],
    op: "r = s.removesuffix(p)",
  },
  { family: "str", name: "isdigit", setup: ['s = "1" * 1048576'], op: "r = s.isdigit()" },
  { family: "str", name: "isalpha", setup: ['s = "a" * 1048576'], op: "r = s.isalpha()" },
  { family: "str", name: "isalnum", setup: ['s = "a" * 1048576'], op: "r = s.isalnum()" },
  { family: "str", name: "zfill", setup: ['s = "1" * 1048000'], op: "r = s.zfill(1048576)" },
  {
    family: "str",
    name: "split(',') into 65,536 parts",
    setup: ['s = "a," * 65535 + "a"'],
    op: 'r = s.split(",")',
  },
  {
    family: "str",
    name: "split() of long whitespace text",
    setup: ['s = "a " * 65535'],
    op: "r = s.split()",
  },
  {
    family: "str",
    name: "split with a long separator",
    setup: ['s = "a" * 1048576', 'sep = "a" * 5000 + "b"'],
    op: "r = s.split(sep)",
  },
  {
    family: "str",
    name: "','.join of 65,536 short parts",
    setup: ['parts = ["a"] * 65536'],
    op: 'r = ",".join(parts)',
  },
  {
    family: "str",
    name: "''.join of 16 long parts",
    setup: ['parts = ["a" * 65536] * 16'],
    op: 'r = "".join(parts)',
  },
  {
    family: "str",
    name: "replace (1 MiB)",
    setup: ['s = "ab" * 524288'],
    op: 'r = s.replace("a", "c")',
  },
  {
    family: "str",
    name: "replace (near miss)",
    setup: NEAR_MISS,
    op: 'r = s.replace(needle, "c")',
  },
  { family: "str", name: "find (near miss)", setup: NEAR_MISS, op: "r = s.find(needle)" },
  { family: "str", name: "split (middle miss)", setup: MIDDLE_MISS, op: "r = s.split(needle)" },
  {
    family: "str",
    name: "rfind (near miss)",
    setup: ['s = "a" * 1000000', 'needle = "b" + "a" * 5000'],
    op: "r = s.rfind(needle)",
  },
  { family: "str", name: "count (near miss)", setup: NEAR_MISS, op: "r = s.count(needle)" },
  { family: "str", name: "index (found at the end)", setup: LONG_STR, op: 'r = s.index("b")' },
  {
    family: "str",
    name: "startswith (long prefix)",
    setup: LONG_STR,
    op: "r = s.startswith(t[:1048575])",
  },
  { family: "str", name: "endswith (long suffix)", setup: LONG_STR, op: "r = t.endswith(s[1:])" },
  { family: "str", name: "encode (non-ASCII)", setup: WIDE_STR, op: "r = s.encode()" },
  { family: "str", name: "upper (non-ASCII)", setup: WIDE_STR, op: "r = s.upper()" },
  { family: "str", name: "lower (1 MiB)", setup: ['s = "A" * 1048576'], op: "r = s.lower()" },

  // bytes methods.
  {
    family: "bytes",
    name: "decode (non-ASCII)",
    setup: ['s = "\\u00e9".encode() * 524288'],
    op: "r = s.decode()",
  },
  { family: "bytes", name: "hex (512 KiB)", setup: ['s = b"\\x01" * 524288'], op: "r = s.hex()" },
  { family: "bytes", name: "find (near miss)", setup: NEAR_MISS_BYTES, op: "r = s.find(needle)" },
  { family: "bytes", name: "count (near miss)", setup: NEAR_MISS_BYTES, op: "r = s.count(needle)" },
  {
    family: "bytes",
    name: "split into 65,536 parts",
    setup: ['s = b"a," * 65535 + b"a"'],
    op: 'r = s.split(b",")',
  },
  {
    family: "bytes",
    name: "join of 65,536 short parts",
    setup: ['parts = [b"a"] * 65536'],
    op: 'r = b",".join(parts)',
  },
  {
    family: "bytes",
    name: "replace (1 MiB)",
    setup: ['s = b"ab" * 524288'],
    op: 'r = s.replace(b"a", b"c")',
  },
  {
    family: "bytes",
    name: "startswith (long prefix)",
    setup: LONG_BYTES,
    op: "r = s.startswith(t[:1048575])",
  },
  {
    family: "bytes",
    name: "strip",
    setup: ['s = b" " * 524287 + b"x" + b" " * 524287'],
    op: "r = s.strip()",
  },

  // list methods.
  {
    family: "list",
    name: "append and pop",
    setup: ["xs = [0] * 65535"],
    op: "xs.append(1)\nxs.pop()",
  },
  {
    family: "list",
    name: "insert(0)",
    setup: ["xs = [0] * 65535"],
    op: "xs.insert(0, 1)\nxs.pop()",
  },
  { family: "list", name: "pop(0)", setup: FLAT_LIST, op: "xs.pop(0)\nxs.append(0)" },
  {
    family: "list",
    name: "remove (last of 65,536 tuples)",
    setup: ["xs = [(0, 0)] * 65535 + [(0, 1)]"],
    op: "xs.remove((0, 1))\nxs.append((0, 1))",
  },
  {
    family: "list",
    name: "index (last of 65,536 tuples)",
    setup: ["xs = [(0, 0)] * 65535 + [(0, 1)]"],
    op: "r = xs.index((0, 1))",
  },
  {
    family: "list",
    name: "count (65,536 tuples)",
    setup: ["xs = [(0, 0)] * 65536"],
    op: "r = xs.count((0, 1))",
  },
  {
    family: "list",
    name: "sort (65,536 ints)",
    setup: ["zs = [i * 7919 % 65537 for i in range(65536)]"],
    op: "w = zs.copy()\nw.sort()",
  },
  {
    family: "list",
    name: "sort (65,536 tuples, reverse)",
    setup: ["xs = [(65536 - i, i) for i in range(65536)]"],
    op: "w = xs.copy()\nw.sort(reverse=True)",
  },
  {
    family: "list",
    name: "extend (32,768)",
    setup: ["h = [0] * 32768"],
    op: "w = []\nw.extend(h)\nw.extend(h)",
  },
  { family: "list", name: "copy (65,536)", setup: FLAT_LIST, op: "r = xs.copy()" },
  { family: "list", name: "reverse (65,536)", setup: FLAT_LIST, op: "xs.reverse()" },
  { family: "list", name: "clear (65,536)", setup: FLAT_LIST, op: "w = xs.copy()\nw.clear()" },

  // dict methods.
  { family: "dict", name: "get (1 MiB bytes key)", setup: BIG_KEY, op: "r = d.get(k)" },
  {
    family: "dict",
    name: "keys, values, items (30,000)",
    setup: DICT,
    op: "r = list(d.items())\nr = list(d.keys())\nr = list(d.values())",
  },
  {
    family: "dict",
    name: "keys() == keys() (30,000)",
    setup: DICT,
    op: "r = d.keys() == e.keys()",
  },
  {
    family: "dict",
    name: "items() == items() (30,000)",
    setup: DICT,
    op: "r = d.items() == e.items()",
  },
  { family: "dict", name: "update (30,000 keys)", setup: DICT, op: "d.update(e)" },
  {
    family: "dict",
    name: "setdefault (1 MiB bytes key)",
    setup: BIG_KEY,
    op: "r = d.setdefault(k, 0)",
  },
  {
    family: "dict",
    name: "pop and set (1 MiB bytes key)",
    setup: BIG_KEY,
    op: "r = d.pop(k)\nd[k] = r",
  },
  { family: "dict", name: "copy (30,000)", setup: DICT, op: "r = d.copy()" },
  // Keys the engine's own Map hashes without a seed (lib/runtime/key_map.ts keeps them out of it).
  {
    family: "dict",
    name: "build 4,096 keys str(j << 16) (index strs)",
    setup: [],
    op: "d = {}\nfor j in range(4096):\n    d[str(j << 16)] = j",
  },
  {
    family: "dict",
    name: "build 4,096 keys j << 64 (bigints, equal low words)",
    setup: [],
    op: "d = {}\nfor j in range(4096):\n    d[(j + 1) << 64] = j",
  },
  {
    family: "set",
    name: "keys() | [] (4,096 bigints, equal low words)",
    setup: ["d = {}", "for j in range(4096):", "    d[(j + 1) << 64] = j"],
    op: "r = d.keys() | []",
  },
  // Sets made by dict-view operators (CPython's table layout).
  { family: "set", name: "keys() | [] (30,000 ints)", setup: DICT, op: "r = d.keys() | []" },
  {
    family: "set",
    name: "keys() ^ keys() (30,000 ints)",
    setup: DICT,
    op: "r = d.keys() ^ e.keys()",
  },
  {
    family: "set",
    name: "keys() | [] (2,000 ints of one hash)",
    setup: ["d = dict(zip([i * (2**61 - 1) for i in range(2000)], range(2000)))"],
    op: "r = d.keys() | []",
  },
  {
    family: "set",
    name: "items() & items() (30,000 pairs)",
    setup: DICT,
    op: "r = d.items() & e.items()",
  },
  {
    family: "set",
    name: "keys() | [] (1 MiB str key)",
    setup: ['d = {"k" * 1048576: 1}'],
    op: "r = d.keys() | []",
  },
  {
    family: "set",
    name: "keys() | [] (65,536-int tuple key)",
    setup: ["d = {tuple(range(65536)): 1}"],
    op: "r = d.keys() | []",
  },
  {
    family: "set",
    name: "keys() | [] (tuple key of 2**16 shared pairs)",
    setup: ["t = (1, 1)", "for i in range(16):", "    t = (t, t)", "d = {t: 1}"],
    op: "r = d.keys() | []",
  },
  {
    family: "set",
    name: "keys() | [] (tuple key of 2,000 4096-bit ints)",
    setup: ["x = (1 << 4094) + 12345", "d = {tuple([x + i for i in range(2000)]): 1}"],
    op: "r = d.keys() | []",
  },
  {
    family: "set",
    name: "set == set (30,000 ints)",
    setup: [...DICT, "s = d.keys() | []", "u = e.keys() | []"],
    op: "r = s == u",
  },
  {
    family: "set",
    name: "str(set) (20,000 ints)",
    setup: [...DICT, "s = d.keys() | []"],
    op: "r = str(s)",
  },

  // int methods.
  { family: "int", name: "bit_length (4096-bit)", setup: INT, op: "r = x.bit_length()" },
  { family: "int", name: "to_bytes (4096-bit)", setup: INT, op: 'r = x.to_bytes(512, "big")' },
  {
    family: "int",
    name: "to_bytes (signed, 4096-bit)",
    setup: ["z = -(1 << 4094)"],
    op: 'r = z.to_bytes(512, "big", signed=True)',
  },
  {
    family: "int",
    name: "from_bytes (signed, 512 bytes)",
    setup: ['h = b"\\x80" * 512'],
    op: 'r = int.from_bytes(h, "big", signed=True)',
  },

  // stdlib.
  {
    family: "stdlib",
    name: "storage.get (64 KiB)",
    imports: ["storage"],
    setup: ['storage.set(b"k", b"a" * 65536)'],
    op: 'r = storage.get(b"k")',
  },
  {
    family: "stdlib",
    name: "storage.set (64 KiB)",
    imports: ["storage"],
    setup: ['v = b"a" * 65536'],
    op: 'storage.set(b"k", v)',
  },
  {
    family: "stdlib",
    name: "storage.set (keys of 10 ASCII digits, index strs)",
    imports: ["storage"],
    setup: ["j = 0"],
    op: 'storage.set(str(1000000000 + (j << 16)).encode(), b"v")\nj += 1',
  },
  {
    family: "stdlib",
    name: "storage.set (64 KiB, new keys)",
    imports: ["storage"],
    setup: ['v = b"a" * 65536', "i = 0"],
    op: 'storage.set(i.to_bytes(8, "big"), v)\ni += 1',
  },
  {
    family: "stdlib",
    name: "storage.get (absent, 256-byte key)",
    imports: ["storage"],
    setup: ['k = b"k" * 256'],
    op: "r = storage.get(k)",
  },
  {
    family: "stdlib",
    name: "storage.get_int (512 bytes)",
    imports: ["storage"],
    setup: [...INT, 'storage.set_int(b"k", x)'],
    op: 'r = storage.get_int(b"k")',
  },
  {
    family: "stdlib",
    name: "storage.set_int (4096-bit)",
    imports: ["storage"],
    setup: INT,
    op: 'storage.set_int(b"k", x)',
  },
  {
    family: "stdlib",
    name: "storage.delete",
    imports: ["storage"],
    setup: [],
    op: 'storage.delete(b"k")',
  },
  {
    family: "stdlib",
    name: "events.emit (16 KiB args)",
    imports: ["events"],
    setup: ['v = b"a" * 4000'],
    op: 'events.emit(b"E", {"v": v})',
  },
  {
    family: "stdlib",
    name: "events.emit (list arg)",
    imports: ["events"],
    setup: ["v = list(range(1000))"],
    op: 'events.emit(b"E", {"v": v})',
  },
  {
    family: "stdlib",
    name: "hash.sha3_256 (1 MiB)",
    imports: ["hash"],
    setup: ['v = b"a" * 1048576'],
    op: "r = hash.sha3_256(v)",
  },
  {
    family: "stdlib",
    name: "hash.sha3_512 (1 MiB)",
    imports: ["hash"],
    setup: ['v = b"a" * 1048576'],
    op: "r = hash.sha3_512(v)",
  },
  {
    family: "stdlib",
    name: "hash.keccak256 (1 MiB)",
    imports: ["hash"],
    setup: ['v = b"a" * 1048576'],
    op: "r = hash.keccak256(v)",
  },
  {
    family: "stdlib",
    name: "hash.blake3 (1 MiB)",
    imports: ["hash"],
    setup: ['v = b"a" * 1048576'],
    op: "r = hash.blake3(v)",
  },
  {
    family: "stdlib",
    name: "hash.sha3_256 (32 bytes)",
    imports: ["hash"],
    setup: ['v = b"a" * 32'],
    op: "r = hash.sha3_256(v)",
  },
  {
    family: "stdlib",
    name: "hash.sha3_512 (32 bytes)",
    imports: ["hash"],
    setup: ['v = b"a" * 32'],
    op: "r = hash.sha3_512(v)",
  },
  {
    family: "stdlib",
    name: "hash.keccak256 (32 bytes)",
    imports: ["hash"],
    setup: ['v = b"a" * 32'],
    op: "r = hash.keccak256(v)",
  },
  {
    family: "stdlib",
    name: "hash.blake3 (32 bytes)",
    imports: ["hash"],
    setup: ['v = b"a" * 32'],
    op: "r = hash.blake3(v)",
  },
  {
    family: "stdlib",
    name: "abi.encode (list of 4096-bit ints)",
    imports: ["abi"],
    setup: ["zs = [(1 << 4095) + 1] * 2000"],
    op: 'r = abi.encode("list<int>", zs)',
  },
  {
    family: "stdlib",
    name: "abi.encode (nested lists of small ints)",
    imports: ["abi"],
    setup: ["zs = [[1, 2, 3, 4, 5, 6, 7, 8]] * 8000"],
    op: 'r = abi.encode("list<list<int>>", zs)',
  },
  {
    family: "stdlib",
    name: "abi.decode (list of 4096-bit ints)",
    imports: ["abi"],
    setup: ['h = abi.encode("list<int>", [(1 << 4095) + 1] * 2000)'],
    op: 'r = abi.decode("list<int>", h)',
  },
  {
    family: "stdlib",
    name: "abi.decode (nested lists of small ints)",
    imports: ["abi"],
    setup: ['h = abi.encode("list<list<int>>", [[1, 2, 3, 4, 5, 6, 7, 8]] * 8000)'],
    op: 'r = abi.decode("list<list<int>>", h)',
  },
  {
    family: "stdlib",
    name: "abi.decode (list of long bytes)",
    imports: ["abi"],
    setup: ['h = abi.encode("list<bytes>", [b"a" * 1000] * 1000)'],
    op: 'r = abi.decode("list<bytes>", h)',
  },
  {
    family: "stdlib",
    name: "abi.decode (list of empty tuples)",
    imports: ["abi"],
    setup: [],
    op: 'r = abi.decode("list<tuple()>", b"\\xff\\xff\\x03")',
  },
  {
    family: "stdlib",
    name: "random.bytes (1 MiB)",
    imports: ["random"],
    setup: [],
    op: "r = random.bytes(1048576)",
  },
  {
    family: "stdlib",
    name: "random.bytes (32)",
    imports: ["random"],
    setup: [],
    op: "r = random.bytes(32)",
  },
  {
    family: "stdlib",
    name: "syscalls.random (17, across blocks)",
    imports: ["syscalls"],
    setup: [],
    op: "r = syscalls.random(17)",
  },
  {
    family: "stdlib",
    name: "pq_verify.verify (ML-DSA-87 sizes)",
    imports: ["pq_verify"],
    setup: ['k = b"\\x07" * 2592', 'g = b"\\x05" * 4627', 'm = b"m" * 64'],
    op: 'r = pq_verify.verify(k, m, g, "ML-DSA-87")',
  },
  {
    family: "stdlib",
    name: "pq_verify.verify (SLH-DSA-SHA2-128f sizes)",
    imports: ["pq_verify"],
    setup: ['k = b"\\x07" * 32', 'g = b"\\x05" * 17088', 'm = b"m" * 64'],
    op: 'r = pq_verify.verify(k, m, g, "SLH-DSA-SHA2-128f")',
  },
  // Valid signatures: ML-DSA rejects a malformed one early, so only a valid one shows its price.
  ...VALID_SIGNATURES.map(({ scheme, key, signature }): HostileCase => ({
    family: "stdlib",
    name: `pq_verify.verify (valid ${scheme}, 64-byte message)`,
    imports: ["pq_verify"],
    setup: [`k = bytes.fromhex("${toHex(key)}")`, `g = bytes.fromhex("${toHex(signature)}")`],
    op: `r = pq_verify.verify(k, b"m" * 64, g, "${scheme}")`,
  })),
  {
    family: "stdlib",
    name: "abi.encode_struct (64 ints)",
    imports: ["abi"],
    setup: ["t = tuple(range(64))"],
    op: "r = abi.encode_struct(t)",
  },
  {
    family: "stdlib",
    name: "abi.hex (64 KiB)",
    imports: ["abi"],
    setup: ['h = b"a" * 65536'],
    op: "r = abi.hex(h)",
  },
  {
    family: "stdlib",
    name: "treasury.balance",
    imports: ["treasury"],
    setup: [],
    op: "r = treasury.balance()",
  },
  {
    family: "stdlib",
    name: "context.sender",
    imports: ["context"],
    setup: [],
    op: "r = context.sender",
  },
  {
    family: "stdlib",
    name: "abi.require",
    imports: ["abi"],
    setup: ['m = b"a" * 1000'],
    op: "abi.require(True, m)",
  },
];

/** The contract source of a case: `main()` runs the setup, then the op until gas runs out. */
export function hostileSource(c: HostileCase): string {
  const imports = c.imports === undefined || c.imports.length === 0
    ? ""
    : `from stdlib import ${c.imports.join(", ")}\n\n`;
  const setup = c.setup.map((line) => `    ${line}\n`).join("");
  const body = c.op.split("\n").map((line) => `        ${line}\n`).join("");
  return `${imports}def main():\n${setup}    while True:\n${body}`;
}
