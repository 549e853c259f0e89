/**
 * The call shapes of the str and bytes method sweep
 * (tests/conformance_text_methods_test.ts): every method of both types,
 * on receivers that are empty, ASCII, whitespace-heavy, non-ASCII and
 * line-broken, with arguments of the right and wrong types, None,
 * negative and huge ints (beyond a C int and a C ssize_t), empty
 * separators and keyword forms. Each shape is one expression, written as
 * Python source; its family is the issue-10 family it sweeps.
 */

/** One generated call: a Python expression and the family it belongs to. */
export interface TextShape {
  readonly family: "split" | "hex" | "methods" | "search";
  readonly expr: string;
}

const STR_RECEIVERS = [
  '""',
  '"abc"',
  '"a b  "',
  '"  a\\tb \\n c  "',
  '"Hello World"',
  '"hello world"',
  '"HELLO"',
  '"aBc1_"',
  '"é ß x"',
  '"\\u00a0x\\u3000y\\x1c"',
  '"a\\u2028b\\x85c\\x1cd\\x1de\\x1ef\\x0bg\\x0ch"',
  '"a\\rb\\r\\nc\\nd\\n"',
  '"x\\ty\\tzz\\n\\tw"',
  '"-42"',
  '"+7"',
  '"\\u01c5ungla Title"',
  '"Abc Def"',
  '"123"',
  '"\\u00bd\\u00b2\\u0663"',
  '"_id1"',
  '"1id"',
  '"a,b,,c"',
  '"aaaa"',
  '"ab\\x7f"',
  '"a\\ud800\\tB\\U0001F600 \\udfffc\\u03a3"',
];

const BYTES_RECEIVERS = [
  'b""',
  'b"abc"',
  'b"a b  "',
  'b"  a\\tb \\n\\x0b\\x0c c  "',
  'b"Hello World"',
  'b"hello world"',
  'b"HELLO"',
  'b"aBc1_"',
  'b"a\\x85b\\xa0c\\x1cd"',
  'b"a\\rb\\r\\nc\\nd\\n"',
  'b"x\\ty\\tzz\\n\\tw"',
  'b"-42"',
  'b"+7"',
  'b"Abc Def"',
  'b"123"',
  'b"a,b,,c"',
  'b"aaaa"',
  'b"\\xff\\x00\\x80"',
];

/** Arguments of every kind a text method might be handed. */
const ANY = [
  "None",
  '""',
  '" "',
  '","',
  '"a"',
  '"aa"',
  '"é"',
  'b""',
  'b","',
  'b"a"',
  'b"aa"',
  "0",
  "1",
  "-1",
  "97",
  "256",
  "10**30",
  "True",
  "[1]",
];

/** Int-like arguments: counts, widths, indices (none so large that CPython would allocate it). */
const INTS = ["None", "0", "1", "2", "-1", "-3", "7", "10**30", "-10**30", "2**63", "True", '"3"'];

/** Fill characters of center, ljust, rjust. */
const FILLS = [
  '" "',
  '"*"',
  '""',
  '"ab"',
  '"é"',
  '"\\ud800"',
  '"\\U0001F600"',
  '"\\ud83d\\ude00"',
  'b"*"',
  'b""',
  'b"**"',
  "None",
  "42",
];

/** Start and end bounds of the search methods. */
const BOUNDS = [
  "None",
  "0",
  "1",
  "-1",
  "-2",
  "3",
  "100",
  "-100",
  "10**30",
  "-10**30",
  "True",
  '"1"',
];

function calls(receivers: readonly string[], method: string, argLists: readonly string[][]) {
  return receivers.flatMap((receiver) =>
    argLists.map((args) => `${receiver}.${method}(${args.join(", ")})`)
  );
}

const one = (pool: readonly string[]) => pool.map((arg) => [arg]);
const pairs = (a: readonly string[], b: readonly string[]) =>
  a.flatMap((x) => b.map((y) => [x, y]));

const ALL_RECEIVERS = [...STR_RECEIVERS, ...BYTES_RECEIVERS];
/** A few receivers of each kind, for the shapes with many argument combinations. */
const FEW_RECEIVERS = [
  '""',
  '"a b  "',
  '"  a\\tb \\n c  "',
  '"a,b,,c"',
  '"é ß x"',
  'b""',
  'b"a b  "',
  'b"  a\\tb \\n\\x0b\\x0c c  "',
  'b"a,b,,c"',
];

