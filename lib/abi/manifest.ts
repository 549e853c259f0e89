/**
 * Contract manifests: JSON Schema validation (spec/manifest.schema.json and
 * spec/abi.schema.json, draft 2020-12, by a validator ajv generated ahead of
 * time: ./manifest_schema_generated.ts), then the ABI rules the
 * schema cannot express: type strings, unique names, distinct selectors.
 * Every problem is reported with its JSON path
 * (`abi.functions[2].inputs[0].type: unknown type 'uint'`). A manifest in
 * the upstream Animica shape is converted first (./upstream.ts); its
 * problems are reported the same way, with the upstream document's paths.
 */

import { validateManifestSchema } from "./manifest_schema_generated.ts";
import type { SchemaError } from "./schema_runtime.ts";
import { AbiTypeError, ManifestError, type ManifestProblem } from "../errors.ts";
import type { IntBounds } from "./bounds.ts";
import { toHex } from "./hex.ts";
import { selectorOf, signature } from "./selector.ts";
import { type AbiType, parseAbiType } from "./types.ts";
import { convertUpstream, isUpstreamManifest } from "./upstream.ts";

/** A named, typed parameter of a function or event. */
export interface AbiParam {
  /** Parameter name, as in the contract source. */
  readonly name: string;
  /** Parsed ABI type. */
  readonly type: AbiType;
  /** Bounds of every int in the argument (function inputs; from `range`). */
  readonly range?: IntBounds;
  /** Exact length of every bytes in the argument (function inputs; from `length`). */
  readonly length?: number;
}

/** A function of the ABI with its signature and selector. */
export interface AbiFunction {
  /** Function name. */
  readonly name: string;
  /** Parameters in order. */
  readonly inputs: readonly AbiParam[];
  /** Output types in order. */
  readonly outputs: readonly AbiType[];
  /** Canonical `name(t1,t2)`. */
  readonly signature: string;
  /** First 8 bytes of sha3-256 of the domain tag and signature. */
  readonly selector: Uint8Array;
}

/** An event the contract may emit. */
export interface AbiEvent {
  /** Event name, as passed to events.emit. */
  readonly name: string;
  /** Arguments, in encoding order. */
  readonly inputs: readonly AbiParam[];
}

/** A validated manifest. */
export interface Manifest {
  /** Contract name. */
  readonly name: string;
  /** Semantic version of the contract. */
  readonly version: string;
  /** Source path, relative to the manifest file. */
  readonly entry: string;
  /** Functions callable from outside. */
  readonly functions: readonly AbiFunction[];
  /** Events the contract may emit. */
  readonly events: readonly AbiEvent[];
  /** Syscalls the contract may use. */
  readonly caps: readonly string[];
  /** Resource hints by name. */
  readonly resources: Readonly<Record<string, number>>;
}

interface RawParam {
  name: string;
  type: string;
  range?: [string, string];
  length?: number;
}
interface RawManifest {
  name: string;
  version: string;
  entry: string;
  abi: {
    functions: { name: string; inputs: RawParam[]; outputs: { type: string }[] }[];
    events?: { name: string; inputs: RawParam[] }[];
  };
  caps?: string[];
  resources?: Record<string, number>;
}

/** True when `json` matches the manifest schema (its problems are then in validateManifestSchema.errors). */
function matchesSchema(json: unknown): json is RawManifest {
  return validateManifestSchema(json);
}

/**
 * Validates parsed manifest JSON (our form, or the upstream shape, converted
 * first); throws ManifestError listing every problem.
 */
export function parseManifest(json: unknown): Manifest {
  if (isUpstreamManifest(json)) {
    const converted = convertUpstream(json);
    if (converted.problems.length > 0) throw new ManifestError(converted.problems);
    return parseOurManifest(converted.manifest);
  }
  return parseOurManifest(json);
}

function parseOurManifest(json: unknown): Manifest {
  if (!matchesSchema(json)) {
    throw new ManifestError(schemaProblems(validateManifestSchema.errors ?? []));
  }
  const problems: ManifestProblem[] = [];
  const typeAt = (text: string, path: string): AbiType => {
    try {
      return parseAbiType(text);
    } catch (error) {
      if (!(error instanceof AbiTypeError)) throw error;
      problems.push({ path, message: error.message });
      return { kind: "tuple", items: [] };
    }
  };
  const params = (raw: readonly RawParam[], path: string, checked: boolean): AbiParam[] => {
    checkUnique(raw.map((p) => p.name), (i) => `${path}.inputs[${i}].name`, "parameter", problems);
    return raw.map((p, i) =>
      param(
        p,
        typeAt(p.type, `${path}.inputs[${i}].type`),
        `${path}.inputs[${i}]`,
        checked,
        problems,
      )
    );
  };
  const functions = json.abi.functions.map((raw, index): AbiFunction => {
    const path = `abi.functions[${index}]`;
    const inputs = params(raw.inputs, path, true);
    const outputs = raw.outputs.map((output, i) =>
      typeAt(output.type, `${path}.outputs[${i}].type`)
    );
    const text = signature(raw.name, inputs.map((p) => p.type));
    return { name: raw.name, inputs, outputs, signature: text, selector: selectorOf(text) };
  });
  const rawEvents = json.abi.events ?? [];
  const events = rawEvents.map((raw, index) => ({
    name: raw.name,
    inputs: params(raw.inputs, `abi.events[${index}]`, false),
  }));
  checkUnique(
    functions.map((f) => f.name),
    (i) => `abi.functions[${i}].name`,
    "function",
    problems,
  );
  checkUnique(events.map((e) => e.name), (i) => `abi.events[${i}].name`, "event", problems);
  problems.push(...selectorCollisions(functions));
  if (problems.length > 0) throw new ManifestError(problems);
  return {
    name: json.name,
    version: json.version,
    entry: json.entry,
    functions,
    events,
    caps: json.caps ?? [],
    resources: json.resources ?? {},
  };
}

