/**
 * `tx build|sign|decode`: signed transactions as files (spec/TX.md §10).
 * `build` writes an unsigned transaction (its CBOR, no `auth`) from flags,
 * `sign` adds a key file's signature, `decode` prints either kind of file.
 * The subcommands are one table (TX_TABLE); `send` (applying a signed
 * file to a state file) is ./tx_send.ts. The format lives in
 * lib/chain/tx.ts; this file reads flags and files and writes files.
 */

import { AbiEncodeError, formatAddress, parseAddress } from "../mod.ts";
import {
  type AbiFunction,
  type AbiValue,
  argsFromJson,
  encodeCall,
  findFunction,
  type JsonValue,
  toHex,
} from "../abi.ts";
import {
  DEFAULT_GAS_LIMIT,
  encodeTx,
  encodeUnsignedTx,
  INIT_FUNCTION,
  isSignedTx,
  MAX_MEMO_BYTES,
  signTx,
  type TxBody,
  txHash,
  type UnsignedTx,
} from "../chain.ts";
import { CAPS } from "../ir.ts";
import { ChainError, TxError } from "../mod.ts";
import { argsJson, nonNegative } from "./chain_session.ts";
import { loadValidManifest, readInputFile, writeNewFile } from "./common.ts";
import { loadKey } from "./key.ts";
import {
  type CommandInfo,
  InputError,
  misuse,
  type OptionInfo,
  parseOptions,
  requireOption,
  runSubcommand,
} from "./options.ts";
import { describeTx, TX_DECODE } from "./tx_show.ts";
import { readTx } from "./tx_files.ts";
import { sendTx, TX_SEND } from "./tx_send.ts";

type Values = Readonly<Record<string, string | boolean | undefined>>;

const FEE_OPTIONS: Readonly<Record<string, OptionInfo>> = {
  from: {
    type: "string",
    value: "ADDR|KEYFILE",
    description: "the sender: an address (anim1... or 0x hex) or a key file (required)",
  },
  "chain-id": { type: "string", value: "N", description: "the chain it is valid on; default 1" },
  nonce: { type: "string", value: "N", description: "the sender's nonce; default 0" },
  "gas-limit": {
    type: "string",
    value: "N",
    description: `most gas it may use; default ${DEFAULT_GAS_LIMIT}`,
  },
  "max-fee": {
    type: "string",
    value: "N",
    description: "most paid per unit of gas, tip included; default 1",
  },
  tip: {
    type: "string",
    value: "N",
    description: "most of the fee per gas the block producer gets; default 0",
  },
  memo: {
    type: "string",
    value: "TEXT",
    description: `a memo (UTF-8, at most ${MAX_MEMO_BYTES} bytes)`,
  },
  value: { type: "string", value: "N", description: "value moved with it; default 0" },
  out: { type: "string", value: "FILE", description: "the file to write (required)" },
  force: { type: "boolean", description: "overwrite FILE if it exists" },
};

/** `tx build`: usage, flags and examples. */
export const TX_BUILD: CommandInfo = {
  name: "tx build",
  summary: "Write an unsigned transaction file (transfer, call or deploy)",
  usage: [
    "tx build transfer --from ADDR|KEYFILE --to ADDR --out FILE [--value N] [fee flags]",
    "tx build call --from ... --to ADDR (--manifest M --call F [--args JSON] | --data HEX)",
    "    --out FILE [--value N] [fee flags]",
    "tx build deploy --from ... --manifest M [SOURCE] [--init-args JSON] --out FILE [...]",
    "    fee flags: [--chain-id N] [--nonce N] [--gas-limit N] [--max-fee N] [--tip N] [--memo T]",
  ],
  options: {
    ...FEE_OPTIONS,
    to: { type: "string", value: "ADDR", description: "the receiver or contract called" },
    manifest: {
      type: "string",
      value: "M",
      description: "call: the contract's manifest, to encode --call; deploy: the manifest deployed",
    },
    call: { type: "string", value: "F", description: "call: the function called" },
    args: {
      type: "string",
      value: "JSON",
      description: "call: the arguments (JSON array or object; '-' reads stdin)",
    },
    "args-file": { type: "string", value: "F", description: "call: read the arguments from F" },
    data: { type: "string", value: "HEX", description: "call: raw calldata instead of --call" },
    "init-args": {
      type: "string",
      value: "JSON",
      description: "deploy: the arguments of the contract's init (default [] when it has one)",
    },
  },
  examples: [
    "tx build transfer --from alice.json --to anim1... --value 100 --out pay.utx",
    "tx build call --from alice.json --to anim1... --manifest examples/counter/manifest.json --call set --args '[5]' --out set.utx",
    "tx build deploy --from alice.json --manifest examples/token/manifest.json --init-args '[1000]' --out token.utx",
  ],
  details: [
    "The file holds the transaction's CBOR without signatures (spec/TX.md §10); sign it with",
    "'tx sign'. A deployment carries the manifest and the source it names (or SOURCE).",
  ].join("\n"),
};

