/**
 * State shared while lowering one module: the constant pool, global slots,
 * the function registry, stdlib imports and host-call ids; and the
 * per-function context (emitter, locals, comprehension scopes, enclosing
 * loops) with Python's name resolution. No lowering rules live here.
 */

import { InternalError } from "../errors.ts";
import {
  ALLOWED_BUILTINS,
  EXCEPTION_CLASSES,
  VALUELESS_TYPE_NAMES,
} from "../validate/allowlist.ts";
import type { FunctionDef, Located } from "../validate/ast.ts";
import type { SourceText } from "../validate/source.ts";
import type { FunctionEmitter, Label, Region } from "./emitter.ts";
import type { IrConst } from "./ir.ts";
import { BUILTINS, EXCEPTIONS, type HostCallInfo, METHODS, STDLIB } from "./opcodes.ts";

/** A contract function known to the module. */
export interface FunctionEntry {
  readonly index: number;
  readonly def: FunctionDef;
  /** Parameter names: the positional ones, then the keyword-only ones (the IR's order). */
  readonly params: readonly string[];
  /** Global slot of each parameter's default value, aligned with `params`; null where required. */
  readonly defaultSlots: readonly (number | null)[];
}

function idsByName(table: readonly (HostCallInfo | null)[]): ReadonlyMap<string, number> {
  return new Map(
    table.flatMap((entry) => (entry === null ? [] : [[entry.name, entry.id] as const])),
  );
}

const BUILTIN_IDS = idsByName(BUILTINS);
const METHOD_IDS = idsByName(METHODS);
const STDLIB_IDS = idsByName(STDLIB);
const EXCEPTION_IDS: ReadonlyMap<string, number> = new Map(
  EXCEPTIONS.map((entry) => [entry.name, entry.id]),
);

function hostId(ids: ReadonlyMap<string, number>, name: string, what: string): number {
  const id = ids.get(name);
  if (id === undefined) {
    throw new InternalError(`compiler: no ${what} id for '${name}' in spec/opcodes_vm_py.yaml`);
  }
  return id;
}

/** Module-wide lowering state. */
export class ModuleUnit {
  readonly source: SourceText;
  readonly consts: IrConst[] = [];
  readonly #constIndex = new Map<string, number>();
  readonly globals = new Map<string, number>();
  /** Integer values of constants initialised with an int literal (for loop bounds). */
  readonly intConstants = new Map<string, bigint>();
  readonly functions = new Map<string, FunctionEntry>();
  readonly stdlibImports = new Map<string, string>();
  /** Names bound by `from stdlib.<module> import <member> [as name]`. */
  readonly stdlibMembers = new Map<string, { readonly module: string; readonly member: string }>();
  globalCount = 0;

  constructor(source: SourceText) {
    this.source = source;
  }

  /** Index of a constant in the pool, adding it once. */
  constant(value: IrConst): number {
    const key = value.kind === "bytes"
      ? `bytes:${Array.from(value.value).join(",")}`
      : `${value.kind}:${
        typeof value.value === "bigint" ? value.value.toString() : JSON.stringify(value.value)
      }`;
    const existing = this.#constIndex.get(key);
    if (existing !== undefined) return existing;
    this.consts.push(value);
    this.#constIndex.set(key, this.consts.length - 1);
    return this.consts.length - 1;
  }

  /** A new module global slot. */
  newGlobal(): number {
    return this.globalCount++;
  }

  builtinId(name: string): number {
    return hostId(BUILTIN_IDS, name, "builtin");
  }

  methodId(name: string): number {
    return hostId(METHOD_IDS, name, "method");
  }

  stdlibId(module: string, member: string): number {
    return hostId(STDLIB_IDS, `${module}.${member}`, "stdlib");
  }
}

/** Targets of `break` and `continue` in the innermost loop. */
export interface LoopTargets {
  readonly breakLabel: Label;
  readonly continueLabel: Label;
  /** A `for` loop keeps its iterator on the stack; `break` pops it. */
  readonly popsIterator: boolean;
}

