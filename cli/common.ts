/**
 * Shared plumbing of the CLI commands: reading input files and manifests
 * with messages a person can act on (InputError, exit 2). The only place
 * besides commands that does I/O.
 */

import { dirname, join, resolve } from "./paths.ts";
import { parseManifest } from "../lib/abi/api.ts";
import type { Manifest } from "../lib/abi/manifest.ts";
import { ManifestError } from "../lib/errors.ts";
import { InputError } from "./options.ts";

/**
 * What went wrong with a file, in words ("no such file", "permission
 * denied", "read-only file system"...), or null when `error` is not a
 * file-system error.
 */
export function fileProblem(error: unknown): string | null {
  if (error instanceof Deno.errors.NotFound) return "no such file";
  if (error instanceof Deno.errors.PermissionDenied) return "permission denied";
  if (error instanceof Deno.errors.NotCapable) {
    return "not allowed (run with --allow-read/--allow-write)";
  }
  if (error instanceof Deno.errors.IsADirectory) return "is a directory";
  if (error instanceof Deno.errors.NotADirectory) return "a parent is not a directory";
  if (error instanceof Deno.errors.AlreadyExists) return "already exists";
  if (!(error instanceof Error)) return null;
  if (/read-only file system|os error 30/i.test(error.message)) return "read-only file system";
  if (/readonly database/i.test(error.message)) return "the file is read-only";
  if (/no space left|os error 28/i.test(error.message)) return "no space left on the device";
  return null;
}

/** Reads a file, turning file-system failures into InputErrors. */
export async function readInputFile(path: string): Promise<Uint8Array> {
  try {
    return await Deno.readFile(path);
  } catch (error) {
    const reason = fileProblem(error) ?? (error instanceof Error ? error.message : String(error));
    throw new InputError(`cannot read '${path}': ${reason}`);
  }
}

/**
 * Reads at most `cap` bytes of a file (or device, pipe): one byte more is
 * an InputError, so an endless input (`/dev/zero`) or a huge file is
 * refused without being held in memory. File-system failures are
 * InputErrors as in {@link readInputFile}.
 */
export async function readCappedFile(path: string, cap: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    using file = await Deno.open(path);
    const buffer = new Uint8Array(64 * 1024);
    for (;;) {
      const read = await file.read(buffer);
      if (read === null) break;
      size += read;
      if (size > cap) throw new InputError(`'${path}' is over the ${cap}-byte cap`);
      chunks.push(buffer.slice(0, read));
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    const reason = fileProblem(error) ?? (error instanceof Error ? error.message : String(error));
    throw new InputError(`cannot read '${path}': ${reason}`);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

/**
 * Writes `bytes` to a new file at `path` (or over it with `force`); file
 * problems are InputErrors, an existing file one that suggests --force.
 */
export async function writeNewFile(path: string, bytes: Uint8Array, force: boolean): Promise<void> {
  try {
    await Deno.writeFile(path, bytes, { createNew: !force });
  } catch (error) {
    const problem = fileProblem(error) ?? (error instanceof Error ? error.message : String(error));
    const hint = error instanceof Deno.errors.AlreadyExists ? " (use --force to overwrite)" : "";
    throw new InputError(`cannot write '${path}': ${problem}${hint}`);
  }
}

/** A manifest file read and validated, with its entry source path resolved. */
export interface LoadedManifest {
  readonly path: string;
  readonly manifest: Manifest;
  /** Path of the contract source (entry, relative to the manifest). */
  readonly entryPath: string;
}

/** Reads and parses a manifest; JSON syntax errors are InputErrors, schema problems ManifestErrors. */
export async function loadManifest(path: string): Promise<LoadedManifest> {
  const text = new TextDecoder().decode(await readInputFile(path));
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError(
      `'${path}' is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const manifest = parseManifest(json);
  return { path, manifest, entryPath: join(dirname(path), manifest.entry) };
}

/** Like {@link loadManifest}, but an invalid manifest is an InputError listing its problems. */
export async function loadValidManifest(path: string): Promise<LoadedManifest> {
  try {
    return await loadManifest(path);
  } catch (error) {
    if (!(error instanceof ManifestError)) throw error;
    throw new InputError(["the manifest is invalid:", ...manifestLines(path, error)].join("\n  "));
  }
}

/** Human lines for manifest problems: `file: path: message`. */
export function manifestLines(path: string, error: ManifestError): string[] {
  return error.problems.map((p) => `${path}: ${p.path === "" ? "" : `${p.path}: `}${p.message}`);
}

/** Files beside a state file that belong to it (SQLite's journal and WAL, the lock, temp files). */
const STATE_SIDECARS = ["", "-wal", "-shm", "-journal", ".lock"];

function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  try {
    const [x, y] = [Deno.statSync(a), Deno.statSync(b)];
    return x.dev === y.dev && x.ino !== null && x.ino === y.ino;
  } catch {
    return false;
  }
}

/**
 * Refuses an output file (`flag`'s value) that names a file the command
 * reads or keeps: the state file (or a file beside it that belongs to it),
 * the manifest, the contract source or the args file. Writing such a file
 * would destroy the input (a trace written over the open state database
 * corrupts it), so it is an InputError before anything is written.
 */
export function checkOutputPath(
  flag: string,
  output: string,
  state: string | null,
  inputs: readonly (string | null)[],
): void {
  const kept = [
    ...(state === null ? [] : STATE_SIDECARS.map((suffix) => `${state}${suffix}`)),
    ...inputs.filter((path) => path !== null),
  ];
  const clash = kept.find((path) => sameFile(output, path));
  if (clash !== undefined) {
    throw new InputError(`${flag} '${output}' would overwrite '${clash}', which the command reads`);
  }
}
