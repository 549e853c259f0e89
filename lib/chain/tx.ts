/**
 * Signed transactions as bytes (spec/TX.md): the canonical CBOR of a
 * transaction and its strict decoder, the sign bytes a key signs, the
 * transaction hash, signing, and the check that a transaction carries the
 * one signature its sender's key must give. The field caps are derived
 * here from the VM's and the state's caps (never restated). Decoding
 * re-encodes what it read and refuses any difference, so one transaction
 * has exactly one encoding; every malformed input is a TxError naming the
 * field. Applying a transaction is ./apply_tx.ts's job, not this file's.
 */

import { sha3_256Owned as sha3_256 } from "../keccak_sponge.ts";
import { ADDRESS_LENGTH } from "../abi/codec.ts";
import { concatBytes, sameBytes, toHex } from "../abi/hex.ts";
import { ABI_LIMITS } from "../abi/limits.ts";
import { CAPS } from "../compile/opcodes.ts";
import { CborError, CborTag, type CborValue, decodeCbor, encodeCbor } from "../compile/cbor.ts";
import { TxError } from "../errors.ts";
import { MAX_MANIFEST_BYTES } from "../runtime/state_keys.ts";
import { keyAddress, MAX_NONCE, u64Bytes } from "./address.ts";
import { cborShapeProblem } from "../compile/cbor_depth.ts";
import {
  isKeyAlgorithm,
  KEY_ALGORITHMS,
  type KeyAlgorithm,
  keyAlgorithmById,
  keyAlgorithmInfo,
  type KeyPair,
  sign,
  verify,
} from "./keys.ts";
import {
  type SignedTx,
  TX_KINDS,
  type TxAuth,
  type TxBody,
  type TxKindName,
  type UnsignedTx,
} from "./tx_types.ts";

/** The format version, the `v` field. */
export const TX_VERSION = 1;
/** Domain tag that starts the sign bytes. */
export const TX_SIGN_DOMAIN = "animica:tx-sign:v1|";
/** Domain tag of transaction hashes. */
export const TX_HASH_DOMAIN = "animica:signed-tx:v1|";
/** Longest memo, in bytes. */
export const MAX_MEMO_BYTES = 96;
/** Largest value moved by a transaction: the VM's int cap (balances have the same cap). */
export const MAX_VALUE: bigint = (1n << BigInt(CAPS.int_bits)) - 1n;
/** Longest big-endian form of a value (the content of its bignum tag). */
export const MAX_VALUE_BYTES: number = CAPS.int_bits / 8;
/** Longest calldata (`data`, `initData`): the ABI's longest encoding. */
export const MAX_CALLDATA_BYTES: number = ABI_LIMITS.bytesLength;
/** Longest contract source in a deployment: the code_size cap of its IR. */
export const MAX_CODE_BYTES: number = CAPS.code_size;

/**
 * More than the map headers, field names, fixed-size integers and byte
 * string headers of any transaction take together (spec/TX.md §3: the
 * largest transaction needs 239 bytes of it).
 */
const FRAMING_BYTES = 1024;

const LARGEST_AUTH = Math.max(
  ...KEY_ALGORITHMS.map((alg) => {
    const info = keyAlgorithmInfo(alg);
    return info.publicKeyLength + info.signatureLength;
  }),
);

/**
 * Longest transaction in bytes: the largest deployment (manifest, source,
 * init calldata, value), memo and signature, plus the framing.
 */
export const MAX_TX_BYTES: number = MAX_MANIFEST_BYTES + MAX_CODE_BYTES + MAX_CALLDATA_BYTES +
  MAX_VALUE_BYTES + MAX_MEMO_BYTES + LARGEST_AUTH + FRAMING_BYTES;

const U64_MAX = MAX_NONCE;
/** The CBOR tag of an unsigned bignum (RFC 8949 §3.4.3), the only tag a transaction holds. */
const BIGNUM_TAG = 2;
/**
 * Deepest nesting of arrays and maps in a transaction (the auth entries: a
 * map in an array in the top map), checked in one pass before decoding so
 * hostile nesting never reaches the recursive decoder.
 */
const TX_CBOR_DEPTH = 3;
const utf8 = new TextEncoder();

function path(where: string, name: string): string {
  return where === "" ? name : `${where}.${name}`;
}

// --- Encoding (checks every range and size: the one place they are checked) ---

