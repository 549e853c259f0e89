/**
 * Which modules of lib/ and cli/ may import which packages: only
 * lib/pq_noble.ts imports @noble/post-quantum (spec/RUNTIME.md
 * §pq_verify), and none imports cborg, which is the tests' CBOR oracle
 * only (lib/compile/cbor.ts, spec/RUNTIME.md §8).
 */

import assert from "node:assert/strict";
import { sourceFiles, staticImports } from "./support/sources.ts";

/** Paths of the non-test modules of lib/ and cli/ that import a specifier matching `pattern`. */
function importers(pattern: RegExp): string[] {
  return ["lib/", "cli/"].flatMap((folder) => sourceFiles(folder, false))
    .filter((file) => staticImports(file.text).some((specifier) => pattern.test(specifier)))
    .map((file) => file.path);
}

Deno.test("dependencies: only lib/pq_noble.ts imports @noble/post-quantum", () => {
  assert.deepEqual(importers(/^npm:@noble\/post-quantum/), [
    "lib/pq_noble.ts",
  ]);
});

Deno.test("dependencies: nothing in lib/ or cli/ imports cborg", () => {
  assert.deepEqual(importers(/^npm:cborg/), []);
});
