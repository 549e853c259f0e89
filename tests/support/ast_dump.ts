/**
 * Normalized JSON form of an animica AST, matching tests/support/cpython_ast.py,
 * so that our parser can be compared with CPython's node for node.
 */

import type { ConstantValue, Module } from "../../lib/validate/ast.ts";
import type { SourceText } from "../../lib/validate/source.ts";

const FIELD_NAMES: Readonly<Record<string, string>> = {
  decoratorList: "decorator_list",
  kwDefaults: "kw_defaults",
  isAsync: "is_async",
  contextExpr: "context_expr",
  optionalVars: "optional_vars",
  kwdAttrs: "kwd_attrs",
  kwdPatterns: "kwd_patterns",
};
const SKIPPED = new Set(["kind", "start", "end", "nameStart"]);
const encoder = new TextEncoder();

/** Normalized dump of `module`, positions resolved against `source`. */
export function dumpModule(module: Module, source: SourceText): unknown {
  return dumpNode(module, source);
}

function utf8Position(source: SourceText, offset: number): [number, number] {
  const { line } = source.position(offset);
  const lineStart = source.lineStarts[line - 1] ?? 0;
  return [line, encoder.encode(source.text.slice(lineStart, offset)).length];
}

function dumpConstant(value: ConstantValue): unknown {
  switch (value.type) {
    case "None":
    case "Ellipsis":
      return { [value.type]: null };
    case "int":
      return { int: value.value.toString() };
    case "float":
    case "imaginary": {
      const view = new DataView(new ArrayBuffer(8));
      view.setFloat64(0, value.value);
      const hex = Array.from(new Uint8Array(view.buffer), (b) => b.toString(16).padStart(2, "0"));
      return { [value.type]: hex.join("") };
    }
    case "bytes":
      return { bytes: Array.from(value.value, (b) => b.toString(16).padStart(2, "0")).join("") };
    default:
      return { [value.type]: value.value };
  }
}

function dumpNode(node: unknown, source: SourceText): unknown {
  if (Array.isArray(node)) return node.map((item) => dumpNode(item, source));
  if (typeof node === "boolean") return node ? 1 : 0;
  if (node === null || typeof node !== "object") return node;
  const record = node as Record<string, unknown>;
  const out: Record<string, unknown> = { _type: record.kind };
  if (typeof record.start === "number" && typeof record.end === "number") {
    out.pos = [...utf8Position(source, record.start), ...utf8Position(source, record.end)];
  }
  if (record.kind === "JoinedStr") return out;
  for (const [key, value] of Object.entries(record)) {
    if (SKIPPED.has(key)) continue;
    const isConstant = record.kind === "Constant" || record.kind === "MatchSingleton";
    out[FIELD_NAMES[key] ?? key] = isConstant && key === "value"
      ? dumpConstant(value as ConstantValue)
      : dumpNode(value, source);
  }
  return out;
}
