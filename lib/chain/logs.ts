/**
 * Logs of chain transactions (spec/RECEIPTS.md §1–2): the events a call
 * emitted, as the receipt records them — the emitting contract, topic0
 * from the event's signature, and the arguments ABI-encoded in the
 * manifest's order — and the way back from a log to the event's name and
 * values. Every event gets a log: one its manifest does not declare (the
 * runtime lets a contract whose manifest declares no events emit any)
 * gets an "undeclared" log that records only its name.
 */

import { sha3_256Owned as sha3_256 } from "../keccak_sponge.ts";
import { type AbiValue, ADDRESS_LENGTH, decodeAbi, encodeAbi } from "../abi/codec.ts";
import { checkEventArgs, findEvent } from "../abi/events.ts";
import { concatBytes, sameBytes } from "../abi/hex.ts";
import type { AbiEvent, Manifest } from "../abi/manifest.ts";
import { signature } from "../abi/selector.ts";
import type { AbiType } from "../abi/types.ts";
import { CAPS } from "../compile/opcodes.ts";
import { AbiDecodeError, AbiEncodeError, ReceiptError } from "../errors.ts";
import { toAbiValue } from "../runtime/abi_values.ts";
import type { EmittedEvent } from "../runtime/host/types.ts";
import { textOrHex } from "../runtime/value_json.ts";

/** One event as a receipt records it. */
export interface Log {
  /** The contract that emitted it (33 bytes). */
  readonly address: Uint8Array;
  /** Its topics: exactly one, topic0, from eventLogs (32 bytes each). */
  readonly topics: readonly Uint8Array[];
  /** Its arguments, ABI-encoded in the manifest's order (an undeclared event: its name). */
  readonly data: Uint8Array;
}

/** An event read back from a log. */
export interface DecodedLog {
  /** The event's name (an undeclared one's: as text when valid UTF-8, else 0x hex). */
  readonly name: string;
  /** Its arguments by name in the manifest's order; null for an undeclared event. */
  readonly args: ReadonlyMap<string, AbiValue> | null;
}

/** Domain tag hashed in front of the name of an undeclared event for its topic0. */
export const UNDECLARED_EVENT_DOMAIN = "animica:event:undeclared|";

const BYTES: AbiType = { kind: "bytes" };
const utf8 = new TextEncoder();
const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** The signature text `Name(t1,t2,…)` of a declared event (canonical ABI types). */
export function eventSignature(event: AbiEvent): string {
  return signature(event.name, event.inputs.map((param) => param.type));
}

/** topic0 of a declared event: sha3-256 of its signature text (UTF-8). */
export function eventTopic(event: AbiEvent): Uint8Array {
  return sha3_256(utf8.encode(eventSignature(event)));
}

/** topic0 of an undeclared event: sha3-256 of the domain tag and the name's bytes. */
export function undeclaredEventTopic(name: Uint8Array): Uint8Array {
  return sha3_256(concatBytes(utf8.encode(UNDECLARED_EVENT_DOMAIN), name));
}

function utf8Text(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch (error) {
    if (error instanceof TypeError) return null;
    throw error;
  }
}

/** The declared event's topic0 and data, or null when the event does not match the manifest. */
function declaredLog(
  manifest: Manifest,
  event: EmittedEvent,
): { topic: Uint8Array; data: Uint8Array } | null {
  const name = utf8Text(event.name);
  const declared = name === null ? null : findEvent(manifest, name);
  if (name === null || declared === null) return null;
  const values = new Map<string, AbiValue>();
  try {
    for (const entry of event.args.ordered()) {
      const value = toAbiValue(entry.value);
      if (typeof entry.key !== "string" || value === null) return null;
      values.set(entry.key, value);
    }
    return { topic: eventTopic(declared), data: checkEventArgs(manifest, name, values) };
  } catch (error) {
    if (error instanceof AbiEncodeError) return null;
    throw error;
  }
}

