/**
 * Size-aware cost rules of the static estimator (spec/GAS.md §4): for the
 * ops and host members whose runtime units it can bound from what it knows
 * of the operands (estimate_values.ts), the most gas one execution can
 * charge and what it pushes. Each rule mirrors how the runtime measures its
 * units (named beside it) and must stay above it: the soundness test runs
 * every rule at the largest inputs the caps allow. An op or member without
 * a rule costs its table maximum and pushes TOP.
 */

import { ADDRESS_LENGTH } from "../abi/codec.ts";
import type { Instruction, IrConst } from "./ir.ts";
import {
  BUILTINS,
  type CallableInfo,
  CAPS,
  type DynamicGas,
  METHODS,
  Op,
  opInfo,
  STDLIB,
} from "./opcodes.ts";
import {
  type Abs,
  abs,
  bytesWith,
  canonicalSize,
  exact,
  intWords,
  join,
  Kind,
  only,
  textLength,
  TOP,
  uvarintLength,
} from "./estimate_values.ts";

/** The largest stored value a read under a key can find. */
export interface StorageBound {
  /** Longest value stored under a key the given key may equal (0 when no write can reach it). */
  readLength(key: Abs): number;
}

/** A stored write as the estimator sees it: its key and the longest value it stores. */
export interface StoredWrite {
  readonly key: Abs;
  readonly length: number;
}

/** The cost of one instruction and the value it pushes (for one-result ops). */
export interface Effect {
  readonly gas: number;
  /** The size-dependent part, in words ("storage.get of up to 33 bytes"); "" when none. */
  readonly term: string;
  readonly result: Abs;
}

const INTS = Kind.INT | Kind.BOOL;

function dyn(info: DynamicGas | null, units: number): number {
  return info === null ? 0 : info.per * units;
}

function term(name: string, units: number, unit: string): string {
  return `${name} of up to ${units} ${unit}`;
}

/** Length of a bytes argument, or the cap when it may be anything else. */
function bytesLength(value: Abs | undefined, cap: number): number {
  return value !== undefined && only(value, Kind.BYTES) ? Math.min(value.len, cap) : cap;
}

function concatBytes(a: Abs, b: Abs): Abs {
  if (a.value instanceof Uint8Array && b.value instanceof Uint8Array) {
    const joined = new Uint8Array(a.value.length + b.value.length);
    joined.set(a.value);
    joined.set(b.value, a.value.length);
    return exact(joined);
  }
  const prefix = a.value instanceof Uint8Array
    ? new Uint8Array([...a.value, ...b.prefix])
    : a.prefix;
  return bytesWith(prefix, a.len + b.len);
}

/**
 * bytes or str × int (ops.ts repeat: the result's length, refused past
 * bytes_length before it is paid); an exact result when it is short.
 */
function repeat(base: number, cost: DynamicGas | null, sequence: Abs, count: Abs): Effect | null {
  const text = only(sequence, Kind.BYTES) ? Kind.BYTES : only(sequence, Kind.STR) ? Kind.STR : 0;
  if (text === 0 || !only(count, INTS)) return null;
  const most = typeof count.value === "bigint"
    ? count.value
    : count.bits < 40
    ? 2n ** BigInt(count.bits)
    : BigInt(CAPS.bytes_length);
  const wanted = BigInt(sequence.len) * (most < 0n ? 0n : most);
  const units = Number(wanted < BigInt(CAPS.bytes_length) ? wanted : BigInt(CAPS.bytes_length));
  const source = sequence.value;
  const result = source instanceof Uint8Array && typeof count.value === "bigint" && units <= 4096
    ? exact(new Uint8Array(units).map((_, i) => source[i % source.length] ?? 0))
    : abs(text, { len: units });
  return { gas: base + dyn(cost, units), term: units > 0 ? term("*", units, "bytes") : "", result };
}

