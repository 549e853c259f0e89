/**
 * Hash flooding: contracts whose dict keys, set elements and storage keys
 * are chosen to collide in the engine's own Map (strs that spell array
 * indices, bigints equal in their low words, ints crafted against our
 * table's fixed hash) must run about as fast per gas as the same contract
 * with keys that do not collide. Each pair is timed side by side in one
 * run (CPU load slows both alike), best of three, and held to a ratio far
 * below the 20-60x the flood costs in the engine's Map.
 */

import assert from "node:assert/strict";
import { keysCollidingInKeyMap, strsCollidingInKeyMap } from "./support/key_map_floods.ts";
import { runSource } from "./support/runtime.ts";

/** How much slower per gas a crafted key set may run than its honest twin. */
const MOST_SLOWDOWN = 5;
const GAS = 2_000_000;

/** A contract building dicts from `keys(j)` until its gas runs out, with `body` per key. */
function builder(setup: string, body: string): string {
  return [
    ...(setup === "" ? [] : [setup]),
    "def main():",
    "    while True:",
    "        d = {}",
    "        for j in range(4096):",
    `            ${body}`,
    "",
  ].join("\n");
}

/** Nanoseconds per gas of `source` at `gas` (GAS unless given), best of three. */
function nsPerGas(source: string, gas = GAS): number {
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    const start = performance.now();
    const result = runSource(source, { gasLimit: gas });
    const elapsed = performance.now() - start;
    assert.equal(result.gasUsed > gas * 0.9, true, `used ${result.gasUsed} gas`);
    best = Math.min(best, (elapsed * 1e6) / result.gasUsed);
  }
  return best;
}

/** A contract copying a dict of 2,000 keys `key(j)` until its gas runs out. */
function copier(key: string): string {
  return [
    "def main():",
    "    d = {}",
    "    for j in range(2000):",
    `        d[${key}] = j`,
    "    while True:",
    "        e = d.copy()",
    "",
  ].join("\n");
}

/** A Python list literal of `strs`, every unit but a letter or digit written as a \\u escape. */
function strList(strs: readonly string[]): string {
  const literal = (text: string) =>
    `"${
      text.replace(/[^0-9A-Za-z]/g, (unit) =>
        `\\u${unit.charCodeAt(0).toString(16).padStart(4, "0")}`)
    }"`;
  return `[${strs.map(literal).join(", ")}]`;
}

const crafted = keysCollidingInKeyMap(4096);
const craftedStrs = strsCollidingInKeyMap(4096);
// The same strs with their last unit changed: the same shape, hashes that do not collide.
const honestStrs = craftedStrs.map((text) =>
  text.slice(0, -1) + String.fromCharCode(text.charCodeAt(text.length - 1) ^ 0x100)
);
const CASES: readonly { name: string; crafted: string; honest: string; gas?: number }[] = [
  {
    name: "dict keys str(j << 16) (index strs)",
    crafted: builder("", "d[str(j << 16)] = j"),
    honest: builder("", "d[str(j) + 'x'] = j"),
  },
  {
    name: "dict keys (j + 1) << 64 (bigints equal in their low words)",
    crafted: builder("", "d[(j + 1) << 64] = j"),
    honest: builder("", "d[((j + 1) << 64) + j] = j"),
  },
  {
    name: "dict keys crafted against the table's own hash",
    crafted: builder(`K = ${JSON.stringify(crafted)}`, "d[K[j]] = j"),
    honest: builder(`K = ${JSON.stringify(crafted.map((_, i) => i * 7919))}`, "d[K[j]] = j"),
  },
  {
    name: "dict keys of 12 units crafted against the table's own str hash",
    crafted: builder(`K = ${strList(craftedStrs)}`, "d[K[j]] = j"),
    honest: builder(`K = ${strList(honestStrs)}`, "d[K[j]] = j"),
  },
  {
    name: "storage keys of 10 ASCII digits (index strs)",
    crafted: builder(
      "from stdlib import storage",
      'storage.set(str(1000000000 + (j << 16)).encode(), b"v")',
    ),
    honest: builder(
      "from stdlib import storage",
      'storage.set(str(1000000000 + j).encode(), b"v")',
    ),
  },
  {
    // Past a double's range every such int hashes alike in our table; a copy that set each key
    // again flooded anew and built each key's hex again (1,092 ns per gas against 123).
    name: "dict.copy() of 2,000 keys (j + 1) << 4000 (alike past a double's range)",
    crafted: copier("(j + 1) << 4000"),
    honest: copier("((j + 1) << 4000) + j"),
  },
  {
    name: "dict keys (j + 1) << 4000 and lookups (big ints past a double's range)",
    crafted: builder("", "k = (j + 1) << 4000\n            d[k] = j\n            r = k in d"),
    honest: builder("", "k = ((j + 1) << 4000) + j\n            d[k] = j\n            r = k in d"),
  },
  {
    name: "dict keys of 16,384 UTF-16 units, one length (hashed by length alone)",
    crafted: builder('S = "a" * 16379', "d[S + str(10000 + j)] = j"),
    honest: builder('S = "a" * 16378', "d[S + str(10000 + j)] = j"),
    // Each key costs its text to build, so a flood needs more keys than GAS buys.
    gas: 30_000_000,
  },
  {
    name: "set elements (j + 1) << 64",
    crafted: builder("", "d[(j + 1) << 64] = j\n        s = d.keys() | []"),
    honest: builder("", "d[((j + 1) << 64) + j] = j\n        s = d.keys() | []"),
  },
];

for (const c of CASES) {
  Deno.test(`hash flood: ${c.name} runs within ${MOST_SLOWDOWN}x its honest twin per gas`, () => {
    const honest = nsPerGas(c.honest, c.gas);
    const attack = nsPerGas(c.crafted, c.gas);
    assert.ok(
      attack < honest * MOST_SLOWDOWN,
      `crafted ${attack.toFixed(1)} ns/gas, honest ${honest.toFixed(1)} ns/gas`,
    );
  });
}
