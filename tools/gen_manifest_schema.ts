/** `deno task schema`: regenerates lib/abi/manifest_schema_generated.ts from spec/*.schema.json. */

import { GENERATED_PATH, renderManifestValidator } from "./manifest_schema.ts";

const read = async (path: string): Promise<unknown> => JSON.parse(await Deno.readTextFile(path));
const text = renderManifestValidator(
  await read("spec/manifest.schema.json"),
  await read("spec/abi.schema.json"),
);
await Deno.writeTextFile(GENERATED_PATH, text);
console.log(`wrote ${GENERATED_PATH}`);
