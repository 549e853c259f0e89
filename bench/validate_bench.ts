/**
 * Front-end speed: tokenize, parse and validate a generated 2,000-line
 * contract (target: under 20 ms for all three). Run with `deno task bench`.
 */

import { validate } from "../validate.ts";
import { SOURCE_LIMITS } from "../lib/compile/compile.ts";
import { parseModule } from "../lib/validate/parse_stmt.ts";
import { SourceText } from "../lib/validate/source.ts";
import { tokenize } from "../lib/validate/tokenizer.ts";
import { generateContract } from "./generated_contract.ts";

const text = generateContract(2000);
const bytes = new TextEncoder().encode(text);
const check = validate(bytes, "generated.py");
if (!check.ok) throw new Error(`generated contract is invalid: ${check.diagnostics[0]?.message}`);
const lineCount = text.split("\n").length - 1;

Deno.bench(`tokenize ${lineCount} lines`, { group: "front end" }, () => {
  tokenize(new SourceText("generated.py", text));
});

Deno.bench(`tokenize + parse ${lineCount} lines`, { group: "front end" }, () => {
  parseModule(new SourceText("generated.py", text), SOURCE_LIMITS);
});

Deno.bench(`decode + tokenize + parse + validate ${lineCount} lines`, {
  group: "front end",
  baseline: true,
}, () => {
  validate(bytes, "generated.py");
});
