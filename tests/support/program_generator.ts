/**
 * Seeded generator of random contract programs for the generated-program
 * differential test: straight-line code, bounded `for`/`while` loops and
 * `if`s over ints (small, safe-range and big), lists, dicts (with keys that
 * collide the Python way: True and 1, 0 and False), strs and bytes, user
 * functions with defaults and keywords, module constants, and the stdlib
 * calls the Python model covers (storage, events, sha3, abi). Every int
 * assignment is reduced modulo a literal, so values stay far below the VM's
 * caps and CPython never runs long; errors (division by zero, bad indexes,
 * missing keys, unorderable comparisons) are expected and compared too.
 * Every program defines `main()` and returns its state. The conformance
 * families of issue 10 (tests/support/program_families.ts) are mixed in only
 * when named in the options, so that without them the programs of a seed
 * are the same as before the families existed.
 */

import { type Family, type FamilyDraws, familyStatement } from "./program_families.ts";
import type { SeededRandom } from "./random.ts";

const INT_LITERALS = [
  "0",
  "1",
  "2",
  "3",
  "-1",
  "-7",
  "255",
  "1000003",
  "2147483647",
  "-2147483648",
  "4294967296",
  "9007199254740991",
  "-9007199254740993",
  "18446744073709551629",
  "-1208925819614629174706189",
];
const MODULI = [
  "7",
  "-7",
  "1000003",
  "4294967311",
  "-9007199254740881",
  "1208925819614629174706189",
];
const KEYS = [
  "0",
  "1",
  "2",
  "True",
  "False",
  "None",
  '"a"',
  '""',
  '"\\x00a"',
  'b"a"',
  "(1, 2)",
  '(1, "1")',
  "(True, ())",
  "2 ** 64",
];
const STR_LITERALS = ['""', '"ab"', '"Zz"', '" x "', '"\\u00e9"', '"\\U0001f600"', '"\\ue000"'];

/** What the generator mixes in besides its base statements. */
export interface GeneratorOptions {
  /** Families of issue 10 whose statements are generated too (none by default). */
  readonly families?: readonly Family[];
  /** End every line of a family statement with `# family:NAME` (to bucket mismatches). */
  readonly tagFamilies?: boolean;
}

/** One program: `def main()` returning its variables. */
export class ProgramGenerator {
  readonly #random: SeededRandom;
  readonly #families: readonly Family[];
  readonly #tagFamilies: boolean;
  readonly #draws: FamilyDraws;
  #loopDepth = 0;
  #counters = 0;

