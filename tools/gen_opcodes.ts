/** `deno task gas`: regenerates lib/compile/opcodes_generated.ts from spec/opcodes_vm_py.yaml. */

import { renderOpcodeTable } from "./opcode_table.ts";

const spec = await Deno.readTextFile("spec/opcodes_vm_py.yaml");
await Deno.writeTextFile("lib/compile/opcodes_generated.ts", renderOpcodeTable(spec));
console.log("wrote lib/compile/opcodes_generated.ts");
