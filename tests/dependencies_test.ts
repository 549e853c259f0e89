/**
 * Which modules of lib/ and cli/ may import which packages: only
 * lib/pq_noble.ts imports @noble/post-quantum (spec/RUNTIME.md
 * §pq_verify); none imports cborg, @scure/base or @noble/hashes, which
 * are the tests' oracles for the CBOR codec, bech32m, base64, blake3 and
 * SHAKE256 (spec/RUNTIME.md §8); so `run` loads no npm package.
 */

import assert from "node:assert/strict";
import { ROOT, sourceFiles, staticGraph, staticImports } from "./support/sources.ts";

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

Deno.test("dependencies: nothing in lib/ or cli/ imports @scure/base or @noble/hashes", () => {
  assert.deepEqual(importers(/^npm:(@scure\/base|@noble\/hashes)/), []);
});

Deno.test("dependencies: `run` loads no npm package (the post-quantum one only by its dynamic import)", () => {
  // cli.ts, which every command goes through, and the run command it loads.
  for (const entry of ["cli.ts", "cli/run.ts"]) {
    const graph = staticGraph(new URL(entry, ROOT), true);
    assert.ok(graph.has(new URL("lib/errors.ts", ROOT).href), `${entry}: the walk follows imports`);
    assert.deepEqual([...graph].filter((specifier) => specifier.startsWith("npm:")), [], entry);
  }
});
