/**
 * Generated programs for the container conformance sweep
 * (tests/conformance_containers_test.ts), one family each, issue 10:
 * ranges (12), live dict and list iteration under mutation (13), dict
 * views as sets and dict updates (15), self-referential and deep values
 * (18). Each program is a tiny contract whose `main()` returns what it
 * observed; the sweep compares its outcome class with CPython's. Seeded,
 * so a failure names a reproducible program.
 */

import { SeededRandom } from "./random.ts";

/** One generated program and the family it sweeps. */
export interface ContainerProgram {
  readonly family: "ranges" | "iteration" | "views" | "deep";
  readonly source: string;
  /**
   * Set when the language documents a difference for this program: the
   * VM outcome it must have wherever CPython returns a value.
   */
  readonly documented?: { readonly vm: string; readonly rule: string };
}

const program = (body: readonly string[]): string =>
  `def main():\n${body.map((line) => `    ${line}`).join("\n")}\n`;

// -- family 12: ranges --------------------------------------------------------

const BOUNDS = [
  "0",
  "1",
  "-1",
  "2",
  "3",
  "5",
  "-7",
  "10",
  "20",
  "-20",
  "100",
  "2**63",
  "-2**63",
  "2**64",
  "-2**70",
  "2**70",
  "10**30",
  "True",
];
const STEPS = ["1", "2", "3", "-1", "-2", "-3", "7", "-10", "2**64", "-2**65", "10**20"];
const SLICE_PARTS = ["None", "0", "1", "-1", "2", "-3", "5", "10**30", "-10**30", "True"];
const SLICE_STEPS = ["None", "1", "2", "-1", "-2", "3", "10**30", "-10**30", "0"];
const INDICES = [
  "0",
  "1",
  "-1",
  "2",
  "-2",
  "5",
  "10**30",
  "-10**30",
  "2**63",
  "True",
  '"a"',
  "None",
];
const INT_NEEDLES = ["0", "1", "-1", "3", "4", "7", "10", "-20", "2**64", "2**70 - 3", "True"];
/** CPython looks for these by stepping through the range: only small ranges get them. */
const OTHER_NEEDLES = ['"a"', "None", "(1,)", "[1]", "False"];
const SMALL_BOUNDS = ["0", "1", "-1", "3", "5", "-7", "10", "20", "-20", "True"];
const SMALL_STEPS = ["1", "2", "-1", "-3", "7"];

function randomRange(random: SeededRandom): string {
  switch (random.below(4)) {
    case 0:
      return `range(${random.pick(BOUNDS)})`;
    case 1:
      return `range(${random.pick(BOUNDS)}, ${random.pick(BOUNDS)})`;
    default:
      return `range(${random.pick(BOUNDS)}, ${random.pick(BOUNDS)}, ${random.pick(STEPS)})`;
  }
}

function randomSlice(random: SeededRandom): string {
  const step = random.pick(SLICE_STEPS);
  return `${random.pick(SLICE_PARTS)}:${random.pick(SLICE_PARTS)}${
    step === "None" ? "" : `:${step}`
  }`;
}

/** A few items of a possibly huge range, without ever listing it whole. */
const head = (r: string) => `[x for x, _ in zip(${r}, range(6))]`;

function smallRange(random: SeededRandom): string {
  return `range(${random.pick(SMALL_BOUNDS)}, ${random.pick(SMALL_BOUNDS)}, ${
    random.pick(SMALL_STEPS)
  })`;
}

