/**
 * JavaScript source for one verified function, for the compiled tier
 * (tier.ts; spec/RUNTIME.md §7). Locals and operand-stack slots become JS
 * variables (`l3`, `s2`: the verifier fixes the height before every
 * instruction). Each basic block (tier_plan.ts) has two bodies: a fast one,
 * entered when the gas and steps left cover the block's whole static cost,
 * which charges that cost once; and a slow one that charges each
 * instruction's base gas and step before it, as the interpreter does, and
 * that the fast body also drops into when a dynamic charge leaves too little
 * for the rest of its block. Anything that meters itself first sees the gas
 * the interpreter would have used at that point (the block's unused
 * prepayment taken off).
 *
 * No contract data enters the source: constants, small ints, names, table
 * ids and masks are read from the `V` array the source is compiled with;
 * the text holds only variable names and labels derived from slot numbers,
 * pcs and heights, and costs from the opcode table.
 */

import type { HandlerEntry, IrModule } from "../compile/ir.ts";
import { Op, OP_INFO } from "../compile/opcodes.ts";
import type { VerifiedFunction } from "../compile/verify.ts";
import { directBuiltin } from "./builtins/table.ts";
import { directStdlib } from "./host/call_host.ts";
import { FAST_PATHS } from "./fast_paths.ts";
import { INLINE_BUILTINS, INLINE_METHODS } from "./inline_paths.ts";
import { directMethods, type DirectReceiver } from "./methods/dispatch.ts";
import { constValue } from "./op_helpers.ts";
import { type Block, type Plan, planFunction } from "./tier_plan.ts";

/** Generated source and the values it reads. */
export interface GeneratedFunction {
  /** The body of a factory `(rt, V, FN, RG, RS) => (run, args, depth) => Value`. */
  readonly source: string;
  /** Values the source reads as `V[i]`. */
  readonly values: readonly unknown[];
  /** The block plan the source follows. */
  readonly plan: Plan;
}

type Mode = "fast" | "slow";

/** One function's generator: collects values and emits instruction bodies. */
class Generator {
  readonly values: unknown[] = [];
  readonly locals = new Set<number>();
  maxSlot = 0;
  readonly fastOps = new Set<number>();
  /** The first pc of each block. */
  readonly starts: ReadonlySet<number>;
  /** While a loop's fast bodies are emitted as a JS loop: the jumps that stay in it (see jump()). */
  loop: LoopRegion | null = null;

  constructor(
    readonly module: IrModule,
    readonly fn: VerifiedFunction,
    readonly plan: Plan,
  ) {
    this.starts = new Set(plan.blocks.map((block) => block.start));
  }

  /**
   * Whether BUILD_TUPLE at `pc` is unpacked at once by an UNPACK of the same
   * count in its block (`a, b = b, a`): control reaches that UNPACK only from
   * the BUILD_TUPLE, so the pair is emitted as a reversal of the slots, with
   * UNPACK's payment for its items (in line when the gas left covers it) and
   * no tuple built. Both charge as before.
   */
  swapsAt(pc: number): boolean {
    const build = this.fn.instructions[pc];
    const unpack = this.fn.instructions[pc + 1];
    return build?.op === Op.BUILD_TUPLE && unpack?.op === Op.UNPACK &&
      unpack.operands[0] === build.operands[0] && !this.starts.has(pc + 1);
  }

  /** A hoisted name for `value`, read from V at compile time. */
  value(value: unknown): string {
    this.values.push(value);
    return `v${this.values.length - 1}`;
  }

  slot(height: number): string {
    if (height + 1 > this.maxSlot) this.maxSlot = height + 1;
    return `s${height}`;
  }

  local(slot: number): string {
    this.locals.add(slot);
    return `l${slot}`;
  }

  /** Writes gas (and steps) back to the machine before metered work. */
  pre(pc: number, mode: Mode, steps: boolean): string {
    const rest = mode === "fast" ? this.plan.restGas[pc] ?? 0 : 0;
    const restSteps = mode === "fast" ? this.plan.restSteps[pc] ?? 0 : 0;
    const gas = rest === 0 ? "m.gasUsed = gas;" : `m.gasUsed = gas - ${rest};`;
    if (!steps) return gas;
    return `${gas} m.steps = ${restSteps === 0 ? "steps" : `steps - ${restSteps}`};`;
  }

