/**
 * try/except/else/finally and raise (spec/LANGUAGE.md §3): 1,500 generated
 * programs (tests/support/exception_programs.ts) give exactly CPython
 * 3.11's outcome; catching pays its unwinding (spec/GAS.md §9) however
 * often a hostile loop raises; revert and out-of-gas pass every handler and
 * leave state untouched.
 */

import assert from "node:assert/strict";
import { MemoryState, validate } from "../mod.ts";
import { compileContract } from "../ir.ts";
import { EXCEPTIONS, WALKS } from "../lib/compile/opcodes.ts";
import { EXCEPTION_CLASSES } from "../lib/validate/allowlist.ts";
import { cpythonOutcomes, vmOutcome } from "./support/differential.ts";
import { ExceptionProgramGenerator } from "./support/exception_programs.ts";
import { pythonUnavailableReason } from "./support/python.ts";
import { SeededRandom } from "./support/random.ts";
import { callCompiled, runSource } from "./support/runtime.ts";

const COUNT = 1_200;
const skipReason = pythonUnavailableReason();

Deno.test({
  name:
    "exceptions: 1,200 generated programs match CPython 3.11 (values, records, exception types)",
  ignore: skipReason !== null,
  fn: async () => {
    const generator = new ExceptionProgramGenerator(new SeededRandom(0xe4c3));
    const sources = Array.from({ length: COUNT }, () => generator.program());
    const expected = await cpythonOutcomes(sources);
    const differences: string[] = [];
    let completed = 0;
    sources.forEach((source, i) => {
      const validation = validate(source);
      assert.ok(validation.ok, `${validation.diagnostics[0]?.message}\n${source}`);
      const actual = vmOutcome(source);
      if (actual.startsWith('{"events"')) completed++;
      if (actual !== expected[i]) {
        differences.push(`${source}\nVM ${actual}\nPY ${expected[i]}`);
      }
    });
    assert.deepEqual(differences.slice(0, 3), []);
    // Most programs run to a value (their record of what ran is compared), some fail uncaught.
    assert.ok(completed > COUNT / 2 && completed < COUNT, `${completed} completed`);
  },
});

const UNWIND = WALKS.unwind.node.per;

/** A chain main -> f1 -> ... -> f{depth}, where f{depth} raises and main catches. */
function chain(depth: number): string {
  let source = `def f${depth}(x: int) -> int:\n    raise ValueError(x)\n`;
  for (let i = depth - 1; i >= 1; i--) {
    source += `def f${i}(x: int) -> int:\n    return f${i + 1}(x)\n`;
  }
  return `${source}def main() -> int:\n    try:\n        return f1(1)\n    except ValueError as e:\n        return e.args[0]\n`;
}

Deno.test("exceptions: catching pays per frame of the stack it was raised in and per frame popped", () => {
  const gas = [5, 10].map((depth) => {
    const result = runSource(chain(depth));
    assert.equal(result.value, 1);
    return result.gasUsed;
  });
  // Five more frames: five more CALLs and returns' worth of code plus ten unwinding units.
  const perFrame = ((gas[1] ?? 0) - (gas[0] ?? 0)) / 5;
  const withoutTry = [5, 10].map((depth) =>
    runSource(chain(depth).replace(/try:[\s\S]*$/, "return f1(1)\n")).gasUsed
  );
  const callsOnly = ((withoutTry[1] ?? 0) - (withoutTry[0] ?? 0)) / 5;
  assert.equal(perFrame - callsOnly, 2 * UNWIND);
});

Deno.test("exceptions: a loop that raises and catches pays every iteration and stops out of gas", () => {
  const source = `
def main() -> int:
    n = 0
    while True:
        try:
            raise KeyError(n)
        except KeyError:
            n += 1
`;
  const small = runSource(source, { gasLimit: 20_000 });
  const large = runSource(source, { gasLimit: 200_000 });
  for (const [result, limit] of [[small, 20_000], [large, 200_000]] as const) {
    assert.equal(result.failure?.kind, "out-of-gas");
    assert.ok(result.gasUsed > limit - 100);
  }
  // Each iteration pays its unwinding (one frame recorded, none popped) on top of its instructions.
  const loop = (n: number, raising: boolean) =>
    runSource(`
def main() -> int:
    n = 0
    while n < ${n}:
        try:
            ${raising ? "raise KeyError(n)" : "n += 1"}
        except KeyError:
            n += 1
    return n
`).gasUsed;
  const raising = (loop(20, true) - loop(10, true)) / 10;
  const plain = (loop(20, false) - loop(10, false)) / 10;
  assert.ok(raising - plain >= UNWIND, `${raising} vs ${plain}`);
});