/**
 * The logs of events emitted by the contract at `address`, in order. A
 * declared event (its name, argument names and value types match the
 * manifest, as the runtime checks when the manifest declares events) has
 * topic0 = sha3-256 of its signature and its arguments ABI-encoded as the
 * tuple of the declared types; any other event has topic0 =
 * {@link undeclaredEventTopic} of its name and data = the name ABI-encoded
 * as `bytes`. An address that is not 33 bytes, or an event name longer
 * than event_size (which the runtime never emits), is a ReceiptError.
 */
export function eventLogs(
  manifest: Manifest,
  address: Uint8Array,
  events: readonly EmittedEvent[],
): Log[] {
  if (address.length !== ADDRESS_LENGTH) {
    throw new ReceiptError(`a log's address is ${ADDRESS_LENGTH} bytes, got ${address.length}`);
  }
  return events.map((event) => {
    if (event.name.length > CAPS.event_size) {
      throw new ReceiptError(`an event name is at most ${CAPS.event_size} bytes (cap event_size)`);
    }
    const declared = declaredLog(manifest, event);
    return declared === null
      ? { address, topics: [undeclaredEventTopic(event.name)], data: encodeAbi(BYTES, event.name) }
      : { address, topics: [declared.topic], data: declared.data };
  });
}

function decodeDeclared(event: AbiEvent, data: Uint8Array): DecodedLog {
  const types: AbiType = { kind: "tuple", items: event.inputs.map((param) => param.type) };
  let values: AbiValue;
  try {
    values = decodeAbi(types, data);
  } catch (error) {
    if (!(error instanceof AbiDecodeError)) throw error;
    throw new ReceiptError(`the log data of event ${event.name} does not decode: ${error.message}`);
  }
  const args = new Map<string, AbiValue>();
  for (const [i, param] of event.inputs.entries()) {
    const value = Array.isArray(values) ? values[i] : undefined;
    if (value === undefined) throw new ReceiptError(`the log data of event ${event.name} is short`);
    args.set(param.name, value);
  }
  return { name: event.name, args };
}

/** The name an undeclared event's log records, or null when the log is not one. */
function undeclaredName(log: Log, topic: Uint8Array): Uint8Array | null {
  let name: AbiValue;
  try {
    name = decodeAbi(BYTES, log.data);
  } catch (error) {
    if (error instanceof AbiDecodeError) return null;
    throw error;
  }
  return name instanceof Uint8Array && sameBytes(undeclaredEventTopic(name), topic) ? name : null;
}

/**
 * The event a log records, by the manifest of the contract that emitted
 * it: a declared event's name and arguments (decoded strictly), or an
 * undeclared event's name with `args: null`. A log whose topic0 matches
 * no event of the manifest, or whose data does not decode, is a
 * ReceiptError.
 *
 * @example Decode a log of the counter's `Set` event
 * ```ts
 * import { parseManifest } from "@animica/vm-py";
 * import { decodeLog, eventTopic } from "@animica/vm-py/chain";
 *
 * const manifest = parseManifest({
 *   name: "c", version: "1.0.0", entry: "c.py",
 *   abi: { functions: [], events: [{ name: "Set", inputs: [{ name: "value", type: "int" }] }] },
 * });
 * for (const event of manifest.events) {
 *   const log = { address: new Uint8Array(33), topics: [eventTopic(event)], data: Uint8Array.of(10) };
 *   console.log(decodeLog(manifest, log)); // { name: "Set", args: Map(1) { "value" => 5n } }
 * }
 * ```
 */
export function decodeLog(manifest: Manifest, log: Log): DecodedLog {
  const topic = log.topics[0];
  if (topic === undefined) throw new ReceiptError("the log has no topic0");
  const declared = manifest.events.find((event) => sameBytes(eventTopic(event), topic));
  if (declared !== undefined) return decodeDeclared(declared, log.data);
  const name = undeclaredName(log, topic);
  if (name === null) throw new ReceiptError("the log's topic0 matches no event of the manifest");
  return { name: textOrHex(name), args: null };
}
