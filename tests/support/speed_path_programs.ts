/**
 * Seeded contract programs for the attacks on the speed paths of
 * tests/attack_key_cache_test.ts: dicts and view sets whose keys mix ints,
 * bools, big ints near 2^53 and 2^64, index-like and NUL-led strs, long
 * strs, tuples, bytes and None, set and deleted around KeyMap's 8-key scan
 * limit (lib/runtime/key_map.ts); sorts of tuples and lists led by ints
 * (equal, different, negative, near 2^52) and by other kinds, with every
 * `reverse=`; list, tuple and dict reads and appends in loops, module-level
 * (frozen) containers included (lib/runtime/inline_paths.ts); and dicts
 * changed while iterated. Each program defines main() and returns a value
 * whose repr CPython 3.11 gives too.
 */

import type { SeededRandom } from "./random.ts";

const DICT_KEYS = [
  "0",
  "1",
  "-1",
  "True",
  "False",
  "7",
  "8",
  "9",
  "15",
  "'7'",
  "''",
  "'\\x00x'",
  "'\\x00'",
  "'a'",
  "'b'",
  "'x' * 300",
  "2**53",
  "2**53 + 1",
  "-(2**53)",
  "2**64",
  "-(2**64)",
  "2**63 - 1",
  "2**31",
  "-(2**31)",
  "2**30",
  "'0'",
  "'00'",
  "'07'",
  "'1234567890'",
  "'12345678901'",
  "'4294967295'",
  "(1, 2)",
  "(1,)",
  "b'ab'",
  "None",
  "2**32",
  "-0",
  "0 * -1",
];
export function genDictProgram(r: SeededRandom): string {
  const pick = () => DICT_KEYS[r.below(DICT_KEYS.length)] as string;
  const small = () => String(r.below(20));
  const L: string[] = ["def main():", "    out = []", "    d = {}", "    s = d.keys() - d.keys()"];
  const n = 3 + r.below(14);
  if (r.below(2) === 0) {
    L.push(`    for i in range(${n}):`, `        d[i * ${1 + r.below(3)}] = i`, `        pass`);
  }
  const ops = 5 + r.below(25);
  for (let o = 0; o < ops; o++) {
    const k = pick();
    const v = r.below(3) === 0 ? pick() : small();
    switch (r.below(24)) {
      case 0:
      case 1:
      case 2:
        L.push(`    d[${k}] = ${v}`);
        break;
      case 3:
      case 4:
        L.push(
          `    try:`,
          `        del d[${k}]`,
          `        out.append('del')`,
          `    except KeyError:`,
          `        out.append('KE')`,
        );
        break;
      case 5:
      case 6:
        L.push(`    out.append(d.get(${k}))`);
        break;
      case 7:
        L.push(`    out.append(d.get(${k}, ${v}))`);
        break;
      case 8:
        L.push(`    out.append(d.pop(${k}, 'nope'))`);
        break;
      case 9:
        L.push(`    out.append(d.setdefault(${k}, ${v}))`);
        break;
      case 10:
        L.push(`    d.update({${k}: ${v}, ${pick()}: ${small()}})`);
        break;
      case 11:
        L.push(
          `    e = d.copy()`,
          `    e[${pick()}] = 1`,
          `    out.append(e.get(${k}))`,
          `    out.append(len(e))`,
        );
        break;
      case 12:
        L.push(
          `    e = dict(d)`,
          `    try:`,
          `        del e[${k}]`,
          `    except KeyError:`,
          `        out.append('KE2')`,
          `    out.append(${k} in e)`,
          `    out.append(${k} in d)`,
        );
        break;
      case 13:
        L.push(`    out.append(${k} in d)`);
        break;
      case 14:
        L.push(
          `    try:`,
          `        out.append(d[${k}])`,
          `    except KeyError:`,
          `        out.append('KE3')`,
        );
        break;
      case 15:
        L.push(`    s |= {${k}: 1}.keys()`);
        break;
      case 16:
        L.push(`    s -= {${k}: 0}.keys()`);
        break;
      case 17:
        L.push(`    out.append(${k} in s)`);
        break;
      case 18:
        L.push(
          `    t = s | d.keys()`,
          `    t |= {${pick()}: 0}.keys()`,
          `    t -= {${k}: 0}.keys()`,
          `    out.append(${k} in t)`,
          `    out.append(len(t))`,
          `    u = s | t`,
          `    out.append(len(u))`,
          `    out.append(${pick()} in (s & t))`,
          `    out.append(len(s - t))`,
        );
        break;
      case 19:
        L.push(
          `    for i in range(${r.below(12)}):`,
          `        d[${k}] = d.get(${k}, 0) + 1 if isinstance(d.get(${k}, 0), int) else 0`,
        );
        break;
      case 20:
        L.push(
          `    for kk in list(d):`,
          `        if kk == ${k}:`,
          `            del d[kk]`,
          `    out.append(list(d.keys())[-1:])`,
        );
        break;
      case 21:
        L.push(`    s = s ^ d.keys()`, `    out.append(len(s))`);
        break;
      case 22:
        L.push(
          `    f = {}`,
          `    f.update(d)`,
          `    out.append(f.pop(${k}, 'n'))`,
          `    out.append(len(f))`,
          `    out.append(${k} in f)`,
        );
        break;
      case 23:
        if (r.below(4) === 0) L.push(`    d.clear()`);
        else {L.push(
            `    x = d.get(${k})`,
            `    d[${k}] = ${v}`,
            `    out.append(d.get(${k}))`,
            `    del d[${k}]`,
            `    out.append(d.get(${k}))`,
            `    out.append(${k} in d)`,
          );}
        break;
    }
  }
  L.push(
    `    return (out, d, len(s), [k in s for k in [${DICT_KEYS.join(", ")}]], [k in d for k in [${
      DICT_KEYS.join(", ")
    }]])`,
  );
  return L.join("\n") + "\n";
}

