/**
 * Command-line front end of animica-vm: dispatches to the commands in cli/,
 * prints help and errors, and maps outcomes to exit codes. No language logic
 * lives here.
 *
 * Exit codes: 0 success, 1 the contract, manifest or call was rejected, 2 bad
 * usage or input (message on stderr, nothing on stdout).
 *
 * @example Run the CLI in-process
 * ```ts
 * import { main } from "./cli.ts";
 * const code = await main(["--version"]);
 * if (code !== 0) throw new Error("unexpected exit code");
 * ```
 *
 * @module
 */

import denoConfig from "./deno.json" with { type: "json" };
import { ABI, ABI_SUBCOMMANDS, abiCommand } from "./cli/abi.ts";
import { BLOCK, BLOCK_SUBCOMMANDS, blockCommand } from "./cli/block.ts";
import { fileProblem } from "./cli/common.ts";
import {
  COMPILE,
  compileCommand,
  ESTIMATE,
  estimateCommand,
  INSPECT,
  inspectCommand,
} from "./cli/compile.ts";
import {
  type CommandInfo,
  didYouMean,
  formatHelp,
  HelpRequest,
  InputError,
  UsageError,
  usageLine,
} from "./cli/options.ts";
import { DEPLOY, deployCommand } from "./cli/deploy.ts";
import { INIT, initCommand } from "./cli/init.ts";
import { KEY, KEY_SUBCOMMANDS, keyCommand } from "./cli/key.ts";
import { MANIFEST, MANIFEST_SUBCOMMANDS, manifestCommand } from "./cli/manifest.ts";
import { RUN, runCommand } from "./cli/run.ts";
import { PROFILE, profileCommand } from "./cli/profile.ts";
import { STATE, STATE_SUBCOMMANDS, stateCommand } from "./cli/state.ts";
import { TX, TX_SUBCOMMANDS, txCommand } from "./cli/tx.ts";
import { VALIDATE, validateCommand } from "./cli/validate.ts";
import { AnimicaError } from "./mod.ts";

/** The version of this package (from deno.json). */
export const VERSION: string = denoConfig.version;

const COMMANDS: readonly {
  readonly info: CommandInfo;
  readonly run: (args: readonly string[]) => Promise<number>;
}[] = [
  { info: VALIDATE, run: validateCommand },
  { info: COMPILE, run: compileCommand },
  { info: INSPECT, run: inspectCommand },
  { info: ESTIMATE, run: estimateCommand },
  { info: DEPLOY, run: deployCommand },
  { info: RUN, run: runCommand },
  { info: PROFILE, run: profileCommand },
  { info: STATE, run: stateCommand },
  { info: ABI, run: abiCommand },
  { info: MANIFEST, run: manifestCommand },
  { info: INIT, run: initCommand },
  { info: KEY, run: keyCommand },
  { info: TX, run: txCommand },
  { info: BLOCK, run: blockCommand },
];

function usage(): string {
  const lines = [
    `animica-vm ${VERSION} — deterministic, gas-metered VM for Python smart contracts`,
    "",
    "Usage:",
  ];
  for (const { info } of COMMANDS) {
    for (const line of info.usage) lines.push(usageLine(line));
  }
  lines.push("  animica-vm help [COMMAND] | --version", "", "Commands:");
  const width = Math.max(...COMMANDS.map(({ info }) => info.name.length));
  for (const { info } of COMMANDS) lines.push(`  ${info.name.padEnd(width)}  ${info.summary}`);
  lines.push(
    "",
    "Run 'animica-vm COMMAND --help' (or 'animica-vm help COMMAND') for its flags and examples.",
    "Exit status: 0 ok, 1 contract, manifest or call rejected, 2 bad usage or input.",
  );
  return lines.join("\n");
}

/** The help text for `help WORDS...`, or a UsageError naming what is unknown. */
function helpFor(words: readonly string[]): string {
  const [name, sub] = words;
  if (name === undefined) return usage();
  const command = COMMANDS.find(({ info }) => info.name === name);
  if (command === undefined) {
    throw new UsageError(
      `no command '${name}'${didYouMean(name, COMMANDS.map(({ info }) => info.name))}`,
    );
  }
  const subcommands = command.info === ABI
    ? ABI_SUBCOMMANDS
    : command.info === STATE
    ? STATE_SUBCOMMANDS
    : command.info === MANIFEST
    ? MANIFEST_SUBCOMMANDS
    : command.info === KEY
    ? KEY_SUBCOMMANDS
    : command.info === TX
    ? TX_SUBCOMMANDS
    : command.info === BLOCK
    ? BLOCK_SUBCOMMANDS
    : null;
  if (subcommands === null || sub === undefined) return formatHelp(command.info);
  const subcommand = subcommands[sub];
  if (subcommand === undefined) {
    throw new UsageError(
      `no ${name} subcommand '${sub}'${didYouMean(sub, Object.keys(subcommands))}`,
    );
  }
  return formatHelp(subcommand);
}

/**
 * Makes relative paths mean what they mean where the user stands: `deno task`
 * runs from the project root and records the user's directory in INIT_CWD.
 * Without permission to read that variable, nothing changes.
 */
function enterInitialDirectory(): void {
  const permission = Deno.permissions.querySync({ name: "env", variable: "INIT_CWD" });
  if (permission.state !== "granted") return;
  const initial = Deno.env.get("INIT_CWD");
  if (initial !== undefined && initial !== "" && initial !== Deno.cwd()) Deno.chdir(initial);
}

async function dispatch(args: readonly string[]): Promise<number> {
  const [command, ...rest] = args;
  switch (command) {
    case undefined:
      console.error(usage());
      return 2;
    case "help":
    case "-h":
    case "--help":
      console.log(helpFor(rest));
      return 0;
    case "version":
    case "--version":
    case "-V":
      console.log(VERSION);
      return 0;
  }
  const found = COMMANDS.find(({ info }) => info.name === command);
  if (found === undefined) {
    const names = COMMANDS.map(({ info }) => info.name);
    const hint = command.startsWith("-")
      ? `unknown option '${command}' (options go after the command)`
      : `unknown command '${command}'${didYouMean(command, names)}`;
    throw new UsageError(hint);
  }
  try {
    return await found.run(rest);
  } catch (error) {
    if (error instanceof UsageError && error.command === "") error.command = found.info.name;
    throw error;
  }
}

/** Runs the CLI with `args` (as after `animica-vm`); returns the process exit code. */
export async function main(args: readonly string[]): Promise<number> {
  try {
    enterInitialDirectory();
    return await dispatch(args);
  } catch (error) {
    if (error instanceof HelpRequest) {
      console.log(formatHelp(error.info));
      return 0;
    }
    console.error(describeFailure(error));
    return 2;
  }
}

/** The stderr text of a failure: usage errors point to the help, other errors say what failed. */
function describeFailure(error: unknown): string {
  if (error instanceof UsageError) {
    const where = error.command === "" ? "help" : `${error.command} --help`;
    return `animica-vm: ${error.message}\nRun 'animica-vm ${where}' for usage.`;
  }
  if (error instanceof InputError || error instanceof AnimicaError) {
    return `animica-vm: ${error.message}`;
  }
  const problem = fileProblem(error);
  if (problem !== null) {
    const detail = error instanceof Error ? `: ${error.message}` : "";
    return `animica-vm: ${problem}${detail}`;
  }
  const detail = error instanceof Error ? error.message : String(error);
  return `animica-vm: internal error: ${detail}\nPlease report this as a bug.`;
}

if (import.meta.main) {
  Deno.exitCode = await main(Deno.args);
}
