/**
 * The Unicode character classes of the runtime, read from python3 (which
 * must be 3.11): for each str predicate, the ranges of code points where it
 * holds. Shared by tools/gen_unicode.ts and the staleness test.
 */

/** Predicates the runtime needs, by str method name. */
export const PREDICATES = [
  "isprintable",
  "isspace",
  "isdecimal",
  "isdigit",
  "isalpha",
  "isalnum",
] as const;

/** Tables read from CPython. */
export interface UnicodeTables {
  readonly python: string;
  readonly unicode: string;
  readonly classes: Readonly<Record<(typeof PREDICATES)[number], readonly number[]>>;
}

const SCRIPT = `
import json, sys, unicodedata
out = {"python": sys.version.split()[0], "unicode": unicodedata.unidata_version, "classes": {}}
for name in ${JSON.stringify(PREDICATES)}:
    test = getattr(str, name)
    ranges, start = [], None
    for cp in range(0x110000):
        if test(chr(cp)):
            if start is None:
                start = cp
        elif start is not None:
            ranges += [start, cp - 1]
            start = None
    if start is not None:
        ranges += [start, 0x10FFFF]
    out["classes"][name] = ranges
json.dump(out, sys.stdout)
`;

/** Reads the tables from python3; fails unless it is CPython 3.11. */
export async function unicodeTables(): Promise<UnicodeTables> {
  const output = await new Deno.Command("python3", { args: ["-c", SCRIPT] }).output();
  if (!output.success) throw new Error(new TextDecoder().decode(output.stderr));
  const tables = JSON.parse(new TextDecoder().decode(output.stdout)) as UnicodeTables;
  if (!tables.python.startsWith("3.11.")) {
    throw new Error(`python3 is ${tables.python}; the tables must come from CPython 3.11`);
  }
  return tables;
}
