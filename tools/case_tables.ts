/**
 * The case tables of the runtime, read from python3 (which must be 3.11):
 * for each str case mapping (upper, lower, title, casefold) of one code
 * point, its one-code-point results as runs of equal deltas and its longer
 * results listed out; and the per-character case flags CPython's case
 * methods read (lowercase, uppercase, titlecase as str.islower, isupper
 * and istitle see one character; cased and case-ignorable, which Python
 * does not expose, found from how title() and the final-sigma rule of
 * lower() treat the character). Shared by tools/gen_unicode.ts and the
 * staleness test.
 */

/** The mappings, by str method name. */
export const MAPPINGS = ["upper", "lower", "title", "casefold"] as const;

/** The flags, by table name. */
export const FLAGS = ["lowercase", "uppercase", "titlecase", "cased", "case_ignorable"] as const;

/**
 * One mapping: `runs` is [first, last, stride, delta, ...] (each code point
 * first, first + stride, ... up to last maps to itself plus delta; the code
 * points a stride skips map to themselves), `special` is [code point,
 * count, mapped..., ...] for the results of other than one code point.
 */
export interface CaseMapping {
  readonly runs: readonly number[];
  readonly special: readonly number[];
}

/** Tables read from CPython. */
export interface CaseTables {
  readonly python: string;
  readonly unicode: string;
  readonly maps: Readonly<Record<(typeof MAPPINGS)[number], CaseMapping>>;
  readonly flags: Readonly<Record<(typeof FLAGS)[number], readonly number[]>>;
}

const SCRIPT = `
import json, sys, unicodedata
LIMIT = 0x110000
chars = [chr(cp) for cp in range(LIMIT)]

def ranges(flags):
    out, start = [], None
    for cp, flag in enumerate(flags):
        if flag:
            if start is None:
                start = cp
        elif start is not None:
            out += [start, cp - 1]
            start = None
    if start is not None:
        out += [start, LIMIT - 1]
    return out

def mapping(results):
    runs, special, deltas = [], [], [0] * LIMIT
    for cp, mapped in enumerate(results):
        if len(mapped) != 1:
            special += [cp, len(mapped)] + [ord(x) for x in mapped]
        else:
            deltas[cp] = ord(mapped) - cp
    run = None
    for cp in range(LIMIT):
        delta = deltas[cp]
        if delta == 0:
            continue
        if run is not None and run[3] == delta:
            gap = cp - run[1]
            if gap == run[2] or (run[0] == run[1] and gap == 2 and deltas[cp - 1] == 0):
                run[1], run[2] = cp, gap
                continue
        if run is not None:
            runs += run
        run = [cp, cp, 1, delta]
    if run is not None:
        runs += run
    return {"runs": runs, "special": special}

out = {"python": sys.version.split()[0], "unicode": unicodedata.unidata_version}
out["maps"] = {name: mapping([getattr(c, name)() for c in chars]) for name in ${
  JSON.stringify(MAPPINGS)
}}
upper = [c.isupper() for c in chars]
# Cased: title() lowercases the letter after a cased character.
cased = [(c + "a").title()[-1] == "a" for c in chars]
# Final sigma: lower() writes U+03C2 for U+03A3 after a cased character and
# any case-ignorable ones; probing with and without a cased letter before
# the character tells case-ignorable apart.
after_cased = [("a" + c + "\\u03a3").lower()[-1] == "\\u03c2" for c in chars]
alone = [(c + "\\u03a3").lower()[-1] == "\\u03c2" for c in chars]
out["flags"] = {
    "lowercase": ranges([c.islower() for c in chars]),
    "uppercase": ranges(upper),
    "titlecase": ranges([c.istitle() and not upper[cp] for cp, c in enumerate(chars)]),
    "cased": ranges(cased),
    "case_ignorable": ranges([not alone[cp] if cased[cp] else after_cased[cp] for cp in range(LIMIT)]),
}
json.dump(out, sys.stdout)
`;

/** Reads the tables from python3; fails unless it is CPython 3.11. */
export async function caseTables(): Promise<CaseTables> {
  const output = await new Deno.Command("python3", { args: ["-c", SCRIPT] }).output();
  if (!output.success) throw new Error(new TextDecoder().decode(output.stderr));
  const tables = JSON.parse(new TextDecoder().decode(output.stdout)) as CaseTables;
  if (!tables.python.startsWith("3.11.")) {
    throw new Error(`python3 is ${tables.python}; the tables must come from CPython 3.11`);
  }
  return tables;
}
