/**
 * bench:hostile — the hostile-input audit: runs every case of
 * bench/hostile_cases.ts (one op at its worst size, in a loop until gas
 * runs out) in its own child process at 10M gas, and prints per case the
 * VM time, CPU time, gas used, ns per gas (of CPU time, which a loaded
 * machine does not inflate), peak memory of the process and the outcome,
 * worst ns per gas first (runs that ended before a tenth of their gas, whose
 * figure measures start-up rather than the op, come last), then a summary
 * line. A case that does not finish
 * within the timeout is run again at a tenth of the gas (down to 10,000) so
 * that it still gets a figure. Always exits 0: it is a report.
 *
 *   deno task bench:hostile [--filter TEXT] [--json] [--gas N] [--timeout MS]
 */

import { parseArgs } from "node:util";
import { type IsolatedResult, runIsolated } from "../tests/support/limits_runner.ts";
import { HOSTILE_CASES, type HostileCase, hostileSource } from "./hostile_cases.ts";

/** The target of issue 9: no op family above this many ns per gas. */
const TARGET_NS_PER_GAS = 200;
const LOWEST_GAS = 10_000;

interface Row {
  readonly family: string;
  readonly name: string;
  readonly gasLimit: number;
  readonly outcome: string;
  readonly vmMs: number | null;
  readonly cpuMs: number | null;
  readonly gasUsed: number | null;
  readonly nsPerGas: number | null;
  readonly peakRssMb: number | null;
  /** Set when the case timed out at a higher gas limit first. */
  readonly note: string | null;
}

const { values } = parseArgs({
  args: Deno.args,
  options: {
    filter: { type: "string" },
    json: { type: "boolean", default: false },
    gas: { type: "string", default: "10000000" },
    timeout: { type: "string", default: "20000" },
  },
});
const gasLimit = Number(values.gas);
const timeoutMs = Number(values.timeout);
const filter = values.filter?.toLowerCase() ?? null;
const selected = HOSTILE_CASES.filter((c) =>
  filter === null || `${c.family} ${c.name}`.toLowerCase().includes(filter)
);

function row(c: HostileCase, limit: number, result: IsolatedResult, note: string | null): Row {
  const cpuMs = result.cpuMs ?? null;
  const gasUsed = result.gasUsed ?? null;
  return {
    family: c.family,
    name: c.name,
    gasLimit: limit,
    outcome: result.outcome,
    vmMs: result.runMs ?? null,
    cpuMs,
    gasUsed,
    nsPerGas: cpuMs !== null && gasUsed !== null && gasUsed > 0 ? (cpuMs * 1e6) / gasUsed : null,
    peakRssMb: result.peakRssBytes === undefined ? null : result.peakRssBytes / 2 ** 20,
    note,
  };
}

async function measure(c: HostileCase): Promise<Row> {
  const source = hostileSource(c);
  let limit = gasLimit;
  let note: string | null = null;
  for (;;) {
    const results = await runIsolated([{ id: c.name, source }], {
      gasLimit: limit,
      timeoutMs,
      processPerCase: true,
      heapMb: 2048,
    });
    const result = results.get(c.name) ?? { outcome: "crash no result" };
    const finished = result.outcome !== "timeout";
    if (finished || limit / 10 < LOWEST_GAS) return row(c, limit, result, note);
    note = `${limit.toLocaleString("en")} gas timed out after ${timeoutMs} ms of CPU`;
    limit = Math.floor(limit / 10);
  }
}

const rows: Row[] = [];
for (const c of selected) {
  const measured = await measure(c);
  rows.push(measured);
  if (!values.json) {
    const figure = measured.nsPerGas === null ? "-" : measured.nsPerGas.toFixed(0);
    console.error(`  ${c.family} ${c.name}: ${figure} ns/gas, ${measured.outcome.slice(0, 60)}`);
  }
}
/** A run that used under a tenth of its gas measures start-up and set-up, not the op. */
const isShort = (r: Row) => r.gasUsed !== null && r.gasUsed < r.gasLimit / 10;
const rank = (r: Row) => (isShort(r) ? -1 : r.nsPerGas ?? Infinity);
rows.sort((a, b) => rank(b) - rank(a) || (b.nsPerGas ?? 0) - (a.nsPerGas ?? 0));

const worst = rows.find((r) => r.nsPerGas !== null && !isShort(r)) ?? null;
const over = rows.filter((r) =>
  !isShort(r) && (r.nsPerGas === null || r.nsPerGas >= TARGET_NS_PER_GAS)
);
const short = rows.filter(isShort).length;
const summary = worst === null
  ? "no case produced a figure"
  : `worst: ${
    worst.nsPerGas?.toFixed(0)
  } ns/gas (${worst.family} ${worst.name}); ${over.length} of ${rows.length} cases at or over ${TARGET_NS_PER_GAS} ns/gas or without a figure; ${short} short runs (ended early, listed last)`;

if (values.json) {
  console.log(
    JSON.stringify({ gasLimit, targetNsPerGas: TARGET_NS_PER_GAS, rows, summary }, null, 2),
  );
} else {
  const fmt = (n: number | null, digits = 0) => (n === null ? "-" : n.toFixed(digits));
  const lines = [
    "| ns/gas | VM ms | CPU ms | gas used | peak MB | outcome | family | case |",
    "|---:|---:|---:|---:|---:|---|---|---|",
    ...rows.map((r) =>
      `| ${fmt(r.nsPerGas)} | ${fmt(r.vmMs)} | ${fmt(r.cpuMs)} | ${
        r.gasUsed === null ? "-" : r.gasUsed.toLocaleString("en")
      } | ${fmt(r.peakRssMb)} | ${r.outcome.slice(0, 50)}${
        isShort(r) ? " (short run)" : ""
      } | ${r.family} | ${r.name}${
        r.note === null ? "" : ` (${r.note}; measured at ${r.gasLimit.toLocaleString("en")})`
      } |`
    ),
  ];
  console.log(lines.join("\n"));
  console.log(`\n${summary}`);
}