function splitShapes(): string[] {
  const seps = ["None", '" "', '","', '"a"', '"b  "', '""', 'b" "', 'b","', 'b"a"', 'b""', "1"];
  const counts = ["-1", "0", "1", "2", "5", "-5", "10**30", "-10**30", "True", "None", '"1"'];
  const argLists = [
    [],
    ...one(seps),
    ...pairs(seps, counts),
    ["maxsplit=1"],
    [
      "None",
      "maxsplit=1",
    ],
    ['sep=","'],
    ["sep=None", "maxsplit=0"],
    ["x=1"],
    ["None", "1", "2"],
  ];
  const strips = [[], ...one(["None", '" "', '"a "', '""', 'b" "', 'b"a "', "1"]), ["chars=None"]];
  const keepends = [[], ...one(["True", "False", "0", "2", "None", '"x"', "10**30", "2**31"]), [
    "keepends=True",
  ]];
  return [
    ...calls(FEW_RECEIVERS, "split", argLists),
    ...calls(FEW_RECEIVERS, "rsplit", argLists),
    ...calls(ALL_RECEIVERS, "split", [[], ["None", "1"], ['","'], ['" ", 1']]),
    ...calls(ALL_RECEIVERS, "rsplit", [[], ["None", "1"], ['","'], ['" ", 1']]),
    ...calls(ALL_RECEIVERS, "strip", strips),
    ...calls(ALL_RECEIVERS, "lstrip", strips),
    ...calls(ALL_RECEIVERS, "rstrip", strips),
    ...calls(ALL_RECEIVERS, "splitlines", keepends),
    ...calls(ALL_RECEIVERS, "isspace", [[]]),
  ];
}

function hexShapes(): string[] {
  const seps = [
    '":"',
    '""',
    '"::"',
    '"é"',
    '"\\x7f"',
    'b"-"',
    'b""',
    'b"\\xff"',
    "None",
    "1",
    "[1]",
  ];
  const per = [
    "0",
    "1",
    "2",
    "3",
    "-1",
    "-2",
    "-4",
    "7",
    "-7",
    "2**31",
    "-2**31",
    "2**31 - 1",
    "10**30",
    "True",
    "None",
    '"x"',
  ];
  const receivers = [
    'b""',
    'b"a"',
    'b"\\x01\\x02"',
    'b"abcde"',
    'b"\\x00\\xff\\x10\\x20\\x30\\x40"',
  ];
  const fromhex = [
    '"01\\u00a002"',
    '"0 1"',
    '"01 "',
    '"  01"',
    '"0"',
    '"012"',
    '"01\\x0b02\\t\\n\\r\\x0c03"',
    '"\\u00a0"',
    '"zz"',
    '"0z"',
    '"1\\U0001F600"',
    '"\\U0001F600"',
    '"\\ud800"',
    '"AbCd eF"',
    '"\\u3000"',
    '"01\\x1c02"',
    '""',
    'b"01"',
    "None",
    "1",
  ];
  return [
    ...calls(receivers, "hex", [
      [],
      ...one(seps),
      ...pairs(seps, per),
      ...one(per).map(([p]) => [`bytes_per_sep=${p}`]),
      ['sep=":"'],
      ['sep=":"', "bytes_per_sep=2"],
      ['":"', "bytes_per_sep=-2"],
      ['":"', "2", "3"],
    ]),
    ...fromhex.map((text) => `bytes.fromhex(${text})`),
  ];
}

