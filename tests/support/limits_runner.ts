/**
 * Runs hostile programs where they cannot hurt the caller: in child Deno
 * processes (tests/support/limits_child.ts) with a heap ceiling and a
 * per-case watchdog on the child's CPU time (reported by the child's
 * heartbeat worker, tests/support/limits_clock.ts). A case that hangs is killed and reported as
 * `timeout`; one that kills its process (out of memory, say) is reported
 * as `crash ...`; the remaining cases go on in a fresh child. Used by the
 * limits corpus test and by bench:hostile.
 */

const CHILD = new URL("./limits_child.ts", import.meta.url);

/** Slack for a child's start-up (module loading), on top of the case timeout. */
const STARTUP_MS = 5_000;
/** How much longer than its CPU timeout a case may take in wall time. */
const WALL_FACTOR = 30;
const WATCHDOG_TICK_MS = 100;

/** A program to run: its id and source (which defines `main()`). */
export interface IsolatedCase {
  readonly id: string;
  readonly source: string;
  /** Runs of the call in one process that must agree (default 1). */
  readonly repeat?: number;
}

/** What became of one case. */
export interface IsolatedResult {
  /** The corpus outcome text, or `timeout`, or `crash <what>`. */
  readonly outcome: string;
  /** Wall time of the call and of the walks over its result, in ms (absent on timeout or crash). */
  readonly runMs?: number;
  /** CPU time of the child process over the same span, in ms. */
  readonly cpuMs?: number;
  readonly gasUsed?: number;
  /** Peak resident memory of the child process so far, in bytes. */
  readonly peakRssBytes?: number;
}

/** Options of {@link runIsolated}. */
export interface IsolatedOptions {
  readonly gasLimit: number;
  /** Kill a case that has not finished after this many ms of CPU time. */
  readonly timeoutMs: number;
  /** Children running at once (default 1); cases are dealt to them in turn. */
  readonly concurrency?: number;
  /** A fresh process per case (so peak memory is per case); else one per batch. */
  readonly processPerCase?: boolean;
  /** Heap ceiling of a child, in MB. */
  readonly heapMb?: number;
}

/** Runs every case and returns its result, by id; never throws for what a case does. */
export async function runIsolated(
  cases: readonly IsolatedCase[],
  options: IsolatedOptions,
): Promise<Map<string, IsolatedResult>> {
  const results = new Map<string, IsolatedResult>();
  const workers = Math.max(1, options.concurrency ?? 1);
  const shares = Array.from(
    { length: workers },
    (_, w) => cases.filter((_, i) => i % workers === w),
  );
  await Promise.all(shares.map(async (share) => {
    let remaining = share;
    while (remaining.length > 0) {
      const batch = options.processPerCase === true ? remaining.slice(0, 1) : remaining;
      await runBatch(batch, options, results);
      remaining = remaining.filter((c) => !results.has(c.id));
    }
  }));
  return results;
}

async function runBatch(
  batch: readonly IsolatedCase[],
  options: IsolatedOptions,
  results: Map<string, IsolatedResult>,
): Promise<void> {
  const child = new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--quiet",
      "--allow-read",
      `--v8-flags=--max-old-space-size=${options.heapMb ?? 1024}`,
      CHILD.href,
    ],
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const stderr = new Response(child.stderr).text();
  const writer = child.stdin.getWriter();
  await writer.write(
    new TextEncoder().encode(JSON.stringify({ gasLimit: options.gasLimit, cases: batch })),
  );
  await writer.close();

  let current: string | null = null;
  let timedOut = false;
  // The watchdog counts the child's CPU time (from its heartbeats), so a
  // loaded machine does not kill a case that is merely waiting for a core;
  // wall time (times WALL_FACTOR) is the backstop.
  let limitMs = options.timeoutMs + STARTUP_MS;
  let cpuNow: number | null = null;
  let startedCpu: number | null = null;
  let startedWall = performance.now();
  const arm = (ms: number) => {
    limitMs = ms;
    startedCpu = cpuNow;
    startedWall = performance.now();
  };
  const watchdog = setInterval(() => {
    const wall = performance.now() - startedWall;
    const spent = cpuNow === null || startedCpu === null ? wall : cpuNow - startedCpu;
    if (spent > limitMs || wall > limitMs * WALL_FACTOR) {
      timedOut = true;
      clearInterval(watchdog);
      try {
        child.kill("SIGKILL");
      } catch {
        // Already gone.
      }
    }
  }, WATCHDOG_TICK_MS);
  const lines = child.stdout.pipeThrough(new TextDecoderStream());
  let buffered = "";
  for await (const chunk of lines) {
    buffered += chunk;
    let newline = buffered.indexOf("\n");
    while (newline >= 0) {
      const event = JSON.parse(buffered.slice(0, newline));
      buffered = buffered.slice(newline + 1);
      if (typeof event.start === "string") {
        current = event.start;
        cpuNow = typeof event.cpuMs === "number" ? event.cpuMs : null;
        arm(options.timeoutMs);
      } else if (typeof event.cpuMs === "number" && event.id === undefined) {
        cpuNow = Math.max(cpuNow ?? 0, event.cpuMs);
      } else {
        results.set(event.id, {
          outcome: event.outcome,
          ...(event.runMs === undefined ? {} : { runMs: event.runMs }),
          ...(event.cpuMs === undefined ? {} : { cpuMs: event.cpuMs }),
          ...(event.gasUsed === undefined ? {} : { gasUsed: event.gasUsed }),
          ...(event.peakRssBytes === undefined ? {} : { peakRssBytes: event.peakRssBytes }),
        });
        current = null;
      }
      newline = buffered.indexOf("\n");
    }
  }
  const status = await child.status;
  clearInterval(watchdog);
  const errorText = (await stderr).trim().split("\n").slice(-3).join(" / ").slice(0, 300);
  const stuck = current ?? batch.find((c) => !results.has(c.id))?.id ?? null;
  if (stuck !== null && !results.has(stuck)) {
    results.set(stuck, {
      outcome: timedOut
        ? "timeout"
        : `crash exit ${status.code}${status.signal ? ` ${status.signal}` : ""}: ${errorText}`,
    });
  }
}
