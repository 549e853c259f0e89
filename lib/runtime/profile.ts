/**
 * Gas profiles (spec/PROFILE.md): a GasProfiler watches calls through their
 * hooks and attributes every unit of gas they use. The gas between one
 * instruction's step and the next is that instruction's (its base, its
 * dynamic terms, the stdlib member it calls); gas used before the first
 * instruction, and after the called function returned (the return value's
 * walk), goes to named pseudo-rows; so per-line totals of a call add up to
 * its gasUsed exactly, by construction. Calls of one exported function are
 * aggregated: gas statistics, per-line hits and gas, stdlib members by
 * name, IR functions by frame, folded stacks and the evented timeline
 * speedscope shows. Observes only: it never changes what a call does.
 */

import type { IrModule } from "../compile/ir.ts";
import { Op, STDLIB } from "../compile/opcodes.ts";
import type { CallHooks } from "./hooks.ts";
import { ModuleCode } from "./module_code.ts";

/** Pseudo-row of the gas used before the first instruction. */
export const CALL_ROW = "(call)";
/** Pseudo-row of the gas used after the called function returned (its return value walk). */
export const RETURN_ROW = "(return value)";
/** Pseudo-row of instructions the line table gives no line. */
export const NO_LINE_ROW = "(no line)";
/** The folded stack that takes the gas of stacks past {@link MAX_STACKS} distinct ones. */
export const OTHER_STACKS = "(other stacks)";
/**
 * Distinct folded stacks kept per exported function; the gas of any further
 * stack goes to {@link OTHER_STACKS}. A contract can make exponentially many
 * call paths, each of up to call_depth long names, so the folded names a
 * profile holds are bounded by this, not by the gas.
 */
export const MAX_STACKS = 4096;

/** Gas statistics of one exported function's calls. */
export interface GasStats {
  /** Calls profiled. */
  readonly calls: number;
  /** Mean gas used. */
  readonly mean: number;
  /** Median gas used. */
  readonly median: number;
  /** Population standard deviation. */
  readonly stdev: number;
  /** Least gas used. */
  readonly min: number;
  /** Most gas used. */
  readonly max: number;
}

/** One row of a line profile: a source line (`label` "") or a pseudo-row (`line` 0). */
export interface LineGas {
  /** Source line (0: a pseudo-row). */
  readonly line: number;
  /** The pseudo-row's name ("" for a source line). */
  readonly label: string;
  /** Times execution entered the line from another line or frame. */
  readonly hits: number;
  /** Gas attributed. */
  readonly gas: number;
  /** `gas` over the function's total gas (0 when that is 0). */
  readonly share: number;
}

/** Gas of the stdlib member `name`, its calls included (argument binding, walks). */
export interface HostGas {
  /** Its name. */
  readonly name: string;
  /** Calls profiled. */
  readonly calls: number;
  /** Gas attributed. */
  readonly gas: number;
}

/** Gas of an IR function's frames: its own instructions and everything it called. */
export interface FrameGas {
  /** Its name. */
  readonly name: string;
  /** Frames entered. */
  readonly calls: number;
  /** Gas of its own instructions. */
  readonly self: number;
  /** Gas of its frames, callees and stdlib calls included. */
  readonly total: number;
}

/** One event of a speedscope evented profile: a frame opened or closed at a gas offset. */
export interface GasEvent {
  /** "O" opens the frame, "C" closes it. */
  readonly type: "O" | "C";
  /** Index into GasProfile.frames. */
  readonly frame: number;
  /** Gas used by this function's profiled calls up to the event. */
  readonly at: number;
}

/** The aggregate of one exported function's calls. */
export interface FunctionProfile {
  /** Its name. */
  readonly name: string;
  /** Gas statistics of its calls. */
  readonly stats: GasStats;
  /** Source lines in line order, then pseudo-rows; their gas adds up to the calls' gas. */
  readonly lines: readonly LineGas[];
  /** Stdlib members, most gas first. */
  readonly hosts: readonly HostGas[];
  /** IR functions, most total gas first. */
  readonly frames: readonly FrameGas[];
  /** Folded stacks (`a;b;storage.set` to gas), in first-seen order; they add up to the calls' gas. */
  readonly stacks: ReadonlyMap<string, number>;
  /** Open and close events of every call, laid end to end. */
  readonly events: readonly GasEvent[];
}