  /**
   * Reads gas (and steps) back after metered work; in a fast body, drops
   * into the slow body at the next instruction when the rest of the block is
   * no longer covered.
   */
  post(pc: number, mode: Mode, steps: boolean): string {
    const rest = mode === "fast" ? this.plan.restGas[pc] ?? 0 : 0;
    const restSteps = mode === "fast" ? this.plan.restSteps[pc] ?? 0 : 0;
    if (mode === "slow" || (rest === 0 && restSteps === 0)) {
      return steps ? "gas = m.gasUsed; steps = m.steps;" : "gas = m.gasUsed;";
    }
    const read = steps
      ? `gas = m.gasUsed + ${rest}; steps = m.steps + ${restSteps};`
      : `gas = m.gasUsed + ${rest};`;
    const over = steps ? "gas > limit || steps > MAX" : "gas > limit";
    return `${read} if (${over}) { gas -= ${rest}; steps -= ${restSteps}; pc = ${
      pc + 1
    }; slow = true; continue dispatch; }`;
  }

  /** `[s(from) .. s(from + count - 1)]`. */
  list(from: number, count: number): string {
    const items: string[] = [];
    for (let i = 0; i < count; i++) items.push(this.slot(from + i));
    return `[${items.join(", ")}]`;
  }

  /** The code of instruction `pc` at stack height `h` (without its base charge). */
  body(pc: number, h: number, mode: Mode): string {
    const instruction = this.fn.instructions[pc];
    if (instruction === undefined) return "";
    const [a = 0, b = 0, c = 0] = instruction.operands;
    const op = instruction.op;
    const s = (offset: number) => this.slot(h + offset);
    const at = `at = ${pc};`;
    const metered = (expression: string, steps = false) =>
      `${at} ${this.pre(pc, mode, steps)} ${expression}; ${this.post(pc, mode, steps)}`;
    const fast = FAST_PATHS.get(op);
    if (fast !== undefined) {
      this.fastOps.add(op);
      const [left, right] = [s(-2), s(-1)];
      const room = fast.extra === 0 ? "" : ` && gas + ${fast.extra} <= limit`;
      const pay = fast.extra === 0 ? "" : `gas += ${fast.extra}; `;
      const general = op >= Op.EQ && op <= Op.GE ? "rt.compareOp" : "rt.binaryOp";
      // Two strs are joined in line when the gas left covers the operator's charge for them.
      const texts = op === Op.ADD || op === Op.INPLACE_ADD
        ? ` else if (typeof ${left} === "string" && typeof ${right} === "string" && (t = rt.concatCharge(${left}, ${right})) >= 0 && gas + t <= limit) { gas += t; ${left} = ${left} + ${right}; }`
        : "";
      return `if (typeof ${left} === "number" && typeof ${right} === "number" && (t = f${op}(${left}, ${right})) !== null${room}) { ${pay}${left} = t; }${texts} else { ${
        metered(`${left} = ${general}(m, ${op}, ${left}, ${right})`)
      } }`;
    }
    switch (op) {
      case Op.CONST:
        return `${s(0)} = ${
          this.value(constValue(this.module.consts[a] ?? { kind: "str", value: "" }))
        };`;
      case Op.SMALL_INT:
        return `${s(0)} = ${this.value(a)};`;
      case Op.NONE:
        return `${s(0)} = null;`;
      case Op.TRUE:
        return `${s(0)} = true;`;
      case Op.FALSE:
        return `${s(0)} = false;`;
      case Op.POP:
        return "";
      case Op.DUP:
        return `${s(0)} = ${s(-1)};`;
      case Op.DUP2:
        return `${s(0)} = ${s(-2)}; ${s(1)} = ${s(-1)};`;
      case Op.ROT2:
        return `t = ${s(-1)}; ${s(-1)} = ${s(-2)}; ${s(-2)} = t;`;
      case Op.ROT3:
        return `t = ${s(-1)}; ${s(-1)} = ${s(-2)}; ${s(-2)} = ${s(-3)}; ${s(-3)} = t;`;
      case Op.LOAD_LOCAL:
        return `${at} if (${this.local(a)} === undefined) rt.unbound(r, FN, ${this.value(a)}); ${
          s(0)
        } = ${this.local(a)};`;
      case Op.LOAD_FREE:
        return `${at} if (${this.local(a)} === undefined) rt.unboundFree(r, FN, ${
          this.value(a)
        }); ${s(0)} = ${this.local(a)};`;
      case Op.STORE_LOCAL:
        return `${this.local(a)} = ${s(-1)};`;
      case Op.DELETE_LOCAL:
        return `${this.local(a)} = undefined;`;
      case Op.LOAD_GLOBAL: {
        const slot = this.value(a);
        return `${at} t = r.globals[${slot}]; if (t === undefined) rt.noGlobal(${slot}); ${
          s(0)
        } = t;`;
      }
      case Op.STORE_GLOBAL:
        return `${at} r.globals[${this.value(a)}] = ${s(-1)};`;
      case Op.POW:
      case Op.LSHIFT:
      case Op.RSHIFT:
      case Op.BITAND:
      case Op.BITOR:
      case Op.BITXOR:
      case Op.INPLACE_OR:
      case Op.INPLACE_AND:
      case Op.INPLACE_XOR:
        return metered(`${s(-2)} = rt.binaryOp(m, ${op}, ${s(-2)}, ${s(-1)})`);
      case Op.IN:
      case Op.NOT_IN:
        return `if ((t = rt.inlineContains(${s(-1)}, ${s(-2)})) !== rt.MISS) ${s(-2)} = ${
          op === Op.IN ? "t" : "!t"
        }; else { ${metered(`${s(-2)} = rt.compareOp(m, ${op}, ${s(-2)}, ${s(-1)})`)} }`;
      case Op.IS:
      case Op.IS_NOT:
        return metered(`${s(-2)} = rt.compareOp(m, ${op}, ${s(-2)}, ${s(-1)})`);
      case Op.NEG:
        return metered(`${s(-1)} = rt.neg(m, ${s(-1)})`);
      case Op.INVERT:
        return metered(`${s(-1)} = rt.invert(m, ${s(-1)})`);
      case Op.POS:
        return `${at} ${s(-1)} = rt.pos(${s(-1)});`;
      case Op.NOT:
        return `${at} ${s(-1)} = !rt.truthy(${s(-1)});`;
      case Op.ISINSTANCE:
        return `${at} ${s(-1)} = (rt.classBits(${s(-1)}) & ${this.value(a)}) !== 0;`;
      case Op.JUMP:
        return this.jump(a, mode);
      case Op.JUMP_IF_FALSE:
        return `${at} t = ${s(-1)}; if (t === false || (t !== true && !rt.truthy(t))) { ${
          this.jump(a, mode)
        } }`;
      case Op.JUMP_IF_TRUE:
        return `${at} t = ${s(-1)}; if (t === true || (t !== false && rt.truthy(t))) { ${
          this.jump(a, mode)
        } }`;
      case Op.JUMP_IF_FALSE_OR_POP:
        return `${at} if (!rt.truthy(${s(-1)})) { ${this.jump(a, mode)} }`;
      case Op.JUMP_IF_TRUE_OR_POP:
        return `${at} if (rt.truthy(${s(-1)})) { ${this.jump(a, mode)} }`;
      case Op.RETURN:
        return `m.gasUsed = gas; m.steps = steps; return ${s(-1)};`;
      case Op.ASSERT_FAIL:
        return `${at} ${this.pre(pc, mode, false)} rt.assertFail(m, ${a === 1 ? s(-1) : "null"});`;
      case Op.RAISE:
        return `${at} ${this.pre(pc, mode, false)} rt.raise(${a === 1 ? s(-2) : s(-1)}, ${
          a === 1 ? s(-1) : "null"
        });`;
      case Op.RERAISE:
        return `${at} ${this.pre(pc, mode, false)} rt.reraise(${s(-1)});`;
      case Op.EXC_MATCH:
        return `${at} ${s(-1)} = rt.exceptionMatches(${s(-1)}, ${this.value(a)});`;
      case Op.EXC_ARGS:
        return `${at} ${s(-1)} = rt.exceptionArgs(${s(-1)});`;
      case Op.NEW_EXCEPTION:
        return `${at} ${s(-b)} = rt.newException(${this.value(a)}, ${this.list(h - b, b)});`;
      case Op.GET_ITER:
        return `${at} ${s(-1)} = rt.iterate(${s(-1)});`;
      case Op.FOR_ITER: {
        // Each loop calls its own iterator's next (one type per site, so the call is inlined).
        // Ranges, lists, tuples and dicts never charge as they step (PyIterator.free): their gas
        // is not written around it (a dict's RuntimeError fails the instruction with its gas).
        const it = s(-1);
        return `${at} if (${it} instanceof rt.PyIterator && ${it}.free) t = ${it}.next(); else { ${
          this.pre(pc, mode, false)
        } t = ${it} instanceof rt.PyIterator ? ${it}.next() : rt.nextItem(${it}); ${
          this.post(pc, mode, false)
        } } if (t === rt.DONE) { ${this.jump(a, mode)} } ${s(0)} = t;`;
      }
      case Op.BUILD_LIST:
        return `${at} ${s(-a)} = new rt.PyList(${this.list(h - a, a)});`;
      case Op.BUILD_TUPLE:
        if (this.swapsAt(pc)) return "";
        return `${at} ${s(-a)} = new rt.PyTuple(${this.list(h - a, a)});`;
      case Op.BUILD_DICT:
        return metered(
          `${s(-2 * a)} = rt.buildDisplay(m, ${this.list(h - 2 * a, 2 * a)}, 0, ${this.value(a)})`,
        );
      case Op.BUILD_SLICE:
        return `${at} ${s(-3)} = new rt.PySlice(${s(-3)}, ${s(-2)}, ${s(-1)});`;
      case Op.SUBSCR:
        return `if ((t = rt.inlineSubscript(${s(-2)}, ${s(-1)})) !== rt.MISS) ${
          s(-2)
        } = t; else { ${metered(`${s(-2)} = rt.subscript(m, ${s(-2)}, ${s(-1)})`)} }`;
      case Op.STORE_SUBSCR:
        return `if (!rt.inlineStore(${s(-2)}, ${s(-1)}, ${s(-3)})) { ${
          metered(`rt.storeSubscript(m, ${s(-2)}, ${s(-1)}, ${s(-3)})`)
        } }`;
      case Op.DELETE_SUBSCR:
        return metered(`rt.deleteSubscript(m, ${s(-2)}, ${s(-1)})`);
      case Op.UNPACK: {
        if (this.swapsAt(pc - 1)) {
          // The tuple's items are still in the slots below: reverse them in place.
          const swaps: string[] = [];
          for (let i = 0; i < a - 1 - i; i++) {
            swaps.push(`t = ${s(-1 + i)}; ${s(-1 + i)} = ${s(a - 2 - i)}; ${s(a - 2 - i)} = t;`);
          }
          const general = `${this.pre(pc, mode, false)} r.payUnpack(${this.value(a)}); ${
            swaps.join(" ")
          } ${this.post(pc, mode, false)}`;
          // The items' charge is a constant: paid in line when the gas left covers it.
          const per = OP_INFO[Op.UNPACK].dynamic?.per;
          if (per === undefined) return `${at} ${general}`;
          return `${at} if (gas + ${per * a} <= limit) { gas += ${per * a}; ${
            swaps.join(" ")
          } } else { ${general} }`;
        }
        const pushes: string[] = [];
        for (let j = 0; j < a; j++) pushes.push(`${s(-1 + j)} = t[${a - 1 - j}];`);
        return `${at} ${this.pre(pc, mode, false)} t = rt.unpack(r, ${s(-1)}, ${this.value(a)}); ${
          pushes.join(" ")
        } ${this.post(pc, mode, false)}`;
      }
      case Op.LIST_APPEND:
        return `${at} if (${s(-2)} instanceof rt.PyList && ${
          s(-2)
        }.items.length < CONTAINER_LENGTH) ${s(-2)}.items.push(${s(-1)}); else rt.listAppend(${
          s(-2)
        }, ${s(-1)});`;
      case Op.CALL:
        return `${at} if (depth + 1 >= CALL_DEPTH) rt.tooDeep(); r.pcAt[depth] = ${pc + 1}; ${
          this.pre(pc, mode, true)
        } ${s(-b)} = rt.call(r, ${this.value(a)}, ${this.list(h - b, b)}, depth + 1); ${
          this.post(pc, mode, true)
        }`;
      case Op.CALL_BUILTIN:
      case Op.CALL_METHOD:
      case Op.CALL_STDLIB: {
        const method = op === Op.CALL_METHOD;
        const result = method ? s(-b - 1) : s(-b);
        const receiver = method ? s(-b - 1) : "null";
        const args = this.list(h - b, b);
        const names = c === 0 ? null : this.module.consts[c - 1]?.value;
        const call = names === null || names === undefined
          ? this.directCall(
            op,
            a,
            b,
            receiver,
            args,
            `rt.hostCall(m, r.host, ${op}, ${this.value(a)}, ${receiver}, ${args}, rt.NO_KEYWORDS)`,
          )
          : `rt.callKeywords(m, r.host, ${op}, ${this.value(a)}, ${receiver}, ${args}, ${
            this.value(names)
          })`;
        const general = metered(`${result} = ${call}`);
        if (names !== null && names !== undefined) return general;
        return op === Op.CALL_BUILTIN
          ? this.inlineBuiltin(a, b, h, general)
          : this.inlineMethods(op, a, b, receiver, h, general);
      }
      case Op.STDLIB_VALUE:
        return metered(`${s(0)} = r.host.value(m, ${this.value(a)})`);
      case Op.CHECK_METHOD: {
        const tests = directMethods(a, null).map((direct) => receiverTest(direct.receiver, s(-1)));
        const check = `rt.checkMethod(${this.value(a)}, ${s(-1)});`;
        return `${at} ${tests.length === 0 ? check : `if (!(${tests.join(" || ")})) ${check}`}`;
      }
      default:
        return `${at} rt.unknown();`;
    }
  }

