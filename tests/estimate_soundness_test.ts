/**
 * The static estimator is sound (spec/GAS.md §4): on every program of the
 * runtime corpus, on 2,000 generated programs, on the limits cases and on
 * adversarial calls that feed each size-dependent member the largest input
 * its caps allow (from storage written by an earlier call, so the function
 * under estimate does not pay for building it), the gas a call uses is never
 * above the estimate's bound, and an `exact` estimate of a successful call
 * is the gas used. Unbounded estimates are skipped but counted.
 *
 * Each executed instruction is also checked on its own: it may never be
 * charged more than `instructionMaxGas` (op maxGas + host member maxGas),
 * which names the member whose table entry undercounts what the runtime
 * measures, nor more than the estimator's size-aware bound for it
 * (`estimateDetailed`), which names the rule that undercounts. The
 * example contracts are checked in estimate_examples_test.ts.
 */

import assert from "node:assert/strict";
import { MemoryState } from "../mod.ts";
import { executeCall } from "../runtime.ts";
import { compileContract, estimateGas, OP_INFO } from "../ir.ts";
import type { CompiledContract } from "../lib/compile/compile.ts";
import {
  estimateDetailed,
  instructionMaxGas,
  makesZips,
  UNWIND_MAX,
} from "../lib/compile/estimate.ts";
import { readLimitsCorpus } from "./support/limits_corpus.ts";
import { ProgramGenerator } from "./support/program_generator.ts";
import { SeededRandom } from "./support/random.ts";
import { returnWalkGas } from "./support/return_walk.ts";
import { runtimeCorpus, TEST_CONTEXT } from "./support/runtime.ts";
import { ExceptionProgramGenerator } from "./support/exception_programs.ts";
import { BUILTINS, METHODS, Op, STDLIB } from "../lib/compile/opcodes.ts";

/**
 * Members whose runtime charge can exceed the table's `base + per × max`
 * (the table's max_units is below what the runtime measures). Each entry is
 * a table/runtime fix for the lead; the list must end empty. A violation is
 * tolerated only when every over-charged instruction is one of these.
 */
const KNOWN_UNDERCOUNTED: ReadonlyMap<string, string> = new Map([
  ...["EQ", "NE", "LT", "LE", "GT", "GE"].map((op): [string, string] => [
    op,
    "charges one unit per element pair visited, nested containers included: aliased nesting reaches 64 × 65,536 = 4.2M pairs; the table's bytes max is 1,048,576",
  ]),
  ...["max", "sorted"].map((name): [string, string] => [
    `CALL_BUILTIN ${name}`,
    "compares items with the paid comparison walk (walks.compare), which visits aliased nesting pair by pair, on top of the builtin's declared units",
  ]),
  ...["get", "pop", "setdefault"].map((name): [string, string] => [
    `CALL_METHOD ${name}`,
    "hashes its key with the paid dict-key walk (walks.key: per tuple item, per byte of bytes), which the method's table entry does not declare",
  ]),
  [
    "BUILD_DICT",
    "hashes each key with the paid dict-key walk (walks.key: per tuple item, per byte of bytes), beyond the op's items term",
  ],
  ...["count", "index", "remove"].map((name): [string, string] => [
    `CALL_METHOD ${name}`,
    "compares each candidate with the paid == walk (walks.compare), which visits aliased nesting pair by pair: up to the gas left, over the method's declared items",
  ]),
  [
    "CALL_METHOD count",
    "list/tuple count now pays its equality checks as EQ does (one unit per element pair, nested included), on top of its declared items: aliased nesting goes past the table's max",
  ],
  [
    "CALL_BUILTIN min",
    "compares items with the paid comparison walk (walks.compare), on top of the builtin's declared units",
  ],
  [
    "CALL_BUILTIN sum",
    "its additions pay ADD's int words (ops.add) on top of the builtin's declared items",
  ],
  [
    "RETURN",
    "a return walk that fails (a cap or out of gas while measuring the value) is charged at the RETURN; the estimator bounds it per function (RETURN_WALK_MAX), not per instruction",
  ],
  ...["RAISE", "RERAISE"].map((op): [string, string] => [
    op,
    "a raised object that leaves the call uncaught writes its message (the repr walk of str(e)) then, charged at the raise; the estimator bounds it per call (MESSAGE_MAX), not per instruction",
  ]),
  [
    "CALL_BUILTIN str",
    "pays the repr walk (walks.repr: per item and per byte written, the text held to bytes_length) on top of the builtin's declared bytes",
  ],
]);

