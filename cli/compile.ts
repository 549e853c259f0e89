/**
 * `compile`, `inspect` and `estimate`: source to IR bytes (written
 * atomically), IR (or source) to disassembly, and static gas bounds.
 */

import { dirname, join } from "./paths.ts";
import { formatDiagnostic, SourceText, ValidationError } from "../mod.ts";
import { checkManifestAgainstSource, parseContract } from "../validate.ts";
import { type Manifest, toHex } from "../abi.ts";
import {
  compileContract,
  type CompiledContract,
  disassemble,
  disassembleJson,
  estimateGas,
  loadModule,
} from "../ir.ts";
import { forStdout } from "./color.ts";
import { fileProblem, loadValidManifest, readInputFile } from "./common.ts";
import { type CommandInfo, InputError, parseOptions, UsageError } from "./options.ts";

const MANIFEST_OPTION = {
  type: "string",
  value: "M",
  description: "compile the entry source of manifest M, exporting its functions",
} as const;

/** `compile`: usage, flags and examples. */
export const COMPILE: CommandInfo = {
  name: "compile",
  summary: "Compile a contract to IR; print its code hash and size",
  usage: ["compile FILE [--out F.ir] [--json]", "compile --manifest M [--out F.ir] [--json]"],
  options: {
    manifest: MANIFEST_OPTION,
    out: { type: "string", value: "F.ir", description: "write the IR bytes to F.ir (atomically)" },
    json: { type: "boolean", description: "print {codeHash, size, functions, exports, out}" },
  },
  examples: ["compile --manifest examples/counter/manifest.json --out counter.ir"],
};

/** `inspect`: usage, flags and examples. */
export const INSPECT: CommandInfo = {
  name: "inspect",
  summary: "Disassemble IR (or a .py source, with its source lines) with per-op gas",
  usage: ["inspect F.ir [--json]", "inspect FILE.py [--json]"],
  options: { json: { type: "boolean", description: "print the disassembly as JSON" } },
  examples: ["inspect counter.ir", "inspect examples/counter/counter.py"],
};

/** `estimate`: usage, flags and examples. */
export const ESTIMATE: CommandInfo = {
  name: "estimate",
  summary: "Print a static gas bound of each exported function (arguments typed by the manifest)",
  usage: ["estimate FILE [--json]", "estimate --manifest M [--json]"],
  options: {
    manifest: MANIFEST_OPTION,
    json: { type: "boolean", description: "print one JSON object keyed by function" },
  },
  examples: ["estimate examples/counter/counter.py"],
};

interface CompileInput {
  readonly sourcePath: string;
  readonly compiled: CompiledContract;
  readonly text: string;
  /** The manifest given with --manifest (null for a bare FILE). */
  readonly manifest: Manifest | null;
}

/** Compiles FILE or a manifest's entry; prints diagnostics and returns null when rejected. */
async function compileFrom(
  positionals: readonly string[],
  manifestPath: string | undefined,
): Promise<CompileInput | null> {
  let sourcePath: string;
  let exports: readonly string[] | null = null;
  let checkAgainst: ((text: string) => string[]) | null = null;
  let manifest: Manifest | null = null;
  if (manifestPath !== undefined) {
    const loaded = await loadValidManifest(manifestPath);
    manifest = loaded.manifest;
    sourcePath = loaded.entryPath;
    exports = loaded.manifest.functions.map((fn) => fn.name);
    checkAgainst = (text) =>
      checkManifestAgainstSource(loaded.manifest, parseContract(text, sourcePath)).errors
        .map((p) => `${manifestPath}: ${p.path}: ${p.message}`);
  } else {
    const [file, extra] = positionals;
    if (file === undefined) throw new UsageError("a FILE or --manifest is required");
    if (extra !== undefined) throw new UsageError(`unexpected argument '${extra}'`);
    sourcePath = file;
  }
  const bytes = await readInputFile(sourcePath);
  const text = new TextDecoder().decode(bytes);
  try {
    const compiled = compileContract(bytes, { file: sourcePath, exports });
    const problems = checkAgainst?.(text) ?? [];
    if (problems.length > 0) {
      for (const line of problems) console.log(line);
      return null;
    }
    return { sourcePath, compiled, text, manifest };
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const source = new SourceText(sourcePath, text);
    for (const diagnostic of error.diagnostics) {
      console.log(forStdout(formatDiagnostic(diagnostic, source)));
    }
    return null;
  }
}

