/**
 * Manifests in the upstream Animica shape (`manifestVersion`, `language`,
 * `source: {path}` or `sources`, a display `name`, events with `fields`,
 * `args` or `inputs`, `abi.errors`, `resources: {caps, limits}` with dotted
 * capability names, types such as `uint256` and `bytes32`) converted to our
 * form (spec/ABI.md §7.2). Each field either maps, is dropped with a note
 * (documentation our form has no place for), or is a problem naming the
 * field and why it cannot map; never a silent guess.
 */

import type { ManifestProblem } from "../errors.ts";
import { asciiLowercase } from "../text_units.ts";
import { mapUpstreamType, UnmappableType } from "./upstream_types.ts";

/** Our manifest JSON, and notes about what the conversion dropped or renamed. */
export interface Conversion {
  /** Manifest JSON in our form (spec/manifest.schema.json). */
  readonly manifest: { readonly [key: string]: unknown };
  /** One line per field renamed or dropped (`name: 'Counter' becomes 'counter'`). */
  readonly notes: readonly ManifestProblem[];
  /** Fields that cannot map; empty when the conversion succeeded. */
  readonly problems: readonly ManifestProblem[];
}

/** Syscall capabilities of our manifests (spec/manifest.schema.json). */
const CAPS: readonly string[] = [
  "blob_pin",
  "ai_enqueue",
  "quantum_enqueue",
  "read_result",
  "zk_verify",
];

/** Top-level fields our form has no place for: documentation only, dropped with a note. */
const DOC_FIELDS: ReadonlySet<string> = new Set([
  "author",
  "authors",
  "license",
  "homepage",
  "repository",
  "keywords",
  "metadata",
  "compiler",
  "tags",
]);

/** Function fields that describe rather than define (dropped silently). */
const FUNCTION_HINTS: ReadonlySet<string> = new Set([
  "stateMutability",
  "mutability",
  "view",
  "readonly",
  "payable",
  "description",
  "docs",
  "notice",
  "type",
]);

/** Keys an upstream event may list its arguments under, in preference order. */
const EVENT_ARG_KEYS: readonly string[] = ["inputs", "fields", "args", "params"];

/** Whether a manifest JSON value is in the upstream shape rather than ours. */
export function isUpstreamManifest(json: unknown): boolean {
  if (!isRecord(json)) return false;
  if (["manifestVersion", "language", "source", "sources"].some((key) => key in json)) return true;
  const resources = json.resources;
  if (isRecord(resources) && ("caps" in resources || "limits" in resources)) return true;
  return isRecord(json.abi) && "errors" in json.abi;
}

function isRecord(value: unknown): value is { readonly [key: string]: unknown } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Converts an upstream manifest to our form, collecting every problem and note. */
export function convertUpstream(json: unknown): Conversion {
  const problems: ManifestProblem[] = [];
  const notes: ManifestProblem[] = [];
  const out: { [key: string]: unknown } = {};
  if (!isRecord(json)) {
    return { manifest: out, notes, problems: [{ path: "", message: "must be object" }] };
  }
  for (const [key, value] of Object.entries(json)) {
    switch (key) {
      case "$schema":
        break;
      case "manifestVersion":
        if (value !== 1 && value !== "1") {
          problems.push({ path: key, message: "only manifestVersion 1 is understood" });
        }
        break;
      case "language":
        if (typeof value !== "string" || !/^python(3(\.\d+)?)?$/i.test(value)) {
          problems.push({
            path: key,
            message: 'must be "python": animica-vm runs Python contracts',
          });
        }
        break;
      case "name":
        out.name = convertName(value, problems, notes);
        break;
      case "version":
      case "description":
        out[key] = value;
        break;
      case "entry":
      case "source":
      case "sources": {
        const entry = convertSource(key, value, problems);
        if (entry !== null) {
          if ("entry" in out) problems.push({ path: key, message: "gives a second source file" });
          else out.entry = entry;
        }
        break;
      }
      case "abi":
        out.abi = convertAbi(value, problems, notes);
        break;
      case "resources":
        convertResources(value, out, problems);
        break;
      case "caps":
        out.caps = convertCaps(value, "caps", problems);
        break;
      default:
        if (DOC_FIELDS.has(key)) notes.push({ path: key, message: "dropped (documentation only)" });
        else {problems.push({
            path: key,
            message: "unknown property: our manifests have no such field",
          });}
    }
  }
  if (!("name" in json)) problems.push({ path: "", message: "missing required property 'name'" });
  if (!("entry" in out) && !problems.some((p) => /^(source|sources|entry)/.test(p.path))) {
    problems.push({ path: "", message: "missing the contract file ('source': {\"path\": ...})" });
  }
  if (!("abi" in json)) problems.push({ path: "", message: "missing required property 'abi'" });
  if (!("version" in json)) {
    out.version = "0.0.0";
    notes.push({ path: "version", message: "missing; set to 0.0.0" });
  }
  return { manifest: order(out), notes, problems };
}

