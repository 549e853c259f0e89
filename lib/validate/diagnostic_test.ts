import assert from "node:assert/strict";
import { formatDiagnostic, makeDiagnostic } from "./diagnostic.ts";
import { SourceText } from "./source.ts";

Deno.test("diagnostic: human format has location, line, caret under the span and hint", () => {
  const source = new SourceText("a.py", "x = 1\ny = é + 2.5\n");
  const at = source.text.indexOf("2.5");
  const diagnostic = makeDiagnostic(source, "no-float", { start: at, end: at + 3 }, "no floats");
  assert.equal(diagnostic.line, 2);
  assert.equal(diagnostic.column, 9);
  assert.equal(
    formatDiagnostic(diagnostic, source),
    "a.py:2:9: no-float: no floats\n    y = é + 2.5\n            ^^^\n    hint: use integers in fixed point, e.g. amounts in the smallest unit",
  );
});

Deno.test("diagnostic: very long lines are clipped around the caret", () => {
  const text = "x = " + "a".repeat(5000) + " + 1.5\n";
  const source = new SourceText("a.py", text);
  const at = text.indexOf("1.5");
  const shown = formatDiagnostic(
    makeDiagnostic(source, "no-float", { start: at, end: at + 3 }, "m"),
    source,
  );
  const [, line, caret] = shown.split("\n");
  assert.ok((line?.length ?? 0) <= 204);
  assert.equal(line?.slice(caret?.indexOf("^") ?? 0, (caret?.indexOf("^") ?? 0) + 3), "1.5");
});
