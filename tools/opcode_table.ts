/**
 * Resolves spec/opcodes_vm_py.yaml into the TypeScript table
 * lib/compile/opcodes_generated.ts. Pure: text in, text out, so that a test
 * can check the committed table is current. Rejects a malformed spec with a
 * message naming the entry.
 */

import { parse } from "yaml";

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
interface RawHostCall {
  id: number;
  name: string;
  base: number;
  dynamic?: RawGas;
}
interface RawSpec {
  ir_version: number;
  gas_version: number;
  caps: Record<string, number>;
  units: Record<string, { doc: string; max: number }>;
  opcodes: RawOp[];
  builtins: RawHostCall[];
  methods: RawHostCall[];
  stdlib: RawHostCall[];
  walks?: Record<string, RawGas>;
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
]);

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

function hostCalls(entries: RawHostCall[], spec: RawSpec, table: string): string {
  const ids = new Set<number>();
  const names = new Set<string>();
  const rows = entries.map((entry, index) => {
    if (entry.id !== index + 1) {
      fail(`${table}: ids must be 1, 2, 3... in order (${entry.name} has ${entry.id})`);
    }
    if (names.has(entry.name)) fail(`${table}: duplicate name ${entry.name}`);
    ids.add(entry.id);
    names.add(entry.name);
    const dynamic = gas(entry.dynamic, spec, `${table}.${entry.name}`);
    return `  { id: ${entry.id}, name: "${entry.name}", base: ${entry.base}, dynamic: ${dynamic.text}, maxGas: ${
      entry.base + dynamic.max
    } },`;
  });
  return `[\n  null,\n${rows.join("\n")}\n]`;
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
  const walks = Object.entries(spec.walks ?? {}).map(([name, raw]) => {
    const unit = spec.units[raw.unit];
    if (unit === undefined) fail(`walks.${name}: unknown unit '${raw.unit}'`);
    return `  ${name}: { per: ${raw.per}, unit: "${raw.unit}" },`;
  }).join("\n");
  return `// GENERATED by \`deno task gas\` from spec/opcodes_vm_py.yaml. Do not edit by hand.
// deno-lint-ignore-file

import type { HostCallInfo, OpInfo } from "./opcodes.ts";

/** Version of the IR encoding; bump it (in the spec) when bytes change. */
export const IR_VERSION = ${spec.ir_version};
/** Version of the gas schedule. */
export const GAS_VERSION = ${spec.gas_version};

/** Default resource caps. */
export const CAPS = {
${caps}
} as const;

/** Largest number of each unit of dynamic work under the caps. */
export const UNIT_MAX = {
${units}
} as const;

/** Per-node gas of each walk over a value, charged before the node is visited. */
export const WALKS = {
${walks}
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
export const BUILTINS: readonly (HostCallInfo | null)[] = ${
    hostCalls(spec.builtins, spec, "builtins")
  };

/** Methods by id (index 0 unused). */
export const METHODS: readonly (HostCallInfo | null)[] = ${
    hostCalls(spec.methods, spec, "methods")
  };

/** stdlib members by id (index 0 unused). */
export const STDLIB: readonly (HostCallInfo | null)[] = ${hostCalls(spec.stdlib, spec, "stdlib")};
`;
}
