/**
 * Every example contract's events, as its calls emit them (the golden
 * scenarios of tests/support/golden.ts and one refund), become declared logs that decode
 * back to their names and argument values by the manifest; each call's
 * receipt round-trips through its bytes.
 */

import assert from "node:assert/strict";
import {
  decodeLog,
  decodeReceipt,
  encodeReceipt,
  eventLogs,
  eventTopic,
  receiptStatus,
  txReceipt,
} from "../chain.ts";
import { toAbiValue } from "../runtime.ts";
import { scenarioCalls, type ScenarioStep } from "./support/golden.ts";
import { TEST_CONTEXT } from "./support/runtime.ts";

const ALICE = "0x01" + "11".repeat(32);
const BOB = "0x01" + "22".repeat(32);
const CAROL = "0x01" + "33".repeat(32);
/** The golden scenarios leave one event out: an escrow the arbiter refunds. */
const REFUND: readonly ScenarioStep[] = [
  ["escrow", "deposit", `["${BOB}", "${CAROL}"]`, ALICE, 70n],
  ["escrow", "refund", "[]", CAROL, 0n],
];

Deno.test("receipts: every example's events round-trip through their logs", () => {
  const seen = new Set<string>();
  const calls = [...scenarioCalls(), ...scenarioCalls(REFUND)];
  for (const { example, manifest, call, result } of calls) {
    const logs = eventLogs(manifest, TEST_CONTEXT.address, result.events);
    assert.equal(logs.length, result.events.length);
    result.events.forEach((event, i) => {
      const name = new TextDecoder().decode(event.name);
      const declared = manifest.events.find((candidate) => candidate.name === name);
      const log = logs[i];
      assert.ok(declared !== undefined && log !== undefined, `${example}.${call}: ${name}`);
      assert.deepEqual(log.topics, [eventTopic(declared)]);
      const decoded = decodeLog(manifest, log);
      assert.equal(decoded.name, name);
      assert.deepEqual(
        [...(decoded.args?.entries() ?? [])],
        declared.inputs.map((param) => {
          const value = [...event.args.ordered()].find((entry) => entry.key === param.name);
          assert.ok(value !== undefined, param.name);
          return [param.name, toAbiValue(value.value)];
        }),
      );
      seen.add(`${example}.${name}`);
    });
    const receipt = txReceipt(
      receiptStatus(result.failure?.kind ?? null),
      BigInt(result.gasUsed),
      logs,
    );
    assert.deepEqual(decodeReceipt(encodeReceipt(receipt)), receipt);
  }
  for (const example of ["counter", "token", "escrow", "lottery"]) {
    assert.ok(
      [...seen].some((name) => name.startsWith(`${example}.`)),
      `${example} emitted nothing`,
    );
  }
  console.log(`events seen: ${[...seen].sort().join(", ")}`);
});
