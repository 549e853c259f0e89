/**
 * Resolves spec/opcodes_vm_py.yaml into the TypeScript table
 * lib/compile/opcodes_generated.ts. Pure: text in, text out, so that a test
 * can check the committed table is current. Rejects a malformed spec with a
 * message naming the entry.
 */

import { parse } from "npm:yaml@2.9.1";

interface RawGas {
  per: number;
  unit: string;
}
interface RawOp {
  name: string;
  code: number;
  operands: string[];
  pops: number | string;
  pushes: number | string;
  stack: string;
  category: string;
  base: number;
  dynamic?: RawGas;
  sequence?: RawGas;
  branch_effect?: { pops: number; pushes: number };
  terminal?: boolean;
  doc?: string;
}
/** A callable's argument parsing: a style, or a style with its declared exceptions. */
type RawParse = string | { style: string; least?: number; keywords_as?: string };
interface RawCallable {
  sig?: string;
  parse?: RawParse;
  base: number;
  dynamic?: RawGas;
}
interface RawHostCall extends RawCallable {
  id: number;
  name: string;
}
/** A method entry: its name and one callable per receiver type that has it. */
interface RawMethod {
  id: number;
  name: string;
  [receiver: string]: RawCallable | number | string;
}
interface RawSpec {
  ir_version: number;
  gas_version: number;
  caps: Record<string, number>;
  isinstance_types: string[];
  exceptions: { name: string; parent: string | null }[];
  units: Record<string, { doc: string; max: number }>;
  opcodes: RawOp[];
  builtins: RawHostCall[];
  methods: RawMethod[];
  stdlib: RawHostCall[];
  walks: Record<string, RawWalk>;
  transaction: RawTransaction;
}
interface RawTransaction {
  base: number;
  byte: number;
  deploy: number;
  deploy_byte: number;
  max_gas: number;
}
interface RawWalk {
  node: number;
  byte?: number;
  doc: string;
}

/** The transaction table: every entry a non-negative safe integer. */
function transactionRow(spec: RawSpec): string {
  const entry = spec.transaction;
  const fields = ["base", "byte", "deploy", "deploy_byte", "max_gas"] as const;
  for (const name of fields) {
    if (!Number.isSafeInteger(entry[name]) || entry[name] < 0) {
      fail(`transaction.${name} must be a non-negative integer`);
    }
  }
  return `{ base: ${entry.base}, byte: ${entry.byte}, deploy: ${entry.deploy}, ` +
    `deployByte: ${entry.deploy_byte}, maxGas: ${entry.max_gas} }`;
}

/** Each walk's two dynamic terms: per node visited and per byte handled (null when it has none). */
function walkRows(walks: Record<string, RawWalk>, spec: RawSpec): string {
  return Object.entries(walks).map(([name, walk]) => {
    if (!Number.isInteger(walk.node) || (walk.byte !== undefined && !Number.isInteger(walk.byte))) {
      fail(`walks.${name}: node and byte must be integers`);
    }
    const node = gas({ per: walk.node, unit: "nodes" }, spec, `walks.${name}`).text;
    const byte = walk.byte === undefined
      ? "null"
      : gas({ per: walk.byte, unit: "bytes" }, spec, `walks.${name}`).text;
    return `  ${name}: { node: ${node}, byte: ${byte} },`;
  }).join("\n");
}

const OPERAND_KINDS = new Set([
  "const",
  "sint",
  "local",
  "global",
  "target",
  "count",
  "function",
  "builtin",
  "method",
  "stdlib",
  "kwnames",
  "mask",
  "flag",
  "exception",
  "exceptions",
]);

/** The exception table: each class's parent must be listed before it; at most 31 classes (mask bits). */
function exceptionRows(spec: RawSpec): string {
  const ids = new Map<string, number>();
  if (spec.exceptions.length > 31) fail("exceptions: at most 31 classes (EXC_MATCH mask bits)");
  return spec.exceptions.map((entry, id) => {
    if (ids.has(entry.name)) fail(`exceptions: duplicate class ${entry.name}`);
    const parent = entry.parent === null ? null : ids.get(entry.parent);
    if (parent === undefined) fail(`exceptions.${entry.name}: parent must be listed before it`);
    if ((parent === null) !== (id === 0)) fail("exceptions: only the first class is the root");
    ids.set(entry.name, id);
    return `  { id: ${id}, name: "${entry.name}", parent: ${parent} },`;
  }).join("\n");
}

function fail(message: string): never {
  throw new Error(`spec/opcodes_vm_py.yaml: ${message}`);
}