function u64(value: bigint, where: string): bigint {
  if (typeof value !== "bigint" || value < 0n || value > U64_MAX) {
    throw new TxError(where, `must be an integer from 0 to 2^64 - 1, got ${String(value)}`);
  }
  return value;
}

function amount(value: bigint, where: string): bigint {
  if (typeof value !== "bigint" || value < 0n || value > MAX_VALUE) {
    throw new TxError(where, `must be an integer from 0 to 2^${CAPS.int_bits} - 1`);
  }
  return value;
}

function sized(value: Uint8Array, where: string, min: number, max: number): Uint8Array {
  if (!(value instanceof Uint8Array)) throw new TxError(where, "must be bytes");
  if (value.length < min || value.length > max) {
    const range = min === max ? `${min}` : `${min} to ${max}`;
    throw new TxError(where, `must be ${range} bytes, got ${value.length}`);
  }
  return value;
}

function utf8Text(value: Uint8Array, where: string, max: number): Uint8Array {
  sized(value, where, 0, max);
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(value);
  } catch {
    throw new TxError(where, "must be UTF-8 text");
  }
  return value;
}

function sender(value: Uint8Array): Uint8Array {
  sized(value, "sender", ADDRESS_LENGTH, ADDRESS_LENGTH);
  if (keyAlgorithmById(value[0] ?? 0) === null) {
    throw new TxError("sender", `is not an account address (id 0x${toHex(value).slice(2, 4)})`);
  }
  return value;
}

function encodeBody(body: TxBody): Map<string, CborValue> {
  switch (body.kind) {
    case "transfer":
      return new Map<string, CborValue>([
        ["to", sized(body.to, "body.to", ADDRESS_LENGTH, ADDRESS_LENGTH)],
        ["value", amount(body.value, "body.value")],
      ]);
    case "call":
      return new Map<string, CborValue>([
        ["to", sized(body.to, "body.to", ADDRESS_LENGTH, ADDRESS_LENGTH)],
        ["data", sized(body.data, "body.data", 0, MAX_CALLDATA_BYTES)],
        ["value", amount(body.value, "body.value")],
      ]);
    case "deploy": {
      const fields = new Map<string, CborValue>([
        ["code", utf8Text(body.code, "body.code", MAX_CODE_BYTES)],
        ["value", amount(body.value, "body.value")],
      ]);
      if (body.initData !== null) {
        fields.set("initData", sized(body.initData, "body.initData", 1, MAX_CALLDATA_BYTES));
      }
      fields.set("manifest", utf8Text(body.manifest, "body.manifest", MAX_MANIFEST_BYTES));
      return fields;
    }
  }
}

function unsignedFields(tx: UnsignedTx): Map<string, CborValue> {
  if (tx.v !== TX_VERSION) throw new TxError("v", `must be ${TX_VERSION}`);
  const kind: TxKindName = tx.body.kind;
  if (!Object.hasOwn(TX_KINDS, kind)) throw new TxError("kind", `unknown kind '${String(kind)}'`);
  const maxFee = u64(tx.maxFeePerGas, "maxFeePerGas");
  if (u64(tx.maxPriorityFeePerGas, "maxPriorityFeePerGas") > maxFee) {
    throw new TxError("maxPriorityFeePerGas", "must not exceed maxFeePerGas");
  }
  const fields = new Map<string, CborValue>([["v", TX_VERSION]]);
  fields.set("body", encodeBody(tx.body));
  fields.set("kind", TX_KINDS[kind]);
  if (tx.memo !== null) fields.set("memo", sized(tx.memo, "memo", 1, MAX_MEMO_BYTES));
  fields.set("nonce", u64(tx.nonce, "nonce"));
  fields.set("sender", sender(tx.sender));
  fields.set("chainId", u64(tx.chainId, "chainId"));
  fields.set("gasLimit", u64(tx.gasLimit, "gasLimit"));
  fields.set("maxFeePerGas", maxFee);
  fields.set("maxPriorityFeePerGas", tx.maxPriorityFeePerGas);
  return fields;
}

function authEntry(auth: TxAuth, where: string): Map<string, CborValue> {
  if (!isKeyAlgorithm(auth.alg)) {
    throw new TxError(`${where}.alg`, `unknown algorithm '${String(auth.alg)}'`);
  }
  const info = keyAlgorithmInfo(auth.alg);
  return new Map<string, CborValue>([
    ["pk", sized(auth.publicKey, `${where}.pk`, info.publicKeyLength, info.publicKeyLength)],
    ["alg", info.id],
    ["sig", sized(auth.signature, `${where}.sig`, info.signatureLength, info.signatureLength)],
  ]);
}