/** Binary operators over two known operands. */
function binary(op: number, a: Abs, b: Abs): Effect | null {
  const info = opInfo(op);
  if (info === undefined) return null;
  const ints = only(a, INTS) && only(b, INTS);
  switch (op) {
    case Op.ADD: // a b -- a+b
      if (ints) {
        const units = Math.max(intWords(a), intWords(b));
        const value = typeof a.value === "bigint" && typeof b.value === "bigint"
          ? exact(a.value + b.value)
          : abs(Kind.INT, { bits: Math.max(a.bits, b.bits) + 1 });
        return { gas: info.base + dyn(info.dynamic, units), term: "", result: value };
      }
      if (only(a, Kind.BYTES) && only(b, Kind.BYTES)) {
        const units = a.len + b.len;
        return {
          gas: info.base + dyn(info.sequence, units),
          term: term("+", units, "bytes"),
          result: concatBytes(a, b),
        };
      }
      if (only(a, Kind.STR) && only(b, Kind.STR)) {
        const units = a.len + b.len;
        return {
          gas: info.base + dyn(info.sequence, units),
          term: term("+", units, "bytes"),
          result: abs(Kind.STR, { len: units }),
        };
      }
      return null;
    case Op.SUB: // a b -- a-b
      if (!ints) return null;
      return {
        gas: info.base + dyn(info.dynamic, Math.max(intWords(a), intWords(b))),
        term: "",
        result: abs(Kind.INT, { bits: Math.max(a.bits, b.bits) + 1 }),
      };
    case Op.MUL: // a b -- a*b
      if (!ints) {
        return repeat(info.base, info.sequence, a, b) ?? repeat(info.base, info.sequence, b, a);
      }
      return {
        gas: info.base + dyn(info.dynamic, intWords(a) * intWords(b)),
        term: "",
        result: abs(Kind.INT, { bits: a.bits + b.bits }),
      };
    case Op.FLOORDIV: // a b -- a//b
    case Op.MOD: // a b -- a%b
      if (!ints) return null;
      return {
        gas: info.base + dyn(info.dynamic, intWords(a) * intWords(b)),
        term: "",
        result: abs(Kind.INT, {
          bits: op === Op.MOD ? b.bits : a.bits,
        }),
      };
    case Op.POW: // a b -- a**b
      // ops.ts pays words(x) × words of the result, bits(x) × y.
      if (!ints || typeof b.value !== "bigint" || b.value < 0n || b.value > 1_000_000n) return null;
      {
        const bits = a.bits * Number(b.value);
        const units = intWords(a) * Math.max(1, Math.ceil(bits / 64));
        const value = typeof a.value === "bigint" && bits <= CAPS.int_bits
          ? exact(a.value ** b.value)
          : abs(Kind.INT, { bits });
        return { gas: info.base + dyn(info.dynamic, units), term: "", result: value };
      }
    case Op.EQ: // a b -- a==b
    case Op.NE: // a b -- a!=b
    case Op.LT: // a b -- a<b
    case Op.LE: // a b -- a<=b
    case Op.GT: // a b -- a>b
    case Op.GE: { // a b -- a>=b
      // compare.ts pays the shorter length of two strs or two bytes; ints and None pay nothing.
      const scalars = Kind.INT | Kind.BOOL | Kind.NONE | Kind.BYTES | Kind.STR;
      if (!only(a, scalars) || !only(b, scalars)) return null;
      const units = Math.min(textLength(a), textLength(b));
      return {
        gas: info.base + units,
        term: units > 0 ? term("comparison", units, "bytes") : "",
        result: abs(Kind.BOOL, { bits: 1 }),
      };
    }
    default:
      return null;
  }
}

/** Stored length of an int of `bits` bits (two's complement, big-endian, sign bit included). */
function storedIntLength(bits: number): number {
  return Math.ceil((bits + 1) / 8);
}