  /**
   * A call without keywords: for a method, a test of each direct receiver
   * type (methods/dispatch.ts directMethods) that begins and runs its
   * variant, else `general`; for a builtin or stdlib function whose
   * signature the arguments fill as given, the callable begun and run (a
   * stdlib function only on the call's own CallHost).
   */
  directCall(
    op: number,
    id: number,
    count: number,
    receiver: string,
    args: string,
    general: string,
  ): string {
    if (op === Op.CALL_BUILTIN) {
      const builtin = directBuiltin(id, count);
      if (builtin === null) return general;
      return `(m.begin(${this.value(builtin.info)}), ${
        this.value(builtin.run)
      }(m, ${args}, rt.NO_REST, rt.NO_EXTRA_KEYWORDS))`;
    }
    if (op === Op.CALL_STDLIB) {
      // Only on the call's own host: a watched host (hooks.ts) sees every call go through it.
      const member = directStdlib(id, count);
      if (member === null) return general;
      return `r.host instanceof rt.CallHost ? (m.begin(${this.value(member.info)}), ${
        this.value(member.run)
      }(r.host, m, ${args}, rt.NO_REST)) : ${general}`;
    }
    if (op !== Op.CALL_METHOD) return general;
    let call = general;
    for (const direct of directMethods(id, count).reverse()) {
      call = `${receiverTest(direct.receiver, receiver)} ? (m.begin(${this.value(direct.info)}), ${
        this.value(direct.run)
      }(m, ${receiver}, ${args}, rt.NO_EXTRA_KEYWORDS)) : ${call}`;
    }
    return call;
  }