  constructor(random: SeededRandom, options: GeneratorOptions = {}) {
    this.#random = random;
    this.#families = options.families ?? [];
    this.#tagFamilies = options.tagFamilies ?? false;
    this.#draws = {
      pick: (items) => this.#pick(items),
      below: (bound) => this.#below(bound),
      small: () => this.#small(),
      int: (depth) => this.#int(depth),
      key: () => this.#key(),
    };
  }

  /** A program whose main() returns its ints, list, dict items, str and bytes. */
  program(): string {
    this.#loopDepth = 0;
    this.#counters = 0;
    const lines = [
      "from stdlib import abi, events, hash, storage",
      "",
      "LIMIT = 97",
      'NAMES = ("a", "b", "\\u00e9")',
      "",
      "def scale(x, factor=3, offset=-1):",
      "    return x * factor + offset",
      "",
      "def grow(items, item):",
      "    items.append(item)",
      "    return len(items)",
      "",
      "def pick(flag, left, right):",
      "    return left if flag else right",
      "",
      "def main():",
      `    a = ${this.#pick(INT_LITERALS)}`,
      `    b = ${this.#pick(INT_LITERALS)}`,
      `    xs = [${
        Array.from({ length: this.#below(5) }, () => this.#pick(INT_LITERALS)).join(", ")
      }]`,
      "    d = {}",
      `    s = ${this.#pick(STR_LITERALS)}`,
      '    bs = b"an\\x00\\xff"',
      "    t = ()",
      ...this.#block(1, 3 + this.#below(6)),
      "    return a, b, xs, list(d.items()), s, bs, t",
    ];
    return lines.join("\n") + "\n";
  }

  #below(bound: number): number {
    return this.#random.below(bound);
  }

  #pick<T>(items: readonly T[]): T {
    return this.#random.pick(items);
  }

  #block(depth: number, count: number): string[] {
    const lines: string[] = [];
    for (let i = 0; i < count; i++) lines.push(...this.#statement(depth));
    return lines;
  }

  #statement(depth: number): string[] {
    const pad = "    ".repeat(depth);
    const nest = depth < 3;
    // Drawn only when families are enabled, so the base programs stay as they were; about one
    // statement in eight, since many family statements raise and end the program.
    if (this.#families.length > 0 && this.#below(8) === 0) {
      const family = this.#pick(this.#families);
      return familyStatement(family, this.#draws, this.#tagFamilies).split("\n").map((line) =>
        `${pad}${line}`
      );
    }
    if (this.#below(3) === 0) {
      return this.#libraryStatement().split("\n").map((line) => `${pad}${line}`);
    }
    switch (this.#below(nest ? 16 : 13)) {
      case 0:
      case 1:
        return [`${pad}${this.#pick(["a", "b"])} = (${this.#int(2)}) % ${this.#pick(MODULI)}`];
      case 2:
        return [
          `${pad}${this.#pick(["a", "b"])} ${this.#pick(["+=", "-=", "*="])} ${this.#int(1)} % 97`,
        ];
      case 3:
        return [`${pad}xs.append((${this.#int(2)}) % ${this.#pick(MODULI)})`];
      case 4:
        return [`${pad}xs[${this.#int(1)} % 5] = ${this.#int(1)}`];
      case 5:
        return [`${pad}d[${this.#key()}] = d.get(${this.#key()}, 0) + 1`];
      case 6:
        return [
          this.#below(3) === 0
            ? `${pad}del d[${this.#key()}]`
            : `${pad}d[${this.#key()}] = ${this.#int(1)}`,
        ];
      case 7:
        return [
          `${pad}${
            this.#pick([
              "xs = sorted(xs)",
              "xs.sort(reverse=True)",
              "xs.reverse()",
              "xs = xs[::-1]",
              `xs = xs[${this.#small()}:${this.#small()}]`,
              `xs = xs[::${this.#pick(["2", "-2", "3"])}]`,
              "xs.pop()",
              "xs.insert(1, len(xs))",
              "xs = xs + [a % 10]",
              "xs = sorted(xs + [b, -b])",
            ])
          }`,
        ];
      case 8:
        return [
          `${pad}s = ${
            this.#pick([
              `s + ${this.#pick(STR_LITERALS)}`,
              "s.upper()",
              "s.lower()",
              "s[::-1]",
              "s.strip()",
              `s[:12].replace("a", "bb")`,
              `"-".join(sorted([s, "b", "\\ue000x"]))`,
              "str(a % 1000) + s",
              `s[${this.#small()}:]`,
            ])
          }`,
        ];
      case 9:
        return [
          `${pad}bs = ${
            this.#pick([
              "bs + bytes([a % 256])",
              "bs[::-1]",
              `bs[${this.#small()}:${this.#small()}]`,
              `(a % 65536).to_bytes(2, "big") + bs`,
              `(b % 4096).to_bytes(3, "little", signed=True)`,
              "bs[:8] * 2",
              `bs.replace(b"a", b"")`,
            ])
          }`,
        ];
      case 10:
        return [`${pad}a = int.from_bytes(bs, ${this.#pick(['"big"', '"little"'])}) % 1000003`];
      case 11:
        return [
          `${pad}b = (${this.#int(2)} if ${this.#condition()} else ${this.#int(1)}) % ${
            this.#pick(MODULI)
          }`,
        ];
      case 12:
        return [`${pad}a = sum(xs) % 1000003 + len(d) + len(s) - len(bs)`];
      case 13: {
        const name = this.#loopDepth === 0 ? "i" : "j";
        this.#loopDepth++;
        const body = this.#block(depth + 1, 1 + this.#below(3));
        this.#loopDepth--;
        const iterable = this.#pick([`range(${this.#below(5)})`, "list(xs)", "range(3, -3, -2)"]);
        return [
          `${pad}for ${name} in ${iterable}:`,
          `${pad}    a = (a + ${name}) % 1000003`,
          ...body,
        ];
      }
      case 14: {
        const counter = `c${this.#counters++}`;
        return [
          `${pad}${counter} = 0`,
          `${pad}while ${counter} < ${this.#below(4)} and (${this.#condition()}):`,
          `${pad}    ${counter} += 1`,
          ...this.#block(depth + 1, 1 + this.#below(2)),
        ];
      }
      default:
        return [
          `${pad}if ${this.#condition()}:`,
          ...this.#block(depth + 1, 1 + this.#below(2)),
          `${pad}else:`,
          ...this.#block(depth + 1, 1),
        ];
    }
  }

  /** Statements (one per line) exercising builtins and methods of str, bytes, list, dict and tuple. */
  #libraryStatement(): string {
    const key = this.#key();
    const value = this.#int(1);
    const ch = this.#pick(['"a"', '"b"', '" "', '"\\u00e9"']);
    return this.#pick([
      `s = s.split(${this.#pick(['" "', '"a"', '"b"'])})[${this.#small()}]`,
      `s = s.split()[0] if s.split() else s`,
      `s = ${this.#pick(['"-"', '""', '", "'])}.join([s[:8], str(a % 100), s[:8:-1]])`,
      `a = s.find(${ch}) + s.count(${ch}) + s.rfind(${ch})`,
      `a = ord(s[${this.#small()}])`,
      `s = chr(a % 55296) + chr(57344 + b % 1000)`,
      `s = hex(a % 100000) + hex(-b % 7)`,
      `a = int(str(a)) + int(str(b)[:5] or "0")`,
      `s = "%d:%s:%x:%r" % (a % 1000, s, b % 4096, bs[:2])`,
      `s = "%05d|%-4s|%+d" % (a % 1000, s[:3], b % 50)`,
      `bs = s.encode()`,
      `s = bs.decode()`,
      `s = bs.hex()`,
      `a = bs.find(b"a") + bs.count(b"\\x00") + len(bs.split(b"n"))`,
      `b = int(s.isdigit()) + int(s.startswith("a")) * 2 + int(bs.endswith(b"\\xff")) * 4`,
      `s = s.zfill(${this.#below(8)})`,
      `s = s.removeprefix("a").removesuffix("b").lstrip(" ").rstrip("Z")`,
      `a = xs.index(${value})`,
      `xs.remove(${value})`,
      `a = xs.count(${value}) + (${value} in xs)`,
      `xs.extend([a % 7, b % 7])`,
      `xs = [x * 2 for x in xs if x % 3 != 0]`,
      `xs = [x + y for x in xs[:3] for y in range(2)]`,
      `xs = list(reversed(xs))`,
      `t = tuple(xs[:3])`,
      `t = (a % 5, s[:1], bs[:1])`,
      `b = int(xs < [1, 2]) + int(t > (0,)) + int(t == tuple(xs[:3]))`,
      `a = min(xs)`,
      `a = max(xs, default=-1) - min(a, b, 3)`,
      `b = int(any(xs)) + int(all(xs)) * 2`,
      `a = sum([k * v for k, v in enumerate(xs)]) % 1000003`,
      `b = sum([p * len(q) for p, q in zip(xs, [s, "ab", ""])]) % 1000003`,
      `a = d.pop(${key})`,
      `a = d.pop(${key}, 0) % 97`,
      `a = d.setdefault(${key}, 0) % 97`,
      `d.update({${key}: a % 10})`,
      `xs = sorted(d.values())`,
      `xs = [len(d), len(list(d.keys())), int(${key} in d.keys())]`,
      `t = tuple(sorted(d))`,
      `b = int(isinstance(${this.#pick(["a", "s", "bs", "xs", "t", "d", "None", "True"])}, ${
        this.#pick(["int", "str", "bytes", "list", "tuple", "dict", "bool"])
      }))`,
      `b = int(isinstance(${this.#pick(["a", "s", "bs", "xs", "t", "True"])}, (${
        this.#pick(["int", "str", "()"])
      }, (${this.#pick(["bytes", "list", "tuple", "bool"])}, dict)))) + int(isinstance(a, ()))`,
      `a = pow(${value}, ${this.#pick(["-1", "-2"])}, ${
        this.#pick(["7", "-7", "1000003", "2 ** 65 + 1", "10"])
      })`,
      `a = min(xs, key=None, default=${value}) + max([], default=0) + sum(xs, start=${value})`,
      `xs = [p - q for p, q in zip(xs, xs[1:] + [0], strict=True)]`,
      `a = range(2 ** 64)[${value} % 1000] + int.from_bytes([a % 256, b % 256], "little", signed=True)`,
      `a = (True + a) * (b > 0) - (False or 2)`,
      `xs = xs[:4] * ${this.#below(3)} + [divmod(a, 7)[1]]`,
      `a = int(bs[:6].hex() or "0", 16) % 1000003`,
      `bs = bytes([a % 256, b % 256]) + bytes(${this.#below(3)})`,
      `a = a.bit_length() + (b % 1000).bit_length()`,
      `bs = bs + (a % 70000).to_bytes(3, "big", signed=${this.#pick(["True", "False"])})`,
      `xs.insert(${this.#small()}, ${value})`,
      `xs[${this.#small()}:${this.#small()}] = [a % 9]`,
      `del xs[${this.#small()}]`,
      `s = str(xs[:2]) + str(t) + str(d == {})`,
      `a = scale(a % LIMIT)`,
      `b = scale(b % 50, offset=a % 7)`,
      `a = scale(factor=${this.#below(5)}, x=${value} % LIMIT)`,
      `a = grow(xs, a % 9) + grow(list(t), 1)`,
      `a, b = b % LIMIT, a % LIMIT`,
      `a, b = divmod(${value}, ${this.#pick(["7", "-7", "1000003"])})`,
      `[a, b] = [len(xs), len(s)]`,
      `a = (a > 0 and a % LIMIT) or (b % LIMIT) or -1`,
      `b = int(0 <= a % 200 < 100 != b)`,
      `s = pick(a > b, s, NAMES[a % 3])`,
      `t = (t, NAMES[1:])[${this.#below(2)}]`,
      `b = len([n for n in NAMES if n < s]) + NAMES.index("b")`,
      `s = s or NAMES[0] and "z"`,
      `xs = pick(len(xs) > 2, xs, xs + [a % 5]) `,
      `a = int(${
        this.#pick([
          '"  12_3 "',
          '"-0"',
          '"+7"',
          '"0x1f"',
          '"1e3"',
          '""',
          '" -99999999999999999999 "',
          '"٣"',
        ])
      })`,
      `a = int(${this.#pick(['"ff"', '"-0x1F"', '"z"', '"0b101"', '"777"'])}, ${
        this.#pick(["16", "0", "8", "36", "2"])
      })`,
      `s = str(${value}) + hex(${value}) + str(-0) + str(bool(${value}))`,
      `s = chr(ord(s[0]) + 1) if s else chr(${this.#below(200)})`,
      `s = ${this.#pick(['"%s|%r|%5d|%-3x|%o|%c|%%"', '"%+.3d %#x %#o %X"', '"%(a)s-%(b)d"'])} % ${
        this.#pick([
          "(s, bs[:2], a % 999, b % 255, a % 64, 65)",
          "(a % 1000, b % 1000, a % 99, b % 4096)",
          '{"a": s, "b": a % 10}',
        ])
      }`,
      `bs = bytes.fromhex(${this.#pick(['"aa bb"', '"0F"', '"g1"', '""', '"a"'])})`,
      `d = dict(zip(NAMES, xs))`,
      `xs = [i * k for i, k in enumerate(xs, ${this.#small()})]`,
      `s = ${this.#pick(["min", "max"])}(s, NAMES[1], "B")`,
      `t = tuple(reversed(range(${this.#small()}, ${this.#below(6)})))`,
      `b = int(any(s)) + int(all([s, bs, t])) * 2`,
      `a = ${this.#pick(["min", "max"])}(xs + [a], default=0) if xs else abs(${value})`,
      `xs = sorted(xs, reverse=True)[:${this.#below(5)}]`,
      `s = s * ${this.#below(3)} + "|".join([str(x) for x in xs[:3]])`,
      `b = len(range(${value} % 50, ${value} % 50, ${this.#pick(["1", "-1", "3", "-4"])}))`,
      `xs = s.split(${this.#pick(['" "', '"a"', '"ab"'])}, ${this.#small()})[:2] and [len(s)]`,
      `a = s.find(${ch}, ${this.#small()}, ${this.#small()}) + bs.find(b"n", ${this.#small()})`,
      `a = s.count(${ch}, ${this.#small()}) + bs.count(b"\\x00", 1, ${this.#small()})`,
      `s = s.replace(${ch}, "xy", ${this.#small()})`,
      `s = s.strip(${this.#pick(['" "', '"ab"', '"\\u00e9x "'])}) + s.lstrip("a").rstrip()`,
      `b = int(s.startswith(${ch}, ${this.#small()})) + int(bs.endswith(b"\\xff", 0, ${this.#small()}))`,
      `a = xs.pop(${this.#small()})`,
      `xs.insert(${this.#pick(["-1", "-9", "9", "0"])}, a % 11)`,
      `xs.extend(${this.#pick(['"ab"', "range(3)", "t", "d", 'b"xy"'])})`,
      `d2 = d.copy()\nd.clear()\nd.update(d2)`,
      `d.update([(${key}, 1), (${this.#key()}, 2)])`,
      `del d[${key}]\nd[${key}] = len(d)`,
      `b = int(d.keys() == {${key}: 0}.keys()) + int((${key}, 1) in d.items()) + int(1 in d.values())`,
      `xs = sorted(d.items())[:2] and [len(d)]`,
      `b = int(${this.#pick(["True", "1", "2 ** 64", "False"])} ${this.#pick(["==", "<", ">="])} ${
        this.#pick(["True", "1", "2 ** 64", "-(2 ** 64)", "0"])
      })`,
      `t = (${this.#pick(["[] or {}", '"" and 1', "xs and t", "s or bs", "0 or None or 5"])},)`,
      `s = str(${
        this.#pick(["True", "None", "bs[:3]", "(1,)", "{1: [2, (3,)]}", "[None, True, -0]", "t"])
      })`,
      `b = int(xs == [1, True]) + int((1, 2) < (1, 2, 0)) + int([1, 2] > [1])`,
      `p, q = s[:2]\ns = q + p`,
      `a, b = divmod(${value}, ${this.#pick(["-3", "2 ** 65", "-(2 ** 65)", "1"])})`,
      `a = pow(${value} % 50, ${this.#below(5)}) - pow(2, 0, 1) + (-8) ** 3`,
      `a = (${value} << ${this.#below(70)}) >> ${this.#below(70)}`,
      `b = ~True + True * 3 - abs(-(2 ** 63)) % 97`,
      `a = ${
        this.#pick([
          "3 in range(1, 10, 2)",
          'b"a"[0] in bs',
          "97 in bs",
          '"é" in s',
          "-1 in range(0, -5, -1)",
        ])
      } + sum(xs, 1)`,
      `storage.set(b"k", bs)`,
      `bs = storage.get(b"k") + storage.get(b"missing")`,
      `storage.set_int(b"n", ${value})`,
      `a = storage.get_int(b"n") + storage.get_int(b"m", default=-1)`,
      `storage.delete(b"${this.#pick(["k", "n"])}")`,
      `bs = hash.sha3_256(bs)[:${this.#below(9)}]`,
      `bs = hash.sha3_512(bs + s.encode())[::7]`,
      `events.emit(b"Ev", {"a": a % 100, "s": s[:3], "b": bs[:2]})`,
      `bs = abi.encode("int", ${value})`,
      `a = abi.decode("int", abi.encode("int", ${value}))`,
      `bs = abi.encode("list<int>", xs)`,
      `t = abi.decode("(int,bytes,str)", abi.encode("(int,bytes,str)", (a, bs[:5], s[:5])))`,
      `abi.require(a % 5 != 0, ${this.#pick(['"five"', 'b"\\x05"'])})`,
    ]);
  }

  #small(): string {
    return String(this.#below(7) - 3);
  }

  #key(): string {
    return this.#pick(KEYS);
  }

  #condition(): string {
    switch (this.#below(6)) {
      case 0:
        return `${this.#int(1)} ${this.#pick(["<", "<=", ">", ">=", "==", "!="])} ${this.#int(1)}`;
      case 1:
        return `${this.#key()} in d`;
      case 2:
        return `${this.#int(1)} % 3 not in xs`;
      case 3:
        return `s ${this.#pick(["<", ">=", "=="])} ${this.#pick(STR_LITERALS)}`;
      case 4:
        return `not xs or xs[0] > ${this.#int(0)}`;
      default:
        return `${this.#int(0)} ${this.#pick(["<", ">"])} ${this.#int(0)} < ${this.#int(0)}`;
    }
  }

  /** An int expression of at most `depth` operator levels. */
  #int(depth: number): string {
    if (depth <= 0 || this.#below(3) === 0) {
      return this.#pick([
        ...INT_LITERALS,
        "a",
        "b",
        "a",
        "b",
        "len(xs)",
        "len(d)",
        ...(this.#loopDepth > 0 ? ["i", "i"] : []),
        ...(this.#loopDepth > 1 ? ["j"] : []),
      ]);
    }
    const left = this.#int(depth - 1);
    const right = this.#int(depth - 1);
    switch (this.#below(12)) {
      case 0:
        return `(${left} ${this.#pick(["+", "-", "*"])} ${right})`;
      case 1:
        return `(${left} ${this.#pick(["//", "%"])} ${right})`;
      case 2:
        return `(${left} ${this.#pick(["&", "|", "^"])} ${right})`;
      case 3:
        return `(${left} ${this.#pick(["<<", ">>"])} ${this.#below(70)})`;
      case 4:
        return `(${left} ** ${this.#below(4)})`;
      case 5:
        return `${this.#pick(["-", "~", "+"])}${left}`;
      case 6:
        return `${this.#pick(["abs", "int"])}(${left})`;
      case 7:
        return `${this.#pick(["min", "max"])}(${left}, ${right})`;
      case 8:
        return `pow(${left}, ${this.#below(40)}, ${this.#pick(MODULI)})`;
      case 9:
        return `divmod(${left}, ${right})[${this.#below(2)}]`;
      case 10:
        return `xs[${left} % ${this.#pick(["3", "7"])}]`;
      default:
        return `(${left} if ${this.#condition()} else ${right})`;
    }
  }
}
