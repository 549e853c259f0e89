/**
 * Family 19 of issue 10: a str is a sequence of code points, lone
 * surrogates included, whatever the engine's UTF-16 (lib/text_units.ts).
 * The examples are regression cases; the encoding's promises
 * (injective, unit-level search on code point boundaries, code point
 * order) are checked on seeded random strs; seeded random programs mixing
 * ASCII, BMP, astral and lone surrogates through len, indexing, slicing,
 * search, split, replace, join, comparison, sorting, repr, ord/chr,
 * reversed, iteration, `+`, `*` and encode are compared with CPython, and
 * every boundary where a str enters or leaves (literals, chr, IR
 * constants, JSON, ABI) keeps the encoding.
 */

import assert from "node:assert/strict";
import { MemoryState } from "../mod.ts";
import { compileContract } from "../ir.ts";
import { executeCall } from "../runtime.ts";
import { decodeModule, encodeModule } from "../lib/compile/ir_codec.ts";
import { parseAbiType } from "../lib/abi/types.ts";
import { parseJson, stringifyJson, valueFromJson } from "../lib/abi/json.ts";
import { AbiEncodeError, IrDecodeError } from "../lib/errors.ts";
import { valueJson } from "../lib/runtime/value_json.ts";
import {
  codePointCount,
  codePoints,
  compareStrs,
  strFromCodePoint,
  strFromCodePoints,
  strFromUtf16,
  strFromUtf8SurrogatePass,
  strToUtf16,
  utf8SurrogatePass,
} from "../lib/text_units.ts";
import { cpythonOutcomes, vmOutcome } from "./support/differential.ts";
import { pythonUnavailableReason } from "./support/python.ts";
import { SeededRandom } from "./support/random.ts";
import { pythonLiteral, randomCodePoints } from "./support/unicode_strings.ts";

/** ASCII, BMP (around the surrogate range too), astral, and lone surrogates (the halves of U+1F600 among them). */
const POOL: readonly number[] = [
  0x61,
  0x62,
  0x20,
  0xe9,
  0x20ac,
  0xd7ff,
  0xe000,
  0xfffd,
  0xffff,
  0x1f600,
  0x10000,
  0x10ffff,
  0xd800,
  0xdbff,
  0xdc00,
  0xdfff,
  0xd83d,
  0xde00,
  0xdc03,
  0xde01,
];

const skipReason = pythonUnavailableReason();
if (skipReason !== null) console.log(`str code point sweep skipped: ${skipReason}`);

function run(source: string): string {
  return vmOutcome(source);
}

Deno.test("str: the issue's examples (surrogates stay code points)", () => {
  const cases: [string, string][] = [
    ["len(chr(0xD800) + chr(0xDC00))", "2"],
    ['chr(0xD800) + chr(0xDC00) == "\\U00010000"', "false"],
    ['"\\ud83d" in "x\\U0001F600y"', "false"],
    ['"\\ud83d\\ude00" == "\\U0001F600"', "false"],
    ['len("\\ud83d\\ude00")', "2"],
    ['"\\ud800" < "\\U00010000" and "\\ud7ff" < "\\ud800" < "\\ue000"', "true"],
    ["str([chr(0xDFFF)])", `"['\\\\udfff']"`],
    ['ord("\\udc00")', String(0xdc00)],
    ['"a\\ud800b".split("\\ud800")', '["a","b"]'],
    ['"\\U0001F600".find("\\ude00")', "-1"],
    ['"\\ud83d\\ude00".count("\\ude00")', "1"],
    ['b"\\xff\\xfe".decode("utf-8", "surrogateescape") == "\\udcff\\udcfe"', "true"],
    ['len(b"\\xed\\xa0\\x80\\xed\\xb0\\x80".decode("utf-8", "surrogatepass"))', "2"],
    ['"a\\udc80".encode("utf-8", "surrogateescape")', '"0x6180"'],
    ['"\\ud800\\udc00".encode("utf-8", "surrogatepass")', '"0xeda080edb080"'],
  ];
  const wrong = cases.map(([expression, value]) => {
    const outcome = run(`def main():\n    return ${expression}\n`);
    return outcome === `{"events":[],"ok":${value}}` ? null : `${expression}: ${outcome}`;
  }).filter((line) => line !== null);
  assert.deepEqual(wrong, []);
});