function methodShapes(): string[] {
  const noArgs = [
    "isalnum",
    "isalpha",
    "isdigit",
    "isascii",
    "islower",
    "isupper",
    "istitle",
    "isdecimal",
    "isnumeric",
    "isprintable",
    "isidentifier",
    "upper",
    "lower",
    "capitalize",
    "title",
    "swapcase",
    "casefold",
  ];
  return [
    ...noArgs.flatMap((name) => [
      ...calls(ALL_RECEIVERS, name, [[]]),
      ...calls(['"a"', 'b"a"'], name, [["1"]]),
    ]),
    ...["center", "ljust", "rjust"].flatMap((name) => [
      ...calls(ALL_RECEIVERS, name, [[], ...one(INTS), ["8", '"*"'], ["9", 'b"*"']]),
      ...calls(FEW_RECEIVERS, name, pairs(["9", "10**30", "None"], FILLS)),
    ]),
    ...calls(ALL_RECEIVERS, "zfill", [[], ...one(INTS), ["width=3"]]),
    ...calls(ALL_RECEIVERS, "expandtabs", [[], ...one(INTS), ["tabsize=3"], ["4", "5"]]),
    ...["partition", "rpartition", "removeprefix", "removesuffix"].flatMap((name) => [
      ...calls(FEW_RECEIVERS, name, [[], ...one(ANY)]),
      ...calls(ALL_RECEIVERS, name, [['"a"'], ['b"a"'], ['" "'], ['b" "']]),
    ]),
    ...calls(FEW_RECEIVERS, "replace", [
      ...pairs(['"a"', '""', 'b"a"', 'b""', "1"], ['"X"', 'b"X"', '""']),
      ...INTS.map((count) => ['"a"', '"X"', count]),
      ...INTS.map((count) => ['b"a"', 'b"X"', count]),
    ]),
    ...calls(ALL_RECEIVERS, "join", [
      ['["x", "y"]'],
      ['[b"x", b"y"]'],
      ['["x", 1]'],
      ["[]"],
      ['"xy"'],
      ['b"xy"'],
    ]),
  ];
}

function translateShapes(): string[] {
  const strTables = [
    '{97: "xy", 98: None, 99: 100}',
    "{97: 0x110000}",
    "{97: -1}",
    '{97: b"x"}',
    "{97: True}",
    "None",
    "[120, 121]",
    '"xyz" * 40',
    'b"x" * 100',
    "5",
    '{"a": "x"}',
    "range(200)",
    "[[1]] * 100",
    'str.maketrans("ab", "cd", "c")',
    'str.maketrans({"a": "é", 32: None})',
    '{101: "", 120: "\\U0001F600"}',
  ];
  const makeStr = [
    '{"a": "b", 98: None}',
    '{"ab": 1}',
    "{(1,): 1}",
    '"ab"',
    '"ab", "cd"',
    '"ab", "c"',
    '"ab", "cd", "e"',
    '1, "cd"',
    '"ab", 1',
    '"ab", "cd", 1',
    "{True: 1}",
    '{True: 1, "\\x01": 2}',
    "{}",
    "",
    '"\\U0001F600", "x"',
    '"ab", "cd", "e", "f"',
    "x={}",
  ];
  const bytesTables = [
    "None",
    "bytes(range(256))[::-1]",
    'b"x"',
    '"x" * 256',
    'bytes.maketrans(b"ab", b"cd")',
    "[0] * 256",
  ];
  const deletes = ['b"b"', '"b"', 'b""', "None", 'delete=b"a"', 'delete=b"abc"'];
  const makeBytes = [
    'b"ab", b"cd"',
    'b"ab", b"c"',
    '"ab", b"cd"',
    'b"", b""',
    'b"ab"',
    'frm=b"a", to=b"b"',
  ];
  return [
    ...calls(FEW_RECEIVERS, "translate", [[], ["table={}"], ...one(strTables)]),
    ...calls(['"abc"', 'b"abc"'], "translate", [["{}", "{}"]]),
    ...calls(['b""', 'b"abc"', 'b"  a b\\xff"'], "translate", pairs(bytesTables, deletes)),
    ...makeStr.map((args) => `str.maketrans(${args})`),
    ...makeBytes.map((args) => `bytes.maketrans(${args})`),
    ...makeBytes.map((args) => `b"hello".translate(bytes.maketrans(${args}))`),
  ];
}

