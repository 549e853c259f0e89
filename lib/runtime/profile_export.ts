/**
 * A GasProfile in the formats other tools read (spec/PROFILE.md §3): the
 * speedscope file format (one evented profile per exported function, gas
 * on the value axis, unit "none" with "gas" in the profile's name, since
 * the format has no gas unit), folded stacks (`a;b;c gas` lines, as
 * flamegraph tools read them) and plain JSON. Pure functions of the
 * profile: the CLI writes what they return.
 */

import type { GasProfile } from "./profile.ts";

/** Where the profiled source lives, for frame locations. */
export interface ProfileSource {
  /** The source file's path as the user knows it. */
  readonly file: string;
}

/** The speedscope document of `profile`. */
export function speedscopeProfile(
  profile: GasProfile,
  name: string,
  source: ProfileSource | null = null,
): unknown {
  return {
    $schema: "https://www.speedscope.app/file-format-schema.json",
    name,
    exporter: "animica-vm",
    activeProfileIndex: 0,
    shared: {
      frames: profile.frames.map((frame) => ({
        name: frame.name,
        ...(source === null || frame.line === 0 ? {} : { file: source.file, line: frame.line }),
      })),
    },
    profiles: profile.functions.map((fn) => ({
      type: "evented",
      name: `${fn.name} (gas, ${fn.stats.calls} ${fn.stats.calls === 1 ? "call" : "calls"})`,
      unit: "none",
      startValue: 0,
      endValue: fn.events.at(-1)?.at ?? 0,
      events: fn.events.map((event) => ({ type: event.type, frame: event.frame, at: event.at })),
    })),
  };
}

/** Folded stacks of every function: one `frame;frame;... gas` line per stack. */
export function foldedStacks(profile: GasProfile): string {
  const lines: string[] = [];
  for (const fn of profile.functions) {
    for (const [stack, gas] of fn.stacks) lines.push(`${stack.replaceAll(" ", "_")} ${gas}`);
  }
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}

/** `profile` as plain JSON (maps as objects, rows as arrays). */
export function profileJson(profile: GasProfile): { readonly functions: readonly unknown[] } {
  return {
    functions: profile.functions.map((fn) => ({
      name: fn.name,
      stats: fn.stats,
      lines: fn.lines,
      hosts: fn.hosts,
      frames: fn.frames,
      stacks: Object.fromEntries(fn.stacks),
    })),
  };
}
