/**
 * `deno task golden:update`: rewrites the compiler goldens of every example
 * (tests/golden/NAME.ir.hex and NAME.dis) and the receipts of the example
 * call scenarios (tests/golden/receipts.json) and the outcome of every runtime
 * corpus program and benchmark workload (tests/golden/corpus.json). Run only when a change to the IR
 * bytes or disassembly is intended, and review the diff.
 */

import { corpusLines, goldenFiles, receiptLines } from "../tests/support/golden.ts";

for (const golden of goldenFiles()) {
  await Deno.writeTextFile(golden.hexPath, golden.hex);
  await Deno.writeTextFile(golden.disPath, golden.disassembly);
  console.log(`wrote ${golden.hexPath} and ${golden.disPath}`);
}

await Deno.writeTextFile(
  "tests/golden/receipts.json",
  JSON.stringify(receiptLines(), null, 1) + "\n",
);
console.log("wrote tests/golden/receipts.json");

await Deno.writeTextFile(
  "tests/golden/corpus.json",
  JSON.stringify(corpusLines(), null, 1) + "\n",
);
console.log("wrote tests/golden/corpus.json");
