/** Each example contract driven through the CLI `run`, as its README describes. */

import assert from "node:assert/strict";
import { runCli } from "./support/cli.ts";

const ALICE = "0x01" + "11".repeat(32);
const BOB = "0x01" + "22".repeat(32);
const CAROL = "0x01" + "33".repeat(32);

async function call(
  manifest: string,
  state: string,
  fn: string,
  extra: string[] = [],
): Promise<Record<string, unknown>> {
  const result = await runCli([
    "run",
    "--manifest",
    manifest,
    "--call",
    fn,
    "--state",
    state,
    ...extra,
  ]);
  assert.ok(result.code === 0 || result.code === 1, result.stderr);
  return JSON.parse(result.stdout);
}

/** Gives `address` a balance to send value from (`state fund`). */
async function fund(state: string, address: string, amount: number): Promise<void> {
  const result = await runCli([
    "state",
    "fund",
    "--address",
    address,
    "--value",
    String(amount),
    "--state",
    state,
  ]);
  assert.equal(result.code, 0, result.stderr);
}

async function withState(body: (state: string) => Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir();
  try {
    await body(`${dir}/state.json`);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("examples through the CLI: token transfers and allowances", async () => {
  await withState(async (state) => {
    const m = "examples/token/manifest.json";
    assert.equal((await call(m, state, "init", ["--args", "[1000]", "--sender", ALICE])).ok, true);
    const sent = await call(m, state, "transfer", ["--args", `["${BOB}", 300]`, "--sender", ALICE]);
    assert.deepEqual(sent.events, [{
      name: "Transfer",
      args: { from: ALICE, to: BOB, amount: 300 },
    }]);
    assert.equal((await call(m, state, "balance_of", ["--args", `["${BOB}"]`])).return, 300);
    const over = await call(m, state, "transfer", ["--args", `["${ALICE}", 301]`, "--sender", BOB]);
    assert.equal((over.error as { reason: string }).reason, "insufficient balance");
  });
});

Deno.test("examples through the CLI: escrow deposit by value, release by the arbiter only", async () => {
  await withState(async (state) => {
    const m = "examples/escrow/manifest.json";
    await fund(state, ALICE, 500);
    const deposit = await call(m, state, "deposit", [
      "--args",
      `["${BOB}", "${CAROL}"]`,
      "--sender",
      ALICE,
      "--value",
      "500",
    ]);
    assert.equal(deposit.return, 500);
    const stranger = await call(m, state, "release", ["--sender", BOB]);
    assert.equal((stranger.error as { reason: string }).reason, "only the arbiter may settle");
    const release = await call(m, state, "release", ["--sender", CAROL]);
    assert.deepEqual(release.events, [{ name: "Released", args: { to: BOB, amount: 500 } }]);
    assert.equal((await call(m, state, "state")).return, 2);
  });
});

Deno.test("examples through the CLI: lottery tickets and a deterministic draw", async () => {
  const winners: unknown[] = [];
  for (let round = 0; round < 2; round++) {
    await withState(async (state) => {
      const m = "examples/lottery/manifest.json";
      await fund(state, BOB, 10);
      await fund(state, CAROL, 13);
      assert.equal((await call(m, state, "open_round", ["--sender", ALICE])).ok, true);
      assert.equal((await call(m, state, "buy", ["--sender", BOB, "--value", "10"])).return, 0);
      assert.equal((await call(m, state, "buy", ["--sender", CAROL, "--value", "10"])).return, 1);
      const cheap = await call(m, state, "buy", ["--sender", CAROL, "--value", "3"]);
      assert.equal((cheap.error as { reason: string }).reason, "a ticket costs 10");
      const draw = await call(m, state, "draw", ["--sender", ALICE]);
      assert.equal(draw.ok, true);
      const drawn = (draw.events as { args: { winner: string; prize: number } }[])[0];
      assert.ok(drawn !== undefined && [BOB, CAROL].includes(drawn.args.winner));
      assert.equal(drawn.args.prize, 20);
      winners.push(drawn.args.winner);
    });
  }
  assert.equal(winners[0], winners[1], "the same inputs draw the same winner");
});
