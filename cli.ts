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
import { AnimicaError } from "./lib/errors.ts";
import { fileProblem } from "./cli/common.ts";
import {
  type CommandInfo,
  didYouMean,
  formatHelp,
  HelpRequest,
  InputError,
  UsageError,
  usageLine,
} from "./cli/options.ts";

/** The version of this package (from deno.json). */
export const VERSION: string = denoConfig.version;

/** A command as its module gives it: help, subcommands' help, and what runs it. */
interface Command {
  readonly info: CommandInfo;
  readonly subcommands: Readonly<Record<string, CommandInfo>> | null;
  readonly run: (args: readonly string[]) => Promise<number>;
}

/**
 * The commands in help order, each with the loader of its module: a
 * command's module graph (compiler, chain, SQLite, keys...) is imported only
 * when that command runs or its help is printed, so that `run` starts
 * without the code of the others. The specifiers are string literals, so
 * `deno bundle` and `deno compile` include every module.
 */
const COMMANDS: readonly { readonly name: string; readonly load: () => Promise<Command> }[] = [
  {
    name: "validate",
    load: async () => {
      const { VALIDATE, validateCommand } = await import("./cli/validate.ts");
      return { info: VALIDATE, subcommands: null, run: validateCommand };
    },
  },
  {
    name: "compile",
    load: async () => {
      const { COMPILE, compileCommand } = await import("./cli/compile.ts");
      return { info: COMPILE, subcommands: null, run: compileCommand };
    },
  },
  {
    name: "inspect",
    load: async () => {
      const { INSPECT, inspectCommand } = await import("./cli/compile.ts");
      return { info: INSPECT, subcommands: null, run: inspectCommand };
    },
  },
  {
    name: "estimate",
    load: async () => {
      const { ESTIMATE, estimateCommand } = await import("./cli/compile.ts");
      return { info: ESTIMATE, subcommands: null, run: estimateCommand };
    },
  },
  {
    name: "deploy",
    load: async () => {
      const { DEPLOY, deployCommand } = await import("./cli/deploy.ts");
      return { info: DEPLOY, subcommands: null, run: deployCommand };
    },
  },
  {
    name: "run",
    load: async () => {
      const { RUN, runCommand } = await import("./cli/run.ts");
      return { info: RUN, subcommands: null, run: runCommand };
    },
  },
  {
    name: "profile",
    load: async () => {
      const { PROFILE, profileCommand } = await import("./cli/profile.ts");
      return { info: PROFILE, subcommands: null, run: profileCommand };
    },
  },
  {
    name: "state",
    load: async () => {
      const { STATE, STATE_SUBCOMMANDS, stateCommand } = await import("./cli/state.ts");
      return { info: STATE, subcommands: STATE_SUBCOMMANDS, run: stateCommand };
    },
  },
  {
    name: "abi",
    load: async () => {
      const { ABI, ABI_SUBCOMMANDS, abiCommand } = await import("./cli/abi.ts");
      return { info: ABI, subcommands: ABI_SUBCOMMANDS, run: abiCommand };
    },
  },
  {
    name: "manifest",
    load: async () => {
      const { MANIFEST, MANIFEST_SUBCOMMANDS, manifestCommand } = await import("./cli/manifest.ts");
      return { info: MANIFEST, subcommands: MANIFEST_SUBCOMMANDS, run: manifestCommand };
    },
  },
  {
    name: "init",
    load: async () => {
      const { INIT, initCommand } = await import("./cli/init.ts");
      return { info: INIT, subcommands: null, run: initCommand };
    },
  },
  {
    name: "key",
    load: async () => {
      const { KEY, KEY_SUBCOMMANDS, keyCommand } = await import("./cli/key.ts");
      return { info: KEY, subcommands: KEY_SUBCOMMANDS, run: keyCommand };
    },
  },
  {
    name: "tx",
    load: async () => {
      const { TX, TX_SUBCOMMANDS, txCommand } = await import("./cli/tx.ts");
      return { info: TX, subcommands: TX_SUBCOMMANDS, run: txCommand };
    },
  },
  {
    name: "block",
    load: async () => {
      const { BLOCK, BLOCK_SUBCOMMANDS, blockCommand } = await import("./cli/block.ts");
      return { info: BLOCK, subcommands: BLOCK_SUBCOMMANDS, run: blockCommand };
    },
  },
];

const COMMAND_NAMES = COMMANDS.map(({ name }) => name);

/** The tool's usage: every command's usage lines and summary (so every command's module). */
async function usage(): Promise<string> {
  const commands = await Promise.all(COMMANDS.map(({ load }) => load()));
  const lines = [
    `animica-vm ${VERSION} — deterministic, gas-metered VM for Python smart contracts`,
    "",
    "Usage:",
  ];
  for (const { info } of commands) {
    for (const line of info.usage) lines.push(usageLine(line));
  }
  lines.push("  animica-vm help [COMMAND] | --version", "", "Commands:");
  const width = Math.max(...commands.map(({ info }) => info.name.length));
  for (const { info } of commands) lines.push(`  ${info.name.padEnd(width)}  ${info.summary}`);
  lines.push(
    "",
    "Run 'animica-vm COMMAND --help' (or 'animica-vm help COMMAND') for its flags and examples.",
    "Exit status: 0 ok, 1 contract, manifest or call rejected, 2 bad usage or input.",
  );
  return lines.join("\n");
}

/** The help text for `help WORDS...`, or a UsageError naming what is unknown. */
async function helpFor(words: readonly string[]): Promise<string> {
  const [name, sub] = words;
  if (name === undefined) return await usage();
  const entry = COMMANDS.find((command) => command.name === name);
  if (entry === undefined) {
    throw new UsageError(`no command '${name}'${didYouMean(name, COMMAND_NAMES)}`);
  }
  const { info, subcommands } = await entry.load();
  if (subcommands === null || sub === undefined) return formatHelp(info);
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
      console.error(await usage());
      return 2;
    case "help":
    case "-h":
    case "--help":
      console.log(await helpFor(rest));
      return 0;
    case "version":
    case "--version":
    case "-V":
      console.log(VERSION);
      return 0;
  }
  const entry = COMMANDS.find(({ name }) => name === command);
  if (entry === undefined) {
    const hint = command.startsWith("-")
      ? `unknown option '${command}' (options go after the command)`
      : `unknown command '${command}'${didYouMean(command, COMMAND_NAMES)}`;
    throw new UsageError(hint);
  }
  const found = await entry.load();
  // `run` loads the post-quantum schemes itself, only when its contract may call pq_verify, and the
  // compiler only when the IR cache does not serve its contract; every other command loads both
  // first (simpler than tracking which of them sign, verify, compile or run code).
  if (entry.name !== "run") {
    await import("./lib/pq_noble.ts");
    await import("./lib/compile/compile.ts");
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
