/**
 * The one argument binder: matches the positional and keyword arguments of
 * a builtin, method or stdlib call against the signature declared for it in
 * spec/opcodes_vm_py.yaml, as CPython binds arguments (positional-only,
 * keyword-only, defaults, `*rest`, `**keywords`), raising TypeError before
 * the implementation runs. Nothing else checks arity. A builtin's or
 * method's refusal is worded by its parsing style (arity.ts); the messages
 * here are a Python function's, the stdlib members' wording.
 */

import type { CallableInfo, Param, Signature } from "../compile/opcodes.ts";
import { checkArity } from "./arity.ts";
import { vmError } from "./failure.ts";
import type { Value } from "./values.ts";

/** One slot per declared parameter, in order; undefined where an optional one is absent. */
export type Args = readonly (Value | undefined)[];

/** Arguments as bound: the parameter slots, extra positionals and extra keywords. */
export interface Bound {
  readonly args: Args;
  /** Extra positional arguments, for a signature with `*rest` (else empty). */
  readonly rest: readonly Value[];
  /** Extra keyword arguments in call order, for a signature with `**keywords` (else empty). */
  readonly keywords: ReadonlyMap<string, Value>;
}

const NONE: readonly Value[] = [];
const NO_KEYWORDS: ReadonlyMap<string, Value> = new Map();

/** The name the messages of the `signature` style give: `get` for `storage.get`. */
function shortName(info: CallableInfo): string {
  return info.parse?.name ?? info.name;
}

function tooManyPositional(info: CallableInfo, sig: Signature, given: number): never {
  const name = shortName(info);
  const limit = sig.positional;
  if (limit === 0) return vmError("TypeError", `${name}() takes no arguments (${given} given)`);
  const required = sig.params.filter((param) => param.required && param.kind !== "keyword").length;
  const keywordable = sig.params.some((param) => param.kind !== "positional");
  const noun = `${keywordable ? "positional " : ""}argument${limit === 1 ? "" : "s"}`;
  const amount = required === limit ? `exactly ${limit === 1 ? "one" : limit}` : `at most ${limit}`;
  return vmError("TypeError", `${name}() takes ${amount} ${noun} (${given} given)`);
}

function missing(info: CallableInfo, param: Param, index: number): never {
  const name = shortName(info);
  if (param.kind === "keyword") {
    return vmError(
      "TypeError",
      `${name}() missing required keyword-only argument: '${param.name}'`,
    );
  }
  return vmError(
    "TypeError",
    `${name}() missing required argument '${param.name}' (pos ${index + 1})`,
  );
}

function unexpectedKeyword(info: CallableInfo, param: Param | undefined, key: string): never {
  const name = shortName(info);
  if (info.sig?.params.every((p) => p.kind === "positional") === true) {
    return vmError("TypeError", `${name}() takes no keyword arguments`);
  }
  if (param !== undefined) {
    return vmError(
      "TypeError",
      `${name}() got some positional-only arguments passed as keyword arguments: '${key}'`,
    );
  }
  return vmError("TypeError", `${name}() got an unexpected keyword argument '${key}'`);
}

/** No extra positional arguments or keywords. */
export const NO_REST: readonly Value[] = NONE;
/** No extra keyword arguments. */
export const NO_EXTRA_KEYWORDS: ReadonlyMap<string, Value> = NO_KEYWORDS;

/**
 * Whether a call binds to `info`'s signature as it is given (the common
 * case: positional arguments only, every required one present, none left
 * for `*rest`), so that its arguments are the slots with no binding work.
 */
export function bindsAsGiven(
  info: CallableInfo,
  args: readonly Value[],
  kwargs: ReadonlyMap<string, Value>,
): boolean {
  return kwargs.size === 0 && bindsPositionally(info, args.length);
}

/** Whether `count` positional arguments alone bind to `info`'s signature as given. */
export function bindsPositionally(info: CallableInfo, count: number): boolean {
  const sig = info.sig;
  return sig !== null && count <= sig.positional && count >= sig.required;
}

/**
 * Binds `args` and `kwargs` to the signature of `info` (which must have
 * one). The common case, positional arguments only and no `*rest`, returns
 * `args` itself as the slots, without copying.
 */
export function bindArguments(
  info: CallableInfo,
  args: readonly Value[],
  kwargs: ReadonlyMap<string, Value>,
): Bound {
  const sig = info.sig;
  if (sig === null) return vmError("TypeError", `'${info.name}' is not callable`);
  const params = sig.params;
  const limit = sig.positional;
  if (bindsAsGiven(info, args, kwargs)) return { args, rest: NONE, keywords: NO_KEYWORDS };
  checkArity(info, sig, args.length, kwargs);
  let rest = NONE;
  let slots: (Value | undefined)[] | readonly Value[] = args;
  if (args.length > limit) {
    if (sig.rest === null) tooManyPositional(info, sig, args.length);
    rest = args.slice(limit);
    slots = args.slice(0, limit);
  }
  let keywords = NO_KEYWORDS;
  if (kwargs.size > 0) {
    const filled: (Value | undefined)[] = [...slots];
    const extra = new Map<string, Value>();
    for (const [key, value] of kwargs) {
      const index = params.findIndex((param) => param.name === key);
      const param = params[index];
      if (param === undefined || param.kind === "positional") {
        if (sig.keywords !== null) {
          extra.set(key, value);
          continue;
        }
        unexpectedKeyword(info, param, key);
      }
      if (filled[index] !== undefined) {
        vmError("TypeError", `${shortName(info)}() got multiple values for argument '${key}'`);
      }
      filled[index] = value;
    }
    slots = filled;
    keywords = extra;
  }
  for (let i = 0; i < params.length; i++) {
    const param = params[i];
    if (param !== undefined && param.required && slots[i] === undefined) missing(info, param, i);
  }
  return { args: slots, rest, keywords };
}
