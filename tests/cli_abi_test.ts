/** The CLI's `abi` commands and `validate --manifest`, in a real subprocess. */

import assert from "node:assert/strict";
import { runCli } from "./support/cli.ts";

const TOKEN = "examples/token/manifest.json";
const ALICE = "0x01" + "11".repeat(32);

Deno.test("cli abi selectors lists selector and signature per function", async () => {
  const result = await runCli(["abi", "selectors", "--manifest", TOKEN]);
  assert.equal(result.code, 0, result.stderr);
  const lines = result.stdout.trim().split("\n");
  assert.equal(lines.length, 7);
  assert.match(lines[4] ?? "", /^0x[0-9a-f]{16} {2}transfer\(address,int\)$/);
});

Deno.test("cli abi encode then decode round-trips, with exact big integers", async () => {
  const big = "123456789012345678901234567890123456789";
  const encoded = await runCli([
    "abi",
    "encode",
    "--manifest",
    TOKEN,
    "--call",
    "transfer",
    "--args",
    `{"to": "${ALICE}", "amount": ${big}}`,
  ]);
  assert.equal(encoded.code, 0, encoded.stderr);
  const calldata = encoded.stdout.trim();
  assert.match(calldata, /^0x[0-9a-f]+$/);
  const decoded = await runCli(["abi", "decode", "--manifest", TOKEN, "--data", calldata]);
  assert.equal(decoded.code, 0, decoded.stderr);
  assert.equal(
    decoded.stdout.replace(/\s+/g, ""),
    `{"function":"transfer","args":{"to":"${ALICE}","amount":${big}}}`,
  );
  const returned = await runCli([
    "abi",
    "decode",
    "--manifest",
    TOKEN,
    "--call",
    "balance_of",
    "--data",
    "0x06",
    "--return",
  ]);
  assert.equal(returned.stdout.trim(), "3");
});

Deno.test("cli abi: bad arguments, data and manifests exit 2 naming the problem", async () => {
  const cases: [string[], RegExp][] = [
    [
      ["abi", "encode", "--manifest", TOKEN, "--call", "transfer", "--args", `["${ALICE}", 1.5]`],
      /amount: expected an integer, got the number 1\.5/,
    ],
    [["abi", "encode", "--manifest", TOKEN, "--call", "mint"], /no function 'mint'/],
    [
      ["abi", "encode", "--manifest", TOKEN, "--call", "transfer", "--args", "[1"],
      /--args is not valid JSON/,
    ],
    [
      ["abi", "decode", "--manifest", TOKEN, "--call", "transfer", "--data", "0x00"],
      /does not start with the selector of transfer\(address,int\)/,
    ],
    [["abi", "decode", "--manifest", TOKEN, "--data", "0xzz"], /--data must be hex bytes/],
    [["abi", "selectors"], /--manifest is required/],
    [["abi", "frob"], /unknown abi subcommand 'frob'/],
    [
      ["abi", "selectors", "--manifest", "tests/vectors/abi.json"],
      /the manifest is invalid:\n {2}tests\/vectors\/abi\.json: missing required property 'name'/,
    ],
  ];
  for (const [args, pattern] of cases) {
    const result = await runCli(args);
    assert.equal(result.code, 2, args.join(" "));
    assert.equal(result.stdout, "", args.join(" "));
    assert.match(result.stderr, pattern, args.join(" "));
  }
});

Deno.test("cli validate --manifest checks manifest, source and their agreement", async () => {
  const ok = await runCli(["validate", "--manifest", TOKEN]);
  assert.equal(ok.code, 0, ok.stdout);
  assert.equal(ok.stdout.trim(), "examples/token/token.py: ok\nexamples/token/manifest.json: ok");
  const directory = await Deno.makeTempDir();
  try {
    await Deno.writeTextFile(
      `${directory}/c.py`,
      "def get():\n    return 1\ndef other(a):\n    return a\n",
    );
    await Deno.writeTextFile(
      `${directory}/manifest.json`,
      JSON.stringify({
        name: "c",
        version: "1.0.0",
        entry: "c.py",
        abi: { functions: [{ name: "get", inputs: [{ name: "x", type: "int" }], outputs: [] }] },
      }),
    );
    const bad = await runCli(["validate", "--manifest", `${directory}/manifest.json`]);
    assert.equal(bad.code, 1);
    assert.match(
      bad.stdout,
      /manifest\.json: abi\.functions\[0\]\.inputs: get takes 0 parameters \(\) in c\.py, the ABI lists 1/,
    );
    assert.match(bad.stdout, /warning: public function 'other' is not in the ABI/);
  } finally {
    await Deno.remove(directory, { recursive: true });
  }
});
