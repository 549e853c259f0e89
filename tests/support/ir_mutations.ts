/**
 * The seeded IR mutations of the fuzz tests, in one place: raw byte edits
 * of whole modules and edits of function code re-encoded canonically
 * (tests/ir_fuzz_test.ts checks they end as typed errors or verified
 * modules; tests/tier_exactness_test.ts runs those that verify on both
 * tiers), and edits of a module's exception tables.
 */

import { decodeModule, encodeModule, type IrModule } from "../../ir.ts";
import { mutateBytes, SeededRandom } from "./random.ts";

/** A program with nested try/except/else/finally, whose tables the handler edits change. */
export const TRY_SOURCE = `
def helper(d: dict, k: str) -> int:
    try:
        return d[k]
    finally:
        d["x"] = 1

def main() -> list:
    out = []
    for k in ["a", "b"]:
        try:
            out.append(helper({"a": 1}, k))
        except KeyError as e:
            out.append(str(e))
            try:
                raise ValueError(k)
            except (TypeError, ValueError):
                out.append(e.args)
        else:
            out.append(0)
    return out
`;

/**
 * 10,000 mutated modules of `modules`: 5,000 raw byte edits, then 5,000
 * edits of one function's code, re-encoded.
 */
export function codeMutations(modules: readonly Uint8Array[]): Uint8Array[] {
  const random = new SeededRandom(0xc0de);
  const out: Uint8Array[] = [];
  for (let i = 0; i < 5_000; i++) out.push(mutateBytes(random, random.pick(modules)));
  for (let i = 0; i < 5_000; i++) {
    const module: IrModule = decodeModule(random.pick(modules));
    const index = random.below(module.functions.length);
    const functions = module.functions.map((fn, at) =>
      at === index ? { ...fn, code: mutateBytes(random, fn.code) } : fn
    );
    out.push(encodeModule({ ...module, functions }));
  }
  return out;
}

/** 2,000 edits of `base`'s exception tables (reordered, added and changed entries). */
export function handlerEdits(base: IrModule): IrModule[] {
  const random = new SeededRandom(0xe7ab);
  const field = ["start", "end", "target", "height"] as const;
  const out: IrModule[] = [];
  for (let i = 0; i < 2_000; i++) {
    const index = 1 + random.below(base.functions.length - 1);
    const functions = base.functions.map((fn, at) => {
      if (at !== index) return fn;
      const handlers = fn.handlers.map((entry) => ({ ...entry }));
      for (let edit = 0; edit <= random.below(3); edit++) {
        const choice = random.below(4);
        const a = handlers[random.below(handlers.length)];
        const b = handlers[random.below(handlers.length)];
        if (choice === 0 && a !== undefined && b !== undefined) {
          // Reorder two entries (an outer one before an inner one, or disjoint ones).
          handlers[handlers.indexOf(a)] = b;
          handlers[handlers.lastIndexOf(b)] = a;
        } else if (choice === 1 || a === undefined) {
          handlers.push({
            start: random.below(40),
            end: random.below(60),
            target: random.below(60),
            height: random.below(4),
          });
        } else a[field[random.below(4)] ?? "start"] = random.below(70);
      }
      return { ...fn, handlers };
    });
    out.push({ ...base, functions });
  }
  return out;
}