/** Known entries some test actually met (the last test requires every entry to be met). */
const KNOWN_HIT = new Set<string>();

interface Tally {
  checked: number;
  exact: number;
  unbounded: number;
  readonly violations: string[];
  readonly known: Set<string>;
}

function newTally(): Tally {
  return { checked: 0, exact: 0, unbounded: 0, violations: [], known: new Set() };
}

/** `OP member` of an instruction, as KNOWN_UNDERCOUNTED names it. */
function memberName(op: number, operand: number): string {
  const table = op === Op.CALL_BUILTIN
    ? BUILTINS
    : op === Op.CALL_METHOD
    ? METHODS
    : op === Op.CALL_STDLIB || op === Op.STDLIB_VALUE
    ? STDLIB
    : null;
  const name = OP_INFO[op as Op]?.name ?? String(op);
  return table === null ? name : `${name} ${table[operand]?.name ?? operand}`;
}

/** Calls `fn`, then checks each instruction's charge and the whole call against the estimate. */
function check(
  tally: Tally,
  label: string,
  compiled: CompiledContract,
  state: MemoryState,
  gasLimit: number,
): void {
  const detailed = estimateDetailed(compiled);
  const estimate = detailed.estimates.get("main");
  assert.ok(estimate !== undefined, `${label}: no estimate for main`);
  const steps: { fn: number; pc: number; gas: number }[] = [];
  const result = executeCall({
    verified: compiled.verified,
    manifest: null,
    function: "main",
    args: [],
    gasLimit,
    context: TEST_CONTEXT,
    state,
    onStep: (fn, pc, _op, gas) => steps.push({ fn, pc, gas }),
  });
  const over = new Set<string>();
  const ruleViolations = new Set<string>();
  const rules = detailed.instructionBounds;
  const zips = makesZips(compiled);
  // The return walk is paid after the last instruction (spec/ABI.md §6): not that RETURN's cost.
  const walk = result.ok ? returnWalkGas(result.value) : 0;
  steps.forEach((step, i) => {
    const next = steps[i + 1]?.gas ?? result.gasUsed - walk;
    const charged = next - step.gas;
    const instruction = compiled.verified.functions[step.fn]?.instructions[step.pc];
    if (instruction === undefined || instruction.op === Op.CALL) return;
    // An instruction whose exception a handler catches also pays the unwinding (spec/GAS.md §9),
    // which the estimator bounds on the handler edge (UNWIND_MAX); handler targets are reached
    // only by catching.
    const nextStep = steps[i + 1];
    const caught = nextStep !== undefined &&
      (compiled.module.functions[nextStep.fn]?.handlers ?? []).some((entry) =>
        entry.target === nextStep.pc
      );
    const max = instructionMaxGas(instruction, zips) + (caught ? UNWIND_MAX : 0);
    if (charged > max) {
      over.add(memberName(instruction.op, instruction.operands[0] ?? 0));
    } else if (charged > (rules.get(step.fn)?.[step.pc] ?? 0) + (caught ? UNWIND_MAX : 0)) {
      // Within the table but above the size rule: the rule undercounts.
      ruleViolations.add(
        `${memberName(instruction.op, instruction.operands[0] ?? 0)} (fn ${step.fn} pc ${step.pc})`,
      );
    }
  });
  if (ruleViolations.size > 0) {
    tally.violations.push(`${label}: charged over the estimated bound by ${[...ruleViolations]}`);
  }
  const unexplained = [...over].filter((member) => !KNOWN_UNDERCOUNTED.has(member));
  for (const member of over) {
    if (KNOWN_UNDERCOUNTED.has(member)) {
      tally.known.add(member);
      KNOWN_HIT.add(member);
    }
  }
  if (unexplained.length > 0) {
    tally.violations.push(
      `${label}: charged over the table's maximum by ${unexplained.join(", ")}`,
    );
  }
  if (estimate.kind === "unbounded") {
    tally.unbounded++;
    return;
  }
  tally.checked++;
  const bound = estimate.kind === "exact" ? estimate.gas : estimate.max;
  if (result.gasUsed > bound) {
    tally.violations.push(`${label}: used ${result.gasUsed} > bound ${bound}`);
  }
  if (estimate.kind === "exact") {
    tally.exact++;
    if (result.ok && result.gasUsed !== bound) {
      tally.violations.push(`${label}: used ${result.gasUsed}, exact estimate ${bound}`);
    }
  }
}

