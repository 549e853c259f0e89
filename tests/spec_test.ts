/**
 * The specs stay true: every rule is documented (VALIDATION.md), the ABI selector table is exact
 * (ABI.md), and the topics and hashes of RECEIPTS.md are the implementation's and the vectors'.
 */

import assert from "node:assert/strict";
import { RULES } from "../validate.ts";
import { sha3_256 } from "npm:@noble/hashes@2.4.0/sha3.js";
import { selectorOf, toHex } from "../abi.ts";

Deno.test("spec/VALIDATION.md lists every rule with its summary", () => {
  const spec = Deno.readTextFileSync(new URL("../spec/VALIDATION.md", import.meta.url));
  const documented = new Map(
    [...spec.matchAll(/^\|\s*`([a-z0-9-]+)`\s*\|\s*([^|]+?)\s*\|/gm)].map((
      m,
    ) => [m[1] ?? "", (m[2] ?? "").trim()]),
  );
  const expected = new Map(Object.entries(RULES).map(([id, info]) => [id, info.summary]));
  assert.deepEqual(documented, expected);
});

Deno.test("spec/ABI.md: the selector table matches the implementation", () => {
  const spec = Deno.readTextFileSync(new URL("../spec/ABI.md", import.meta.url));
  const rows = [
    ...spec.matchAll(/^\|\s*`([a-z_]+\([a-z,<>()]*\))`\s*\|\s*`([0-9a-f]{16})`\s*\|/gm),
  ];
  assert.ok(rows.length >= 4);
  for (const [, signatureText, selector] of rows) {
    assert.equal(toHex(selectorOf(signatureText ?? "")), `0x${selector}`, signatureText);
  }
});

Deno.test("spec/RECEIPTS.md: the topic0 table and the worked hashes match the implementation and vectors", () => {
  const spec = Deno.readTextFileSync(new URL("../spec/RECEIPTS.md", import.meta.url));
  const rows = [
    ...spec.matchAll(/^\|\s*`([A-Za-z]+\([a-z,<>()]*\))`\s*\|\s*`([0-9a-f]{64})`\s*\|/gm),
  ];
  assert.equal(rows.length, 9);
  for (const [, signatureText, topic] of rows) {
    assert.equal(toHex(sha3_256(new TextEncoder().encode(signatureText ?? ""))), `0x${topic}`);
  }
  const vectors = JSON.parse(
    Deno.readTextFileSync(new URL("./vectors/receipts.json", import.meta.url)),
  ) as {
    receipts: { hash: string; logs: { topics: string[] }[] }[];
    receiptsRoots: { root: string }[];
    state: { root: string };
  };
  const pinned = new Set([
    ...vectors.receipts.map((receipt) => receipt.hash.slice(2)),
    ...vectors.receipts.flatMap((receipt) =>
      receipt.logs.flatMap((log) => log.topics.map((topic) => topic.slice(2)))
    ),
    ...vectors.receiptsRoots.map((root) => root.root.slice(2)),
    vectors.state.root.slice(2),
  ]);
  const quoted = [...spec.matchAll(/`([0-9a-f]{64})`/g)].map((m) => m[1] ?? "");
  const topics = new Set(rows.map((row) => row[2]));
  const unknown = quoted.filter((hex) => !pinned.has(hex) && !topics.has(hex));
  assert.deepEqual(unknown, []);
});
