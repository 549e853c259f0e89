/**
 * The compiled tier (spec/RUNTIME.md §7): verified functions translated to
 * JavaScript (tier_codegen.ts) and run with the same gas, steps, failures,
 * tracebacks, exception handling and call-depth cap as the interpreter,
 * which stays the reference and runs every call watched by a step hook.
 * This file owns the helpers generated code calls (`rt`), the state of one
 * call (TierRun), the one failure path (the interpreter's unwinding, over
 * JS frames), the per-module cache, and the choice of tier: compiled code
 * is used when code generation from strings is allowed (detected once) and
 * every instruction of the module fits the generator's bounds.
 */

import { CallFailure, InternalError, type TraceFrame } from "../errors.ts";
import { CAPS, Op, OP_INFO, WALKS } from "../compile/opcodes.ts";
import type { VerifiedModule } from "../compile/verify.ts";
import { toStr } from "./builtins/convert.ts";
import { NO_EXTRA_KEYWORDS, NO_REST } from "./bind.ts";
import { buildDisplay } from "./dict_display.ts";
import {
  caughtException,
  exceptionArgs,
  exceptionMatches,
  PyRaised,
  raiseValue,
  writeMessage,
} from "./exceptions.ts";
import { limitExceeded, outOfGas, vmError } from "./failure.ts";
import { FAST_PATHS, type FastPath } from "./fast_paths.ts";
import { CallHost } from "./host/call_host.ts";
import { inlineContains, inlineStore, inlineSubscript, MISS } from "./inline_paths.ts";
import { iterate } from "./iterate.ts";
import type { Metered } from "./meter.ts";
import { checkMethod } from "./methods/dispatch.ts";
import {
  binaryOp,
  classBits,
  compareOp,
  type Host,
  hostCall,
  nextItem,
  sourcePosition,
  splitKeywords,
} from "./op_helpers.ts";
import * as ops from "./ops.ts";
import { deleteSubscript, storeSubscript, subscript } from "./subscript.ts";
import { generateFunction } from "./tier_codegen.ts";
import { compilable, straightLine } from "./tier_plan.ts";
import {
  DONE,
  PyDict,
  PyException,
  PyIterator,
  PyList,
  PySlice,
  PyTuple,
  truthy,
  type Value,
} from "./values.ts";

/** The machine as compiled code sees it: the meter, its gas and steps, and its limit. */
export interface TierMeter extends Metered {
  /** Gas used so far. */
  gasUsed: number;
  /** Instructions run so far. */
  steps: number;
  /** The most gas the call may use. */
  readonly gasLimit: number;
  /** Charges gas; fails without side effects when the limit would be passed. */
  charge(amount: number): void;
}

/** A compiled function: runs one frame at call depth `depth` (0: the outermost). */
type CompiledFunction = (run: TierRun, args: readonly Value[], depth: number) => Value;

type Factory = (
  rt: typeof RT,
  values: readonly unknown[],
  fn: number,
  restGas: Int32Array,
  restSteps: Int32Array,
) => CompiledFunction;

const UNWIND_GAS = WALKS.unwind.node.per;
const UNPACK_ITEMS = OP_INFO[Op.UNPACK].dynamic;
const NO_KEYWORDS: ReadonlyMap<string, Value> = new Map();

/** Unwinding to a handler in a caller's frame: the frames in between let it pass. */
class Resume {
  constructor(
    readonly depth: number,
    readonly index: number,
    readonly exception: PyException,
  ) {}
}

/** The state of one call (initialiser or function) on the compiled tier. */
export class TierRun {
  // Plain arrays, not typed ones: Deno allocates a typed array's storage off the JS heap, which
  // costs more than the rest of a short call's set-up.
  /** Function of each frame, by depth. */
  readonly fnAt: number[] = new Array<number>(CAPS.call_depth + 1).fill(0);
  /** Each frame's pc: a caller's resume pc (its CALL + 1), or the failing pc. */
  readonly pcAt: number[] = new Array<number>(CAPS.call_depth + 1).fill(0);
  /** The failure leaving the call, once raised (frames above let it pass). */
  final: unknown = undefined;
  /** The exception a handler is being given. */
  caught: PyException | null = null;
  /** UNPACK's per-item payment. */
  readonly payUnpack: (count: number) => void;

