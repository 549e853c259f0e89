/**
 * The goldens, computed now: IR hex and disassembly of each example,
 * receipts of the example scenarios, and the outcome of every runtime
 * corpus program and benchmark workload (gas, value, failure, receipt).
 */

import {
  argsFromJson,
  findFunction,
  type Manifest,
  MemoryState,
  parseManifest,
  SourceText,
} from "../../mod.ts";
import { fromHex, parseJson, toHex } from "../../abi.ts";
import { compileContract, disassemble } from "../../ir.ts";
import {
  type CallResult,
  encodeReceipt,
  executeCall,
  fromAbiValue,
  receiptHash,
} from "../../runtime.ts";
import { WORKLOADS } from "../../bench/runtime_workloads.ts";
import { repr } from "../../lib/runtime/repr.ts";
import { OUTPUT_METER } from "../../lib/runtime/walk.ts";
import { runSource, runtimeCorpus, TEST_CONTEXT } from "./runtime.ts";

/** One example's current goldens and where they are committed. */
export interface Golden {
  readonly name: string;
  readonly hex: string;
  readonly disassembly: string;
  readonly hexPath: string;
  readonly disPath: string;
}

/** Goldens of every example, compiled with its manifest's exports. */
export function goldenFiles(): Golden[] {
  const examples = new URL("../../examples/", import.meta.url);
  const golden = new URL("../golden/", import.meta.url);
  const names = [...Deno.readDirSync(examples)].filter((entry) => entry.isDirectory).map((entry) =>
    entry.name
  ).sort();
  return names.map((name) => {
    const manifest = parseManifest(
      JSON.parse(Deno.readTextFileSync(new URL(`${name}/manifest.json`, examples))),
    );
    const path = `examples/${name}/${manifest.entry}`;
    const bytes = Deno.readFileSync(new URL(`${name}/${manifest.entry}`, examples));
    const compiled = compileContract(bytes, {
      file: path,
      exports: manifest.functions.map((fn) => fn.name),
    });
    const source = new SourceText(path, new TextDecoder().decode(bytes));
    return {
      name,
      hex: toHex(compiled.bytes).slice(2) + "\n",
      disassembly: disassemble(compiled.verified, source),
      hexPath: new URL(`${name}.ir.hex`, golden).pathname,
      disPath: new URL(`${name}.dis`, golden).pathname,
    };
  });
}

/** One call of a golden scenario and its pinned outcome. */
export interface ReceiptLine {
  readonly example: string;
  readonly call: string;
  readonly args: string;
  readonly sender: string;
  readonly value: string;
  readonly ok: boolean;
  readonly gasUsed: number;
  readonly receipt: string;
}

const ALICE = "0x01" + "11".repeat(32);
const BOB = "0x01" + "22".repeat(32);
const CAROL = "0x01" + "33".repeat(32);

/** One call of a scenario: example, function, JSON arguments, sender, value. */
export type ScenarioStep = readonly [string, string, string, string, bigint];

/** Call sequences over each example, in one state per example. */
const SCENARIOS: readonly ScenarioStep[] = [
  ["counter", "inc", "[]", ALICE, 0n],
  ["counter", "inc", "[]", ALICE, 0n],
  ["counter", "get", "[]", BOB, 0n],
  ["counter", "set", "[-1]", ALICE, 0n],
  ["counter", "set", "[1000000000000000000000000000000]", ALICE, 0n],
  ["counter", "get", "[]", ALICE, 0n],
  ["token", "init", "[1000]", ALICE, 0n],
  ["token", "transfer", `["${BOB}", 250]`, ALICE, 0n],
  ["token", "approve", `["${CAROL}", 100]`, BOB, 0n],
  ["token", "transfer_from", `["${BOB}", "${CAROL}", 60]`, CAROL, 0n],
  ["token", "transfer_from", `["${BOB}", "${CAROL}", 60]`, CAROL, 0n],
  ["token", "balance_of", `["${CAROL}"]`, ALICE, 0n],
  ["token", "total_supply", "[]", ALICE, 0n],
  ["escrow", "deposit", `["${BOB}", "${CAROL}"]`, ALICE, 500n],
  ["escrow", "release", "[]", BOB, 0n],
  ["escrow", "release", "[]", CAROL, 0n],
  ["escrow", "state", "[]", ALICE, 0n],
  ["lottery", "open_round", "[]", ALICE, 0n],
  ["lottery", "buy", "[]", BOB, 10n],
  ["lottery", "buy", "[]", CAROL, 10n],
  ["lottery", "buy", "[]", CAROL, 5n],
  ["lottery", "draw", "[]", BOB, 0n],
  ["lottery", "draw", "[]", ALICE, 0n],
  ["lottery", "tickets", "[]", ALICE, 0n],
];