  /**
   * A method call with an in-line entry for some direct receiver
   * (inline_paths.ts): for such a receiver, the entry run and the
   * method's base gas charged when the gas left covers it and the entry
   * does not miss; else `general`.
   */
  inlineMethods(
    op: number,
    id: number,
    count: number,
    receiver: string,
    h: number,
    general: string,
  ): string {
    if (op !== Op.CALL_METHOD || count > 2) return general;
    let code = general;
    for (const direct of directMethods(id, count).reverse()) {
      const inline = INLINE_METHODS.get(`${direct.info.name}/${count}`);
      if (inline === undefined) continue;
      const first = count > 0 ? this.slot(h - count) : "null";
      const second = count > 1 ? this.slot(h - count + 1) : "null";
      const base = direct.info.base;
      code = `if (${receiverTest(direct.receiver, receiver)} && gas + ${base} <= limit && (t = ${
        this.value(inline)
      }(${receiver}, ${first}, ${second})) !== rt.MISS) { gas += ${base}; ${receiver} = t; } else { ${code} }`;
    }
    return code;
  }

  /**
   * A builtin call with an in-line entry (inline_paths.ts): the entry run,
   * and the builtin's base plus the entry's per-unit charge of its result
   * charged, when it does not miss and the gas left covers that; else
   * `general`.
   */
  inlineBuiltin(id: number, count: number, h: number, general: string): string {
    const builtin = directBuiltin(id, count);
    const inline = builtin === null
      ? undefined
      : INLINE_BUILTINS.get(`${builtin.info.name}/${count}`);
    if (builtin === null || inline === undefined) return general;
    const argument = this.slot(h - count);
    const base = builtin.info.base;
    const charge = inline.perUnit === 0 ? `${base}` : `${base} + ${inline.perUnit} * t.length`;
    return `if ((t = ${
      this.value(inline.run)
    }(${argument})) !== rt.MISS && gas + ${charge} <= limit) { gas += ${charge}; ${argument} = t; } else { ${general} }`;
  }