function checkSource(tally: Tally, label: string, source: string, gasLimit: number): void {
  check(tally, label, compileContract(source), new MemoryState(), gasLimit);
}

Deno.test("estimate soundness: the runtime corpus", () => {
  const tally = newTally();
  for (const { label, source } of runtimeCorpus()) checkSource(tally, label, source, 100_000_000);
  checkSource(
    tally,
    "call of a helper",
    "def add(a, b):\n    return a + b\n\ndef main():\n    return add(2, 3)\n",
    100_000_000,
  );
  assert.deepEqual(tally.violations, []);
  assert.ok(tally.checked >= 200, `${tally.checked} programs checked`);
  assert.ok(tally.exact > 0, "at least one exact estimate was checked");
});

Deno.test("estimate soundness: 2,000 generated programs", () => {
  const tally = newTally();
  const generator = new ProgramGenerator(new SeededRandom(0xe571a7e));
  for (let i = 0; i < 2000; i++) {
    checkSource(tally, `generated #${i}`, generator.program(), 5_000_000);
  }
  assert.deepEqual(tally.violations.slice(0, 5), []);
  // Programs with while loops are unbounded; the rest must be a good share.
  assert.ok(tally.checked >= 700, `${tally.checked} checked, ${tally.unbounded} unbounded`);
});

Deno.test("estimate soundness: 300 generated try/except/finally programs", () => {
  const tally = newTally();
  const generator = new ExceptionProgramGenerator(new SeededRandom(0xe5ce));
  for (let i = 0; i < 300; i++) {
    checkSource(tally, `exception program #${i}`, generator.program(), 5_000_000);
  }
  assert.deepEqual(tally.violations.slice(0, 5), []);
  assert.ok(tally.checked >= 250, `${tally.checked} checked, ${tally.unbounded} unbounded`);
});

Deno.test("estimate soundness: the limits corpus", () => {
  const tally = newTally();
  // Cases the compiler refuses have no estimate; every other case runs (at 1M gas, to stay fast).
  const cases = readLimitsCorpus().filter((entry) => !entry.expected.includes("invalid"));
  for (const entry of cases) checkSource(tally, entry.id, entry.source, 1_000_000);
  assert.deepEqual(tally.violations, []);
  // Most limit cases loop until gas runs out (unbounded estimates): their instructions are still
  // checked one by one; the bounded ones are checked as a whole too.
  assert.equal(tally.checked + tally.unbounded, cases.length);
  assert.ok(tally.checked >= 50, `${tally.checked} checked of ${cases.length}`);
});

/**
 * Calls whose inputs are as large as the caps allow. `setup()` (when
 * present) stores them in an earlier call; `main()` reads and uses them.
 */
