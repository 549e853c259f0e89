/**
 * bench:hostile — the hostile-input audit: runs every case of
 * bench/hostile_cases.ts (one op at its worst size, in a loop until gas
 * runs out) in its own child process at 10M gas, and prints per case the
 * VM time, CPU time, gas used, ns per gas (of CPU time, which a loaded
 * machine does not inflate), peak memory of the process and the outcome,
 * worst ns per gas first (runs that ended before a tenth of their gas, whose
 * figure measures start-up rather than the op, come last), then a summary
 * line. A case that does not finish
 * within the timeout (of CPU time) is run again at a tenth of the gas (down
 * to 10,000) so that it still gets a figure; when that run only gets
 * through its set-up, the row shows the lower bound timeout / gas limit. Always exits 0: it is a report.
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

/** A run that used under a tenth of its gas measures start-up and set-up, not the op. */
function isShort(r: Row): boolean {
  return r.gasUsed !== null && r.gasUsed < r.gasLimit / 10;
}

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

/** A timed-out run still bounds the price from below: at least timeout / gas limit. */
function lowerBound(c: HostileCase, limit: number, note: string | null): Row {
  return {
    family: c.family,
    name: c.name,
    gasLimit: limit,
    outcome: "timeout",
    vmMs: null,
    cpuMs: timeoutMs,
    gasUsed: null,
    nsPerGas: (timeoutMs * 1e6) / limit,
    peakRssMb: null,
    note: `timed out after ${timeoutMs} ms of CPU: the figure is a lower bound${
      note === null ? "" : `; ${note}`
    }`,
  };
}

async function measure(c: HostileCase): Promise<Row> {
  const source = hostileSource(c);
  const run = async (limit: number) =>
    (await runIsolated([{ id: c.name, source }], {
      gasLimit: limit,
      timeoutMs,
      processPerCase: true,
      heapMb: 2048,
    })).get(c.name) ?? { outcome: "crash no result" };
  const first = await run(gasLimit);
  if (first.outcome !== "timeout") return row(c, gasLimit, first, null);
  // Try a tenth of the gas, and so on: a figure from a run that finished
  // beats a bound, unless that run ended in its set-up.
  for (let limit = Math.floor(gasLimit / 10); limit >= LOWEST_GAS; limit = Math.floor(limit / 10)) {
    const result = await run(limit);
    if (result.outcome === "timeout") continue;
    const measured = row(c, limit, result, `${gasLimit.toLocaleString("en")} gas timed out`);
    if (!isShort(measured)) return measured;
    break;
  }
  return lowerBound(c, gasLimit, null);
}

const rows: Row[] = [];
for (const c of selected) {
  const measured = await measure(c);
  rows.push(measured);
  if (!values.json) {
    const figure = measured.nsPerGas === null
      ? "-"
      : `${measured.outcome === "timeout" ? ">=" : ""}${measured.nsPerGas.toFixed(0)}`;
    console.error(`  ${c.family} ${c.name}: ${figure} ns/gas, ${measured.outcome.slice(0, 60)}`);
  }
}
const rank = (r: Row) => (isShort(r) ? -1 : r.nsPerGas ?? Infinity);
rows.sort((a, b) => rank(b) - rank(a) || (b.nsPerGas ?? 0) - (a.nsPerGas ?? 0));

const worst = rows.find((r) => r.nsPerGas !== null && !isShort(r)) ?? null;
const over = rows.filter((r) =>
  !isShort(r) && (r.nsPerGas === null || r.nsPerGas >= TARGET_NS_PER_GAS)
);
const short = rows.filter(isShort).length;
const summary = worst === null
  ? "no case produced a figure"
  : `worst: ${worst.outcome === "timeout" ? ">= " : ""}${
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
      `| ${r.outcome === "timeout" ? "≥ " : ""}${fmt(r.nsPerGas)} | ${fmt(r.vmMs)} | ${
        fmt(r.cpuMs)
      } | ${r.gasUsed === null ? "-" : r.gasUsed.toLocaleString("en")} | ${fmt(r.peakRssMb)} | ${
        r.outcome.slice(0, 50)
      }${isShort(r) ? " (short run)" : ""} | ${r.family} | ${r.name}${
        r.note === null
          ? ""
          : ` (${r.note}${
            r.gasLimit === gasLimit ? "" : `; measured at ${r.gasLimit.toLocaleString("en")}`
          })`
      } |`
    ),
  ];
  console.log(lines.join("\n"));
  console.log(`\n${summary}`);
}
