/**
 * Seeded cases for the set sweep (tests/conformance_sets_test.ts): the
 * dict-view set operators (`&`, `|`, `-`, `^`) between keys and items
 * views, sets they made, values views, dicts and other iterables;
 * comparisons, `in`, `len`, `list` and the repr of their results (which
 * shows CPython's iteration order); and sets updated in place (`|=`,
 * `&=`, `-=`, `^=`, with a set or a view on the right) and
 * while they are iterated. Keys mix ints that share table slots, ints
 * past 2^61 - 1 (the int hash modulus), strs of each PEP 393 width, bytes
 * and tuples; None and ranges (whose CPython 3.11 hash is an address) are
 * left out of results whose order is compared.
 */

import type { SweepCase } from "./conformance_sweep.ts";
import { expressionCase, statementsCase } from "./conformance_sweep.ts";
import type { SeededRandom } from "./random.ts";

const KEYS = [
  "0",
  "1",
  "2",
  "3",
  "7",
  "8",
  "9",
  "16",
  "17",
  "24",
  "-1",
  "-2",
  "-9",
  "2**61",
  "2**61-1",
  "2**64+5",
  "-(2**62)",
  "True",
  "False",
  "'a'",
  "'b'",
  "'nut'",
  "'bolt'",
  "'gear'",
  "'é'",
  "'€'",
  "''",
  "'😀'",
  "(1, 2)",
  "(1,)",
  "()",
  "('a', 1)",
  "('x', (2, b'z'))",
  "b'a'",
  "b''",
];
const VALUES = ["0", "1", "2", "'v'", "[1]", "(1, 2)", "True", "-5"];
const OPERATORS = ["&", "|", "-", "^"];
const COMPARISONS = ["==", "!=", "<", "<=", ">", ">="];

/** The generator of one sweep. */
class SetCases {
  constructor(private readonly random: SeededRandom) {}

  #pick<T>(items: readonly T[]): T {
    return this.random.pick(items);
  }

  #below(bound: number): number {
    return this.random.below(bound);
  }

  dict(): string {
    const shape = this.#below(10);
    if (shape === 0) {
      const start = this.#below(60);
      const stop = 60 + this.#below(300);
      return `dict(zip(range(${start}, ${stop}, ${1 + this.#below(7)}), range(400)))`;
    }
    if (shape === 1) {
      const stride = this.#pick(["8", "16", "32", "1", "3"]);
      return `dict(zip([i * ${stride} for i in range(${this.#below(40)})], range(40)))`;
    }
    const pairs = Array.from({ length: this.#below(7) }, () => {
      const value = this.#below(4) === 0 ? this.#pick(VALUES) : this.#pick(["0", "1", "2"]);
      return `${this.#pick(KEYS)}: ${value}`;
    });
    return `{${pairs.join(", ")}}`;
  }

  iterable(): string {
    switch (this.#below(6)) {
      case 0:
        return `[${Array.from({ length: this.#below(6) }, () => this.#pick(KEYS)).join(", ")}]`;
      case 1:
        return `'${this.#pick(["ab", "nut", "", "aab"])}'`;
      case 2:
        return `range(${this.#below(30)})`;
      case 3:
        return `[(${this.#pick(KEYS)}, ${this.#pick(["0", "1", "2"])}) for _ in range(${
          this.#below(3)
        })]`;
      case 4:
        return this.dict();
      default: {
        const count = this.#below(4);
        const items = Array.from({ length: count }, () => this.#pick(KEYS));
        return count === 0 ? "()" : `(${items.join(", ")},)`;
      }
    }
  }

  setLike(depth: number): string {
    const shape = this.#below(depth > 1 ? 3 : 6);
    if (shape === 1) return `${this.dict()}.items()`;
    if (depth <= 1 && shape >= 3) {
      return `(${this.setLike(depth + 1)} ${this.#pick(OPERATORS)} ${this.operand(depth + 1)})`;
    }
    return `${this.dict()}.keys()`;
  }

  operand(depth: number): string {
    const shape = this.#below(5);
    if (shape === 2) return this.iterable();
    if (shape === 3) return `${this.dict()}.values()`;
    return this.setLike(depth);
  }

  expression(): string {
    const op = this.#pick(OPERATORS);
    const [a, b] = this.#below(3) === 0
      ? [this.operand(0), this.setLike(0)]
      : [this.setLike(0), this.operand(0)];
    switch (this.#below(12)) {
      case 0:
        return `${a} ${this.#pick(COMPARISONS)} ${b}`;
      case 1:
        return `len(${a} ${op} ${b})`;
      case 2:
        return `list(${a} ${op} ${b})`;
      case 3:
        return `${this.#pick(KEYS)} in (${a} ${op} ${b})`;
      case 4:
        return `(${a} ${op} ${b}) ${this.#pick(COMPARISONS)} (${this.setLike(0)} ${
          this.#pick(OPERATORS)
        } ${this.operand(0)})`;
      case 5:
        return `[(${a} ${op} ${b})]`;
      default:
        return `${a} ${op} ${b}`;
    }
  }

  updated(): string[] {
    return [
      `s = ${this.setLike(0)} ${this.#pick(["|", "^", "-"])} ${this.operand(0)}`,
      "t = s",
      `s ${this.#pick(OPERATORS)}= ${
        this.#below(5) === 0 ? "s" : `${this.setLike(0)} | ${this.operand(0)}`
      }`,
      `s ${this.#pick(OPERATORS)}= ${this.setLike(0)}`,
      "r = []",
      "for x in s:",
      "    r.append(x)",
      this.#below(2) === 0 ? `    s |= ${this.setLike(0)} & ${this.operand(0)}` : "    pass",
      "return [r, t, s, bool(s), sorted([str(x) for x in s])]",
    ];
  }
}

/** `count` seeded cases: one in eight updates a set in place and iterates it. */
export function setCases(random: SeededRandom, count: number): SweepCase[] {
  const cases = new SetCases(random);
  return Array.from(
    { length: count },
    () =>
      random.below(8) === 0 ? statementsCase(cases.updated()) : expressionCase(cases.expression()),
  );
}