const FIRSTS = [
  "0",
  "1",
  "-1",
  "2",
  "-5",
  "3",
  "True",
  "False",
  "2**53",
  "2**53 - 1",
  "-(2**53) + 1",
  "2**64",
  "-(2**70)",
  "'a'",
  "''",
  "'b'",
  "None",
  "(1, 2)",
  "(1,)",
  "[0]",
  "[]",
  "b'x'",
  "7",
  "7",
  "1",
  "1",
  "0",
];
const RESTS = [
  "0",
  "1",
  "'a'",
  "'a'",
  "'b'",
  "''",
  "(0,)",
  "[1]",
  "None",
  "2**60",
  "-3",
  "'x' * 40",
  "'x' * 40 + 'y'",
  "True",
];
export function genSortProgram(r: SeededRandom): string {
  const ints = r.below(3) !== 0;
  const first = () =>
    ints
      ? String(r.below(9) - 4 + (r.below(8) === 0 ? 2 ** 52 : 0))
      : FIRSTS[r.below(FIRSTS.length)] as string;
  const rest = () => RESTS[r.below(RESTS.length)] as string;
  const n = r.below(3) === 0 ? 40 + r.below(60) : r.below(10);
  const items: string[] = [];
  const asList = r.below(4) === 0;
  for (let i = 0; i < n; i++) {
    const len = r.below(8) === 0 ? 0 : 1 + r.below(3);
    const parts: string[] = [];
    for (let j = 0; j < len; j++) parts.push(j === 0 ? first() : rest());
    if (r.below(10) === 0 && !asList) items.push(first()); // a non-tuple mixed in
    else {items.push(
        asList ? `[${parts.join(", ")}]` : `(${parts.join(", ")}${len === 1 ? "," : ""})`,
      );}
  }
  const rev = [
    "",
    ", reverse=True",
    ", reverse=False",
    ", reverse=1",
    ", reverse=0",
  ][r.below(5)] as string;
  const L = ["def main():", `    xs = [${items.join(", ")}]`];
  if (r.below(3) === 0) {
    L.push(
      `    xs = xs + [(i % ${1 + r.below(5)}, -i) for i in range(${r.below(70)})]` +
        (asList ? "" : ""),
    );
  }
  switch (r.below(3)) {
    case 0:
      L.push(`    ys = sorted(xs${rev})`);
      break;
    case 1:
      L.push(`    ys = list(xs)`, `    ys.sort(${rev.slice(2)})`);
      break;
    case 2:
      L.push(`    ys = sorted(tuple(xs)${rev})`, `    ys = sorted(ys${rev})`);
      break;
  }
  L.push(`    return ys`);
  return L.join("\n") + "\n";
}

