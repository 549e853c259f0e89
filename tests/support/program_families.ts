/**
 * Statements of the conformance families of issue 10 for the program
 * generator (tests/support/program_generator.ts): each family draws one
 * statement (possibly several lines) exercising its construct with varied
 * arguments, error cases included. A statement only writes the program's
 * variables with values of their usual type (a, b ints; s str; bs bytes;
 * t tuple; xs a list of ints or tuples), so later statements keep working;
 * helper locals (ys, zs, e, it...) are assigned before they are read and
 * never returned. No statement makes a float, a value near a cap, or work
 * that grows with a huge int.
 */

/** The families, each with its number in issue 10 (0: not numbered there). */
export const FAMILY_NUMBERS = {
  "split-whitespace": 1,
  "hex-sep": 2,
  "bytes-methods": 3,
  "int-needle": 4,
  "fromhex": 5,
  "codecs": 6,
  "pow": 7,
  "arity": 8,
  "min-max-zip": 9,
  "from-bytes": 10,
  "huge-index": 11,
  "ranges": 12,
  "live-views": 13,
  "comprehension-scope": 14,
  "dict-views": 15,
  "printf": 16,
  "isinstance-nested": 17,
  "self-reference": 18,
  "surrogates": 19,
  "case-mapping": 20,
  /** Not numbered in the issue: evaluation order of targets, arguments and displays. */
  "evaluation-order": 0,
} as const;

/** A family of issue 10 the generator can mix in. */
export type Family = keyof typeof FAMILY_NUMBERS;

/** Every family, in issue order. */
export const ALL_FAMILIES: readonly Family[] = Object.keys(FAMILY_NUMBERS).filter(isFamily);

/** Whether `name` names a family. */
export function isFamily(name: string): name is Family {
  return Object.hasOwn(FAMILY_NUMBERS, name);
}

/** The random choices a family statement may make (supplied by the generator). */
export interface FamilyDraws {
  pick<T>(items: readonly T[]): T;
  below(bound: number): number;
  /** A small index literal, -3 to 3. */
  small(): string;
  /** An int expression of the program's variables. */
  int(depth: number): string;
  /** A dict key literal. */
  key(): string;
}

const WHITESPACE_TEXTS = [
  '"a b  "',
  '"  a  b c "',
  '"\\t x\\n y \\x1c z\\x85 "',
  '"\\u3000a\\u00a0b\\u2028"',
  '""',
  '"   "',
  '"a"',
  "s",
];
const WHITESPACE_BYTES = [
  'b"a b  "',
  'b" \\x1c a\\x85 b "',
  'b"\\t\\x0b\\x0c x\\r\\n"',
  'b""',
  'b"  "',
  "bs",
];
const BYTES_TEXTS = ['b"abcab"', 'b"\\x00\\x01\\xff"', 'b""', "bs", 'b"a1 B"', 'b"123"'];
const STR_TEXTS = ['"h\\u00e9!"', '"abc"', '"\\U0001f600x"', '"\\ufeffab"', '"\\xff"', "s"];
/** Texts the codecs family encodes: the above, and characters of the charmap codecs' tables. */
const CODEC_TEXTS = [
  ...STR_TEXTS,
  '"\\u20ac\\u0160\\u2122"',
  '"a\\u0100\\u0101b"',
  '"\\u0401\\u0451\\u0490"',
  '"\\u0141\\u010d\\u20ac"',
];
const ENCODED_TEXTS = [
  'b"\\x80\\x81\\x8d\\x98\\xff"',
  'b"h\\xc3\\xa9!"',
  'b"\\xff\\xfeab"',
  'b"\\xef\\xbb\\xbfab"',
  'b"\\xc3"',
  'b"\\xed\\xa0\\x80"',
  'b"\\xf0\\x9f\\x98\\x80"',
  'b"abc"',
  "bs",
];
const CODECS = [
  '"utf-8"',
  '"utf8"',
  '"UTF-8"',
  '"utf_8"',
  '"U8"',
  '"utf"',
  '"ascii"',
  '"us-ascii"',
  '"ASCII"',
  '"latin-1"',
  '"latin1"',
  '"iso-8859-1"',
  '"L1"',
  '"utf-8-sig"',
  '"cp1252"',
  '"windows-1252"',
  '"1252"',
  '"cp1250"',
  '"cp1251"',
  '"latin9"',
  '"ISO-8859-15"',
  '"bogus"',
  '" utf-8 "',
];
const ERROR_HANDLERS = [
  '"strict"',
  '"ignore"',
  '"replace"',
  '"backslashreplace"',
  '"xmlcharrefreplace"',
  '"surrogateescape"',
  '"surrogatepass"',
  '"bogus"',
];
const TYPE_SPECS = [
  "(str, (int, bytes))",
  "()",
  "((),)",
  "(list, (tuple, (dict,)))",
  "(bool,)",
  "int",
  "(int, int)",
  "((bool, str), bytes)",
  "(dict, ())",
];
const CASE_CODE_POINTS = [
  "0x19b",
  "0xa7cb",
  "0xa7cc",
  "0xa7cd",
  "0xa7da",
  "0x10d50",
  "0x10d70",
  "0x10d85",
  "0x1c89",
  "0x2c2f",
  "0xdf",
  "0x130",
  "0x149",
  "0x1f0",
  "0xfb00",
  "0xfb03",
  "0x1c5",
  "0x3a3",
  "0x1e9e",
  "0x390",
  "0x587",
  "0x10400",
  "0x1e900",
  "0xb5",
  "0xff",
];

