/**
 * `profile (--manifest M | --address A) --call F [--args JSON] [--format
 * table|json|speedscope|folded] [--out FILE]`: one call run as a view (it
 * commits nothing; a --manifest contract is deployed on first use, as with
 * `run`) under the library's GasProfiler, printed as a source listing with
 * a gas column and per-function tables, or written in the JSON, speedscope
 * or folded-stack formats (spec/PROFILE.md). Formatting only: the
 * attribution lives in lib/runtime/profile.ts.
 */

import type { Receipt } from "../mod.ts";
import type { IrModule } from "../ir.ts";
import {
  asciiSafe,
  foldedStacks,
  type FunctionProfile,
  GasProfiler,
  profileJson,
  speedscopeProfile,
} from "../runtime.ts";
import { contractModule, withHooks } from "../chain.ts";
import { statePath, TX_OPTIONS, txOptions, withChain } from "./chain_session.ts";
import { callTarget, targetCall } from "./call_target.ts";
import { checkOutputPath, fileProblem, readInputFile } from "./common.ts";
import { type CommandInfo, InputError, misuse, parseOptions } from "./options.ts";

const FORMATS = ["table", "json", "speedscope", "folded"] as const;
type Format = typeof FORMATS[number];

/** Share of a call's gas from which a line is marked hot. */
const HOT_SHARE = 0.1;

/** `profile`: usage, flags and examples. */
export const PROFILE: CommandInfo = {
  name: "profile",
  summary: "Profile the gas of one call: per line, per function and per stdlib member",
  usage: [
    "profile --manifest M --call F [--args JSON | --args-file F] [--state PATH] [--gas-limit N]",
    "    [--format table|json|speedscope|folded] [--out FILE] [--json]",
    "profile --address A --call F [--source FILE] [...]",
  ],
  options: {
    manifest: {
      type: "string",
      value: "M",
      description: "profile the contract this manifest names (deployed on first use)",
    },
    address: { type: "string", value: "A", description: "profile the contract deployed at A" },
    call: { type: "string", value: "F", description: "the function to call (required)" },
    ...TX_OPTIONS,
    format: {
      type: "string",
      value: "FMT",
      description: "table (default), json, speedscope (speedscope.app) or folded (flame graphs)",
    },
    out: { type: "string", value: "FILE", description: "write the profile to FILE, not stdout" },
    json: { type: "boolean", short: "j", description: "same as --format json" },
    source: {
      type: "string",
      value: "FILE",
      description: "the contract's source, for the listing (default: the manifest's entry)",
    },
  },
  examples: [
    `profile --manifest examples/token/manifest.json --call transfer --args '["anim1...", 5]'`,
    "profile --manifest examples/counter/manifest.json --call inc --format speedscope --out inc.json",
    "profile --manifest examples/counter/manifest.json --call inc --format folded",
  ],
  details: [
    "The call runs as a view: nothing is committed and no nonce changes. Every unit of gas is",
    "attributed: to the line of the instruction that charged it (stdlib members and callees by",
    "name and frame), and to the rows '(return value)' (the walk of the returned value) and",
    "'(call)'; the rows add up to gasUsed. Lines at 10% of the gas or more are marked '>'.",
    "Speedscope profiles use gas as their value axis (unit 'none', 'gas' in the profile name).",
    "Exit status: 0 the call succeeded, 1 it failed (the profile is still written), 2 bad usage or input.",
  ].join("\n"),
};

function formatOf(values: Readonly<Record<string, string | boolean | undefined>>): Format {
  const format = values.format;
  if (values.json === true) {
    if (format !== undefined && format !== "json") {
      throw misuse(PROFILE, "give --json or --format, not both");
    }
    return "json";
  }
  if (format === undefined) return "table";
  const chosen = FORMATS.find((name) => name === format);
  if (chosen === undefined) throw misuse(PROFILE, `--format must be one of ${FORMATS.join(", ")}`);
  return chosen;
}

function gasText(gas: number): string {
  return Number.isInteger(gas) ? String(gas) : gas.toFixed(1);
}

function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

/** Rows as columns padded to their widest cell (first column left-aligned, the rest right). */
function columns(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  }
  return rows.map((row) =>
    row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join("  ").trimEnd()
  );
}

/** Lines a `def` header may sit above a function's first instruction (decorators are not allowed). */
const HEADER_REACH = 40;

/**
 * The source lines worth listing: those of every function that ran, from
 * its `def` line (found in the source above its first instruction, when the
 * source is known) to its last, in order.
 */
function shownLines(
  module: IrModule,
  fn: FunctionProfile,
  source: readonly string[] | null,
): number[] {
  const ran = new Set(fn.frames.map((frame) => frame.name));
  const shown = new Set<number>();
  for (const ir of module.functions) {
    if (!ran.has(ir.name) || ir.lines.length === 0) continue;
    const lines = ir.lines.map((entry) => entry.line);
    let first = Math.min(...lines);
    if (ir.name !== "<module>" && source !== null) {
      const floor = Math.max(1, first - HEADER_REACH);
      for (let line = first - 1; line >= floor; line--) {
        if (/^\s*def\s/.test(source[line - 1] ?? "")) {
          first = line;
          break;
        }
      }
    }
    for (let line = first; line <= Math.max(...lines); line++) shown.add(line);
  }
  return [...shown].sort((a, b) => a - b);
}

