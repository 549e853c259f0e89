/**
 * The JSON the CLI prints for an applied signed transaction (spec/BLOCKS.md
 * §8): hash, receipt (status, gas used, logs, bloom) and receipt hash, the
 * fee paid and burned, a deployment's address, a call's return value, the
 * failure, and each log decoded back to its event's name and arguments by
 * the emitting contract's manifest. Pure: the caller gives the manifests.
 */

import { decodeCall, decodeReturn } from "../abi/calls.ts";
import { toHex } from "../abi/hex.ts";
import { type JsonOutput, rawJson, valueToJson } from "../abi/json.ts";
import type { Manifest } from "../abi/manifest.ts";
import { AnimicaError } from "../errors.ts";
import { formatAddress } from "./address.ts";
import type { TxApplied } from "./apply_tx.ts";
import { decodeLog, type Log, receiptHash } from "./tx_receipt.ts";

/** The manifest of the contract at an address (null: none there). */
export type ManifestAt = (address: Uint8Array) => Manifest | null;

/** A log as JSON: its raw fields, and its event and arguments when the manifest decodes it. */
export function logJson(log: Log, manifest: Manifest | null): { [key: string]: JsonOutput } {
  const raw = {
    address: formatAddress(log.address),
    topics: log.topics.map(toHex),
    data: toHex(log.data),
  };
  if (manifest === null) return { event: null, args: null, ...raw };
  try {
    const decoded = decodeLog(manifest, log);
    const event = manifest.events.find((candidate) => candidate.name === decoded.name);
    const args: { [key: string]: JsonOutput } = {};
    for (const param of event?.inputs ?? []) {
      const value = decoded.args?.get(param.name);
      if (value !== undefined) args[param.name] = valueToJson(param.type, value);
    }
    return { event: decoded.name, args: decoded.args === null ? null : args, ...raw };
  } catch (error) {
    if (!(error instanceof AnimicaError)) throw error;
    return { event: null, args: null, ...raw };
  }
}

/** A call's return value as JSON by the called contract's manifest (null: none or undecodable). */
function returnJson(applied: TxApplied, manifestAt: ManifestAt): JsonOutput {
  const body = applied.tx.tx.body;
  if (body.kind !== "call" || applied.failure !== null) return null;
  const manifest = manifestAt(body.to);
  if (manifest === null) return null;
  try {
    const { fn } = decodeCall(manifest, body.data);
    const values = decodeReturn(fn, applied.returnData);
    const json = fn.outputs.map((type, i) => {
      const value = values[i];
      return value === undefined ? null : valueToJson(type, value);
    });
    return json.length === 0 ? null : json.length === 1 ? json[0] ?? null : json;
  } catch (error) {
    if (!(error instanceof AnimicaError)) throw error;
    return null;
  }
}

/** The JSON object of an applied transaction. */
export function txAppliedJson(
  applied: TxApplied,
  manifestAt: ManifestAt,
): { [key: string]: JsonOutput } {
  const receipt = applied.receipt;
  const output: { [key: string]: JsonOutput } = {
    hash: toHex(applied.hash),
    ok: applied.failure === null,
    status: receipt.status,
    gasUsed: rawJson(String(receipt.gasUsed)),
    gasPrice: rawJson(String(applied.gasPrice)),
    fee: rawJson(String(applied.fee)),
    burned: rawJson(String(applied.burned)),
  };
  if (applied.contractAddress !== null) {
    output.contractAddress = formatAddress(applied.contractAddress);
  }
  output.return = returnJson(applied, manifestAt);
  output.returnData = toHex(applied.returnData);
  output.logs = receipt.logs.map((log) => logJson(log, manifestAt(log.address)));
  output.bloom = toHex(receipt.bloom);
  output.receiptHash = toHex(receiptHash(receipt));
  const failure = applied.failure;
  if (failure !== null) {
    output.error = {
      kind: failure.kind,
      type: failure.type,
      message: failure.message,
      reason: failure.kind === "revert" ? new TextDecoder().decode(failure.reason) : null,
    };
  }
  return output;
}
