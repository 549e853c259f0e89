/**
 * `run --manifest M --call FN [--args JSON] [--state PATH] [--gas-limit N]
 * [--sender ADDR] [--value N] [--block-height N] [--trace]`: one contract call,
 * printed as one JSON object (DESIGN §6). State persists in PATH (`.json`:
 * a readable snapshot, anything else: SQLite; default
 * `./.animica/state.sqlite`) and changes only when the call succeeds.
 */

import { sha3_256 } from "npm:@noble/hashes@2.4.0/sha3.js";
import {
  argsFromJson,
  type CallContext,
  type CallResult,
  compileContract,
  encodeCall,
  executeCall,
  findFunction,
  formatDiagnostic,
  SourceText,
  ValidationError,
} from "../mod.ts";
import {
  concatBytes,
  type JsonOutput,
  parseAbiType,
  parseJson,
  stringifyJson,
  toHex,
  valueFromJson,
} from "../abi.ts";
import { CAPS, type IrModule, type Op, OP_INFO } from "../ir.ts";
import { eventJson, fromAbiValue, type StepHook, valueJson } from "../runtime.ts";
import { fileProblem, loadValidManifest, readInputFile } from "./common.ts";
import {
  type CommandInfo,
  InputError,
  parseOptions,
  requireOption,
  UsageError,
} from "./options.ts";
import { type FileState, openJsonState, openSqliteState } from "./state_files.ts";

/** Gas limit of a call when --gas-limit is not given. */
export const DEFAULT_GAS_LIMIT = 10_000_000;
const DEFAULT_STATE = ".animica/state.sqlite";
const DEFAULT_SENDER = "0x01" + "00".repeat(32);

/** `run`: usage, flags and examples. */
export const RUN: CommandInfo = {
  name: "run",
  summary: "Call a contract function; print one JSON object with the result",
  usage: [
    "run --manifest M --call F [--args JSON] [--state PATH] [--gas-limit N]",
    "    [--sender ADDR] [--value N] [--block-height N] [--trace]",
  ],
  options: {
    manifest: {
      type: "string",
      value: "M",
      description: "the contract's manifest.json (required)",
    },
    call: { type: "string", value: "F", description: "the function to call (required)" },
    args: {
      type: "string",
      value: "JSON",
      description: "arguments: a JSON array (by position) or object (by name); default []",
    },
    state: {
      type: "string",
      value: "PATH",
      description: `state file: .json (readable) or SQLite; default ${DEFAULT_STATE}`,
    },
    "gas-limit": {
      type: "string",
      value: "N",
      description: `gas available to the call; default ${DEFAULT_GAS_LIMIT}`,
    },
    sender: { type: "string", value: "ADDR", description: "caller address (0x hex or anim1...)" },
    value: { type: "string", value: "N", description: "value sent with the call; default 0" },
    "block-height": { type: "string", value: "N", description: "block height; default 1" },
    trace: { type: "boolean", description: "print each executed instruction on stderr" },
  },
  examples: [
    "run --manifest examples/counter/manifest.json --call inc",
    `run --manifest examples/counter/manifest.json --call set --args '[5]' --state demo.json`,
  ],
  details: [
    "State persists in PATH between runs and changes only when the call succeeds.",
    "Exit status: 0 the call succeeded, 1 it failed (the JSON is still printed), 2 bad usage or input.",
  ].join("\n"),
};

function nonNegative(value: string | boolean | undefined, flag: string, fallback: bigint): bigint {
  if (value === undefined) return fallback;
  if (typeof value !== "string" || !/^(0|[1-9][0-9]*)$/.test(value)) {
    throw new UsageError(`--${flag} must be a non-negative integer, got '${String(value)}'`);
  }
  // A decimal digit carries more than 3 bits: cheap to check before converting.
  const parsed = value.length <= CAPS.int_bits ? BigInt(value) : null;
  if (parsed === null || parsed >= 1n << BigInt(CAPS.int_bits)) {
    throw new UsageError(`--${flag} is ${CAPS.int_bits} bits or more (cap int_bits)`);
  }
  return parsed;
}

function domainHash(tag: string, ...parts: Uint8Array[]): Uint8Array {
  return sha3_256(concatBytes(new TextEncoder().encode(tag), ...parts));
}

/** A step hook printing `function pc OPCODE gas-so-far` lines on stderr. */
function traceTo(module: IrModule): StepHook {
  const encoder = new TextEncoder();
  return (fn, pc, op, gasUsed) => {
    const name = module.functions[fn]?.name ?? "?";
    const opName = OP_INFO[op as Op]?.name ?? String(op);
    Deno.stderr.writeSync(encoder.encode(`${name} ${pc} ${opName} gas=${gasUsed}\n`));
  };
}

