/**
 * Compiler speed: validate + lower + encode + self-verify a generated
 * 2,000-line contract (target: under 50 ms). Run with `deno task bench`.
 */

import { compileContract, decodeModule, verifyModule } from "../ir.ts";
import { generateContract } from "./generated_contract.ts";

const text = generateContract(2000);
const bytes = new TextEncoder().encode(text);
const compiled = compileContract(bytes, { file: "generated.py" });
const lineCount = text.split("\n").length - 1;

Deno.bench(`compile ${lineCount} lines (validate + lower + encode + verify)`, {
  group: "compiler",
  baseline: true,
}, () => {
  compileContract(bytes, { file: "generated.py" });
});

Deno.bench(`decode + verify ${compiled.bytes.length} bytes of IR`, { group: "compiler" }, () => {
  verifyModule(decodeModule(compiled.bytes));
});
