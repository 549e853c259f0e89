/**
 * The Unicode character classes of the runtime, read from python3 (which
 * must be 3.11): for each str predicate, the ranges of code points where it
 * holds. Shared by tools/gen_unicode.ts and the staleness test.
 */

/**
 * The classes the runtime needs, by table name, each a Python test of one
 * character `c` (the case flags are read by case_tables.ts). The
 * identifier classes are what str.isidentifier accepts first (XID_Start
 * and "_") and after the first character (XID_Continue).
 */
export const PREDICATES = {
  isprintable: "c.isprintable()",
  isspace: "c.isspace()",
  isdecimal: "c.isdecimal()",
  isdigit: "c.isdigit()",
  isnumeric: "c.isnumeric()",
  isalpha: "c.isalpha()",
  isalnum: "c.isalnum()",
  isidentifier_start: "c.isidentifier()",
  isidentifier_continue: "('a' + c).isidentifier()",
} as const;

/** Tables read from CPython. */
export interface UnicodeTables {
  readonly python: string;
  readonly unicode: string;
  readonly classes: Readonly<Record<keyof typeof PREDICATES, readonly number[]>>;
}

const SCRIPT = `
import json, sys, unicodedata
out = {"python": sys.version.split()[0], "unicode": unicodedata.unidata_version, "classes": {}}
for name, test in ${JSON.stringify(PREDICATES)}.items():
    test = eval("lambda c: " + test)
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
