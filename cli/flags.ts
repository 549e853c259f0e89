/**
 * Strict parsing of one command line against declared flags, with the
 * rules and messages of node:util's parseArgs in strict mode with
 * positionals allowed (which the CLI used before; this module keeps Deno's
 * Node compatibility layer out of start-up, spec/RUNTIME.md §8):
 *
 * - `--` ends the flags; `-` alone is a positional; so is anything not
 *   starting with `-`.
 * - `--name=value` gives a value inline; `--name` of a string flag takes
 *   the next argument whatever it is, and refuses it (as ambiguous) when it
 *   starts with `-` and is longer than one character.
 * - `-x` is a short flag; `-xyz` whose first letter is not a string flag
 *   is `-x -y -z`, except that a string flag before the end takes the rest
 *   as its inline value (`-jovalue` is `-j -ovalue`); `-ovalue` of a string
 *   flag `o` is that flag with the value `value`.
 * - A repeated flag keeps its last value; a boolean flag given a value, a
 *   string flag without one and an undeclared flag are FlagErrors.
 *
 * tests/cli_flags_test.ts checks results and messages against parseArgs.
 */

/** A declared flag. */
export interface FlagSpec {
  readonly type: "string" | "boolean";
  readonly short?: string;
}

/** A command line that breaks the rules above. */
export class FlagError extends Error {
  override name = "FlagError";
}

/** Flag values by long name, and the positional arguments in order. */
export interface ParsedFlags {
  readonly values: Record<string, string | boolean>;
  readonly positionals: string[];
}

/** One flag as written: its long name, how it was written, and its value if any. */
interface FlagUse {
  readonly name: string;
  readonly raw: string;
  readonly value: string | undefined;
  readonly inline: boolean;
}

/** Parses `args` against `specs` (see the file header). */
export function parseFlags(
  args: readonly string[],
  specs: Readonly<Record<string, FlagSpec>>,
): ParsedFlags {
  const longOf = (letter: string) =>
    Object.keys(specs).find((name) => specs[name]?.short === letter) ?? letter;
  const isString = (name: string) => Object.hasOwn(specs, name) && specs[name]?.type === "string";
  const values: Record<string, string | boolean> = {};
  let positionals: string[] = [];
  // Arguments are read by index, a group's letters first (a group's letters are never a group):
  // linear in the length of the command line.
  let group: string[] = [];
  let inGroup = 0;
  let next = 0;
  const take = () =>
    inGroup < group.length ? group[inGroup++] : next < args.length ? args[next++] : undefined;
  for (let arg = take(); arg !== undefined; arg = take()) {
    if (arg === "--") {
      positionals = positionals.concat(group.slice(inGroup), args.slice(next));
      break;
    }
    let use: FlagUse;
    if (arg.length === 2 && arg[0] === "-" && arg[1] !== "-") {
      const name = longOf(arg[1] as string);
      const value = isString(name) ? take() : undefined;
      use = { name, raw: arg, value, inline: false };
    } else if (arg.length > 2 && arg.startsWith("--")) {
      const equals = arg.indexOf("=", 3);
      use = equals === -1 ? { name: arg.slice(2), raw: arg, value: undefined, inline: false } : {
        name: arg.slice(2, equals),
        raw: arg.slice(0, equals),
        value: arg.slice(equals + 1),
        inline: true,
      };
      if (equals === -1 && isString(use.name)) use = { ...use, value: take() };
    } else if (arg.length > 2 && arg[0] === "-" && arg[1] !== "-") {
      const name = longOf(arg[1] as string);
      if (isString(name)) {
        use = { name, raw: arg.slice(0, 2), value: arg.slice(2), inline: true };
      } else {
        // A group: each letter a flag, until a string flag takes the rest as its value.
        const expanded: string[] = [];
        for (let at = 1; at < arg.length; at++) {
          const letter = arg[at] as string;
          if (!isString(longOf(letter)) || at === arg.length - 1) expanded.push(`-${letter}`);
          else {
            expanded.push(`-${arg.slice(at)}`);
            break;
          }
        }
        group = expanded;
        inGroup = 0;
        continue;
      }
    } else {
      positionals.push(arg);
      continue;
    }
    values[use.name] = check(use, specs);
  }
  return { values, positionals };
}

/** The value a flag use stores, or the FlagError parseArgs gives for it. */
function check(use: FlagUse, specs: Readonly<Record<string, FlagSpec>>): string | boolean {
  const spec = Object.hasOwn(specs, use.name) ? specs[use.name] : undefined;
  if (spec === undefined) throw new FlagError(`Unknown option '${use.raw}'.`);
  const both = spec.short === undefined ? `--${use.name}` : `-${spec.short}, --${use.name}`;
  if (spec.type === "boolean") {
    if (use.value !== undefined) throw new FlagError(`Option '${both}' does not take an argument`);
    return true;
  }
  if (use.value === undefined) throw new FlagError(`--${use.name} needs a value`);
  if (!use.inline && use.value.length > 1 && use.value.startsWith("-")) {
    if (use.raw.startsWith("--")) {
      throw new FlagError(
        `--${use.name} needs a value; to pass one that starts with '-', write --${use.name}=VALUE`,
      );
    }
    throw new FlagError(
      `Option '${use.raw}' argument is ambiguous.\nDid you forget to specify the option ` +
        `argument for '${use.raw}'?\nTo specify an option argument starting with a dash use ` +
        `'--${use.name}=-XYZ' or '${use.raw}-XYZ'.`,
    );
  }
  return use.value;
}
