/**
 * The public ABI functions, as mod.ts exports them: each wrapped so that
 * an unexpected JS exception surfaces as InternalError, never raw. Keep
 * logic in the modules they wrap.
 */

import { guardedFunction as guard } from "../errors.ts";
import * as calls from "./calls.ts";
import * as codec from "./codec.ts";
import * as json from "./json.ts";
import * as manifest from "./manifest.ts";
import * as types from "./types.ts";
import * as upstream from "./upstream.ts";
import type { AbiValue } from "./codec.ts";
import type { JsonOutput, JsonValue } from "./json.ts";
import type { AbiFunction, Manifest } from "./manifest.ts";
import type { AbiType } from "./types.ts";

/**
 * Parses an ABI type string (`list<tuple(address,int)>`); throws AbiTypeError.
 *
 * @example
 * ```ts
 * import { canonicalType, parseAbiType } from "@animica/vm-py/abi";
 * console.log(canonicalType(parseAbiType("list< tuple(address, int) >"))); // "list<tuple(address,int)>"
 * ```
 */
export const parseAbiType: (text: string) => AbiType = guard(types.parseAbiType);

/**
 * Encodes a value of an ABI type; throws AbiEncodeError naming the bad part.
 *
 * @example
 * ```ts
 * import { encodeAbi, parseAbiType, toHex } from "@animica/vm-py/abi";
 * console.log(toHex(encodeAbi(parseAbiType("int"), -3n))); // "0x05"
 * ```
 */
export const encodeAbi: (type: AbiType, value: AbiValue, path?: string) => Uint8Array = guard(
  codec.encodeAbi,
);

/**
 * Decodes exactly one value; throws AbiDecodeError with the byte offset.
 *
 * @example
 * ```ts
 * import { decodeAbi, fromHex, parseAbiType } from "@animica/vm-py/abi";
 * console.log(decodeAbi(parseAbiType("bytes"), fromHex("0x02beef") ?? new Uint8Array()));
 * ```
 */
export const decodeAbi: (type: AbiType, bytes: Uint8Array) => AbiValue = guard(codec.decodeAbi);

/**
 * Validates manifest JSON; throws ManifestError listing each problem with its JSON path.
 *
 * @example
 * ```ts
 * import { parseManifest } from "@animica/vm-py/abi";
 * const m = parseManifest({
 *   name: "counter", version: "1.0.0", entry: "counter.py",
 *   abi: { functions: [{ name: "get", inputs: [], outputs: [{ type: "int" }] }] },
 * });
 * console.log(m.functions[0]?.signature); // "get()"
 * ```
 */
export const parseManifest: (json: unknown) => Manifest = guard(manifest.parseManifest);

/**
 * Parses JSON text with every integer kept exact (as bigint).
 *
 * @example
 * ```ts
 * import { parseJson } from "@animica/vm-py/abi";
 * console.log(parseJson("[123456789012345678901234567890]")); // [ 123456789012345678901234567890n ]
 * ```
 */
export const parseJson: (text: string, what?: string) => JsonValue = guard(json.parseJson);

/**
 * Arguments of a manifest function from JSON (array by position or object by name).
 *
 * @example
 * ```ts
 * import { argsFromJson, encodeCall, parseJson, parseManifest, toHex } from "@animica/vm-py/abi";
 * const m = parseManifest({
 *   name: "c", version: "1.0.0", entry: "c.py",
 *   abi: { functions: [{ name: "set", inputs: [{ name: "value", type: "int" }], outputs: [] }] },
 * });
 * const fn = m.functions[0];
 * if (fn) console.log(toHex(encodeCall(fn, argsFromJson(fn, parseJson('{"value": 7}')))));
 * ```
 */
export const argsFromJson: (fn: AbiFunction, json: JsonValue) => AbiValue[] = guard(
  calls.argsFromJson,
);

/**
 * Calldata (selector || encoded arguments) of a call.
 *
 * @example
 * ```ts
 * import { encodeCall, findFunction, parseManifest, toHex } from "@animica/vm-py/abi";
 * const m = parseManifest({
 *   name: "c", version: "1.0.0", entry: "c.py",
 *   abi: {
 *     functions: [{
 *       name: "swap",
 *       inputs: [{ name: "a", type: "int" }, { name: "b", type: "str" }],
 *       outputs: [{ type: "str" }, { type: "int" }],
 *     }],
 *   },
 * });
 * console.log(toHex(encodeCall(findFunction(m, "swap"), [1n, "x"])));
 * ```
 */
export const encodeCall: (fn: AbiFunction, args: readonly AbiValue[]) => Uint8Array = guard(
  calls.encodeCall,
);

/**
 * Finds the function a calldata's selector names and decodes its arguments.
 *
 * @example
 * ```ts
 * import { decodeCall, encodeCall, parseManifest } from "@animica/vm-py/abi";
 * const m = parseManifest({
 *   name: "c", version: "1.0.0", entry: "c.py",
 *   abi: { functions: [{ name: "set", inputs: [{ name: "v", type: "int" }], outputs: [] }] },
 * });
 * const fn = m.functions[0];
 * if (fn) console.log(decodeCall(m, encodeCall(fn, [5n])).args); // [ 5n ]
 * ```
 */
export const decodeCall: (
  manifest: Manifest,
  data: Uint8Array,
) => { fn: AbiFunction; args: AbiValue[] } = guard(calls.decodeCall);

