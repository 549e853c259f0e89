/**
 * The host side of `stdlib` for one call: storage through a write journal
 * (nothing reaches the state unless the call succeeds), events (checked
 * against the manifest's declarations when it declares any), hashes,
 * abi.require/revert, the call context, treasury balances kept in
 * storage, a deterministic random stream, and the capability-gated syscall
 * shims recorded for the receipt. Pure: no clock, no I/O.
 */

import { allocBytes } from "./bytes.ts";
import { blake3 } from "@noble/hashes/blake3.js";
import { keccak256, sha3_256, sha3_512 } from "./keccak.ts";
import { type AbiValue, decodeAbi, encodeAbi } from "../abi/codec.ts";
import { type AbiType, parseAbiType } from "../abi/types.ts";
import { fromAbiValue, toAbiValue } from "./abi_values.ts";
import { checkEventArgs } from "../abi/events.ts";
import { concatBytes } from "../abi/hex.ts";
import type { Manifest } from "../abi/manifest.ts";
import { AbiDecodeError, AbiEncodeError, AbiTypeError } from "../errors.ts";
import { CAPS } from "../compile/opcodes.ts";
import { limitExceeded, revert, vmError } from "./failure.ts";
import type { Host } from "./interpreter.ts";
import { type Meter, utf8Length } from "./ops.ts";
import { canonicalInt, PyDict, truthy, typeName, type Value } from "./values.ts";

/** Read access to contract storage. */
export interface StateReader {
  get(key: Uint8Array): Uint8Array | null;
}

/** Facts about the call, from the caller. */
export interface CallContext {
  readonly sender: Uint8Array;
  readonly value: bigint;
  readonly address: Uint8Array;
  readonly blockHeight: bigint;
  readonly blockTime: bigint;
  readonly chainId: bigint;
  readonly txHash: Uint8Array;
  /** Index of this call within its transaction (seeds random). */
  readonly callIndex: number;
}

/** An event as emitted: name bytes and its argument dict (a snapshot). */
export interface EmittedEvent {
  readonly name: Uint8Array;
  readonly args: PyDict;
}

/** A syscall made by the contract, recorded in the receipt. */
export interface SyscallRecord {
  readonly name: string;
  readonly result: Value;
}

/** A Map key for bytes: one UTF-16 unit per byte. */
function binaryKey(bytes: Uint8Array): string {
  let key = "";
  for (const byte of bytes) key += String.fromCharCode(byte);
  return key;
}

/** Pending writes of a call, by key (null deletes). */
export class Journal implements StateReader {
  readonly #base: StateReader;
  readonly writes = new Map<string, { key: Uint8Array; value: Uint8Array | null }>();

  constructor(base: StateReader) {
    this.#base = base;
  }

  get(key: Uint8Array): Uint8Array | null {
    const pending = this.writes.get(binaryKey(key));
    return pending === undefined ? this.#base.get(key) : pending.value;
  }

  /** Records a write; bytes values are immutable, so they are kept as they are (not copied). */
  set(key: Uint8Array, value: Uint8Array | null): void {
    this.writes.set(binaryKey(key), {
      key,
      value: value === null || value.length === 0 ? null : value,
    });
  }
}

const TREASURY_PREFIX = new TextEncoder().encode("\u00fftreasury:");
const RANDOM_DOMAIN = new TextEncoder().encode("animica:random:v1|");

function bytesArg(value: Value | undefined, what: string): Uint8Array {
  if (value instanceof Uint8Array) return value;
  return vmError("TypeError", `${what} must be bytes, not ${typeName(value ?? null)}`);
}

function intArg(value: Value | undefined, what: string): bigint {
  if (typeof value === "number" || typeof value === "bigint") return BigInt(value);
  if (typeof value === "boolean") return value ? 1n : 0n;
  return vmError("TypeError", `${what} must be an int, not ${typeName(value ?? null)}`);
}

