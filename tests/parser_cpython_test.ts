/**
 * Differential test of the parser against CPython 3.11's own: every valid
 * snippet (syntax corpus, example contracts, accepted conformance snippets)
 * must give the same tree — node kinds, fields, line and column numbers —
 * as `ast.parse`, and every snippet of tests/corpus/syntax/invalid.py must
 * be rejected by both.
 */

import assert from "node:assert/strict";
import { ValidationError } from "../mod.ts";
import { SOURCE_LIMITS } from "../lib/compile/compile.ts";
import { parseModule } from "../lib/validate/parse_stmt.ts";
import { SourceText } from "../lib/validate/source.ts";
import { dumpModule } from "./support/ast_dump.ts";
import { listFiles, readChunks } from "./support/chunks.ts";
import { pythonUnavailableReason, runPythonJson } from "./support/python.ts";

const SYNTAX = new URL("./corpus/syntax/", import.meta.url);
const CONFORMANCE = new URL("./conformance/validate/", import.meta.url);
const EXAMPLES = new URL("../examples/", import.meta.url);
const DUMPER = new URL("./support/cpython_ast.py", import.meta.url);

interface Snippet {
  readonly where: string;
  readonly text: string;
}

function splitSnippets(file: URL): Snippet[] {
  const name = file.pathname.split("/").pop() ?? "";
  return Deno.readTextFileSync(file).split(/^# ---.*\n/m).map((text, index) => ({
    where: `${name}#${index}`,
    text,
  }));
}

function validSnippets(): Snippet[] {
  const snippets = listFiles(SYNTAX, ".py")
    .filter((file) => !file.pathname.endsWith("/invalid.py"))
    .flatMap(splitSnippets);
  for (const entry of Deno.readDirSync(EXAMPLES)) {
    if (!entry.isDirectory) continue;
    for (const file of listFiles(new URL(`${entry.name}/`, EXAMPLES), ".py")) {
      snippets.push({ where: `examples/${entry.name}`, text: Deno.readTextFileSync(file) });
    }
  }
  for (const file of listFiles(CONFORMANCE, ".py")) {
    for (const chunk of readChunks(Deno.readTextFileSync(file))) {
      if (chunk.okFor.length > 0 && !chunk.hasRawBytes) {
        snippets.push({
          where: `${file.pathname.split("/").pop()}:${chunk.fileLine}`,
          text: chunk.text,
        });
      }
    }
  }
  return snippets;
}

function ourDump(text: string): unknown {
  const source = new SourceText("snippet.py", text);
  try {
    return dumpModule(parseModule(source, SOURCE_LIMITS), source);
  } catch (error) {
    if (error instanceof ValidationError) return { error: error.message };
    throw error;
  }
}

/** Recursively sorts object keys so that field order does not matter. */
function normalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalize);
  if (value === null || typeof value !== "object") return value;
  const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([key, item]) => [key, normalize(item)]));
}

const skipReason = pythonUnavailableReason();
if (skipReason !== null) console.log(`parser differential tests skipped: ${skipReason}`);

Deno.test({
  name: "parser matches CPython's ast on every valid snippet",
  ignore: skipReason !== null,
  async fn() {
    const snippets = validSnippets();
    assert.ok(snippets.length >= 150, `only ${snippets.length} snippets`);
    const expected = await runPythonJson(
      DUMPER,
      JSON.stringify(snippets.map((s) => s.text)),
    ) as unknown[];
    const mismatches: string[] = [];
    snippets.forEach((snippet, index) => {
      const ours = JSON.stringify(normalize(ourDump(snippet.text)));
      const theirs = JSON.stringify(normalize(expected[index]));
      if (theirs.includes('"error"')) {
        mismatches.push(`${snippet.where}: CPython rejects it: ${theirs}`);
      } else if (ours !== theirs) {
        mismatches.push(`${snippet.where}:\n  ours:    ${ours}\n  CPython: ${theirs}`);
      }
    });
    assert.deepEqual(mismatches, []);
  },
});

Deno.test({
  name: "parser rejects every snippet CPython rejects in invalid.py",
  ignore: skipReason !== null,
  async fn() {
    const snippets = splitSnippets(new URL("invalid.py", SYNTAX));
    assert.ok(snippets.length >= 40);
    const expected = await runPythonJson(
      DUMPER,
      JSON.stringify(snippets.map((s) => s.text)),
    ) as unknown[];
    snippets.forEach((snippet, index) => {
      assert.ok(
        JSON.stringify(expected[index]).includes('"error"'),
        `${snippet.where}: CPython accepts it`,
      );
      assert.ok(
        JSON.stringify(ourDump(snippet.text)).includes('"error"'),
        `${snippet.where}: we accept it`,
      );
    });
  },
});
