/**
 * The compiler layer of animica-vm (spec/IR.md, spec/GAS.md): IR types,
 * canonical IR bytes and code hashes, the verifier, the disassembler, the
 * static gas estimator, the manifest/source agreement check and the opcode,
 * builtin and cap tables generated from spec/opcodes_vm_py.yaml.
 *
 * @example Compile, encode, decode and disassemble
 * ```ts
 * import { compileContract, decodeModule, disassemble, encodeModule } from "./ir.ts";
 *
 * const compiled = compileContract("def f() -> int:\n    return 1 + 2\n", { file: "f.py" });
 * const module = decodeModule(compiled.bytes);
 * if (encodeModule(module).length !== compiled.bytes.length) throw new Error("not canonical");
 * console.log(disassemble(compiled.verified).split("\n")[0]);
 * ```
 *
 * @module
 */

export { compileContract, estimateGas, loadModule } from "./lib/compile/api.ts";
export type { CompiledContract, CompileOptions } from "./lib/compile/compile.ts";
export { disassemble, disassembleJson } from "./lib/compile/disasm.ts";
export type { GasEstimate } from "./lib/compile/estimate.ts";
export type { AbiEvent, AbiFunction, AbiParam, Manifest } from "./lib/abi/manifest.ts";
export type { IntBounds } from "./lib/abi/bounds.ts";
export type { AbiType } from "./lib/abi/types.ts";
export type {
  HandlerEntry,
  Instruction,
  IrConst,
  IrExport,
  IrFunction,
  IrModule,
  LineEntry,
} from "./lib/compile/ir.ts";
export { codeHash, decodeModule, encodeModule } from "./lib/compile/ir_codec.ts";
export {
  BUILTINS,
  CAPS,
  GAS_VERSION,
  IR_VERSION,
  METHODS,
  Op,
  OP_INFO,
  STDLIB,
} from "./lib/compile/opcodes.ts";
export type {
  ArgumentParsing,
  CallableInfo,
  DynamicGas,
  GasUnit,
  HostCallInfo,
  MethodInfo,
  OperandKind,
  OpInfo,
  Param,
  ParamKind,
  ParseStyle,
  Receiver,
  Signature,
  StackCount,
} from "./lib/compile/opcodes.ts";
export type { LoopInfo } from "./lib/compile/emitter.ts";
export { type VerifiedFunction, type VerifiedModule, verifyModule } from "./lib/compile/verify.ts";
export { AnimicaError, IrDecodeError, IrVerifyError } from "./lib/errors.ts";
export type { Position, SourceText } from "./lib/validate/source.ts";
