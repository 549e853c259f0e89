/**
 * `manifest FILE.py` and `manifest convert M`: writing manifests. The first
 * derives a manifest from a contract's annotations (lib/compile/
 * abi_from_source.ts); the second rewrites an upstream-shape manifest in
 * our form (lib/abi/upstream.ts). Both print the manifest JSON, or write it
 * with --out, and check it with the same parser every command uses.
 */

import { basename, dirname, relative, resolve } from "./paths.ts";
import { formatDiagnostic, ManifestError, parseManifest } from "../mod.ts";
import { convertUpstream, isUpstreamManifest } from "../abi.ts";
import { deriveAbi, validate } from "../validate.ts";
import { forStdout } from "./color.ts";
import { fileProblem, manifestLines, readInputFile } from "./common.ts";
import {
  type CommandInfo,
  didYouMean,
  HelpRequest,
  InputError,
  misuse,
  parseOptions,
} from "./options.ts";

const OUT_OPTION = {
  type: "string",
  value: "M",
  description: "write the manifest to M (refuses to overwrite) instead of printing it",
} as const;

/** `manifest FILE.py`: usage, flags and examples. */
export const MANIFEST_DERIVE: CommandInfo = {
  name: "manifest",
  summary: "Write a manifest for a contract from its type annotations and events.emit calls",
  usage: ["manifest FILE.py [--name N] [--version V] [--out M]", "manifest convert M [--out M2]"],
  options: {
    name: { type: "string", value: "N", description: "contract name (default: the file's name)" },
    version: { type: "string", value: "V", description: "contract version (default: 0.1.0)" },
    out: OUT_OPTION,
  },
  examples: [
    "manifest counter.py --out manifest.json",
    "manifest convert upstream/manifest.json --out manifest.json",
  ],
  details: [
    "Functions: every module-level def not starting with _, with its parameter names and the ABI",
    "types of its annotations (int, bool, bytes, str, list[T], tuple[T, ...]); -> None means no",
    'outputs. Events: every events.emit(b"Name", {"key": value}) whose name and keys are',
    "literals, typed from parameters, literals and annotated names. Caps: the syscalls called.",
    'Review the result: a bytes parameter that holds an address should say "address".',
    "Exit status: 0 written, 1 something could not be derived (each listed), 2 bad usage or input.",
  ].join("\n"),
};

/** `manifest convert`: usage, flags and examples. */
export const MANIFEST_CONVERT: CommandInfo = {
  name: "manifest convert",
  summary: "Rewrite an upstream Animica manifest (manifestVersion, source, uint256...) in our form",
  usage: ["manifest convert M [--out M2]"],
  options: { out: OUT_OPTION },
  examples: ["manifest convert upstream/manifest.json --out manifest.json"],
  details: [
    "Sized types keep their meaning as checks: uint64 becomes int with a range, bytes32 bytes",
    "with a length (function inputs), string becomes str, T[] list<T>; dotted caps (blob.pin)",
    "become blob_pin; resources.limits become resources. Dropped fields are listed on stderr.",
    "Every command also reads upstream manifests directly; convert shows the form they mean.",
    "Exit status: 0 converted, 1 a field cannot map (each listed), 2 bad usage or input.",
  ].join("\n"),
};

/** `manifest`: both forms. */
export const MANIFEST: CommandInfo = MANIFEST_DERIVE;

/** The manifest subcommands by name (for `help manifest SUB`). */
export const MANIFEST_SUBCOMMANDS: Readonly<Record<string, CommandInfo>> = {
  convert: MANIFEST_CONVERT,
};

/** Runs `manifest ...`; returns the exit code. */
export async function manifestCommand(argv: readonly string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === "convert") return await convert(rest);
  if (first === "help") throw new HelpRequest(MANIFEST);
  return await derive(argv);
}

async function derive(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseOptions(argv, MANIFEST_DERIVE);
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0) {
    const hint = file !== undefined && !file.endsWith(".py")
      ? didYouMean(file, Object.keys(MANIFEST_SUBCOMMANDS))
      : "";
    throw misuse(MANIFEST_DERIVE, `give one contract FILE.py${hint}`);
  }
  const result = validate(await readInputFile(file), file);
  if (!result.ok) {
    for (const diagnostic of result.diagnostics) {
      console.error(forStdout(formatDiagnostic(diagnostic, result.source)));
    }
    return 1;
  }
  const derived = deriveAbi(result.module, result.source);
  if (derived.problems.length > 0) {
    for (const p of derived.problems) console.error(`${file}:${p.line}:${p.column}: ${p.message}`);
    return 1;
  }
  const out = typeof values.out === "string" ? values.out : null;
  const entry = out === null ? basename(file) : relative(dirname(resolve(out)), resolve(file));
  const name = typeof values.name === "string"
    ? values.name
    : basename(file).replace(/\.py$/, "").toLowerCase().replace(/[^a-z0-9_-]+/g, "-");
  const manifest: Record<string, unknown> = {
    name,
    version: typeof values.version === "string" ? values.version : "0.1.0",
    entry,
    abi: derived.abi,
  };
  if (derived.caps.length > 0) manifest.caps = derived.caps;
  return await emit(manifest, out);
}

async function convert(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseOptions(argv, MANIFEST_CONVERT);
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0) {
    throw misuse(MANIFEST_CONVERT, "give one upstream manifest file");
  }
  const text = new TextDecoder().decode(await readInputFile(file));
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError(
      `'${file}' is not valid JSON: ${error instanceof Error ? error.message : error}`,
    );
  }
  if (!isUpstreamManifest(json)) {
    throw new InputError(`'${file}' is already in our form (it has no upstream field)`);
  }
  const converted = convertUpstream(json);
  for (const note of converted.notes) console.error(`${file}: ${note.path}: ${note.message}`);
  if (converted.problems.length > 0) {
    for (const line of manifestLines(file, new ManifestError(converted.problems))) {
      console.error(line);
    }
    return 1;
  }
  const out = typeof values.out === "string" ? values.out : null;
  return await emit(converted.manifest, out, file);
}

/** Checks the manifest with the common parser, then prints it or writes it to `out`. */
async function emit(
  manifest: { readonly [key: string]: unknown },
  out: string | null,
  what = "the derived manifest",
): Promise<number> {
  try {
    parseManifest(manifest);
  } catch (error) {
    if (!(error instanceof ManifestError)) throw error;
    for (const line of manifestLines(what, error)) console.error(line);
    return 1;
  }
  const text = JSON.stringify(manifest, null, 2) + "\n";
  if (out === null) {
    console.log(text.trimEnd());
    return 0;
  }
  try {
    await Deno.writeTextFile(out, text, { createNew: true });
  } catch (error) {
    throw new InputError(`cannot write '${out}': ${fileProblem(error) ?? String(error)}`);
  }
  console.error(`wrote ${out}`);
  return 0;
}