function stackCount(value: number | string, op: RawOp, field: string): string {
  if (typeof value === "number") return String(value);
  const match = /^(\d*)([nf])(?:\+(\d+))?$/.exec(value);
  if (match === null) fail(`${op.name}.${field}: '${value}' is not a count expression`);
  const kind = match[2] === "n" ? "count" : "flag";
  const operand = op.operands.indexOf(kind);
  if (operand < 0) fail(`${op.name}.${field}: '${value}' needs a ${kind} operand`);
  return `{ times: ${match[1] === "" ? 1 : match[1]}, operand: ${operand}, plus: ${
    match[3] ?? 0
  } }`;
}

function gas(raw: RawGas | undefined, spec: RawSpec, where: string): { text: string; max: number } {
  if (raw === undefined) return { text: "null", max: 0 };
  const unit = spec.units[raw.unit];
  if (unit === undefined) fail(`${where}: unknown unit '${raw.unit}'`);
  return {
    text: `{ per: ${raw.per}, unit: "${raw.unit}", maxUnits: ${unit.max} }`,
    max: raw.per * unit.max,
  };
}

/** Receiver types a method may be declared on, in dispatch order. */
const RECEIVERS = [
  "str",
  "bytes",
  "list",
  "tuple",
  "dict",
  "int",
  "range",
  "dict_keys",
  "dict_items",
] as const;
type Receiver = (typeof RECEIVERS)[number];

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * Parses a signature in CPython's notation, `(a, b=1, /, c=?, *, d, **kw)`,
 * into the generated literal of a `Signature` (lib/compile/opcodes.ts),
 * with its count of required positional parameters.
 */
function signature(text: string, where: string): { text: string; required: number } {
  const match = /^\((.*)\)$/.exec(text.trim());
  if (match === null) fail(`${where}: signature '${text}' must be parenthesised`);
  const body = (match[1] ?? "").trim();
  const parts = body === "" ? [] : body.split(",").map((part) => part.trim());
  const params: string[] = [];
  let kind: "positional" | "either" | "keyword" = "either";
  let rest: string | null = null;
  let keywords: string | null = null;
  const seen = new Set<string>();
  let optionalSeen = false;
  for (const part of parts) {
    if (part === "/") {
      if (kind !== "either" || params.length === 0) fail(`${where}: misplaced '/'`);
      for (let i = 0; i < params.length; i++) {
        params[i] = (params[i] ?? "").replace('kind: "either"', 'kind: "positional"');
      }
      continue;
    }
    if (part === "*") {
      kind = "keyword";
      continue;
    }
    if (part.startsWith("**")) {
      keywords = part.slice(2);
      continue;
    }
    if (part.startsWith("*")) {
      rest = part.slice(1);
      kind = "keyword";
      continue;
    }
    const [name = "", fallback] = part.split("=").map((piece) => piece.trim());
    if (!IDENTIFIER.test(name) || seen.has(name)) fail(`${where}: bad parameter '${part}'`);
    seen.add(name);
    const required = fallback === undefined;
    if (kind !== "keyword") {
      if (required && optionalSeen) fail(`${where}: required '${name}' after an optional one`);
      optionalSeen ||= !required;
    }
    params.push(`{ name: "${name}", kind: "${kind}", required: ${required} }`);
  }
  for (const name of [rest, keywords]) {
    if (name !== null && !IDENTIFIER.test(name)) fail(`${where}: bad parameter '${name}'`);
  }
  const positional = params.filter((param) => !param.includes('kind: "keyword"')).length;
  const required =
    params.filter((param) => !param.includes('kind: "keyword"') && param.includes("required: true"))
      .length;
  const literal =
    `{ params: [${params.join(", ")}], rest: ${rest === null ? "null" : `"${rest}"`}, ` +
    `keywords: ${
      keywords === null ? "null" : `"${keywords}"`
    }, positional: ${positional}, required: ${required} }`;
  return { text: literal, required };
}

const PARSE_STYLES = new Set(["noargs", "one", "checked", "tuple", "clinic", "enumerate"]);

/**
 * The generated literal of an `ArgumentParsing` (lib/compile/opcodes.ts):
 * a builtin or method declares CPython's style, a stdlib member has the
 * `signature` style. `required` is the signature's required positional count.
 */
function parsing(
  raw: RawParse | undefined,
  name: string,
  required: number,
  cpython: boolean,
  where: string,
): string {
  if (cpython && raw === undefined) fail(`${where}: missing parse`);
  if (!cpython && raw !== undefined) fail(`${where}: parse is for builtins and methods`);
  const entry = typeof raw === "object" ? raw : { style: raw ?? "signature" };
  const extra = Object.keys(entry).filter((key) =>
    !["style", "least", "keywords_as"].includes(key)
  );
  if (extra.length > 0) fail(`${where}: unknown parse field '${extra[0]}'`);
  if (entry.least !== undefined && !(Number.isInteger(entry.least) && entry.least >= 0)) {
    fail(`${where}: parse.least must be a non-negative integer`);
  }
  if (cpython && !PARSE_STYLES.has(entry.style)) fail(`${where}: unknown parse '${entry.style}'`);
  const short = name.slice(name.lastIndexOf(".") + 1);
  return `{ style: "${entry.style}", name: "${short}", least: ${entry.least ?? required}, ` +
    `keywordsAs: "${entry.keywords_as ?? short}" }`;
}