function rangeProgram(random: SeededRandom): string {
  const small = random.below(4) === 0;
  const r = small ? smallRange(random) : randomRange(random);
  const s = randomRange(random);
  const needle = () => random.pick(small ? [...INT_NEEDLES, ...OTHER_NEEDLES] : INT_NEEDLES);
  const expressions = [
    () => `str(${r}[${randomSlice(random)}])`,
    () => `${head(`${r}[${randomSlice(random)}]`)}`,
    () => `${r}[${random.pick(INDICES)}]`,
    () => `len(${r})`,
    () => `bool(${r})`,
    () => `${r}.index(${needle()})`,
    () => `${r}.count(${needle()})`,
    () => `${needle()} in ${r}`,
    () => `${needle()} not in ${r}[${randomSlice(random)}]`,
    () => `${r} == ${s}`,
    () => `${r} != ${r}[${randomSlice(random)}]`,
    () => `{${r}: 1}.get(${s}, 0)`,
    () => `{${r}: 1}.get(${r}[${randomSlice(random)}], 0)`,
    () => `str(${r})`,
    () => `${head(`reversed(${r})`)}`,
    () => `${head(r)}`,
    () => `list(${r}) if len(${r}) < 50 else 0`,
    () => `[min(${r}), max(${r})] if 0 < len(${r}) < 50 else 0`,
    () => `sum(${r}) if len(${r}) < 50 else 0`,
    () => `${r} < ${s}`,
    () => `${r} + ${s}`,
    () => `${r} == list(${r}) if len(${r}) < 50 else 0`,
    () => `[${r}] == [${r}[::]]`,
    () => `len(${r}[${randomSlice(random)}])`,
    () => `${r}[${randomSlice(random)}] == ${r}[${randomSlice(random)}]`,
    () => `${head(`enumerate(${r}[${randomSlice(random)}])`)}`,
  ];
  return program([`return ${random.pick(expressions)()}`]);
}

// -- family 13: live iteration ---------------------------------------------------

const INT_KEYS = ["0", "1", "2", "3", "5", "8", "13", "-1", "100"];
const STR_KEYS = ['"a"', '"b"', '"c"', '"d"', '"e"', '"f"'];

function randomKey(random: SeededRandom, mix: number): string {
  return random.below(10) < mix ? random.pick(STR_KEYS) : random.pick(INT_KEYS);
}

/** A dict built one of the ways whose slot layout differs: literal, dict(), update, copy, | ... */
function dictBuild(random: SeededRandom, mix: number): string[] {
  const size = random.pick([0, 1, 2, 3, 4, 5, 6, 7, 9, 12, 17, 18, 20, 35]);
  const pairs = Array.from(
    { length: size },
    (_, i) => random.below(10) < mix ? `"k${i}": ${i}` : `${i * 7 - 20}: ${i}`,
  );
  const named = Array.from({ length: size % 9 }, (_, i) => `k${i}=${i}`).join(", ");
  switch (random.below(13)) {
    case 8:
      return [`d = {}`, `d.update(${named})`];
    case 9:
      return [`d = {${pairs.slice(0, 3).join(", ")}}`, `d.update(${named})`];
    case 10:
      return [`e = {${pairs.join(", ")}}`, "for k in list(e)[:1]:", "    del e[k]", "d = e.copy()"];
    case 11:
      return [
        `e = {${pairs.join(", ")}}`,
        "for k in list(e)[1::3]:",
        "    del e[k]",
        "d = dict(e)",
      ];
    case 12:
      return [`d = dict({${pairs.join(", ")}}, ${named === "" ? "z=0" : named})`];
    case 0:
      return [`d = {}`, ...pairs.slice(0, 8).map((pair) => `d[${pair.replace(": ", "] = ")}`)];
    case 1:
      return [`d = dict([${pairs.map((pair) => `(${pair.replace(": ", ", ")})`).join(", ")}])`];
    case 2:
      return [
        `e = {${pairs.join(", ")}}`,
        "for k in list(e)[::2]:",
        "    del e[k]",
        "d = e.copy()",
      ];
    case 3:
      return [`d = {${pairs.slice(0, 4).join(", ")}} | {${pairs.slice(4).join(", ")}}`];
    case 4:
      return [
        `d = dict(${Array.from({ length: size % 8 }, (_, i) => `k${i}=${i}`).join(", ")})`,
      ];
    case 5:
      return [`d = {}`, `d.update({${pairs.join(", ")}})`];
    case 6:
      return [`d = {${pairs.join(", ")}}`, `d.clear()`, `d.update({${pairs.slice(2).join(", ")}})`];
    default:
      return [`d = {${pairs.join(", ")}}`];
  }
}

const DICT_LOOPS = [
  "d",
  "d.keys()",
  "d.values()",
  "d.items()",
  "reversed(d)",
  "reversed(d.keys())",
  "reversed(d.values())",
  "reversed(d.items())",
  "list(d)",
  "enumerate(d)",
  "zip(d, d.values())",
];

