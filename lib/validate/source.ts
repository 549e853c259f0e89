/**
 * Contract source text: strict UTF-8 decoding and offset -> line:column.
 *
 * Offsets everywhere in validate/ index the decoded string (UTF-16 code
 * units). Lines and columns are 1-based; a column counts Unicode code points
 * from the start of its line. Lines end at "\n", "\r\n" or "\r", as in
 * Python. Line numbers are only computed when somebody asks for them.
 *
 * Resolving an offset costs O(log n) after one O(n) pass over the text: the
 * pass records where each line starts and where each surrogate pair ends, so
 * a column is the offset's distance from its line start minus the pairs
 * between them. Lowering asks for the position of every node, so a per-query
 * scan from the line start would make a long line quadratic.
 */

/** A 1-based line and code-point column. */
export interface Position {
  /** 1-based line number. */
  readonly line: number;
  /** 1-based column, counted in Unicode code points. */
  readonly column: number;
}

/**
 * Decoded contract source with a lazily built line index.
 *
 * @example Wrap source text for diagnostics
 * ```ts
 * import { SourceText } from "@animica/vm-py";
 *
 * const source = new SourceText("f.py", "x = 1\ny = 2\n");
 * console.log(source.file);
 * ```
 */
export class SourceText {
  /** File name used in diagnostics. */
  readonly file: string;
  /** The decoded source text. */
  readonly text: string;
  #index: PositionIndex | null = null;

  /** Wraps already-decoded text (see `decodeSource` for bytes). */
  constructor(file: string, text: string) {
    this.file = file;
    this.text = text;
  }

  /** Offsets at which each line starts (index 0 is line 1). */
  get lineStarts(): readonly number[] {
    return this.#positionIndex().lineStarts;
  }

  /** Line and column of a string offset (clamped into the text). */
  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const index = this.#positionIndex();
    const line = countAtMost(index.lineStarts, clamped);
    const lineStart = index.lineStarts[line - 1] ?? 0;
    const pairs = countBelow(index.pairEnds, clamped) - countAtMost(index.pairEnds, lineStart);
    return { line, column: clamped - lineStart - pairs + 1 };
  }

  #positionIndex(): PositionIndex {
    if (this.#index === null) this.#index = computePositionIndex(this.text);
    return this.#index;
  }

  /** The text of a 1-based line, without its line terminator. */
  lineText(line: number): string {
    const starts = this.lineStarts;
    const start = starts[line - 1];
    if (start === undefined) return "";
    let end = starts[line] ?? this.text.length;
    while (end > start && isLineBreak(this.text.charCodeAt(end - 1))) end--;
    return this.text.slice(start, end);
  }
}

function isLineBreak(code: number): boolean {
  return code === 0x0a || code === 0x0d;
}

/** Where lines start and where surrogate pairs end, both ascending. */
interface PositionIndex {
  /** Offset at which each line starts (index 0 is line 1). */
  readonly lineStarts: readonly number[];
  /** Offset of the low half of each surrogate pair (a pair counts as one column). */
  readonly pairEnds: readonly number[];
}

function computePositionIndex(text: string): PositionIndex {
  const lineStarts = [0];
  const pairEnds: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0d) {
      if (text.charCodeAt(i + 1) === 0x0a) i++;
      lineStarts.push(i + 1);
    } else if (code === 0x0a) {
      lineStarts.push(i + 1);
    } else if (code >= 0xd800 && code <= 0xdbff && isSurrogatePair(text, i)) {
      i++;
      pairEnds.push(i);
    }
  }
  return { lineStarts, pairEnds };
}

/** Whether text[i] and text[i + 1] are a high and a low surrogate. */
function isSurrogatePair(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 0xd800 || code > 0xdbff) return false;
  const next = text.charCodeAt(i + 1);
  return next >= 0xdc00 && next <= 0xdfff;
}

/** How many entries of the ascending `values` are <= `limit` (binary search). */
function countAtMost(values: readonly number[], limit: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((values[mid] ?? 0) <= limit) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** How many entries of the ascending `values` are < `limit`. */
function countBelow(values: readonly number[], limit: number): number {
  return countAtMost(values, limit - 1);
}

/** Number of code points in text[from, to), counting a surrogate pair once. */
export function countCodePoints(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    if (i + 1 < to && isSurrogatePair(text, i)) i++;
    count++;
  }
  return count;
}

/**
 * Byte offset of the first byte that breaks UTF-8 well-formedness (overlong
 * forms, surrogates and code points past U+10FFFF included), or -1.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k < length; k++) {
      const byte = bytes[i + k];
      if (byte === undefined) return i;
      const min = k === 1 ? low : 0x80;
      const max = k === 1 ? high : 0xbf;
      if (byte < min || byte > max) return i;
    }
    i += length;
  }
  return -1;
}