function callable(
  entry: RawCallable,
  spec: RawSpec,
  where: string,
  name: string,
  cpython: boolean,
): { text: string; maxGas: number } {
  if (cpython && entry.sig === undefined) fail(`${where}: missing sig`);
  const dynamic = gas(entry.dynamic, spec, where);
  const sig = entry.sig === undefined ? null : signature(entry.sig, where);
  const parse = sig === null ? "null" : parsing(entry.parse, name, sig.required, cpython, where);
  const maxGas = entry.base + dynamic.max;
  return {
    text: `sig: ${sig?.text ?? "null"}, parse: ${parse}, base: ${entry.base}, ` +
      `dynamic: ${dynamic.text}, maxGas: ${maxGas}`,
    maxGas,
  };
}

function checkIds(entries: readonly { id: number; name: string }[], table: string): void {
  const names = new Set<string>();
  entries.forEach((entry, index) => {
    if (entry.id !== index + 1) {
      fail(`${table}: ids must be 1, 2, 3... in order (${entry.name} has ${entry.id})`);
    }
    if (names.has(entry.name)) fail(`${table}: duplicate name ${entry.name}`);
    names.add(entry.name);
  });
}

/** A builtin or stdlib table; `cpython` for the builtins, whose parsing style is declared. */
function hostCalls(entries: RawHostCall[], spec: RawSpec, table: string, cpython: boolean) {
  checkIds(entries, table);
  const rows = entries.map((entry) => {
    const body = callable(entry, spec, `${table}.${entry.name}`, entry.name, cpython);
    return `  { id: ${entry.id}, name: "${entry.name}", ${body.text} },`;
  });
  return `[\n  null,\n${rows.join("\n")}\n]`;
}

function union(names: readonly string[]): string {
  return names.length === 0 ? "never" : names.map((name) => `"${name}"`).join(" | ");
}

function methods(spec: RawSpec): { table: string; names: Record<Receiver, string[]> } {
  checkIds(spec.methods, "methods");
  const names: Record<Receiver, string[]> = {
    str: [],
    bytes: [],
    list: [],
    tuple: [],
    dict: [],
    int: [],
    range: [],
    dict_keys: [],
    dict_items: [],
  };
  const rows = spec.methods.map((entry) => {
    const receivers = Object.keys(entry).filter((key) => key !== "id" && key !== "name");
    if (receivers.length === 0) fail(`methods.${entry.name}: no receiver type`);
    let maxGas = 0;
    const variants = receivers.map((receiver) => {
      if (!(RECEIVERS as readonly string[]).includes(receiver)) {
        fail(`methods.${entry.name}: unknown receiver type '${receiver}'`);
      }
      const raw = entry[receiver];
      if (typeof raw !== "object") fail(`methods.${entry.name}.${receiver}: not a callable`);
      const body = callable(raw, spec, `methods.${entry.name}.${receiver}`, entry.name, true);
      maxGas = Math.max(maxGas, body.maxGas);
      names[receiver as Receiver].push(entry.name);
      return `${receiver}: { id: ${entry.id}, name: "${receiver}.${entry.name}", ${body.text} }`;
    });
    return `  { id: ${entry.id}, name: "${entry.name}", maxGas: ${maxGas}, ` +
      `on: { ${variants.join(", ")} } },`;
  });
  return { table: `[\n  null,\n${rows.join("\n")}\n]`, names };
}