/** One scenario call: its example, manifest, sender, value and what the call did. */
export interface ScenarioCall {
  readonly example: string;
  readonly manifest: Manifest;
  readonly call: string;
  readonly args: string;
  readonly sender: string;
  readonly value: bigint;
  readonly result: CallResult;
}

/**
 * Runs the scenarios (default: the golden ones) in order, one state per
 * example, applying each successful call's writes.
 */
export function scenarioCalls(scenarios: readonly ScenarioStep[] = SCENARIOS): ScenarioCall[] {
  const states = new Map<string, MemoryState>();
  return scenarios.map(([example, call, args, sender, value]) => {
    const manifest = parseManifest(
      JSON.parse(Deno.readTextFileSync(`examples/${example}/manifest.json`)),
    );
    const compiled = compileContract(Deno.readFileSync(`examples/${example}/${manifest.entry}`), {
      exports: manifest.functions.map((fn) => fn.name),
    });
    const fn = findFunction(manifest, call);
    const state = states.get(example) ?? new MemoryState();
    states.set(example, state);
    const senderBytes = fromHex(sender) ?? new Uint8Array(33);
    const result = executeCall({
      verified: compiled.verified,
      manifest,
      function: call,
      args: argsFromJson(fn, parseJson(args)).map((arg, i) =>
        fromAbiValue(fn.inputs[i]?.type ?? { kind: "int" }, arg)
      ),
      gasLimit: 10_000_000,
      context: { ...TEST_CONTEXT, sender: senderBytes, value },
      state,
    });
    if (result.ok) state.apply(result.writes);
    return { example, manifest, call, args, sender, value, result };
  });
}

/** Runs the scenarios and returns each call's outcome. */
export function receiptLines(): ReceiptLine[] {
  return scenarioCalls().map(({ example, call, args, sender, value, result }) => ({
    example,
    call,
    args,
    sender,
    value: value.toString(),
    ok: result.ok,
    gasUsed: result.gasUsed,
    receipt: toHex(receiptHash(encodeReceipt(result))),
  }));
}

/** The pinned outcome of one corpus program or benchmark workload. */
export interface CorpusLine {
  readonly label: string;
  readonly ok: boolean;
  readonly gasUsed: number;
  /** repr() of the return value, or `Type: message @ function:line:column` of the failure. */
  readonly outcome: string;
  readonly receipt: string;
}

/** Runs every runtime corpus program and benchmark workload in the test context. */
export function corpusLines(): CorpusLine[] {
  const programs = [
    ...runtimeCorpus(),
    ...Object.entries(WORKLOADS).map(([name, source]) => ({ label: `bench: ${name}`, source })),
  ];
  return programs.map(({ label, source }) => {
    const result = runSource(source, { gasLimit: 100_000_000 });
    const failure = result.failure;
    const where = failure?.traceback.map((f) => `${f.function}:${f.line}:${f.column}`).join(" > ");
    return {
      label,
      ok: result.ok,
      gasUsed: result.gasUsed,
      outcome: failure === null
        ? repr(OUTPUT_METER, result.value)
        : `${failure.type}: ${failure.message} @ ${where}`,
      receipt: toHex(receiptHash(encodeReceipt(result))),
    };
  });
}
