/**
 * `init NAME`: a new contract project in directory NAME: the contract
 * (a counter), its manifest, a test on the in-memory Chain, a deno.json
 * and a README. The files pass `validate --manifest manifest.json` and
 * `deno test` there as written: the test imports the package by the
 * address this CLI runs from (a file path, an https URL or jsr:), and
 * reads the contract and manifest as module imports, so it needs no
 * permission flags.
 */

import { basename, join } from "./paths.ts";
import denoConfig from "../deno.json" with { type: "json" };
import { fileProblem } from "./common.ts";
import { type CommandInfo, InputError, misuse, parseOptions } from "./options.ts";

/** `init`: usage, flags and examples. */
export const INIT: CommandInfo = {
  name: "init",
  summary: "Create a contract project: contract, manifest, test and README",
  usage: ["init NAME", "init DIR/NAME"],
  options: {},
  examples: ["init demo", "init demo && cd demo && deno test"],
  details: [
    "NAME is a new directory (it must not exist; its parent must) and the contract's name:",
    "lowercase letters, digits, '-' and '_', starting with a letter or digit. It gets NAME.py,",
    "manifest.json, NAME_test.ts, deno.json and README.md; then 'animica-vm validate --manifest",
    "manifest.json' and 'deno test' pass there.",
  ].join("\n"),
};

/** Contract names our manifests accept (spec/manifest.schema.json). */
const NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** How the scaffolded test imports this package: jsr: when installed from JSR, else by URL. */
export function packageSpecifier(moduleUrl: string): string {
  const jsr = /^https:\/\/jsr\.io\/(@[^/]+\/[^/]+)\/([^/]+)\/cli\/init\.ts$/.exec(moduleUrl);
  if (jsr !== null) return `jsr:${jsr[1]}@${jsr[2]}`;
  return new URL("../mod.ts", moduleUrl).href;
}

/** Runs `init NAME`; returns the exit code. */
export async function initCommand(argv: readonly string[]): Promise<number> {
  const { positionals } = parseOptions(argv, INIT);
  const [dir, ...extra] = positionals;
  if (dir === undefined || extra.length > 0) throw misuse(INIT, "give one project NAME");
  const name = basename(dir);
  if (!NAME.test(name)) {
    throw misuse(
      INIT,
      `'${name}' is not a contract name (lowercase letters, digits, '-' and '_', starting with a letter or digit)`,
    );
  }
  const files = projectFiles(name, packageSpecifier(import.meta.url));
  try {
    await Deno.mkdir(dir);
  } catch (error) {
    throw new InputError(`cannot create '${dir}': ${fileProblem(error) ?? String(error)}`);
  }
  for (const [file, text] of files) {
    const path = join(dir, file);
    try {
      await Deno.writeTextFile(path, text, { createNew: true });
    } catch (error) {
      throw new InputError(`cannot write '${path}': ${fileProblem(error) ?? String(error)}`);
    }
  }
  console.log(`created ${dir}/ with ${files.map(([file]) => file).join(", ")}`);
  console.log(`next: cd ${dir} && animica-vm validate --manifest manifest.json && deno test`);
  return 0;
}

/** The files of a new project, in the order they are written. */
export function projectFiles(name: string, pkg: string): [string, string][] {
  const module = name.replaceAll("-", "_");
  const contract = `${module}.py`;
  const manifest = {
    name,
    version: "0.1.0",
    entry: contract,
    abi: {
      functions: [
        { name: "get", inputs: [], outputs: [{ type: "int" }] },
        { name: "inc", inputs: [], outputs: [{ type: "int" }] },
        { name: "set", inputs: [{ name: "value", type: "int" }], outputs: [] },
      ],
      events: [{ name: "Incremented", inputs: [{ name: "value", type: "int" }] }],
    },
  };
  return [
    [contract, contractSource(name)],
    ["manifest.json", JSON.stringify(manifest, null, 2) + "\n"],
    [`${module}_test.ts`, testSource(contract, pkg)],
    ["deno.json", denoJson()],
    ["README.md", readme(name, contract, `${module}_test.ts`)],
  ];
}

function contractSource(name: string): string {
  return `"""${name}: a counter kept in storage (get, inc, set)."""

from stdlib import abi, events, storage

KEY = b"value"


def get() -> int:
    """The current value; 0 before the first write."""
    return storage.get_int(KEY)


def inc() -> int:
    """Adds one, emits Incremented and returns the new value."""
    value = storage.get_int(KEY) + 1
    storage.set_int(KEY, value)
    events.emit(b"Incremented", {"value": value})
    return value


def set(value: int) -> None:
    """Stores a value that is not negative."""
    abi.require(value >= 0, b"negative")
    storage.set_int(KEY, value)
`;
}

function testSource(contract: string, pkg: string): string {
  return `// Tests of ${contract} on animica-vm's in-memory chain. Run: deno test
import assert from "node:assert/strict";
import { Chain } from "${pkg}";
import manifest from "./manifest.json" with { type: "json" };
import source from "./${contract}" with { type: "text" };

function deployed() {
  const chain = new Chain();
  return chain.deploy({ manifest, source });
}

Deno.test("get is 0 before the first write", () => {
  assert.equal(deployed().view("get").value, 0n);
});

Deno.test("inc adds one and emits Incremented", () => {
  const contract = deployed();
  const receipt = contract.call("inc");
  assert.ok(receipt.ok);
  assert.equal(receipt.value, 1n);
  assert.deepEqual(receipt.events.map((event) => [event.name, event.args]), [
    ["Incremented", { value: 1n }],
  ]);
  assert.equal(contract.call("inc").value, 2n);
});

Deno.test("set stores a value and refuses a negative one", () => {
  const contract = deployed();
  assert.ok(contract.call("set", [41]).ok);
  assert.equal(contract.call("inc").value, 42n);
  const refused = contract.call("set", [-1]);
  assert.equal(refused.ok, false);
  assert.equal(refused.error?.kind, "revert");
  assert.equal(new TextDecoder().decode(refused.error?.reason), "negative");
  assert.equal(contract.view("get").value, 42n);
});
`;
}

function denoJson(): string {
  return JSON.stringify({ unstable: ["raw-imports"] }, null, 2) + "\n";
}

function readme(name: string, contract: string, test: string): string {
  return `# ${name}

A contract for animica-vm ${denoConfig.version}.

- \`${contract}\`: the contract (a counter: \`get\`, \`inc\`, \`set\`).
- \`manifest.json\`: its ABI; regenerate it with \`animica-vm manifest ${contract}\`.
- \`${test}\`: tests on the in-memory chain.
- \`deno.json\`: lets the test import the contract source as text.

\`\`\`sh
animica-vm validate --manifest manifest.json
deno test
animica-vm run --manifest manifest.json --call inc --state state.json
\`\`\`
`;
}
