/**
 * Where `run --trace` writes its records: text lines (indented by call
 * depth) or JSON lines, on stderr or to --trace-file, buffered so that a
 * long trace is written in large chunks. The records come from the
 * library's Tracer (lib/runtime/trace.ts); this file only prints them.
 */

import type { TraceRecord } from "../lib/runtime/trace.ts";

/** How trace records are written. */
export type TraceFormat = "text" | "json";

/** The --trace-format values. */
export const TRACE_FORMATS: readonly TraceFormat[] = ["text", "json"];

const FLUSH_AT = 1 << 16;

/** One record as a text line. */
export function traceLine(record: TraceRecord): string {
  switch (record.kind) {
    case "step": {
      const indent = "  ".repeat(Math.max(0, record.depth - 1));
      const op = record.operands === "" ? record.op : `${record.op} ${record.operands}`;
      const stack = record.stack.length === 0
        ? "[]"
        : `[${record.stackSize > record.stack.length ? "..., " : ""}${record.stack.join(", ")}]`;
      return `${indent}${record.function} ${record.pc} ${op} @${record.line}:${record.column} ` +
        `gas=${record.gasBefore}+${record.gas} stack=${stack}`;
    }
    case "host": {
      const indent = "  ".repeat(Math.max(0, record.depth - 1));
      const args = [
        ...record.args,
        ...Object.entries(record.kwargs).map(([key, value]) => `${key}=${value}`),
      ];
      const result = record.result === null ? " failed" : ` -> ${record.result}`;
      return `${indent}  ${record.name}(${args.join(", ")})${result}`;
    }
    case "end":
      return `end gas=${record.gasUsed} return_value_gas=${record.returnGas}`;
  }
}

/** A buffered writer of trace records to a synchronous sink. */
export class TraceWriter {
  readonly #write: (bytes: Uint8Array) => number;
  readonly #format: TraceFormat;
  readonly #encoder = new TextEncoder();
  #buffer: string[] = [];
  #size = 0;

  /** Records in `format`, written through `write`. */
  constructor(format: TraceFormat, write: (bytes: Uint8Array) => number) {
    this.#format = format;
    this.#write = write;
  }

  /** Adds one record (written once enough text is buffered). */
  record(record: TraceRecord): void {
    const line = this.#format === "json" ? JSON.stringify(record) : traceLine(record);
    this.#buffer.push(line);
    this.#size += line.length + 1;
    if (this.#size >= FLUSH_AT) this.flush();
  }

  /** Writes everything buffered. */
  flush(): void {
    if (this.#buffer.length === 0) return;
    const bytes = this.#encoder.encode(`${this.#buffer.join("\n")}\n`);
    this.#buffer = [];
    this.#size = 0;
    let offset = 0;
    while (offset < bytes.length) offset += this.#write(bytes.subarray(offset));
  }
}