Deno.test("exceptions: the deepest call chain with handlers stays within the call_depth cap", () => {
  const depth = 63;
  let source = `def f${depth}(x: int) -> int:\n    raise ValueError(x)\n`;
  for (let i = depth - 1; i >= 1; i--) {
    source += `def f${i}(x: int) -> int:\n    try:\n        return f${
      i + 1
    }(x + 1)\n    except ValueError:\n        raise\n    finally:\n        x = 0\n`;
  }
  source +=
    "def main() -> int:\n    try:\n        return f1(0)\n    except ValueError as e:\n        return e.args[0]\n";
  const result = runSource(source);
  assert.equal(result.failure, null);
  assert.equal(result.value, depth - 1);
  const deeper = source.replace("return f1(0)", "return f0(0)") +
    "def f0(x: int) -> int:\n    return f1(x)\n";
  assert.equal(runSource(deeper).failure?.kind, "limit");
});

Deno.test("exceptions: revert and out-of-gas pass except and finally; state is untouched", () => {
  const source = `
from stdlib import abi, storage

def main() -> int:
    try:
        storage.set(b"k", b"v")
        abi.revert(b"no")
    except BaseException:
        storage.set(b"caught", b"1")
    finally:
        storage.set(b"finally", b"1")
    return 1

def spin() -> int:
    try:
        while True:
            storage.set(b"k", b"v")
    except Exception:
        return 2
    finally:
        storage.set(b"finally", b"1")
`;
  const compiled = compileContract(source);
  const state = new MemoryState();
  const reverted = callCompiled(compiled, { state });
  assert.equal(reverted.failure?.kind, "revert");
  assert.equal(reverted.failure?.type, "Revert");
  const spun = callCompiled(compiled, { state, fn: "spin", gasLimit: 100_000 });
  assert.equal(spun.failure?.kind, "out-of-gas");
  for (const result of [reverted, spun]) {
    assert.deepEqual(result.events, []);
    assert.equal(result.writes.length, 0);
  }
});

Deno.test("exceptions: an uncaught re-raise reports where the exception was first raised", () => {
  const source = `
def inner(d: dict) -> int:
    return d["missing"]

def main() -> int:
    try:
        return inner({})
    except KeyError:
        raise
`;
  const failure = runSource(source).failure;
  assert.equal(failure?.type, "KeyError");
  assert.equal(failure?.message, "'missing'");
  assert.deepEqual(failure?.traceback.map((f) => [f.function, f.line]), [["main", 7], [
    "inner",
    3,
  ]]);
  const raised = runSource("def main() -> int:\n    raise ValueError('a', 1)\n").failure;
  assert.equal(raised?.message, "('a', 1)");
});

Deno.test({
  name: "exceptions: the class table is CPython's hierarchy and the validator's list",
  ignore: skipReason !== null,
  fn: async () => {
    assert.deepEqual([...EXCEPTION_CLASSES].sort(), EXCEPTIONS.map((entry) => entry.name).sort());
    const names = EXCEPTIONS.map((entry) => entry.name);
    const script =
      `import builtins, json, sys\nprint(json.dumps([getattr(builtins, n).__base__.__name__ for n in json.loads(sys.argv[1])[1:]]))`;
    const output = await new Deno.Command("python3", {
      args: ["-c", script, JSON.stringify(names)],
    })
      .output();
    const parents = JSON.parse(new TextDecoder().decode(output.stdout));
    assert.deepEqual(
      EXCEPTIONS.slice(1).map((entry) => EXCEPTIONS[entry.parent ?? 0]?.name),
      parents,
    );
  },
});
