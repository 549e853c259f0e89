/**
 * Canonical bytes of an IR module, in the CBOR of ./cbor.ts:
 *
 *   module   = [version, consts, globals, functions, exports, sourceHash]
 *   const    = [0, zigzag-varint bytes] | [1, bytes] | [2, text] | [3, [text...]]
 *            | [4, bytes]   (a str with a lone surrogate: UTF-8, surrogates in 3-byte form)
 *   function = [name, [param names], locals, code bytes, [pc, line, col, ...],
 *               [start, end, target, height, ...]]   (exception table)
 *   export   = [name, function index]          (sorted by name)
 *
 * Decoding is strict: the bytes must be exactly what encoding the decoded
 * module produces (so there is one encoding per module), and every field
 * must have its type and range. Caps: this file owns the code_size rule
 * (the compiler, the decoder and the verifier all ask
 * {@link codeSizeViolation}); constants must respect int_bits (checked on
 * the varint's length before it is decoded) and bytes_length. Code hash = sha3-256 over a domain tag and
 * the bytes. Bump IR_VERSION in the spec when this layout changes.
 */

import { sha3_256Owned as sha3_256 } from "../keccak_sponge.ts";
import { decodeCbor, encodeCbor } from "./cbor.ts";
import { cborShapeProblem } from "./cbor_depth.ts";
import { IrDecodeError } from "../errors.ts";
import { concatBytes } from "../abi/hex.ts";
import { readUvarint, unzigzag, writeUvarint, zigzag } from "../abi/varint.ts";
import type { HandlerEntry, IrConst, IrExport, IrFunction, IrModule, LineEntry } from "./ir.ts";
import { CAPS, IR_VERSION } from "./opcodes.ts";
import { strFromUtf8SurrogatePass, utf8SurrogatePass } from "../text_units.ts";

/** Deepest nesting of arrays in a module (module, functions, a function, its params). */
const IR_CBOR_DEPTH = 4;

/** Domain tag of code hashes. */
export const CODE_HASH_DOMAIN = "animica:code:v1|";

type Cbor = number | string | Uint8Array | Cbor[];

function encodeConst(value: IrConst): Cbor {
  switch (value.kind) {
    case "int": {
      const out: number[] = [];
      writeUvarint(out, zigzag(value.value));
      return [0, Uint8Array.from(out)];
    }
    case "bytes":
      return [1, value.value];
    case "str":
      return value.value.isWellFormed() ? [2, value.value] : [4, utf8SurrogatePass(value.value)];
    case "names":
      return [3, [...value.value]];
  }
}

function encodeFunction(fn: IrFunction): Cbor {
  const lines = fn.lines.flatMap((entry) => [entry.pc, entry.line, entry.column]);
  const handlers = fn.handlers.flatMap((entry) => [
    entry.start,
    entry.end,
    entry.target,
    entry.height,
  ]);
  return [fn.name, [...fn.params], fn.locals, fn.code, lines, handlers];
}

/** The canonical bytes of a module. */
export function encodeModule(module: IrModule): Uint8Array {
  const value: Cbor = [
    module.version,
    module.consts.map(encodeConst),
    module.globals,
    module.functions.map(encodeFunction),
    module.exports.map((entry) => [entry.name, entry.fn]),
    module.sourceHash,
  ];
  return encodeCbor(value);
}

/** Domain-separated sha3-256 of module bytes. */
export function codeHash(bytes: Uint8Array): Uint8Array {
  return sha3_256(concatBytes(new TextEncoder().encode(CODE_HASH_DOMAIN), bytes));
}

/**
 * The code_size rule: why `length` bytes of encoded IR are refused, or null
 * when they fit under caps.code_size.
 */
export function codeSizeViolation(length: number): string | null {
  return length > CAPS.code_size
    ? `module is ${length} bytes of encoded IR, over the ${CAPS.code_size}-byte code_size cap`
    : null;
}

/** Longest zigzag varint of an int under the cap: |x| < 2^int_bits needs int_bits + 1 bits. */
const MAX_INT_CONST_BYTES = Math.ceil((CAPS.int_bits + 1) / 7);
const INT_LIMIT = 1n << BigInt(CAPS.int_bits);

function fail(message: string): never {
  throw new IrDecodeError(message);
}

function array(value: unknown, where: string, length?: number): unknown[] {
  if (!Array.isArray(value)) fail(`${where} must be an array`);
  if (length !== undefined && value.length !== length) {
    fail(`${where} must have ${length} fields, has ${value.length}`);
  }
  return value;
}

function uint(value: unknown, where: string, max = 0x7fffffff): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > max) {
    fail(`${where} must be an integer from 0 to ${max}`);
  }
  return value;
}

function text(value: unknown, where: string): string {
  if (typeof value !== "string") fail(`${where} must be text`);
  return value;
}

function bytes(value: unknown, where: string): Uint8Array {
  if (!(value instanceof Uint8Array)) fail(`${where} must be a byte string`);
  return value;
}

