/**
 * What `deploy`, `run` and `state` share: the flags of a transaction
 * (sender, value, gas limit, block, arguments from a flag, a file or
 * stdin), opening the state file, and a Chain over it that is closed (and
 * so persisted) after the command. Flag values are checked here; every
 * chain rule lives in lib/chain/.
 */

import { parseJson } from "../lib/abi/api.ts";
import { type JsonOutput, type JsonValue, stringifyJson } from "../lib/abi/json.ts";
import { formatAddress, parseAddress } from "../lib/chain/address.ts";
import { Chain } from "../lib/chain/chain.ts";
import type { ContractCode } from "../lib/chain/code.ts";
import type { TxOptions } from "../lib/chain/contract.ts";
import { QUICKSTART_DEPLOYER } from "../lib/chain/quickstart.ts";
import type { Receipt } from "../lib/chain/receipt.ts";
import { CAPS } from "../lib/compile/opcodes.ts";
import { fileProblem, type LoadedManifest, readInputFile } from "./common.ts";
import { withIrCache } from "./ir_cache.ts";
import { InputError, type OptionInfo, UsageError } from "./options.ts";
import { type FileState, openJsonState, openSqliteState } from "./state_files.ts";

/** Gas limit of a call when --gas-limit is not given. */
export const DEFAULT_GAS_LIMIT = 10_000_000;
/** State file when --state is not given. */
export const DEFAULT_STATE = ".animica/state.sqlite";

type Values = Readonly<Record<string, string | boolean | undefined>>;

/** --state. */
export const STATE_OPTION: OptionInfo = {
  type: "string",
  value: "PATH",
  description: `state file: .json (readable) or SQLite; default ${DEFAULT_STATE}`,
};

/** The flags that set the block (kept in the state) before a command's transactions. */
export const BLOCK_FLAGS: Readonly<Record<string, OptionInfo>> = {
  "block-height": {
    type: "string",
    value: "N",
    description: "set the block height (kept in the state)",
  },
  "block-time": {
    type: "string",
    value: "N",
    description: "set the block time (kept in the state)",
  },
  "chain-id": { type: "string", value: "N", description: "set the chain id (kept in the state)" },
};

/** The flags of a transaction, shared by deploy and run. */
export const TX_OPTIONS: Readonly<Record<string, OptionInfo>> = {
  args: {
    type: "string",
    value: "JSON",
    description: "arguments: a JSON array (by position) or object (by name); '-' reads stdin",
  },
  "args-file": { type: "string", value: "F", description: "read the arguments JSON from file F" },
  state: STATE_OPTION,
  "gas-limit": {
    type: "string",
    value: "N",
    description: `gas available to the call; default ${DEFAULT_GAS_LIMIT}`,
  },
  sender: {
    type: "string",
    value: "ADDR",
    description: `sender address (0x hex or anim1...); default ${
      formatAddress(QUICKSTART_DEPLOYER)
    }`,
  },
  value: {
    type: "string",
    value: "N",
    description: "value sent, debited from the sender; default 0",
  },
  ...BLOCK_FLAGS,
};

/** A non-negative integer flag under `bits` bits, or undefined when absent. */
export function nonNegative(
  value: string | boolean | undefined,
  flag: string,
  bits: number = CAPS.int_bits,
): bigint | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || !/^(0|[1-9][0-9]*)$/.test(value)) {
    throw new UsageError(`--${flag} must be a non-negative integer, got '${String(value)}'`);
  }
  // A decimal digit carries more than 3 bits: cheap to check before converting.
  const parsed = value.length <= bits ? BigInt(value) : null;
  if (parsed === null || parsed >= 1n << BigInt(bits)) {
    const cap = bits === CAPS.int_bits ? " (cap int_bits)" : "";
    throw new UsageError(`--${flag} is ${bits} bits or more${cap}`);
  }
  return parsed;
}

