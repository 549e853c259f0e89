/**
 * `run (--address A | --manifest M) --call FN [--args JSON] ...`: one call
 * transaction on the chain in the state file, printed as its receipt JSON
 * (DESIGN §6, spec/CHAIN.md §8). With --manifest the contract is the one
 * that manifest names (deployed on first use). A thin wrapper over Chain:
 * the flags are read here, everything else happens in lib/chain/.
 */

import { contractModule } from "../lib/chain/contract.ts";
import { compiledFor } from "../lib/chain/precompiled.ts";
import { withHooks } from "../lib/chain/tool_hooks.ts";
import type { IrModule } from "../lib/compile/ir.ts";
import { usesStdlibFunction } from "../lib/compile/stdlib_uses.ts";
import {
  DEFAULT_GAS_LIMIT,
  printReceipt,
  statePath,
  TX_OPTIONS,
  txOptions,
  withChain,
} from "./chain_session.ts";
import { callTarget, targetCall } from "./call_target.ts";
import { checkOutputPath, fileProblem } from "./common.ts";
import { type CommandInfo, InputError, misuse, parseOptions } from "./options.ts";
import { TRACE_FORMATS, type TraceFormat, TraceWriter } from "./trace_output.ts";

export { DEFAULT_GAS_LIMIT };

/** `run`: usage, flags and examples. */
export const RUN: CommandInfo = {
  name: "run",
  summary: "Call a contract function; print one JSON object with the receipt",
  usage: [
    "run --manifest M --call F [--args JSON | --args-file F] [--state PATH] [--gas-limit N]",
    "    [--sender ADDR] [--value N] [--block-height N] [--block-time N] [--chain-id N]",
    "    [--trace] [--trace-format text|json] [--trace-file F]",
    "run --address A --call F [...]",
  ],
  options: {
    manifest: {
      type: "string",
      value: "M",
      description: "call the contract this manifest names (deployed on first use)",
    },
    address: { type: "string", value: "A", description: "call the contract deployed at A" },
    call: { type: "string", value: "F", description: "the function to call (required)" },
    ...TX_OPTIONS,
    trace: {
      type: "boolean",
      description: "trace each instruction and stdlib call (on stderr unless --trace-file)",
    },
    "trace-format": {
      type: "string",
      value: "FMT",
      description: "trace as text lines (default) or json (one object a line); implies --trace",
    },
    "trace-file": {
      type: "string",
      value: "F",
      description: "write the trace to file F instead of stderr; implies --trace",
    },
  },
  examples: [
    "run --manifest examples/counter/manifest.json --call inc",
    `run --manifest examples/counter/manifest.json --call set --args '[5]' --state demo.json`,
    "run --address anim1... --call get --state demo.json",
    "run --manifest examples/counter/manifest.json --call inc --trace-format json --trace-file t.jsonl",
  ],
  details: [
    "State persists in PATH between runs; a call's writes commit only when it succeeds (the",
    "sender's nonce goes up either way). --manifest M names the contract deployed from the",
    "default sender with a zero salt and M's code, deploying it on first use (spec/CHAIN.md).",
    "A trace shows per instruction: function, pc, opcode and operands, @line:col, gas=before+charged",
    "and the top of the stack; each stdlib call follows with its arguments and result (values",
    "shortened and escaped). Tracing never changes gas, results or the receipt.",
    "Exit status: 0 the call succeeded, 1 it failed (the JSON is still printed), 2 bad usage or input.",
  ].join("\n"),
};

/** The trace flags: null when not tracing, else the format and file (null: stderr). */
function traceOptions(
  values: Readonly<Record<string, string | boolean | undefined>>,
): { format: TraceFormat; file: string | null } | null {
  const format = values["trace-format"];
  const file = values["trace-file"];
  if (values.trace !== true && format === undefined && file === undefined) return null;
  const chosen = TRACE_FORMATS.find((name) => name === format);
  if (format !== undefined && chosen === undefined) {
    throw misuse(RUN, `--trace-format must be one of ${TRACE_FORMATS.join(", ")}`);
  }
  if (file === "") throw misuse(RUN, "--trace-file needs a file name");
  return { format: chosen ?? "text", file: typeof file === "string" ? file : null };
}

/** The trace sink: the file (created or truncated) or stderr, and how to close it. */
function openTrace(
  file: string | null,
): { write: (bytes: Uint8Array) => number; close: () => void } {
  if (file === null) return { write: (bytes) => Deno.stderr.writeSync(bytes), close: () => {} };
  try {
    const handle = Deno.openSync(file, { write: true, create: true, truncate: true });
    return { write: (bytes) => handle.writeSync(bytes), close: () => handle.close() };
  } catch (error) {
    const problem = fileProblem(error) ?? (error instanceof Error ? error.message : String(error));
    throw new InputError(`cannot write the trace to '${file}': ${problem}`);
  }
}

/**
 * Loads the post-quantum schemes when the contract of `module` may call
 * pq_verify (every other command has them loaded by cli.ts).
 */
async function schemesFor(module: IrModule): Promise<void> {
  if (usesStdlibFunction(module, "pq_verify.verify")) await import("../lib/pq_noble.ts");
}

/** Runs `run`; returns the exit code. */
export async function runCommand(argv: readonly string[]): Promise<number> {
  const { values } = parseOptions(argv, RUN);
  const tracing = traceOptions(values);
  const target = await callTarget(RUN, values);
  const { name } = target;
  const options = txOptions(values);
  if (tracing !== null && tracing.file !== null) {
    checkOutputPath("--trace-file", tracing.file, statePath(values), [
      target.manifestPath,
      target.loaded?.entryPath ?? null,
      typeof values["args-file"] === "string" ? values["args-file"] : null,
    ]);
  }
  // A deployment on first use runs the module's initialiser, and IR from the cache is input too: its
  // code is scanned first (without a cached compilation the chain compiles it, so load them). The
  // contract the call then reaches is scanned below.
  if (target.code !== null) {
    const compiled = compiledFor(target.code);
    if (compiled === undefined) await import("../lib/pq_noble.ts");
    else await schemesFor(compiled.verified.module);
  }
  // The tracer (with the disassembler and value previews) loads only when tracing.
  const trace = tracing === null ? null : await import("../lib/runtime/trace.ts");
  return await withChain(values, async (chain) => {
    const { contract, args } = targetCall(chain, target);
    // The code at the address may not be the manifest's (a state file is input too).
    await schemesFor(contractModule(contract));
    if (tracing === null || trace === null) return printReceipt(contract.call(name, args, options));
    const sink = openTrace(tracing.file);
    try {
      const writer = new TraceWriter(tracing.format, sink.write);
      const tracer = new trace.Tracer(contractModule(contract), (record) => writer.record(record));
      const receipt = contract.call(name, args, withHooks(options, tracer.start()));
      tracer.end(receipt.gasUsed);
      writer.flush();
      return printReceipt(receipt);
    } finally {
      sink.close();
    }
  });
}