function decodeConst(value: unknown, where: string): IrConst {
  const [tag, payload] = array(value, where, 2);
  switch (tag) {
    case 0: {
      const raw = bytes(payload, `${where} int`);
      if (raw.length > MAX_INT_CONST_BYTES) {
        fail(`${where} int is ${raw.length} varint bytes, over the ${CAPS.int_bits}-bit int cap`);
      }
      let decoded: { value: bigint; next: number };
      try {
        decoded = readUvarint(raw, 0);
      } catch {
        return fail(`${where} int is not a canonical varint`);
      }
      if (decoded.next !== raw.length) fail(`${where} int has trailing bytes`);
      const value = unzigzag(decoded.value);
      if (value >= INT_LIMIT || value <= -INT_LIMIT) {
        fail(`${where} int is over the ${CAPS.int_bits}-bit int cap`);
      }
      return { kind: "int", value };
    }
    case 1: {
      const value = bytes(payload, `${where} bytes`);
      if (value.length > CAPS.bytes_length) fail(`${where} bytes is over the bytes_length cap`);
      return { kind: "bytes", value };
    }
    case 2: {
      const value = text(payload, `${where} str`);
      if (new TextEncoder().encode(value).length > CAPS.bytes_length) {
        fail(`${where} str is over the bytes_length cap`);
      }
      return { kind: "str", value };
    }
    case 4: {
      const raw = bytes(payload, `${where} str`);
      if (raw.length > CAPS.bytes_length) fail(`${where} str is over the bytes_length cap`);
      const value = strFromUtf8SurrogatePass(raw);
      if (value === null) fail(`${where} str is not UTF-8 with surrogates`);
      return { kind: "str", value };
    }
    case 3:
      return {
        kind: "names",
        value: array(payload, `${where} names`).map((name, i) =>
          text(name, `${where} names[${i}]`)
        ),
      };
    default:
      return fail(`${where} has unknown constant tag ${String(tag)}`);
  }
}

function decodeFunction(value: unknown, where: string): IrFunction {
  const [name, params, locals, code, lines, table] = array(value, where, 6);
  const flat = array(lines, `${where} lines`);
  if (flat.length % 3 !== 0) fail(`${where} lines must hold pc, line, column triples`);
  const entries: LineEntry[] = [];
  for (let i = 0; i < flat.length; i += 3) {
    entries.push({
      pc: uint(flat[i], `${where} lines pc`),
      line: uint(flat[i + 1], `${where} lines line`),
      column: uint(flat[i + 2], `${where} lines column`),
    });
  }
  const flatHandlers = array(table, `${where} handlers`);
  if (flatHandlers.length % 4 !== 0) {
    fail(`${where} handlers must hold start, end, target, height quadruples`);
  }
  const handlers: HandlerEntry[] = [];
  for (let i = 0; i < flatHandlers.length; i += 4) {
    handlers.push({
      start: uint(flatHandlers[i], `${where} handler start`),
      end: uint(flatHandlers[i + 1], `${where} handler end`),
      target: uint(flatHandlers[i + 2], `${where} handler target`),
      height: uint(flatHandlers[i + 3], `${where} handler height`),
    });
  }
  return {
    name: text(name, `${where} name`),
    params: array(params, `${where} params`).map((param, i) =>
      text(param, `${where} params[${i}]`)
    ),
    locals: uint(locals, `${where} locals`, 65535),
    code: bytes(code, `${where} code`),
    lines: entries,
    handlers,
  };
}

/** Decodes canonical module bytes; anything else is an IrDecodeError. */
export function decodeModule(input: Uint8Array): IrModule {
  const oversized = codeSizeViolation(input.length);
  if (oversized !== null) fail(oversized);
  // Nested at most 4 deep (module, functions, a function, its params), and no maps (the decoder
  // would read one into a Map, which crafted keys flood: cbor_depth.ts).
  const shape = cborShapeProblem(input, IR_CBOR_DEPTH, 0);
  if (shape !== null) fail(`not canonical CBOR: ${shape}`);
  let value: unknown;
  try {
    value = decodeCbor(input);
  } catch (error) {
    return fail(`not canonical CBOR: ${error instanceof Error ? error.message : String(error)}`);
  }
  const [version, consts, globals, functions, exports, sourceHash] = array(value, "module", 6);
  if (version !== IR_VERSION) {
    fail(`IR version ${String(version)} is not supported (expected ${IR_VERSION})`);
  }
  const module: IrModule = {
    version: IR_VERSION,
    consts: array(consts, "consts").map((entry, i) => decodeConst(entry, `consts[${i}]`)),
    globals: uint(globals, "globals", 65535),
    functions: array(functions, "functions").map((entry, i) =>
      decodeFunction(entry, `functions[${i}]`)
    ),
    exports: array(exports, "exports").map((entry, i): IrExport => {
      const [name, fn] = array(entry, `exports[${i}]`, 2);
      return { name: text(name, `exports[${i}] name`), fn: uint(fn, `exports[${i}] function`) };
    }),
    sourceHash: bytes(sourceHash, "source hash"),
  };
  if (module.sourceHash.length !== 32) fail("source hash must be 32 bytes");
  const again = encodeModule(module);
  if (again.length !== input.length || again.some((byte, i) => byte !== input[i])) {
    fail("bytes are not the canonical encoding of the module they hold");
  }
  return module;
}
