/**
 * `profile` and `run --trace` from the command line (spec/PROFILE.md): the
 * token's `transfer` profiled in every format (the table's rows add up to
 * gasUsed, the speedscope file passes the schema the speedscope package
 * ships, folded output is `stack count` lines that add up to gasUsed),
 * usage errors exit 2, and a traced run prints the same receipt as an
 * untraced one while writing text or JSON lines to stderr or a file.
 */

import assert from "node:assert/strict";
import { Ajv } from "npm:ajv@8.20.0";
import schema from "speedscope/dist/release/file-format-schema.json" with { type: "json" };
import { runCli } from "./support/cli.ts";

const TOKEN = "examples/token/manifest.json";
const COUNTER = "examples/counter/manifest.json";
const TO = `0x01${"22".repeat(32)}`;

async function withState(body: (state: string) => Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "animica-profile-" });
  try {
    await body(`${dir}/state.json`);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

function transfer(state: string, ...extra: string[]): ReturnType<typeof runCli> {
  return runCli([
    "profile",
    "--manifest",
    TOKEN,
    "--call",
    "transfer",
    "--args",
    `["${TO}", 0]`,
    "--state",
    state,
    ...extra,
  ]);
}

Deno.test("profile: token.transfer's line rows add up to gasUsed in the table and the JSON", async () => {
  await withState(async (state) => {
    const json = await transfer(state, "--json");
    assert.equal(json.code, 0, json.stderr);
    const parsed = JSON.parse(json.stdout);
    const fn = parsed.functions[0];
    assert.equal(fn.name, "transfer");
    const rows: { line: number; gas: number }[] = fn.lines;
    assert.equal(rows.reduce((sum, row) => sum + row.gas, 0), parsed.gasUsed);
    assert.ok(fn.hosts.some((host: { name: string }) => host.name === "events.emit"));
    assert.deepEqual(fn.frames.map((frame: { name: string }) => frame.name).sort(), [
      "<module>",
      "_balance_key",
      "_move",
      "balance_of",
      "transfer",
    ]);

    const table = await transfer(state);
    assert.equal(table.code, 0, table.stderr);
    const gasUsed = Number(/^transfer: gasUsed (\d+)$/m.exec(table.stdout)?.[1]);
    assert.equal(gasUsed, parsed.gasUsed);
    const listed = [...table.stdout.matchAll(/^[> ] +(\d+) +(\d+) +(\d+) +[\d.]+% /gm)];
    assert.ok(listed.length >= 10, table.stdout);
    assert.equal(listed.reduce((sum, match) => sum + Number(match[3]), 0), gasUsed);
    assert.match(table.stdout, /^> +51 +1 +\d+ +[\d.]+% +events\.emit/m, "the emit line is hot");
    assert.match(table.stdout, new RegExp(`^ +${gasUsed} +100\\.0% +total$`, "m"));
    assert.match(table.stdout, /^function +calls +mean +median +stdev +min +max$/m);
  });
});

Deno.test("profile: the speedscope file passes the speedscope package's schema", async () => {
  await withState(async (state) => {
    const result = await transfer(state, "--format", "speedscope");
    assert.equal(result.code, 0, result.stderr);
    const file = JSON.parse(result.stdout);
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    assert.ok(validate(JSON.parse(result.stdout)), JSON.stringify(validate.errors));
    const profile = file.profiles[0];
    assert.equal(profile.type, "evented");
    assert.equal(profile.unit, "none");
    assert.match(profile.name, /gas/);
    // Every open is closed, in order, and the timeline ends at gasUsed.
    const open: number[] = [];
    let at = 0;
    for (const event of profile.events) {
      assert.ok(event.at >= at, "events in order");
      at = event.at;
      if (event.type === "O") open.push(event.frame);
      else assert.equal(open.pop(), event.frame);
    }
    assert.deepEqual(open, []);
    const json = JSON.parse((await transfer(state, "--json")).stdout);
    assert.equal(profile.endValue, json.gasUsed);
    // A file that does not fit the format fails the same schema (the check can fail).
    file.profiles[0] = { ...profile, unit: "gas" };
    assert.equal(validate(file), false);
  });
});

Deno.test("profile: folded output is `stack count` lines adding up to gasUsed; --out writes a file", async () => {
  await withState(async (state) => {
    const out = state.replace(/state\.json$/, "t.folded");
    const result = await transfer(state, "--format", "folded", "--out", out);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^wrote \S+t\.folded \(gasUsed \d+\)\n$/);
    const lines = Deno.readTextFileSync(out).trimEnd().split("\n");
    let total = 0;
    for (const line of lines) {
      const match = /^(\S+) (\d+)$/.exec(line);
      assert.ok(match !== null, line);
      total += Number(match[2]);
    }
    assert.ok(lines.includes(lines.find((l) => l.startsWith("transfer;_move;events.emit ")) ?? ""));
    const json = JSON.parse((await transfer(state, "--json")).stdout);
    assert.equal(total, json.gasUsed);
  });
});