/** A frame of the timeline: an IR function, a stdlib member or a pseudo-row. */
export interface ProfileFrame {
  /** Its name. */
  readonly name: string;
  /** Source line of the function's first instruction (0: none). */
  readonly line: number;
}

/** Every profiled function, in the order first called. */
export interface GasProfile {
  /** Profiled exported functions. */
  readonly functions: readonly FunctionProfile[];
  /** Frames of the timelines, indexed by GasEvent.frame. */
  readonly frames: readonly ProfileFrame[];
}

interface LineTotal {
  hits: number;
  gas: number;
}

interface HostTotal {
  calls: number;
  gas: number;
}

interface FrameTotal {
  calls: number;
  self: number;
  total: number;
}

interface FunctionTotals {
  readonly gasUsed: number[];
  readonly lines: Map<number, LineTotal>;
  readonly pseudo: Map<string, LineTotal>;
  readonly hosts: Map<string, HostTotal>;
  /** Frames of the timelines, indexed by GasEvent.frame. */
  readonly frames: Map<number, FrameTotal>;
  /** Gas by stack node (see GasProfiler's stack trie), in first-seen order. */
  readonly stacks: Map<number, number>;
  readonly events: GasEvent[];
  /** Where this function's next call starts on its timeline. */
  offset: number;
}

/** What the previous step ran: its gas is known once the next step (or the end) arrives. */
interface Pending {
  readonly fn: number;
  /** Source line (0: a pseudo-row). */
  readonly line: number;
  /** Gas attributed. */
  readonly gas: number;
  /** The stdlib member it calls, or null. */
  readonly host: string | null;
}

/** The trie node of the empty stack. */
const ROOT_NODE = 0;
/** Above any function index of a module (code_size bounds their count far below it). */
const FN_SPAN = 2 ** 21;

/** Sorted gas figures as statistics. */
function statsOf(values: readonly number[]): GasStats {
  const sorted = [...values].sort((a, b) => a - b);
  const calls = sorted.length;
  if (calls === 0) return { calls, mean: 0, median: 0, stdev: 0, min: 0, max: 0 };
  const mean = sorted.reduce((sum, value) => sum + value, 0) / calls;
  const middle = Math.floor(calls / 2);
  const median = calls % 2 === 1
    ? sorted[middle] ?? 0
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  const variance = sorted.reduce((sum, value) => sum + (value - mean) ** 2, 0) / calls;
  return {
    calls,
    mean,
    median,
    stdev: Math.sqrt(variance),
    min: sorted[0] ?? 0,
    max: sorted[calls - 1] ?? 0,
  };
}

/**
 * Profiles calls into one module. Give each call the hooks of
 * {@link GasProfiler.start}, then {@link GasProfiler.end} with its gasUsed.
 *
 * @example Profile two calls of the counter's inc
 * ```ts
 * import { Chain } from "@animica/vm-py";
 * import { contractModule, withHooks } from "@animica/vm-py/chain";
 * import { GasProfiler } from "@animica/vm-py/runtime";
 *
 * const source = "from stdlib import storage\n\n" +
 *   "def inc() -> int:\n    n = storage.get_int(b'n') + 1\n    storage.set_int(b'n', n)\n    return n\n";
 * const manifest = {
 *   name: "counter", version: "1.0.0", entry: "counter.py",
 *   abi: { functions: [{ name: "inc", inputs: [], outputs: [{ type: "int" }] }], events: [] },
 * };
 * const counter = new Chain().deploy({ manifest, source });
 * const profiler = new GasProfiler(contractModule(counter));
 * for (let i = 0; i < 2; i++) {
 *   profiler.end(counter.call("inc", [], withHooks({}, profiler.start("inc"))).gasUsed);
 * }
 * const inc = profiler.profile().functions[0];
 * const sum = inc?.lines.reduce((total, row) => total + row.gas, 0);
 * console.log(inc?.stats.calls, sum === 2 * (inc?.stats.mean ?? 0)); // 2 true
 * ```
 */