  /**
   * A jump to `target`: through the dispatch, or, in the fast bodies of a
   * loop emitted as a JS loop, to its next turn (its test) or forward out
   * of the labeled block that ends where `target` starts.
   */
  jump(target: number, mode: Mode): string {
    const loop = this.loop;
    if (mode === "fast" && loop !== null) {
      if (target === loop.test.start) return `continue loop${target};`;
      if (loop.forward.has(target)) return `break to${target};`;
    }
    return `pc = ${target};${mode === "slow" ? " slow = false;" : ""} continue dispatch;`;
  }

  /** The slow body's base charge and step of instruction `pc`, and its operand-fixed charge. */
  charge(pc: number): string {
    const instruction = this.fn.instructions[pc];
    const op = instruction?.op ?? 0;
    const base = OP_INFO[op as Op]?.base ?? 0;
    const [a = 0, b = 0] = instruction?.operands ?? [];
    const fixed = op === Op.BUILD_LIST || op === Op.BUILD_TUPLE
      ? a
      : op === Op.BUILD_DICT
      ? 2 * a
      : op === Op.NEW_EXCEPTION
      ? b
      : 0;
    const baseCharge = base === 0
      ? ""
      : `if (gas + ${base} > limit) rt.outOfGas(${base}, limit - gas); gas += ${base}; `;
    const fixedCharge = fixed === 0
      ? ""
      : ` if (gas + ${fixed} > limit) rt.outOfGas(${fixed}, limit - gas); gas += ${fixed};`;
    return `at = ${pc}; ${baseCharge}if (++steps > MAX) rt.tooManySteps();${fixedCharge}`;
  }
}

