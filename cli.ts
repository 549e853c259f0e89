/**
 * Command-line front end of animica-vm: argument parsing, file I/O and
 * output formatting over mod.ts. No language logic lives here. This is the
 * only place (with tests and bench) that touches Deno's I/O.
 *
 * Exit codes: 0 success, 1 the contract was rejected (or a call failed),
 * 2 bad usage or unreadable input (message on stderr, nothing on stdout).
 */

import { parseArgs } from "node:util";
import denoConfig from "./deno.json" with { type: "json" };
import { type Diagnostic, formatDiagnostic, validate, type ValidationResult } from "./mod.ts";

const USAGE = `animica-vm ${denoConfig.version} — deterministic Python smart-contract VM

Usage:
  animica-vm validate [--json] FILE...   check contract sources against the subset
  animica-vm help                        show this help
  animica-vm version                     print the version

Options:
  --json       machine-readable output (one JSON object on stdout)
  -h, --help   show help

Exit status: 0 ok, 1 contract rejected, 2 bad usage or unreadable input.`;

/** A usage or input problem: printed on stderr, exit code 2. */
class UsageError extends Error {
  override name = "UsageError";
}

/** Runs the CLI with `args`; returns the process exit code. */
export async function main(args: readonly string[]): Promise<number> {
  try {
    const [command, ...rest] = args;
    switch (command) {
      case undefined:
      case "help":
      case "-h":
      case "--help":
        console.log(USAGE);
        return command === undefined ? 2 : 0;
      case "version":
      case "--version":
        console.log(denoConfig.version);
        return 0;
      case "validate":
        return await validateCommand(rest);
      default:
        throw new UsageError(`unknown command '${command}'`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`animica-vm: ${error.message}\nRun 'animica-vm help' for usage.`);
    } else {
      const detail = error instanceof Error ? error.message : String(error);
      console.error(`animica-vm: internal error: ${detail}\nPlease report this as a bug.`);
    }
    return 2;
  }
}

function parseOptions(args: readonly string[]): { json: boolean; files: string[]; help: boolean } {
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: { json: { type: "boolean", default: false }, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
    });
    return { json: values.json === true, files: positionals, help: values.help === true };
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

async function readSourceFile(path: string): Promise<Uint8Array> {
  try {
    return await Deno.readFile(path);
  } catch (error) {
    const reason = error instanceof Deno.errors.NotFound
      ? "no such file"
      : error instanceof Deno.errors.PermissionDenied
      ? "permission denied"
      : error instanceof Deno.errors.IsADirectory
      ? "is a directory"
      : error instanceof Error
      ? error.message
      : String(error);
    throw new UsageError(`cannot read '${path}': ${reason}`);
  }
}

async function validateCommand(args: readonly string[]): Promise<number> {
  const options = parseOptions(args);
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  if (options.files.length === 0) throw new UsageError("validate needs at least one FILE");
  const inputs: { file: string; bytes: Uint8Array }[] = [];
  for (const file of options.files) inputs.push({ file, bytes: await readSourceFile(file) });
  const results = inputs.map(({ file, bytes }) => validate(bytes, file));
  if (options.json) console.log(JSON.stringify({ files: results.map(jsonResult) }, null, 2));
  else printHuman(results);
  return results.every((result) => result.ok) ? 0 : 1;
}

function jsonResult(result: ValidationResult): unknown {
  return {
    file: result.source.file,
    ok: result.ok,
    diagnostics: result.diagnostics.map((d: Diagnostic) => ({
      rule: d.rule,
      message: d.message,
      hint: d.hint,
      line: d.line,
      column: d.column,
      endLine: d.endLine,
      endColumn: d.endColumn,
    })),
  };
}

function printHuman(results: readonly ValidationResult[]): void {
  let problems = 0;
  for (const result of results) {
    if (result.ok) {
      console.log(`${result.source.file}: ok`);
      continue;
    }
    for (const diagnostic of result.diagnostics) {
      console.log(formatDiagnostic(diagnostic, result.source));
      problems++;
    }
  }
  if (problems > 0) {
    const failed = results.filter((result) => !result.ok).length;
    console.log(
      `${problems} problem${problems === 1 ? "" : "s"} in ${failed} file${failed === 1 ? "" : "s"}`,
    );
  }
}

if (import.meta.main) {
  Deno.exitCode = await main(Deno.args);
}