const IDX = [
  "0",
  "1",
  "-1",
  "-2",
  "2",
  "3",
  "-3",
  "-4",
  "4",
  "5",
  "100",
  "-100",
  "True",
  "False",
  "2**53",
  "-(2**53)",
  "2**64",
  "-(2**64)",
  "'a'",
  "None",
  "i",
  "-i",
  "i - 3",
  "len(xs)",
  "-len(xs)",
  "-len(xs) - 1",
];
const INDEX_KEYS = [
  "0",
  "1",
  "-1",
  "True",
  "False",
  "7",
  "'7'",
  "''",
  "'\\x00x'",
  "'a'",
  "'x' * 300",
  "2**53",
  "2**64",
  "(1, 2)",
  "None",
  "b'ab'",
  "i",
  "'k%d' % i",
  "str(i)",
  "i * 2**40",
];
export function genIndexProgram(r: SeededRandom): string {
  const L = ["G = [1, 2, 3]", "H = {'a': 1, 2: 'b'}", "def main():", "    out = []"];
  const n = r.below(5);
  L.push(`    xs = [${Array.from({ length: n }, (_, i) => String(i * 10)).join(", ")}]`);
  L.push(
    `    ts = (${Array.from({ length: n }, (_, i) => `'t${i}'`).join(", ")}${n === 1 ? "," : ""})`,
  );
  L.push(
    `    d = {${
      Array.from(
        { length: r.below(12) },
        () => `${INDEX_KEYS[r.below(INDEX_KEYS.length - 4)]}: ${r.below(9)}`,
      ).join(", ")
    }}`,
  );
  L.push(`    for i in range(${r.below(12)}):`);
  const ops = 3 + r.below(10);
  for (let o = 0; o < ops; o++) {
    const ix = IDX[r.below(IDX.length)] as string;
    const k = INDEX_KEYS[r.below(INDEX_KEYS.length)] as string;
    const choice = r.below(13);
    switch (choice) {
      case 0:
      case 1:
        L.push(
          `        try:`,
          `            out.append(${choice === 0 ? "xs" : "ts"}[${ix}])`,
          `        except IndexError:`,
          `            out.append('IE')`,
          `        except TypeError:`,
          `            out.append('TE')`,
        );
        break;
      case 2:
        L.push(`        xs.append(${ix === "'a'" ? "i" : ix})`);
        break;
      case 3:
        L.push(`        out.append(d.get(${k}))`);
        break;
      case 4:
        L.push(`        out.append(d.get(${k}, i))`);
        break;
      case 5:
        L.push(
          `        try:`,
          `            out.append(d[${k}])`,
          `        except KeyError:`,
          `            out.append('KE')`,
        );
        break;
      case 6:
        L.push(`        d[${k}] = d.get(${k}, 0) + 1 if isinstance(d.get(${k}, 0), int) else 5`);
        break;
      case 7:
        L.push(`        out.append([x * 2 for x in xs if x != ${ix}][-1:])`);
        break;
      case 8:
        L.push(`        out.append(len([y for y in ts] + [z for z in d]))`);
        break;
      case 9:
        L.push(
          `        try:`,
          `            del d[${k}]`,
          `        except KeyError:`,
          `            out.append('KD')`,
        );
        break;
      case 10:
        L.push(
          `        out.append(G[${["0", "-1", "2", "i % 3", "-(i % 3) - 1"][r.below(5)]}])`,
          `        out.append(H.get(${["'a'", "2", "'b'", "i"][r.below(4)]}))`,
        );
        break;
      case 11:
        L.push(
          `        ys = []`,
          `        ys.append(d.get(${k}, xs))`,
          `        out.append(len(ys))`,
        );
        break;
      case 12:
        L.push(
          `        out.append(xs[i % len(xs)] if xs else -1)`,
          `        out.append(ts[-(i % len(ts)) - 1] if ts else -1)`,
        );
        break;
    }
  }
  L.push(`    return (out, xs, d)`);
  return L.join("\n") + "\n";
}