/** A JS test that `value` (a variable name) is of the direct receiver type `receiver`. */
function receiverTest(receiver: DirectReceiver, value: string): string {
  switch (receiver) {
    case "list":
      return `${value} instanceof rt.PyList`;
    case "tuple":
      return `${value} instanceof rt.PyTuple`;
    case "dict":
      return `${value} instanceof rt.PyDict`;
    case "str":
      return `typeof ${value} === "string"`;
    case "bytes":
      return `${value} instanceof Uint8Array`;
    case "int":
      return `(typeof ${value} === "number" || typeof ${value} === "bigint")`;
  }
}

/** A fast block's entry: its whole static cost charged, or the slow bodies from its start. */
function blockHeader(block: Block): string {
  return `if (gas + ${block.gas} > limit || steps + ${block.steps} > MAX) { pc = ${block.start}; slow = true; continue dispatch; } gas += ${block.gas}; steps += ${block.steps};`;
}

/** The slow bodies of `block`, one case per instruction, appended to `slow`. */
function slowBlock(gen: Generator, fn: VerifiedFunction, block: Block, slow: string[]): void {
  for (let pc = block.start; pc < block.end; pc++) {
    slow.push(`case ${pc}: ${gen.charge(pc)} ${gen.body(pc, fn.heights[pc] ?? 0, "slow")}`);
  }
  const last = fn.instructions[block.end - 1];
  const info = last === undefined ? undefined : OP_INFO[last.op as Op];
  // Only the slow body needs an explicit exit: the fast body falls into the next block's case.
  if (info !== undefined && !info.terminal && last?.op !== Op.JUMP) {
    slow.push(`pc = ${block.end}; slow = false; continue dispatch;`);
  }
}

