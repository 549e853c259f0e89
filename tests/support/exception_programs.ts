/**
 * Seeded generator of try/except/else/finally/raise programs for the
 * CPython differential (tests/exceptions_differential_test.ts). Each
 * program has `main()` and two helpers (h2 calls h1; main calls both) that
 * append what happens to a shared `out` list: exceptions raised by `raise`
 * (instances, classes, bare re-raise, raise inside except and finally) and
 * by builtins, caught by their own class, a base class, a tuple or a bare
 * except; `else` and `finally`; return, break and continue leaving
 * try blocks. What is recorded of an
 * exception (str, args, repr through a list) shows which was caught.
 */

import type { SeededRandom } from "./random.ts";

/** Classes a contract can construct, with CPython's hierarchy in the VM's table. */
const RAISABLE = [
  "Exception",
  "ArithmeticError",
  "OverflowError",
  "ZeroDivisionError",
  "AssertionError",
  "AttributeError",
  "LookupError",
  "IndexError",
  "KeyError",
  "NameError",
  "UnboundLocalError",
  "RuntimeError",
  "NotImplementedError",
  "TypeError",
  "ValueError",
  "UnicodeError",
];

/** Classes an except clause may name (the raisable ones, the codec errors and the root). */
const CATCHABLE = [...RAISABLE, "BaseException", "UnicodeDecodeError", "UnicodeEncodeError"];

/** Expressions whose evaluation raises inside a builtin, operator or method. */
const FAILING = [
  "1 // 0",
  "7 % 0",
  "[1][3]",
  '{"a": 1}["b"]',
  'int("x1")',
  '1 + "a"',
  '"\\u00e9".encode("ascii")',
  'b"\\xff".decode("utf-8")',
  "(256).to_bytes(1, 'big')",
  "[].pop()",
  '{}.pop("k")',
  '"abc".index("z")',
  "len(5)",
  "range(1, 5, 0)",
  "(-1).to_bytes(2, 'big')",
  "[1, 2].index(9)",
  'b"ab"[5]',
  '"ab" * "c"',
  "abs(None)",
  'int("5", 1)',
];

const ARGS = ['"m"', "", '"a", 2', "3", '""', 'b"x"', "(1, 2)", '["l"]', "None", '"q\'s"'];

const RECORDS = [
  (name: string) => `str(${name})`,
  (name: string) => `str(${name}.args)`,
  (name: string) => `str([${name}])`,
  (name: string) => `len(${name}.args)`,
];

/** Builds one program per call. */
export class ExceptionProgramGenerator {
  readonly #random: SeededRandom;
  #marker = 0;

  constructor(random: SeededRandom) {
    this.#random = random;
  }

  program(): string {
    this.#marker = 0;
    const h1 = this.#function("h1", [], 1);
    const h2 = this.#function("h2", ["h1(out, n)"], 1);
    const calls = ["h1(out, 0)", "h2(out, 1)", "h2(out, 2)"];
    // Most mains catch what escapes, so that the record of what ran is compared too.
    const guarded = this.#random.below(4) !== 0;
    const main = this.#block(guarded ? 2 : 1, 2, calls, false, false);
    const body = guarded
      ? `    try:\n${main}    except BaseException as escaped:\n        out.append(str([escaped]))\n`
      : main;
    return `${h1}\n${h2}\ndef main():\n    out = []\n${body}    return out\n`;
  }

  #function(name: string, calls: readonly string[], depth: number): string {
    const body = this.#block(1, depth, calls, false, true);
    return `def ${name}(out, n):\n${body}    return "${name}-end"\n`;
  }

  #mark(): string {
    return `out.append("s${this.#marker++}")`;
  }

  /** A few statements at `indent` levels; `depth` bounds the nesting. */
  #block(
    indent: number,
    depth: number,
    calls: readonly string[],
    inLoop: boolean,
    inHelper: boolean,
    handling = false,
  ): string {
    const pad = "    ".repeat(indent);
    const count = 1 + this.#random.below(2);
    let out = "";
    for (let i = 0; i < count; i++) {
      out += this.#statement(depth, calls, inLoop, inHelper, handling)
        .split("\n").filter((line) => line !== "").map((line) => `${pad}${line}\n`).join("");
    }
    return out;
  }

  #statement(
    depth: number,
    calls: readonly string[],
    inLoop: boolean,
    inHelper: boolean,
    handling: boolean,
  ): string {
    const r = this.#random;
    const roll = r.below(depth > 0 ? 14 : 7);
    switch (roll) {
      case 0:
      case 1:
        return this.#mark();
      case 2:
        return `out.append(${r.pick(FAILING)})`;
      case 3:
        return r.below(3) === 0
          ? `raise ${r.pick(RAISABLE)}`
          : `raise ${r.pick(RAISABLE)}(${r.pick(ARGS)})`;
      case 4:
        if (calls.length > 0) return `out.append(${r.pick(calls)})`;
        return this.#mark();
      case 5:
        if (handling && r.below(2) === 0) return "raise";
        if (inLoop) return r.pick(["break", "continue", `if len(out) > 3:\n    break`]);
        if (inHelper) return r.pick([`return "r${this.#marker++}"`, `if n == 1:\n    return n`]);
        return this.#mark();
      case 6: {
        const subject = inHelper ? "n" : "len(out)";
        return `if ${subject} == ${r.below(3)}:\n    raise ${r.pick(RAISABLE)}(${subject})`;
      }
      case 7:
        return `for i in range(${1 + r.below(3)}):\n${
          this.#block(1, depth - 1, calls, true, inHelper, handling)
        }`;
      default:
        return this.#try(depth, calls, inLoop, inHelper, handling);
    }
  }

  #try(
    depth: number,
    calls: readonly string[],
    inLoop: boolean,
    inHelper: boolean,
    handling: boolean,
  ): string {
    const r = this.#random;
    const inner = (isHandler: boolean) =>
      this.#block(1, depth - 1, calls, inLoop, inHelper, handling || isHandler);
    let text = `try:\n${inner(false)}`;
    const handlers = r.below(4);
    const names: string[] = [];
    for (let i = 0; i < handlers; i++) {
      const last = i === handlers - 1;
      const kind = r.below(6);
      const name = `e${i}`;
      if (kind === 0 && last) text += "except:\n";
      else if (kind === 1) {
        text += `except (${r.pick(CATCHABLE)}, ${r.pick(CATCHABLE)}) as ${name}:\n`;
        names.push(name);
      } else {
        text += `except ${r.pick(CATCHABLE)} as ${name}:\n`;
        names.push(name);
      }
      const record = names.length > 0 && text.endsWith(`${name}:\n`)
        ? `    out.append(${r.pick(RECORDS)(name)})\n`
        : `    out.append("caught")\n`;
      text += record + inner(true);
    }
    if (handlers > 0 && r.below(3) === 0) text += `else:\n    out.append("else")\n${inner(false)}`;
    if (handlers === 0 || r.below(2) === 0) {
      text += `finally:\n    out.append("finally")\n${inner(false)}`;
    }
    return text;
  }
}