/** Shortest big-endian two's complement of an int (0 is empty). */
export function encodeStoredInt(value: bigint): Uint8Array {
  if (value === 0n) return allocBytes(0);
  if (value >= -0x800000000000n && value < 0x800000000000n) {
    let small = Number(value);
    let length = 1;
    while (small < -(2 ** (8 * length - 1)) || small >= 2 ** (8 * length - 1)) length++;
    if (small < 0) small += 2 ** (8 * length);
    const out = allocBytes(length);
    for (let i = length - 1; i >= 0; i--) {
      out[i] = small % 256;
      small = Math.floor(small / 256);
    }
    return out;
  }
  let length = 1;
  while (value < -(1n << BigInt(8 * length - 1)) || value >= 1n << BigInt(8 * length - 1)) length++;
  let unsigned = value < 0n ? value + (1n << BigInt(8 * length)) : value;
  const out = allocBytes(length);
  for (let i = length - 1; i >= 0; i--) {
    out[i] = Number(unsigned & 0xffn);
    unsigned >>= 8n;
  }
  return out;
}

/** Inverse of {@link encodeStoredInt}. */
export function decodeStoredInt(bytes: Uint8Array): bigint {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  if (bytes.length > 0 && ((bytes[0] ?? 0) & 0x80) !== 0) value -= 1n << BigInt(8 * bytes.length);
  return value;
}

/** stdlib for one call. */
export class CallHost implements Host {
  readonly journal: Journal;
  readonly events: EmittedEvent[] = [];
  readonly syscalls: SyscallRecord[] = [];
  readonly #context: CallContext;
  readonly #manifest: Manifest | null;
  #randomCounter = 0;

  constructor(state: StateReader, context: CallContext, manifest: Manifest | null) {
    this.journal = new Journal(state);
    this.#context = context;
    this.#manifest = manifest;
    if (context.value > 0n) this.#credit(context.address, context.value);
  }