/** Writes `bytes` to `path` through a temporary file and a rename. */
async function writeAtomically(path: string, bytes: Uint8Array): Promise<void> {
  const temporary = join(
    dirname(path),
    `.${path.split("/").pop() ?? "out"}.${crypto.randomUUID()}.tmp`,
  );
  try {
    await Deno.writeFile(temporary, bytes);
    await Deno.rename(temporary, path);
  } catch (error) {
    await Deno.remove(temporary).catch(() => undefined);
    const reason = fileProblem(error) ?? (error instanceof Error ? error.message : String(error));
    throw new InputError(`cannot write '${path}': ${reason}`);
  }
}

/** `compile FILE | --manifest M [--out F.ir]`. */
export async function compileCommand(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, COMPILE);
  const input = await compileFrom(
    positionals,
    typeof values.manifest === "string" ? values.manifest : undefined,
  );
  if (input === null) return 1;
  const { compiled } = input;
  if (typeof values.out === "string") await writeAtomically(values.out, compiled.bytes);
  if (values.json === true) {
    const output = {
      codeHash: toHex(compiled.codeHash),
      size: compiled.bytes.length,
      functions: compiled.module.functions.length,
      exports: compiled.module.exports.map((e) => e.name),
      out: typeof values.out === "string" ? values.out : null,
    };
    console.log(JSON.stringify(output, null, 2));
    return 0;
  }
  console.log(`code hash ${toHex(compiled.codeHash)}`);
  console.log(
    `size ${compiled.bytes.length} bytes, ${compiled.module.functions.length} functions, exports ${
      compiled.module.exports.map((e) => e.name).join(", ") || "(none)"
    }`,
  );
  if (typeof values.out === "string") console.log(`wrote ${values.out}`);
  return 0;
}

/** `inspect F.ir | FILE.py [--json]`. */
export async function inspectCommand(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, INSPECT);
  const [file] = positionals;
  if (file === undefined) throw new UsageError("inspect needs an .ir file (or a .py source)");
  if (file.endsWith(".py")) {
    const input = await compileFrom([file], undefined);
    if (input === null) return 1;
    if (values.json === true) {
      console.log(JSON.stringify(disassembleJson(input.compiled.verified), null, 2));
    } else {console.log(
        disassemble(input.compiled.verified, new SourceText(file, input.text)).trimEnd(),
      );}
    return 0;
  }
  const verified = loadModule(await readInputFile(file));
  if (values.json === true) console.log(JSON.stringify(disassembleJson(verified), null, 2));
  else console.log(disassemble(verified).trimEnd());
  return 0;
}

/** `estimate FILE | --manifest M [--json]`. */
export async function estimateCommand(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, ESTIMATE);
  const input = await compileFrom(
    positionals,
    typeof values.manifest === "string" ? values.manifest : undefined,
  );
  if (input === null) return 1;
  const estimates = estimateGas(input.compiled, input.manifest);
  if (values.json === true) {
    console.log(JSON.stringify(Object.fromEntries(estimates), null, 2));
    return 0;
  }
  const width = Math.max(8, ...[...estimates.keys()].map((name) => name.length));
  for (const [name, estimate] of estimates) {
    const text = estimate.kind === "exact"
      ? `exactly ${estimate.gas}`
      : estimate.kind === "bounded"
      ? `at most ${estimate.max}${
        estimate.dominant === "" ? "" : ` (largest term: ${estimate.dominant})`
      }`
      : `unbounded: ${estimate.reason}`;
    console.log(`${name.padEnd(width)}  ${text}`);
  }
  return 0;
}
