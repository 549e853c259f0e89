/**
 * State shared by the validator passes: the diagnostics collected so far,
 * the module-level bindings, and the call edges between functions that the
 * recursion check reads. Also the Scope each expression is checked in.
 * No rule logic lives here.
 */

import type { FunctionDef } from "./ast.ts";
import { type Diagnostic, makeDiagnostic, type Span } from "./diagnostic.ts";
import type { RuleId } from "./rules.ts";
import type { SourceText } from "./source.ts";

/** What a module-level name is bound to; `order` is the defining statement's index. */
export type ModuleBinding =
  | { readonly kind: "constant"; readonly order: number }
  | { readonly kind: "function"; readonly order: number; readonly def: FunctionDef }
  | { readonly kind: "stdlib"; readonly order: number; readonly module: string }
  /** A member imported by name: `from stdlib.storage import get`. */
  | {
    readonly kind: "stdlib_member";
    readonly order: number;
    readonly module: string;
    readonly member: string;
  }
  | { readonly kind: "typing"; readonly order: number };

/** A direct call from one contract function to another. */
export interface CallEdge {
  readonly callee: FunctionDef;
  readonly span: Span;
}

/** Where an expression is evaluated. */
export interface Scope {
  /** Locals of the enclosing function; null for module-level code. */
  readonly locals: ReadonlySet<string> | null;
  /** Variables of enclosing comprehensions, innermost last. */
  readonly comprehensions: readonly ReadonlySet<string>[];
  /** Module level: index of the statement being evaluated (names must precede it). */
  readonly moduleOrder: number | null;
  /** The function whose body this is, for call edges. */
  readonly caller: FunctionDef | null;
}

/** Mutable state of one validation run. */
export class Checker {
  readonly source: SourceText;
  readonly diagnostics: Diagnostic[] = [];
  readonly bindings = new Map<string, ModuleBinding>();
  readonly calls = new Map<FunctionDef, CallEdge[]>();

  constructor(source: SourceText) {
    this.source = source;
  }

  report(rule: RuleId, span: Span, message: string, hint?: string): void {
    this.diagnostics.push(makeDiagnostic(this.source, rule, span, message, hint));
  }

  addCall(caller: FunctionDef, edge: CallEdge): void {
    const edges = this.calls.get(caller);
    if (edges === undefined) this.calls.set(caller, [edge]);
    else edges.push(edge);
  }
}

/** Span of the first `length` characters of a node (a keyword, usually). */
export function headSpan(node: Span, length: number): Span {
  return { start: node.start, end: Math.min(node.end, node.start + length) };
}

/** True for names of the form `__x__`. */
export function isDunder(name: string): boolean {
  return name.length > 4 && name.startsWith("__") && name.endsWith("__");
}
