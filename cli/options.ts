/**
 * Command descriptions and option parsing of the CLI: each command declares
 * its usage, flags (with a line of help each) and examples once, and this
 * module turns that declaration into `--help` text, strict parsing (./flags.ts),
 * and "did you mean" suggestions for unknown flags.
 * It prints nothing; the front end (cli.ts) prints what it throws.
 */

import { FlagError, type FlagSpec, parseFlags } from "./flags.ts";

/** One flag of a command. */
export interface OptionInfo {
  readonly type: "string" | "boolean";
  /** One-letter alias (`-j` for `--json`). */
  readonly short?: string;
  /** Placeholder of the value in help text (`PATH`, `N`). */
  readonly value?: string;
  readonly description: string;
}

/** A command or subcommand as the CLI documents and parses it. */
export interface CommandInfo {
  /** Words after `animica-vm` (`"run"`, `"abi encode"`). */
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** Usage lines without the leading `animica-vm `. */
  readonly usage: readonly string[];
  readonly options: Readonly<Record<string, OptionInfo>>;
  /** Example invocations without the leading `animica-vm `. */
  readonly examples: readonly string[];
  /** Extra paragraphs shown under the usage. */
  readonly details?: string;
}

/** A usage problem (bad flag, missing argument): exit 2, with a pointer to the command's help. */
export class UsageError extends Error {
  override name = "UsageError";
  /** The command whose help the message points to (`"run"`, `"abi encode"`), or "" for the tool. */
  command = "";
}

/** A problem with the user's input or files (not their usage): exit 2, no pointer to the help. */
export class InputError extends Error {
  override name = "InputError";
}

/** Thrown when the user asked for a command's help; the front end prints it and exits 0. */
export class HelpRequest extends Error {
  override name = "HelpRequest";
  constructor(readonly info: CommandInfo) {
    super(`help for ${info.name}`);
  }
}

const HELP_OPTION: OptionInfo = { type: "boolean", short: "h", description: "show this help" };

/** One usage line as printed: `  animica-vm ...`, continuation lines (indented) aligned under it. */
export function usageLine(usage: string): string {
  return usage.startsWith(" ") ? `             ${usage}` : `  animica-vm ${usage}`;
}

/** The `--help` text of a command: usage, description, flags and examples. */
export function formatHelp(info: CommandInfo): string {
  const lines = [`${info.summary}`, "", "Usage:"];
  for (const usage of info.usage) lines.push(usageLine(usage));
  if (info.details !== undefined) lines.push("", info.details);
  const flags = Object.entries({ ...info.options, help: HELP_OPTION }).map(([name, option]) => {
    const short = option.short === undefined ? "    " : `-${option.short}, `;
    const value = option.type === "string" ? ` ${option.value ?? "VALUE"}` : "";
    return [`${short}--${name}${value}`, option.description] as const;
  });
  const width = Math.max(...flags.map(([flag]) => flag.length));
  lines.push("", "Options:");
  for (const [flag, description] of flags) lines.push(`  ${flag.padEnd(width)}  ${description}`);
  if (info.examples.length > 0) {
    lines.push("", "Examples:");
    for (const example of info.examples) lines.push(`  animica-vm ${example}`);
  }
  return lines.join("\n");
}

/** Edit distance between two short strings (insertions, deletions, substitutions). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The candidate closest to `word`, when it is close enough to be a likely typo. */
export function closest(word: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = candidate.startsWith(word) && word.length >= 2
      ? 1
      : editDistance(word, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : null;
}

/** `" (did you mean 'x'?)"` or "". */
export function didYouMean(word: string, candidates: readonly string[], prefix = ""): string {
  const match = closest(word, candidates);
  return match === null ? "" : `; did you mean '${prefix}${match}'?`;
}

function usageError(info: CommandInfo, message: string): UsageError {
  const error = new UsageError(message);
  error.command = info.name;
  return error;
}

/** Flags before `--` that the command does not declare, as a usage error with a suggestion. */
function checkFlags(args: readonly string[], info: CommandInfo): void {
  const names = Object.keys(info.options);
  const shorts = Object.values(info.options).map((option) => option.short);
  let expectsValue = false;
  for (const arg of args) {
    if (arg === "--") return;
    if (expectsValue) {
      expectsValue = false;
      continue;
    }
    if (arg === "--help" || arg === "-h") throw new HelpRequest(info);
    if (arg.startsWith("--")) {
      const name = arg.slice(2).split("=")[0] ?? "";
      const option = Object.hasOwn(info.options, name) ? info.options[name] : undefined;
      if (option === undefined) {
        throw usageError(
          info,
          `Unknown option '--${name}' for '${info.name}'${didYouMean(name, names, "--")}`,
        );
      }
      expectsValue = option.type === "string" && !arg.includes("=");
    } else if (/^-[A-Za-z]/.test(arg)) {
      const letter = arg.slice(1, 2);
      if (!shorts.includes(letter)) {
        throw usageError(info, `Unknown option '-${letter}' for '${info.name}'`);
      }
    }
  }
}

/** Option values and positional arguments of one command line. */
export interface ParsedOptions {
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
  readonly positionals: readonly string[];
}

/**
 * Parses `args` against the command's declared flags. `--help`/`-h` throws a
 * HelpRequest; unknown flags, missing values and repeated ones are UsageErrors.
 */
export function parseOptions(args: readonly string[], info: CommandInfo): ParsedOptions {
  checkFlags(args, info);
  const specs: Record<string, FlagSpec> = {};
  for (const [name, option] of Object.entries(info.options)) {
    specs[name] = option.short === undefined
      ? { type: option.type }
      : { type: option.type, short: option.short };
  }
  try {
    return parseFlags(args, specs);
  } catch (error) {
    if (error instanceof FlagError) throw usageError(info, error.message);
    throw error;
  }
}

/** A required string option, or a UsageError naming it. */
export function requireOption(
  info: CommandInfo,
  values: Readonly<Record<string, string | boolean | undefined>>,
  name: string,
): string {
  const value = values[name];
  if (typeof value !== "string" || value === "") {
    throw usageError(info, `--${name} is required`);
  }
  return value;
}

/**
 * Runs the subcommand `argv[0]` of `info`'s command with the rest of
 * `argv`: help for none, `--help`, `-h` or `help`, a UsageError with a
 * suggestion for one `runners` does not have.
 */
export async function runSubcommand(
  info: CommandInfo,
  runners: Readonly<Record<string, (argv: readonly string[]) => Promise<number>>>,
  argv: readonly string[],
): Promise<number> {
  const [subcommand, ...rest] = argv;
  if (subcommand === undefined || ["--help", "-h", "help"].includes(subcommand)) {
    throw new HelpRequest(info);
  }
  const runner = Object.hasOwn(runners, subcommand) ? runners[subcommand] : undefined;
  if (runner === undefined) {
    const hint = didYouMean(subcommand, Object.keys(runners));
    throw misuse(info, `no ${info.name} subcommand '${subcommand}'${hint}`);
  }
  return await runner(rest);
}

/** A UsageError pointing to `info`'s help. */
export function misuse(info: CommandInfo, message: string): UsageError {
  return usageError(info, message);
}
