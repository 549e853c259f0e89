/**
 * The byte tables of the runtime's single-byte ("charmap") codecs, read
 * from python3 (which must be 3.11): for each codec, the code point each of
 * the 256 bytes decodes to (-1 where CPython's decoder raises), and, for the
 * staleness test, every code point below 0x10000 that CPython's encoder
 * turns into one byte. Shared by tools/gen_charmaps.ts and
 * lib/runtime/charmap_test.ts.
 */

/** The charmap codecs the VM has, by CPython's encodings module name. */
export const CHARMAP_MODULES = ["cp1250", "cp1251", "cp1252", "iso8859_15"] as const;

/** Tables read from CPython. */
export interface CharmapTables {
  readonly python: string;
  /** Per codec: 256 code points, -1 for a byte that does not decode. */
  readonly decode: Readonly<Record<(typeof CHARMAP_MODULES)[number], readonly number[]>>;
  /** Per codec: [code point, byte, ...] for every code point < 0x10000 that encodes. */
  readonly encode: Readonly<Record<(typeof CHARMAP_MODULES)[number], readonly number[]>>;
}

const SCRIPT = `
import json, sys
def decoded(codec, byte):
    try:
        text = bytes([byte]).decode(codec)
    except UnicodeDecodeError:
        return -1
    assert len(text) == 1
    return ord(text)
def encoded(codec):
    pairs = []
    for cp in range(0x10000):
        try:
            data = chr(cp).encode(codec)
        except UnicodeEncodeError:
            continue
        assert len(data) == 1
        pairs += [cp, data[0]]
    return pairs
codecs = ${JSON.stringify(CHARMAP_MODULES)}
json.dump({
    "python": sys.version.split()[0],
    "decode": {c: [decoded(c, b) for b in range(256)] for c in codecs},
    "encode": {c: encoded(c) for c in codecs},
}, sys.stdout)
`;

/** Reads the tables from python3; fails unless it is CPython 3.11. */
export async function charmapTables(): Promise<CharmapTables> {
  const output = await new Deno.Command("python3", { args: ["-c", SCRIPT] }).output();
  if (!output.success) throw new Error(new TextDecoder().decode(output.stderr));
  const tables = JSON.parse(new TextDecoder().decode(output.stdout)) as CharmapTables;
  if (!tables.python.startsWith("3.11.")) {
    throw new Error(`python3 is ${tables.python}; the tables must come from CPython 3.11`);
  }
  return tables;
}
