/**
 * CPython 3.11's TypeErrors for a call whose argument count or keywords its
 * argument parser refuses, worded by the parsing style each builtin and
 * method declares in spec/opcodes_vm_py.yaml (`parse`; spec/GAS.md §5).
 * The binder (bind.ts) asks before it binds anything that is not plainly
 * positional; a call this accepts then binds without error.
 */

import type { ArgumentParsing, CallableInfo, Signature } from "../compile/opcodes.ts";
import { vmError } from "./failure.ts";
import type { Value } from "./values.ts";

function plural(count: number): string {
  return count === 1 ? "" : "s";
}

/** METH_NOARGS, METH_O, FASTCALL and VARARGS methods refuse any keyword first. */
function noKeywords(info: CallableInfo, kwargs: ReadonlyMap<string, Value>): void {
  if (kwargs.size > 0) vmError("TypeError", `${info.name}() takes no keyword arguments`);
}

/** `_PyArg_CheckPositional`: `get expected at least 1 argument, got 0`. */
function checkPositional(name: string, given: number, least: number, most: number): void {
  if (given < least) {
    const amount = `${least === most ? "" : "at least "}${least}`;
    vmError("TypeError", `${name} expected ${amount} argument${plural(least)}, got ${given}`);
  }
  if (given > most) {
    const amount = `${least === most ? "" : "at most "}${most}`;
    vmError("TypeError", `${name} expected ${amount} argument${plural(most)}, got ${given}`);
  }
}

/** `PyArg_ParseTuple`: `startswith() takes at least 1 argument (0 given)`. */
function parseTuple(name: string, given: number, least: number, most: number): void {
  if (given >= least && given <= most) return;
  const limit = given < least ? least : most;
  const amount = least === most ? "exactly" : given < least ? "at least" : "at most";
  vmError(
    "TypeError",
    `${name}() takes ${amount} ${limit} argument${plural(limit)} (${given} given)`,
  );
}

/** The first keyword that names no parameter in `names`, CPython's wording for it. */
function invalidKeyword(
  name: string,
  names: readonly string[],
  kwargs: ReadonlyMap<string, Value>,
): void {
  for (const key of kwargs.keys()) {
    if (!names.includes(key)) {
      vmError("TypeError", `'${key}' is an invalid keyword argument for ${name}()`);
    }
  }
}

/**
 * `_PyArg_UnpackKeywords` (and `PyArg_ParseTupleAndKeywords`, worded alike):
 * the total, then the positional count, then each missing required
 * argument, then arguments given by name and position, then unknown names.
 */
function unpackKeywords(
  name: string,
  sig: Signature,
  given: number,
  kwargs: ReadonlyMap<string, Value>,
): void {
  const params = sig.params;
  const total = params.length;
  const positionalOnly = params.filter((param) => param.kind === "positional").length;
  const most = sig.positional;
  const least = sig.required;
  if (sig.rest === null && given + kwargs.size > total) {
    vmError(
      "TypeError",
      `${name}() takes at most ${total} ${given === 0 ? "keyword " : ""}argument${plural(total)} ` +
        `(${given + kwargs.size} given)`,
    );
  }
  if (sig.rest === null && given > most) {
    if (most === 0) vmError("TypeError", `${name}() takes no positional arguments`);
    vmError(
      "TypeError",
      `${name}() takes ${least < most ? "at most" : "exactly"} ${most} positional ` +
        `argument${plural(most)} (${given} given)`,
    );
  }
  const leastOnly = Math.min(positionalOnly, least);
  if (given < leastOnly) {
    const amount = sig.rest !== null || leastOnly < most ? "at least" : "exactly";
    vmError(
      "TypeError",
      `${name}() takes ${amount} ${leastOnly} positional argument${plural(leastOnly)} ` +
        `(${given} given)`,
    );
  }
  for (let i = Math.max(given, positionalOnly); i < total; i++) {
    const param = params[i];
    if (param !== undefined && param.required && !kwargs.has(param.name)) {
      vmError("TypeError", `${name}() missing required argument '${param.name}' (pos ${i + 1})`);
    }
  }
  for (let i = positionalOnly; i < given && i < total; i++) {
    const param = params[i];
    if (param !== undefined && kwargs.has(param.name)) {
      vmError(
        "TypeError",
        `argument for ${name}() given by name ('${param.name}') and position (${i + 1})`,
      );
    }
  }
  if (sig.keywords === null) {
    invalidKeyword(name, params.slice(positionalOnly).map((param) => param.name), kwargs);
  }
}