/** Stdlib members with size rules (lib/runtime/host/*.ts measures each). */
function stdlib(info: CallableInfo, args: readonly Abs[], storage: StorageBound): Effect | null {
  const [first, second] = args;
  const charge = (units: number, unit: string, result: Abs): Effect => ({
    gas: info.base + dyn(info.dynamic, units),
    term: units > 0 ? term(info.name, units, unit) : "",
    result,
  });
  switch (info.name) {
    case "storage.get": { // storage.ts: units = the stored length; the default when none is stored
      const length = first === undefined ? CAPS.storage_value : storage.readLength(first);
      const read = bytesWith(new Uint8Array(0), length);
      return charge(length, "bytes", second === undefined ? read : join(read, second));
    }
    case "storage.get_int": { // units = the stored length, refused past an int_bits int
      const stored = first === undefined ? CAPS.storage_value : storage.readLength(first);
      const length = Math.min(stored, storedIntLength(CAPS.int_bits));
      const read = abs(Kind.INT, { bits: 8 * length });
      const fallback = second ?? exact(0n);
      return charge(length, "bytes", join(read, fallback));
    }
    case "storage.set": { // units = key length + value length, each refused past its cap first
      const units = bytesLength(first, CAPS.storage_key) + bytesLength(second, CAPS.storage_value);
      return charge(units, "bytes", abs(Kind.NONE));
    }
    case "storage.set_int": { // units = words of the value, refused past int_bits first
      const units = second !== undefined && only(second, INTS) ? intWords(second) : intWords(TOP);
      return charge(units, "words", abs(Kind.NONE));
    }
    case "events.emit": { // events.ts: name length + canonical size of the args, held to event_size
      const name = bytesLength(first, CAPS.event_size);
      const fields = second === undefined ? 1 : canonicalSize(second);
      return charge(Math.min(CAPS.event_size, name + fields), "bytes", abs(Kind.NONE));
    }
    case "abi.require": { // abi.ts: the reason's bytes, paid when it fails
      const reason = second === undefined
        ? 0
        : only(second, Kind.BYTES | Kind.STR | Kind.NONE)
        ? second.len
        : null;
      if (reason === null) return null;
      return charge(reason, "bytes", abs(Kind.NONE));
    }
    case "hash.sha3_256":
    case "hash.sha3_512":
    case "hash.keccak256":
    case "hash.blake3": { // hash.ts: 32-byte blocks of the data, at least one
      const blocks = Math.max(1, Math.ceil(bytesLength(first, CAPS.bytes_length) / 32));
      return charge(blocks, "blocks", abs(Kind.BYTES, { len: 64 }));
    }
    case "random.bytes": { // random.ts: 32-byte blocks of n
      if (first === undefined || typeof first.value !== "bigint" || first.value < 0n) return null;
      if (first.value > BigInt(CAPS.bytes_length)) return null;
      const n = Number(first.value);
      return charge(Math.ceil(n / 32), "blocks", abs(Kind.BYTES, { len: n }));
    }
    case "treasury.balance":
      return charge(0, "", abs(Kind.INT, { bits: CAPS.int_bits }));
    case "context.sender":
    case "context.address":
      return charge(0, "", abs(Kind.BYTES, { len: ADDRESS_LENGTH }));
    case "context.value":
    case "context.block_height":
    case "context.block_time":
    case "context.chain_id":
      return charge(0, "", abs(Kind.INT, { bits: CAPS.int_bits }));
    case "context.tx_hash":
      return charge(0, "", abs(Kind.BYTES, { len: 32 }));
    default:
      return null;
  }
}

/** Builtins and methods with size rules. */
function callable(
  info: CallableInfo,
  args: readonly Abs[],
): Effect | null {
  const [first] = args;
  switch (info.name) {
    case "int.from_bytes": { // convert.ts: one unit per byte read
      if (first === undefined || !only(first, Kind.BYTES)) return null;
      return {
        gas: info.base + dyn(info.dynamic, first.len),
        term: first.len > 0 ? term(info.name, first.len, "bytes") : "",
        result: abs(Kind.INT, { bits: 8 * first.len }),
      };
    }
    case "int.to_bytes": { // methods/int.ts: one unit per byte of the length asked for
      if (first === undefined || typeof first.value !== "bigint" || first.value < 0n) return null;
      if (first.value > BigInt(CAPS.bytes_length)) return null;
      const n = Number(first.value);
      return {
        gas: info.base + dyn(info.dynamic, n),
        term: n > 0 ? term(info.name, n, "bytes") : "",
        result: abs(Kind.BYTES, { len: n }),
      };
    }
    default:
      return null;
  }
}

/**
 * The size-aware effect of an instruction with one result, given the
 * values it pops (bottom first), or null when it has no rule. CALL is the
 * estimator's (it adds the callee).
 */
