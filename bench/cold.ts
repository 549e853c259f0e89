/**
 * `deno task bench:cold`: cold start of the CLI, one process per call,
 * start-up included, side by side with CPython 3.11. Two tables:
 * - start-up: `animica-vm run --call get` on the counter (through
 *   `deno run` with the flags of the `vm` task, state and IR cache warm)
 *   against `python3 -c pass`;
 * - per workload of bench/runtime_workloads.ts: `animica-vm run --call
 *   main` on the workload as a contract against `python3 workload.py` (the
 *   same source, the stdlib model of tests/support/cpython_run.py, main()
 *   called once and its result printed).
 * Every round runs each command once, in an order that rotates from round
 * to round, so that both sides see the same machine load; the tables give
 * the median and best wall time per process and the ratio of the medians.
 * The single-file bundle of cli.ts (`deno task bundle`: `deno bundle
 * --minify`, built into a temporary folder here) is timed as a third
 * column when `deno bundle` works. Flag: `--rounds N` (default 15).
 */

import { join } from "node:path";
import { parseArgs } from "node:util";
import { WORKLOADS } from "./runtime_workloads.ts";

const ROOT = new URL("../", import.meta.url).pathname;
const CLI = join(ROOT, "cli.ts");
/** The permissions of the `vm` task in deno.json. */
const VM_FLAGS = ["--allow-read", "--allow-write", "--allow-env=INIT_CWD"];

const flags = parseArgs({
  args: Deno.args,
  options: { rounds: { type: "string", default: "15" } },
});
const ROUNDS = Number(flags.values.rounds);
if (!Number.isSafeInteger(ROUNDS) || ROUNDS < 1) throw new Error("--rounds must be a count");

/** A command to time: program, arguments and working directory. */
interface Job {
  readonly program: string;
  readonly args: readonly string[];
  readonly cwd: string;
}

async function runOnce(job: Job): Promise<number> {
  const started = performance.now();
  const output = await new Deno.Command(job.program, {
    args: [...job.args],
    cwd: job.cwd,
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
    // As `deno task vm` run from `cwd` sets it (the task runner's INIT_CWD is inherited otherwise).
    env: { NO_COLOR: "1", INIT_CWD: job.cwd },
  }).output();
  const elapsed = performance.now() - started;
  if (output.code !== 0) {
    const text = new TextDecoder().decode(output.stderr) + new TextDecoder().decode(output.stdout);
    throw new Error(`${job.program} ${job.args.join(" ")} failed (${output.code}):\n${text}`);
  }
  return elapsed;
}

/** Wall times (ms) of every job over interleaved rounds, after one untimed warm-up run each. */
async function interleaved(jobs: readonly Job[]): Promise<number[][]> {
  for (const job of jobs) await runOnce(job);
  const times = jobs.map((): number[] => []);
  for (let round = 0; round < ROUNDS; round++) {
    for (let k = 0; k < jobs.length; k++) {
      const index = (round + k) % jobs.length;
      const job = jobs[index];
      if (job !== undefined) times[index]?.push(await runOnce(job));
    }
  }
  return times;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

const ms = (values: readonly number[]) =>
  `${median(values).toFixed(0)} (${Math.min(...values).toFixed(0)})`;
const ratio = (a: readonly number[], b: readonly number[]) =>
  `${(median(a) / median(b)).toFixed(2)}×`;

const work = await Deno.makeTempDir({ prefix: "animica-bench-cold-" });
try {
  let bundle: string | null = join(work, "animica-vm.js");
  const built = await new Deno.Command(Deno.execPath(), {
    args: ["bundle", "--platform", "deno", "--minify", "--quiet", "--output", bundle, CLI],
    stdout: "piped",
    stderr: "piped",
  }).output();
  if (built.code !== 0) {
    console.log(
      `(no bundle column: deno bundle failed: ${new TextDecoder().decode(built.stderr)})`,
    );
    bundle = null;
  }
  const vm = (entry: string, cwd: string, args: readonly string[]): Job => ({
    program: Deno.execPath(),
    args: ["run", ...VM_FLAGS, entry, ...args],
    cwd,
  });
  const sides = (cwd: string, args: readonly string[]): Job[] => [
    vm(CLI, cwd, args),
    ...(bundle === null ? [] : [vm(bundle, cwd, args)]),
  ];
  const bundleHead = bundle === null ? "" : " bundle ms | bundle / CPython |";
  const bundleRule = bundle === null ? "" : " ---: | ---: |";

  const counter = join(work, "counter");
  await Deno.mkdir(counter);
  for (const file of ["manifest.json", "counter.py"]) {
    await Deno.copyFile(join(ROOT, "examples/counter", file), join(counter, file));
  }
  const startJobs = [
    { program: "python3", args: ["-c", "pass"], cwd: work },
    ...sides(counter, ["run", "--manifest", "manifest.json", "--call", "get"]),
  ];
  const [python, cli, bundled] = await interleaved(startJobs);
  console.log(`Start-up, ${ROUNDS} interleaved rounds: median (best) wall ms per process\n`);
  console.log(
    `| command | python3 -c pass ms | animica-vm ms | animica-vm / python3 |${bundleHead}`,
  );
  console.log(`| --- | ---: | ---: | ---: |${bundleRule}`);
  if (python !== undefined && cli !== undefined) {
    const extra = bundled === undefined ? "" : ` ${ms(bundled)} | ${ratio(bundled, python)} |`;
    console.log(
      `| run --call get (counter) | ${ms(python)} | ${ms(cli)} | ${ratio(cli, python)} |${extra}`,
    );
  }

  console.log(`\nCold per call, ${ROUNDS} interleaved rounds: median (best) wall ms per process\n`);
  console.log(`| workload | CPython ms | animica-vm ms | animica-vm / CPython |${bundleHead}`);
  console.log(`| --- | ---: | ---: | ---: |${bundleRule}`);
  const support = join(ROOT, "tests/support");
  for (const [name, source] of Object.entries(WORKLOADS)) {
    const dir = join(work, name.replaceAll(/[^a-z]+/g, "_"));
    await Deno.mkdir(dir);
    await Deno.writeTextFile(join(dir, "contract.py"), source);
    await Deno.writeTextFile(
      join(dir, "manifest.json"),
      JSON.stringify({
        name: "workload",
        version: "1.0.0",
        entry: "contract.py",
        abi: { functions: [{ name: "main", inputs: [], outputs: [] }] },
      }),
    );
    await Deno.writeTextFile(
      join(dir, "workload.py"),
      [
        "import sys",
        `sys.path.insert(0, ${JSON.stringify(support)})`,
        "import cpython_run",
        'sys.modules["stdlib"] = cpython_run.build_stdlib({}, [])',
        source,
        "print(main())",
        "",
      ].join("\n"),
    );
    const jobs = [
      { program: "python3", args: ["workload.py"], cwd: dir },
      ...sides(dir, [
        "run",
        "--manifest",
        "manifest.json",
        "--call",
        "main",
        "--gas-limit",
        "1000000000",
      ]),
    ];
    const [py, vmTimes, bundleTimes] = await interleaved(jobs);
    if (py === undefined || vmTimes === undefined) continue;
    const extra = bundleTimes === undefined
      ? ""
      : ` ${ms(bundleTimes)} | ${ratio(bundleTimes, py)} |`;
    console.log(`| ${name} | ${ms(py)} | ${ms(vmTimes)} | ${ratio(vmTimes, py)} |${extra}`);
  }
} finally {
  await Deno.remove(work, { recursive: true });
}
