/**
 * Seeded generator of programs about name scoping (tests/conformance_scoping_test.ts):
 * list comprehensions with several clauses whose variables shadow locals,
 * parameters and module constants, read before their clause binds them,
 * nested, or run more than once; and function locals read before they are
 * assigned, assigned in one branch only, or left by loops that ran zero
 * times. Every program defines `main()`, and every name it reads resolves
 * (a local, the parameter or a module constant), so the validator accepts it.
 */

import { SeededRandom } from "./random.ts";

/** Names a program may bind or read (module constants G and K, parameter n, the rest locals). */
const NAMES = ["x", "y", "z", "w", "n", "G", "K"] as const;

function name(random: SeededRandom): string {
  return random.pick(NAMES);
}

function target(random: SeededRandom): string {
  return random.below(5) === 0 ? `${name(random)}, ${name(random)}` : name(random);
}

function iterable(random: SeededRandom, depth: number): string {
  const a = name(random);
  switch (random.below(9)) {
    case 0:
      return "range(3)";
    case 1:
      return `range(${a})`;
    case 2:
      return `[${a}, 1]`;
    case 3:
      return a;
    case 4:
      return "[(1, 2), (3, 4)]";
    case 5:
      return `(range(2) if ${a} else [${name(random)}])`;
    case 6:
      return depth > 0 ? comprehension(random, depth - 1) : "[0, 1, 2]";
    case 7:
      return `[${a}, ${name(random)}]`;
    default:
      return "[0, 1, 2]";
  }
}

function condition(random: SeededRandom): string {
  const a = name(random);
  switch (random.below(6)) {
    case 0:
      return a;
    case 1:
      return `${a} < 2`;
    case 2:
      return `${a} == 0 or ${name(random)}`;
    case 3:
      return `not ${a}`;
    case 4:
      return `${a} in [0, 2]`;
    default:
      return `${a} != ${name(random)}`;
  }
}

function element(random: SeededRandom, depth: number): string {
  switch (random.below(5)) {
    case 0:
      return `(${name(random)}, ${name(random)})`;
    case 1:
      return `${name(random)} + ${name(random)}`;
    case 2:
      return depth > 0 ? comprehension(random, depth - 1) : name(random);
    default:
      return name(random);
  }
}

/** A list comprehension of one to three clauses. */
export function comprehension(random: SeededRandom, depth: number): string {
  const clauses: string[] = [];
  const count = 1 + random.below(3);
  for (let i = 0; i < count; i++) {
    clauses.push(`for ${target(random)} in ${iterable(random, depth)}`);
    const ifs = random.below(4) === 0 ? 2 : random.below(2);
    for (let j = 0; j < ifs; j++) clauses.push(`if ${condition(random)}`);
  }
  return `[${element(random, depth)} ${clauses.join(" ")}]`;
}

/** A statement of a function body (indented by `indent`). */
function statement(random: SeededRandom, indent: string): string {
  const local = random.pick(["x", "y", "z", "w", "n", "K"]);
  switch (random.below(8)) {
    case 0:
      return `${indent}${local} = ${random.pick(["1", "0", "[0, 1]", "n", "G"])}`;
    case 1:
      return `${indent}for ${local} in range(${random.pick(["0", "2", "n"])}):\n${indent}    pass`;
    case 2:
      return `${indent}if n:\n${indent}    ${local} = 2`;
    case 3:
      return `${indent}${local} += 1`;
    case 4:
      return `${indent}${local}, ${name(random)} = ${random.pick(["1, 2", "[3, 4]", "n, n"])}`;
    case 5:
      return `${indent}out.append(${name(random)})`;
    case 6:
      return `${indent}while ${local} < 2:\n${indent}    ${local} = 2`;
    default:
      return `${indent}out.append(${comprehension(random, 1)})`;
  }
}

/** One program: a function `f(n)` of a few statements and comprehensions, called by main. */
export function scopingProgram(random: SeededRandom): string {
  const lines = ["G = [1, 2]", "K = 2", "", "", "def f(n):", "    out = []"];
  for (const local of ["x", "y", "z", "w"]) {
    if (random.below(3) !== 0) {
      lines.push(`    ${local} = ${random.pick(["0", "1", "2", "[0, 1]"])}`);
    }
  }
  const count = 1 + random.below(4);
  for (let i = 0; i < count; i++) {
    if (random.below(3) === 0) {
      // The same comprehension run more than once: each run starts with its variables unbound.
      lines.push(`    for i in range(${random.pick(["2", "3"])}):`);
      lines.push(`        out.append(${comprehension(random, 1)})`);
      if (random.below(2) === 0) lines.push(statement(random, "        "));
    } else if (random.below(2) === 0) {
      lines.push(`    out.append(${comprehension(random, 1)})`);
    } else {
      lines.push(statement(random, "    "));
    }
  }
  // Every local is assigned somewhere (here, never run), so every name resolves: reading one
  // before its assignment is UnboundLocalError, never a NameError the validator would refuse.
  lines.push("    if n is None:", "        x, y, z, w = 0, 0, 0, 0");
  lines.push(`    return out, ${name(random)}`);
  lines.push("", "", "def main():", `    return f(${random.pick(["0", "1", "2", "[1]"])})`, "");
  return lines.join("\n");
}

/** `count` programs from `seed`. */
export function scopingPrograms(seed: number, count: number): string[] {
  const random = new SeededRandom(seed);
  return Array.from({ length: count }, () => scopingProgram(random));
}
