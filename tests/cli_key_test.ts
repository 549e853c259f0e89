/**
 * `key new` and `key address` (spec/KEYS.md): the same seed writes the same
 * key file and address, random keys differ, files are not overwritten
 * without --force, and every bad flag or key file is a clear exit 2.
 */

import assert from "node:assert/strict";
import { runCli } from "./support/cli.ts";

const SEED = Array.from({ length: 32 }, (_, i) => i.toString(16).padStart(2, "0")).join("");
const ADDRESS = "anim1qyvqqujsvl3c3kphmyglunmxzqwvr9smrwm42qcdc46zwt8mqqqn7kmj80z";

Deno.test("cli key: the same seed gives the same key file and the spec's address", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const first = await runCli(["key", "new", "--seed", SEED, "--out", `${dir}/a.json`]);
    assert.equal(first.code, 0, first.stderr);
    assert.equal(first.stdout, `${ADDRESS}\n`);
    const second = await runCli(["key", "new", "--seed", `0x${SEED}`, "--out", `${dir}/b.json`]);
    assert.equal(second.code, 0, second.stderr);
    const text = await Deno.readTextFile(`${dir}/a.json`);
    assert.equal(await Deno.readTextFile(`${dir}/b.json`), text);
    assert.equal(JSON.parse(text).seed, `0x${SEED}`);
    const address = await runCli(["key", "address", `${dir}/a.json`]);
    assert.deepEqual([address.code, address.stdout, address.stderr], [0, `${ADDRESS}\n`, ""]);
    const json = await runCli(["key", "address", `${dir}/a.json`, "--json"]);
    assert.equal(json.code, 0);
    assert.deepEqual(JSON.parse(json.stdout), {
      alg: "ml-dsa-65",
      address: ADDRESS,
      hex: "0x011800725067e388d837d911fe4f66101cc1961b1bb755030dc574272cfb00013f",
    });
    const small = await runCli([
      "key",
      "new",
      "--alg",
      "ml-dsa-44",
      "--seed",
      SEED,
      "--out",
      `${dir}/c.json`,
    ]);
    assert.equal(small.code, 0, small.stderr);
    assert.match(small.stdout, /^anim1qvmnc7lj/);
    const slh = await runCli([
      "key",
      "new",
      "--alg",
      "slh-dsa-sha2-128s",
      "--seed",
      SEED,
      "--out",
      `${dir}/s.json`,
    ]);
    assert.equal(slh.code, 0, slh.stderr);
    const slhJson = await runCli(["key", "address", `${dir}/s.json`, "--json"]);
    assert.equal(
      JSON.parse(slhJson.stdout).hex,
      "0x023c3b9221fc80acd559bd302a39de6318f33dda367c1aeed5ed27e91d65928ae5",
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("cli key: without --seed keys are random; an existing file needs --force", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const a = await runCli(["key", "new", "--out", `${dir}/a.json`]);
    const b = await runCli(["key", "new", "--out", `${dir}/b.json`]);
    assert.equal(a.code, 0, a.stderr);
    assert.equal(b.code, 0, b.stderr);
    assert.notEqual(a.stdout, b.stdout);
    const before = await Deno.readTextFile(`${dir}/a.json`);
    const refused = await runCli(["key", "new", "--seed", SEED, "--out", `${dir}/a.json`]);
    assert.equal(refused.code, 2);
    assert.equal(refused.stdout, "");
    assert.match(refused.stderr, /cannot write '.*a.json': already exists \(use --force/);
    assert.equal(await Deno.readTextFile(`${dir}/a.json`), before);
    const forced = await runCli([
      "key",
      "new",
      "--seed",
      SEED,
      "--out",
      `${dir}/a.json`,
      "--force",
    ]);
    assert.equal(forced.code, 0, forced.stderr);
    assert.equal(forced.stdout, `${ADDRESS}\n`);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("cli key: bad flags and key files are exit 2 with a clear message, never a stack trace", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const good = await runCli(["key", "new", "--seed", SEED, "--out", `${dir}/good.json`]);
    assert.equal(good.code, 0, good.stderr);
    const file = JSON.parse(await Deno.readTextFile(`${dir}/good.json`));
    const files: [string, string][] = [
      ["notjson.json", "{"],
      ["array.json", "[1]"],
      ["extra.json", JSON.stringify({ ...file, secret: "0x00" })],
      ["alg.json", JSON.stringify({ ...file, alg: "ed25519" })],
      ["hex.json", JSON.stringify({ ...file, seed: "0xg0" })],
      ["short.json", JSON.stringify({ ...file, seed: "0x00" })],
      ["mismatch.json", JSON.stringify({ ...file, alg: "ml-dsa-87" })],
    ];
    for (const [name, text] of files) await Deno.writeTextFile(`${dir}/${name}`, text);
    await Deno.writeFile(`${dir}/binary.json`, new Uint8Array([0xff, 0xfe, 0x7b]));
    const out = `${dir}/new.json`;
    const cases: [string[], RegExp][] = [
      [
        ["key", "nwe"],
        /no key subcommand 'nwe'; did you mean 'new'\?\nRun 'animica-vm key --help'/,
      ],
      [["key", "new"], /--out is required\nRun 'animica-vm key new --help'/],
      [["key", "new", "--out", out, "--seed", "xyz"], /--seed must be hex digits, got 'xyz'/],
      [
        ["key", "new", "--out", out, "--seed", "0x12"],
        /--seed must be 32 bytes \(64 hex digits\), got 1/,
      ],
      [["key", "new", "--out", out, "--seed", "abc"], /--seed must be hex digits/],
      [
        ["key", "new", "--out", out, "--alg", "ml-dsa-66"],
        /unknown --alg 'ml-dsa-66'; did you mean 'ml-dsa-6[56]'\?/,
      ],
      [["key", "new", "--out", out, "extra"], /unexpected argument 'extra'/],
      [["key", "new", "--out", `${dir}/missing/k.json`], /cannot write '.*k.json': no such file/],
      [["key", "new", "--out", out, "--sed", SEED], /did you mean '--seed'\?/],
      [["key", "address"], /give one KEYFILE/],
      [["key", "address", `${dir}/none.json`], /cannot read '.*none.json': no such file/],
      [["key", "address", `${dir}/notjson.json`], /notjson.json': key file is not JSON/],
      [["key", "address", `${dir}/array.json`], /must be a JSON object/],
      [["key", "address", `${dir}/extra.json`], /unknown field 'secret'/],
      [["key", "address", `${dir}/alg.json`], /unknown key algorithm 'ed25519'/],
      [["key", "address", `${dir}/hex.json`], /'seed' must be 0x hex/],
      [["key", "address", `${dir}/short.json`], /a key seed is 32 bytes, got 1/],
      [["key", "address", `${dir}/mismatch.json`], /not the public key of 'seed'/],
      [["key", "address", `${dir}/binary.json`], /binary.json': key file is not UTF-8/],
    ];
    for (const [args, pattern] of cases) {
      const result = await runCli(args);
      const label = args.join(" ");
      assert.equal(result.code, 2, `${label}: ${result.stderr}`);
      assert.equal(result.stdout, "", label);
      assert.match(result.stderr, pattern, label);
      assert.doesNotMatch(result.stderr, /internal error|^\s+at /m, label);
    }
    assert.equal(await Deno.stat(out).then(() => true, () => false), false);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("cli key: --help of key and its subcommands exits 0 with an example", async () => {
  for (const args of [["key", "--help"], ["key", "new", "--help"], ["help", "key", "address"]]) {
    const result = await runCli(args);
    assert.equal(result.code, 0, args.join(" "));
    assert.match(result.stdout, /^Examples:\n {2}animica-vm key /m, args.join(" "));
  }
});