type Template = (draw: FamilyDraws) => string;

/** An argument list of the non-empty parts. */
function arguments_(...parts: string[]): string {
  return parts.filter((part) => part !== "").join(", ");
}

const STATEMENTS: { readonly [F in Family]: readonly Template[] } = {
  "split-whitespace": [
    (r) =>
      `t = tuple(${r.pick(WHITESPACE_TEXTS)}.split(None, ${r.pick(["-1", "0", "1", "2", "5"])}))`,
    (r) => `t = tuple(${r.pick(WHITESPACE_TEXTS)}.split(maxsplit=${r.pick(["0", "1", "-2"])}))`,
    (r) => `t = tuple(${r.pick(WHITESPACE_BYTES)}.split(None, ${r.pick(["-1", "0", "1", "3"])}))`,
    (r) => `t = tuple(${r.pick(WHITESPACE_BYTES)}.split())`,
    (r) =>
      `t = tuple(${r.pick(WHITESPACE_TEXTS)}.split(${
        r.pick(['" "', '""', '"  "'])
      }, ${r.small()}))`,
    (r) =>
      `s = ${r.pick(WHITESPACE_TEXTS)}.${r.pick(["strip", "lstrip", "rstrip"])}(${
        r.pick(["", "None", '""', '" a"', '"\\x85"'])
      })`,
    (r) =>
      `bs = ${r.pick(WHITESPACE_BYTES)}.${r.pick(["strip", "lstrip", "rstrip"])}(${
        r.pick(["", "None", 'b""', 'b" a"', 'b"\\x1c"'])
      })`,
    (r) => `bs = ${r.pick(WHITESPACE_BYTES)}.strip(${r.pick(['" "', "32", "[32]"])})`,
  ],
  "hex-sep": [
    (r) =>
      `s = ${r.pick(["bs", 'b""', 'b"\\x01\\x02\\x03\\x04\\x05"', "bs[:3]"])}.hex(${
        r.pick(['":"', '"-"', 'b"|"', '""', '"ab"', '"\\u00e9"', "1", "None"])
      }${r.pick(["", ", 1", ", 2", ", -2", ", 3", ", 0", ", 10 ** 20", ', "2"'])})`,
    (r) => `s = bs.hex(sep=${r.pick(['":"', 'b" "'])}, bytes_per_sep=${r.pick(["1", "-4", "2"])})`,
    (r) => `s = ${r.pick(BYTES_TEXTS)}.hex(${r.pick(["", "bytes_per_sep=2", '":", 2, 3'])})`,
  ],
  "bytes-methods": [
    (r) => `b = int(${r.pick(BYTES_TEXTS)}.${r.pick(["isdigit", "isalpha", "isalnum"])}())`,
    (r) => `bs = ${r.pick(BYTES_TEXTS)}.zfill(${r.pick(["0", "3", "6", "-1"])})`,
    (r) => `bs = ${r.pick(['b"-1"', 'b"+a"', 'b""'])}.zfill(${r.pick(["1", "4"])})`,
    (r) =>
      `s = ${r.pick(['"-12"', '"+a"', '""', '"\\u00e9"', "s"])}.zfill(${r.pick(["-3", "0", "5"])})`,
    (r) => `bs = ${r.pick(['b"a\\xe9Z"', "bs"])}.${r.pick(["upper", "lower"])}()`,
    (r) =>
      `b = int(${r.pick(["s", '"ab"', "bs", 'b"ab"'])}.${r.pick(["startswith", "endswith"])}(${
        r.pick(['("a", "b")', '(b"a", b"n")', '("x", b"a")', "()", '"a"', 'b"a"', "[]"])
      }${r.pick(["", ", 1", ", -2, 5", ", 10 ** 20"])}))`,
    (r) =>
      `bs = ${r.pick(BYTES_TEXTS)}.${r.pick(["removeprefix", "removesuffix"])}(${
        r.pick(['b"a"', '"a"', 'b""'])
      })`,
    (r) =>
      `bs = ${r.pick(BYTES_TEXTS)}.replace(${r.pick(['b""', 'b"a"', '"a"'])}, b"-"${
        r.pick(["", ", 2", ", -1", ", 0"])
      })`,
    (r) => `s = ${r.pick(["s", '"ab"', '""'])}.replace("", "-"${r.pick(["", ", 2", ", 0"])})`,
    (r) =>
      `bs = ${r.pick(['b"|"', 'b""'])}.join(${
        r.pick(['[b"a", b"bc"]', '[b"a", "b"]', "[bs, bytes(2)]", "(b'x',)", "[]", "[1]"])
      })`,
    (r) =>
      `s = ${r.pick(['"|"', '""'])}.join(${
        r.pick(['["a", 1]', '("x", "y")', '"abc"', '[b"a"]', "[]"])
      })`,
    (r) =>
      `t = tuple(${r.pick(BYTES_TEXTS)}.split(${r.pick(['b""', 'b"a"', '"a"', 'b"ab"'])}${
        r.pick(["", ", 1", ", -1"])
      }))`,
    (r) =>
      `a = ${r.pick([...BYTES_TEXTS, ...STR_TEXTS])}.count(${r.pick(['b""', '""', 'b"a"', '"a"'])}${
        r.pick(["", ", 1", ", -100, 100", ", 10 ** 20"])
      })`,
    (r) =>
      `a = ${r.pick(["s", '"abc"'])}.${r.pick(["find", "rfind", "index"])}(${
        r.pick(['""', '"zz"', '"c"'])
      }${r.pick(["", ", 10", ", -2", ", 1, 2"])})`,
    (r) =>
      `b = int(${r.pick(['"\\u00b2"', '"\\u0663"', '""', '"a1"', '"\\u00bd"', '"\\u2167"', "s"])}.${
        r.pick(["isdigit", "isalpha", "isalnum"])
      }())`,
    (r) =>
      `s = ${r.pick(["s", '"a"'])}.${r.pick(["upper", "lower", "strip", "split"])}(${
        r.pick(['b"a"', "1"])
      })`,
  ],
  "int-needle": [
    (r) =>
      `a = ${r.pick(BYTES_TEXTS)}.${r.pick(["find", "rfind", "count", "index"])}(${
        r.pick(["97", "0", "255", "256", "-1", "True", "98", "2 ** 70", '"a"', "[97]"])
      }${r.pick(["", ", 1", ", -3, 10", ", 10 ** 20"])})`,
    (r) =>
      `b = int(${r.pick(["97", "0", "256", "-1", "True", '"a"', "255"])} in ${
        r.pick(BYTES_TEXTS)
      })`,
    (r) =>
      `b = int(${r.pick(BYTES_TEXTS)}.${r.pick(["startswith", "endswith"])}(${
        r.pick(["97", "[97]", "(97,)"])
      }))`,
  ],
  "fromhex": [
    (r) =>
      `bs = bytes.fromhex(${
        r.pick([
          '"01\\u00a002"',
          '"01\\t02"',
          '"01\\n02"',
          '"01\\x0b02"',
          '"01\\x0c02"',
          '"01\\r02"',
          '"01\\x1c02"',
          '"01\\u300002"',
          '" 0a "',
          '"0 a"',
          '"0A0b"',
          '"01  02"',
          '"\\u0660\\u0661"',
          'b"01"',
          '"zz"',
          '"0x01"',
          "s",
          "bs.hex()",
        ])
      })`,
  ],
  "codecs": [
    (r) =>
      `bs = ${r.pick(CODEC_TEXTS)}.encode(${r.pick(CODECS)}${
        r.pick(["", ...ERROR_HANDLERS.map((e) => `, ${e}`)])
      })`,
    (r) =>
      `s = ${r.pick(ENCODED_TEXTS)}.decode(${r.pick(CODECS)}${
        r.pick(["", ...ERROR_HANDLERS.map((e) => `, ${e}`)])
      })`,
    (r) =>
      `s = str(${r.pick(ENCODED_TEXTS)}, ${r.pick(CODECS)}${
        r.pick(["", ...ERROR_HANDLERS.map((e) => `, ${e}`)])
      })`,
    (r) =>
      `s = str(${r.pick(ENCODED_TEXTS)}, ${
        r.pick([`errors=${r.pick(ERROR_HANDLERS)}`, `encoding=${r.pick(CODECS)}`])
      })`,
    (r) =>
      `bs = ${r.pick(CODEC_TEXTS)}.encode(${r.pick(["encoding=", "errors="])}${
        r.pick(['"ascii"', '"ignore"'])
      })`,
    (r) => `s = ${r.pick(ENCODED_TEXTS)}.decode(errors=${r.pick(ERROR_HANDLERS)})`,
    (r) =>
      `bs = (chr(${r.pick(["0xd800", "0xdc80", "0xdfff"])}) + "a").encode(${
        r.pick(['"utf-8"', '"latin-1"', '"cp1252"'])
      }, ${r.pick(ERROR_HANDLERS)})`,
    (r) =>
      `s = str(${r.pick(["1", "None", '[b"a"]', '"a"'])}, ${
        r.pick(['"utf-8"', 'errors="strict"'])
      })`,
  ],
  "pow": [
    (r) =>
      `a = pow(${r.pick(["3", "-3", "0", "1", "a", "b", "True", "2 ** 70 + 1", "10"])}, ${
        r.pick(["-1", "-2", "-3", "0", "5", "-(2 ** 70)", "b % 5"])
      }, ${r.pick(["7", "-7", "1", "-1", "0", "1000003", "2 ** 61 - 1", "4", "2 ** 64", "True"])})`,
    (r) =>
      `a = ${
        r.pick(["0 ** -1", "pow(0, -2)", "(-0) ** -3", "pow(0, -1, 5)", "0 ** 0", "pow(a, 2, 0)"])
      }`,
    (r) =>
      `a = pow(${
        r.pick([
          "base=3, exp=2",
          "3, exp=-1, mod=7",
          "base=2, exp=5, mod=None",
          "3, 2, None",
          "mod=5, base=2, exp=3",
        ])
      })`,
  ],
  "arity": [
    (r) =>
      `b = len(str(${
        r.pick([
          '(a % 256).to_bytes(2, "big", True)',
          '"1".isdigit(1)',
          "(5).bit_length(1)",
          '"ab".strip("a", "b")',
          "int(base=10)",
          'int("ff", base=16)',
          'int(x="1")',
          'int("1", 10, 2)',
          "sorted(xs, reverse=None)",
          "sorted(xs, True)",
          "sorted(iterable=xs)",
          "list(xs, xs)",
          "chr()",
          "ord(1, 2)",
          "ord()",
          "len()",
          "len(xs, xs)",
          "abs()",
          "abs(x=1)",
          "str(1, 2)",
          'str(b"a", "utf-8", "strict", 1)',
          'bytes(3, "x")',
          'bytes("a")',
          'bytes("a", "ascii")',
          "xs.sort(True)",
          "xs.sort(reverse=1)",
          "xs.index(1, 0, 5, 6)",
          "xs.append()",
          "xs.pop(0, 1)",
          "d.get()",
          "d.get(1, 2, 3)",
          "d.get(key=1)",
          "d.pop()",
          "d.setdefault()",
          "d.update(1)",
          "d.update(a=1)",
          "d.copy(1)",
          's.split(sep=" ")',
          "s.split(maxsplit=1)",
          's.replace("a")',
          's.replace("a", "b", count=1)',
          "s.startswith()",
          's.encode(encoding="utf-8")',
          'bs.decode(errors="strict")',
          "s.zfill()",
          'int.from_bytes(b"\\x01", byteorder="big")',
          'int.from_bytes(bytes=b"\\x01")',
          'int.from_bytes(b"\\x01", "big", True)',
          "(5).to_bytes()",
          '(5).to_bytes(length=1, byteorder="little")',
          "range()",
          "range(1, 2, 3, 4)",
          "range(stop=3)",
          "list(enumerate(xs, start=1))",
          "enumerate()",
          "min()",
          "max(1, 2, default=0)",
          "sum(xs, start=5)",
          "sum(xs, 1, 2)",
          "divmod(1)",
          "isinstance(1)",
          "hex()",
          "bool(1, 2)",
          "bool(x=1)",
          "tuple(xs, xs)",
          "dict(a=1)",
          "dict([(1, 2)], b=2)",
          "dict(xs, xs)",
          "all()",
          "any(xs, xs)",
          "reversed()",
          "list(reversed(xs, xs))",
          "list(zip(xs, strict=1))",
          "s.count()",
          's.find("a", 1, 2, 3)',
          "bs.hex(1, 2, 3)",
          "xs.copy(1)",
          "xs.clear(1)",
          "xs.reverse(1)",
          "xs.count()",
          "xs.remove()",
          "d.keys(1)",
          "d.items(1)",
          "s.isalpha(1)",
          "bs.strip(None, None)",
          "s.removeprefix()",
          'bytes.fromhex("00", "00")',
          "bytes.fromhex()",
          "pow(2)",
          "pow(2, 3, 4, 5)",
        ])
      }))`,
  ],
  "min-max-zip": [
    (r) =>
      `a = ${r.pick(["min", "max"])}(xs, key=None${
        r.pick(["", ", default=-5", ", default=None"])
      }) or 0`,
    (r) =>
      `a = ${r.pick(["min", "max"])}(${r.pick(["a, b", "a, b, 3", "[a]", "xs + [b]"])}, key=None)`,
    (r) =>
      `a = ${r.pick(["min", "max"])}(${r.pick(["[]", "range(0)", "xs", '""'])}, default=${
        r.pick(["0", "-1"])
      }${r.pick(["", ", key=None", ", key=1"])}) or 0`,
    (r) =>
      `a = ${r.pick(["min", "max"])}(${
        r.pick(["1, 2, default=0", "[], key=None", "a, key=1", "xs, 1, 2, key=None"])
      })`,
    (r) =>
      `xs = sorted(xs, key=None${
        r.pick(["", ", reverse=True", ", reverse=False", ", reverse=0"])
      })`,
    (r) => `xs.sort(key=None${r.pick(["", ", reverse=True"])})`,
    (r) =>
      `t = tuple(zip(${
        r.pick([
          "xs, xs",
          "xs, s",
          "xs, range(len(xs))",
          "xs",
          "",
          "xs, [1, 2]",
          "s, bs",
          "xs, xs, xs[:1]",
        ])
      }${r.pick([", strict=True", ", strict=False", ", strict=1", ", strict=None", ""])}))`.replace(
        "(, ",
        "(",
      ),
    () => `b = int(max([], default=None) is None) + int(min(xs, default=None) is None)`,
    (r) => `a = len(list(zip(xs, strict=True))) + len(list(enumerate(xs, ${r.small()})))`,
  ],
  "from-bytes": [
    (r) =>
      `a = int.from_bytes(${
        r.pick([
          "[256]",
          "[1, 2]",
          '"ab"',
          "(1, 255)",
          "bs",
          'b""',
          "range(3)",
          "[-1]",
          "[True]",
          "bytes(3)",
          "5",
          "[a % 256]",
          "xs[:2]",
          "d",
        ])
      }${r.pick(["", ', "big"', ', "little"', ', "BIG"', ', "middle"', ', byteorder="little"'])}${
        r.pick(["", ", signed=True", ", signed=False", ", signed=1"])
      })`,
    (r) =>
      `bs = (${
        r.pick(["a", "b", "-1", "0", "255", "-128", "128", "-129", "2 ** 64", "True"])
      }).to_bytes(${
        arguments_(
          r.pick(["", "0", "1", "2", "-1", "9"]),
          r.pick(["", '"big"', '"little"', 'byteorder="little"', '"x"']),
          r.pick(["", "signed=True", "signed=False"]),
        )
      })`,
  ],
  "huge-index": [
    (r) =>
      r.pick([
        "xs.insert(10 ** 30, 9)",
        "xs.insert(-(10 ** 30), 9)",
        "a = xs.pop(10 ** 25)",
        "a = xs.pop(-(2 ** 64))",
        "a = len(range(2 ** 63))",
        "a = len(range(-(2 ** 63), 2 ** 63))",
        "a = len(range(2 ** 62))",
        "a = xs[10 ** 20]",
        "a = xs[-(2 ** 64)]",
        "xs = xs[10 ** 20:]",
        "xs = xs[-(10 ** 20):10 ** 20]",
        "s = s[:2 ** 64]",
        "bs = bs[2 ** 64:-(2 ** 64):-1]",
        "a = xs.index(1, 10 ** 30)",
        "a = xs.index(1, -(10 ** 30))",
        'a = s.find("a", 10 ** 30)',
        'a = s.count("", -(10 ** 30), 10 ** 30)',
        "del xs[2 ** 64]",
        "xs[2 ** 64] = 1",
        "xs = xs * 10 ** 20",
        "s = s * (2 ** 63)",
        "bs = bs * -(2 ** 64)",
        "xs = [] * 2 ** 64",
        '(-1).to_bytes(0, "big", signed=True)',
        'bs = (0).to_bytes(0, "big")',
        'bs = (-1).to_bytes(1, "big", signed=True)',
        'bs = (-128).to_bytes(1, "little", signed=True)',
        'bs = (128).to_bytes(1, "big", signed=True)',
        "xs = xs[1:2:2 ** 64]",
        "a = range(10)[2 ** 64]",
        "xs = xs[::0]",
        "bs = bytes(2 ** 64)",
        "bs = bytes(-1)",
        "s = chr(2 ** 64)",
        "s = chr(-1)",
        "s = chr(True)",
        'a = ord("ab"[True])',
        "xs[1:1] = range(2)",
        "xs[10 ** 20:] = [1]",
        "del xs[-(10 ** 20):]",
        "a = (1, 2)[2 ** 100]",
        "a = b'x'[-(2 ** 70)]",
        "bs = b'abc'[2 ** 64:]",
        "xs = list(range(2 ** 64, 2 ** 64 + 3))",
        "a = range(2 ** 64, 2 ** 65)[2 ** 63]",
      ]),
  ],
  "ranges": [
    (r) =>
      `s = str(range(${
        r.pick(["0, 20, 3", "10", "5, -5, -2", "2 ** 64", "-3, 3", "0", "1, 2", "a % 9, b % 9"])
      })[${
        r.pick(["1:5", "::-1", "::2", "-3:", "5:1", "1:5:-1", "::-3", ":0", "10 ** 20:", ":-1"])
      }])`,
    (r) =>
      `a = range(${
        r.pick(["0, 20, 3", "10", "5, -5, -2", "2 ** 64", "-3, 3", "0", "2 ** 100, 2 ** 101, 7"])
      })[${r.pick(["0", "5", "-1", "2", "-7", "10"])}]`,
    (r) =>
      `b = int(range(${
        r.pick(["0", "5, 5", "0, 3", "0, 3, 5", "1", "0, 1", "2, -2", "0, 4, 3", "0, 5, 3"])
      }) ${r.pick(["==", "!="])} range(${
        r.pick(["0", "5, 5", "0, 1", "0, 3", "0, 6, 3", "2, -2, -1"])
      }))`,
    // A needle that is not an int makes CPython scan the range: only small ranges get one.
    (r) =>
      `a = range(${r.pick(["0, 20, 3", "10", "5, -5, -2"])}).${r.pick(["index", "count"])}(${
        r.pick(["3", "6", "-1", "9", "True", '"a"', "None"])
      })`,
    (r) =>
      `a = range(${r.pick(["2 ** 64", "-(2 ** 70), 2 ** 70, 3"])}).${r.pick(["index", "count"])}(${
        r.pick(["3", "-1", "True", "2 ** 63", "-(2 ** 64)"])
      })`,
    (r) =>
      `e = {range(0): 1, range(5, 5): 2, range(0, 3): 3, range(0, 4, 3): 4}\na = len(e) + e.get(range(${
        r.pick(["0", "1, 1", "0, 3", "0, 6, 3"])
      }), 0)`,
    (r) => `b = int(range(${r.pick(["3", "0, 3", "1"])}) in [range(0, 3), range(1)])`,
    (r) => `t = tuple(reversed(range(${r.pick(["0, 20, 3", "5, -5, -2", "0", "a % 6"])})))`,
    (r) =>
      `b = int(${r.pick(["2 ** 64", "-1", "3", "True", '"3"', "None", "6"])} in range(${
        r.pick(["0, 20, 3", "-5, 5"])
      }))`,
    (r) =>
      `b = int(${r.pick(["2 ** 64", "-1", "3", "True", "False"])} in range(${
        r.pick(["2 ** 65", "1, 2 ** 64, 2"])
      }))`,
    (r) =>
      r.pick([
        "xs = list(range(1, 5, 0))",
        'xs = list(range("a"))',
        "xs = list(range(True, 5))",
        "b = int(range(3) < range(4))",
        "a = min(range(0))",
        "a = max(range(5, 0, -2))",
        "xs = list(range(0, 10)[::0])",
        "xs = sorted(range(5), reverse=True)",
        "a = len(range(5, 2 ** 64)[5:])",
        "a = sum(range(10)[::3])",
        "s = str(range(3)) + str(range(1, 2, 1)) + str(range(0, -4, -1))",
        "t = (range(3) == [0, 1, 2], range(0) == (), range(2)[1:] == range(1, 2))",
        "a = len(range(10)[2:8:3])",
        "a = list(range(2 ** 64)[5::2 ** 62])[2]",
        "xs = xs + list(range(3)[::-1])",
      ]),
  ],
  "live-views": [
    (r) => `ks = d.keys()\nd[${r.key()}] = 7\na = len(ks) + len(list(ks))`,
    () => `vs = d.values()\nd.clear()\na = len(list(vs))`,
    (r) => `its = d.items()\nd[${r.key()}] = 3\nxs = sorted([v for k, v in its])`,
    (r) => `for k in d:\n    d[${r.key()}] = 1`,
    () => `for k in d:\n    del d[k]`,
    () => `for k in d.keys():\n    d.pop(k)`,
    () => `for k, v in d.items():\n    d[k] = v + 1`,
    () => `for v in d.values():\n    d.clear()`,
    (r) => `for k in d:\n    d.pop(k)\n    d[${r.key()}] = 1`,
    (r) =>
      `it = reversed(xs)\n${
        r.pick([
          "xs.pop()",
          "xs.clear()",
          "xs.sort()",
          "xs.append(5)",
          "xs.insert(0, 4)",
          "xs.reverse()",
          "del xs[0]",
        ])
      }\nxs = list(it)`,
    (r) =>
      `e = enumerate(xs)\n${
        r.pick(["xs.append(1)", "xs.clear()", "xs.pop()"])
      }\nxs = [i for i, v in e]`,
    (r) =>
      `z = zip(xs, xs)\n${
        r.pick(["xs.append(1)", "xs.clear()", "xs.pop(0)"])
      }\nxs = [p for p, q in z]`,
    () => `for x in xs:\n    if len(xs) < 8:\n        xs.append(x)`,
    () => `for x in xs:\n    xs.remove(x)`,
    () =>
      `vs = d.values()\nb = int(vs == vs) + int(d.values() == d.values()) * 2 + int(d.items() == d.items()) * 4`,
    (r) => `ks = d.keys()\nd2 = dict(d)\nd[${r.key()}] = 0\nb = int(ks == d2.keys())`,
    () => `it = reversed(xs)\nfor x in it:\n    if xs:\n        xs.pop(0)`,
  ],
  "comprehension-scope": [
    () => `xs = [x for x in range(3) if yy for yy in range(2)]`,
    (r) => `xs = [w for w in range(${r.pick(["3", "0"])}) if w > late]\nlate = 1`,
    () => `x = 5\nxs = [x for x in range(3)]\na = x`,
    () => `xs = [x for x in xs for x in range(x % 3)]`,
    () => `xs = [a for a in range(3)]`,
    () => `xs = [len([q for q in range(i)]) for i in range(3)]`,
    () => `xs = [i for i in range(3) if i in [i for i in range(2)]]`,
    () => `xs = [j2 * k2 for j2 in range(3) for k2 in range(j2)]`,
    () => `a = sum([c2 for c2 in xs if c2 > a])`,
    () => `xs = [n2 for n2 in range(n2)]\nn2 = 2`,
    () => `xs = [m for m in range(2) for m in range(m + 1)]`,
    () => `xs = [late2 for _ in range(2)]\nlate2 = 3`,
  ],
  "dict-views": [
    (r) =>
      `d |= ${
        r.pick([
          `[(${r.key()}, 1), (${r.key()}, 2)]`,
          `{${r.key()}: 5}`,
          "[1]",
          '["ab"]',
          "5",
          "[(1, 2, 3)]",
          "d",
          "{}",
          "[]",
          `((${r.key()}, 8),)`,
        ])
      }`,
    (r) => `e = d | ${r.pick([`{${r.key()}: 1}`, "[(1, 2)]", "d", "{}"])}\na = len(e)`,
    (r) =>
      `b = int(${r.pick(["d.keys()", "d.items()", `{${r.key()}: 1}.keys()`])} ${
        r.pick(["==", "!=", "<=", "<", ">=", ">"])
      } ${
        r.pick([
          "d.items()",
          "d.keys()",
          `{${r.key()}: 1, ${r.key()}: 2}.keys()`,
          "{1: 3}.items()",
          "[(1, 1)]",
          "{}.keys()",
        ])
      })`,
    (r) =>
      `a = len(d.${r.pick(["keys", "items"])}() ${r.pick(["&", "|", "-", "^"])} ${
        r.pick([
          `[${r.key()}, ${r.key()}]`,
          "{0: 1}.keys()",
          '"ab"',
          `[(${r.key()}, 1)]`,
          "d.values()",
          "5",
        ])
      })`,
    (r) =>
      `b = int(${r.pick([`(${r.key()}, 1)`, r.key(), "([], 1)", "[1, 2]", "(1,)"])} in d.items())`,
    () => `b = int([] in d.keys())`,
    () => `b = int([] in d)`,
    (r) => `a = len(d.values() ${r.pick(["&", "|"])} [1])`,
    (r) =>
      `e = dict(d)\ne.update(${r.pick(["d.items()", "[[1, 2]]", '["xy"]', "[(1,)]"])})\na = len(e)`,
  ],
  "printf": [
    (r) =>
      `s = ${
        r.pick([
          '"%(a)s %s" % {"a": 1}',
          '"%5%" % ()',
          '"%-5%|" % ()',
          '"%s" % ()',
          '"%s %s" % (1,)',
          '"%s" % (1, 2)',
          '"%(a)s" % (1,)',
          '"%(a)s" % {"b": 1}',
          '"%d" % "x"',
          '"%d" % True',
          '"%x" % -255',
          '"%#X|%#o|%#x" % (255, 8, 0)',
          '"%c" % 1114112',
          '"%c" % "ab"',
          '"%c" % "\\u00e9"',
          '"%r|%a" % ("\\u00e9", "\\u00e9")',
          '"%a" % (b"\\xff",)',
          '"%5.2s|" % "abc"',
          '"%*d" % (5, 3)',
          '"%-*d|" % (4, 7)',
          '"%.*d" % (3, 5)',
          '"%i|%u" % (-3, 4)',
          '"%05.3d" % -7',
          '"% d" % 5',
          '"%+x" % 10',
          '"%d" % 2 ** 70',
          '"%z" % 1',
          '"%" % ()',
          '"%(a)" % {"a": 1}',
          '"%s" % [1, 2]',
          '"%s" % {"a": 1}',
          '"%(a)s" % {"a": b"x"}',
          '"%s" % b"ab"',
          '"%(a)s %(a)r" % {"a": "\'"}',
          '"%d%%" % 5',
          '"%.0s|" % 7',
          '"%x" % "a"',
          '"%o" % -8',
          '"%3c|" % 65',
          '"%()s" % {"": 1}',
          '"%(a)*d" % {"a": 1}',
          '"%s" % (1,) * 2',
          '"%s" % None',
          '"%-3d|%3s|" % (True, False)',
          '"%#5x|%-#6o|" % (26, 8)',
          '"%.3x|%+.2d" % (-5, 0)',
          '"%s" % ((1, 2),)',
        ])
      }`,
    (r) =>
      `bs = ${
        r.pick([
          'b"%s|%d" % (b"x", 3)',
          'b"%(k)s" % {b"k": b"v"}',
          'b"%(k)s" % {"k": b"v"}',
          'b"%s" % "x"',
          'b"%r" % b"x"',
          'b"%a" % "\\u00e9"',
          'b"%c" % 65',
          'b"%c" % b"A"',
          'b"%c" % 256',
          'b"%x|%X" % (255, 255)',
          'b"%5%" % ()',
          'b"%s" % (bs,)',
          'b"%b" % b"y"',
          'b"%s" % 5',
          'b"%(a)d %d" % {b"a": 1}',
          'b"%i" % -2',
          'b"%.1s|" % b"xy"',
        ])
      }`,
    () => `s = "%d-%s-%x" % (a, s[:3], b % 4096)`,
  ],
  "isinstance-nested": [
    (r) =>
      `b = int(isinstance(${r.pick(["a", "s", "bs", "xs", "t", "d", "None", "True", "5"])}, ${
        r.pick(TYPE_SPECS)
      }))`,
  ],
  "self-reference": [
    (r) => `ys = [${r.int(1)} % 9]\nys.append(ys)\ns = str(ys)`,
    () =>
      `ys = [1]\nys.append(ys)\nb = int(ys == ys) + int(ys in ys) * 2 + ys.count(ys) * 4 + ys.index(ys) * 8`,
    () => `ys = [1]\nys.append(ys)\nzs = [1]\nzs.append(zs)\nb = int(ys == zs)`,
    () => `ys = [1]\nys.append(ys)\nb = int(ys < [1, [1, 2]])`,
    () => `e = {}\ne[1] = e\ns = str(e)`,
    () => `ys = []\nys.append((ys,))\ns = str(ys)`,
    () => `ys = [1]\nys.append(ys)\na = len(str(ys * 2))`,
    () => `ys = [1]\nys.append(ys)\na = ys.index([1, ys])`,
    () => `e = {}\ne["k"] = [e, (e,)]\ns = str(e) + str(list(e.values()))`,
    (r) =>
      `zs = []\nws = []\nfor q in range(${r.pick(["10", "200", "3000"])}):\n    zs = ${
        r.pick(["[zs]", "(zs,)", "{1: zs}", "[1, zs]"])
      }\n    ws = ${r.pick(["[ws]", "(ws,)", "{1: ws}", "[1, ws]"])}\n${
        r.pick([
          "b = int(zs == ws)",
          "a = len(str(zs))",
          "b = int(zs < ws)",
          "a = len(str([zs]))",
          "b = int(zs in [ws])",
        ])
      }`,
  ],
  "surrogates": [
    (r) =>
      `s = chr(${r.pick(["0xd800", "0xd83d", "0xdbff"])}) + chr(${
        r.pick(["0xdc00", "0xde00", "0xdfff"])
      })\na = len(s)`,
    () => `b = int("\\ud83d" in "x\\U0001f600y") + int(chr(0xde00) in "\\U0001f600") * 2`,
    () => `b = int((chr(55357) + chr(56832)) == "\\U0001f600")`,
    (r) =>
      `a = ${r.pick(['"x\\U0001f600y"', "s"])}.${r.pick(["find", "rfind", "count"])}(chr(${
        r.pick(["56832", "55357"])
      }))`,
    (r) => `a = ord((chr(0xd83d) + chr(0xde00))[${r.small()}])`,
    () => `s = (chr(0xd83d) + chr(0xde00))[::-1]`,
    (r) =>
      `s = str([chr(${
        r.pick([
          "0xd800",
          "0x85",
          "0xad",
          "0x200b",
          "0xe000",
          "0x1f600",
          "0x7f",
          "0xa0",
          "0x3000",
          "0x10ffff",
          "0xe0001",
          "0x378",
        ])
      })])`,
    () =>
      `xs = [len(v) for v in sorted([chr(0xd800), "\\U0001f600", chr(0xe000), chr(0xdc00) + "a"])]`,
    () => `t = tuple(sorted([chr(0xd800), "\\U0001f600", chr(0xe000), chr(0xdc00) + "a"]))`,
    () => `b = int(chr(0xdbff) + chr(0xdfff) < "\\U0010ffff") + int("\\U0001f600" < "\\uffff") * 2`,
    () => `s = (chr(0xd800) * 3)[1:]`,
    () =>
      `a = (chr(0xd83d) + chr(0xde00)).count(chr(0xde00)) + len("".join([chr(0xd83d), chr(0xde00)]))`,
    () => `s = "a\\U0001f600".replace(chr(0xde00), "x")`,
    () => `t = tuple((chr(0xd83d) + chr(0xde00) + "b").split(chr(0xde00)))`,
    () => `s = "\\ud800"\na = len(s + "\\udc00")`,
    () => `bs = (chr(0xd83d) + chr(0xde00)).encode()`,
    () => `bs = "\\U0001f600"[0].encode()`,
    () => `b = int((chr(0xd83d) + chr(0xde00)).isalpha()) + int(chr(0xd800).isalnum())`,
    () => `a = len("\\U0001f600"[:1]) + len(str(chr(0xd800)))`,
    (r) => `s = chr(${r.pick(["0xd800", "0xdc00"])}).${r.pick(["upper", "lower", "strip"])}()`,
  ],
  "case-mapping": [
    (r) => `s = chr(${r.pick(CASE_CODE_POINTS)}).${r.pick(["upper", "lower"])}()`,
    (r) => `a = len(chr(${r.pick(CASE_CODE_POINTS)}).${r.pick(["upper", "lower"])}())`,
    (r) =>
      `s = ${
        r.pick([
          '"\\u0391\\u03a3"',
          '"\\u03a3"',
          '"A\\u03a3b"',
          '"\\u0391\\u03a3 x"',
          '"\\u0391\\u03a3\\u0391"',
          '"a\\u03a3."',
        ])
      }.lower()`,
    (r) =>
      `s = ${
        r.pick([
          '"\\u00df"',
          '"\\ufb03"',
          '"\\u0149"',
          '"\\u0130"',
          '"stra\\u00dfe"',
          '"\\u01c5"',
          "s",
        ])
      }.${r.pick(["upper", "lower"])}()`,
    (r) => `s = chr((${r.int(1)}) % 1114112).${r.pick(["upper", "lower"])}()`,
    (r) =>
      `b = int(chr(${
        r.pick([...CASE_CODE_POINTS, "0x2160", "0x3007", "0x1d7ce", "0x10fffd", "0x11f50"])
      }).${r.pick(["isalpha", "isdigit", "isalnum"])}())`,
    (r) => `bs = ${r.pick(['b"\\xdf\\xe9aZ"', "bs"])}.${r.pick(["upper", "lower"])}()`,
  ],
  "evaluation-order": [
    () => `ys = []\ne = {grow(ys, 1): grow(ys, 2), grow(ys, 3): grow(ys, 4)}\nxs = ys + list(e)`,
    () => `ys = [0, 0, 0]\nys[grow(ys, 1) % 3] = grow(ys, 2)\nxs = ys`,
    () => `ys = [1, 2]\nys[len(ys) - 1] += grow(ys, 5)\nxs = ys`,
    () => `a = scale(grow(xs, 1), offset=grow(xs, 2))`,
    () => `b = pick(grow(xs, 1) > 0, grow(xs, 2), grow(xs, 3))`,
    () => `a = grow(xs, 1) + grow(xs, 2) * grow(xs, 3)`,
    () => `b = int(grow(xs, 1) < grow(xs, 2) < grow(xs, 3))`,
    () => `d[grow(xs, 1)] = grow(xs, 2)`,
    () => `xs[grow(xs, 7) % 3:] = [grow(xs, 8)]`,
    () => `a, b = grow(xs, 1), grow(xs, 2)`,
    () => `ys = [0, 0]\nys[0], ys[grow(ys, 9) % 2] = grow(ys, 1), grow(ys, 2)\nxs = ys`,
    (r) =>
      r.pick([
        "d[1 // 0] = xs[100]",
        "d[[]] = 1 // 0",
        "xs[100] += 1 // 0",
        "e = {[]: 1 // 0}",
        "e = {1 // 0: []}",
        "a = (1 // 0) < d[[]]",
        "a = d.get([], 1 // 0)",
        "a = pow(1 // 0, xs[100])",
        "assert xs[100], 1 // 0",
        "assert False, 1 // 0",
        "a = scale(1 // 0, offset=xs[100])",
        "a = [xs[100], 1 // 0][0]",
        "xs[1 // 0] = d[[]]",
        "del d[[]][1 // 0]",
        "a = xs[100][1 // 0]",
        "a, b = 1 // 0",
        "a, b = [1, 2, 3]",
        "a, b = xs[100], 1 // 0",
        "a = xs[100] if 1 // 0 else 0",
        "b = int(1 // 0 in d[[]])",
      ]),
  ],
};

/** One statement of `family`; with `tag`, every line ends in a comment naming the family. */
export function familyStatement(family: Family, draw: FamilyDraws, tag: boolean): string {
  const text = draw.pick(STATEMENTS[family])(draw);
  return tag ? text.split("\n").map((line) => `${line}  # family:${family}`).join("\n") : text;
}