/**
 * A loop whose fast bodies run as one JS loop: its test block ends in a
 * branch or FOR_ITER whose target, the loop's exit, is the first pc past
 * its body blocks; the body blocks follow the test, the last one ends in
 * a JUMP back to the test, and every jump in them goes back to the test,
 * forward to a later body block (`forward`), or out of the loop (past its
 * end, or before its test). A body of at most {@link LOOP_INSTRUCTIONS}
 * instructions and {@link LOOP_TARGETS} forward targets: the later body
 * blocks are emitted twice, and the labeled blocks nest, so a larger loop
 * would cost the engine's compiler more than its dispatch saves.
 */
interface LoopRegion {
  readonly test: Block;
  readonly body: readonly Block[];
  readonly forward: ReadonlySet<number>;
}

/** The most instructions of a loop body run as a JS loop. */
const LOOP_INSTRUCTIONS = 96;
/** The most forward targets (nested labeled blocks) of a loop body run as a JS loop. */
const LOOP_TARGETS = 6;

/** The loop (see LoopRegion) whose test is `blocks[at]`, or null. */
function loopRegion(fn: VerifiedFunction, blocks: readonly Block[], at: number): LoopRegion | null {
  const test = blocks[at] as Block;
  const exit = fn.instructions[test.end - 1];
  const info = exit === undefined ? undefined : OP_INFO[exit.op as Op];
  if (
    exit === undefined || info === undefined || info.terminal || exit.op === Op.JUMP ||
    !info.operands.includes("target")
  ) return null;
  const end = exit.operands[0] ?? 0;
  const body: Block[] = [];
  for (let i = at + 1; i < blocks.length && (blocks[i] as Block).start < end; i++) {
    body.push(blocks[i] as Block);
  }
  const last = body[body.length - 1];
  const back = last === undefined ? undefined : fn.instructions[last.end - 1];
  if (
    last === undefined || body[0]?.start !== test.end || last.end !== end ||
    back?.op !== Op.JUMP || back.operands[0] !== test.start || end - test.end > LOOP_INSTRUCTIONS
  ) return null;
  const starts = new Set(body.map((block) => block.start));
  const forward = new Set<number>();
  for (let i = 0; i < body.length; i++) {
    const block = body[i] as Block;
    const closing = fn.instructions[block.end - 1];
    const closes = closing !== undefined &&
      (OP_INFO[closing.op as Op]?.terminal === true || closing.op === Op.JUMP);
    // A block that falls through must fall into the next one here.
    if (!closes && body[i + 1]?.start !== block.end) return null;
    for (let pc = block.start; pc < block.end; pc++) {
      const instruction = fn.instructions[pc];
      if (
        instruction === undefined || !OP_INFO[instruction.op as Op]?.operands.includes("target")
      ) {
        continue;
      }
      const target = instruction.operands[0] ?? 0;
      if (target === test.start || target >= end || target < test.start) continue;
      // A labeled block ends only where a body block starts (a jump target always does).
      if (target <= block.start || !starts.has(target)) return null;
      forward.add(target);
    }
  }
  return forward.size > LOOP_TARGETS ? null : { test, body, forward };
}

/**
 * The fast bodies of `loop` as one JS loop, appended to `fast`: the body's
 * back jump falls into the next turn and its forward jumps leave labeled
 * blocks instead of going through the dispatch. Entered at the first body
 * block (from the slow bodies, or a jump), the test is skipped once; each
 * block still pays its whole cost on entry. The later body blocks are
 * emitted again as plain cases, for entries there.
 */