/** One parameter with its checks; `range` and `length` belong to function inputs only. */
function param(
  raw: RawParam,
  type: AbiType,
  path: string,
  checked: boolean,
  problems: ManifestProblem[],
): AbiParam {
  if (!checked && (raw.range !== undefined || raw.length !== undefined)) {
    problems.push({ path, message: "range and length apply to function inputs only" });
  }
  let result: AbiParam = { name: raw.name, type };
  if (raw.range !== undefined) {
    const [min, max] = raw.range.map(BigInt);
    if (min === undefined || max === undefined || min > max) {
      problems.push({ path: `${path}.range`, message: "must be [min, max] with min <= max" });
    } else result = { ...result, range: { min, max } };
  }
  if (raw.length !== undefined) result = { ...result, length: raw.length };
  return result;
}

function checkUnique(
  names: readonly string[],
  pathOf: (index: number) => string,
  what: string,
  problems: ManifestProblem[],
): void {
  const first = new Map<string, number>();
  names.forEach((name, index) => {
    const earlier = first.get(name);
    if (earlier === undefined) first.set(name, index);
    else {problems.push({
        path: pathOf(index),
        message: `duplicate ${what} '${name}' (first at ${pathOf(earlier)})`,
      });}
  });
}

/** Functions of different names whose selectors are equal (a compile-time error). */
export function selectorCollisions(functions: readonly AbiFunction[]): ManifestProblem[] {
  const problems: ManifestProblem[] = [];
  const seen = new Map<string, number>();
  functions.forEach((fn, index) => {
    const key = toHex(fn.selector);
    const earlier = seen.get(key);
    if (earlier === undefined) seen.set(key, index);
    else if (functions[earlier]?.name !== fn.name) {
      problems.push({
        path: `abi.functions[${index}]`,
        message: `selector ${key} of ${fn.signature} collides with abi.functions[${earlier}] (${
          functions[earlier]?.signature
        })`,
      });
    }
  });
  return problems;
}

/** `/abi/functions/2/inputs/0` -> `abi.functions[2].inputs[0]`. */
function jsonPath(pointer: string): string {
  return pointer.split("/").slice(1).map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"))
    .reduce(
      (
        path,
        part,
      ) => (/^\d+$/.test(part) ? `${path}[${part}]` : path === "" ? part : `${path}.${part}`),
      "",
    );
}

const PATTERN_MESSAGES: readonly [RegExp, string][] = [
  [/(^|\.)entry$/, "must be a relative path to a .py file inside the manifest's folder"],
  [/(^|\.)version$/, "must be a semantic version such as 1.0.0"],
  [/^name$/, "must be lowercase letters, digits, '-' or '_'"],
  [/\.name$/, "must be an identifier (letters, digits and _, not starting with a digit)"],
];

function describeError(error: SchemaError, path: string): ManifestProblem {
  const params = error.params;
  switch (error.keyword) {
    case "required":
      return { path, message: `missing required property '${String(params.missingProperty)}'` };
    case "additionalProperties": {
      const name = String(params.additionalProperty);
      return { path: path === "" ? name : `${path}.${name}`, message: "unknown property" };
    }
    case "pattern": {
      const known = PATTERN_MESSAGES.find(([pattern]) => pattern.test(path));
      return { path, message: known?.[1] ?? `must match ${String(params.pattern)}` };
    }
    case "enum":
      return {
        path,
        message: `must be one of ${
          (params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")
        }`,
      };
    case "type":
      return { path, message: `must be ${String(params.type)}` };
    default:
      return { path, message: error.message ?? error.keyword };
  }
}

function schemaProblems(errors: readonly SchemaError[]): ManifestProblem[] {
  const problems = errors.map((error) => describeError(error, jsonPath(error.instancePath)));
  const unique = new Map(problems.map((p) => [`${p.path}\u0000${p.message}`, p]));
  return [...unique.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