/** Our manifests list their fields in one order (name, version, description, entry, abi, ...). */
function order(manifest: { [key: string]: unknown }): { [key: string]: unknown } {
  const keys = ["name", "version", "description", "entry", "abi", "caps", "resources"];
  const sorted: { [key: string]: unknown } = {};
  for (const key of keys) if (key in manifest) sorted[key] = manifest[key];
  return sorted;
}

/** `"Counter"` or `"My Token"` becomes `counter` or `my-token` (our names are slugs). */
function convertName(
  value: unknown,
  problems: ManifestProblem[],
  notes: ManifestProblem[],
): unknown {
  if (typeof value !== "string") {
    problems.push({ path: "name", message: "must be string" });
    return value;
  }
  const slug = asciiLowercase(value).replace(/[^a-z0-9_-]+/g, "-").replace(/^[-_]+|-+$/g, "")
    .slice(0, 64);
  if (slug === "") {
    problems.push({
      path: "name",
      message: `'${value}' has no letter or digit to name the contract by`,
    });
  } else if (slug !== value) {
    notes.push({ path: "name", message: `'${value}' becomes '${slug}'` });
  }
  return slug;
}

/** `source: {path}`, `source: "x.py"`, `sources: [one]` or `entry`: the one contract file. */
function convertSource(key: string, value: unknown, problems: ManifestProblem[]): string | null {
  const pathOf = (item: unknown, at: string): string | null => {
    if (typeof item === "string") return item;
    if (isRecord(item) && typeof item.path === "string") return item.path;
    problems.push({ path: at, message: 'must be a file path or {"path": ...}' });
    return null;
  };
  if (key !== "sources") return pathOf(value, key);
  if (!Array.isArray(value)) {
    problems.push({ path: key, message: "must be an array of file paths" });
    return null;
  }
  if (value.length !== 1) {
    problems.push({
      path: key,
      message: `lists ${value.length} files; animica-vm runs a contract from one file`,
    });
    return null;
  }
  return pathOf(value[0], `${key}[0]`);
}

/** `resources: {caps, limits}`: caps become our `caps`, limits our `resources`. */
function convertResources(
  value: unknown,
  out: { [key: string]: unknown },
  problems: ManifestProblem[],
): void {
  if (!isRecord(value)) {
    problems.push({ path: "resources", message: "must be object" });
    return;
  }
  if (!("caps" in value) && !("limits" in value)) {
    out.resources = value;
    return;
  }
  for (const [key, item] of Object.entries(value)) {
    const path = `resources.${key}`;
    if (key === "caps") out.caps = convertCaps(item, path, problems);
    else if (key === "limits") {
      if (!isRecord(item)) problems.push({ path, message: "must be object" });
      else {
        for (const [name, limit] of Object.entries(item)) {
          if (typeof limit !== "number" || !Number.isSafeInteger(limit) || limit < 0) {
            problems.push({ path: `${path}.${name}`, message: "must be a non-negative integer" });
          }
        }
        out.resources = item;
      }
    } else problems.push({ path, message: "unknown property: resources holds caps and limits" });
  }
}

/** Dotted capability names (`blob.pin`) as ours (`blob_pin`). */
function convertCaps(value: unknown, path: string, problems: ManifestProblem[]): string[] {
  if (!Array.isArray(value)) {
    problems.push({ path, message: "must be an array of capability names" });
    return [];
  }
  const caps: string[] = [];
  value.forEach((item, index) => {
    const name = typeof item === "string" ? item.replaceAll(".", "_") : null;
    const reversed = name === null ? null : name.split("_").reverse().join("_");
    const cap = CAPS.find((known) => known === name || known === reversed);
    if (cap === undefined) {
      problems.push({
        path: `${path}[${index}]`,
        message: `unknown capability ${JSON.stringify(item)} (capabilities: ${
          CAPS.map((c) => c.replace("_", ".")).join(", ")
        })`,
      });
    } else if (!caps.includes(cap)) caps.push(cap);
  });
  return caps;
}

