/**
 * Diagnostics: one reported problem in contract source, with its rule,
 * span, resolved line:column, message and hint; plus the human formatter
 * (`file:line:col: rule: message`, the source line and a caret).
 */

import { ValidationError } from "../errors.ts";
import { type RuleId, RULES } from "./rules.ts";
import { countCodePoints, type SourceText } from "./source.ts";

/** Half-open range [start, end) of offsets into the decoded source. */
export interface Span {
  /** Offset of the first character. */
  readonly start: number;
  /** Offset just past the last character. */
  readonly end: number;
}

/** One problem found in a contract source. */
export interface Diagnostic {
  /** File name the source was given under. */
  readonly file: string;
  /** Stable id of the rule that was broken (spec/VALIDATION.md). */
  readonly rule: RuleId;
  /** What is wrong, in sentence case without a final period. */
  readonly message: string;
  /** What to write instead. */
  readonly hint: string;
  /** Offsets into the decoded source. */
  readonly span: Span;
  /** 1-based line of `span.start`. */
  readonly line: number;
  /** 1-based code-point column of `span.start`. */
  readonly column: number;
  /** 1-based line of `span.end`. */
  readonly endLine: number;
  /** 1-based code-point column of `span.end`. */
  readonly endColumn: number;
}

/** Builds a diagnostic, resolving its span against the source. */
export function makeDiagnostic(
  source: SourceText,
  rule: RuleId,
  span: Span,
  message: string,
  hint: string = RULES[rule].hint,
): Diagnostic {
  const start = source.position(span.start);
  const end = source.position(Math.max(span.start, span.end));
  return {
    file: source.file,
    rule,
    message,
    hint,
    span,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
  };
}

/** Orders diagnostics by position, then rule id, then message. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.span.start - b.span.start || a.span.end - b.span.end ||
    compareText(a.rule, b.rule) || compareText(a.message, b.message);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const MAX_SHOWN_LINE = 200;

/**
 * Human form: `file:line:col: rule: message`, the offending source line, a
 * caret under the span (on its first line) and the hint.
 */
export function formatDiagnostic(diagnostic: Diagnostic, source: SourceText): string {
  const head =
    `${diagnostic.file}:${diagnostic.line}:${diagnostic.column}: ${diagnostic.rule}: ${diagnostic.message}`;
  const lineText = source.lineText(diagnostic.line);
  const caretFrom = diagnostic.column - 1;
  const sameLine = diagnostic.endLine === diagnostic.line;
  const lineLength = countCodePoints(lineText, 0, lineText.length);
  const caretTo = sameLine ? Math.max(caretFrom + 1, diagnostic.endColumn - 1) : lineLength;
  const shown = clipLine(lineText, caretFrom);
  const caret = " ".repeat(caretFrom - shown.skipped) +
    "^".repeat(Math.max(1, Math.min(caretTo, shown.skipped + MAX_SHOWN_LINE) - caretFrom));
  return `${head}\n    ${shown.text}\n    ${caret}\n    hint: ${diagnostic.hint}`;
}

/** Cuts very long lines to a window around the caret; tabs become spaces. */
function clipLine(lineText: string, caretFrom: number): { text: string; skipped: number } {
  const codePoints = Array.from(lineText.replace(/[\t\f\v]/g, " "));
  const skipped = Math.max(0, caretFrom - MAX_SHOWN_LINE / 2);
  return { text: codePoints.slice(skipped, skipped + MAX_SHOWN_LINE).join(""), skipped };
}

/** Stops the tokenizer or parser at its first error. */
export function reject(
  source: SourceText,
  rule: RuleId,
  span: Span,
  message: string,
  hint?: string,
): never {
  throw new ValidationError([makeDiagnostic(source, rule, span, message, hint)]);
}
