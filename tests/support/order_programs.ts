/**
 * Seeded generator of evaluation-order programs (tests/conformance_order_test.ts).
 * Every operand is a call `t(log, tag, value)` that appends its tag to a
 * log before yielding its value, or an operand that raises an exception of
 * its own type, so the returned log (or the exception that wins) shows the
 * order in which operands, arguments, keys, values and assignment targets
 * were evaluated, and which were skipped by a short circuit. Forms: binary
 * and unary operators, chained comparisons, `and`/`or`, conditional
 * expressions, `in`, calls of builtins, methods and contract functions
 * with positional and keyword arguments in any order, subscripts and
 * slices, displays, comprehensions, and the statements that assign,
 * augment, unpack, delete, assert and loop. Exponents are made
 * non-negative (a negative one makes a float in CPython: a documented
 * difference, LANGUAGE.md §7).
 */

import { SeededRandom } from "./random.ts";

const PRELUDE = `def t(log, tag, value):
    log.append(tag)
    return value


def g(a, b, c=0):
    return [a, b, c]


def main():
    log = []
    xs = [0, 1, 2]
    d = {0: 10, 1: 11}
`;

/** Operands that raise, each with an exception type of its own. */
const RAISING = ["1 // 0", "[][1]", "{}[7]", 'int("x")', "(5).strip(1)", '"a" + 1'];

const INT_VALUES = ["0", "1", "2", "3", "-1", "True", "False"];
const LIST_VALUES = ["[0, 1, 2]", "[3, 1]", "[]", "xs", "(1, 2)", '"ab"'];
const SEQUENCE_VALUES = ["[1, 2]", "(1, 2, 3)", "[4]", '"ab"', "[]", "range(2)", "[[1, 2], 3]"];

/** Expression templates over holes: A an int operand, L a container, S a sequence to unpack. */
const EXPRESSIONS = [
  "A + B",
  "A - B * C",
  "A ** abs(B) % C",
  "A // B",
  "A << B | C",
  "A & B ^ C",
  "-A + ~B",
  "not A",
  "A < B",
  "A < B < C",
  "A == B != C < D",
  "A <= B > C",
  "A < B == C",
  "A and B",
  "A or B",
  "A and B or C",
  "A or B and C",
  "not A or B",
  "A if B else C",
  "(A if B else C) if D else A",
  "A in L",
  "A not in L",
  "max(A, B, C)",
  "min(A, B)",
  "abs(A) + len(L)",
  "g(A, B)",
  "g(A, B, C)",
  "g(b=A, a=B)",
  "g(A, c=B, b=C)",
  "g(c=A, a=B, b=C)",
  "g(A, b=B)",
  "g(g(A, B), C)",
  "sorted(L, reverse=A)",
  "int(str(A), base=B)",
  "isinstance(A, int) and B",
  "[A, B, C]",
  "(A, B)",
  "{A: B, C: D}",
  "{A: B, A: C}",
  "L[A]",
  "L[A:B]",
  "L[A:B:C]",
  "L[A] + L[B]",
  "L.index(A)",
  "L.count(A)",
  "L.get(A, B)",
  "A.bit_length() + B",
  "A.strip(B)",
  "L.append(A)",
  "L.pop(A % 3)",
  "L.insert(A, B)",
  "[A + q for q in L]",
  "[q for q in L if A]",
  "[(A, q) for q in range(2) for r in L]",
  "A + B if C else D - A",
];

/** Statement templates; the result is what the statements leave in `result`. */
const STATEMENTS = [
  "L[A] = B\n    result = xs",
  "L[A] += B\n    result = xs",
  "L[A:B] = C\n    result = xs",
  "del L[A]\n    result = xs",
  "a, b = A, B\n    result = [a, b]",
  "a, b = S\n    result = [a, b]",
  "a, b, c = S\n    result = [a, b, c]",
  "[a, b] = S\n    result = [a, b]",
  "a, (b, c) = A, S\n    result = [a, b, c]",
  "L[A], L[B] = C, D\n    result = xs",
  "L[A] = L[B] = C\n    result = xs",
  "result = A\n    result += B",
  "result = A\n    result -= B * C",
  "assert A, B\n    result = 1",
  "result = 0\n    for q in L:\n        result = result + q + A",
  "result = 0\n    while A and len(log) < 6:\n        result += 1",
  "result = 0\n    if A:\n        result = B\n    elif C:\n        result = D",
  "result = [A, B]\n    result[C] = D",
  "result = d\n    result[A] = B",
  "result = d\n    result[A] += B",
];

class Filler {
  #tag = 0;
  constructor(readonly random: SeededRandom) {}

  #leaf(values: readonly string[]): string {
    if (this.random.below(9) === 0) return `(${this.random.pick(RAISING)})`;
    return `t(log, ${this.#tag++}, ${this.random.pick(values)})`;
  }

  /** `template` with each hole filled by an operand (nested once in a while). */
  fill(template: string, depth: number): string {
    return template.replace(/\b[ABCDLS]\b/g, (hole) => {
      if (hole === "L") return this.#leaf(this.random.below(8) === 0 ? INT_VALUES : LIST_VALUES);
      if (hole === "S") return this.#leaf(SEQUENCE_VALUES);
      if (depth > 0 && this.random.below(6) === 0) {
        return `(${this.fill(this.random.pick(EXPRESSIONS), depth - 1)})`;
      }
      return this.#leaf(this.random.below(10) === 0 ? LIST_VALUES : INT_VALUES);
    });
  }
}

/** One program: main() returns the log and the result of one expression or statement group. */
export function orderProgram(random: SeededRandom): string {
  const filler = new Filler(random);
  const body = random.below(3) === 0
    ? filler.fill(random.pick(STATEMENTS), 1)
    : `result = ${filler.fill(random.pick(EXPRESSIONS), 1)}`;
  // str: CPython's repr text of the result, whatever the JSON mapping does with dict key order.
  return `${PRELUDE}    ${body}\n    return log, str(result)\n`;
}

/** `count` programs from `seed`. */
export function orderPrograms(seed: number, count: number): string[] {
  const random = new SeededRandom(seed);
  return Array.from({ length: count }, () => orderProgram(random));
}
