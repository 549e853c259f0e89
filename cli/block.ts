/**
 * `block build TXFILE... --out FILE` writes a block file of signed
 * transaction files; `block apply FILE` applies a block file's signed transactions, in order,
 * to the chain in a state file and prints each transaction's receipt (logs
 * decoded by their contracts' manifests), the receipts root and the state
 * root (spec/BLOCKS.md §7–§8). A rejected block prints why and writes
 * nothing. The rules are in
 * lib/chain/ (apply_tx.ts, apply_block.ts, block_file.ts).
 */

import { ChainError, type JsonOutput } from "../mod.ts";
import { stringifyJson, toHex } from "../abi.ts";
import {
  encodeBlockFile,
  MAX_BLOCK_FILE_BYTES,
  MAX_BLOCK_TRANSACTIONS,
  parseBlockFile,
  type TxApplied,
  txAppliedJson,
} from "../chain.ts";
import { BLOCK_FLAGS, STATE_OPTION, withChain } from "./chain_session.ts";
import { readCappedFile, writeNewFile } from "./common.ts";
import {
  type CommandInfo,
  InputError,
  misuse,
  parseOptions,
  requireOption,
  runSubcommand,
} from "./options.ts";
import { readSignedTx } from "./tx_files.ts";
import { feeFlags, manifestsOn } from "./tx_send.ts";

/** `block apply`: usage, flags and examples. */
export const BLOCK_APPLY: CommandInfo = {
  name: "block apply",
  summary: "Apply a block file's signed transactions; print receipts, receipts root and state root",
  usage: [
    "block apply FILE [--state PATH] [--json] [--block-height N] [--block-time N] [--chain-id N]",
  ],
  options: {
    state: STATE_OPTION,
    ...BLOCK_FLAGS,
    json: { type: "boolean", description: "print one JSON object" },
  },
  examples: ["block apply block.json --state demo.json", "block apply block.json --json"],
  details: [
    'FILE is {"format": "animica-block/1", "baseFee": N, "producer": ADDR or null,',
    '"transactions": ["0x...", ...]} (spec/BLOCKS.md). If one transaction is rejected, the block',
    "is: nothing is written. Exit status: 0 applied (some transactions may have failed),",
    "2 bad usage or input, or the block rejected.",
  ].join("\n"),
};

/** `block build`: usage, flags and examples. */
export const BLOCK_BUILD: CommandInfo = {
  name: "block build",
  summary: "Write a block file from signed transaction files, in the order given",
  usage: ["block build TXFILE... --out FILE [--base-fee N] [--producer ADDR] [--force]"],
  options: {
    out: { type: "string", value: "FILE", description: "the block file to write (required)" },
    "base-fee": {
      type: "string",
      value: "N",
      description: "gas price burned; a transaction offering less rejects the block; default 0",
    },
    producer: {
      type: "string",
      value: "ADDR",
      description: "who receives the tips (default: none, the tips are burned)",
    },
    force: { type: "boolean", description: "overwrite FILE if it exists" },
  },
  examples: ["block build deploy.tx pay.tx --base-fee 1 --out block.json"],
  details: "Each TXFILE must be a signed transaction ('tx sign'); nothing is applied here.",
};

/** `block`: the subcommands. */
export const BLOCK: CommandInfo = {
  name: "block",
  summary: "Build block files of signed transactions and apply them to a state file",
  usage: [...BLOCK_BUILD.usage, ...BLOCK_APPLY.usage],
  options: {},
  examples: [...BLOCK_BUILD.examples, ...BLOCK_APPLY.examples],
};

/** The block subcommands by name (for `help block SUB`). */
export const BLOCK_SUBCOMMANDS: Readonly<Record<string, CommandInfo>> = {
  build: BLOCK_BUILD,
  apply: BLOCK_APPLY,
};

/** Runs `block SUBCOMMAND ...`; returns the exit code. */
export async function blockCommand(argv: readonly string[]): Promise<number> {
  return await runSubcommand(BLOCK, { build, apply }, argv);
}

async function build(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseOptions(argv, BLOCK_BUILD);
  const out = requireOption(BLOCK_BUILD, values, "out");
  const fees = feeFlags(BLOCK_BUILD, values);
  if (positionals.length > MAX_BLOCK_TRANSACTIONS) {
    throw misuse(BLOCK_BUILD, `a block holds at most ${MAX_BLOCK_TRANSACTIONS} transactions`);
  }
  const transactions: Uint8Array[] = [];
  for (const path of positionals) {
    transactions.push(await readSignedTx(path));
  }
  const text = encodeBlockFile({ fees, transactions });
  await writeNewFile(out, new TextEncoder().encode(text), values.force === true);
  console.log(`${out}: ${transactions.length} transactions`);
  return 0;
}

/** The text lines of one applied transaction. */
function txLines(index: number, json: { readonly [key: string]: JsonOutput }): string[] {
  const failure = json.error;
  let why = "error";
  if (typeof failure === "object" && failure !== null && "message" in failure) {
    why = typeof failure.reason === "string" && failure.reason !== ""
      ? failure.reason
      : String(failure.message);
  }
  const outcome = json.ok === true ? "ok" : `failed (${why})`;
  const contract = typeof json.contractAddress === "string"
    ? `, contract ${json.contractAddress}`
    : "";
  const lines = [
    `transaction ${index} ${String(json.hash)}: ${outcome}, gas ${
      stringifyJson(json.gasUsed ?? null)
    }, fee ${stringifyJson(json.fee ?? null)}${contract}`,
  ];
  for (const log of Array.isArray(json.logs) ? json.logs : []) {
    if (typeof log !== "object" || log === null || !("event" in log)) continue;
    const name = typeof log.event === "string" ? log.event : "(undecoded)";
    lines.push(`  log ${name} ${stringifyJson(log.args ?? null)}`);
  }
  return lines;
}

async function apply(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseOptions(argv, BLOCK_APPLY);
  const [path, ...extra] = positionals;
  if (path === undefined || extra.length > 0) throw misuse(BLOCK_APPLY, "give one block FILE");
  const bytes = await readCappedFile(path, MAX_BLOCK_FILE_BYTES);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(`'${path}': the block file is not UTF-8`);
  }
  let file;
  try {
    file = parseBlockFile(text);
  } catch (error) {
    if (!(error instanceof ChainError)) throw error;
    throw new InputError(`'${path}': ${error.message}`);
  }
  const output = await withChain(values, (chain) => {
    const result = chain.applyBlock(file.transactions, file.fees);
    if (!result.accepted) {
      const hash = result.hash === null ? "" : ` (${toHex(result.hash)})`;
      throw new InputError(
        `block rejected: transaction ${result.index}${hash}: ${result.reason}; nothing was written`,
      );
    }
    const manifests = manifestsOn(chain);
    return {
      transactions: result.transactions.map((entry: TxApplied) => txAppliedJson(entry, manifests)),
      receiptsRoot: toHex(result.receiptsRoot),
      stateRoot: toHex(result.stateRoot),
    };
  });
  if (values.json === true) {
    console.log(stringifyJson(output, 2));
    return 0;
  }
  const lines = output.transactions.flatMap((json, index) => txLines(index, json));
  lines.push(`receipts root ${output.receiptsRoot}`, `state root ${output.stateRoot}`);
  console.log(lines.join("\n"));
  return 0;
}
