/**
 * Execution traces (spec/PROFILE.md §4): a Tracer turns a call's hooks into
 * records, one per instruction (function, pc, opcode and operands, source
 * line:col, gas before it and gas it charged, the top of the operand stack)
 * and one per stdlib call (name, arguments, result), then one at the end.
 * Every value is shown through previewValue, so a record stays short and
 * asciiSafe whatever the contract builds. An instruction's record waits for
 * the next step (its charge is known only then) and is followed by the
 * stdlib calls it made. Observes only; the records go to `emit`.
 */

import type { IrModule } from "../compile/ir.ts";
import { operandText } from "../compile/disasm.ts";
import { opInfo } from "../compile/opcodes.ts";
import type { CallHooks, HostCallEvent } from "./hooks.ts";
import { ModuleCode } from "./module_code.ts";
import { asciiSafe, previewValue } from "./preview.ts";
import type { Value } from "./values.ts";

/** Values shown of the operand stack, top last. */
export const TRACE_STACK = 3;
/** Longest operand text shown (a constant's text is cut). */
export const TRACE_OPERANDS = 80;

/** One executed instruction. */
export interface TraceStep {
  /** The record's kind. */
  readonly kind: "step";
  /** Frames on the call stack, this one included. */
  readonly depth: number;
  /** The running function's name. */
  readonly function: string;
  /** Instruction index in the function. */
  readonly pc: number;
  /** Opcode mnemonic. */
  readonly op: string;
  /** Its operands as the disassembler shows them. */
  readonly operands: string;
  /** Source line (0: none). */
  readonly line: number;
  /** Source column. */
  readonly column: number;
  /** Gas used before it ran. */
  readonly gasBefore: number;
  /** Gas it charged (base, dynamic terms and the stdlib member it called). */
  readonly gas: number;
  /** Previews of the top TRACE_STACK stack values before it ran, top last. */
  readonly stack: readonly string[];
  /** Values on the operand stack before it ran. */
  readonly stackSize: number;
}

/** One stdlib call or value read, after the instruction that made it. */
export interface TraceHostCall {
  /** The record's kind. */
  readonly kind: "host";
  /** Frames on the call stack, this one included. */
  readonly depth: number;
  /** The stdlib member (`storage.set`). */
  readonly name: string;
  /** Previews of the arguments (hashed data as its length). */
  readonly args: readonly string[];
  /** Previews of the keyword arguments. */
  readonly kwargs: Readonly<Record<string, string>>;
  /** Preview of the result; null when the member failed. */
  readonly result: string | null;
}

/** The end of a call. */
export interface TraceEnd {
  /** The record's kind. */
  readonly kind: "end";
  /** Gas used by the call in all. */
  readonly gasUsed: number;
  /** Gas of the return value's walk after the function returned (0 when it did not return). */
  readonly returnGas: number;
}

/** A record of a trace. */
export type TraceRecord = TraceStep | TraceHostCall | TraceEnd;

/** An argument's preview; what a hash member hashes is shown as its length only. */
function argumentPreview(name: string, value: Value): string {
  if (name.startsWith("hash.") && (value instanceof Uint8Array || typeof value === "string")) {
    return `<${value.length} ${typeof value === "string" ? "units" : "bytes"}>`;
  }
  return previewValue(value);
}

/** Records of one call at a time, sent to `emit`. */
export class Tracer {
  readonly #code: ModuleCode;
  readonly #emit: (record: TraceRecord) => void;
  #pending: Omit<TraceStep, "gas"> | null = null;
  #hosts: TraceHostCall[] = [];
  #returnedAt: number | null = null;
  readonly #operandTexts = new Map<number, string[]>();

  /** A tracer of calls into `module`. */
  constructor(module: IrModule, emit: (record: TraceRecord) => void) {
    this.#code = new ModuleCode(module);
    this.#emit = emit;
  }

  /** The hooks of one call; end it with {@link end}. */
  start(): CallHooks {
    this.#pending = null;
    this.#hosts = [];
    this.#returnedAt = null;
    return {
      onStep: (fn, pc, op, gasUsed, stack, sp, depth) => {
        this.#flush(gasUsed);
        const position = this.#code.position(fn, pc);
        const shown: string[] = [];
        for (let i = Math.max(0, sp - TRACE_STACK); i < sp; i++) {
          shown.push(previewValue(stack[i] ?? null));
        }
        this.#pending = {
          kind: "step",
          depth,
          function: asciiSafe(this.#code.name(fn)),
          pc,
          op: opInfo(op)?.name ?? `0x${op.toString(16)}`,
          operands: this.#operands(fn, pc),
          line: position.line,
          column: position.column,
          gasBefore: gasUsed,
          stack: shown,
          stackSize: sp,
        };
      },
      onHostCall: (event: HostCallEvent) => {
        const kwargs: Record<string, string> = {};
        for (const [key, value] of event.kwargs) {
          kwargs[asciiSafe(key)] = argumentPreview(event.name, value);
        }
        this.#hosts.push({
          kind: "host",
          depth: this.#pending?.depth ?? 0,
          name: event.name,
          args: event.args.map((value) => argumentPreview(event.name, value)),
          kwargs,
          result: event.result === undefined ? null : previewValue(event.result),
        });
      },
      onReturn: (gasUsed) => {
        this.#flush(gasUsed);
        this.#returnedAt = gasUsed;
      },
    };
  }

  /** Ends the current call, which used `gasUsed` gas in all: emits what is pending and the end. */
  end(gasUsed: number): void {
    this.#flush(gasUsed);
    const returnGas = this.#returnedAt === null ? 0 : gasUsed - this.#returnedAt;
    this.#emit({ kind: "end", gasUsed, returnGas });
  }

  /** Instruction `pc`'s operand text, made once per instruction (a constant may be long). */
  #operands(fn: number, pc: number): string {
    let texts = this.#operandTexts.get(fn);
    if (texts === undefined) {
      texts = [];
      this.#operandTexts.set(fn, texts);
    }
    let text = texts[pc];
    if (text === undefined) {
      const instruction = this.#code.instruction(fn, pc);
      const full = instruction === undefined ? "" : operandText(this.#code.module, instruction);
      const cut = full.length > TRACE_OPERANDS ? `${full.slice(0, TRACE_OPERANDS)}...` : full;
      text = asciiSafe(cut);
      texts[pc] = text;
    }
    return text;
  }

  #flush(gasUsed: number): void {
    const pending = this.#pending;
    if (pending !== null) this.#emit({ ...pending, gas: gasUsed - pending.gasBefore });
    for (const host of this.#hosts) this.#emit(host);
    this.#pending = null;
    this.#hosts = [];
  }
}