/** Runs `run`; returns the exit code. */
export async function runCommand(argv: readonly string[]): Promise<number> {
  const { values } = parseOptions(argv, RUN);
  const loaded = await loadValidManifest(requireOption(RUN, values, "manifest"));
  const fn = findFunction(loaded.manifest, requireOption(RUN, values, "call"));
  const args = argsFromJson(
    fn,
    parseJson(typeof values.args === "string" ? values.args : "[]", "--args"),
  );
  const gasLimit = nonNegative(values["gas-limit"], "gas-limit", BigInt(DEFAULT_GAS_LIMIT));
  if (gasLimit > BigInt(Number.MAX_SAFE_INTEGER)) throw new UsageError("--gas-limit is too large");
  const sender = valueFromJson(
    parseAbiType("address"),
    typeof values.sender === "string" ? values.sender : DEFAULT_SENDER,
    "--sender",
  ) as Uint8Array;
  const bytes = await readInputFile(loaded.entryPath);
  let compiled;
  try {
    compiled = compileContract(bytes, {
      file: loaded.entryPath,
      exports: loaded.manifest.functions.map((f) => f.name),
    });
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const source = new SourceText(loaded.entryPath, new TextDecoder().decode(bytes));
    throw new InputError(
      `the contract is rejected:\n${
        error.diagnostics.map((d) => formatDiagnostic(d, source)).join("\n")
      }`,
    );
  }
  const calldata = encodeCall(fn, args);
  const blockHeight = nonNegative(values["block-height"], "block-height", 1n);
  const address = new Uint8Array(33);
  address[0] = 1;
  address.set(
    domainHash("animica:contract:v1|", new TextEncoder().encode(loaded.manifest.name)),
    1,
  );
  const context: CallContext = {
    sender,
    value: nonNegative(values.value, "value", 0n),
    address,
    blockHeight,
    blockTime: 0n,
    chainId: 1n,
    txHash: domainHash(
      "animica:tx:v1|",
      calldata,
      sender,
      new TextEncoder().encode(blockHeight.toString()),
    ),
    callIndex: 0,
  };
  const statePath = typeof values.state === "string" ? values.state : DEFAULT_STATE;
  let state: FileState;
  try {
    state = statePath.endsWith(".json")
      ? await openJsonState(statePath)
      : await openSqliteState(statePath);
  } catch (error) {
    const problem = fileProblem(error);
    if (problem !== null) throw new InputError(`cannot open state '${statePath}': ${problem}`);
    throw error;
  }
  let result: CallResult;
  try {
    result = executeCall({
      verified: compiled.verified,
      manifest: loaded.manifest,
      function: fn.name,
      args: args.map((arg, i) => fromAbiValue(fn.inputs[i]?.type ?? { kind: "int" }, arg)),
      gasLimit: Number(gasLimit),
      context,
      state,
      ...(values.trace === true ? { onStep: traceTo(compiled.module) } : {}),
    });
    if (result.ok) state.apply(result.writes);
  } catch (error) {
    await state.close().catch(() => undefined);
    throw stateWriteError(error, statePath);
  }
  try {
    await state.close();
  } catch (error) {
    throw stateWriteError(error, statePath);
  }
  const failure = result.failure;
  const output: Record<string, JsonOutput> = {
    ok: result.ok,
    return: valueJson(result.value),
    returnData: toHex(result.returnData),
    gasUsed: result.gasUsed,
    events: result.events.map(eventJson),
  };
  if (failure !== null) {
    const top = failure.traceback[failure.traceback.length - 1];
    output.error = {
      kind: failure.kind,
      type: failure.type,
      message: failure.message,
      reason: failure.kind === "revert" ? new TextDecoder().decode(failure.reason) : null,
      line: top?.line ?? null,
      function: top?.function ?? null,
      traceback: failure.traceback.map((frame) => ({
        function: frame.function,
        line: frame.line,
        column: frame.column,
      })),
    };
  }
  console.log(stringifyJson(output, 2));
  return result.ok ? 0 : 1;
}

/** A file-system failure while writing the state, described as such; anything else unchanged. */
function stateWriteError(error: unknown, statePath: string): unknown {
  const problem = fileProblem(error);
  return problem === null ? error : new InputError(`cannot write state '${statePath}': ${problem}`);
}