function searchShapes(): string[] {
  const methods = ["find", "rfind", "index", "rindex", "count", "startswith", "endswith"];
  const needles = [
    ...ANY,
    '("a", "b")',
    '(b"a", b"b")',
    "()",
    "98",
    "-5",
    "255",
    // A tuple's items are checked lazily, up to the first match.
    '("a", 1)',
    '(1, "a")',
    '(b"a", 1)',
    '("zz", b"a")',
    '(b"zz", "a")',
    '("", 1)',
  ];
  const windows = [
    ...BOUNDS.map((start) => [start]),
    ...pairs(["None", "0", "-2", "3", "-100", "10**30", "True"], [
      "None",
      "-1",
      "2",
      "10**30",
      "-10**30",
    ]),
  ];
  const receivers = ['""', '"abcab"', '"é ab é"', 'b""', 'b"abcab"', 'b"\\x00\\xffab"'];
  const byNeedle = methods.flatMap((name) => calls(FEW_RECEIVERS, name, one(needles)));
  const byWindow = methods.flatMap((name) =>
    receivers.flatMap((receiver) => {
      const needles = receiver.startsWith("b")
        ? ['b"a"', ...(name.endsWith("swith") ? ['(b"x", b"a")'] : ["98"]), 'b""']
        : ['"a"', '""'];
      return calls(
        [receiver],
        name,
        needles.flatMap((needle) => windows.map((w) => [needle, ...w])),
      );
    })
  );
  const contains = [...ALL_RECEIVERS.slice(0, 6), ...BYTES_RECEIVERS].flatMap((receiver) =>
    needles.map((needle) => `${needle} in ${receiver}`)
  );
  return [
    ...byNeedle,
    ...byWindow,
    ...contains,
    ...methods.map((name) => `b"abc".${name}(sub=b"a")`),
  ];
}

/** The issue's examples of the families swept here, with their CPython results checked too. */
export const ISSUE_EXAMPLES: readonly TextShape[] = [
  { family: "split", expr: '"a b  ".split(None, 1)' },
  { family: "split", expr: 'b"a\\x85b".split()' },
  { family: "hex", expr: 'b"\\x01\\x02".hex(":")' },
  { family: "methods", expr: 'b"123".isdigit()' },
  { family: "methods", expr: 'b"7".zfill(3)' },
  { family: "search", expr: 'b"abcab".find(98)' },
  { family: "search", expr: 'b"abcab".find(256)' },
  { family: "hex", expr: 'bytes.fromhex("01\\u00a002")' },
];