function emitLoop(gen: Generator, loop: LoopRegion, fast: string[]): void {
  const { test, body, forward } = loop;
  const first = body[0] as Block;
  const fastBodies = (block: Block, end: number) => {
    for (let pc = block.start; pc < end; pc++) {
      fast.push(gen.body(pc, gen.fn.heights[pc] ?? 0, "fast"));
    }
  };
  gen.loop = loop;
  fast.push(`case ${test.start}: case ${first.start}: loop${test.start}: for (;;) {`);
  // pc stays at the test while the body runs (fast bodies never read it; a failure reads `at`).
  fast.push(`if (pc === ${first.start}) pc = ${test.start}; else { ${blockHeader(test)}`);
  fastBodies(test, test.end);
  fast.push("}");
  // Nested so that each label's block ends where its target starts.
  for (const target of [...forward].sort((x, y) => y - x)) fast.push(`to${target}: {`);
  body.forEach((block, i) => {
    if (forward.has(block.start)) fast.push("}");
    fast.push(blockHeader(block));
    fastBodies(block, i === body.length - 1 ? block.end - 1 : block.end);
  });
  fast.push("}");
  gen.loop = null;
  for (const block of body.slice(1)) {
    fast.push(`case ${block.start}: ${blockHeader(block)}`);
    fastBodies(block, block.end);
  }
}

/** Source for function `index` of `module`, following its block plan. */
export function generateFunction(
  module: IrModule,
  fn: VerifiedFunction,
  index: number,
): GeneratedFunction {
  const ir = module.functions[index];
  const handlers: readonly HandlerEntry[] = ir?.handlers ?? [];
  const plan = planFunction(fn, handlers.map((entry) => entry.target));
  const gen = new Generator(module, fn, plan);
  const fast: string[] = [];
  const slow: string[] = [];
  const blocks = plan.blocks;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i] as Block;
    const loop = loopRegion(fn, blocks, i);
    if (loop === null) {
      fast.push(`case ${block.start}: ${blockHeader(block)}`);
      for (let pc = block.start; pc < block.end; pc++) {
        fast.push(gen.body(pc, fn.heights[pc] ?? 0, "fast"));
      }
      slowBlock(gen, fn, block, slow);
      continue;
    }
    emitLoop(gen, loop, fast);
    for (const part of [block, ...loop.body]) slowBlock(gen, fn, part, slow);
    i += loop.body.length;
  }
  const resume = handlers.map((entry, i) =>
    `case ${i}: ${gen.slot(entry.height)} = r.caught; pc = ${entry.target}; break;`
  );
  const params = ir?.params.length ?? 0;
  const localNames: string[] = [];
  for (let i = 0; i < params; i++) gen.local(i);
  for (const slot of [...gen.locals].sort((x, y) => x - y)) {
    localNames.push(slot < params ? `l${slot} = args[${slot}]` : `l${slot}`);
  }
  const slots: string[] = ["t"];
  for (let i = 0; i < gen.maxSlot; i++) slots.push(`s${i}`);
  const hoisted = gen.values.map((_, i) => `v${i} = V[${i}]`);
  const fastRuns = [...gen.fastOps].map((op) => `f${op} = rt.fastRun(${op})`);
  // The helpers the bodies name are read from `rt` once, into constants (V8 folds those).
  const helpers = new Set<string>();
  const hoist = (body: string) =>
    body.replace(/\brt\.([A-Za-z_]+)/g, (_, name: string) => {
      helpers.add(name);
      return `rt_${name}`;
    });
  const [slowBody, fastBody] = [hoist(slow.join("\n")), hoist(fast.join("\n"))];
  const constants = [
    "MAX = rt.maxSteps",
    "CALL_DEPTH = rt.callDepth",
    "CONTAINER_LENGTH = rt.containerLength",
    "rt_failure = rt.failure",
    ...hoisted,
    ...fastRuns,
  ];
  for (const name of helpers) if (name !== "failure") constants.push(`rt_${name} = rt.${name}`);
  const source = `"use strict";
const ${constants.join(", ")};
return function (r, args, depth) {
  const m = r.m;
  const limit = m.gasLimit;
  let ${[...localNames, ...slots].join(", ")};
  let gas = m.gasUsed, steps = m.steps, pc = 0, at = 0, slow = false;
  r.fnAt[depth] = FN;
  for (;;) {
    try {
      dispatch: for (;;) {
        if (slow) {
          switch (pc) {
${slowBody}
          }
        } else {
          switch (pc) {
${fastBody}
          }
        }
        rt.unknown();
      }
    } catch (thrown) {
      const handler = rt_failure(r, thrown, depth, at, slow ? gas : gas - RG[at], slow ? steps : steps - RS[at]);
      gas = m.gasUsed; steps = m.steps; slow = false;
      switch (handler) {
${resume.join("\n")}
      }
    }
  }
};`;
  return { source, values: gen.values, plan };
}