const ADVERSARIAL: readonly [string, string][] = [
  [
    "storage.get_int of an 8 KiB stored value (1024 words)",
    `from stdlib import storage
def setup():
    storage.set(b"k", b"\\x01" * 8192)
def main():
    return storage.get_int(b"k")
`,
  ],
  [
    "storage.get of a 64 KiB stored value",
    `from stdlib import storage
def setup():
    storage.set(b"k", b"\\x01" * 65536)
def main():
    return len(storage.get(b"k"))
`,
  ],
  [
    "storage.set_int of a 4096-bit int read from storage",
    `from stdlib import storage
def setup():
    storage.set(b"k", b"\\x7f" + b"\\xff" * 511)
def main():
    storage.set_int(b"j", storage.get_int(b"k"))
`,
  ],
  [
    "hashes and hex of a 64 KiB stored value",
    `from stdlib import hash, storage
def setup():
    storage.set(b"k", b"ab" * 32768)
def main():
    v = storage.get(b"k")
    return (hash.sha3_256(v), hash.sha3_512(v), hash.keccak256(v), hash.blake3(v), v.hex()[:4])
`,
  ],
  [
    "bytes search and replace over a 64 KiB stored value",
    `from stdlib import storage
def setup():
    storage.set(b"k", b"ab" * 32768)
def main():
    v = storage.get(b"k")
    return (v.find(b"abb"), v.count(b"b"), v.replace(b"a", b"xyz")[:3], v.startswith(v))
`,
  ],
  [
    "equality and ordering of aliased nested lists",
    `def main():
    xs = [0] * 65536
    a = [xs] * 20
    b = [list(xs)] * 20
    return (a == b, a != b, a < b, a <= b, a > b, a >= b)
`,
  ],
  [
    "membership and search in aliased nested lists",
    `def main():
    xs = [0] * 65536
    a = [xs] * 64
    ys = list(xs)
    return (ys in a, a.count(ys), a.index(ys), max([ys, xs]))
`,
  ],
  [
    "index in aliased nested lists that differ at the last item",
    `def main():
    xs = [0] * 65536
    ys = list(xs)
    ys[65535] = 1
    a = [xs] * 63 + [ys]
    return a.index(ys)
`,
  ],
  [
    "remove from aliased nested lists that differ at the last item",
    `def main():
    xs = [0] * 65536
    ys = list(xs)
    ys[65535] = 1
    a = [xs] * 63 + [ys]
    a.remove(ys)
    return len(a)
`,
  ],
  [
    "get, setdefault and pop of a 1 MB bytes key",
    `def main():
    k = b"a" * 1000000
    d = {k: 1}
    return (d.get(k), d.setdefault(k, 2), d.pop(k))
`,
  ],
  [
    "sorting aliased nested lists",
    `def main():
    xs = [0] * 65536
    a = [list(xs), xs] * 32
    return len(sorted(a))
`,
  ],
  [
    "str and encode of aliased nested lists",
    `from stdlib import abi
def main():
    xs = [0] * 4096
    a = [xs] * 256
    return (len(str(a)), len(abi.encode(["list<list<int>>"], [a])))
`,
  ],
  [
    "nested tuples as dict keys",
    `def main():
    t = (0,) * 1024
    k = (t,) * 16
    d = {k: 1}
    return d[tuple(list(k))]
`,
  ],
  [
    "builtins over a 65,536-item range",
    `def main():
    r = range(65536)
    xs = []
    xs.extend(r)
    return (len(xs), len(list(r)), len(tuple(r)), sum(r), min(r), max(r), all(r), any(r),
            len(sorted(r)), len(list(reversed(r))), len(list(enumerate(r))))
`,
  ],
  [
    "builtins and methods over dict views of 65,536 items",
    `def main():
    d = dict(zip(range(65536), range(65536)))
    xs = []
    xs.extend(d.keys())
    e = {}
    e.update(d.items())
    return (len(list(d.keys())), len(tuple(d.values())), sum(d.values()), min(d.keys()),
            max(d.values()), len(sorted(d.items())), len(xs), len(e))
`,
  ],
  [
    "zip of many iterables",
    `def main():
    v = [1, 2]
    return list(zip(v, v, v, v, v, v, v, v))
`,
  ],
  [
    "str methods on a 64 KiB stored text",
    `from stdlib import storage
def setup():
    storage.set(b"k", b" a" * 32768)
def main():
    s = storage.get(b"k").decode()
    return (len(s.strip()), s.upper()[:2], s.isalpha(), len(s.split()), s.find("ab"),
            s[1:60000][:2], s.encode()[:2], len(s.zfill(70000)))
`,
  ],
  [
    "events.emit and abi.encode of a 16 KiB stored value",
    `from stdlib import abi, events, storage
def setup():
    storage.set(b"k", b"\\x02" * 16000)
def main():
    v = storage.get(b"k")
    events.emit(b"E", {"v": v})
    return len(abi.encode(["bytes"], [v]))
`,
  ],
  [
    "ints decoded from a stored value, then big arithmetic",
    `from stdlib import storage
def setup():
    storage.set(b"k", b"\\x7f" + b"\\xff" * 511)
def main():
    x = int.from_bytes(storage.get(b"k"), "big")
    return (x * x % 97, divmod(x, 3)[1], pow(x, x, 1000003), x.bit_length(), hex(x)[:4], str(x)[:2])
`,
  ],
  [
    "a modular power and inverse of 10-word ints (pow's modular_steps, over int_words_product's max)",
    `from stdlib import storage
def setup():
    storage.set(b"k", b"\\x7f" + b"\\xff" * 79)
def main():
    x = int.from_bytes(storage.get(b"k"), "big")
    return pow(3, -1, x) + pow(x, x, x + 2)
`,
  ],
  // The size-aware rules (lib/compile/estimate_costs.ts), each at the largest input it can meet.
  [
    "storage.get of a missing key with a large default",
    `from stdlib import storage
def setup():
    storage.set(b"k", b"\\x01" * 60000)
def main():
    v = storage.get(b"missing", storage.get(b"k"))
    return (len(v + v), v == v)
`,
  ],
  [
    "a read under an exact key that a write under a known prefix reaches",
    `from stdlib import storage
def setup():
    storage.set(b"s", b"q")
    storage.set(b"p:" + storage.get(b"s"), b"\\x01" * 65536)
def main():
    v = storage.get(b"p:q")
    return (len(v), v == v, v <= v, len(v + v), storage.get_int(b"s"))
`,
  ],
  [
    "reads bounded by writes that themselves copy stored values (the survey's rounds)",
    `from stdlib import storage
def setup():
    storage.set(b"a", b"\\x05" * 60000)
def copy():
    storage.set(b"b", storage.get(b"a"))
def copy_again():
    storage.set(b"c", storage.get(b"b"))
def main():
    copy()
    copy_again()
    return len(storage.get(b"c") + storage.get(b"b"))
`,
  ],
  [
    "storage.get_int with a 2000-bit default, then its arithmetic and to_bytes",
    `from stdlib import storage
def main():
    x = storage.get_int(b"missing", 2**2000)
    return (len(str(x * x % (x + 1))), (x // 3) % 7, len(x.to_bytes(600, "big")), x - 1 > x)
`,
  ],
  [
    "to_bytes with keyword arguments (values out of parameter order)",
    `def main():
    x = 5
    return len(x.to_bytes(signed=True, length=100000, byteorder="big"))
`,
  ],
  [
    "events.emit of a displayed dict of stored values, and of a dict grown after its display",
    `from stdlib import events, storage
def setup():
    storage.set(b"k", b"\\x03" * 8000)
    storage.set_int(b"i", 2**4095)
def main():
    v = storage.get(b"k")
    events.emit(b"E", {"a": v, "b": storage.get_int(b"i"), "c": True, "d": None})
    d = {"a": b""}
    d["b"] = v
    events.emit(b"F", d)
    e = {"x": 1}
    events.emit(b"G", {"a": e, "b": e.update({"y": v})})
    return 0
`,
  ],
  [
    "dict displays keyed by stored bytes, long str and big ints",
    `from stdlib import storage
def setup():
    storage.set(b"k", b"\\x03" * 65536)
def main():
    k = storage.get(b"k")
    s = k.decode()
    d = {k: 1, 2**4000: 2, s: 3, "\\x00" + s: 4, (k, k): 5}
    return len(d)
`,
  ],
  [
    "hashes, int.from_bytes and random.bytes of stored and known sizes",
    `from stdlib import hash, random, storage
def setup():
    storage.set(b"k", b"\\x07" * 65536)
def main():
    v = storage.get(b"k")
    r = random.bytes(50000)
    x = int.from_bytes(v[:512], "big")
    return (len(hash.sha3_512(v + r)), len(hash.blake3(r)), x % 5, int.from_bytes(r[:100]) > 0)
`,
  ],
  [
    "values that grow in a loop and in a callee",
    `from stdlib import storage
def setup():
    storage.set(b"k", b"\\x01" * 60000)
def grow(x):
    return x + storage.get(b"k")
def main():
    b = storage.get(b"k")
    for i in range(3):
        b = b + b
    g = grow(b"")
    return (len(b), len(g + g), g == g)
`,
  ],
  [
    "str concatenation and comparison of decoded stored text",
    `from stdlib import abi, storage
def setup():
    storage.set(b"k", "\\u00e9".encode() * 30000)
def main():
    s = storage.get(b"k").decode()
    t = s + s
    abi.require(len(t) > 0, t[:10])
    return (len(t), t == t, s < t, len(s.encode()))
`,
  ],
];

