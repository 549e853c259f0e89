/**
 * Gas next to time in `deno bench`: GasBench registers a Deno.bench case
 * per contract call, records the gas of every iteration the runner makes
 * (calls, average, min, max, failed calls), and prints one gas table
 * after the runner's timing table, when the bench file unloads. Outside
 * `deno bench` (where Deno.bench cases never run) it prints nothing.
 */

import type { Chain, Receipt } from "../mod.ts";
import { GAS_VERSION } from "../ir.ts";

/** Options of one bench case. */
export interface GasBenchCase {
  /** Deno.bench group of the case. */
  readonly group?: string;
  /** Whether the case is the group's baseline. */
  readonly baseline?: boolean;
  /**
   * Revert this chain after each iteration (outside the timed part), so
   * every iteration runs on the same state; without it, iterations see
   * the writes of the ones before.
   */
  readonly reset?: Chain;
  /** Iterations to run (default: as many as the runner needs). */
  readonly n?: number;
  /** Warm-up iterations (default: the runner's). */
  readonly warmup?: number;
}

/** Gas figures of one bench case. */
export interface GasRow {
  /** The case's name. */
  readonly name: string;
  /** Calls measured (warm-up iterations included). */
  readonly calls: number;
  /** Calls whose receipt says they failed. */
  readonly failed: number;
  /** Sum of gas used over all calls. */
  readonly total: number;
  /** Least gas one call used. */
  readonly min: number;
  /** Most gas one call used. */
  readonly max: number;
}

function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/**
 * Registers contract calls as `deno bench` cases and reports the gas each
 * call used next to the runner's timings.
 *
 * @example A bench file for the counter (run it with `deno bench --allow-read`)
 * ```ts
 * import { GasBench, loadContract, TestChain } from "@animica/vm-py/testing";
 *
 * const chain = new TestChain();
 * const counter = chain.deploy(
 *   loadContract("examples/counter/manifest.json"),
 * );
 * const gas = new GasBench();
 * gas.bench("counter: inc", () => counter.call("inc"), { reset: chain });
 * gas.bench("counter: get", () => counter.view("get"));
 * console.log(gas.rows().length); // 2 (no calls yet outside deno bench)
 * ```
 */
export class GasBench {
  readonly #title: string;
  readonly #rows: { -readonly [K in keyof GasRow]: GasRow[K] }[] = [];

  /** A report titled `title`, printed when the bench file unloads. */
  constructor(title = "gas per call") {
    this.#title = title;
    globalThis.addEventListener("unload", () => {
      if (this.rows().length > 0) console.log(this.table());
    });
  }

  /** Registers `call` (which returns its receipt) as the Deno.bench case `name`. */
  bench(name: string, call: () => Receipt, options: GasBenchCase = {}): void {
    const row = { name, calls: 0, failed: 0, total: 0, min: Infinity, max: 0 };
    this.#rows.push(row);
    const record = (receipt: Receipt): void => {
      row.calls++;
      if (!receipt.ok) row.failed++;
      row.total += receipt.gasUsed;
      row.min = Math.min(row.min, receipt.gasUsed);
      row.max = Math.max(row.max, receipt.gasUsed);
    };
    const { reset } = options;
    let snapshot: number | null = null;
    Deno.bench({
      name,
      ...(options.group === undefined ? {} : { group: options.group }),
      ...(options.baseline === undefined ? {} : { baseline: options.baseline }),
      ...(options.n === undefined ? {} : { n: options.n }),
      ...(options.warmup === undefined ? {} : { warmup: options.warmup }),
      fn: reset === undefined ? () => record(call()) : (b) => {
        snapshot ??= reset.snapshot();
        b.start();
        const receipt = call();
        b.end();
        reset.revert(snapshot);
        record(receipt);
      },
    });
  }

  /** The cases that ran at least once, in registration order. */
  rows(): GasRow[] {
    return this.#rows.filter((row) => row.calls > 0).map((row) => ({ ...row }));
  }

  /** The gas table: per case, calls, average gas per call, min, max and failed calls. */
  table(): string {
    const header = ["benchmark", "calls", "gas/call (avg)", "min", "max", "failed"];
    const body = this.rows().map((row) => [
      row.name,
      grouped(row.calls),
      grouped(Math.round(row.total / row.calls)),
      grouped(row.min),
      grouped(row.max),
      grouped(row.failed),
    ]);
    const widths = header.map((title, i) =>
      Math.max(title.length, ...body.map((cells) => cells[i]?.length ?? 0))
    );
    const line = (cells: readonly string[]): string =>
      `| ${
        cells.map((cell, i) =>
          i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)
        )
          .join(" | ")
      } |`;
    const rule = `| ${widths.map((width) => "-".repeat(width)).join(" | ")} |`;
    return [
      `\n${this.#title} (gas_version ${GAS_VERSION})`,
      "",
      line(header),
      rule,
      ...body.map(line),
    ].join("\n");
  }
}