/** The table form: a gas column beside the source of what ran, then the function's tables. */
function tableText(
  fn: FunctionProfile,
  receipt: Receipt,
  module: IrModule,
  source: readonly string[] | null,
): string {
  const gasUsed = receipt.gasUsed;
  const ok = receipt.ok;
  const out: string[] = [];
  const stats = fn.stats;
  out.push(`${fn.name}: gasUsed ${gasUsed}${ok ? "" : " (the call failed)"}`, "");
  const byLine = new Map(fn.lines.filter((row) => row.label === "").map((row) => [row.line, row]));
  const listing: string[][] = [["", "line", "hits", "gas", "share", "source"]];
  let previous = 0;
  for (const line of shownLines(module, fn, source)) {
    const row = byLine.get(line);
    if (previous !== 0 && line > previous + 1) listing.push(["", "...", "", "", "", ""]);
    previous = line;
    const text = source === null ? "" : asciiSafe(source[line - 1] ?? "");
    listing.push([
      row !== undefined && row.share >= HOT_SHARE ? ">" : "",
      String(line),
      row === undefined ? "" : String(row.hits),
      row === undefined ? "" : gasText(row.gas),
      row === undefined ? "" : percent(row.share),
      text,
    ]);
  }
  for (const row of fn.lines.filter((row) => row.label !== "")) {
    listing.push([
      row.share >= HOT_SHARE ? ">" : "",
      "",
      String(row.hits),
      gasText(row.gas),
      percent(row.share),
      row.label,
    ]);
  }
  const total = fn.lines.reduce((sum, row) => sum + row.gas, 0);
  listing.push(["", "", "", gasText(total), "100.0%", "total"]);
  // The source column keeps its text as written (no right alignment, no padding).
  const head = columns(listing.map((row) => row.slice(0, 5)));
  head.forEach((line, i) => out.push(`${line}  ${listing[i]?.[5] ?? ""}`.trimEnd()));
  out.push(
    "",
    ...columns([
      ["function", "calls", "mean", "median", "stdev", "min", "max"],
      [
        asciiSafe(fn.name),
        String(stats.calls),
        ...[stats.mean, stats.median, stats.stdev, stats.min, stats.max].map(gasText),
      ],
    ]),
  );
  out.push("");
  out.push(
    ...columns([
      ["frame", "calls", "self", "total"],
      ...fn.frames.map((
        f,
      ) => [asciiSafe(f.name), String(f.calls), gasText(f.self), gasText(f.total)]),
    ]),
  );
  if (fn.hosts.length > 0) {
    out.push("");
    out.push(
      ...columns([
        ["stdlib", "calls", "gas"],
        ...fn.hosts.map((h) => [h.name, String(h.calls), gasText(h.gas)]),
      ]),
    );
  }
  return `${out.join("\n")}\n`;
}

/** Writes `text` to `path`, file problems as InputErrors. */
async function writeOut(path: string, text: string): Promise<void> {
  try {
    await Deno.writeTextFile(path, text);
  } catch (error) {
    const problem = fileProblem(error) ?? (error instanceof Error ? error.message : String(error));
    throw new InputError(`cannot write '${path}': ${problem}`);
  }
}

/** Runs `profile`; returns the exit code. */
export async function profileCommand(argv: readonly string[]): Promise<number> {
  const { values } = parseOptions(argv, PROFILE);
  const format = formatOf(values);
  const target = await callTarget(PROFILE, values);
  const { name, manifestPath, loaded } = target;
  const options = txOptions(values);
  const sourcePath = typeof values.source === "string" ? values.source : loaded?.entryPath ?? null;
  if (typeof values.out === "string") {
    checkOutputPath("--out", values.out, statePath(values), [
      manifestPath,
      loaded?.entryPath ?? null,
      sourcePath,
      typeof values["args-file"] === "string" ? values["args-file"] : null,
    ]);
  }
  const sourceText = sourcePath === null
    ? null
    : new TextDecoder().decode(await readInputFile(sourcePath));
  const run = await withChain(values, (chain) => {
    const { contract, args } = targetCall(chain, target);
    const profiler = new GasProfiler(contractModule(contract));
    const receipt = contract.view(name, args, withHooks(options, profiler.start(name)));
    profiler.end(receipt.gasUsed);
    return { profile: profiler.profile(), receipt, module: contractModule(contract) };
  });
  const fn = run.profile.functions[0];
  let text: string;
  switch (format) {
    case "json":
      text = `${
        JSON.stringify(
          { ok: run.receipt.ok, gasUsed: run.receipt.gasUsed, ...profileJson(run.profile) },
          null,
          2,
        )
      }\n`;
      break;
    case "speedscope":
      text = `${
        JSON.stringify(
          speedscopeProfile(
            run.profile,
            `${name} gas profile`,
            sourcePath === null ? null : { file: sourcePath },
          ),
        )
      }\n`;
      break;
    case "folded":
      text = foldedStacks(run.profile);
      break;
    case "table":
      text = fn === undefined
        ? ""
        : tableText(fn, run.receipt, run.module, sourceText?.split(/\r?\n/) ?? null);
      break;
  }
  if (typeof values.out === "string") {
    await writeOut(values.out, text);
    console.log(`wrote ${values.out} (gasUsed ${run.receipt.gasUsed})`);
  } else {
    const bytes = new TextEncoder().encode(text);
    let offset = 0;
    while (offset < bytes.length) offset += Deno.stdout.writeSync(bytes.subarray(offset));
  }
  return run.receipt.ok ? 0 : 1;
}