/** `abi`: functions and events converted; `errors` dropped with a note. */
function convertAbi(
  value: unknown,
  problems: ManifestProblem[],
  notes: ManifestProblem[],
): unknown {
  if (!isRecord(value)) {
    problems.push({ path: "abi", message: "must be object" });
    return value;
  }
  const abi: { [key: string]: unknown } = {};
  for (const [key, item] of Object.entries(value)) {
    const path = `abi.${key}`;
    if (key === "errors") {
      notes.push({
        path,
        message: "dropped: a revert in animica-vm carries a message, not a declared error type",
      });
    } else if (key === "functions" || key === "events") {
      if (!Array.isArray(item)) {
        problems.push({ path, message: "must be array" });
        continue;
      }
      abi[key] = item.map((entry, index) =>
        key === "functions"
          ? convertFunction(entry, `${path}[${index}]`, problems)
          : convertEvent(entry, `${path}[${index}]`, problems, notes)
      );
    } else problems.push({ path, message: "unknown property: an ABI holds functions and events" });
  }
  return abi;
}

function convertFunction(value: unknown, path: string, problems: ManifestProblem[]): unknown {
  if (!isRecord(value)) {
    problems.push({ path, message: "must be object" });
    return value;
  }
  const fn: { [key: string]: unknown } = { name: value.name, inputs: [], outputs: [] };
  for (const [key, item] of Object.entries(value)) {
    const at = `${path}.${key}`;
    if (key === "name" || FUNCTION_HINTS.has(key)) continue;
    if (key === "doc") fn.doc = item;
    else if (key === "inputs") fn.inputs = convertParams(item, at, problems, true);
    else if (key === "outputs" || key === "returns") {
      const list = item === null ? [] : Array.isArray(item) ? item : [item];
      fn.outputs = list.map((output, index) => {
        const type = typeof output === "string" ? output : isRecord(output) ? output.type : null;
        const where = Array.isArray(item) ? `${at}[${index}]` : at;
        return {
          type:
            mappedType(type, `${where}${typeof output === "string" ? "" : ".type"}`, problems).type,
        };
      });
    } else {problems.push({
        path: at,
        message: "unknown property: a function has name, inputs and outputs",
      });}
  }
  return fn;
}

function convertEvent(
  value: unknown,
  path: string,
  problems: ManifestProblem[],
  notes: ManifestProblem[],
): unknown {
  if (!isRecord(value)) {
    problems.push({ path, message: "must be object" });
    return value;
  }
  const key = EVENT_ARG_KEYS.find((candidate) => candidate in value);
  const event: { [key: string]: unknown } = { name: value.name, inputs: [] };
  if (key !== undefined) {
    event.inputs = convertParams(value[key], `${path}.${key}`, problems, false);
  }
  for (const [field, item] of Object.entries(value)) {
    if (field === "name" || field === key || field === "anonymous") continue;
    if (field === "doc" || field === "description") event.doc = item;
    else if (EVENT_ARG_KEYS.includes(field)) {
      problems.push({
        path: `${path}.${field}`,
        message: `a second argument list (the first is '${key}')`,
      });
    } else {problems.push({
        path: `${path}.${field}`,
        message: "unknown property: an event has name and fields",
      });}
  }
  const args = key === undefined ? undefined : value[key];
  const indexed = Array.isArray(args) && args.some((arg) => isRecord(arg) && arg.indexed === true);
  if (indexed) notes.push({ path, message: "'indexed' dropped: every event argument is recorded" });
  return event;
}

/** Parameters; a sized type keeps its check (`range`, `length`) on function inputs only. */
function convertParams(
  value: unknown,
  path: string,
  problems: ManifestProblem[],
  checked: boolean,
): unknown[] {
  if (!Array.isArray(value)) {
    problems.push({ path, message: "must be array" });
    return [];
  }
  return value.map((param, index) => {
    const at = `${path}[${index}]`;
    if (!isRecord(param)) {
      problems.push({ path: at, message: "must be object with name and type" });
      return param;
    }
    for (const field of Object.keys(param)) {
      if (!["name", "type", "indexed", "doc", "description"].includes(field)) {
        problems.push({
          path: `${at}.${field}`,
          message: "unknown property: a parameter has name and type",
        });
      }
    }
    const mapped = mappedType(param.type, `${at}.type`, problems);
    const out: { [key: string]: unknown } = { name: param.name, type: mapped.type };
    if (checked && mapped.range !== null) out.range = [mapped.range.min, mapped.range.max];
    if (checked && mapped.length !== null) out.length = mapped.length;
    return out;
  });
}

function mappedType(
  type: unknown,
  path: string,
  problems: ManifestProblem[],
): { type: unknown; range: { min: string; max: string } | null; length: number | null } {
  if (typeof type !== "string") {
    problems.push({ path, message: "must be a type string" });
    return { type, range: null, length: null };
  }
  try {
    return mapUpstreamType(type);
  } catch (error) {
    if (!(error instanceof UnmappableType)) throw error;
    problems.push({ path, message: error.message });
    return { type, range: null, length: null };
  }
}
