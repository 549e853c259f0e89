/**
 * `tx decode`: a transaction file, signed or not, as text a person reads
 * (every field, addresses as anim1..., the kind by name, the signature's
 * verdict and the hash) or as JSON; calldata decoded to the function and
 * its arguments when the contract's manifest is given. Printing only: the
 * decoding is lib/chain/tx.ts's.
 */

import { AbiDecodeError, formatAddress, type Manifest } from "../mod.ts";
import {
  argsToJson,
  decodeArgs,
  decodeCall,
  type JsonOutput,
  rawJson,
  stringifyJson,
  toHex,
} from "../abi.ts";
import {
  authProblem,
  INIT_FUNCTION,
  isSignedTx,
  type SignedTx,
  type TxBody,
  txHash,
  type UnsignedTx,
} from "../chain.ts";
import type { CommandInfo } from "./options.ts";

/** `tx decode`: usage, flags and examples. */
export const TX_DECODE: CommandInfo = {
  name: "tx decode",
  summary: "Print every field of a transaction file (signed or unsigned)",
  usage: ["tx decode FILE [--json] [--manifest M]"],
  options: {
    json: { type: "boolean", description: "print one JSON object (bytes in full, as 0x hex)" },
    manifest: {
      type: "string",
      value: "M",
      description: "the contract's manifest: decode the calldata to a function and arguments",
    },
  },
  examples: [
    "tx decode pay.tx",
    "tx decode set.tx --json --manifest examples/counter/manifest.json",
  ],
  details: "A signed file also shows whether its signature authorises the sender, and its hash.",
};

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Calldata as {function, args} by the manifest, or why it does not decode. */
function calldataJson(manifest: Manifest, data: Uint8Array, init: boolean): JsonOutput {
  try {
    if (init) {
      const fn = manifest.functions.find((candidate) => candidate.name === INIT_FUNCTION);
      if (fn === undefined) return { error: `the manifest has no ${INIT_FUNCTION} function` };
      return { function: fn.name, args: argsToJson(fn, decodeArgs(fn, data)) };
    }
    const { fn, args } = decodeCall(manifest, data);
    return { function: fn.name, args: argsToJson(fn, args) };
  } catch (error) {
    if (error instanceof AbiDecodeError) return { error: error.message };
    throw error;
  }
}

function memoText(memo: Uint8Array): string {
  try {
    return JSON.stringify(utf8.decode(memo));
  } catch {
    return toHex(memo);
  }
}

function bodyJson(body: TxBody, manifest: Manifest | null): Record<string, JsonOutput> {
  const value = rawJson(body.value.toString());
  switch (body.kind) {
    case "transfer":
      return { to: formatAddress(body.to), value };
    case "call":
      return {
        to: formatAddress(body.to),
        data: toHex(body.data),
        ...(manifest === null ? {} : { call: calldataJson(manifest, body.data, false) }),
        value,
      };
    case "deploy":
      return {
        manifest: new TextDecoder().decode(body.manifest),
        code: new TextDecoder().decode(body.code),
        initData: body.initData === null ? null : toHex(body.initData),
        ...(manifest === null || body.initData === null
          ? {}
          : { init: calldataJson(manifest, body.initData, true) }),
        value,
      };
  }
}

function txJson(decoded: SignedTx | UnsignedTx, manifest: Manifest | null): JsonOutput {
  const tx = isSignedTx(decoded) ? decoded.tx : decoded;
  const out: Record<string, JsonOutput> = {
    v: tx.v,
    kind: tx.body.kind,
    chainId: rawJson(tx.chainId.toString()),
    nonce: rawJson(tx.nonce.toString()),
    sender: formatAddress(tx.sender),
    gasLimit: rawJson(tx.gasLimit.toString()),
    maxFeePerGas: rawJson(tx.maxFeePerGas.toString()),
    maxPriorityFeePerGas: rawJson(tx.maxPriorityFeePerGas.toString()),
    memo: tx.memo === null ? null : toHex(tx.memo),
    body: bodyJson(tx.body, manifest),
  };
  if (isSignedTx(decoded)) {
    out.auth = decoded.auth.map((auth) => ({
      alg: auth.alg,
      pk: toHex(auth.publicKey),
      sig: toHex(auth.signature),
    }));
    out.authProblem = authProblem(decoded);
    out.hash = toHex(txHash(decoded));
  }
  return out;
}

function short(bytes: Uint8Array): string {
  const hex = toHex(bytes);
  return bytes.length <= 16 ? hex : `${hex.slice(0, 18)}… (${bytes.length} bytes)`;
}

function textLines(decoded: SignedTx | UnsignedTx, manifest: Manifest | null): string[] {
  const tx = isSignedTx(decoded) ? decoded.tx : decoded;
  const rows: [string, string][] = [
    ["kind", `${tx.body.kind}${isSignedTx(decoded) ? "" : " (unsigned)"}`],
    ["version", String(tx.v)],
    ["chain id", tx.chainId.toString()],
    ["nonce", tx.nonce.toString()],
    ["sender", formatAddress(tx.sender)],
    ["gas limit", tx.gasLimit.toString()],
    ["max fee/gas", tx.maxFeePerGas.toString()],
    ["tip/gas", tx.maxPriorityFeePerGas.toString()],
    ["memo", tx.memo === null ? "(none)" : memoText(tx.memo)],
  ];
  const body = tx.body;
  if (body.kind === "transfer" || body.kind === "call") rows.push(["to", formatAddress(body.to)]);
  if (body.kind === "call") {
    rows.push(["data", short(body.data)]);
    if (manifest !== null) {
      rows.push(["call", stringifyJson(calldataJson(manifest, body.data, false))]);
    }
  }
  if (body.kind === "deploy") {
    rows.push(["manifest", `${body.manifest.length} bytes`], ["code", `${body.code.length} bytes`]);
    rows.push(["init data", body.initData === null ? "(none)" : short(body.initData)]);
    if (manifest !== null && body.initData !== null) {
      rows.push(["init", stringifyJson(calldataJson(manifest, body.initData, true))]);
    }
  }
  rows.push(["value", body.value.toString()]);
  if (isSignedTx(decoded)) {
    for (const auth of decoded.auth) {
      rows.push(["alg", auth.alg], ["public key", short(auth.publicKey)]);
      rows.push(["signature", short(auth.signature)]);
    }
    rows.push(["authorised", authProblem(decoded) ?? "yes"], ["hash", toHex(txHash(decoded))]);
  }
  const width = Math.max(...rows.map(([name]) => name.length));
  return rows.map(([name, value]) => `${name.padEnd(width)}  ${value}`);
}

/** The printed form of a decoded transaction file: text lines, or JSON with `json`. */
export function describeTx(
  decoded: SignedTx | UnsignedTx,
  manifest: Manifest | null,
  json: boolean,
): string {
  return json
    ? stringifyJson(txJson(decoded, manifest), 2)
    : textLines(decoded, manifest).join("\n");
}
