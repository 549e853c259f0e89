/**
 * The ABI layer of animica-vm (spec/ABI.md): the value codec, selectors,
 * manifests, addresses, hex and the exact JSON mapping. The main entry
 * (`mod.ts`) re-exports the few of these a contract tool needs.
 *
 * @example Encode a call and decode it back
 * ```ts
 * import { decodeCall, encodeCall, parseManifest, toHex } from "./abi.ts";
 *
 * const manifest = parseManifest({
 *   name: "counter",
 *   version: "1.0.0",
 *   entry: "counter.py",
 *   abi: {
 *     functions: [{ name: "set", inputs: [{ name: "value", type: "int" }], outputs: [] }],
 *     events: [],
 *   },
 * });
 * const fn = manifest.functions[0];
 * if (fn === undefined) throw new Error("no function");
 * const calldata = encodeCall(fn, [5n]);
 * console.log(toHex(calldata)); // 0xa45c4fc944fe4f5c0a
 * if (decodeCall(manifest, calldata).args[0] !== 5n) throw new Error("round trip failed");
 * ```
 *
 * @module
 */

export {
  argsFromJson,
  argsToJson,
  convertUpstream,
  decodeAbi,
  decodeArgs,
  decodeCall,
  decodeReturn,
  encodeAbi,
  encodeCall,
  encodeReturn,
  findFunction,
  isUpstreamManifest,
  parseAbiType,
  parseJson,
  parseManifest,
  resultsToJson,
  valueFromJson,
} from "./lib/abi/api.ts";
export { type AbiValue, ADDRESS_LENGTH } from "./lib/abi/codec.ts";
export { ADDRESS_HRP, decodeAddress, encodeAddress } from "./lib/abi/address.ts";
export { checkEventArgs, findEvent } from "./lib/abi/events.ts";
export { concatBytes, fromHex, toHex } from "./lib/abi/hex.ts";
export {
  isJsonObject,
  JsonNonInteger,
  OrderedJsonObject,
  rawJson,
  stringifyJson,
  valueToJson,
} from "./lib/abi/json.ts";
export type { JsonOutput, JsonValue, RawJson } from "./lib/abi/json.ts";
export type { AbiEvent, AbiFunction, AbiParam, Manifest } from "./lib/abi/manifest.ts";
export type { IntBounds } from "./lib/abi/bounds.ts";
export type { Conversion } from "./lib/abi/upstream.ts";
export { SELECTOR_DOMAIN, SELECTOR_LENGTH, selectorOf, signature } from "./lib/abi/selector.ts";
export { type AbiType, canonicalType } from "./lib/abi/types.ts";
export {
  AbiDecodeError,
  AbiEncodeError,
  AbiTypeError,
  AnimicaError,
  ManifestError,
  type ManifestProblem,
} from "./lib/errors.ts";