Deno.test("estimate soundness: the largest inputs the caps allow, from storage", () => {
  const tally = newTally();
  for (const [name, source] of ADVERSARIAL) {
    const compiled = compileContract(source);
    const state = new MemoryState();
    if (source.includes("def setup()")) {
      const setup = executeCall({
        verified: compiled.verified,
        manifest: null,
        function: "setup",
        args: [],
        gasLimit: 10_000_000,
        context: TEST_CONTEXT,
        state,
      });
      assert.ok(setup.ok, `${name}: setup failed: ${setup.failure?.message}`);
      state.apply(setup.writes);
    }
    check(tally, name, compiled, state, 10_000_000);
  }
  assert.deepEqual(tally.violations, []);
  // Every known entry must still be needed: the list only ever shrinks.
  assert.ok([...tally.known].every((member) => KNOWN_UNDERCOUNTED.has(member)));
});

/**
 * Straight-line calls dominated by one size-aware rule at the largest input
 * it can meet: the bound must hold and be within 1.25× of the gas used, so
 * a rule that undercounts its units (or drops them) fails here.
 */
const TIGHT: readonly [string, string][] = [
  [
    "comparisons of two 64 KiB stored values",
    `from stdlib import abi, storage
def setup():
    storage.set(b"k", b"\\x01" * 65536)
def main():
    v = storage.get(b"k")
    w = storage.get(b"k")
    abi.require(v == w)
    abi.require(v <= w)
    abi.require(v >= w)
    abi.require(not (v != w))
    return 0
`,
  ],
  [
    "concatenation of stored bytes and decoded text",
    `from stdlib import storage
def setup():
    storage.set(b"k", b"\\x01" * 65536)
def main():
    v = storage.get(b"k")
    x = v + v
    y = x + v
    return 0
`,
  ],
  [
    "storage.get_int and storage.set_int of a 4095-bit int",
    `from stdlib import storage
def setup():
    storage.set_int(b"i", 2**4095)
def main():
    storage.set_int(b"j", storage.get_int(b"i"))
    return 0
`,
  ],
  [
    "storage.set of a stored 64 KiB value under a 256-byte key",
    `from stdlib import storage
def setup():
    storage.set(b"k", b"\\x01" * 65536)
def main():
    storage.set(b"${"q".repeat(256)}", storage.get(b"k"))
    return 0
`,
  ],
  [
    "events.emit of a dict of a stored 16,000-byte value",
    `from stdlib import events, storage
def setup():
    storage.set(b"k", b"\\x01" * 16000)
def main():
    events.emit(b"E", {"v": storage.get(b"k")})
    return 0
`,
  ],
  [
    "hashes of a stored 64 KiB value",
    `from stdlib import hash, storage
def setup():
    storage.set(b"k", b"\\x01" * 65536)
def main():
    v = storage.get(b"k")
    a = hash.sha3_256(v)
    b = hash.blake3(v)
    return 0
`,
  ],
  [
    "int.from_bytes of 512 stored bytes and to_bytes of 65,536",
    `from stdlib import storage
def setup():
    storage.set(b"k", b"\\x01" * 512)
def main():
    x = int.from_bytes(storage.get(b"k"), "big")
    y = (7).to_bytes(65536, "big")
    return 0
`,
  ],
  [
    "a dict display keyed by a stored 64 KiB value",
    `from stdlib import storage
def setup():
    storage.set(b"k", b"\\x01" * 65536)
def main():
    d = {storage.get(b"k"): 1}
    return 0
`,
  ],
];