const MUT_KEYS = [
  "0",
  "1",
  "True",
  "False",
  "7",
  "'7'",
  "''",
  "'a'",
  "2**53",
  "2**64",
  "(1, 2)",
  "None",
  "-1",
  "9",
  "10",
  "'\\x00'",
  "b''",
];
export function genMutProgram(r: SeededRandom): string {
  const k = () => MUT_KEYS[r.below(MUT_KEYS.length)] as string;
  const L = [
    "M = {1: 'one', 'a': [1, 2], 7: (3, 4)}",
    "N = [5, 6, [7]]",
    "def helper(d, k):",
    "    return d.get(k, -1)",
    "def main():",
    "    out = []",
  ];
  const n = r.below(14);
  L.push(
    `    d = {}`,
    `    for i in range(${n}):`,
    `        d[i * ${1 + r.below(3)} - ${r.below(3)}] = i`,
  );
  for (let o = 0; o < 2 + r.below(6); o++) {
    const view = ["d", "d.keys()", "d.items()", "d.values()", "list(d)"][r.below(5)] as string;
    switch (r.below(11)) {
      case 0:
        L.push(
          `    try:`,
          `        for x in ${view}:`,
          `            d[${k()}] = 1`,
          `            out.append(x)`,
          `    except RuntimeError as e:`,
          `        out.append(str(e))`,
        );
        break;
      case 1:
        L.push(
          `    try:`,
          `        for x in ${view}:`,
          `            if ${k()} in d:`,
          `                del d[${k()}]`,
          `            out.append(x)`,
          `    except RuntimeError as e:`,
          `        out.append(str(e))`,
          `    except KeyError:`,
          `        out.append('KE')`,
        );
        break;
      case 2:
        L.push(
          `    try:`,
          `        for x in ${view}:`,
          `            v = d.pop(${k()}, None)`,
          `            d[${k()}] = v`,
          `            out.append(x)`,
          `    except RuntimeError as e:`,
          `        out.append(str(e))`,
        );
        break;
      case 3:
        L.push(
          `    out.append(M.get(${k()}))`,
          `    try:`,
          `        out.append(M[${k()}])`,
          `    except KeyError:`,
          `        out.append('KE')`,
        );
        break;
      case 4:
        L.push(
          `    out.append(N[${["0", "-1", "2", "-3"][r.below(4)]}])`,
          `    out.append(N[2][0])`,
        );
        break;
      case 5:
        L.push(`    out.append(helper(d, ${k()}))`, `    out.append(helper(M, ${k()}))`);
        break;
      case 6:
        L.push(
          `    ks = [x for x in d if x != ${k()}]`,
          `    out.append(ks)`,
          `    out.append([d[x] for x in ks])`,
        );
        break;
      case 7:
        L.push(
          `    e = dict(d)`,
          `    e.update(M)`,
          `    out.append(e == d)`,
          `    out.append(sorted([x for x in e.values() if isinstance(x, int)], reverse=True))`,
        );
        break;
      case 8:
        L.push(
          `    out.append(sorted(d.items()))`,
          `    out.append(sorted([(v, x) for x, v in d.items() if isinstance(x, int)], reverse=${
            r.below(2) ? "True" : "False"
          }))`,
        );
        break;
      case 9:
        L.push(
          `    z = d.setdefault(${k()}, [])`,
          `    if isinstance(z, list):`,
          `        z.append(len(z))`,
          `    out.append(z)`,
        );
        break;
      case 10:
        L.push(
          `    try:`,
          `        out.append(d[${k()}] + d[${k()}])`,
          `    except KeyError as e:`,
          `        out.append(str(e))`,
          `    except TypeError as e:`,
          `        out.append(str(e))`,
        );
        break;
    }
  }
  L.push(`    return (out, d)`);
  return L.join("\n") + "\n";
}

/** Module-level (frozen) lists, dicts and tuples read, appended to and copied (tiers only: CPython has no frozen values). */
export function genFrozenProgram(r: SeededRandom): string {
  const L = [
    "G = [1, 2, 3]",
    "H = {'a': 1, 2: 'b'}",
    "T = (1, [2], {3: 4})",
    "def main():",
    "    out = []",
    "    xs = []",
  ];
  for (let o = 0; o < 2 + r.below(5); o++) {
    switch (r.below(8)) {
      case 0:
        L.push(`    for i in range(${r.below(6)}):`, `        xs.append(G[i % 3])`);
        break;
      case 1:
        L.push(`    G.append(${r.below(3)})`);
        break;
      case 2:
        L.push(`    out.append(H.get('a'))`, `    out.append(H[2])`);
        break;
      case 3:
        L.push(`    T[1].append(5)`);
        break;
      case 4:
        L.push(
          `    try:`,
          `        G.append(1)`,
          `    except Exception as e:`,
          `        out.append(str(e))`,
        );
        break;
      case 5:
        L.push(`    out.append([G[j] for j in range(-3, 3)])`);
        break;
      case 6:
        L.push(`    out.append(T[2].get(3))`, `    out.append(T[-3])`);
        break;
      case 7:
        L.push(`    ys = [x for x in G]`, `    ys.append(9)`, `    out.append(ys)`);
        break;
    }
  }
  L.push(`    return (out, xs)`);
  return L.join("\n") + "\n";
}
