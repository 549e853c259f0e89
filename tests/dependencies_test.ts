/**
 * Which modules of lib/ and cli/ may import which packages: only
 * lib/pq_noble.ts imports @noble/post-quantum (spec/RUNTIME.md
 * §pq_verify), and none imports cborg, which is the tests' CBOR oracle
 * only (lib/compile/cbor.ts, spec/RUNTIME.md §8).
 */

import assert from "node:assert/strict";

const ROOT = new URL("../", import.meta.url);

/** Paths (from the root) of the non-test modules of `folders` whose text imports `pattern`. */
function importers(folders: readonly string[], pattern: RegExp): string[] {
  const found: string[] = [];
  const walk = (directory: URL) => {
    for (const entry of Deno.readDirSync(directory)) {
      const url = new URL(entry.name + (entry.isDirectory ? "/" : ""), directory);
      if (entry.isDirectory) walk(url);
      else if (entry.name.endsWith(".ts") && !entry.name.endsWith("_test.ts")) {
        if (pattern.test(Deno.readTextFileSync(url))) {
          found.push(url.pathname.slice(ROOT.pathname.length));
        }
      }
    }
  };
  for (const folder of folders) walk(new URL(folder, ROOT));
  return found.sort();
}

Deno.test("dependencies: only lib/pq_noble.ts imports @noble/post-quantum", () => {
  assert.deepEqual(importers(["lib/", "cli/"], /from "npm:@noble\/post-quantum/), [
    "lib/pq_noble.ts",
  ]);
});

Deno.test("dependencies: nothing in lib/ or cli/ imports cborg", () => {
  assert.deepEqual(importers(["lib/", "cli/"], /from "npm:cborg/), []);
});
