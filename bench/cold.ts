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
 * The per-workload table also gives the work ratio, start-up subtracted
 * on both sides so that only each call's own work is compared: the VM's
 * median less that of `run --call get` on the counter, over CPython's
 * median less that of the same script with no contract in it (the stdlib
 * model imported and built, nothing run); both baselines are timed in the
 * workload's rounds.
 * Every round runs each command once, in an order that rotates from round
 * to round, so that all sides see the same machine load. Each process runs
 * under `sh`, whose `times` gives its CPU time (user + system, in clock
 * ticks of 10 ms: meaningful as a mean over rounds). The tables give the
 * median and best wall time per process, and the ratios over CPython of
 * the median wall times and of the mean CPU times. The single-file bundle
 * of cli.ts (`deno task bundle`, built into a temporary folder here), which
 * is what README.md installs as `animica-vm`, is a third side when `deno
 * bundle` works; cli.ts is what `deno task vm` runs. When `python3` is a launcher (a
 * pyenv shim) rather than the interpreter, the start-up row is given again
 * against the interpreter itself, timed in the same rounds, with the
 * launcher's cost. Flag: `--rounds N` (default 15).
 */

import { join } from "node:path";
import { parseArgs } from "node:util";
import { WORKLOADS } from "./runtime_workloads.ts";
import { buildBundle } from "../tests/support/bundle.ts";

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

/**
 * CPython work (ms) below which a start-up-subtracted ratio is not given:
 * the difference of two medians of ~100 ms processes on a shared machine
 * moves by several ms from run to run.
 */
const MEASURABLE_WORK_MS = 8;

/** A command to time: program, arguments and working directory. */
interface Job {
  readonly program: string;
  readonly args: readonly string[];
  readonly cwd: string;
}

/** Wall and CPU milliseconds of the runs of one job. */
interface Times {
  readonly wall: number[];
  readonly cpu: number[];
}

/** Runs `job` once under sh (output discarded); its wall and CPU time in ms. */
async function runOnce(job: Job): Promise<{ wall: number; cpu: number }> {
  const command = (args: string[]) =>
    new Deno.Command("sh", {
      args,
      cwd: job.cwd,
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
      // As `deno task vm` run from `cwd` sets it (the task runner's INIT_CWD is inherited otherwise).
      env: { NO_COLOR: "1", INIT_CWD: job.cwd },
    });
  const script = '"$@" >/dev/null 2>&1; code=$?; times; exit $code';
  const started = performance.now();
  const output = await command(["-c", script, "sh", job.program, ...job.args]).output();
  const wall = performance.now() - started;
  if (output.code !== 0) {
    const again = await command(["-c", '"$@"', "sh", job.program, ...job.args]).output();
    const text = new TextDecoder().decode(again.stderr) + new TextDecoder().decode(again.stdout);
    throw new Error(`${job.program} ${job.args.join(" ")} failed (${output.code}):\n${text}`);
  }
  // `times` prints the shell's own user and system time, then its children's.
  const children = new TextDecoder().decode(output.stdout).trim().split("\n")[1] ?? "";
  const seconds = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map((m) =>
    Number(m[1]) * 60 + Number(m[2])
  );
  if (seconds.length !== 2) throw new Error(`unexpected output of times: ${children}`);
  return { wall, cpu: (seconds[0] ?? 0) * 1000 + (seconds[1] ?? 0) * 1000 };
}