/**
 * `_PyArg_CheckPositional` on the positional arguments, then the keyword
 * parameters parsed alone (min, max, zip, sorted through list.sort): at
 * most so many keywords, each one of them; `**kwargs` takes any.
 */
function checked(
  parse: ArgumentParsing,
  info: CallableInfo,
  sig: Signature,
  given: number,
  kwargs: ReadonlyMap<string, Value>,
): void {
  const keywordParams = sig.params.filter((param) => param.kind !== "positional");
  if (keywordParams.length === 0 && sig.keywords === null) noKeywords(info, kwargs);
  checkPositional(parse.name, given, parse.least, sig.rest === null ? sig.positional : Infinity);
  if (kwargs.size === 0 || sig.keywords !== null) return;
  const name = parse.keywordsAs;
  const count = keywordParams.length;
  if (kwargs.size > count) {
    vmError(
      "TypeError",
      `${name}() takes at most ${count} keyword argument${plural(count)} (${kwargs.size} given)`,
    );
  }
  invalidKeyword(name, keywordParams.map((param) => param.name), kwargs);
}

/** enumerate's own vectorcall: `(iterable, start)` counted together, keywords named in turn. */
function enumerate(given: number, kwargs: ReadonlyMap<string, Value>): void {
  const keys = [...kwargs.keys()];
  const expect = (index: number, name: string) => {
    const key = keys[index];
    if (key !== undefined && key !== name) {
      vmError("TypeError", `'${key}' is an invalid keyword argument for enumerate()`);
    }
  };
  const total = given + keys.length;
  if (total === 2) {
    if (keys.length === 1) expect(0, "start");
    else if (keys.length === 2 && keys[0] === "start") expect(1, "iterable");
    else if (keys.length === 2) {
      expect(0, "iterable");
      expect(1, "start");
    }
    return;
  }
  if (total === 1) return expect(0, "iterable");
  if (given === 0) vmError("TypeError", "enumerate() missing required argument 'iterable'");
  vmError("TypeError", `enumerate() takes at most 2 arguments (${total} given)`);
}

/**
 * Raises CPython's TypeError when `given` positional arguments and
 * `kwargs` are refused by the parsing style of `info` (which has a
 * signature); returns for a call it accepts, and for the `signature`
 * style, whose wording the binder gives itself.
 */
export function checkArity(
  info: CallableInfo,
  sig: Signature,
  given: number,
  kwargs: ReadonlyMap<string, Value>,
): void {
  const parse = info.parse;
  if (parse === null) return;
  switch (parse.style) {
    case "noargs":
      noKeywords(info, kwargs);
      if (given > 0) vmError("TypeError", `${info.name}() takes no arguments (${given} given)`);
      return;
    case "one":
      noKeywords(info, kwargs);
      if (given !== 1) {
        vmError("TypeError", `${info.name}() takes exactly one argument (${given} given)`);
      }
      return;
    case "checked":
      return checked(parse, info, sig, given, kwargs);
    case "tuple":
      noKeywords(info, kwargs);
      return parseTuple(parse.name, given, sig.required, sig.positional);
    case "clinic":
      return unpackKeywords(parse.name, sig, given, kwargs);
    case "enumerate":
      return enumerate(given, kwargs);
    case "signature":
      return;
  }
}