/** `tx sign`: usage, flags and examples. */
export const TX_SIGN: CommandInfo = {
  name: "tx sign",
  summary: "Sign an unsigned transaction file with a key file",
  usage: ["tx sign --key KEYFILE TX --out FILE [--force]"],
  options: {
    key: {
      type: "string",
      value: "KEYFILE",
      description: "the key that owns the sender (required)",
    },
    out: { type: "string", value: "FILE", description: "the signed file to write (required)" },
    force: { type: "boolean", description: "overwrite FILE if it exists" },
  },
  examples: ["tx sign --key alice.json pay.utx --out pay.tx"],
  details: "Prints the transaction hash. The key must own the sender's address.",
};

/** The subcommands: what `tx SUB` runs and documents. */
const TX_TABLE: Readonly<
  Record<string, { info: CommandInfo; run: (argv: readonly string[]) => Promise<number> }>
> = {
  build: { info: TX_BUILD, run: build },
  sign: { info: TX_SIGN, run: signFile },
  decode: { info: TX_DECODE, run: decodeFile },
  send: { info: TX_SEND, run: sendTx },
};

/** The tx subcommands by name (for `help tx SUB`). */
export const TX_SUBCOMMANDS: Readonly<Record<string, CommandInfo>> = Object.fromEntries(
  Object.entries(TX_TABLE).map(([name, entry]) => [name, entry.info]),
);

/** `tx`: the subcommands. */
export const TX: CommandInfo = {
  name: "tx",
  summary: "Build, sign, decode and send post-quantum signed transactions",
  usage: [
    "tx build transfer|call|deploy --from ADDR|KEYFILE --out FILE [...]",
    ...Object.values(TX_TABLE).flatMap((entry) =>
      entry.info === TX_BUILD ? [] : entry.info.usage.slice(0, 1)
    ),
  ],
  options: {},
  examples: [
    "tx build transfer --from alice.json --to anim1... --value 5 --out pay.utx",
    "tx sign --key alice.json pay.utx --out pay.tx",
    "tx decode pay.tx",
  ],
};

/** Runs `tx SUBCOMMAND ...`; returns the exit code. */
export async function txCommand(argv: readonly string[]): Promise<number> {
  const runners = Object.fromEntries(
    Object.entries(TX_TABLE).map(([name, entry]) => [name, entry.run]),
  );
  return await runSubcommand(TX, runners, argv);
}

async function sender(values: Values): Promise<Uint8Array> {
  const from = requireOption(TX_BUILD, values, "from");
  // bech32m may be written in upper case (ANIM1...): it is an address, not a key file name.
  if (/^anim1/i.test(from) || from.startsWith("0x")) {
    try {
      return parseAddress(from);
    } catch (error) {
      if (error instanceof ChainError) throw misuse(TX_BUILD, `--from: ${error.message}`);
      throw error;
    }
  }
  return (await loadKey(from)).address;
}

function address(values: Values, flag: string): Uint8Array {
  const text = requireOption(TX_BUILD, values, flag);
  try {
    return parseAddress(text);
  } catch (error) {
    if (error instanceof ChainError) throw misuse(TX_BUILD, `--${flag}: ${error.message}`);
    throw error;
  }
}

function u64Flag(values: Values, flag: string, fallback: bigint): bigint {
  return nonNegative(values[flag], flag, 64) ?? fallback;
}

function refuse(values: Values, flags: readonly string[], kind: string): void {
  const given = flags.find((flag) => values[flag] !== undefined);
  if (given !== undefined) throw misuse(TX_BUILD, `--${given} does not apply to ${kind}`);
}

async function callBody(values: Values, value: bigint): Promise<TxBody> {
  refuse(values, ["init-args"], "a call");
  const to = address(values, "to");
  if (typeof values.data === "string") {
    refuse(values, ["manifest", "call", "args", "args-file"], "a call with --data");
    const data = values.data.startsWith("0x") ? values.data : `0x${values.data}`;
    const bytes = /^0x([0-9a-fA-F]{2})*$/.test(data) ? data : null;
    if (bytes === null) throw misuse(TX_BUILD, `--data must be hex, got '${values.data}'`);
    return { kind: "call", to, data: hexBytes(bytes), value };
  }
  if (typeof values.manifest !== "string") {
    throw misuse(TX_BUILD, "a call needs --manifest M --call F, or --data HEX");
  }
  const { manifest } = await loadValidManifest(values.manifest);
  const fn = findFunction(manifest, requireOption(TX_BUILD, values, "call"));
  return { kind: "call", to, data: encodeCall(fn, argsFrom(fn, await argsJson(values))), value };
}

function hexBytes(hex: string): Uint8Array {
  return Uint8Array.from(hex.slice(2).match(/../g) ?? [], (pair) => parseInt(pair, 16));
}

function argsFrom(fn: AbiFunction, json: JsonValue): AbiValue[] {
  try {
    return argsFromJson(fn, json);
  } catch (error) {
    if (error instanceof AbiEncodeError) throw new InputError(`arguments: ${error.message}`);
    throw error;
  }
}

