/**
 * Chain receipt vectors (tests/vectors/receipts.json, spec/RECEIPTS.md):
 * every log, bloom, receipt's bytes and hash, receipts root and the state
 * root are recomputed by lib/chain from the file's inputs, and again by the
 * independent Python reference when python3 exists.
 */

import assert from "node:assert/strict";
import { type Manifest, MemoryState, parseManifest } from "../mod.ts";
import {
  decodeLog,
  decodeReceipt,
  encodeReceipt,
  eventLogs,
  type Log,
  receiptHash,
  receiptsRoot,
  type ReceiptStatus,
  stateRoot,
  txReceipt,
} from "../chain.ts";
import { fromHex, isJsonObject, type JsonValue, parseJson, toHex, valueFromJson } from "../abi.ts";
import { fromAbiValue, PyDict } from "../runtime.ts";
import { setEntry } from "../lib/runtime/dict_table.ts";
import { pythonUnavailableReason, runPythonJson } from "./support/python.ts";

const VECTORS = new URL("./vectors/receipts.json", import.meta.url);
const REFERENCE = new URL("./support/receipts_reference.py", import.meta.url);

interface LogVector {
  contract: string;
  address: string;
  signature?: string;
  args?: JsonValue[];
  undeclared?: string;
  topics: string[];
  data: string;
}

interface ReceiptVector {
  note: string;
  status: bigint;
  gasUsed: string;
  logs: LogVector[];
  bloom: string;
  bytes: string;
  hash: string;
}

interface Vectors {
  receipts: ReceiptVector[];
  receiptsRoots: { count: bigint; root: string }[];
  state: { entries: [string, string][]; root: string };
}

function loadVectors(): Vectors {
  const json = parseJson(Deno.readTextFileSync(VECTORS));
  assert.ok(isJsonObject(json));
  return json as unknown as Vectors;
}

function statusOf(status: bigint): ReceiptStatus {
  if (status === 0n || status === 1n || status === 2n) {
    return status === 0n ? 0 : status === 1n ? 1 : 2;
  }
  throw new Error(`status ${status}`);
}

function bytes(hex: string): Uint8Array {
  const out = fromHex(hex);
  assert.ok(out !== null, hex);
  return out;
}

/** A manifest that declares no events: its contract may emit any. */
const SILENT: Manifest = parseManifest({
  name: "silent",
  version: "1.0.0",
  entry: "silent.py",
  abi: { functions: [], events: [] },
});

function manifestOf(contract: string): Manifest {
  if (contract === "silent") return SILENT;
  return parseManifest(JSON.parse(Deno.readTextFileSync(`examples/${contract}/manifest.json`)));
}

/** The log lib/chain makes of the vector's event, emitted as the runtime would record it. */
function logOf(vector: LogVector): { manifest: Manifest; log: Log } {
  const manifest = manifestOf(vector.contract);
  const args = new PyDict();
  let name: Uint8Array;
  if (vector.undeclared !== undefined) {
    name = bytes(vector.undeclared);
  } else {
    const eventName = vector.signature?.split("(")[0] ?? "";
    const event = manifest.events.find((candidate) => candidate.name === eventName);
    assert.ok(event !== undefined, eventName);
    event.inputs.forEach((param, i) => {
      const value = valueFromJson(param.type, vector.args?.[i] ?? null, param.name);
      setEntry(args, param.name, param.name, fromAbiValue(param.type, value));
    });
    name = new TextEncoder().encode(eventName);
  }
  const [log] = eventLogs(manifest, bytes(vector.address), [{ name, args }]);
  assert.ok(log !== undefined);
  return { manifest, log };
}

Deno.test("receipt vectors: at least 9 receipts, roots of 0, 1, 2, 3 and 5, a state in every space", () => {
  const vectors = loadVectors();
  assert.ok(vectors.receipts.length >= 9);
  for (const count of [0, 1, 2, 3, 5]) {
    assert.ok(
      vectors.receiptsRoots.some((root) => root.count === BigInt(count)),
      `root of ${count}`,
    );
  }
  const spaces = new Set(vectors.state.entries.map(([key]) => key.slice(0, 4)));
  assert.deepEqual([...spaces].sort(), ["0x01", "0x02", "0x03", "0x04", "0x05", "0x06", "0x07"]);
});

