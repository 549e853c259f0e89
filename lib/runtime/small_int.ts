/**
 * The safe-integer fast path of `+`, `-` and `*`, the one rule every copy
 * of it follows (ops.ts, the interpreter's inline cases and its
 * superinstructions): two safe ints whose result is a safe int give that
 * result for the op's base gas alone (spec/GAS.md §6); otherwise null, and
 * the general operator runs and pays its dynamic term.
 */

/** `a + b` of two safe ints when it is safe, else null. */
export function smallAdd(a: number, b: number): number | null {
  const sum = a + b;
  return Number.isSafeInteger(sum) ? sum : null;
}

/** `a - b` of two safe ints when it is safe, else null (never -0). */
export function smallSub(a: number, b: number): number | null {
  const difference = a - b;
  return Number.isSafeInteger(difference) ? (difference === 0 ? 0 : difference) : null;
}

/** `a * b` of two safe ints when it is safe, else null (never -0). */
export function smallMul(a: number, b: number): number | null {
  const product = a * b;
  return Number.isSafeInteger(product) ? (product === 0 ? 0 : product) : null;
}
