/**
 * Hostile input to the runtime, 10,000 seeded cases: random and mutated
 * calldata against the example contracts, and mutated IR that still
 * passes the verifier, run with random arguments. Every case must end as
 * a result (success or CallFailure) or a typed decode error; no other
 * exception may escape.
 */

import assert from "node:assert/strict";
import {
  AbiDecodeError,
  decodeCall,
  encodeCall,
  IrDecodeError,
  IrVerifyError,
  MemoryState,
  parseManifest,
} from "../mod.ts";
import { compileContract, decodeModule, encodeModule, verifyModule } from "../ir.ts";
import { executeCall, fromAbiValue, PyList, type Value } from "../runtime.ts";
import { mutateBytes, SeededRandom } from "./support/random.ts";
import { TEST_CONTEXT } from "./support/runtime.ts";

const EXAMPLES = ["counter", "token", "escrow"].map((name) => {
  const manifest = parseManifest(
    JSON.parse(Deno.readTextFileSync(`examples/${name}/manifest.json`)),
  );
  const compiled = compileContract(Deno.readFileSync(`examples/${name}/${manifest.entry}`), {
    exports: manifest.functions.map((fn) => fn.name),
  });
  return { manifest, compiled };
});

function randomValue(random: SeededRandom, depth = 0): Value {
  switch (random.below(depth > 1 ? 6 : 7)) {
    case 0:
      return random.below(1000) - 500;
    case 1:
      return BigInt(random.nextU32()) ** BigInt(1 + random.below(4));
    case 2:
      return Uint8Array.from({ length: random.below(40) }, () => random.below(256));
    case 3:
      return "é-" + random.below(100);
    case 4:
      return random.below(2) === 0;
    case 5:
      return null;
    default:
      return new PyList(
        Array.from({ length: random.below(4) }, () => randomValue(random, depth + 1)),
      );
  }
}

Deno.test("runtime fuzz: 5,000 random and mutated calldata", () => {
  const random = new SeededRandom(0xca11);
  let executed = 0;
  for (let i = 0; i < 5_000; i++) {
    const { manifest, compiled } = random.pick(EXAMPLES);
    const fn = random.pick(manifest.functions);
    const valid = encodeCall(
      fn,
      fn.inputs.map((param) =>
        param.type.kind === "address"
          ? new Uint8Array(33)
          : param.type.kind === "int"
          ? BigInt(random.below(100))
          : new Uint8Array()
      ),
    );
    const data = i % 3 === 0
      ? Uint8Array.from({ length: random.below(60) }, () => random.below(256))
      : mutateBytes(random, valid);
    let decoded;
    try {
      decoded = decodeCall(manifest, data);
    } catch (error) {
      if (error instanceof AbiDecodeError) continue;
      throw error;
    }
    const result = executeCall({
      verified: compiled.verified,
      manifest,
      function: decoded.fn.name,
      args: decoded.args.map((arg, k) =>
        fromAbiValue(decoded.fn.inputs[k]?.type ?? { kind: "int" }, arg)
      ),
      gasLimit: 1_000_000,
      context: TEST_CONTEXT,
      state: new MemoryState(),
    });
    assert.ok(result.ok || result.failure !== null);
    executed++;
  }
  assert.ok(executed > 300, `${executed} calls executed`);
});

Deno.test("runtime fuzz: 5,000 mutated modules that verify run without escaping exceptions", () => {
  const random = new SeededRandom(0x1a7e);
  let ran = 0;
  for (let i = 0; i < 5_000; i++) {
    const { compiled } = random.pick(EXAMPLES);
    const module = decodeModule(compiled.bytes);
    const target = 1 + random.below(module.functions.length - 1);
    const functions = module.functions.map((
      fn,
      at,
    ) => (at === target || at === 0 && random.below(4) === 0
      ? { ...fn, code: mutateBytes(random, fn.code) }
      : fn)
    );
    let verified;
    try {
      verified = verifyModule(decodeModule(encodeModule({ ...module, functions })));
    } catch (error) {
      if (error instanceof IrDecodeError || error instanceof IrVerifyError) continue;
      throw error;
    }
    const exported = random.pick(verified.module.exports);
    const params = verified.module.functions[exported.fn]?.params.length ?? 0;
    const result = executeCall({
      verified,
      manifest: null,
      function: exported.name,
      args: Array.from({ length: params }, () => randomValue(random)),
      gasLimit: 200_000,
      context: TEST_CONTEXT,
      state: new MemoryState(),
    });
    assert.ok(result.ok || result.failure !== null);
    ran++;
  }
  assert.ok(ran > 100, `${ran} mutated modules ran`);
  console.log(`mutated modules that verified and ran: ${ran}`);
});
