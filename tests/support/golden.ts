/** The compiler goldens: IR hex and disassembly of each example, computed now. */

import { compileContract, disassemble, parseManifest, SourceText, toHex } from "../../mod.ts";

/** One example's current goldens and where they are committed. */
export interface Golden {
  readonly name: string;
  readonly hex: string;
  readonly disassembly: string;
  readonly hexPath: string;
  readonly disPath: string;
}

/** Goldens of every example, compiled with its manifest's exports. */
export function goldenFiles(): Golden[] {
  const examples = new URL("../../examples/", import.meta.url);
  const golden = new URL("../golden/", import.meta.url);
  const names = [...Deno.readDirSync(examples)].filter((entry) => entry.isDirectory).map((entry) =>
    entry.name
  ).sort();
  return names.map((name) => {
    const manifest = parseManifest(
      JSON.parse(Deno.readTextFileSync(new URL(`${name}/manifest.json`, examples))),
    );
    const path = `examples/${name}/${manifest.entry}`;
    const bytes = Deno.readFileSync(new URL(`${name}/${manifest.entry}`, examples));
    const compiled = compileContract(bytes, {
      file: path,
      exports: manifest.functions.map((fn) => fn.name),
    });
    const source = new SourceText(path, new TextDecoder().decode(bytes));
    return {
      name,
      hex: toHex(compiled.bytes).slice(2) + "\n",
      disassembly: disassemble(compiled.verified, source),
      hexPath: new URL(`${name}.ir.hex`, golden).pathname,
      disPath: new URL(`${name}.dis`, golden).pathname,
    };
  });
}
