/**
 * Reads a contract from its files for tests and benches: the manifest
 * (JSON) and the source its `entry` names, relative to the manifest. This
 * is the one file of the testing helpers that reads the file system (lib/
 * never does); it needs --allow-read on the contract's directory.
 */

import { type ContractCode, ManifestError } from "../mod.ts";

/**
 * The manifest and source of the contract whose manifest is at `manifest`
 * (a path, relative to the working directory, or a file URL), ready for
 * `chain.deploy`. A missing file, bad JSON or a manifest without a string
 * `entry` throws a ManifestError naming the file.
 *
 * @example Deploy the counter example from its files
 * ```ts
 * import { loadContract, TestChain } from "@animica/vm-py/testing";
 *
 * const code = loadContract("examples/counter/manifest.json");
 * const counter = new TestChain().deploy(code);
 * console.log(counter.call("inc").value); // 1n
 * ```
 */
export function loadContract(manifest: string | URL): ContractCode {
  const where = manifest instanceof URL ? manifest : fileUrl(manifest);
  const text = read(where);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw problem(`${where.pathname}: not JSON: ${reasonOf(error)}`);
  }
  const entry = typeof parsed === "object" && parsed !== null && "entry" in parsed
    ? parsed.entry
    : undefined;
  if (typeof entry !== "string") {
    throw problem(`${where.pathname}: the manifest has no string "entry"`);
  }
  return { manifest: text, source: read(new URL(entry, where)) };
}

/** The file URL of `path` (relative paths start at the working directory). */
function fileUrl(path: string): URL {
  const url = new URL("file:///");
  url.pathname = path.startsWith("/") ? path : `${Deno.cwd()}/${path}`;
  return url;
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function problem(message: string): ManifestError {
  return new ManifestError([{ path: "", message }]);
}

function read(file: URL): string {
  try {
    return Deno.readTextFileSync(file);
  } catch (error) {
    throw problem(`cannot read ${decodeURIComponent(file.pathname)}: ${reasonOf(error)}`);
  }
}