/** Decodes calldata that must call the given function. */
export const decodeArgs: (fn: AbiFunction, data: Uint8Array) => AbiValue[] = guard(
  calls.decodeArgs,
);

/** Return data of a function from its results. */
export const encodeReturn: (fn: AbiFunction, results: readonly AbiValue[]) => Uint8Array = guard(
  calls.encodeReturn,
);

/**
 * Decodes a function's return data into one value per output.
 *
 * @example
 * ```ts
 * import { decodeReturn, encodeReturn, findFunction, parseManifest } from "@animica/vm-py/abi";
 * const m = parseManifest({
 *   name: "c", version: "1.0.0", entry: "c.py",
 *   abi: {
 *     functions: [{
 *       name: "swap",
 *       inputs: [{ name: "a", type: "int" }, { name: "b", type: "str" }],
 *       outputs: [{ type: "str" }, { type: "int" }],
 *     }],
 *   },
 * });
 * const fn = findFunction(m, "swap");
 * console.log(decodeReturn(fn, encodeReturn(fn, ["x", 1n]))); // [ "x", 1n ]
 * ```
 */
export const decodeReturn: (fn: AbiFunction, data: Uint8Array) => AbiValue[] = guard(
  calls.decodeReturn,
);

/** Converts JSON input to a value of an ABI type (errors name `path`). */
export const valueFromJson: (type: AbiType, json: JsonValue, path: string) => AbiValue = guard(
  json.valueFromJson,
);

/**
 * The manifest's function called `name`; throws AbiEncodeError listing the functions there are.
 *
 * @example
 * ```ts
 * import { findFunction, parseManifest } from "@animica/vm-py/abi";
 * const m = parseManifest({
 *   name: "c", version: "1.0.0", entry: "c.py",
 *   abi: {
 *     functions: [{
 *       name: "swap",
 *       inputs: [{ name: "a", type: "int" }, { name: "b", type: "str" }],
 *       outputs: [{ type: "str" }, { type: "int" }],
 *     }],
 *   },
 * });
 * console.log(findFunction(m, "swap").signature); // "swap(int,str)"
 * try {
 *   findFunction(m, "nope");
 * } catch (error) {
 *   console.log(String(error)); // ... no function 'nope' (functions: swap)
 * }
 * ```
 */
export const findFunction: (manifest: Manifest, name: string) => AbiFunction = guard(
  calls.findFunction,
);

/**
 * Arguments as a JSON object by parameter name (big ints exact).
 *
 * @example
 * ```ts
 * import { argsToJson, findFunction, parseManifest, stringifyJson } from "@animica/vm-py/abi";
 * const m = parseManifest({
 *   name: "c", version: "1.0.0", entry: "c.py",
 *   abi: {
 *     functions: [{
 *       name: "swap",
 *       inputs: [{ name: "a", type: "int" }, { name: "b", type: "str" }],
 *       outputs: [{ type: "str" }, { type: "int" }],
 *     }],
 *   },
 * });
 * console.log(stringifyJson(argsToJson(findFunction(m, "swap"), [2n ** 70n, "x"])));
 * // {"a":1180591620717411303424,"b":"x"}
 * ```
 */
export const argsToJson: (fn: AbiFunction, args: readonly AbiValue[]) => JsonOutput = guard(
  calls.argsToJson,
);

/**
 * Results as JSON: null without outputs, the value for one, an array for several.
 *
 * @example
 * ```ts
 * import { findFunction, parseManifest, resultsToJson, stringifyJson } from "@animica/vm-py/abi";
 * const m = parseManifest({
 *   name: "c", version: "1.0.0", entry: "c.py",
 *   abi: {
 *     functions: [{
 *       name: "swap",
 *       inputs: [{ name: "a", type: "int" }, { name: "b", type: "str" }],
 *       outputs: [{ type: "str" }, { type: "int" }],
 *     }],
 *   },
 * });
 * console.log(stringifyJson(resultsToJson(findFunction(m, "swap"), ["x", 1n]))); // ["x",1]
 * ```
 */
export const resultsToJson: (fn: AbiFunction, results: readonly AbiValue[]) => JsonOutput = guard(
  calls.resultsToJson,
);

/**
 * Converts a manifest in the upstream Animica shape to our form: each field
 * maps, is dropped with a note, or is a problem saying why it cannot map.
 *
 * @example
 * ```ts
 * import { convertUpstream } from "@animica/vm-py/abi";
 * const { manifest, problems } = convertUpstream({
 *   manifestVersion: 1,
 *   name: "Counter",
 *   version: "1.0.0",
 *   language: "python",
 *   source: { path: "counter.py" },
 *   abi: { functions: [{ name: "set", inputs: [{ name: "v", type: "u64" }], outputs: [] }] },
 * });
 * console.log(problems.length, JSON.stringify(manifest));
 * ```
 */
export const convertUpstream: (json: unknown) => upstream.Conversion = guard(
  upstream.convertUpstream,
);

/**
 * Whether manifest JSON is in the upstream Animica shape (and so converted
 * by {@link parseManifest} before it is checked).
 *
 * @example
 * ```ts
 * import { isUpstreamManifest } from "@animica/vm-py/abi";
 * console.log(isUpstreamManifest({ manifestVersion: 1 })); // true
 * ```
 */
export const isUpstreamManifest: (json: unknown) => boolean = guard(upstream.isUpstreamManifest);
