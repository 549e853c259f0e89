/**
 * The int operators of int_arith.ts against a plain reference of their
 * values, gas (spec/GAS.md §6: the words of the larger operand for + and -,
 * the product of the words for *, // and %) and failures, over operands at
 * every word boundary 2^(64·k) ± 1 of both signs, in a seeded order so each
 * operand's gauge sees its guesses both confirmed and missed (sizes and
 * signs repeating, then changing).
 */

import assert from "node:assert/strict";
import { CallFailure } from "../errors.ts";
import { CAPS, type DynamicGas, Op, OP_INFO } from "../compile/opcodes.ts";
import {
  addInts,
  floordivInts,
  type Int,
  intWords,
  modInts,
  mulInts,
  subInts,
} from "./int_arith.ts";
import type { Meter } from "./ops.ts";
import { canonicalInt } from "./values.ts";
import { SeededRandom } from "../../tests/support/random.ts";

class CountingMeter implements Meter {
  gas = 0;
  pay(cost: DynamicGas | null, units: number): void {
    this.gas += (cost?.per ?? 0) * units;
  }
}

const PER = {
  add: OP_INFO[Op.ADD].dynamic?.per ?? 0,
  sub: OP_INFO[Op.SUB].dynamic?.per ?? 0,
  mul: OP_INFO[Op.MUL].dynamic?.per ?? 0,
  floordiv: OP_INFO[Op.FLOORDIV].dynamic?.per ?? 0,
  mod: OP_INFO[Op.MOD].dynamic?.per ?? 0,
};

function bits(value: bigint): number {
  return value === 0n ? 0 : (value < 0n ? -value : value).toString(2).length;
}

function words(value: Int): number {
  return typeof value === "number" ? 1 : Math.max(1, Math.ceil(bits(value) / 64));
}

const CAP = 1n << BigInt(CAPS.int_bits);

/** What one operator call gave (its value, or its failure's type and message) and paid. */
function outcome(run: (meter: CountingMeter) => Int): { result: string; gas: number } {
  const meter = new CountingMeter();
  try {
    const value = run(meter);
    return { result: `${typeof value} ${value}`, gas: meter.gas };
  } catch (error) {
    if (!(error instanceof CallFailure)) throw error;
    return { result: `${error.type}: ${error.message}`, gas: meter.gas };
  }
}

function floorDiv(x: bigint, y: bigint): bigint {
  const q = x / y;
  return x % y !== 0n && (x < 0n) !== (y < 0n) ? q - 1n : q;
}

/** The reference: what each operator must give and pay for two ints. */
function expected(op: string, x: Int, y: Int): { result: string; gas: number } {
  const [p, q] = [BigInt(x), BigInt(y)];
  const safe = typeof x === "number" && typeof y === "number";
  const show = (value: bigint) => {
    const canonical = canonicalInt(value);
    return `${typeof canonical} ${canonical}`;
  };
  const capped = (value: bigint, gas: number) =>
    (value < 0n ? -value : value) >= CAP
      ? { result: "LimitExceeded: integer result is too large (cap int_bits)", gas }
      : { result: show(value), gas };
  switch (op) {
    case "+":
    case "-": {
      const value = op === "+" ? p + q : p - q;
      if (safe && Number.isSafeInteger(Number(value))) return { result: show(value), gas: 0 };
      return capped(value, PER[op === "+" ? "add" : "sub"] * Math.max(words(x), words(y)));
    }
    case "*": {
      const value = p * q;
      if (safe && Number.isSafeInteger(Number(value))) return { result: show(value), gas: 0 };
      if (bits(p) + bits(q) > CAPS.int_bits + 1) {
        return { result: "LimitExceeded: integer result is too large (cap int_bits)", gas: 0 };
      }
      return capped(value, PER.mul * words(x) * words(y));
    }
    default: {
      const name = op === "%" ? "mod" : "floordiv";
      if (q === 0n) {
        const message = op === "%"
          ? "integer modulo by zero"
          : "integer division or modulo by zero";
        return { result: `ZeroDivisionError: ${message}`, gas: 0 };
      }
      const value = op === "%" ? p - floorDiv(p, q) * q : floorDiv(p, q);
      return { result: show(value), gas: PER[name] * (safe ? 1 : words(x) * words(y)) };
    }
  }
}

const OPERATORS: Record<string, (meter: Meter, x: Int, y: Int) => Int> = {
  "+": addInts,
  "-": subInts,
  "*": mulInts,
  "//": floordivInts,
  "%": modInts,
};