  /** A run of `code` on machine `m`, with the call's globals and host. */
  constructor(
    readonly m: TierMeter,
    readonly code: CompiledModule,
    readonly globals: (Value | undefined)[],
    readonly host: Host,
  ) {
    this.payUnpack = (count) => m.pay(UNPACK_ITEMS, count);
  }

  /** Runs function `fn` with `args` as the outermost frame. */
  execute(fn: number, args: readonly Value[]): Value {
    return this.code.function(fn)(this, args, 0);
  }
}

function positions(run: TierRun, depth: number): { fn: number; pc: number }[] {
  const out: { fn: number; pc: number }[] = [];
  for (let d = 0; d <= depth; d++) {
    out.push({ fn: run.fnAt[d] ?? 0, pc: d === depth ? run.pcAt[d] ?? 0 : (run.pcAt[d] ?? 0) - 1 });
  }
  return out;
}

function traceback(run: TierRun, frames: readonly { fn: number; pc: number }[]): TraceFrame[] {
  const module = run.code.verified.module;
  return frames.map((frame) => sourcePosition(module, frame.fn, frame.pc));
}

/** The innermost handler covering the failing pc at `depth` or a caller's CALL. */
function handlerFor(run: TierRun, depth: number): { depth: number; index: number } | null {
  const verified = run.code.verified;
  for (let d = depth; d >= 0; d--) {
    const fn = run.fnAt[d] ?? 0;
    const at = d === depth ? run.pcAt[d] ?? 0 : (run.pcAt[d] ?? 0) - 1;
    const index = verified.functions[fn]?.handlerAt[at] ?? -1;
    if (index >= 0) return { depth: d, index };
  }
  return null;
}

/**
 * The failure path of a compiled frame at `depth`, as the interpreter's:
 * returns the index of this frame's handler to resume at, or throws (the
 * failure leaving the call, or a Resume for a caller's handler). `gas` and
 * `steps` are those of the interpreter at the failing instruction `at`.
 */
function failure(
  run: TierRun,
  thrown: unknown,
  depth: number,
  at: number,
  gas: number,
  steps: number,
): number {
  if (thrown instanceof Resume) {
    if (thrown.depth !== depth) throw thrown;
    run.caught = thrown.exception;
    return thrown.index;
  }
  if (thrown === run.final) throw thrown;
  const m = run.m;
  m.gasUsed = Math.max(m.gasUsed, gas);
  m.steps = steps;
  run.pcAt[depth] = at;
  let error = thrown;
  const exception = caughtException(error);
  const handler = exception === null ? null : handlerFor(run, depth);
  if (exception !== null && handler !== null) {
    let unwound = true;
    try {
      m.charge(UNWIND_GAS * (2 * (depth + 1) - 1 - handler.depth));
      if (!(error instanceof PyRaised && error.again && exception.traceback.length > 0)) {
        exception.traceback = positions(run, depth);
      }
    } catch (unwinding) {
      error = unwinding;
      unwound = false;
    }
    if (unwound) {
      if (handler.depth === depth) {
        run.caught = exception;
        return handler.index;
      }
      throw new Resume(handler.depth, handler.index, exception);
    }
  }
  if (error instanceof PyRaised) {
    try {
      writeMessage(m, error);
    } catch (writing) {
      error = writing;
    }
  }
  if (error instanceof CallFailure && error.traceback.length === 0) {
    error.traceback = traceback(
      run,
      error instanceof PyRaised && error.again && error.exception.traceback.length > 0
        ? error.exception.traceback
        : positions(run, depth),
    );
  }
  run.final = error;
  throw error;
}

function fastRun(op: number): FastPath["run"] {
  const fast = FAST_PATHS.get(op);
  if (fast === undefined) throw new InternalError(`no fast path for opcode ${op}`);
  return fast.run;
}