  #balance(address: Uint8Array): bigint {
    return decodeStoredInt(
      this.journal.get(concatBytes(TREASURY_PREFIX, address)) ?? new Uint8Array(),
    );
  }

  #credit(address: Uint8Array, amount: bigint): void {
    this.journal.set(
      concatBytes(TREASURY_PREFIX, address),
      encodeStoredInt(this.#balance(address) + amount),
    );
  }

  value(name: string): Value {
    const c = this.#context;
    switch (name) {
      case "context.sender":
        return c.sender;
      case "context.value":
        return canonicalInt(c.value);
      case "context.address":
        return c.address;
      case "context.block_height":
        return canonicalInt(c.blockHeight);
      case "context.block_time":
        return canonicalInt(c.blockTime);
      case "context.chain_id":
        return canonicalInt(c.chainId);
      case "context.tx_hash":
        return c.txHash;
      default:
        return vmError("AttributeError", `'${name}' is not a stdlib value`);
    }
  }

  call(
    name: string,
    meter: Meter,
    args: readonly Value[],
    kwargs: ReadonlyMap<string, Value>,
  ): Value {
    if (kwargs.size > 0 && name !== "storage.get_int") {
      vmError("TypeError", `${name}() takes no keyword arguments`);
    }
    switch (name) {
      case "storage.get": {
        const key = this.#key(args[0]);
        const value = this.journal.get(key) ?? allocBytes(0);
        meter.dynamic(1, value.length);
        return value;
      }
      case "storage.set": {
        const key = this.#key(args[0]);
        const value = bytesArg(args[1], "storage value");
        if (value.length > CAPS.storage_value) {
          limitExceeded("storage_value", "storage value is too large");
        }
        meter.dynamic(5, key.length + value.length);
        this.journal.set(key, value);
        return null;
      }
      case "storage.delete":
        this.journal.set(this.#key(args[0]), null);
        return null;
      case "storage.get_int": {
        const key = this.#key(args[0]);
        const fallback = args.length > 1
          ? args[1] ?? null
          : kwargs.has("default")
          ? kwargs.get("default") ?? null
          : 0;
        const stored = this.journal.get(key);
        if (stored === null) return fallback;
        meter.dynamic(1, Math.ceil(stored.length / 8));
        return canonicalInt(decodeStoredInt(stored));
      }
      case "storage.set_int": {
        const key = this.#key(args[0]);
        const value = encodeStoredInt(intArg(args[1], "storage int"));
        meter.dynamic(5, Math.max(1, Math.ceil(value.length / 8)));
        this.journal.set(key, value);
        return null;
      }
      case "events.emit":
        return this.#emit(meter, args);
      case "hash.sha3_256":
      case "hash.sha3_512":
      case "hash.keccak256":
      case "hash.blake3": {
        const data = bytesArg(args[0], `${name} input`);
        meter.dynamic(
          name === "hash.sha3_512" ? 8 : name === "hash.blake3" ? 3 : 6,
          Math.ceil(data.length / 32) || 1,
        );
        const fn = name === "hash.sha3_256"
          ? sha3_256
          : name === "hash.sha3_512"
          ? sha3_512
          : name === "hash.keccak256"
          ? keccak256
          : blake3;
        return fn(data);
      }
      case "abi.require":
        if (!truthy(args[0] ?? null)) revert(this.#reason(args[1]), "requirement failed");
        return null;
      case "abi.revert":
        return revert(this.#reason(args[0]));
      case "abi.encode":
      case "abi.decode":
        return this.#abiCodec(meter, name, args);
      case "treasury.balance":
        return canonicalInt(
          this.#balance(args.length === 0 ? this.#context.address : bytesArg(args[0], "address")),
        );
      case "treasury.transfer": {
        const to = bytesArg(args[0], "recipient");
        const amount = intArg(args[1], "amount");
        if (amount <= 0n) vmError("ValueError", "transfer amount must be positive");
        const available = this.#balance(this.#context.address);
        if (available < amount) {
          revert(new TextEncoder().encode("insufficient balance"), "insufficient balance");
        }
        this.#credit(this.#context.address, -amount);
        this.#credit(to, amount);
        return null;
      }
      case "random.bytes":
        return this.#random(meter, intArg(args[0], "length"));
      default:
        if (name.startsWith("syscalls.")) return this.#syscall(meter, name, args);
        return vmError("NotImplementedError", `${name} is not implemented by this VM yet`);
    }
  }

  /** abi.encode(type, value) -> bytes and abi.decode(type, data) -> value. */
  #abiCodec(meter: Meter, name: string, args: readonly Value[]): Value {
    const typeText = args[0];
    if (typeof typeText !== "string") {
      return vmError("TypeError", `${name}() needs an ABI type string first`);
    }
    let type: AbiType;
    try {
      type = parseAbiType(typeText);
    } catch (error) {
      if (error instanceof AbiTypeError) return vmError("ValueError", error.message);
      throw error;
    }
    if (name === "abi.decode") {
      const data = bytesArg(args[1], "abi.decode data");
      meter.dynamic(2, data.length);
      try {
        return fromAbiValue(type, decodeAbi(type, data));
      } catch (error) {
        if (error instanceof AbiDecodeError) return vmError("ValueError", error.message);
        throw error;
      }
    }
    const value = toAbiValue(args[1] ?? null);
    if (value === null) {
      return vmError("TypeError", `abi.encode() cannot encode ${typeName(args[1] ?? null)}`);
    }
    try {
      const encoded = encodeAbi(type, value);
      meter.dynamic(2, encoded.length);
      return encoded;
    } catch (error) {
      if (error instanceof AbiEncodeError) return vmError("TypeError", error.message);
      throw error;
    }
  }

  #key(value: Value | undefined): Uint8Array {
    const key = bytesArg(value, "storage key");
    if (key.length > CAPS.storage_key) limitExceeded("storage_key", "storage key is too long");
    if (key[0] === 0xff) vmError("ValueError", "storage keys starting with 0xff are reserved");
    return key;
  }

  #reason(value: Value | undefined): Uint8Array {
    if (value === undefined || value === null) return allocBytes(0);
    if (value instanceof Uint8Array) return value;
    if (typeof value === "string") return new TextEncoder().encode(value);
    return vmError("TypeError", `revert reason must be bytes or str, not ${typeName(value)}`);
  }

  #emit(meter: Meter, args: readonly Value[]): Value {
    const name = bytesArg(args[0], "event name");
    const fields = args[1] ?? new PyDict();
    if (!(fields instanceof PyDict)) {
      return vmError("TypeError", `event args must be a dict, not ${typeName(fields)}`);
    }
    if (this.events.length >= CAPS.events_per_call) {
      limitExceeded("events_per_call", "too many events");
    }
    let size = name.length;
    const snapshot = new PyDict();
    for (const [key, entry] of fields.entries) {
      if (typeof entry.key !== "string") vmError("TypeError", "event argument names must be str");
      size += utf8Length(entry.key) + JSON.stringify(String(entry.value)).length;
      snapshot.entries.set(key, { key: entry.key, value: entry.value });
    }
    if (size > CAPS.event_size) limitExceeded("event_size", "event is too large");
    meter.dynamic(8, size);
    this.#checkDeclared(name, snapshot);
    this.events.push({ name, args: snapshot });
    return null;
  }

  #checkDeclared(name: Uint8Array, args: PyDict): void {
    const manifest = this.#manifest;
    if (manifest === null || manifest.events.length === 0) return;
    const text = new TextDecoder().decode(name);
    const values = new Map<string, AbiValue>();
    for (const entry of args.entries.values()) {
      const value = toAbiValue(entry.value);
      if (value === null) {
        vmError("TypeError", `event ${text} argument '${String(entry.key)}' has no ABI form`);
      }
      values.set(entry.key as string, value);
    }
    try {
      checkEventArgs(manifest, text, values);
    } catch (error) {
      if (error instanceof AbiEncodeError) vmError("EventError", error.message);
      throw error;
    }
  }

  #random(meter: Meter, length: bigint): Uint8Array {
    if (length < 0n) vmError("ValueError", "length must be non-negative");
    if (length > BigInt(CAPS.bytes_length)) {
      limitExceeded("bytes_length", "random.bytes length is too large");
    }
    meter.dynamic(6, Math.ceil(Number(length) / 32));
    const out = allocBytes(Number(length));
    const index = new Uint8Array(4);
    new DataView(index.buffer).setUint32(0, this.#context.callIndex);
    for (let offset = 0; offset < out.length; offset += 32) {
      const counter = new Uint8Array(4);
      new DataView(counter.buffer).setUint32(0, this.#randomCounter++);
      const block = sha3_256(concatBytes(RANDOM_DOMAIN, this.#context.txHash, index, counter));
      out.set(block.subarray(0, Math.min(32, out.length - offset)), offset);
    }
    return out;
  }

  #syscall(meter: Meter, name: string, args: readonly Value[]): Value {
    const cap = name.slice("syscalls.".length);
    if (this.#manifest === null || !this.#manifest.caps.includes(cap)) {
      vmError("PermissionError", `${name} needs the '${cap}' capability in the manifest`);
    }
    const payload = concatBytes(
      ...args.map((
        arg,
      ) => (arg instanceof Uint8Array ? arg : new TextEncoder().encode(String(arg)))),
    );
    meter.dynamic(4, payload.length);
    const digest = sha3_256(concatBytes(new TextEncoder().encode(`animica:${cap}:v1|`), payload));
    const result: Value = cap === "zk_verify"
      ? false
      : cap === "read_result"
      ? new Uint8Array()
      : digest;
    this.syscalls.push({ name, result });
    return result;
  }
}