function dictMutation(random: SeededRandom, mix: number): string {
  const key = randomKey(random, mix);
  const other = randomKey(random, mix);
  const mutations = [
    `d[${key}] = 1`,
    `d[${key}] = d.pop(${other}, 0)`,
    `d.pop(${key}, None)`,
    `d.setdefault(${key}, 4)`,
    `d.update({${key}: 2})`,
    `d.update([(${key}, 3)])`,
    `d |= {${key}: 5, ${other}: 6}`,
    `del d[${key}]`,
    "d.clear()",
    "d[k] = 9",
    "d[str(n)] = d.pop(k)",
    "d[n * 1000] = d.pop(k)",
    "d[k] = d.pop(k)",
    `d[${key}] = d.pop(k, 0)`,
    `d.pop(k)`,
    `n = n`,
  ];
  return random.pick(mutations);
}

function dictIterationProgram(random: SeededRandom): string {
  const mix = random.below(11);
  const loop = random.pick(DICT_LOOPS);
  const mutations = Array.from({ length: 1 + random.below(2) }, () => dictMutation(random, mix));
  const guard = random.below(3) === 0 ? `if n % ${2 + random.below(3)} == 0:` : null;
  const body = guard === null
    ? mutations.map((line) => `    ${line}`)
    : [`    ${guard}`, ...mutations.map((line) => `        ${line}`)];
  // `k` is the loop item's key where the loop yields keys; other loops only read it.
  const keyOf = loop.includes("items") || loop.startsWith("enumerate") || loop.startsWith("zip")
    ? "k = item[0]"
    : loop.includes("values")
    ? "k = n"
    : "k = item";
  return program([
    ...dictBuild(random, mix),
    "out = []",
    "n = 0",
    `for item in ${loop}:`,
    "    out.append(item)",
    "    n += 1",
    `    ${keyOf}`,
    "    if n > 40:",
    "        break",
    ...body,
    // Dicts are returned as their items: JSON objects would reorder int-like keys.
    "return [out, len(d), list(d.items())]",
  ]);
}

/** Fresh keys of each kind, so that a swap can turn a str-only table into a general one. */
const FRESH_KEYS = ["n * 1000", 'str(n) + "x"', "(n, 0)", "-n", "str(-n)"];

/**
 * A loop that deletes and inserts while it iterates, at the same size or
 * not: what CPython's iterator then visits depends on its table's slots and
 * rebuilds, which these programs probe from every kind of construction.
 */
function dictSwapProgram(random: SeededRandom): string {
  const mix = random.below(11);
  const loop = random.pick(["d", "d.keys()", "d.items()", "d.values()", "reversed(d)"]);
  const fresh = () => random.pick(FRESH_KEYS);
  const swaps = [
    () => `d[${fresh()}] = d.pop(k)`,
    () => `del d[k]\n        d[${fresh()}] = n`,
    () => `d.pop(k)\n        d.setdefault(${fresh()}, n)`,
    () => "d[k] = d.pop(k)",
    () => `d[${fresh()}] = n\n        del d[k]`,
    () => `d.pop(k)\n        d |= {${fresh()}: n}`,
    () => `d.pop(k)\n        d.update([(${fresh()}, n)])`,
    () => `d.pop(k)`,
    () => `d[${fresh()}] = n`,
  ];
  const keyOf = loop === "d.items()"
    ? "k = item[0]"
    : loop === "d.values()"
    ? "k = list(d)[0]"
    : "k = item";
  return program([
    ...dictBuild(random, mix),
    "out = []",
    "n = 0",
    `for item in ${loop}:`,
    "    out.append(item)",
    "    n += 1",
    "    if n > 60:",
    "        break",
    `    ${keyOf}`,
    `    if n % ${1 + random.below(3)} == 0:`,
    `        ${random.pick(swaps)()}`,
    "return [out, len(d), list(d.items())]",
  ]);
}

const LIST_LOOPS = ["xs", "reversed(xs)", "enumerate(xs)", "zip(xs, ys)", "zip(ys, xs)", "xs[:]"];
const LIST_MUTATIONS = [
  "xs.append(n)",
  "xs.pop()",
  "xs.pop(0)",
  "xs.insert(0, n)",
  "xs.insert(1, n)",
  "xs.clear()",
  "xs.sort()",
  "xs.sort(reverse=True)",
  "xs.reverse()",
  "xs.extend([n, n])",
  "xs += [n]",
  "xs *= 2",
  "del xs[0]",
  "del xs[::2]",
  "xs[0] = n",
  "xs[:] = [n]",
  "xs[1:3] = []",
  "xs.remove(xs[-1])",
  "ys.append(n)",
  "ys.pop()",
];

