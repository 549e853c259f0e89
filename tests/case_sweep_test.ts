/**
 * Family 20 of issue 10: the str case methods answer as CPython 3.11
 * (Unicode 14) does, never as the JS engine's tables would. Every code
 * point alone goes through each method and is compared with CPython by a
 * digest per block (a differing block then names its code points); seeded
 * random strs mixing cased letters, sigma contexts, digraphs, combining
 * marks and lone surrogates go through each method directly and, fewer,
 * through compiled contracts; the examples are regression cases.
 */

import assert from "node:assert/strict";
import { sha3_256 } from "npm:@noble/hashes@2.4.0/sha3.js";
import { toHex } from "../abi.ts";
import { STR_METHODS } from "../lib/runtime/methods/str.ts";
import type { Charge } from "../lib/runtime/meter.ts";
import {
  codePoints,
  strFromCodePoint,
  strFromCodePoints,
  strFromUtf16,
  utf8SurrogatePass,
} from "../lib/text_units.ts";
import { cpythonOutcomes, vmOutcome } from "./support/differential.ts";
import { pythonUnavailableReason, runPythonJson } from "./support/python.ts";
import { SeededRandom } from "./support/random.ts";
import { CASE_POINTS, pythonLiteral, randomCodePoints } from "./support/unicode_strings.ts";

const METHODS = [
  "upper",
  "lower",
  "casefold",
  "title",
  "swapcase",
  "capitalize",
  "istitle",
  "islower",
  "isupper",
] as const;
type CaseMethod = (typeof METHODS)[number];

const BLOCK = 4096;
const FREE: Charge = { pay: () => {}, units: () => {}, gasLeft: () => Number.MAX_SAFE_INTEGER };
const ORACLE = new URL("./support/case_oracle.py", import.meta.url);

function call(name: CaseMethod, text: string): string | boolean {
  const result = STR_METHODS[name](FREE, text, [], new Map());
  if (typeof result !== "string" && typeof result !== "boolean") {
    throw new Error(`${name} returned ${String(result)}`);
  }
  return result;
}

function asText(result: string | boolean): string {
  return typeof result === "boolean" ? (result ? "1" : "0") : result;
}

function blockDigest(name: CaseMethod, start: number): string {
  const results: string[] = [];
  for (let cp = start; cp < Math.min(start + BLOCK, 0x110000); cp++) {
    results.push(asText(call(name, strFromCodePoint(cp))));
  }
  return toHex(sha3_256(utf8SurrogatePass(results.join("\0")))).slice(2);
}

/** The code points of the first differing blocks whose results differ, named with both answers. */
async function differingCodePoints(blocks: readonly [CaseMethod, number][]): Promise<string[]> {
  if (blocks.length === 0) return [];
  const shown = blocks.slice(0, 4);
  const points = shown.flatMap(([, start]) =>
    Array.from({ length: Math.min(BLOCK, 0x110000 - start) }, (_, i) => [start + i])
  );
  const oracle = await runPythonJson(
    ORACLE,
    JSON.stringify({ block: 0x110000, methods: METHODS, strings: points }),
  ) as { strings: Record<CaseMethod, (number[] | boolean)[]> };
  const out: string[] = [];
  shown.forEach(([name, start], b) => {
    for (let i = 0; i < BLOCK && start + i < 0x110000; i++) {
      const expected = oracle.strings[name][b * BLOCK + i];
      const ours = call(name, strFromCodePoint(start + i));
      const theirs = typeof expected === "boolean" ? expected : strFromCodePoints(expected ?? []);
      if (ours !== theirs) {
        out.push(
          `U+${(start + i).toString(16)}.${name}(): ${JSON.stringify(ours)}, CPython ${
            JSON.stringify(theirs)
          }`,
        );
      }
    }
  });
  if (blocks.length > shown.length) out.push(`... and ${blocks.length - shown.length} more blocks`);
  return out;
}

const skipReason = pythonUnavailableReason();
if (skipReason !== null) console.log(`case sweep skipped: ${skipReason}`);