function authCount(count: number): void {
  if (count !== 1) throw new TxError("auth", `must hold exactly one signature, has ${count}`);
}

/**
 * The CBOR of a transaction without its `auth` field: what the signature
 * covers (behind the domain of {@link signBytes}), and the unsigned file
 * `tx build` writes. A field out of range or of the wrong size is a TxError.
 */
export function encodeUnsignedTx(tx: UnsignedTx): Uint8Array {
  return encodeCbor(unsignedFields(tx), true);
}

/** The canonical CBOR of a signed transaction (TxError for any field out of the format). */
export function encodeTx(signed: SignedTx): Uint8Array {
  const fields = unsignedFields(signed.tx);
  authCount(signed.auth.length);
  fields.set("auth", signed.auth.map((auth, i) => authEntry(auth, `auth[${i}]`)));
  return encodeCbor(fields, true);
}

// --- Decoding (checks types and shape; ranges and sizes by re-encoding) ---

/** RFC 8949 §4.2.1 order of text keys: shorter first, then bytewise (all keys are ASCII). */
function keyOrder(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

function fieldsOf(
  value: unknown,
  where: string,
  allowed: readonly string[],
): ReadonlyMap<string, unknown> {
  if (!(value instanceof Map)) throw new TxError(where, "must be a map");
  let previous: string | null = null;
  for (const key of value.keys()) {
    if (typeof key !== "string") throw new TxError(where, "map keys must be text");
    if (!allowed.includes(key)) throw new TxError(path(where, key), "unknown field");
    if (previous !== null && keyOrder(previous, key) >= 0) {
      throw new TxError(path(where, key), "map keys are not in canonical order");
    }
    previous = key;
  }
  return value;
}

function required(fields: ReadonlyMap<string, unknown>, where: string, name: string): unknown {
  if (!fields.has(name)) throw new TxError(path(where, name), "missing field");
  return fields.get(name);
}

function integer(value: unknown, where: string): bigint {
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return BigInt(value);
  if (typeof value === "bigint" && value >= 0n) return value;
  if (!(value instanceof CborTag)) throw new TxError(where, "must be an unsigned integer");
  const content = value.content;
  if (!(content instanceof Uint8Array)) throw new TxError(where, "a bignum must hold bytes");
  if (content.length > MAX_VALUE_BYTES) {
    throw new TxError(where, `is over 2^${CAPS.int_bits} - 1`);
  }
  const big = content.length === 0 ? 0n : BigInt(toHex(content));
  if (content[0] === 0 || big <= U64_MAX) {
    throw new TxError(where, "a bignum must be over 2^64 - 1 with no leading zero byte");
  }
  return big;
}

function bytes(value: unknown, where: string): Uint8Array {
  if (!(value instanceof Uint8Array)) throw new TxError(where, "must be a byte string");
  return value;
}

function optionalBytes(
  fields: ReadonlyMap<string, unknown>,
  where: string,
  name: string,
): Uint8Array | null {
  return fields.has(name) ? bytes(fields.get(name), path(where, name)) : null;
}

const KIND_NAMES: readonly TxKindName[] = Object.keys(TX_KINDS) as TxKindName[];

const BODY_FIELDS: Readonly<Record<TxKindName, readonly string[]>> = {
  transfer: ["to", "value"],
  call: ["to", "data", "value"],
  deploy: ["code", "value", "initData", "manifest"],
};

function decodeBody(kindValue: unknown, value: unknown): TxBody {
  const kind = KIND_NAMES.find((name) => TX_KINDS[name] === kindValue);
  if (kind === undefined) throw new TxError("kind", "must be 0 (transfer), 1 (deploy) or 2 (call)");
  const fields = fieldsOf(value, "body", BODY_FIELDS[kind]);
  const get = (name: string) => required(fields, "body", name);
  const valueField = integer(get("value"), "body.value");
  switch (kind) {
    case "transfer":
      return { kind, to: bytes(get("to"), "body.to"), value: valueField };
    case "call":
      return {
        kind,
        to: bytes(get("to"), "body.to"),
        data: bytes(get("data"), "body.data"),
        value: valueField,
      };
    case "deploy":
      return {
        kind,
        manifest: bytes(get("manifest"), "body.manifest"),
        code: bytes(get("code"), "body.code"),
        initData: optionalBytes(fields, "body", "initData"),
        value: valueField,
      };
  }
}

const UNSIGNED_FIELDS = [
  "v",
  "body",
  "kind",
  "memo",
  "nonce",
  "sender",
  "chainId",
  "gasLimit",
  "maxFeePerGas",
  "maxPriorityFeePerGas",
];
const SIGNED_FIELDS = [...UNSIGNED_FIELDS, "auth"];

function decodeUnsigned(fields: ReadonlyMap<string, unknown>): UnsignedTx {
  const get = (name: string) => required(fields, "", name);
  if (get("v") !== TX_VERSION) throw new TxError("v", `must be ${TX_VERSION}`);
  return {
    v: TX_VERSION,
    chainId: integer(get("chainId"), "chainId"),
    nonce: integer(get("nonce"), "nonce"),
    sender: bytes(get("sender"), "sender"),
    gasLimit: integer(get("gasLimit"), "gasLimit"),
    maxFeePerGas: integer(get("maxFeePerGas"), "maxFeePerGas"),
    maxPriorityFeePerGas: integer(get("maxPriorityFeePerGas"), "maxPriorityFeePerGas"),
    memo: optionalBytes(fields, "", "memo"),
    body: decodeBody(get("kind"), get("body")),
  };
}

function decodeAuth(value: unknown): TxAuth[] {
  if (!Array.isArray(value)) throw new TxError("auth", "must be an array");
  authCount(value.length);
  return value.map((entry, i) => {
    const where = `auth[${i}]`;
    const fields = fieldsOf(entry, where, ["pk", "alg", "sig"]);
    const id = required(fields, where, "alg");
    const alg = typeof id === "number" ? keyAlgorithmById(id) : null;
    if (alg === null) throw new TxError(`${where}.alg`, `unknown algorithm id ${String(id)}`);
    return {
      alg,
      publicKey: bytes(required(fields, where, "pk"), `${where}.pk`),
      signature: bytes(required(fields, where, "sig"), `${where}.sig`),
    };
  });
}

/**
 * Most entries a map of a transaction may have before it is read: a few
 * times the 11 fields of the signed top map, so that a stray field is
 * still named as unknown, and far too few for crafted keys to flood the
 * decoder's Map (../compile/cbor_depth.ts).
 */
const TX_MAP_ENTRIES = 32;

function cborValue(input: Uint8Array): unknown {
  if (!(input instanceof Uint8Array)) throw new TxError("", "a transaction is bytes");
  if (input.length > MAX_TX_BYTES) {
    throw new TxError("", `is ${input.length} bytes, over the ${MAX_TX_BYTES}-byte cap`);
  }
  const shape = cborShapeProblem(input, TX_CBOR_DEPTH, TX_MAP_ENTRIES, [BIGNUM_TAG]);
  if (shape !== null) throw new TxError("", `not canonical CBOR: ${shape}`);
  try {
    return decodeCbor(input, [BIGNUM_TAG]);
  } catch (error) {
    if (!(error instanceof CborError)) throw error;
    if (error.repeatedKey !== null) throw new TxError(error.repeatedKey, "duplicate map key");
    throw new TxError("", `not canonical CBOR: ${error.message}`);
  }
}

function canonical(input: Uint8Array, again: Uint8Array): void {
  if (!sameBytes(input, again)) {
    throw new TxError("", "the bytes are not the canonical encoding of the transaction they hold");
  }
}

/**
 * The signed transaction of canonical bytes. Anything else (bytes that are
 * not CBOR or not in canonical form, a missing, unknown or duplicate field,
 * a wrong type, size or range, more than MAX_TX_BYTES) is a TxError naming
 * the field; no other exception escapes.
 *
 * @example
 * ```ts
 * import { decodeTx, encodeTx, keyFromSeed, signTx } from "@animica/vm-py/chain";
 *
 * const key = keyFromSeed("ml-dsa-44", new Uint8Array(32));
 * const signed = signTx({
 *   v: 1, chainId: 1n, nonce: 0n, sender: key.address, gasLimit: 21_000n,
 *   maxFeePerGas: 10n, maxPriorityFeePerGas: 1n, memo: null,
 *   body: { kind: "transfer", to: key.address, value: 5n },
 * }, key);
 * console.log(decodeTx(encodeTx(signed)).tx.body.kind); // transfer
 * ```
 */
export function decodeTx(input: Uint8Array): SignedTx {
  return signedOf(input, cborValue(input));
}

function signedOf(input: Uint8Array, value: unknown): SignedTx {
  const fields = fieldsOf(value, "", SIGNED_FIELDS);
  const tx = decodeUnsigned(fields);
  const signed = { tx, auth: decodeAuth(required(fields, "", "auth")) };
  canonical(input, encodeTx(signed));
  return signed;
}

/** The unsigned transaction of canonical bytes from {@link encodeUnsignedTx}; a TxError otherwise. */
export function decodeUnsignedTx(input: Uint8Array): UnsignedTx {
  return unsignedOf(input, cborValue(input));
}

function unsignedOf(input: Uint8Array, value: unknown): UnsignedTx {
  const tx = decodeUnsigned(fieldsOf(value, "", UNSIGNED_FIELDS));
  canonical(input, encodeUnsignedTx(tx));
  return tx;
}

/**
 * A transaction file's bytes, signed (with `auth`) or not: what `tx decode`
 * reads. A TxError when they are neither.
 */
export function decodeAnyTx(input: Uint8Array): SignedTx | UnsignedTx {
  const value = cborValue(input);
  return value instanceof Map && value.has("auth")
    ? signedOf(input, value)
    : unsignedOf(input, value);
}

/** Whether a decoded transaction carries signatures. */
export function isSignedTx(value: SignedTx | UnsignedTx): value is SignedTx {
  return "auth" in value;
}

// --- Sign bytes, hash, signing, the signature check ---

/**
 * What a key signs: the UTF-8 domain `animica:tx-sign:v1|`, the chain id
 * (8 bytes big-endian), the algorithm's id (1 byte), then
 * {@link encodeUnsignedTx}.
 */
export function signBytes(tx: UnsignedTx, alg: KeyAlgorithm): Uint8Array {
  const body = encodeUnsignedTx(tx);
  const { id } = keyAlgorithmInfo(alg);
  return concatBytes(
    utf8.encode(TX_SIGN_DOMAIN),
    u64Bytes(tx.chainId, "the chain id"),
    Uint8Array.of(id),
    body,
  );
}

/** sha3_256 of the domain `animica:signed-tx:v1|` followed by {@link encodeTx}: 32 bytes. */
export function txHash(signed: SignedTx): Uint8Array {
  return sha3_256(concatBytes(utf8.encode(TX_HASH_DOMAIN), encodeTx(signed)));
}

/**
 * `tx` with the one auth entry of `key`: its algorithm, public key and
 * signature of the sign bytes. It does not check that the key owns the
 * sender: {@link authProblem} does.
 */
export function signTx(tx: UnsignedTx, key: KeyPair): SignedTx {
  const signature = sign(key, signBytes(tx, key.alg));
  return { tx, auth: [{ alg: key.alg, publicKey: key.publicKey, signature }] };
}

/**
 * Why `signed` is not authorised by its sender, or null when it is: it must
 * carry exactly one signature, of the sender's algorithm, by the key whose
 * address is the sender, valid over the sign bytes.
 */
export function authProblem(signed: SignedTx): string | null {
  const auth = signed.auth[0];
  if (signed.auth.length !== 1 || auth === undefined) {
    return `a transaction carries exactly one signature, this one has ${signed.auth.length}`;
  }
  if (!isKeyAlgorithm(auth.alg)) return `unknown signature algorithm '${String(auth.alg)}'`;
  const senderAlg = keyAlgorithmById(signed.tx.sender[0] ?? -1);
  if (senderAlg === null || signed.tx.sender.length !== ADDRESS_LENGTH) {
    return "the sender is not an account address";
  }
  if (senderAlg !== auth.alg) {
    return `algorithm mismatch: the sender is a ${senderAlg} address, the signature is ${auth.alg}`;
  }
  const owner = keyAddress(keyAlgorithmInfo(auth.alg).id, auth.publicKey);
  if (!sameBytes(owner, signed.tx.sender)) return "signed by a key that does not own the sender";
  let message: Uint8Array;
  try {
    message = signBytes(signed.tx, auth.alg);
  } catch (error) {
    if (error instanceof TxError) return `malformed transaction: ${error.message}`;
    throw error;
  }
  return verify(auth.alg, auth.publicKey, message, auth.signature) ? null : "bad signature";
}
