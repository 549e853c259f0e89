/**
 * Entry point of the front end: bytes or text in, a validated AST or every
 * diagnostic out. Decoding problems and syntax errors stop at the first
 * one; rule violations are all collected, sorted by position. Pure: no I/O,
 * no clock, no randomness.
 */

import { ValidationError } from "../errors.ts";
import type { Module } from "./ast.ts";
import { Checker } from "./checker.ts";
import { checkModule } from "./check_module.ts";
import { compareDiagnostics, type Diagnostic, makeDiagnostic } from "./diagnostic.ts";
import type { SourceLimits } from "./limits.ts";
import { parseModule } from "./parse_stmt.ts";
import { firstInvalidUtf8, SourceText } from "./source.ts";
import { asciiLowercase } from "../text_units.ts";

/** Outcome of validating one contract source. */
export type ValidationResult =
  | {
    readonly ok: true;
    readonly source: SourceText;
    readonly module: Module;
    readonly diagnostics: readonly [];
  }
  | {
    readonly ok: false;
    readonly source: SourceText;
    readonly module: null;
    readonly diagnostics: readonly Diagnostic[];
  };

const CODING_DECLARATION = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;
const UTF8_NAMES = new Set(["utf-8", "utf8", "utf_8", "utf-8-sig"]);

/**
 * Decodes contract bytes as strict UTF-8 (a leading BOM is dropped).
 * Throws ValidationError for invalid UTF-8, NUL bytes or a coding
 * declaration other than UTF-8.
 */
export function decodeSource(input: Uint8Array | string, file: string): SourceText {
  let text: string;
  if (typeof input === "string") {
    text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  } else {
    const invalidAt = firstInvalidUtf8(input);
    if (invalidAt >= 0) {
      const prefix = new SourceText(file, new TextDecoder().decode(input.subarray(0, invalidAt)));
      const at = prefix.text.length;
      throw new ValidationError([
        makeDiagnostic(
          prefix,
          "invalid-utf8",
          { start: at, end: at },
          `invalid UTF-8 byte 0x${
            (input[invalidAt] ?? 0).toString(16).padStart(2, "0")
          } at byte offset ${invalidAt}`,
        ),
      ]);
    }
    text = new TextDecoder("utf-8", { fatal: true }).decode(input);
  }
  const source = new SourceText(file, text);
  const nul = text.indexOf("\0");
  if (nul >= 0) {
    throw new ValidationError([
      makeDiagnostic(
        source,
        "null-byte",
        { start: nul, end: nul + 1 },
        "source code cannot contain null bytes",
      ),
    ]);
  }
  for (const line of [1, 2]) {
    const match = CODING_DECLARATION.exec(source.lineText(line));
    if (match === null) continue;
    if (!UTF8_NAMES.has(asciiLowercase(match[1] ?? ""))) {
      const start = source.lineStarts[line - 1] ?? 0;
      throw new ValidationError([
        makeDiagnostic(
          source,
          "source-encoding",
          { start, end: start + (match[0]?.length ?? 1) },
          `source encoding '${match[1] ?? ""}' is not supported; contracts are UTF-8`,
        ),
      ]);
    }
    break;
  }
  return source;
}

/**
 * Parses and validates contract source, returning the AST or all
 * diagnostics; `limits` are the caps literals must respect (caps in
 * spec/opcodes_vm_py.yaml).
 */
export function validateSource(
  input: Uint8Array | string,
  file: string,
  limits: SourceLimits,
): ValidationResult {
  let source: SourceText;
  try {
    source = decodeSource(input, file);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const lossy = typeof input === "string" ? input : new TextDecoder().decode(input);
    return {
      ok: false,
      source: new SourceText(file, lossy),
      module: null,
      diagnostics: error.diagnostics,
    };
  }
  let module: Module;
  try {
    module = parseModule(source, limits);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return { ok: false, source, module: null, diagnostics: error.diagnostics };
  }
  const checker = new Checker(source);
  checkModule(checker, module);
  if (checker.diagnostics.length === 0) return { ok: true, source, module, diagnostics: [] };
  const diagnostics = [...checker.diagnostics].sort(compareDiagnostics);
  return { ok: false, source, module: null, diagnostics };
}