/** What generated code calls: the interpreter's own helpers, and small pieces of its cases. */
const RT = {
  maxSteps: CAPS.steps,
  callDepth: CAPS.call_depth,
  containerLength: CAPS.container_length,
  fastRun,
  binaryOp,
  compareOp,
  concatCharge: ops.concatCharge,
  neg: ops.neg,
  invert: ops.invert,
  pos: ops.pos,
  truthy,
  classBits,
  exceptionMatches,
  exceptionArgs,
  iterate,
  nextItem,
  DONE,
  PyList,
  PyTuple,
  PySlice,
  buildDisplay,
  subscript,
  storeSubscript,
  deleteSubscript,
  hostCall,
  checkMethod,
  outOfGas,
  failure,
  NO_KEYWORDS,
  NO_REST,
  NO_EXTRA_KEYWORDS,
  PyDict,
  PyIterator,
  CallHost,
  MISS,
  inlineContains,
  inlineStore,
  inlineSubscript,
  unbound(run: TierRun, fn: number, slot: number): never {
    const name = run.code.verified.module.functions[fn]?.params[slot];
    return vmError(
      "UnboundLocalError",
      `cannot access local variable ${
        name === undefined ? `#${slot}` : `'${name}'`
      } where it is not associated with a value`,
    );
  },
  unboundFree(run: TierRun, fn: number, slot: number): never {
    const name = run.code.verified.module.functions[fn]?.params[slot];
    return vmError(
      "NameError",
      `cannot access free variable ${
        name === undefined ? `#${slot}` : `'${name}'`
      } where it is not associated with a value in enclosing scope`,
    );
  },
  noGlobal(slot: number): never {
    return vmError("NameError", `module value #${slot} is not defined yet`);
  },
  assertFail(m: TierMeter, message: Value | null): never {
    return vmError("AssertionError", message === null ? "" : toStr(m, message));
  },
  raise(raised: Value, cause: Value): never {
    if (raised instanceof PyException && cause !== null && !(cause instanceof PyException)) {
      vmError("TypeError", "exception causes must derive from BaseException");
    }
    return raiseValue(raised, false);
  },
  reraise(raised: Value): never {
    return raiseValue(raised, true);
  },
  newException(cls: number, items: Value[]): PyException {
    return new PyException(cls, new PyTuple(items));
  },
  unpack(run: TierRun, value: Value, count: number): readonly Value[] {
    // A tuple of the expected length (`a, b = b, a + b`) is read in place: the payment
    // iterableItems makes for it, without the copy (the generated code only reads the items).
    if (value instanceof PyTuple && value.items.length === count) {
      run.payUnpack(count);
      return value.items;
    }
    const items = ops.iterableItems(value, "unpacking", run.payUnpack);
    if (items.length > count) {
      vmError("ValueError", `too many values to unpack (expected ${count})`);
    }
    if (items.length < count) {
      vmError("ValueError", `not enough values to unpack (expected ${count}, got ${items.length})`);
    }
    return items;
  },
  listAppend(list: Value, value: Value): void {
    if (!(list instanceof PyList)) vmError("TypeError", "LIST_APPEND needs a list");
    if (list.items.length >= CAPS.container_length) {
      limitExceeded("container_length", "list is too long");
    }
    list.items.push(value);
  },
  tooDeep(): never {
    return limitExceeded("call_depth", "calls nested too deeply");
  },
  tooManySteps(): never {
    return limitExceeded("steps", "too many instructions executed");
  },
  call(run: TierRun, fn: number, args: Value[], depth: number): Value {
    return run.code.function(fn)(run, args, depth);
  },
  callKeywords(
    m: TierMeter,
    host: Host,
    op: number,
    id: number,
    receiver: Value,
    values: Value[],
    names: readonly string[],
  ): Value {
    const { positional, kwargs } = splitKeywords(values, names);
    return hostCall(m, host, op, id, receiver, positional, kwargs);
  },
  unknown(): never {
    throw new InternalError("compiled code reached a pc it has no case for");
  },
};