/** Ints at every word boundary of both signs, as the runtime holds them (canonical). */
function boundaryInts(): Int[] {
  const values: Int[] = [0, 1, -1, 7, -7, 2 ** 53 - 1, 1 - 2 ** 53];
  for (let k = 1; k <= CAPS.int_bits / 64; k++) {
    const power = 1n << BigInt(64 * k);
    for (const value of [power - 1n, power, power + 1n, power >> 1n]) {
      if (value < CAP) values.push(canonicalInt(value), canonicalInt(-value));
    }
  }
  values.push(canonicalInt(CAP - 1n), canonicalInt(1n - CAP), canonicalInt(1n << 53n));
  return values;
}

Deno.test("int operators: values, gas and failures match the reference at every word boundary", () => {
  const values = boundaryInts();
  const random = new SeededRandom(255);
  const wrong: string[] = [];
  let checked = 0;
  for (const [op, run] of Object.entries(OPERATORS)) {
    // Runs of one operand kept (gauge hits), then a jump to any other boundary (misses).
    let x = values[0] ?? 0;
    let y = values[0] ?? 0;
    for (let i = 0; i < 6000; i++) {
      if (random.below(3) === 0) x = values[random.below(values.length)] ?? 0;
      if (random.below(3) === 0) y = values[random.below(values.length)] ?? 0;
      const got = outcome((meter) => run(meter, x, y));
      const want = expected(op, x, y);
      checked++;
      if (got.result !== want.result || got.gas !== want.gas) {
        wrong.push(`${x} ${op} ${y}: ${JSON.stringify(got)} want ${JSON.stringify(want)}`);
      }
    }
  }
  assert.deepEqual(wrong.slice(0, 3), []);
  assert.equal(checked, 30000);
});

Deno.test("int operators: every pair of word boundaries in a row, both orders", () => {
  const values = boundaryInts();
  const wrong: string[] = [];
  for (const [op, run] of Object.entries(OPERATORS)) {
    for (const x of values) {
      for (const y of [values[0] ?? 0, x, values[values.length - 1] ?? 0]) {
        for (const [a, b] of [[x, y], [y, x]] as const) {
          const got = outcome((meter) => run(meter, a, b));
          const want = expected(op, a, b);
          if (got.result !== want.result || got.gas !== want.gas) wrong.push(`${a} ${op} ${b}`);
        }
      }
    }
  }
  assert.deepEqual(wrong.slice(0, 3), []);
});

Deno.test("intWords: 2^(64k) - 1, 2^(64k) and 2^(64k) + 1 of both signs, past the cap too", () => {
  const wrong: string[] = [];
  for (let k = 0; k <= CAPS.int_bits / 64 + 2; k++) {
    const power = 1n << BigInt(64 * k);
    for (const value of [power - 1n, power, power + 1n]) {
      for (const signed of [value, -value]) {
        if (intWords(signed) !== words(signed)) wrong.push(`${signed}`);
      }
    }
  }
  assert.deepEqual(wrong, []);
});

Deno.test("int operators: each operand near the word counts the operator's last call had", () => {
  // addInts and subInts first try the larger operand's word count at their last measured call,
  // mulInts and modInts each operand's: a primer of `w` words sets them, then operands just under,
  // at and over 2^(64·(w - 1)) and 2^(64·w), of both signs and beside small ints, must still pay
  // and give what the reference does.
  const wrong: string[] = [];
  for (let w = 1; w <= CAPS.int_bits / 64; w++) {
    const primer = canonicalInt(w === 1 ? 1n << 63n : (1n << BigInt(64 * (w - 1))) + 1n);
    const near: Int[] = [0, 1, 7, -7, 2 ** 53 - 1];
    for (const k of [w - 1, w, w + 1]) {
      const power = 1n << BigInt(64 * k);
      for (const value of [power - 1n, power, power + 1n]) {
        if (value < CAP) near.push(canonicalInt(value), canonicalInt(-value));
      }
    }
    for (const op of ["+", "-", "*", "%"]) {
      const run = OPERATORS[op];
      if (run === undefined) continue;
      for (const x of near) {
        for (const y of near) {
          outcome((meter) => run(meter, primer, primer));
          const got = outcome((meter) => run(meter, x, y));
          const want = expected(op, x, y);
          if (got.result !== want.result || got.gas !== want.gas) {
            wrong.push(`w${w}: ${x} ${op} ${y}`);
          }
        }
      }
    }
  }
  assert.deepEqual(wrong.slice(0, 3), []);
});