/** The generated TypeScript for a spec text. */
export function renderOpcodeTable(yamlText: string): string {
  const spec = parse(yamlText) as RawSpec;
  const codes = new Set<number>();
  const names = new Set<string>();
  const opLines: string[] = [];
  const infoLines: string[] = [];
  for (const op of spec.opcodes) {
    if (codes.has(op.code) || op.code < 1 || op.code > 0xff) {
      fail(`${op.name}: bad or duplicate code ${op.code}`);
    }
    if (names.has(op.name)) fail(`duplicate opcode name ${op.name}`);
    for (const kind of op.operands) {
      if (!OPERAND_KINDS.has(kind)) fail(`${op.name}: unknown operand kind ${kind}`);
    }
    if (op.operands.length > 3) fail(`${op.name}: at most 3 operands`);
    codes.add(op.code);
    names.add(op.name);
    const dynamic = gas(op.dynamic, spec, op.name);
    const sequence = gas(op.sequence, spec, op.name);
    const hex = `0x${op.code.toString(16).padStart(2, "0")}`;
    opLines.push(`  ${op.name}: ${hex},`);
    const branch = op.branch_effect === undefined
      ? "null"
      : `{ pops: ${op.branch_effect.pops}, pushes: ${op.branch_effect.pushes} }`;
    infoLines.push(
      `  [${hex}]: { name: "${op.name}", code: ${hex}, operands: [${
        op.operands.map((k) => `"${k}"`).join(", ")
      }], ` +
        `pops: ${stackCount(op.pops, op, "pops")}, pushes: ${
          stackCount(op.pushes, op, "pushes")
        }, ` +
        `stack: ${JSON.stringify(op.stack)}, category: "${op.category}", base: ${op.base}, ` +
        `dynamic: ${dynamic.text}, sequence: ${sequence.text}, branch: ${branch}, terminal: ${
          op.terminal === true
        }, ` +
        `maxGas: ${op.base + Math.max(dynamic.max, sequence.max)} },`,
    );
  }
  const caps = Object.entries(spec.caps).map(([name, value]) => `  ${name}: ${value},`).join("\n");
  const units = Object.entries(spec.units).map(([name, unit]) => `  ${name}: ${unit.max},`).join(
    "\n",
  );
  const methodTable = methods(spec);
  return `// GENERATED by \`deno task gas\` from spec/opcodes_vm_py.yaml. Do not edit by hand.
// deno-lint-ignore-file

import type { CallableInfo, ExceptionClass, MethodInfo, OpInfo } from "./opcodes.ts";

/** Version of the IR encoding; bump it (in the spec) when bytes change. */
export const IR_VERSION = ${spec.ir_version};
/** Version of the gas schedule. */
export const GAS_VERSION = ${spec.gas_version};

/** Default resource caps. */
export const CAPS = {
${caps}
} as const;

/** The classes of ISINSTANCE's mask operand, in bit order (bit i = 1 << i). */
export const ISINSTANCE_TYPES = [${
    spec.isinstance_types.map((name) => `"${name}"`).join(", ")
  }] as const;

/** The ISINSTANCE mask bit of each class. */
export const ISINSTANCE_BIT = {
${spec.isinstance_types.map((name, bit) => `  ${name}: ${1 << bit},`).join("\n")}
} as const;

/** Catchable exception classes by id (NEW_EXCEPTION's operand, EXC_MATCH's mask bits); parent by id. */
export const EXCEPTIONS: readonly ExceptionClass[] = [
${exceptionRows(spec)}
];

/** Largest number of each unit of dynamic work under the caps. */
export const UNIT_MAX = {
${units}
} as const;

/** Opcode bytes by mnemonic. */
export const Op = {
${opLines.join("\n")}
} as const;

/** An opcode byte. */
export type Op = (typeof Op)[keyof typeof Op];

/** Everything about each opcode; a missing entry is a type error. */
export const OP_INFO: { readonly [K in Op]: OpInfo } = {
${infoLines.join("\n")}
};

/** Builtins by id (index 0 unused). */
export const BUILTINS: readonly (CallableInfo | null)[] = ${
    hostCalls(spec.builtins, spec, "builtins", true)
  };

/** The name of a builtin. */
export type BuiltinName = ${union(spec.builtins.map((entry) => entry.name))};

/** Methods by id (index 0 unused), with one callable per receiver type. */
export const METHODS: readonly (MethodInfo | null)[] = ${methodTable.table};

/** The names of the methods of each receiver type. */
export interface MethodNames {
${RECEIVERS.map((receiver) => `  ${receiver}: ${union(methodTable.names[receiver])};`).join("\n")}
}

/** stdlib members by id (index 0 unused); a member without a signature is a value. */
export const STDLIB: readonly (CallableInfo | null)[] = ${
    hostCalls(spec.stdlib, spec, "stdlib", false)
  };

/** The name of a stdlib function. */
export type StdlibFunctionName = ${
    union(spec.stdlib.filter((entry) => entry.sig !== undefined).map((entry) => entry.name))
  };

/** The name of a stdlib value. */
export type StdlibValueName = ${
    union(spec.stdlib.filter((entry) => entry.sig === undefined).map((entry) => entry.name))
  };

/** Gas of walks over a value, per item visited and per byte handled (spec/GAS.md §8). */
export const WALKS = {
${walkRows(spec.walks, spec)}
} as const;

/** Intrinsic gas of a signed transaction and the cap on its gas limit (spec/BLOCKS.md §3). */
export const TX_GAS = ${transactionRow(spec)} as const;
`;
}
