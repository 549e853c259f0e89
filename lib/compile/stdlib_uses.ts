/**
 * Whether a module can reach a stdlib function: some instruction of some
 * function calls it (CALL_STDLIB) or takes it as a value (STDLIB_VALUE). A
 * module without either cannot call it by any path, so a host may skip
 * loading what only that function needs.
 */

import { decodeInstructions, type IrModule } from "./ir.ts";
import { Op, STDLIB, type StdlibFunctionName } from "./opcodes.ts";

/** Whether `module` (decoded, so its code splits into instructions) names `name`. */
export function usesStdlibFunction(module: IrModule, name: StdlibFunctionName): boolean {
  const id = STDLIB.find((info) => info?.name === name)?.id;
  return module.functions.some((fn, index) =>
    decodeInstructions(fn.code, `function #${index}`).some((instruction) =>
      (instruction.op === Op.CALL_STDLIB || instruction.op === Op.STDLIB_VALUE) &&
      instruction.operands[0] === id
    )
  );
}
