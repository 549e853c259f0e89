/**
 * Shared plumbing of the CLI commands: the usage error (exit 2), option
 * parsing over node:util parseArgs, and reading input files with messages
 * a person can act on. The only place besides commands that does I/O.
 */

import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { type Manifest, ManifestError, parseManifest } from "../mod.ts";

/** A usage or input problem: printed on stderr, exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** Option specification, as node:util parseArgs takes it. */
export type OptionSpec = Record<string, { type: "string" | "boolean"; short?: string }>;

/** Parses `args` strictly; unknown options and missing values are UsageErrors. */
export function parseOptions(args: readonly string[], options: OptionSpec): {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
} {
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      options,
      allowPositionals: true,
      strict: true,
    });
    return { values: values as Record<string, string | boolean | undefined>, positionals };
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** A required string option, or a UsageError naming it. */
export function requireOption(
  values: Record<string, string | boolean | undefined>,
  name: string,
): string {
  const value = values[name];
  if (typeof value !== "string" || value === "") throw new UsageError(`--${name} is required`);
  return value;
}

/** Reads a file, turning file-system failures into UsageErrors. */
export async function readInputFile(path: string): Promise<Uint8Array> {
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

/** A manifest file read and validated, with its entry source path resolved. */
export interface LoadedManifest {
  readonly path: string;
  readonly manifest: Manifest;
  /** Path of the contract source (entry, relative to the manifest). */
  readonly entryPath: string;
}

/** Reads and parses a manifest; JSON syntax errors are UsageErrors, schema problems ManifestErrors. */
export async function loadManifest(path: string): Promise<LoadedManifest> {
  const text = new TextDecoder().decode(await readInputFile(path));
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(
      `'${path}' is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const manifest = parseManifest(json);
  return { path, manifest, entryPath: join(dirname(path), manifest.entry) };
}

/** Like {@link loadManifest}, but an invalid manifest is a UsageError listing its problems. */
export async function loadValidManifest(path: string): Promise<LoadedManifest> {
  try {
    return await loadManifest(path);
  } catch (error) {
    if (!(error instanceof ManifestError)) throw error;
    throw new UsageError(["the manifest is invalid:", ...manifestLines(path, error)].join("\n  "));
  }
}

/** Human lines for manifest problems: `file: path: message`. */
export function manifestLines(path: string, error: ManifestError): string[] {
  return error.problems.map((p) => `${path}: ${p.path === "" ? "" : `${p.path}: `}${p.message}`);
}