Deno.test("receipt vectors: logs, bloom, bytes and hash are recomputed exactly; logs decode back", () => {
  for (const vector of loadVectors().receipts) {
    const logs = vector.logs.map((entry) => {
      const { manifest, log } = logOf(entry);
      assert.deepEqual(log.topics.map(toHex), entry.topics, `${vector.note}: topics`);
      assert.equal(toHex(log.data), entry.data, `${vector.note}: data`);
      const decoded = decodeLog(manifest, log);
      if (entry.undeclared !== undefined) {
        assert.equal(decoded.args, null);
        assert.equal(toHex(new TextEncoder().encode(decoded.name)), entry.undeclared);
      } else {
        assert.equal(decoded.name, entry.signature?.split("(")[0]);
        const event = manifest.events.find((candidate) => candidate.name === decoded.name);
        assert.ok(event !== undefined);
        assert.deepEqual(
          [...(decoded.args?.entries() ?? [])],
          event.inputs.map((param, i) => [
            param.name,
            valueFromJson(param.type, entry.args?.[i] ?? null, param.name),
          ]),
        );
      }
      return log;
    });
    const receipt = txReceipt(statusOf(vector.status), BigInt(vector.gasUsed), logs);
    assert.equal(toHex(receipt.bloom), vector.bloom, `${vector.note}: bloom`);
    assert.equal(toHex(encodeReceipt(receipt)), vector.bytes, `${vector.note}: bytes`);
    assert.equal(toHex(receiptHash(receipt)), vector.hash, `${vector.note}: hash`);
    assert.deepEqual(decodeReceipt(bytes(vector.bytes)), receipt, `${vector.note}: decode`);
  }
});

Deno.test("receipt vectors: the receipts roots and the state root are recomputed exactly", () => {
  const vectors = loadVectors();
  const hashes = vectors.receipts.map((receipt) => bytes(receipt.hash));
  for (const { count, root } of vectors.receiptsRoots) {
    assert.equal(toHex(receiptsRoot(hashes.slice(0, Number(count)))), root, `root of ${count}`);
  }
  const state = new MemoryState();
  state.apply(
    vectors.state.entries.map(([key, value]) => ({ key: bytes(key), value: bytes(value) })),
  );
  assert.equal(toHex(stateRoot(state)), vectors.state.root);
  // The block entry is not committed: changing or removing it keeps the root.
  state.apply([{ key: Uint8Array.of(0x07), value: new Uint8Array(24).fill(9) }]);
  assert.equal(toHex(stateRoot(state)), vectors.state.root);
  state.apply([{ key: Uint8Array.of(0x07), value: null }]);
  assert.equal(toHex(stateRoot(state)), vectors.state.root);
  // Every other entry is: removing one changes it.
  const [first] = vectors.state.entries;
  assert.ok(first !== undefined);
  state.apply([{ key: bytes(first[0]), value: null }]);
  assert.notEqual(toHex(stateRoot(state)), vectors.state.root);
});

const skipReason = pythonUnavailableReason();
if (skipReason !== null) console.log(`receipt reference cross-check skipped: ${skipReason}`);

Deno.test({
  name: "receipt vectors: the independent Python reference computes the same outputs",
  ignore: skipReason !== null,
  async fn() {
    const vectors = loadVectors();
    const raw = JSON.parse(Deno.readTextFileSync(VECTORS)) as {
      receipts: unknown[];
      receiptsRoots: { count: number }[];
      state: { entries: unknown[] };
    };
    const request = {
      receipts: raw.receipts,
      rootCounts: raw.receiptsRoots.map((root) => root.count),
      state: raw.state.entries,
    };
    const output = await runPythonJson(REFERENCE, JSON.stringify(request)) as {
      receipts: {
        logs: { topics: string[]; data: string }[];
        bloom: string;
        bytes: string;
        hash: string;
      }[];
      receiptsRoots: { count: number; root: string }[];
      stateRoot: string;
    };
    vectors.receipts.forEach((vector, i) => {
      const out = output.receipts[i];
      assert.ok(out !== undefined);
      assert.deepEqual(
        out.logs,
        vector.logs.map((log) => ({ topics: log.topics, data: log.data })),
        vector.note,
      );
      assert.deepEqual([out.bloom, out.bytes, out.hash], [vector.bloom, vector.bytes, vector.hash]);
    });
    assert.deepEqual(
      output.receiptsRoots,
      vectors.receiptsRoots.map(({ count, root }) => ({ count: Number(count), root })),
    );
    assert.equal(output.stateRoot, vectors.state.root);
  },
});
