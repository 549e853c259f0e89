/**
 * Command-line front end of animica-vm: dispatches to the commands in cli/
 * and maps failures to exit codes. No language logic lives here.
 *
 * Exit codes: 0 success, 1 the contract or manifest was rejected, 2 bad
 * usage or input (message on stderr, nothing on stdout).
 */

import denoConfig from "./deno.json" with { type: "json" };
import { abiCommand } from "./cli/abi.ts";
import { UsageError } from "./cli/common.ts";
import { compileCommand, estimateCommand, inspectCommand } from "./cli/compile.ts";
import { runCommand } from "./cli/run.ts";
import { validateCommand } from "./cli/validate.ts";
import { AnimicaError } from "./mod.ts";

const USAGE = `animica-vm ${denoConfig.version} — deterministic Python smart-contract VM

Usage:
  animica-vm validate [--json] FILE...          check contract sources against the subset
  animica-vm validate --manifest M [--json]     check a manifest, its entry source and that they agree
  animica-vm compile FILE | --manifest M [--out F.ir]
                                                 compile to IR; prints the code hash and size
  animica-vm inspect F.ir | FILE.py [--json]     disassemble (with source lines for .py)
  animica-vm estimate FILE | --manifest M [--json]
                                                 static gas bound of each exported function
  animica-vm run --manifest M --call F [--args JSON] [--state PATH] [--gas-limit N]
                 [--sender ADDR] [--value N] [--block-height N] [--trace]
                                                 call a function; prints one JSON object. State
                                                 persists in PATH (.json or SQLite, default
                                                 ./.animica/state.sqlite) only when the call succeeds;
                                                 --trace prints each executed op on stderr
  animica-vm abi selectors --manifest M [--json]
                                                 list function selectors
  animica-vm abi encode --manifest M --call F [--args JSON]
                                                 print calldata hex; JSON is an array (by position)
                                                 or an object (by parameter name)
  animica-vm abi decode --manifest M [--call F] --data HEX [--return]
                                                 decode calldata (or return data) to JSON
  animica-vm help | version

Exit status: 0 ok, 1 contract, manifest or call rejected, 2 bad usage or input.`;

/** Runs the CLI with `args`; returns the process exit code. */
export async function main(args: readonly string[]): Promise<number> {
  try {
    const [command, ...rest] = args;
    switch (command) {
      case undefined:
        console.error(USAGE);
        return 2;
      case "help":
      case "-h":
      case "--help":
        console.log(USAGE);
        return 0;
      case "version":
      case "--version":
        console.log(denoConfig.version);
        return 0;
      case "validate":
        return await validateCommand(rest);
      case "abi":
        return await abiCommand(rest);
      case "compile":
        return await compileCommand(rest);
      case "inspect":
        return await inspectCommand(rest);
      case "estimate":
        return await estimateCommand(rest);
      case "run":
        return await runCommand(rest);
      default:
        throw new UsageError(`unknown command '${command}'`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`animica-vm: ${error.message}\nRun 'animica-vm help' for usage.`);
    } else if (error instanceof AnimicaError) {
      console.error(`animica-vm: ${error.message}`);
    } else {
      const detail = error instanceof Error ? error.message : String(error);
      console.error(`animica-vm: internal error: ${detail}\nPlease report this as a bug.`);
    }
    return 2;
  }
}

if (import.meta.main) {
  Deno.exitCode = await main(Deno.args);
}
