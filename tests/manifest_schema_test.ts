/**
 * The ahead-of-time manifest validator: lib/abi/manifest_schema_generated.ts
 * is what tools/manifest_schema.ts makes from the committed spec/*.schema.json
 * (run `deno task schema` when a schema changes), it needs no schema library
 * when it runs, and it agrees with ajv compiling the schemas at run time on
 * the broken-manifest vectors and on strings whose length counts code points.
 */

import assert from "node:assert/strict";
import { Ajv2020 } from "npm:ajv@8.20.0/dist/2020.js";
import { GENERATED_PATH, renderManifestValidator } from "../tools/manifest_schema.ts";
import { validateManifestSchema } from "../lib/abi/manifest_schema_generated.ts";
import { codePointLength, jsonEqual } from "../lib/abi/schema_runtime.ts";

const ROOT = new URL("../", import.meta.url);
const readJson = (path: string): Record<string, unknown> =>
  JSON.parse(Deno.readTextFileSync(new URL(path, ROOT)));

Deno.test("manifest schema: the generated validator is current (run `deno task schema`)", () => {
  const committed = Deno.readTextFileSync(new URL(GENERATED_PATH, ROOT));
  const fresh = renderManifestValidator(
    readJson("spec/manifest.schema.json"),
    readJson("spec/abi.schema.json"),
  );
  assert.equal(committed, fresh);
});

Deno.test("manifest schema: the generated validator imports no schema library", () => {
  const text = Deno.readTextFileSync(new URL(GENERATED_PATH, ROOT));
  const imports = [...text.matchAll(/(?:from\s+|require\(|import\()"([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual(imports, ["./schema_runtime.ts"]);
});

Deno.test("manifest schema: the generated validator agrees with ajv at run time", () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  ajv.addSchema(readJson("spec/abi.schema.json"));
  const reference = ajv.compile(readJson("spec/manifest.schema.json"));
  const { cases } = readJson("tests/vectors/broken_manifests.json") as {
    cases: { manifest: unknown }[];
  };
  const good = readJson("examples/counter/manifest.json");
  const long = (text: string) => ({ ...good, name: text });
  const samples: unknown[] = [
    ...cases.map((c) => c.manifest),
    good,
    { ...good, caps: ["zk_verify", "zk_verify"] },
    { ...good, caps: ["zk_verify", "blob_pin"] },
    long("a".repeat(64)),
    long("a".repeat(65)),
    { ...good, description: "\u{1F600}".repeat(70) },
    null,
    [],
    "manifest",
  ];
  for (const sample of samples) {
    const expected = reference(sample);
    assert.equal(validateManifestSchema(sample), expected, JSON.stringify(sample));
    assert.deepEqual(validateManifestSchema.errors ?? null, reference.errors ?? null);
  }
});

Deno.test("manifest schema: code point length and JSON equality", () => {
  assert.equal(codePointLength(""), 0);
  assert.equal(codePointLength("abc"), 3);
  assert.equal(codePointLength("\u{1F600}x"), 2);
  assert.equal(codePointLength("\ud800x"), 2);
  assert.equal(codePointLength("x\udc00\ud800"), 3);
  assert.ok(jsonEqual({ a: [1, { b: null }] }, { a: [1, { b: null }] }));
  assert.ok(jsonEqual({ a: 1, b: 2 }, { b: 2, a: 1 }));
  assert.ok(!jsonEqual({ a: 1 }, { a: 1, b: 2 }));
  assert.ok(!jsonEqual({ a: 1, c: 2 }, { a: 1, b: 2 }));
  assert.ok(!jsonEqual([1, 2], [2, 1]));
  assert.ok(!jsonEqual([1], { 0: 1 }));
  assert.ok(!jsonEqual("1", 1));
  assert.ok(!jsonEqual(null, {}));
});