async function deployBody(
  values: Values,
  positionals: readonly string[],
  value: bigint,
): Promise<TxBody> {
  refuse(values, ["to", "call", "args", "args-file", "data"], "a deployment");
  const loaded = await loadValidManifest(requireOption(TX_BUILD, values, "manifest"));
  if (positionals.length > 1) throw misuse(TX_BUILD, `unexpected argument '${positionals[1]}'`);
  const sourcePath = positionals[0] ?? loaded.entryPath;
  const manifestText = new TextDecoder().decode(await readInputFile(loaded.path));
  const init = loaded.manifest.functions.find((fn) => fn.name === INIT_FUNCTION);
  let initData: Uint8Array | null = null;
  if (init !== undefined) {
    const json = typeof values["init-args"] === "string"
      ? await argsJson({ args: values["init-args"] })
      : [];
    initData = encodeCall(init, argsFrom(init, json));
  } else if (values["init-args"] !== undefined) {
    throw misuse(TX_BUILD, `--init-args: the manifest has no ${INIT_FUNCTION} function`);
  }
  return {
    kind: "deploy",
    manifest: new TextEncoder().encode(JSON.stringify(JSON.parse(manifestText))),
    code: await readInputFile(sourcePath),
    initData,
    value,
  };
}

async function build(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseOptions(argv, TX_BUILD);
  const [kind, ...rest] = positionals;
  const out = requireOption(TX_BUILD, values, "out");
  const value = nonNegative(values.value, "value", CAPS.int_bits) ?? 0n;
  let body: TxBody;
  if (kind === "transfer" || kind === "call") {
    if (rest.length > 0) throw misuse(TX_BUILD, `unexpected argument '${rest[0]}'`);
    if (kind === "transfer") {
      refuse(values, ["manifest", "call", "args", "args-file", "data", "init-args"], "a transfer");
      body = { kind, to: address(values, "to"), value };
    } else body = await callBody(values, value);
  } else if (kind === "deploy") body = await deployBody(values, rest, value);
  else throw misuse(TX_BUILD, "give the kind: transfer, call or deploy");
  const maxFeePerGas = u64Flag(values, "max-fee", 1n);
  const tx: UnsignedTx = {
    v: 1,
    chainId: u64Flag(values, "chain-id", 1n),
    nonce: u64Flag(values, "nonce", 0n),
    sender: await sender(values),
    gasLimit: u64Flag(values, "gas-limit", BigInt(DEFAULT_GAS_LIMIT)),
    maxFeePerGas,
    maxPriorityFeePerGas: u64Flag(values, "tip", 0n),
    memo: typeof values.memo === "string" ? new TextEncoder().encode(values.memo) : null,
    body,
  };
  const bytes = encodeWithFlags(tx);
  await writeNewFile(out, bytes, values.force === true);
  console.log(`${out}: unsigned ${kind} from ${formatAddress(tx.sender)}, ${bytes.length} bytes`);
  return 0;
}

/** The flag behind each transaction field, for messages. */
const FIELD_FLAGS: Readonly<Record<string, string>> = {
  chainId: "--chain-id",
  nonce: "--nonce",
  gasLimit: "--gas-limit",
  maxFeePerGas: "--max-fee",
  maxPriorityFeePerGas: "--tip",
  memo: "--memo",
  sender: "--from",
  "body.to": "--to",
  "body.value": "--value",
  "body.data": "--data or --args",
  "body.initData": "--init-args",
  "body.manifest": "--manifest",
  "body.code": "SOURCE",
};

function encodeWithFlags(tx: UnsignedTx): Uint8Array {
  try {
    return encodeUnsignedTx(tx);
  } catch (error) {
    if (!(error instanceof TxError)) throw error;
    const flag = FIELD_FLAGS[error.field];
    throw new InputError(`the transaction is invalid: ${error.message}${flag ? ` (${flag})` : ""}`);
  }
}

async function signFile(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseOptions(argv, TX_SIGN);
  const [path, ...extra] = positionals;
  if (path === undefined || extra.length > 0) throw misuse(TX_SIGN, "give one TX file");
  const key = await loadKey(requireOption(TX_SIGN, values, "key"));
  const out = requireOption(TX_SIGN, values, "out");
  const tx = await readTx(path);
  if (isSignedTx(tx)) throw new InputError(`'${path}' is already signed`);
  if (toHex(key.address) !== toHex(tx.sender)) {
    throw new InputError(
      `the key's address ${formatAddress(key.address)} is not the sender ${
        formatAddress(tx.sender)
      }`,
    );
  }
  const signed = signTx(tx, key);
  await writeNewFile(out, encodeTx(signed), values.force === true);
  console.log(toHex(txHash(signed)));
  return 0;
}

async function decodeFile(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseOptions(argv, TX_DECODE);
  const [path, ...extra] = positionals;
  if (path === undefined || extra.length > 0) throw misuse(TX_DECODE, "give one TX file");
  const decoded = await readTx(path);
  const manifest = typeof values.manifest === "string"
    ? (await loadValidManifest(values.manifest)).manifest
    : null;
  console.log(describeTx(decoded, manifest, values.json === true));
  return 0;
}
