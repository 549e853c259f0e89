/**
 * Calls and returns of manifest functions.
 *
 *   calldata   = selector (8 bytes) || encode(tuple(input types), args)
 *   returndata = encode(tuple(output types), results)
 *
 * Arguments may come from JSON as an array (positional) or an object (by
 * parameter name); every mismatch names the parameter.
 */

import { AbiDecodeError, AbiEncodeError } from "../errors.ts";
import { checkBounds } from "./bounds.ts";
import { type AbiValue, decodeAbi, encodeAbi } from "./codec.ts";
import { toHex } from "./hex.ts";
import {
  isJsonObject,
  type JsonOutput,
  type JsonValue,
  valueFromJson,
  valueToJson,
} from "./json.ts";
import type { AbiFunction, Manifest } from "./manifest.ts";
import { SELECTOR_LENGTH } from "./selector.ts";
import type { AbiType } from "./types.ts";

function tupleOf(types: readonly AbiType[]): AbiType {
  return { kind: "tuple", items: types };
}

/** The function called `name`, or an error listing the functions there are. */
export function findFunction(manifest: Manifest, name: string): AbiFunction {
  const fn = manifest.functions.find((candidate) => candidate.name === name);
  if (fn !== undefined) return fn;
  const known = manifest.functions.map((candidate) => candidate.name).join(", ");
  throw new AbiEncodeError(
    "",
    `the manifest has no function '${name}' (functions: ${known || "none"})`,
  );
}

/** Arguments of `fn` from JSON: an array in parameter order or an object by name. */
export function argsFromJson(fn: AbiFunction, json: JsonValue): AbiValue[] {
  const count = fn.inputs.length;
  const plural = `${count} argument${count === 1 ? "" : "s"}`;
  if (Array.isArray(json)) {
    const items = json as readonly JsonValue[];
    if (items.length > count) {
      throw new AbiEncodeError("", `${fn.name} takes ${plural}, got ${items.length}`);
    }
    return fn.inputs.map((param, index) => {
      const item = items[index];
      if (item === undefined) {
        throw new AbiEncodeError(param.name, `missing argument '${param.name}'`);
      }
      return valueFromJson(param.type, item, param.name);
    });
  }
  if (!isJsonObject(json)) {
    throw new AbiEncodeError(
      "",
      "arguments must be a JSON array (by position) or object (by name)",
    );
  }
  const record = json;
  const names = new Set(fn.inputs.map((param) => param.name));
  for (const key of Object.keys(record)) {
    if (!names.has(key)) {
      throw new AbiEncodeError(
        key,
        `${fn.name} has no parameter '${key}' (parameters: ${[...names].join(", ") || "none"})`,
      );
    }
  }
  return fn.inputs.map((param) => {
    const value = record[param.name];
    if (value === undefined) {
      throw new AbiEncodeError(param.name, `missing argument '${param.name}'`);
    }
    return valueFromJson(param.type, value, param.name);
  });
}

/** Calldata for calling `fn` with `args`. */
export function encodeCall(fn: AbiFunction, args: readonly AbiValue[]): Uint8Array {
  checkBounds(fn.inputs, args);
  const body = encodeAbi(tupleOf(fn.inputs.map((param) => param.type)), args);
  const out = new Uint8Array(SELECTOR_LENGTH + body.length);
  out.set(fn.selector);
  out.set(body, SELECTOR_LENGTH);
  return out;
}

/** The function a calldata's selector names, and its decoded arguments. */
export function decodeCall(
  manifest: Manifest,
  data: Uint8Array,
): { fn: AbiFunction; args: AbiValue[] } {
  if (data.length < SELECTOR_LENGTH) {
    throw new AbiDecodeError(
      data.length,
      `calldata is shorter than the ${SELECTOR_LENGTH}-byte selector`,
    );
  }
  const selector = toHex(data.subarray(0, SELECTOR_LENGTH));
  const fn = manifest.functions.find((candidate) => toHex(candidate.selector) === selector);
  if (fn === undefined) throw new AbiDecodeError(0, `no function has selector ${selector}`);
  return { fn, args: decodeArgs(fn, data) };
}

/** Decodes calldata that must call `fn`. */
export function decodeArgs(fn: AbiFunction, data: Uint8Array): AbiValue[] {
  const selector = toHex(data.subarray(0, SELECTOR_LENGTH));
  if (data.length < SELECTOR_LENGTH || selector !== toHex(fn.selector)) {
    throw new AbiDecodeError(
      0,
      `calldata does not start with the selector of ${fn.signature} (${toHex(fn.selector)})`,
    );
  }
  const types = tupleOf(fn.inputs.map((param) => param.type));
  let args: AbiValue[];
  try {
    args = decodeAbi(types, data.subarray(SELECTOR_LENGTH)) as AbiValue[];
  } catch (error) {
    if (error instanceof AbiDecodeError) {
      throw new AbiDecodeError(
        error.offset + SELECTOR_LENGTH,
        error.message.replace(/ at byte offset \d+$/, ""),
      );
    }
    throw error;
  }
  try {
    checkBounds(fn.inputs, args);
  } catch (error) {
    if (error instanceof AbiEncodeError) throw new AbiDecodeError(SELECTOR_LENGTH, error.message);
    throw error;
  }
  return args;
}

/** Return data for `fn` returning `results` (one value per output). */
export function encodeReturn(fn: AbiFunction, results: readonly AbiValue[]): Uint8Array {
  return encodeAbi(tupleOf(fn.outputs), results);
}

/** Decodes `fn`'s return data into one value per output. */
export function decodeReturn(fn: AbiFunction, data: Uint8Array): AbiValue[] {
  return decodeAbi(tupleOf(fn.outputs), data) as AbiValue[];
}

/** Arguments as a JSON object by parameter name. */
export function argsToJson(fn: AbiFunction, args: readonly AbiValue[]): JsonOutput {
  return Object.fromEntries(
    fn.inputs.map((param, index) => [param.name, valueToJson(param.type, args[index] as AbiValue)]),
  );
}

/** Results as JSON: null without outputs, the value for one, an array for several. */
export function resultsToJson(fn: AbiFunction, results: readonly AbiValue[]): JsonOutput {
  const values = fn.outputs.map((type, index) => valueToJson(type, results[index] as AbiValue));
  if (values.length === 0) return null;
  return values.length === 1 ? values[0] ?? null : values;
}
