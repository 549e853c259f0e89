/**
 * The chain through the CLI (spec/CHAIN.md §8): deploy, run --address,
 * storage isolation of two contracts in one state file, addresses that are
 * the same in every process, failure paths (exit 1 with the receipt) and
 * bad input (exit 2, nothing written), arguments from a file or stdin,
 * state show, and state migrate of version 2 files (JSON and SQLite).
 */

import assert from "node:assert/strict";
import { DatabaseSync } from "node:sqlite";
import { contractAddress, formatAddress } from "../mod.ts";
import { toHex } from "../abi.ts";
import { quickstartAddress, v2ContractAddress } from "../chain.ts";
import { balanceStateKey, storageStateKey } from "../runtime.ts";
import { runCli } from "./support/cli.ts";

const COUNTER = "examples/counter/manifest.json";
const TOKEN = "examples/token/manifest.json";
const DEFAULT_SENDER = Uint8Array.from([1, ...new Array(32).fill(0)]);
const ALICE = "0x01" + "11".repeat(32);

async function inTempDir(body: (dir: string) => Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "animica-chain-" });
  try {
    await body(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

async function json(args: string[], code = 0, stdin?: string): Promise<Record<string, unknown>> {
  const result = await runCli(args, stdin);
  assert.equal(result.code, code, `${args.join(" ")}\n${result.stderr}\n${result.stdout}`);
  return JSON.parse(result.stdout);
}

Deno.test("cli chain: two deployments from one sender, distinct, the same in every process; isolated storage", async () => {
  const addresses: unknown[][] = [];
  for (const name of ["a.json", "b.sqlite"]) {
    await inTempDir(async (dir) => {
      const state = `${dir}/${name}`;
      const first = await json(["deploy", "--manifest", COUNTER, "--state", state]);
      const second = await json(["deploy", "--manifest", COUNTER, "--state", state]);
      assert.notEqual(first.address, second.address);
      assert.equal(first.codeHash, second.codeHash);
      addresses.push([first.address, second.address]);
      const a = String(first.address);
      const b = String(second.address);
      for (let i = 0; i < 2; i++) {
        await json(["run", "--address", a, "--call", "inc", "--state", state]);
      }
      await json(["run", "--address", b, "--call", "set", "--args", "[7]", "--state", state]);
      const getA = await json(["run", "--address", a, "--call", "get", "--state", state]);
      const getB = await json(["run", "--address", b, "--call", "get", "--state", state]);
      const quick = await json(["run", "--manifest", COUNTER, "--call", "get", "--state", state]);
      assert.deepEqual([getA.return, getB.return, quick.return], [2, 7, 0]);
    });
  }
  assert.deepEqual(addresses[0], addresses[1]);
  assert.deepEqual(
    addresses[0],
    [0n, 1n].map((nonce) => formatAddress(contractAddress(DEFAULT_SENDER, nonce))),
  );
});

Deno.test("cli chain: every failed deploy or run prints the receipt and exits 1, writing nothing", async () => {
  await inTempDir(async (dir) => {
    const state = `${dir}/s.json`;
    const token = await json(["deploy", "--manifest", TOKEN, "--args", "[1000]", "--state", state]);
    assert.equal(token.ok, true);
    await json(["run", "--manifest", COUNTER, "--call", "get", "--state", state]);
    const before = await Deno.readTextFile(state);
    const failures: string[][] = [
      ["deploy", "--manifest", TOKEN, "--args", "[5]", "--gas-limit", "3"],
      ["deploy", "--manifest", COUNTER, "--value", "1"],
      ["deploy", "--manifest", COUNTER, "--salt", "0x" + "00".repeat(32), "--sender", ALICE],
      ["run", "--address", String(token.address), "--call", "init", "--args", "[1]"],
      ["run", "--address", String(token.address), "--call", "total_supply", "--value", "1"],
      ["run", "--manifest", COUNTER, "--call", "set", "--args", "[-1]"],
    ];
    await json([...failures[2] ?? [], "--state", `${dir}/other.json`]);
    for (const args of failures.slice(0, 2).concat(failures.slice(3))) {
      const output = await json([...args, "--state", state], 1);
      assert.equal(output.ok, false);
      assert.equal(typeof (output.error as { kind: unknown }).kind, "string");
      assert.equal(typeof output.gasUsed, "number");
    }
    const again = await json([...failures[2] ?? [], "--state", `${dir}/other.json`], 1);
    assert.match(String((again.error as { message: unknown }).message), /already deployed/);
    assert.equal(await Deno.readTextFile(state), before);
  });
});

Deno.test("cli chain: bad usage or input exits 2 with nothing on stdout and nothing written", async () => {
  await inTempDir(async (dir) => {
    const state = `${dir}/s.json`;
    const counter = await json(["deploy", "--manifest", COUNTER, "--state", state]);
    const before = await Deno.readTextFile(state);
    const unknown = formatAddress(contractAddress(DEFAULT_SENDER, 9n));
    const cases: [string[], RegExp][] = [
      [["run", "--address", unknown, "--call", "get"], /no contract at anim1/],
      [["run", "--address", "0x12", "--call", "get"], /an address has 33 bytes/],
      [
        ["run", "--address", String(counter.address), "--manifest", COUNTER, "--call", "get"],
        /one of them/,
      ],
      [["run", "--call", "get"], /--manifest M or --address A/],
      [["run", "--manifest", COUNTER, "--call", "nope"], /no function 'nope'/],
      [["run", "--manifest", COUNTER, "--call", "set", "--args", "[1.5]"], /value/],
      [
        ["run", "--manifest", COUNTER, "--call", "get", "--args", "[]", "--args-file", "x"],
        /not both/,
      ],
      [["run", "--manifest", COUNTER, "--call", "get", "--block-height=-1"], /non-negative/],
      [
        ["run", "--manifest", COUNTER, "--call", "get", "--chain-id", String(2n ** 64n)],
        /64 bits or more/,
      ],
      [["run", "--manifest", COUNTER, "--call", "get", "--sender", "anim1bad"], /--sender/],
      [["deploy", "--manifest", COUNTER, "--args", "[]"], /no function 'init'/],
      [["deploy", "--manifest", COUNTER, "--salt", "0x12"], /salt/],
      [["state", "shw"], /did you mean 'show'/],
    ];
    for (const [args, pattern] of cases) {
      const result = await runCli([...args, "--state", state]);
      assert.equal(result.code, 2, `${args.join(" ")}: ${result.stdout}`);
      assert.equal(result.stdout, "", args.join(" "));
      assert.match(result.stderr, pattern, args.join(" "));
    }
    assert.equal(await Deno.readTextFile(state), before);
  });
});

Deno.test("cli chain: --args-file, --args - (stdin), the block flags and state show", async () => {
  await inTempDir(async (dir) => {
    const state = `${dir}/s.json`;
    const big = "1" + "0".repeat(70);
    await Deno.writeTextFile(`${dir}/args.json`, `{"value": ${big}}`);
    const set = ["run", "--manifest", COUNTER, "--call", "set", "--state", state];
    await json([
      ...set,
      "--args-file",
      `${dir}/args.json`,
      "--block-height",
      "5",
      "--block-time",
      "99",
    ]);
    const get = ["run", "--manifest", COUNTER, "--call", "get", "--state", state];
    assert.match((await runCli(get)).stdout, new RegExp(`"return": ${big}\\b`));
    await json([...set, "--args", "-", "--chain-id", "7"], 0, "[3]");
    assert.match((await runCli(get)).stdout, /"return": 3\b/);
    const address = formatAddress(quickstartAddress({
      manifest: await Deno.readTextFile(COUNTER),
      source: await Deno.readTextFile("examples/counter/counter.py"),
    }));
    const view = await json(["state", "show", "--state", state, "--json"]);
    assert.deepEqual(view.block, { height: 5, time: 99, chainId: 7 });
    const [contract] = view.contracts as Record<string, unknown>[];
    assert.equal(contract?.address, address);
    assert.equal(contract?.name, "counter");
    assert.deepEqual(contract?.storage, { "counter:value": "0x03" });
    const text = await runCli(["state", "show", "--state", state, "--address", address]);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /^block height 5, time 99, chain id 7$/m);
    assert.match(
      text.stdout,
      new RegExp(`^contract ${address} \\(counter 1\\.0\\.0\\) balance 0$`, "m"),
    );
    assert.match(text.stdout, /^ {2}counter:value = 0x03$/m);
    assert.doesNotMatch(text.stdout, /^account/m);
    const funded = await json([
      "state",
      "fund",
      "--address",
      ALICE,
      "--value",
      "12",
      "--state",
      state,
    ]);
    assert.equal(funded.balance, 12);
  });
});

/** A version 2 state: the counter's storage at its name-derived address, a balance, an orphan. */
function v2Entries(): [Uint8Array, Uint8Array][] {
  const old = v2ContractAddress("counter");
  return [
    [storageStateKey(old, new TextEncoder().encode("counter:value")), Uint8Array.of(5)],
    [balanceStateKey(old), Uint8Array.of(9)],
    [storageStateKey(v2ContractAddress("other"), Uint8Array.of(1)), Uint8Array.of(2)],
    [balanceStateKey(Uint8Array.from([1, ...new Array(32).fill(0x11)])), Uint8Array.of(4)],
  ];
}

Deno.test("cli chain: version 2 files are refused with a pointer to state migrate, which converts them", async () => {
  await inTempDir(async (dir) => {
    const jsonFile = `${dir}/old.json`;
    const entries = Object.fromEntries(v2Entries().map(([k, v]) => [toHex(k), toHex(v)]));
    await Deno.writeTextFile(
      jsonFile,
      JSON.stringify({ format: "animica-vm-state", version: 2, entries }),
    );
    const sqliteFile = `${dir}/old.sqlite`;
    const db = new DatabaseSync(sqliteFile);
    db.exec("CREATE TABLE meta (format TEXT NOT NULL, version INTEGER NOT NULL)");
    db.exec("CREATE TABLE kv (key BLOB PRIMARY KEY, value BLOB NOT NULL)");
    db.prepare("INSERT INTO meta VALUES (?, ?)").run("animica-vm-state", 2);
    for (const [key, value] of v2Entries()) {
      db.prepare("INSERT INTO kv VALUES (?, ?)").run(key, value);
    }
    db.close();
    for (const file of [jsonFile, sqliteFile]) {
      const original = await Deno.readFile(file);
      const refused = await runCli([
        "run",
        "--manifest",
        COUNTER,
        "--call",
        "get",
        "--state",
        file,
      ]);
      assert.equal(refused.code, 2);
      assert.match(refused.stderr, /version 2 is not supported.*animica-vm state migrate FILE/s);
      assert.deepEqual(await Deno.readFile(file), original);
      const report = await json(["state", "migrate", file, "--manifest", COUNTER]);
      const moved = report.moved as Record<string, unknown>[];
      assert.equal(moved[0]?.name, "counter");
      assert.equal(moved[0]?.entries, 2);
      assert.deepEqual((report.unmapped as Record<string, unknown>[]).map((u) => u.address), [
        toHex(v2ContractAddress("other")),
      ]);
      assert.deepEqual(await Deno.readFile(`${file}.v2`), original);
      const get = await json(["run", "--manifest", COUNTER, "--call", "get", "--state", file]);
      assert.equal(get.return, 5);
      const view = await json(["state", "show", "--state", file, "--json"]);
      const counter = (view.contracts as Record<string, unknown>[]).find((c) =>
        c.name === "counter"
      );
      assert.equal(counter?.balance, 9);
      const again = await runCli(["state", "migrate", file]);
      assert.equal(again.code, 2);
      assert.match(again.stderr, /already version 3/);
    }
  });
});