export function effectOf(
  instruction: Instruction,
  popped: readonly Abs[],
  consts: readonly IrConst[],
  storage: StorageBound,
): Effect | null {
  const info = opInfo(instruction.op);
  if (info === undefined) return null;
  const operand = instruction.operands[0] ?? 0;
  const flat = (result: Abs): Effect => ({ gas: info.maxGas, term: "", result });
  // With keyword arguments the values do not sit in parameter order: no rule reads them.
  if (info.operands[2] === "kwnames" && (instruction.operands[2] ?? 0) !== 0) return null;
  switch (instruction.op) {
    case Op.CONST: { // -- value
      const constant = consts[operand];
      return flat(
        constant === undefined || constant.kind === "names" ? TOP : exact(constant.value),
      );
    }
    case Op.SMALL_INT: // -- n
      return flat(exact(BigInt(operand)));
    case Op.NONE: // -- None
      return flat(abs(Kind.NONE));
    case Op.TRUE: // -- True
    case Op.FALSE: // -- False
    case Op.NOT: // x -- not x
    case Op.IS: // a b -- a is b
    case Op.IS_NOT: // a b -- a is not b
    case Op.ISINSTANCE: // x -- bool
      return info.maxGas === info.base ? flat(abs(Kind.BOOL, { bits: 1 })) : null;
    case Op.CALL_STDLIB: // a1..an -- result
    case Op.STDLIB_VALUE: { // -- value
      const member = STDLIB[operand];
      if (member === undefined || member === null) return null;
      const effect = stdlib(member, popped, storage);
      return effect === null ? null : { ...effect, gas: info.maxGas + effect.gas };
    }
    case Op.CALL_BUILTIN: { // a1..an -- result
      const member = BUILTINS[operand];
      if (member === undefined || member === null) return null;
      const effect = callable(member, popped);
      return effect === null ? null : { ...effect, gas: info.maxGas + effect.gas };
    }
    case Op.CALL_METHOD: { // receiver a1..an -- result
      const [receiver, ...rest] = popped;
      const variant = METHODS[operand]?.on.int;
      if (receiver === undefined || variant === undefined || !only(receiver, Kind.INT)) return null;
      const effect = callable(variant, rest);
      return effect === null ? null : { ...effect, gas: info.maxGas + effect.gas };
    }
    case Op.BUILD_DICT: // k1 v1..kn vn -- {k1: v1..}
      return dictDisplay(info.base + dyn(info.dynamic, operand), popped);
    default: {
      const [a, b] = popped;
      if (a === undefined || b === undefined || popped.length !== 2) return null;
      return binary(instruction.op, a, b);
    }
  }
}

/**
 * BUILD_DICT of scalar keys: its items, then each key hashed as a dict key
 * (dict_display.ts, values.ts dictKey: a scalar key pays its bytes, an int
 * key its digits); the dict's canonical size is known until it is aliased.
 */
function dictDisplay(gas: number, popped: readonly Abs[]): Effect | null {
  let keys = 0;
  let canon = uvarintLength(popped.length / 2);
  const scalars = Kind.INT | Kind.BOOL | Kind.NONE | Kind.BYTES | Kind.STR;
  for (let i = 0; i < popped.length; i += 2) {
    const key = popped[i] ?? TOP;
    if (!only(key, scalars)) return null;
    keys += textLength(key) + (key.kinds & INTS ? Math.ceil(key.bits / 3) + 2 : 0) + 3;
    canon += canonicalSize(key) + canonicalSize(popped[i + 1] ?? TOP);
  }
  return {
    gas: gas + keys,
    term: "",
    result: { ...abs(Kind.CONTAINER), canon },
  };
}

/** The key and longest stored value of a storage write, or null when the instruction writes none. */
export function storedWrite(instruction: Instruction, popped: readonly Abs[]): StoredWrite | null {
  if (instruction.op !== Op.CALL_STDLIB) return null;
  const name = STDLIB[instruction.operands[0] ?? 0]?.name;
  const [key, value] = popped;
  if (key === undefined) return null;
  if (name === "storage.set") {
    return { key, length: bytesLength(value, CAPS.storage_value) };
  }
  if (name === "storage.set_int") {
    const bits = value !== undefined && only(value, INTS) ? value.bits : CAPS.int_bits;
    return { key, length: storedIntLength(bits) };
  }
  return null;
}

/** Whether a read under `read` may find what a write under `written` stored. */
export function mayAlias(read: Abs, written: Abs): boolean {
  if (!only(read, Kind.BYTES) || !only(written, Kind.BYTES)) return true;
  const [r, w] = [read.value, written.value];
  if (r instanceof Uint8Array && w instanceof Uint8Array) {
    return r.length === w.length && r.every((byte, i) => byte === w[i]);
  }
  const n = Math.min(read.prefix.length, written.prefix.length);
  for (let i = 0; i < n; i++) if (read.prefix[i] !== written.prefix[i]) return false;
  return true;
}