Deno.test("case: the issue's examples and CPython's special rules", () => {
  const cases: [CaseMethod, string, string | boolean][] = [
    ["upper", "ß", "SS"],
    ["upper", "ŉ", "ʼN"],
    ["title", "ǆemal", "ǅemal"],
    ["capitalize", "ǆEMAL", "ǅemal"],
    ["swapcase", "ǅ", "ǅ"],
    ["lower", "İ", "i̇"],
    ["lower", "ΑΣ", "ας"],
    ["lower", "Σ", "σ"],
    ["lower", "ΑΣ'Α", "ασ'α"],
    ["lower", "ΑΣ'", "ας'"],
    ["casefold", "ΑΣ", "ασ"],
    ["title", "ΑΣ Β", "Ας Β"],
    ["upper", "ﬃ", "FFI"],
    ["title", "ﬃ", "Ffi"],
    ["upper", "\u019b", "\u019b"],
    ["lower", "\ua7cb", "\ua7cb"],
    ["upper", "\u{10d70}", "\u{10d70}"],
    ["lower", "\u{10d50}", "\u{10d50}"],
    ["istitle", "ǅemal", true],
    ["istitle", "ǄEMAL", false],
    ["isupper", "ǅ", false],
    ["islower", "ß", true],
    ["isupper", "\ud800A", true],
  ];
  // The literals here are JS strings: strFromUtf16 gives their str encoding (the lone surrogate).
  const wrong = cases.filter(([name, text, expected]) =>
    call(name, strFromUtf16(text)) !==
      (typeof expected === "string" ? strFromUtf16(expected) : expected)
  )
    .map(([name, text]) =>
      `${JSON.stringify(text)}.${name}() = ${JSON.stringify(call(name, text))}`
    );
  assert.deepEqual(wrong, []);
});

Deno.test({
  name: "case sweep: every code point and random strs through each case method match CPython",
  ignore: skipReason !== null,
  async fn() {
    const random = new SeededRandom(20);
    const strings = Array.from({ length: 3000 }, () => randomCodePoints(random, CASE_POINTS, 12));
    const oracle = await runPythonJson(
      ORACLE,
      JSON.stringify({ block: BLOCK, methods: METHODS, strings }),
    ) as {
      digests: Record<CaseMethod, string[]>;
      strings: Record<CaseMethod, (number[] | boolean)[]>;
    };
    const differingBlocks: [CaseMethod, number][] = [];
    for (const name of METHODS) {
      oracle.digests[name].forEach((digest, block) => {
        if (blockDigest(name, block * BLOCK) !== digest) {
          differingBlocks.push([name, block * BLOCK]);
        }
      });
    }
    assert.deepEqual(await differingCodePoints(differingBlocks), []);
    const mismatches: string[] = [];
    for (const name of METHODS) {
      strings.forEach((points, i) => {
        const ours = call(name, strFromCodePoints(points));
        const expected = oracle.strings[name][i];
        const same = typeof expected === "boolean"
          ? ours === expected
          : typeof ours === "string" && codePoints(ours).join() === (expected ?? []).join();
        if (!same) mismatches.push(`${pythonLiteral(points)}.${name}()`);
      });
    }
    assert.deepEqual(mismatches.slice(0, 20), [], `${mismatches.length} differ`);
  },
});

Deno.test({
  name: "case sweep: compiled contracts call the case methods as CPython does",
  ignore: skipReason !== null,
  async fn() {
    const random = new SeededRandom(2020);
    const sources = Array.from({ length: 8 }, () => {
      const literals = Array.from(
        { length: 40 },
        () => pythonLiteral(randomCodePoints(random, CASE_POINTS, 8)),
      );
      const calls = METHODS.map((name) => `x.${name}()`).join(", ");
      return `def main():\n    xs = [${
        literals.join(", ")
      }]\n    return str([[${calls}] for x in xs])\n`;
    });
    const expected = await cpythonOutcomes(sources);
    const mismatches = sources.filter((source, i) => vmOutcome(source) !== expected[i]);
    assert.deepEqual(mismatches, []);
  },
});
