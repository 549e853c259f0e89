/**
 * Colour for diagnostics printed on a terminal: the location and rule in
 * bold, the caret in red, the hint in cyan. Plain text when the stream is
 * not a terminal (piped, redirected) or NO_COLOR is set, so scripts and
 * tests always see the same bytes.
 */

const BOLD = "\x1b[1m";
const RED = "\x1b[31m";
const CYAN = "\x1b[36m";
const RESET = "\x1b[0m";

/** Whether text written to `stream` should be coloured. */
export function useColor(stream: { isTerminal(): boolean }): boolean {
  return !Deno.noColor && stream.isTerminal();
}

/** A formatted diagnostic (`file:line:col: rule: message`, source, caret, hint), coloured. */
export function colorDiagnostic(text: string): string {
  return text.split("\n").map((line, index) => {
    if (index === 0) return `${BOLD}${line}${RESET}`;
    if (/^\s*\^[\^~]*\s*$/.test(line)) return `${RED}${line}${RESET}`;
    if (/^\s+hint: /.test(line)) return `${CYAN}${line}${RESET}`;
    return line;
  }).join("\n");
}

/** `text` coloured when stdout is a terminal without NO_COLOR, else unchanged. */
export function forStdout(text: string): string {
  return useColor(Deno.stdout) ? colorDiagnostic(text) : text;
}