function listIterationProgram(random: SeededRandom): string {
  const size = random.below(6);
  const mutation = random.pick(LIST_MUTATIONS);
  const guard = random.below(2) === 0;
  return program([
    `xs = [${Array.from({ length: size }, (_, i) => 3 * i + 1).join(", ")}]`,
    `ys = [${Array.from({ length: random.below(6) }, (_, i) => -i).join(", ")}]`,
    "out = []",
    "n = 0",
    `it = ${random.pick(LIST_LOOPS)}`,
    "for item in it:",
    "    out.append(item)",
    "    n += 1",
    "    if n > 25:",
    "        break",
    // Lists that grow are held to 40 items: CPython has no cap to meet.
    ...(guard
      ? [`    if 0 < len(xs) < 40 and n % 2 == 1:`, `        ${mutation}`]
      : [`    if 0 < len(xs) < 40:`, `        ${mutation}`]),
    // An iterator that has ended stays ended, even once its list grows again.
    "xs.append(99)",
    "return [out, xs, ys, list(it)]",
  ]);
}

function viewLivenessProgram(random: SeededRandom): string {
  const mix = random.below(11);
  const view = random.pick(["d.keys()", "d.values()", "d.items()"]);
  const probe = random.pick([
    "len(v)",
    "list(v)",
    `${randomKey(random, mix)} in v`,
    `(${randomKey(random, mix)}, 1) in v`,
    "list(reversed(v))",
    "str(v)",
    "bool(v)",
    "sorted(v) if len(v) < 3 else 0",
  ]);
  return program([
    ...dictBuild(random, mix),
    `v = ${view}`,
    "before = " + probe,
    "k = " + randomKey(random, mix),
    "n = 7",
    dictMutation(random, mix),
    `return [before, ${probe}]`,
  ]);
}

// -- family 15: views as sets, dict updates ------------------------------------------

const VIEW_VALUES = ["1", "2", "[]", "[1]", "{}", "(1, 2)", '"x"', "None"];
const VIEW_KEYS = ["1", "2", "3", '"a"', "(1, 2)", "(1, [])", "True", "(3, 4)"];

function smallDict(random: SeededRandom): string {
  const size = random.below(4);
  const pairs = Array.from(
    { length: size },
    () => `${random.pick(VIEW_KEYS)}: ${random.pick(VIEW_VALUES)}`,
  );
  return `{${pairs.join(", ")}}`;
}

function viewOperand(random: SeededRandom): string {
  const dict = smallDict(random);
  return random.pick([
    `${dict}.keys()`,
    `${dict}.items()`,
    `${dict}.values()`,
    `${dict}.keys()`,
    `${dict}.items()`,
    "[1, 2]",
    "[(1, 2)]",
    "[[1]]",
    "(1,)",
    "range(3)",
    "5",
    '"ab"',
    dict,
  ]);
}

const SET_OPERATORS = ["&", "|", "-", "^"];

function viewProgram(random: SeededRandom): ContainerProgram {
  const a = viewOperand(random);
  const b = viewOperand(random);
  if (random.below(6) === 0) {
    return { family: "views", source: program([`return ${a} ${random.pick(SET_OPERATORS)} ${b}`]) };
  }
  const expression = random.pick([
    () => `${a} == ${b}`,
    () => `${a} != ${b}`,
    () => `${a} < ${b}`,
    () => `${a} <= ${b}`,
    () => `${a} > ${b}`,
    () => `${a} >= ${b}`,
    () =>
      `${
        random.pick([`${smallDict(random)}.keys()`, `${smallDict(random)}.items()`])
      }.isdisjoint(${b})`,
    () => `[${a} == ${b}, ${b} == ${a}]`,
    () => `${random.pick(VIEW_KEYS)} in ${a}`,
    () => `(${random.pick(VIEW_KEYS)}, ${random.pick(VIEW_VALUES)}) in ${a}`,
    () => `[${a}] == [${a}]`,
    () => `str(${a})`,
  ])();
  return { family: "views", source: program([`return ${expression}`]) };
}