/** The arguments JSON of --args (or '-': stdin) or --args-file; [] when neither is given. */
export async function argsJson(values: Values): Promise<JsonValue> {
  const inline = values.args;
  const file = values["args-file"];
  if (typeof inline === "string" && typeof file === "string") {
    throw new UsageError("give --args or --args-file, not both");
  }
  let text = "[]";
  let where = "--args";
  if (typeof file === "string") {
    text = new TextDecoder().decode(await readInputFile(file));
    where = `'${file}'`;
  } else if (inline === "-") {
    text = await new Response(Deno.stdin.readable).text();
    where = "standard input";
  } else if (typeof inline === "string") {
    text = inline;
  }
  return parseJson(text, where);
}

/** The sender, value and gas limit of the transaction flags. */
export function txOptions(values: Values): TxOptions {
  const gasLimit = nonNegative(values["gas-limit"], "gas-limit", 53) ?? BigInt(DEFAULT_GAS_LIMIT);
  let from: Uint8Array;
  try {
    from = typeof values.sender === "string" ? parseAddress(values.sender) : QUICKSTART_DEPLOYER;
  } catch (error) {
    throw new UsageError(`--sender: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { from, value: nonNegative(values.value, "value") ?? 0n, gasLimit: Number(gasLimit) };
}

/**
 * The contract code of a loaded manifest (its entry source read), with its
 * compilation attached from the IR cache (./ir_cache.ts).
 */
export async function contractCode(loaded: LoadedManifest): Promise<ContractCode> {
  const text = new TextDecoder().decode(await readInputFile(loaded.path));
  const code = { manifest: text, source: await readInputFile(loaded.entryPath) };
  return (await withIrCache(code, loaded.manifest)).code;
}

async function openState(path: string): Promise<FileState> {
  try {
    return path.endsWith(".json") ? await openJsonState(path) : await openSqliteState(path);
  } catch (error) {
    const problem = fileProblem(error);
    if (problem !== null) throw new InputError(`cannot open state '${path}': ${problem}`);
    throw error;
  }
}

/** The state file a chain command opens (--state, else the default). */
export function statePath(values: Values): string {
  return typeof values.state === "string" ? values.state : DEFAULT_STATE;
}

/**
 * Runs `body` with a Chain over the state file of --state (its block set
 * from the block flags first) and closes the file, persisting what the
 * chain committed. A failure before `body` returns writes nothing.
 */
export async function withChain<T>(
  values: Values,
  body: (chain: Chain, state: FileState) => T | Promise<T>,
): Promise<T> {
  const height = nonNegative(values["block-height"], "block-height", 64);
  const time = nonNegative(values["block-time"], "block-time", 64);
  const chainId = nonNegative(values["chain-id"], "chain-id", 64);
  const path = statePath(values);
  const state = await openState(path);
  let result: T;
  try {
    const chain = new Chain({ state, sender: QUICKSTART_DEPLOYER });
    if (height !== undefined || time !== undefined || chainId !== undefined) {
      chain.setBlock({
        ...(height === undefined ? {} : { height }),
        ...(time === undefined ? {} : { time }),
        ...(chainId === undefined ? {} : { chainId }),
      });
    }
    result = await body(chain, state);
  } catch (error) {
    await state.abort().catch(() => undefined);
    throw stateWriteError(error, path);
  }
  try {
    await state.close();
  } catch (error) {
    throw stateWriteError(error, path);
  }
  return result;
}

/** Prints a receipt's JSON (with `extra` fields first); returns the exit code (0 ok, 1 failed). */
export function printReceipt(receipt: Receipt, extra: Record<string, JsonOutput> = {}): number {
  console.log(stringifyJson({ ...extra, ...receipt.json() }, 2));
  return receipt.ok ? 0 : 1;
}

/** A file-system failure while writing the state, described as such; anything else unchanged. */
function stateWriteError(error: unknown, statePath: string): unknown {
  const problem = fileProblem(error);
  return problem === null ? error : new InputError(`cannot write state '${statePath}': ${problem}`);
}