Deno.test("str encoding: injective, code point order, search on code point boundaries", () => {
  const random = new SeededRandom(19);
  const problems: string[] = [];
  for (let n = 0; n < 3000; n++) {
    const a = randomCodePoints(random, POOL, 6);
    const b = randomCodePoints(random, POOL, 3);
    const sa = strFromCodePoints(a);
    const sb = strFromCodePoints(b);
    if (codePoints(sa).join() !== a.join()) problems.push(`round trip ${a}`);
    if (codePointCount(sa) !== a.length) problems.push(`count ${a}`);
    if (a.map(strFromCodePoint).join("") !== sa) problems.push(`per code point ${a}`);
    if ((sa === sb) !== (a.join() === b.join())) problems.push(`equality ${a} ${b}`);
    const order = a.findIndex((cp, i) => cp !== b[i]);
    const expected = order < 0
      ? Math.sign(a.length - b.length)
      : order >= b.length
      ? 1
      : Math.sign((a[order] ?? 0) - (b[order] ?? 0));
    if (compareStrs(sa, sb) !== expected) problems.push(`order ${a} ${b}`);
    const byPoints = b.length === 0 ||
      a.some((_, i) => b.every((cp, k) => a[i + k] === cp));
    if (sa.includes(sb) !== byPoints) problems.push(`search ${b} in ${a}`);
    if (
      strFromUtf16(strToUtf16(sa)) !== sa && !/[\ud800-\udbff][\udc00-\udfff]/.test(strToUtf16(sa))
    ) {
      problems.push(`UTF-16 round trip ${a}`);
    }
    if (strFromUtf8SurrogatePass(utf8SurrogatePass(sa)) !== sa) problems.push(`surrogatepass ${a}`);
  }
  assert.deepEqual(problems.slice(0, 10), []);
});

function randomProgram(random: SeededRandom): string {
  const rows = Array.from({ length: 12 }, () => {
    const a = pythonLiteral(randomCodePoints(random, POOL, 6));
    const b = pythonLiteral(randomCodePoints(random, POOL, 2));
    const i = random.below(9) - 4;
    const j = random.below(9) - 4;
    const k = random.pick([-3, -2, -1, 1, 2, 3]);
    return `(${a}, ${b}, ${i}, ${j}, ${k})`;
  });
  return `def main():
    out = []
    for a, b, i, j, k in [${rows.join(", ")}]:
        n = len(a)
        out.append([n, a[i] if -n <= i < n else None, a[i:j:k], a[i:j], a[::k], b in a])
        out.append([a.find(b), a.rfind(b), a.count(b), a.index(b) if b in a else None])
        out.append([a.find(b, i), a.count(b, i, j), a.startswith(b, i), a.endswith(b)])
        out.append([a.split(b) if b != "" else a.split(), a.replace(b, "\\U0001f600\\ud800")])
        out.append([b.join([a, a, b]), a + b, a * 3, b * k])
        out.append([a < b, a <= b, a == b, a != b, a > b, a >= b])
        out.append([sorted([a, b, a + b, b + a]), max([a, b]), min(a) if a else None])
        out.append([[ord(c) for c in a], list(reversed(a)), [chr(ord(c)) == c for c in a]])
        out.append([a.strip(b), a.lstrip(b), a.rstrip(b), a.removeprefix(b), a.removesuffix(b)])
        out.append([a.zfill(k + 6), "%s|%5s|%.2s" % (a, b, a), {a: 1, b: 2}[a], a.isalpha()])
        out.append([x for x in a] + list(a) + list(enumerate(b)))
    return str(out)
`;
}

Deno.test({
  name: "str sweep: random strs with astral and lone surrogates match CPython",
  ignore: skipReason !== null,
  async fn() {
    const random = new SeededRandom(1919);
    const sources = Array.from({ length: 40 }, () => randomProgram(random));
    const expected = await cpythonOutcomes(sources);
    const mismatches = sources.map((source, i) => {
      const ours = run(source);
      return ours === expected[i]
        ? null
        : `${source}\n    VM:      ${ours}\n    CPython: ${expected[i]}`;
    }).filter((line) => line !== null);
    assert.deepEqual(
      mismatches.slice(0, 2),
      [],
      `${mismatches.length} of ${sources.length} differ`,
    );
  },
});

