/**
 * `compile`, `inspect` and `estimate`: source to IR bytes (written
 * atomically), IR (or source) to disassembly, and static gas bounds.
 */

import { dirname, join } from "node:path";
import {
  checkManifestAgainstSource,
  compileContract,
  type CompiledContract,
  disassemble,
  disassembleJson,
  estimateGas,
  formatDiagnostic,
  loadModule,
  parseContract,
  SourceText,
  toHex,
  ValidationError,
} from "../mod.ts";
import { loadValidManifest, parseOptions, readInputFile, UsageError } from "./common.ts";

interface CompileInput {
  readonly sourcePath: string;
  readonly compiled: CompiledContract;
  readonly text: string;
}

/** Compiles FILE or a manifest's entry; prints diagnostics and returns null when rejected. */
async function compileFrom(
  positionals: readonly string[],
  manifestPath: string | undefined,
): Promise<CompileInput | null> {
  let sourcePath: string;
  let exports: readonly string[] | null = null;
  let checkAgainst: ((text: string) => string[]) | null = null;
  if (manifestPath !== undefined) {
    const loaded = await loadValidManifest(manifestPath);
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
    return { sourcePath, compiled, text };
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const source = new SourceText(sourcePath, text);
    for (const diagnostic of error.diagnostics) console.log(formatDiagnostic(diagnostic, source));
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
    throw new UsageError(
      `cannot write '${path}': ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** `compile FILE | --manifest M [--out F.ir]`. */
export async function compileCommand(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    manifest: { type: "string" },
    out: { type: "string" },
  });
  const input = await compileFrom(positionals, values.manifest as string | undefined);
  if (input === null) return 1;
  const { compiled } = input;
  if (typeof values.out === "string") await writeAtomically(values.out, compiled.bytes);
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
  const { values, positionals } = parseOptions(args, { json: { type: "boolean" } });
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
  const { values, positionals } = parseOptions(args, {
    manifest: { type: "string" },
    json: { type: "boolean" },
  });
  const input = await compileFrom(positionals, values.manifest as string | undefined);
  if (input === null) return 1;
  const estimates = estimateGas(input.compiled);
  if (values.json === true) {
    console.log(JSON.stringify(Object.fromEntries(estimates), null, 2));
    return 0;
  }
  const width = Math.max(8, ...[...estimates.keys()].map((name) => name.length));
  for (const [name, estimate] of estimates) {
    const text = estimate.kind === "exact"
      ? `exactly ${estimate.gas}`
      : estimate.kind === "bounded"
      ? `at most ${estimate.max}`
      : `unbounded: ${estimate.reason}`;
    console.log(`${name.padEnd(width)}  ${text}`);
  }
  return 0;
}