const UPDATE_SOURCES = [
  "[(1, 2)]",
  "[(1, 2), (3, 4), (1, 5)]",
  '["ab", "cd"]',
  '["abc"]',
  "[(1, 2, 3)]",
  "[1]",
  "[[1, 2], (3, 4)]",
  "[(1, 2), 5]",
  "[([], 1)]",
  "[(1, 2), ([], 1)]",
  "{5: 6}.items()",
  "{5: 6}",
  "zip([1, 2], [3, 4])",
  "enumerate([7, 8])",
  "5",
  "None",
  '"ab"',
  "[]",
  "()",
  "[range(2)]",
  "[{1: 2, 3: 4}]",
  "[b'ab']",
];

function updateProgram(random: SeededRandom): ContainerProgram {
  const source = random.pick(UPDATE_SOURCES);
  const start = random.pick(["{}", "{1: 0}", '{"a": 1}', "{9: 9, 1: 1}"]);
  const statement = random.pick([
    `d |= ${source}`,
    `d = d | ${source}`,
    `d.update(${source})`,
    `d.update(${source}, z=1)`,
    `d = dict(${source})`,
    `d = dict(${source}, y=2)`,
    `d.update(x=1, y=2)`,
    `d = ${source} | d`,
  ]);
  return {
    family: "views",
    source: program([`d = ${start}`, statement, "return list(d.items())"]),
  };
}

// -- family 18: self-referential and deep values -------------------------------------

/** Nesting depths: exact below the VM's cap, RecursionError well past CPython's limit. */
const SHALLOW = [1, 2, 5, 30, 200, 600, 890];
const DEEP = [1100, 2000, 3000, 5000];

function deepProgram(random: SeededRandom): ContainerProgram {
  if (random.below(2) === 0) {
    const cycle = random.pick([
      ["a = [1]", "a.append(a)", "b = a"],
      ["a = [1]", "a.append(a)", "b = [1]", "b.append(b)"],
      ["a = [1, 2]", "b = [a]", "a.append(b)"],
      ['a = {"x": 1}', 'a["y"] = a', "b = a"],
      ['a = {"x": 1}', 'a["y"] = a', 'b = {"x": 1}', 'b["y"] = b'],
      ["a = []", "b = (a, 1)", "a.append(b)"],
      ["a = {}", "b = [a]", "a[1] = b"],
      ["a = [1]", "a.append(a)", "b = [1, [1, a]]"],
      ["a = {}", "a[1] = a.values()", "b = a"],
      ["a = {}", "a[1] = a.items()", "b = a"],
      ["a = {}", "a[1] = a.keys()", "b = a"],
    ]);
    const probe = random.pick([
      "str(a)",
      "str(b)",
      "a == a",
      "a == b",
      "a != b",
      "[a] == [a]",
      "a < b",
      "a in [b]",
      "b in [a]",
      "str([a, b])",
      "str((a, {2: b}))",
      "len(str(a))",
      "a == [1, a]",
    ]);
    return { family: "deep", source: program([...cycle, `return ${probe}`]) };
  }
  const depth = random.pick([...SHALLOW, ...DEEP]);
  const wrap = random.pick(["[x]", "(x,)", "{1: x}", "[1, x]", "[x, 2]"]);
  const probe = random.pick([
    "x == y",
    "x != y",
    "x < y",
    "str(x) == str(y)",
    "len(str(x))",
    "x in [y]",
    "[x] == [y]",
    "x == x",
    "{1: x} == {1: y}",
  ]);
  const leafY = random.below(4) === 0 ? "1" : "0";
  return {
    family: "deep",
    source: program([
      "x = 0",
      `y = ${leafY}`,
      `for _ in range(${depth}):`,
      `    x = ${wrap}`,
      `    y = ${wrap.replace("x", "y")}`,
      `return ${probe}`,
    ]),
  };
}

/** `count` programs of each family from `seed`. */
export function containerPrograms(seed: number, count: number): ContainerProgram[] {
  const random = new SeededRandom(seed);
  const programs: ContainerProgram[] = [];
  for (let i = 0; i < count; i++) {
    programs.push({ family: "ranges", source: rangeProgram(random) });
    programs.push({
      family: "iteration",
      source: random.below(2) === 0
        ? dictSwapProgram(random)
        : random.below(3) === 0
        ? listIterationProgram(random)
        : random.below(4) === 0
        ? viewLivenessProgram(random)
        : dictIterationProgram(random),
    });
    programs.push(random.below(3) === 0 ? updateProgram(random) : viewProgram(random));
    programs.push(deepProgram(random));
  }
  return programs;
}