/** Edge cases of the families, written out: boundaries of CPython's rules the generated shapes miss. */
const EDGE_CASES: readonly TextShape[] = [
  { family: "split", expr: '"aaa".rsplit("aa")' },
  { family: "split", expr: '"aaaa".rsplit("aa", 1)' },
  { family: "split", expr: '"abcabc".rsplit("bc", -1)' },
  { family: "split", expr: '"  a b c  ".rsplit(None, 1)' },
  { family: "split", expr: '"  a b c  ".rsplit(maxsplit=0)' },
  { family: "split", expr: '"  a b c  ".split(maxsplit=0)' },
  { family: "split", expr: '"  ".split()' },
  { family: "methods", expr: '"-".zfill(3)' },
  { family: "methods", expr: '"+".zfill(3)' },
  { family: "methods", expr: 'b"-".zfill(3)' },
  { family: "methods", expr: '"abc".center(7, "\u00e9")' },
  { family: "methods", expr: '"a\\tb\\r\\tc".expandtabs(3)' },
  { family: "methods", expr: '"\\t\\n\\t".expandtabs(0)' },
  { family: "methods", expr: '"abcbc".rpartition("bc")' },
  { family: "methods", expr: '"class".isidentifier()' },
  { family: "methods", expr: '"\\u00b2".isdecimal()' },
  { family: "methods", expr: '"\\u2167".isnumeric()' },
  { family: "methods", expr: '"\\x7f".isprintable()' },
  { family: "methods", expr: '"\\u01c4a".istitle()' },
  { family: "methods", expr: '"A\\u01c5".istitle()' },
  { family: "methods", expr: '"\\u01c5".isupper()' },
  { family: "methods", expr: '"\\u03a3\\u0391\\u03a3".isupper()' },
  { family: "methods", expr: '"\\u1f88".istitle()' },
  { family: "methods", expr: 'b"".isascii()' },
  { family: "methods", expr: 'b"aBC dEF".swapcase()' },
  { family: "methods", expr: 'b"a1b2".title()' },
  { family: "methods", expr: 'b"ab\\xffcd".title()' },
  { family: "search", expr: '300 in b"abc"' },
  { family: "search", expr: 'True in b"\\x01"' },
  { family: "search", expr: 'b"abc".rindex(98, 0, 1)' },
  { family: "search", expr: '"abc".endswith(("", "x"), 10**30)' },
  { family: "hex", expr: 'b"\\x01\\x02\\x03\\x04".hex(":", -3)' },
  { family: "hex", expr: 'b"\\x01\\x02\\x03\\x04".hex(b":", 3)' },
  { family: "hex", expr: 'bytes.fromhex(" 0a 0b ")' },
  { family: "hex", expr: 'bytes.fromhex("0\\u00a0a")' },
  {
    family: "split",
    expr: '"a\\x0bb\\x0cc\\x1cd\\x1de\\x1ef\\x85g\\u2028h\\u2029i".splitlines(True)',
  },
  { family: "split", expr: 'b"a\\x0bb\\x0cc\\x1cd\\r\\ne\\rf\\n".splitlines(True)' },
  { family: "split", expr: '"\\r\\n\\r\\n".splitlines()' },
  { family: "split", expr: 'b"\\x85a\\xa0".strip()' },
  { family: "split", expr: '"\\x85a\\xa0\\u3000".strip()' },
  { family: "split", expr: '"\\u200ba\\u200b".strip()' },
  { family: "split", expr: '"\\x1c\\x1d\\x1e\\x1fa".split()' },
  { family: "split", expr: 'b"\\x1c\\x1d\\x1e\\x1fa".split()' },
  { family: "split", expr: '"a\\u180eb".split()' },
  { family: "methods", expr: '"abc".replace("", "-", 2)' },
  { family: "methods", expr: '"abc".translate(("x",) * 200)' },
  { family: "methods", expr: '"abc".translate(str.maketrans("ab", "cd", "a"))' },
  { family: "methods", expr: '"x".join("abc")' },
  { family: "methods", expr: '"\\u216b".isalnum()' },
  // Lone surrogates and astral characters are one code point each (RUNTIME.md §1.1).
  { family: "methods", expr: '"a\\ud800".center(6, "\\udfff")' },
  { family: "methods", expr: '"\\ud800".ljust(3, "\\U0001F600")' },
  { family: "methods", expr: '"\\udc00\\t\\U0001F600\\tx".expandtabs(4)' },
  { family: "methods", expr: '"-\\ud800".zfill(4)' },
  { family: "methods", expr: '"a\\ud800b".translate({0xd800: "\\udfff\\U0001F600"})' },
  { family: "methods", expr: '"a\\ud800b".translate({0xd800: 0xdc00, 98: None})' },
  { family: "methods", expr: '"\\U0001F600".translate({0x1f600: 0xd83d})' },
  { family: "methods", expr: 'str.maketrans("\\ud800\\U0001F600", "ab")' },
  { family: "methods", expr: 'str.maketrans({"\\ud800": "x"})' },
  { family: "methods", expr: '"\\ud800x".translate(str.maketrans("\\ud800", "\\udfff", "x"))' },
  { family: "methods", expr: '"\\ud800".isprintable()' },
  { family: "methods", expr: '"a\\ud800".isidentifier()' },
  { family: "methods", expr: '"\\ud800aB\\udfffcD".title()' },
  { family: "methods", expr: '"\\ud800aB\\udfffcD".swapcase()' },
  { family: "methods", expr: '"\\ud800\\u03a3".lower()' },
  { family: "methods", expr: '"a\\u03a3\\ud800".lower()' },
  { family: "methods", expr: '"\\ud800a".capitalize()' },
  { family: "methods", expr: '"\\ud800".islower()' },
  { family: "methods", expr: '"\\ud800A".istitle()' },
  { family: "split", expr: '"a\\ud800\\u2028\\udfffb".splitlines(True)' },
  { family: "split", expr: '"\\ud83d\\ude00".partition("\\ude00")' },
  { family: "split", expr: '"x\\ud800y\\ud800z".rpartition("\\ud800")' },
  { family: "split", expr: '"a\\ud800 b".rsplit()' },
  { family: "hex", expr: 'b"\\x01\\x02".hex("\\U0001F600")' },
  { family: "hex", expr: 'b"\\x01\\x02".hex("\\udfff")' },
];

/** Every shape of the sweep. */
export function textShapes(): TextShape[] {
  const tag = (family: TextShape["family"], exprs: readonly string[]) =>
    exprs.map((expr) => ({ family, expr }));
  return [
    ...ISSUE_EXAMPLES,
    ...EDGE_CASES,
    ...tag("split", splitShapes()),
    ...tag("hex", hexShapes()),
    ...tag("methods", [...methodShapes(), ...translateShapes()]),
    ...tag("search", searchShapes()),
  ];
}

/** The contract of one shape: main() returns the expression. */
export function shapeSource(shape: TextShape): string {
  return `def main():\n    return ${shape.expr}\n`;
}