Deno.test({
  name: "str sweep: encode and bytes(str) of surrogates fail as CPython does, with its message",
  ignore: skipReason !== null,
  async fn() {
    const random = new SeededRandom(1920);
    const texts = Array.from(
      { length: 40 },
      () => pythonLiteral(randomCodePoints(random, POOL, 5)),
    );
    const calls = texts.flatMap((text) => [
      `${text}.encode()`,
      `${text}.encode("ascii")`,
      `bytes(${text}, "utf-8")`,
    ]);
    // The oracle's outcome of `str(e)` for a failing call, or of the value otherwise.
    const sources = calls.map((expression) => `def main():\n    return ${expression}\n`);
    const expected = await cpythonOutcomes(sources);
    const messages = await cpythonOutcomes(
      calls.map((expression) => `def main():\n    return message(lambda: ${expression})\n`).map((
        source,
      ) =>
        `def message(f):\n    try:\n        return f()\n    except UnicodeEncodeError as e:\n        return str(e)\n${source}`
      ),
    );
    const problems: string[] = [];
    sources.forEach((source, i) => {
      const outcome = run(source);
      if (outcome !== expected[i]) problems.push(`${calls[i]}: ${outcome}, CPython ${expected[i]}`);
      const failure = runFailure(source);
      if (failure !== null && messages[i] !== `{"events":[],"ok":${JSON.stringify(failure)}}`) {
        problems.push(`${calls[i]}: message ${failure}, CPython ${messages[i]}`);
      }
    });
    assert.deepEqual(problems.slice(0, 10), []);
    assert.ok(sources.some((source) => runFailure(source) !== null));
  },
});

/** The failure message of `main()`, or null when it succeeds. */
function runFailure(source: string): string | null {
  const compiled = compileContract(source);
  const result = executeCall({
    verified: compiled.verified,
    manifest: null,
    function: "main",
    args: [],
    gasLimit: 10_000_000,
    context: {
      sender: new Uint8Array(33),
      value: 0n,
      address: new Uint8Array(33),
      blockHeight: 1n,
      blockTime: 0n,
      chainId: 1n,
      txHash: new Uint8Array(32),
      callIndex: 0,
    },
    state: new MemoryState(),
  });
  return result.failure === null ? null : result.failure.message;
}

Deno.test("str boundaries: IR constants, JSON in and out, ABI keep the code points", () => {
  const source =
    'def main():\n    return ["\\ud800", "\\ud83d\\ude00", "\\U0001F600", "a\\udfffb"]\n';
  const compiled = compileContract(source);
  const bytes = encodeModule(compiled.module);
  const again = decodeModule(bytes);
  assert.deepEqual(encodeModule(again), bytes);
  const strs = again.consts.filter((c) => c.kind === "str").map((c) => codePoints(String(c.value)));
  assert.deepEqual(strs, [[0xd800], [0xd83d, 0xde00], [0x1f600], [0x61, 0xdfff, 0x62]]);
  // The output JSON writes each surrogate as a \\u escape.
  assert.equal(
    stringifyJson(valueJson(strFromCodePoints([0x61, 0xd800, 0x1f600, 0xdfff]))),
    '"a\\ud800😀\\udfff"',
  );
  // JSON input: an escaped pair is one astral code point; a lone surrogate is refused (ABI str is UTF-8).
  const str = parseAbiType("str");
  assert.deepEqual(codePoints(String(valueFromJson(str, parseJson('"\\ud83d\\ude00"'), "s"))), [
    0x1f600,
  ]);
  assert.throws(() => valueFromJson(str, parseJson('"\\ud800"'), "s"), AbiEncodeError);
});

Deno.test("str boundaries: an IR str constant in surrogate form must be canonical", () => {
  const source = 'def main():\n    return "\\ud800"\n';
  const bytes = encodeModule(compileContract(source).module);
  // [4, bytes] holds ED A0 80 (U+D800 in surrogatepass UTF-8).
  const at = bytes.findIndex((_, i) => bytes[i] === 0xed && bytes[i + 1] === 0xa0);
  assert.ok(at > 0);
  const overlong = Uint8Array.from(bytes);
  overlong[at] = 0xc0; // no longer UTF-8 of any code point
  assert.throws(() => decodeModule(overlong), IrDecodeError);
  const plain = Uint8Array.from(bytes);
  plain.set([0x61, 0x61, 0x61], at); // "aaa" has no surrogate: it must be a [2, text] constant
  assert.throws(() => decodeModule(plain), IrDecodeError);
});

Deno.test("str: printf errors place the conversion character by code point", () => {
  assert.equal(
    runFailure('def main():\n    return "a\\U0001F600%\\U0001F600" % (1,)\n'),
    "unsupported format character '?' (0x1f600) at index 3",
  );
  assert.equal(
    runFailure('def main():\n    return "\\ud800%b" % (1,)\n'),
    "unsupported format character 'b' (0x62) at index 2",
  );
});
