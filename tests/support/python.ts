/**
 * Access to CPython (python3) as a test oracle. Tests that need it skip,
 * with a printed reason, when it is absent.
 */

/** Why python3 cannot be used, or null when it can. */
export function pythonUnavailableReason(): string | null {
  try {
    const output = new Deno.Command("python3", {
      args: ["--version"],
      stdout: "piped",
      stderr: "piped",
    })
      .outputSync();
    const version = new TextDecoder().decode(output.stdout).trim();
    if (!output.success) return "python3 --version failed";
    if (!version.startsWith("Python 3.11")) return `python3 is ${version}, the oracle must be 3.11`;
    return null;
  } catch (error) {
    return `python3 not found (${error instanceof Error ? error.message : String(error)})`;
  }
}

/** Runs a Python script with JSON text on stdin and parses its JSON stdout. */
export async function runPythonJson(script: URL, inputJson: string): Promise<unknown> {
  return JSON.parse(await runPythonText(script, inputJson));
}

/**
 * Runs a Python script with text on stdin; returns its stdout text. Hash
 * randomisation is off (PYTHONHASHSEED=0), so a set of strs iterates in
 * the one order the VM reproduces (spec/RUNTIME.md §1.3).
 */
export async function runPythonText(script: URL, inputJson: string): Promise<string> {
  const child = new Deno.Command("python3", {
    args: ["-W", "ignore", script.pathname],
    env: { PYTHONHASHSEED: "0" },
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const writer = child.stdin.getWriter();
  await writer.write(new TextEncoder().encode(inputJson));
  await writer.close();
  const output = await child.output();
  if (!output.success) {
    throw new Error(`python3 failed: ${new TextDecoder().decode(output.stderr)}`);
  }
  return new TextDecoder().decode(output.stdout);
}