/** A verified module's compiled functions, generated on first call of each. */
export class CompiledModule {
  readonly #functions: (CompiledFunction | undefined)[] = [];
  /** Whether the module runs straight through (tier_plan.ts straightLine). */
  readonly straightLine: boolean;
  /** Calls {@link tierFor} has sent to the interpreter, for a straight-line module. */
  interpretedCalls = 0;

  /** Compiled code for `verified` (which the generator's bounds admit: see tier_plan.ts). */
  constructor(readonly verified: VerifiedModule) {
    this.straightLine = straightLine(verified);
  }

  /** The compiled form of function `fn`. */
  function(fn: number): CompiledFunction {
    let compiled = this.#functions[fn];
    if (compiled === undefined) {
      compiled = compileFunction(this.verified, fn);
      this.#functions[fn] = compiled;
    }
    return compiled;
  }
}

/** Functions compiled so far in this process: the serial that makes each one's source its own. */
let compilations = 0;

function compileFunction(verified: VerifiedModule, fn: number): CompiledFunction {
  const code = verified.functions[fn];
  if (code === undefined) throw new InternalError(`no function #${fn}`);
  const generated = generateFunction(verified.module, code, fn);
  // The engine gives every `new Function` of the same source one function literal, whose optimised
  // code then serves every closure of it: once a second module compiles the same source, that code
  // can no longer fold the constants this closure reads (the helpers, V), and slows every module
  // using it. A serial in a trailing comment gives each compilation a literal of its own.
  const source = `${generated.source}\n// compilation ${compilations++}`;
  const factory = new Function("rt", "V", "FN", "RG", "RS", source) as Factory;
  return factory(RT, generated.values, fn, generated.plan.restGas, generated.plan.restSteps);
}

let generation: boolean | null = null;

/** Whether this engine runs code generated from strings (false under a CSP or a flag forbidding it). */
export function codeGenerationAllowed(): boolean {
  if (generation === null) {
    try {
      generation = new Function("return true")() === true;
    } catch {
      generation = false;
    }
  }
  return generation;
}

/**
 * Which tier runs calls without a step hook: the default choice (tierFor),
 * or one forced by tests and benchmarks: the interpreter, or the compiled
 * tier for every module it compiles.
 */
export type TierChoice = "auto" | "interpreter" | "compiled";

let choice: TierChoice = "auto";

/** Runs `body` with calls made inside it on the tier `tier` chooses (tests compare the tiers). */
export function withTier<T>(tier: TierChoice, body: () => T): T {
  const previous = choice;
  choice = tier;
  try {
    return body();
  } finally {
    choice = previous;
  }
}

const cache = new WeakMap<VerifiedModule, CompiledModule | null>();

/** The compiled tier for `verified`, or null when calls into it must be interpreted. */
export function compiledTier(verified: VerifiedModule): CompiledModule | null {
  if (choice === "interpreter" || !codeGenerationAllowed()) return null;
  let compiled = cache.get(verified);
  if (compiled === undefined) {
    compiled = compilable(verified) ? new CompiledModule(verified) : null;
    cache.set(verified, compiled);
  }
  return compiled;
}

/**
 * Calls of a straight-line module that run on the interpreter before it is
 * compiled: each instruction of such a call runs at most once, so
 * generating and compiling its code costs more than it saves until the
 * module has been called a few times (a CLI command calls it once).
 */
export const STRAIGHT_LINE_INTERPRETED_CALLS = 16;

/**
 * The compiled tier a call into `verified` runs on, or null for the
 * interpreter: compiledTier's answer, except that the first
 * {@link STRAIGHT_LINE_INTERPRETED_CALLS} calls of a straight-line module
 * are interpreted unless the compiled tier is forced. Both tiers give the
 * same value, gas, failure, traceback and writes (RUNTIME.md §7.2), so the
 * choice only changes time.
 */
export function tierFor(verified: VerifiedModule): CompiledModule | null {
  const compiled = compiledTier(verified);
  if (compiled === null || choice === "compiled" || !compiled.straightLine) return compiled;
  if (compiled.interpretedCalls >= STRAIGHT_LINE_INTERPRETED_CALLS) return compiled;
  compiled.interpretedCalls++;
  return null;
}
