/**
 * 10,000 seeded mutations of valid IR: raw byte edits of whole modules
 * (exercising strict decoding) and edits of function code re-encoded
 * canonically (exercising the verifier). Each must end as IrDecodeError,
 * IrVerifyError or a module that verifies — never any other exception.
 * Edits of exception tables must be refused by the verifier or run (a
 * crafted table never crashes the interpreter).
 */

import assert from "node:assert/strict";
import { CallFailure, IrDecodeError, IrVerifyError, MemoryState } from "../mod.ts";
import { executeCall } from "../runtime.ts";
import { TEST_CONTEXT } from "./support/runtime.ts";
import { compileContract, decodeModule, encodeModule, type IrModule, verifyModule } from "../ir.ts";
import { mutateBytes, SeededRandom } from "./support/random.ts";

function outcome(check: () => void): "ok" | "decode" | "verify" {
  try {
    check();
    return "ok";
  } catch (error) {
    if (error instanceof IrDecodeError) return "decode";
    if (error instanceof IrVerifyError) return "verify";
    throw error;
  }
}

Deno.test("10,000 seeded IR mutations end as typed errors or verified modules", () => {
  const modules = ["counter", "token", "escrow"].map((name) =>
    compileContract(Deno.readFileSync(`examples/${name}/${name}.py`)).bytes
  );
  const random = new SeededRandom(0xc0de);
  const counts = { ok: 0, decode: 0, verify: 0 };
  for (let i = 0; i < 5_000; i++) {
    const mutated = mutateBytes(random, random.pick(modules));
    counts[outcome(() => verifyModule(decodeModule(mutated)))]++;
  }
  for (let i = 0; i < 5_000; i++) {
    const module: IrModule = decodeModule(random.pick(modules));
    const index = random.below(module.functions.length);
    const functions = module.functions.map((fn, at) =>
      at === index ? { ...fn, code: mutateBytes(random, fn.code) } : fn
    );
    const mutated = encodeModule({ ...module, functions });
    counts[outcome(() => verifyModule(decodeModule(mutated)))]++;
  }
  assert.equal(counts.ok + counts.decode + counts.verify, 10_000);
  assert.ok(counts.decode > 0 && counts.verify > 0, JSON.stringify(counts));
  console.log(`IR mutations: ${JSON.stringify(counts)}`);
});

const TRY_SOURCE = `
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

Deno.test("2,000 seeded exception-table edits end as IrVerifyError or a module that runs to a result or a CallFailure", () => {
  const base = decodeModule(compileContract(TRY_SOURCE).bytes);
  const random = new SeededRandom(0xe7ab);
  const counts = { ok: 0, decode: 0, verify: 0 };
  const field = ["start", "end", "target", "height"] as const;
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
    const bytes = encodeModule({ ...base, functions });
    const result = outcome(() => {
      const verified = verifyModule(decodeModule(bytes));
      const run = executeCall({
        verified,
        manifest: null,
        function: "main",
        args: [],
        gasLimit: 1_000_000,
        context: TEST_CONTEXT,
        state: new MemoryState(),
      });
      assert.ok(run.failure === null || run.failure instanceof CallFailure);
    });
    counts[result]++;
  }
  assert.ok(counts.verify > 0 && counts.ok > 0, JSON.stringify(counts));
  console.log(`exception-table edits: ${JSON.stringify(counts)}`);
});
