/**
 * Builds the single-file CLI exactly as the `bundle` task of deno.json
 * does, but to a path of the caller's choosing (a temporary folder), for
 * the tests and benches that run the installed CLI: the bundle is what
 * README.md installs.
 */

const ROOT = new URL("../../", import.meta.url);

/** The bundle task's arguments to `deno`, its output path replaced by `output`. */
async function bundleArgs(output: string): Promise<string[]> {
  const config = JSON.parse(await Deno.readTextFile(new URL("deno.json", ROOT)));
  const task = String(config.tasks.bundle);
  const match = /^deno (.*) --output dist\/animica-vm\.js cli\.ts$/.exec(task);
  if (match === null) throw new Error(`unexpected bundle task: ${task}`);
  return [...(match[1] ?? "").split(" "), "--output", output, new URL("cli.ts", ROOT).pathname];
}

/** Writes the bundle to `output`; null on success, else why `deno bundle` failed. */
export async function buildBundle(output: string): Promise<string | null> {
  const built = await new Deno.Command(Deno.execPath(), {
    args: await bundleArgs(output),
    stdout: "piped",
    stderr: "piped",
  }).output();
  return built.code === 0 ? null : new TextDecoder().decode(built.stderr).trim();
}
