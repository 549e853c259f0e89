/**
 * The hooks a caller may watch a call through (traces, gas profiles): one
 * before each instruction, one after each stdlib member returns or fails,
 * and one when the called function has returned, before its return value
 * is walked. Hooks only observe: they get no meter and no way to change
 * values, and a call with hooks charges, returns and writes exactly what it
 * does without them (tests/trace_test.ts). With no hook set, the machine
 * runs its fused fast path and the host is not wrapped.
 */

import { STDLIB } from "../compile/opcodes.ts";
import type { Host, StepHook } from "./interpreter.ts";
import type { Metered } from "./meter.ts";
import type { Value } from "./values.ts";

/** One stdlib call or value read as a hook sees it, after it returned or failed. */
export interface HostCallEvent {
  /** Its stdlib table id (spec/opcodes_vm_py.yaml). */
  readonly id: number;
  /** Its name (`storage.set`, `context.sender`). */
  readonly name: string;
  /** Positional arguments as passed (none for a value read). */
  readonly args: readonly Value[];
  /** Keyword arguments as passed. */
  readonly kwargs: ReadonlyMap<string, Value>;
  /** The result; undefined when the member failed (the failure then ends the call). */
  readonly result: Value | undefined;
}

/** Called after each stdlib call or value read. */
export type HostCallHook = (event: HostCallEvent) => void;

/** Everything a caller can watch a call through; every member is optional. */
export interface CallHooks {
  /** Before each instruction (turns superinstructions off). */
  readonly onStep?: StepHook;
  /** After each stdlib call or value read. */
  readonly onHostCall?: HostCallHook;
  /** When the called function returned, with the gas used before its return value is walked. */
  readonly onReturn?: (gasUsed: number) => void;
}

/** The hooks set in `options`, as an object to spread into a call request. */
export function hooksOf(options: CallHooks): CallHooks {
  return {
    ...(options.onStep === undefined ? {} : { onStep: options.onStep }),
    ...(options.onHostCall === undefined ? {} : { onHostCall: options.onHostCall }),
    ...(options.onReturn === undefined ? {} : { onReturn: options.onReturn }),
  };
}

const NO_KEYWORDS: ReadonlyMap<string, Value> = new Map();

/** `host`, reporting every call and value read to `hook` (with no hook: `host` itself). */
export function watchedHost(host: Host, hook: HostCallHook | undefined): Host {
  if (hook === undefined) return host;
  const watch = (
    id: number,
    args: readonly Value[],
    kwargs: ReadonlyMap<string, Value>,
    run: () => Value,
  ): Value => {
    const name = STDLIB[id]?.name ?? `stdlib #${id}`;
    let result: Value;
    try {
      result = run();
    } catch (error) {
      hook({ id, name, args, kwargs, result: undefined });
      throw error;
    }
    hook({ id, name, args, kwargs, result });
    return result;
  };
  return {
    call: (
      meter: Metered,
      id: number,
      args: readonly Value[],
      kwargs: ReadonlyMap<string, Value>,
    ) => watch(id, args, kwargs, () => host.call(meter, id, args, kwargs)),
    value: (meter: Metered, id: number) => watch(id, [], NO_KEYWORDS, () => host.value(meter, id)),
  };
}