Deno.test("estimate soundness: one size-aware rule at the caps, bounded tightly", () => {
  const tally = newTally();
  const loose: string[] = [];
  for (const [name, source] of TIGHT) {
    const compiled = compileContract(source);
    const state = new MemoryState();
    const setup = executeCall({
      verified: compiled.verified,
      manifest: null,
      function: "setup",
      args: [],
      gasLimit: 10_000_000,
      context: TEST_CONTEXT,
      state,
    });
    assert.ok(setup.ok, `${name}: setup failed: ${setup.failure?.message}`);
    state.apply(setup.writes);
    const estimate = estimateGas(compiled).get("main");
    const used = executeCall({
      verified: compiled.verified,
      manifest: null,
      function: "main",
      args: [],
      gasLimit: 10_000_000,
      context: TEST_CONTEXT,
      state,
    });
    assert.ok(used.ok, `${name}: ${used.failure?.message}`);
    if (estimate?.kind !== "bounded" || estimate.max > 1.25 * used.gasUsed) {
      loose.push(`${name}: used ${used.gasUsed}, estimate ${JSON.stringify(estimate)}`);
    }
    check(tally, name, compiled, state, 10_000_000);
  }
  assert.deepEqual(tally.violations, []);
  assert.deepEqual(loose, []);
});

Deno.test("estimate soundness: every known undercount is still met (the list only shrinks)", () => {
  assert.deepEqual([...KNOWN_HIT].sort(), [...KNOWN_UNDERCOUNTED.keys()].sort());
});

Deno.test("estimate soundness: a call fan-out with distinct arguments stays sound and is estimated", () => {
  // f0 calls f1 with two different known ints, f1 calls f2 likewise, ...: 2^40 argument
  // descriptions without the per-function cap; with it, every function past 16 is taken as TOP.
  const depth = 40;
  const lines = ["def f40(x):\n    return x + x\n"];
  for (let i = depth - 1; i >= 0; i--) {
    lines.push(`def f${i}(x):\n    return f${i + 1}(x + 1) + f${i + 1}(x * 3)\n`);
  }
  lines.push("def main():\n    return f0(1) > 0\n");
  const tally = newTally();
  checkSource(tally, "fan-out", lines.join("\n"), 1_000_000);
  assert.deepEqual(tally.violations, []);
  assert.equal(tally.checked, 1);
});
