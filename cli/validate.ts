/**
 * `validate FILE... [--json]` and `validate --manifest M [--json]`: checks
 * contract sources against the subset and, with a manifest, the manifest
 * itself and its agreement with the source. Exit 1 when anything is
 * rejected; warnings alone keep exit 0.
 */

import { type Diagnostic, formatDiagnostic, ManifestError } from "../mod.ts";
import { checkManifestAgainstSource, validate, type ValidationResult } from "../validate.ts";
import { type ManifestProblem } from "../abi.ts";
import { forStdout } from "./color.ts";
import { loadManifest, manifestLines, readInputFile } from "./common.ts";
import { type CommandInfo, misuse, parseOptions } from "./options.ts";

/** `validate`: usage, flags and examples. */
export const VALIDATE: CommandInfo = {
  name: "validate",
  summary: "Check contract sources against the Python subset (and a manifest against its source)",
  usage: ["validate [--json] FILE...", "validate --manifest M [--json] [FILE...]"],
  options: {
    manifest: {
      type: "string",
      value: "M",
      description: "check manifest M, its entry source and that the two agree",
    },
    json: { type: "boolean", description: "print one JSON object instead of text" },
  },
  examples: ["validate counter.py", "validate --manifest manifest.json --json"],
  details:
    "Exit status: 0 everything is valid, 1 a file or the manifest was rejected, 2 bad usage or\nan unreadable file.",
};

interface ManifestReport {
  readonly file: string;
  readonly ok: boolean;
  readonly problems: readonly ManifestProblem[];
  readonly warnings: readonly ManifestProblem[];
}

/** Runs `validate`; returns the exit code. */
export async function validateCommand(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, VALIDATE);
  const files = [...positionals];
  let report: ManifestReport | null = null;
  let manifestCheck: ((result: ValidationResult) => ManifestReport) | null = null;
  if (typeof values.manifest === "string") {
    const path = values.manifest;
    try {
      const loaded = await loadManifest(path);
      files.unshift(loaded.entryPath);
      manifestCheck = (result) => {
        if (!result.ok) return { file: path, ok: true, problems: [], warnings: [] };
        const check = checkManifestAgainstSource(loaded.manifest, result.module);
        return {
          file: path,
          ok: check.errors.length === 0,
          problems: check.errors,
          warnings: check.warnings,
        };
      };
    } catch (error) {
      if (!(error instanceof ManifestError)) throw error;
      report = { file: path, ok: false, problems: error.problems, warnings: [] };
    }
  }
  if (files.length === 0 && report === null) {
    throw misuse(VALIDATE, "validate needs a FILE or --manifest");
  }
  const inputs: { file: string; bytes: Uint8Array }[] = [];
  for (const file of files) inputs.push({ file, bytes: await readInputFile(file) });
  const results = inputs.map(({ file, bytes }) => validate(bytes, file));
  const first = results[0];
  if (manifestCheck !== null && first !== undefined) report = manifestCheck(first);
  if (values.json === true) {
    const output: Record<string, unknown> = { files: results.map(jsonResult) };
    if (report !== null) output.manifest = report;
    console.log(JSON.stringify(output, null, 2));
  } else {
    printHuman(results, report);
  }
  return results.every((result) => result.ok) && (report?.ok ?? true) ? 0 : 1;
}

function jsonResult(result: ValidationResult): unknown {
  return {
    file: result.source.file,
    ok: result.ok,
    diagnostics: result.diagnostics.map((d: Diagnostic) => ({
      rule: d.rule,
      message: d.message,
      hint: d.hint,
      line: d.line,
      column: d.column,
      endLine: d.endLine,
      endColumn: d.endColumn,
    })),
  };
}

function printHuman(results: readonly ValidationResult[], report: ManifestReport | null): void {
  let problems = 0;
  for (const result of results) {
    if (result.ok) {
      console.log(`${result.source.file}: ok`);
      continue;
    }
    for (const diagnostic of result.diagnostics) {
      console.log(forStdout(formatDiagnostic(diagnostic, result.source)));
      problems++;
    }
  }
  if (report !== null) {
    if (report.ok) console.log(`${report.file}: ok`);
    for (const line of manifestLines(report.file, new ManifestError(report.problems))) {
      console.log(line);
    }
    for (const warning of report.warnings) {
      console.log(`${report.file}: warning: ${warning.message}`);
    }
    problems += report.problems.length;
  }
  if (problems > 0) {
    const failed = results.filter((result) => !result.ok).length + (report?.ok === false ? 1 : 0);
    console.log(
      `${problems} problem${problems === 1 ? "" : "s"} in ${failed} file${failed === 1 ? "" : "s"}`,
    );
  }
}
