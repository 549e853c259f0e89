/**
 * 10,000 seeded mutations of valid IR: raw byte edits of whole modules
 * (exercising strict decoding) and edits of function code re-encoded
 * canonically (exercising the verifier). Each must end as IrDecodeError,
 * IrVerifyError or a module that verifies — never any other exception.
 */

import assert from "node:assert/strict";
import { IrDecodeError, IrVerifyError } from "../mod.ts";
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
