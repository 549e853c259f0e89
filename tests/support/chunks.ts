/**
 * Reads chunked test files: snippets separated by lines starting with
 * "# ---". Expectations are written in the snippet itself:
 *   - `# expect: rule@COL [rule@COL ...]` at the end of the offending line;
 *   - `# expect-at LINE:COL rule` anywhere, for lines that cannot carry a
 *     trailing comment (inside a string, say);
 *   - `# ok: rule` marks an accepted look-alike of `rule`.
 * `⟨xHH⟩` in a snippet stands for the raw byte 0xHH. Lines are numbered
 * from 1 within each chunk.
 */

/** One snippet of a chunked file with its expectations. */
export interface Chunk {
  /** 1-based line of the chunk's first line in its file. */
  readonly fileLine: number;
  readonly text: string;
  readonly bytes: Uint8Array;
  /** Expected diagnostics as "rule@line:col", sorted. */
  readonly expected: readonly string[];
  /** Rules this chunk is an accepted look-alike of. */
  readonly okFor: readonly string[];
  /** True when the chunk contains ⟨xHH⟩ raw bytes. */
  readonly hasRawBytes: boolean;
}

const SEPARATOR = /^# ---/;
const TRAILING_EXPECT = /#\s*expect:\s*(.+)$/;
const EXPECT_AT = /^#\s*expect-at\s+(\d+):(\d+)\s+([a-z0-9-]+)\s*$/;
const OK_FOR = /#\s*ok:\s*([a-z0-9-]+)/;
const RAW_BYTE = /⟨x([0-9a-f]{2})⟩/g;

/** Splits a chunked file into snippets (the part before the first separator is a header). */
export function readChunks(content: string): Chunk[] {
  const lines = content.split("\n");
  const chunks: Chunk[] = [];
  let current: string[] | null = null;
  let startLine = 0;
  const flush = () => {
    if (current !== null) chunks.push(makeChunk(current, startLine));
  };
  lines.forEach((line, index) => {
    if (SEPARATOR.test(line)) {
      flush();
      current = [];
      startLine = index + 2;
    } else if (current !== null) {
      current.push(line);
    }
  });
  flush();
  return chunks;
}

function makeChunk(lines: string[], fileLine: number): Chunk {
  const expected: string[] = [];
  const okFor: string[] = [];
  lines.forEach((line, index) => {
    const at = EXPECT_AT.exec(line);
    if (at !== null) expected.push(`${at[3]}@${at[1]}:${at[2]}`);
    const trailing = at === null ? TRAILING_EXPECT.exec(line) : null;
    if (trailing !== null) {
      for (const item of (trailing[1] ?? "").trim().split(/\s+/)) {
        const [rule, column] = item.split("@");
        expected.push(`${rule}@${index + 1}:${column}`);
      }
    }
    const ok = OK_FOR.exec(line);
    if (ok !== null) okFor.push(ok[1] ?? "");
  });
  const text = lines.join("\n");
  return {
    fileLine,
    text,
    bytes: toBytes(text),
    expected: expected.sort(),
    okFor,
    hasRawBytes: RAW_BYTE.test(text),
  };
}

function toBytes(text: string): Uint8Array {
  const encoder = new TextEncoder();
  const out: number[] = [];
  for (const [index, part] of text.split(/⟨x([0-9a-f]{2})⟩/).entries()) {
    if (index % 2 === 1) out.push(parseInt(part, 16));
    else out.push(...encoder.encode(part));
  }
  return Uint8Array.from(out);
}

/** Lists the files of a directory with the given extension, sorted. */
export function listFiles(directory: URL, extension: string): URL[] {
  const names: string[] = [];
  for (const entry of Deno.readDirSync(directory)) {
    if (entry.isFile && entry.name.endsWith(extension)) names.push(entry.name);
  }
  return names.sort().map((name) => new URL(name, directory));
}
