/**
 * Manifests: the examples validate and agree with their sources; broken
 * manifests (tests/vectors/broken_manifests.json) fail with exactly the
 * listed JSON paths and messages; the source cross-check and event checks
 * report what they should.
 */

import assert from "node:assert/strict";
import { AbiEncodeError, type Manifest, ManifestError, parseManifest } from "../mod.ts";
import { checkManifestAgainstSource, parseContract } from "../validate.ts";
import { checkEventArgs } from "../abi.ts";
import { selectorCollisions } from "../lib/abi/manifest.ts";

const EXAMPLES = new URL("../examples/", import.meta.url);
const BROKEN = new URL("./vectors/broken_manifests.json", import.meta.url);

function exampleManifest(name: string): Manifest {
  return parseManifest(
    JSON.parse(Deno.readTextFileSync(new URL(`${name}/manifest.json`, EXAMPLES))),
  );
}

Deno.test("manifest: every example validates and agrees with its source", () => {
  for (const entry of Deno.readDirSync(EXAMPLES)) {
    if (!entry.isDirectory) continue;
    const manifest = exampleManifest(entry.name);
    const source = Deno.readTextFileSync(new URL(`${entry.name}/${manifest.entry}`, EXAMPLES));
    const check = checkManifestAgainstSource(manifest, parseContract(source, manifest.entry));
    assert.deepEqual(check, { errors: [], warnings: [] }, entry.name);
  }
});

Deno.test("manifest: broken manifests fail with the JSON path of each problem", () => {
  const { cases } = JSON.parse(Deno.readTextFileSync(BROKEN)) as {
    cases: { name: string; manifest: unknown; problems: string[] }[];
  };
  assert.ok(cases.length >= 10);
  for (const { name, manifest, problems } of cases) {
    assert.throws(
      () => parseManifest(manifest),
      (error: unknown) => {
        assert.ok(error instanceof ManifestError, name);
        const actual = error.problems.map((p) => `${p.path}: ${p.message}`);
        assert.deepEqual(
          actual.map((line, i) => line.slice(0, problems[i]?.length)),
          problems,
          name,
        );
        return true;
      },
    );
  }
});

Deno.test("manifest: equal selectors of different functions are a compile-time error", () => {
  // A real 64-bit collision cannot be constructed, so the selectors are forced equal.
  const selector = Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8]);
  const fn = (name: string) => ({
    name,
    inputs: [],
    outputs: [],
    signature: `${name}()`,
    selector,
  });
  assert.deepEqual(
    selectorCollisions([fn("a"), fn("b"), { ...fn("c"), selector: new Uint8Array(8) }]),
    [
      {
        path: "abi.functions[1]",
        message: "selector 0x0102030405060708 of b() collides with abi.functions[0] (a())",
      },
    ],
  );
});

Deno.test("manifest: the source cross-check finds missing functions, arity and names", () => {
  const manifest = parseManifest({
    name: "x",
    version: "1.0.0",
    entry: "x.py",
    abi: {
      functions: [
        { name: "a", inputs: [{ name: "x", type: "int" }], outputs: [] },
        { name: "b", inputs: [{ name: "y", type: "int" }], outputs: [] },
        { name: "c", inputs: [{ name: "q", type: "int" }], outputs: [] },
        { name: "missing", inputs: [], outputs: [] },
      ],
    },
  });
  const module = parseContract(
    "def a(x):\n    return x\ndef b(y, z):\n    return y\ndef c(p):\n    return p\ndef extra():\n    pass\ndef _private():\n    pass\n",
  );
  const check = checkManifestAgainstSource(manifest, module);
  assert.deepEqual(check.errors.map((p) => p.path), [
    "abi.functions[1].inputs",
    "abi.functions[2].inputs[0].name",
    "abi.functions[3].name",
  ]);
  assert.match(
    check.errors[0]?.message ?? "",
    /b takes 2 parameters \(y, z\) in x\.py, the ABI lists 1/,
  );
  assert.deepEqual(check.warnings.map((p) => p.message), [
    "public function 'extra' is not in the ABI (prefix it with _ to mark it private)",
  ]);
});

Deno.test("manifest: emitted events are checked against their declaration", () => {
  const manifest = exampleManifest("counter");
  const encoded = checkEventArgs(manifest, "Set", new Map([["value", 5n]]));
  assert.deepEqual(Array.from(encoded), [10]);
  assert.throws(() => checkEventArgs(manifest, "Reset", new Map()), /event Reset: is not declared/);
  assert.throws(() => checkEventArgs(manifest, "Set", new Map()), /event Set\.value: is missing/);
  assert.throws(
    () => checkEventArgs(manifest, "Set", new Map([["value", 1n], ["extra", 2n]])),
    /event Set\.extra: is not a declared argument/,
  );
  assert.throws(
    () => checkEventArgs(manifest, "Set", new Map([["value", "five"]])),
    (error: unknown) => error instanceof AbiEncodeError && error.path === "event Set.value",
  );
});