export class GasProfiler {
  readonly #code: ModuleCode;
  readonly #totals = new Map<string, FunctionTotals>();
  readonly #frames: ProfileFrame[] = [];
  readonly #frameIds = new Map<string, number>();
  #current: FunctionTotals | null = null;
  #pending: Pending | null = null;
  /** Gas attributed so far in the current call. */
  #attributed = 0;
  /** The IR functions of the current stack, outermost first. */
  #stack: number[] = [];
  /** The timeline frames of the current stack (the IR functions'), outermost first. */
  #stackFrames: readonly number[] = [];
  /** The current stack's node in the stack trie. */
  #stackNode = ROOT_NODE;
  /** The trie node of each prefix of the current stack (index depth - 1). */
  #stackNodes: number[] = [];
  /** The frame totals of the current stack's functions, each once. */
  #stackTotals: FrameTotal[] = [];
  /**
   * The stack trie: every stack seen, as (parent node, frame name), so that
   * a step names its stack by a number; folded names are written only by
   * {@link profile}.
   */
  readonly #nodes: { readonly parent: number; readonly name: string }[] = [{
    parent: -1,
    name: "",
  }];
  /** Children that are stdlib members or pseudo-rows, by `parent:kind name`. */
  readonly #nodeIds = new Map<string, number>();
  /** Children that are IR functions, by parent * FN_SPAN + function index. */
  readonly #fnNodeIds = new Map<number, number>();
  /** The node of {@link OTHER_STACKS}, once made. */
  #otherNode: number | null = null;
  /** Timeline frame ids of IR functions, by function index. */
  readonly #fnFrames: number[] = [];
  /** The timeline frames open now, outermost first. */
  #open: readonly number[] = [];
  /** Per depth (index depth - 1): the function and line last run there. */
  #lastFn: number[] = [];
  #lastLine: number[] = [];
  /** Whether the current call's function returned (what follows is its return value walk). */
  #returned = false;

  /** A profiler of calls into `module`. */
  constructor(module: IrModule) {
    this.#code = new ModuleCode(module);
  }

  /** The hooks of one call of exported function `name`; end it with {@link end}. */
  start(name: string): CallHooks {
    let totals = this.#totals.get(name);
    if (totals === undefined) {
      totals = {
        gasUsed: [],
        lines: new Map(),
        pseudo: new Map(),
        hosts: new Map(),
        frames: new Map(),
        stacks: new Map(),
        events: [],
        offset: 0,
      };
      this.#totals.set(name, totals);
    }
    this.#current = totals;
    this.#pending = null;
    this.#attributed = 0;
    this.#stack = [];
    this.#stackFrames = [];
    this.#stackNode = ROOT_NODE;
    this.#stackNodes = [];
    this.#stackTotals = [];
    this.#open = [];
    this.#lastFn = [];
    this.#lastLine = [];
    this.#returned = false;
    return {
      onStep: (fn, pc, op, gasUsed, _stack, _sp, depth) => this.#step(fn, pc, op, gasUsed, depth),
      onReturn: (gasUsed) => {
        this.#settle(gasUsed);
        this.#retarget([]);
        this.#returned = true;
      },
    };
  }

  /** Ends the current call, which used `gasUsed` gas in all. */
  end(gasUsed: number): void {
    const totals = this.#current;
    if (totals === null) return;
    this.#settle(gasUsed);
    // After a return: the return value's walk; with no instruction run: everything.
    const rest = gasUsed - this.#attributed;
    if (rest > 0) this.#pseudo(this.#returned ? RETURN_ROW : CALL_ROW, rest);
    this.#retarget([]);
    totals.gasUsed.push(gasUsed);
    totals.offset += gasUsed;
    this.#current = null;
  }

  /** The profile of every call ended so far. */
  profile(): GasProfile {
    const functions: FunctionProfile[] = [];
    for (const [name, totals] of this.#totals) {
      const all = totals.gasUsed.reduce((sum, value) => sum + value, 0);
      const share = (gas: number) => (all === 0 ? 0 : gas / all);
      const lines: LineGas[] = [...totals.lines].sort(([a], [b]) => a - b).map((
        [line, total],
      ) => ({
        line,
        label: line === 0 ? NO_LINE_ROW : "",
        hits: total.hits,
        gas: total.gas,
        share: share(total.gas),
      }));
      for (const [label, total] of totals.pseudo) {
        lines.push({ line: 0, label, hits: total.hits, gas: total.gas, share: share(total.gas) });
      }
      functions.push({
        name,
        stats: statsOf(totals.gasUsed),
        lines,
        hosts: [...totals.hosts].map(([host, total]) => ({ name: host, ...total }))
          .sort((a, b) => b.gas - a.gas),
        frames: [...totals.frames].map(([fn, total]) => ({
          name: this.#code.name(fn),
          ...total,
        })).sort((a, b) => b.total - a.total),
        stacks: new Map([...totals.stacks].map(([node, gas]) => [this.#folded(node), gas])),
        events: [...totals.events],
      });
    }
    return { functions, frames: [...this.#frames] };
  }

  #step(fn: number, pc: number, op: number, gasUsed: number, depth: number): void {
    const totals = this.#current;
    if (totals === null) return;
    if (this.#pending === null && gasUsed > this.#attributed) {
      this.#pseudo(CALL_ROW, gasUsed - this.#attributed);
    }
    this.#settle(gasUsed);
    if (this.#stack.length !== depth || this.#stack[depth - 1] !== fn) {
      const entered = this.#stack[depth - 1] !== fn;
      const stack = this.#stack.slice(0, depth - 1);
      stack.push(fn);
      // Lines last run in frames that ended (and, on entering a frame, at its depth) are forgotten.
      const keep = Math.min(this.#lastFn.length, entered ? depth - 1 : depth);
      this.#lastFn.length = keep;
      this.#lastLine.length = keep;
      if (entered) {
        const frame = totals.frames.get(fn) ?? { calls: 0, self: 0, total: 0 };
        frame.calls++;
        totals.frames.set(fn, frame);
      }
      this.#stack = stack;
      // The frames above this one keep what was worked out for them; only this frame's is new.
      const frames = this.#stackFrames.slice(0, depth - 1);
      frames.push(this.#fnFrame(fn));
      this.#stackFrames = frames;
      const nodes = this.#stackNodes.slice(0, depth - 1);
      const node = this.#fnChild(nodes[depth - 2] ?? ROOT_NODE, fn);
      nodes.push(node);
      this.#stackNodes = nodes;
      this.#stackNode = node;
      const inStack = this.#stackTotals.slice(0, depth - 1);
      const own = totals.frames.get(fn);
      if (own !== undefined && !inStack.includes(own)) inStack.push(own);
      this.#stackTotals = inStack;
    }
    const line = this.#code.position(fn, pc).line;
    if (this.#lastFn[depth - 1] !== fn || this.#lastLine[depth - 1] !== line) {
      this.#lastFn[depth - 1] = fn;
      this.#lastLine[depth - 1] = line;
      const row = totals.lines.get(line) ?? { hits: 0, gas: 0 };
      row.hits++;
      totals.lines.set(line, row);
    }
    let host: string | null = null;
    if (op === Op.CALL_STDLIB || op === Op.STDLIB_VALUE) {
      const id = this.#code.instruction(fn, pc)?.operands[0] ?? 0;
      host = STDLIB[id]?.name ?? `stdlib #${id}`;
    }
    this.#retarget(
      host === null ? this.#stackFrames : [...this.#stackFrames, this.#frameId(host, -1)],
    );
    this.#pending = { fn, line, gas: gasUsed, host };
  }

  /** Attributes the gas from the pending step up to `gasUsed` to that step. */
  #settle(gasUsed: number): void {
    const pending = this.#pending;
    const totals = this.#current;
    if (pending === null || totals === null) return;
    this.#pending = null;
    const gas = gasUsed - pending.gas;
    this.#attributed = gasUsed;
    const row = totals.lines.get(pending.line) ?? { hits: 0, gas: 0 };
    row.gas += gas;
    totals.lines.set(pending.line, row);
    for (const frame of this.#stackTotals) frame.total += gas;
    const own = totals.frames.get(pending.fn);
    if (own !== undefined) own.self += gas;
    let node = this.#stackNode;
    if (pending.host !== null) {
      node = this.#child(node, `h${pending.host}`, pending.host);
      const host = totals.hosts.get(pending.host) ?? { calls: 0, gas: 0 };
      host.calls++;
      host.gas += gas;
      totals.hosts.set(pending.host, host);
    }
    if (gas > 0) this.#addStack(totals, node, gas);
  }

  /** Gas to a pseudo-row (also a timeline frame and a folded stack of its own). */
  #pseudo(label: string, gas: number): void {
    const totals = this.#current;
    if (totals === null) return;
    const row = totals.pseudo.get(label) ?? { hits: 0, gas: 0 };
    row.hits++;
    row.gas += gas;
    totals.pseudo.set(label, row);
    if (gas > 0) this.#addStack(totals, this.#child(ROOT_NODE, `p${label}`, label), gas);
    this.#retarget([this.#frameId(label, -1)]);
    this.#attributed += gas;
  }

  /** Gas to a stack node, or to {@link OTHER_STACKS} once MAX_STACKS distinct ones are kept. */
  #addStack(totals: FunctionTotals, node: number, gas: number): void {
    const had = totals.stacks.get(node);
    if (had !== undefined) totals.stacks.set(node, had + gas);
    else if (totals.stacks.size < MAX_STACKS) totals.stacks.set(node, gas);
    else {
      this.#otherNode ??= this.#child(ROOT_NODE, `p${OTHER_STACKS}`, OTHER_STACKS);
      totals.stacks.set(this.#otherNode, (totals.stacks.get(this.#otherNode) ?? 0) + gas);
    }
  }

  /** The trie node of frame `name` (told apart by `key`) under `parent`. */
  #child(parent: number, key: string, name: string): number {
    const full = `${parent}:${key}`;
    let id = this.#nodeIds.get(full);
    if (id === undefined) {
      id = this.#nodes.length;
      this.#nodes.push({ parent, name });
      this.#nodeIds.set(full, id);
    }
    return id;
  }

  /** The trie node of IR function `fn` under `parent`. */
  #fnChild(parent: number, fn: number): number {
    const key = parent * FN_SPAN + fn;
    let id = this.#fnNodeIds.get(key);
    if (id === undefined) {
      id = this.#nodes.length;
      this.#nodes.push({ parent, name: this.#code.name(fn) });
      this.#fnNodeIds.set(key, id);
    }
    return id;
  }

  /** A stack node's folded name (`a;b;storage.set`). */
  #folded(node: number): string {
    const names: string[] = [];
    for (let at = node; at > ROOT_NODE; at = this.#nodes[at]?.parent ?? ROOT_NODE) {
      names.push(this.#nodes[at]?.name ?? "");
    }
    return names.reverse().join(";");
  }

  /** The timeline frame id of IR function `fn`. */
  #fnFrame(fn: number): number {
    let id = this.#fnFrames[fn];
    if (id === undefined) {
      id = this.#frameId(this.#code.name(fn), fn);
      this.#fnFrames[fn] = id;
    }
    return id;
  }

  /** Closes and opens timeline frames so that `frames` are open, at the gas attributed so far. */
  #retarget(frames: readonly number[]): void {
    const totals = this.#current;
    if (totals === null) return;
    // The same frames as open now (a step in the same frame): nothing to close or open.
    if (frames === this.#open) return;
    const at = totals.offset + this.#attributed;
    let common = 0;
    while (
      common < frames.length && common < this.#open.length &&
      frames[common] === this.#open[common]
    ) common++;
    for (let i = this.#open.length - 1; i >= common; i--) {
      totals.events.push({ type: "C", frame: this.#open[i] ?? 0, at });
    }
    for (let i = common; i < frames.length; i++) {
      totals.events.push({ type: "O", frame: frames[i] ?? 0, at });
    }
    this.#open = frames;
  }

  #frameId(name: string, fn: number): number {
    const key = `${fn}:${name}`;
    let id = this.#frameIds.get(key);
    if (id === undefined) {
      id = this.#frames.length;
      const first = fn < 0 ? undefined : this.#code.module.functions[fn]?.lines[0];
      this.#frames.push({ name, line: first?.line ?? 0 });
      this.#frameIds.set(key, id);
    }
    return id;
  }
}
