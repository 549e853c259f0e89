/** Colour of diagnostics: location bold, caret red, hint cyan; other lines untouched. */

import assert from "node:assert/strict";
import { colorDiagnostic } from "./color.ts";

Deno.test("colorDiagnostic colours the location, the caret and the hint only", () => {
  const text = [
    "f.py:2:14: no-true-division: true division `/` is not supported",
    "        return a / b",
    "                 ^",
    "    hint: use floor division `//`",
  ].join("\n");
  assert.equal(
    colorDiagnostic(text),
    [
      "\x1b[1mf.py:2:14: no-true-division: true division `/` is not supported\x1b[0m",
      "        return a / b",
      "\x1b[31m                 ^\x1b[0m",
      "\x1b[36m    hint: use floor division `//`\x1b[0m",
    ].join("\n"),
  );
});

Deno.test("piped output has no colour even without NO_COLOR", async () => {
  const path = await Deno.makeTempFile({ suffix: ".py" });
  try {
    await Deno.writeTextFile(path, "def f(a, b):\n    return a / b\n");
    const output = await new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        "--allow-read",
        new URL("../cli.ts", import.meta.url).pathname,
        "validate",
        path,
      ],
      stdout: "piped",
      stderr: "piped",
    }).output();
    assert.equal(output.code, 1);
    assert.ok(
      !new TextDecoder().decode(output.stdout).includes("\x1b["),
      "escape codes in piped output",
    );
  } finally {
    await Deno.remove(path);
  }
});