/** Times of every job over interleaved rounds, after one untimed warm-up run each. */
async function interleaved(jobs: readonly Job[]): Promise<Times[]> {
  for (const job of jobs) await runOnce(job);
  const times = jobs.map((): Times => ({ wall: [], cpu: [] }));
  for (let round = 0; round < ROUNDS; round++) {
    for (let k = 0; k < jobs.length; k++) {
      const index = (round + k) % jobs.length;
      const job = jobs[index];
      const into = times[index];
      if (job === undefined || into === undefined) continue;
      const { wall, cpu } = await runOnce(job);
      into.wall.push(wall);
      into.cpu.push(cpu);
    }
  }
  return times;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const ms = (times: Times) =>
  `${median(times.wall).toFixed(0)} (${Math.min(...times.wall).toFixed(0)})`;
const ratios = (times: Times, python: Times) =>
  `${(median(times.wall) / median(python.wall)).toFixed(2)}× | ${
    (mean(times.cpu) / mean(python.cpu)).toFixed(2)
  }×`;

/** Builds the bundle into `work`; its path, or null (with a note) when `deno bundle` fails. */
async function bundleIn(work: string): Promise<string | null> {
  const bundle = join(work, "animica-vm.js");
  const failure = await buildBundle(bundle);
  if (failure === null) return bundle;
  console.log(`(no bundle column: deno bundle failed: ${failure})`);
  return null;
}

/**
 * The interpreter `python3` runs, when `python3` is a launcher rather than
 * the interpreter itself (as a pyenv shim is); null when it is the
 * interpreter, or cannot say.
 */
async function pythonInterpreter(): Promise<string | null> {
  const run = async (program: string, args: string[]) => {
    const output = await new Deno.Command(program, { args, stdout: "piped", stderr: "null" })
      .output();
    return output.code === 0 ? new TextDecoder().decode(output.stdout).trim() : "";
  };
  const executable = await run("python3", ["-c", "import sys; print(sys.executable)"]);
  const found = await run("sh", ["-c", "command -v python3"]);
  if (executable === "" || found === "") return null;
  const [real, launcher] = await Promise.all([Deno.realPath(executable), Deno.realPath(found)]);
  return real === launcher ? null : executable;
}

/**
 * A workload's folder: the contract with its manifest, the CPython script
 * (workload.py) and its start-up alone (baseline.py: the stdlib model
 * imported and built, no contract).
 */
async function workloadDir(work: string, name: string, source: string): Promise<string> {
  const dir = join(work, name.replaceAll(/[^a-z]+/g, "_"));
  await Deno.mkdir(dir);
  await Deno.writeTextFile(join(dir, "contract.py"), source);
  const abi = { functions: [{ name: "main", inputs: [], outputs: [] }] };
  const manifest = { name: "workload", version: "1.0.0", entry: "contract.py", abi };
  await Deno.writeTextFile(join(dir, "manifest.json"), JSON.stringify(manifest));
  const prelude = [
    "import sys",
    `sys.path.insert(0, ${JSON.stringify(join(ROOT, "tests/support"))})`,
    "import cpython_run",
    'sys.modules["stdlib"] = cpython_run.build_stdlib({}, [])',
  ];
  await Deno.writeTextFile(join(dir, "baseline.py"), [...prelude, ""].join("\n"));
  await Deno.writeTextFile(
    join(dir, "workload.py"),
    [...prelude, source, "print(main())", ""].join("\n"),
  );
  return dir;
}

const workRoot = await Deno.makeTempDir({ prefix: "animica-bench-cold-" });
try {
  const bundle = await bundleIn(workRoot);
  const entries = bundle === null ? [CLI] : [CLI, bundle];
  const vmJobs = (cwd: string, args: readonly string[]): Job[] =>
    entries.map((entry) => ({
      program: Deno.execPath(),
      args: ["run", ...VM_FLAGS, entry, ...args],
      cwd,
    }));
  const head = (first: string, python: string) =>
    `| ${first} | ${python} ms | cli.ts ms | wall ratio | CPU ratio |` +
    (bundle === null ? "" : " bundle ms | wall ratio | CPU ratio |");
  const rule = "| --- | ---: | ---: | ---: | ---: |" +
    (bundle === null ? "" : " ---: | ---: | ---: |");
  const sides = bundle === null ? ["cli.ts"] : ["cli.ts", "bundle"];
  const workHead = `| workload | CPython ms | CPython work ms | ${
    sides.map((side) => `${side} ms | ${side} work ms | work ratio`).join(" | ")
  } |`;
  const workRule = `| --- | ---: | ---: |${" ---: | ---: | ---: |".repeat(sides.length)}`;
  const row = (name: string, [python, ...sides]: readonly Times[]) =>
    python === undefined ? "" : `| ${name} | ${ms(python)} |` +
      sides.map((side) => ` ${ms(side)} | ${ratios(side, python)} |`).join("");

  const counter = join(workRoot, "counter");
  await Deno.mkdir(counter);
  for (const file of ["manifest.json", "counter.py"]) {
    await Deno.copyFile(join(ROOT, "examples/counter", file), join(counter, file));
  }
  console.log(
    `Start-up, ${ROUNDS} interleaved rounds: wall ms per process, median (best); ratios over python3\n`,
  );
  console.log(head("command", "python3 -c pass"));
  console.log(rule);
  const startJobs = [
    { program: "python3", args: ["-c", "pass"], cwd: workRoot },
    ...vmJobs(counter, ["run", "--manifest", "manifest.json", "--call", "get"]),
  ];
  const interpreter = await pythonInterpreter();
  if (interpreter === null) {
    console.log(row("run --call get (counter)", await interleaved(startJobs)));
  } else {
    // `python3` is a launcher (a pyenv shim): time the interpreter itself too, in the same rounds.
    const [python, ...sides] = await interleaved([
      { program: interpreter, args: ["-c", "pass"], cwd: workRoot },
      ...startJobs,
    ]);
    if (python !== undefined) {
      console.log(row("run --call get (counter)", sides));
      console.log(row(`the same, against ${interpreter} -c pass`, [python, ...sides.slice(1)]));
      const launcher = median(sides[0]?.wall ?? []) - median(python.wall);
      console.log(
        `\n\`python3\` here is not the interpreter but a launcher that runs ${interpreter}; ` +
          `it adds about ${launcher.toFixed(0)} ms to every CPython process, in both tables.`,
      );
    }
  }

  console.log(
    `\nCold per call, ${ROUNDS} interleaved rounds: wall ms per process, median (best); ratios over CPython\n`,
  );
  const call = [
    "run",
    "--manifest",
    "manifest.json",
    "--call",
    "main",
    "--gas-limit",
    "1000000000",
  ];
  const get = ["run", "--manifest", "manifest.json", "--call", "get"];
  const perCall: string[] = [];
  const workRows: string[] = [];
  for (const [name, source] of Object.entries(WORKLOADS)) {
    const dir = await workloadDir(workRoot, name, source);
    // [CPython, CPython's start-up, then per side: the workload, the counter's get].
    const jobs = [
      { program: "python3", args: ["workload.py"], cwd: dir },
      { program: "python3", args: ["baseline.py"], cwd: dir },
      ...entries.flatMap((_, side) => [vmJobs(dir, call)[side], vmJobs(counter, get)[side]]),
    ].filter((job): job is Job => job !== undefined);
    const [python, pythonStart, ...vm] = await interleaved(jobs);
    if (python === undefined || pythonStart === undefined) continue;
    const workloads = vm.filter((_, index) => index % 2 === 0);
    perCall.push(row(name, [python, ...workloads]));
    const pythonWork = median(python.wall) - median(pythonStart.wall);
    const cells = workloads.map((times, side) => {
      const vmWork = median(times.wall) - median(vm[2 * side + 1]?.wall ?? []);
      const measurable = pythonWork >= MEASURABLE_WORK_MS && vmWork > 0;
      const ratio = measurable ? `${(vmWork / pythonWork).toFixed(2)}×` : "—";
      return `${median(times.wall).toFixed(0)} | ${vmWork.toFixed(0)} | ${ratio}`;
    });
    workRows.push(
      `| ${name} | ${median(python.wall).toFixed(0)} | ${pythonWork.toFixed(0)} | ${
        cells.join(" | ")
      } |`,
    );
  }
  console.log(head("workload", "CPython"));
  console.log(rule);
  for (const line of perCall) console.log(line);
  console.log(
    "\nThe same rounds, start-up subtracted (median wall ms): CPython's work is its median less " +
      "that of the script without the contract; the VM's is its median less that of `run --call " +
      `get\` on the counter; no ratio where CPython's work is under ${MEASURABLE_WORK_MS} ms or the VM's is not above 0 ` +
      "(within the noise of two medians)\n",
  );
  console.log(workHead);
  console.log(workRule);
  for (const line of workRows) console.log(line);
} finally {
  await Deno.remove(workRoot, { recursive: true });
}