Deno.test("profile: bad usage exits 2; a failing call exits 1 and is still profiled", async () => {
  await withState(async (state) => {
    for (
      const [args, message] of [
        [["profile", "--call", "inc"], /give --manifest M or --address A/],
        [["profile", "--manifest", COUNTER], /--call is required/],
        [
          ["profile", "--manifest", COUNTER, "--call", "inc", "--format", "svg"],
          /--format must be/,
        ],
        [
          ["profile", "--manifest", COUNTER, "--call", "inc", "--json", "--format", "folded"],
          /not both/,
        ],
      ] as const
    ) {
      const result = await runCli([...args, "--state", state]);
      assert.equal(result.code, 2, args.join(" "));
      assert.match(result.stderr, message);
      assert.equal(result.stdout, "");
    }
    const failing = await transfer(state, "--gas-limit", "100", "--json");
    assert.equal(failing.code, 1);
    const parsed = JSON.parse(failing.stdout);
    assert.equal(parsed.ok, false);
    const rows: { gas: number }[] = parsed.functions[0].lines;
    assert.equal(rows.reduce((sum, row) => sum + row.gas, 0), parsed.gasUsed);
  });
});

Deno.test("run --trace: the receipt is unchanged; text and JSON lines show operands, positions, gas and host calls", async () => {
  await withState(async (state) => {
    const base = ["run", "--manifest", COUNTER, "--call", "get", "--state", state];
    const plain = await runCli(base);
    const text = await runCli([...base, "--trace"]);
    assert.equal(text.code, 0, text.stderr);
    assert.equal(text.stdout, plain.stdout);
    assert.match(text.stderr, /^<module> 0 CONST 0 \S+ @\d+:\d+ gas=0\+1 stack=\[\]$/m);
    assert.match(
      text.stderr,
      /^get 1 CALL_STDLIB storage\.get_int 1 @\d+:\d+ gas=\d+\+\d+ stack=\[b'/m,
    );
    assert.match(text.stderr, /^ {2}storage\.get_int\(b'[^']*'\) -> 0$/m);
    assert.match(text.stderr, /^end gas=\d+ return_value_gas=\d+$/m);

    const file = state.replace(/state\.json$/, "trace.jsonl");
    const json = await runCli([...base, "--trace-format", "json", "--trace-file", file]);
    assert.equal(json.code, 0, json.stderr);
    assert.equal(json.stdout, plain.stdout);
    assert.equal(json.stderr, "");
    const records = Deno.readTextFileSync(file).trimEnd().split("\n").map((line) =>
      JSON.parse(line)
    );
    const gasUsed = JSON.parse(plain.stdout).gasUsed;
    const end = records.at(-1);
    assert.equal(end.kind, "end");
    assert.equal(end.gasUsed, gasUsed);
    const charged = records.reduce(
      (sum, r) => sum + (r.kind === "step" ? r.gas : r.kind === "end" ? r.returnGas : 0),
      0,
    );
    assert.equal(charged, gasUsed);
    const host = records.find((r) => r.kind === "host");
    assert.equal(host.name, "storage.get_int");
    assert.equal(host.result, "0");

    const bad = await runCli([...base, "--trace-format", "xml"]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--trace-format must be one of text, json/);
  });
});

Deno.test("profile --address: lines without --source, with the source's text with it", async () => {
  await withState(async (state) => {
    const deployed = await runCli(["deploy", "--manifest", COUNTER, "--state", state]);
    const address = JSON.parse(deployed.stdout).address;
    const base = ["profile", "--address", address, "--call", "inc", "--state", state];
    const bare = await runCli(base);
    assert.equal(bare.code, 0, bare.stderr);
    assert.match(bare.stdout, /^> +22 +1 +\d+ +[\d.]+%$/m);
    const listed = await runCli([...base, "--source", "examples/counter/counter.py"]);
    assert.match(listed.stdout, /^ +18 {2}def inc\(\) -> int:$/m);
    assert.match(listed.stdout, /^> +22 +1 +\d+ +[\d.]+% +storage\.set_int\(KEY, value\)$/m);
  });
});