/** What a name refers to where it is used. */
export type NameTarget =
  /**
   * A function local or comprehension variable; `free` when it belongs to
   * a scope enclosing the comprehension that reads it (CPython's free
   * variable: NameError, not UnboundLocalError, when unassigned).
   */
  | { readonly kind: "local"; readonly slot: number; readonly free: boolean }
  | { readonly kind: "global"; readonly slot: number }
  | { readonly kind: "function"; readonly entry: FunctionEntry }
  | { readonly kind: "stdlib"; readonly module: string }
  | { readonly kind: "exception"; readonly id: number }
  | { readonly kind: "stdlib_member"; readonly module: string; readonly member: string }
  | { readonly kind: "builtin" };

/**
 * A block that control leaving it early (return, break, continue) must
 * clean up after: the regions to stop covering while the clean-up runs,
 * and what runs. Also where a bare `raise` finds the exception being
 * handled (`exception`: the slot holding it, in an except body or in the
 * copy of a finally body that runs on an exception).
 */
export interface TryFrame {
  /** Regions of this block: paused around code that runs as control leaves it. */
  readonly regions: readonly Region[];
  /** Emits the clean-up as control leaves (a finally body, or unbinding `except ... as name`). */
  readonly leave: (() => void) | null;
  /** Slot of the exception a bare `raise` re-raises here, when this block handles one. */
  readonly exception: number | null;
  /** Loops open when the block started (c.loops.length): break/continue of deeper loops stay inside. */
  readonly loopDepth: number;
}

/** Lowering state of one function (or of the module initialiser). */
export class FunctionContext {
  readonly unit: ModuleUnit;
  readonly e: FunctionEmitter;
  /** Locals of a contract function; null in the module initialiser. */
  readonly locals: ReadonlyMap<string, number> | null;
  /** Parameters take the first local slots. */
  readonly parameterCount: number;
  readonly comprehensions: Map<string, number>[] = [];
  readonly loops: LoopTargets[] = [];
  /** Enclosing try machinery, innermost last. */
  tries: TryFrame[] = [];

  constructor(
    unit: ModuleUnit,
    e: FunctionEmitter,
    locals: ReadonlyMap<string, number> | null,
    parameterCount = 0,
  ) {
    this.unit = unit;
    this.e = e;
    this.locals = locals;
    this.parameterCount = parameterCount;
  }

  /** Records the source position of the node about to be lowered. */
  at(node: Located): void {
    const position = this.unit.source.position(node.start);
    this.e.at(position.line, position.column);
  }

  /**
   * Resolves a name as Python does: comprehension, local, module, builtin.
   * `comprehensions` holds the scopes the code being lowered runs in,
   * innermost last (a comprehension's first iterable runs outside its own).
   */
  resolve(id: string): NameTarget {
    const innermost = this.comprehensions.length - 1;
    for (let i = innermost; i >= 0; i--) {
      const slot = this.comprehensions[i]?.get(id);
      if (slot !== undefined) return { kind: "local", slot, free: i < innermost };
    }
    const local = this.locals?.get(id);
    if (local !== undefined) return { kind: "local", slot: local, free: innermost >= 0 };
    const global = this.unit.globals.get(id);
    if (global !== undefined) return { kind: "global", slot: global };
    const entry = this.unit.functions.get(id);
    if (entry !== undefined) return { kind: "function", entry };
    const module = this.unit.stdlibImports.get(id);
    if (module !== undefined) return { kind: "stdlib", module };
    const exception = EXCEPTION_CLASSES.has(id) ? EXCEPTION_IDS.get(id) : undefined;
    if (exception !== undefined) return { kind: "exception", id: exception };
    const member = this.unit.stdlibMembers.get(id);
    if (member !== undefined) return { kind: "stdlib_member", ...member };
    if (ALLOWED_BUILTINS.has(id) || VALUELESS_TYPE_NAMES.has(id)) return { kind: "builtin" };
    throw new InternalError(
      `compiler: name '${id}' is unresolved although the validator accepted it`,
    );
  }
}
