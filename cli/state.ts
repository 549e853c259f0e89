/**
 * `state show|fund|migrate`: the chain in a state file. `show` lists the
 * block, contracts (with storage) and accounts, as text or JSON; `fund`
 * adds to a balance; `migrate` converts a version 2 file (spec/CHAIN.md
 * §9). The chain logic is in lib/chain/ (inspect.ts, migrate.ts).
 */

import { type ContractCode, parseAddress } from "../mod.ts";
import { type JsonOutput, stringifyJson } from "../abi.ts";
import { describeState, migrateV2, prepareCode } from "../chain.ts";
import { contractCode, nonNegative, STATE_OPTION, withChain } from "./chain_session.ts";
import { fileProblem, loadValidManifest } from "./common.ts";
import { compileErrorToInput } from "./deploy.ts";
import {
  type CommandInfo,
  InputError,
  misuse,
  parseOptions,
  requireOption,
  runSubcommand,
} from "./options.ts";
import { migrateStateFile } from "./state_files.ts";

/** `state show`: usage, flags and examples. */
export const STATE_SHOW: CommandInfo = {
  name: "state show",
  summary: "List the block, contracts (with their storage) and accounts of a state file",
  usage: ["state show [--state PATH] [--address A] [--json]"],
  options: {
    state: STATE_OPTION,
    address: { type: "string", value: "A", description: "only the contract or account at A" },
    json: { type: "boolean", description: "print one JSON object" },
  },
  examples: ["state show --state demo.json", "state show --state demo.json --json"],
  details: "Storage keys and values print as text when they are printable UTF-8, else as 0x hex.",
};

/** `state fund`: usage, flags and examples. */
export const STATE_FUND: CommandInfo = {
  name: "state fund",
  summary: "Add to the balance of an account (a local chain's faucet)",
  usage: ["state fund --address A --value N [--state PATH]"],
  options: {
    address: { type: "string", value: "A", description: "the account (required)" },
    value: { type: "string", value: "N", description: "the amount to add (required)" },
    state: STATE_OPTION,
  },
  examples: ["state fund --address 0x01" + "11".repeat(32) + " --value 500 --state demo.json"],
};

/** `state migrate`: usage, flags and examples. */
export const STATE_MIGRATE: CommandInfo = {
  name: "state migrate",
  summary: "Convert a version 2 state file to version 3, keeping a copy (FILE.v2)",
  usage: ["state migrate FILE [--manifest M]..."],
  options: {
    manifest: {
      type: "string",
      value: "M",
      description: "a contract whose version 2 storage moves to its new address (repeatable)",
    },
  },
  examples: ["state migrate demo.json --manifest examples/counter/manifest.json"],
  details: [
    "Storage of a manifest given moves to the contract `run --manifest M` uses; balances stay;",
    "storage of any other address stays in place, without a contract, and is listed as unmapped.",
  ].join("\n"),
};

const SUBCOMMANDS: Readonly<Record<string, CommandInfo>> = {
  show: STATE_SHOW,
  fund: STATE_FUND,
  migrate: STATE_MIGRATE,
};

/** `state`: the subcommands. */
export const STATE: CommandInfo = {
  name: "state",
  summary: "Show, fund or migrate a state file",
  usage: [
    "state show [--state PATH] [--address A] [--json]",
    "state fund --address A --value N [--state PATH]",
    "state migrate FILE [--manifest M]...",
  ],
  options: {},
  examples: ["state show --state demo.json"],
};

/** The state subcommands by name (for `help state SUB`). */
export const STATE_SUBCOMMANDS: Readonly<Record<string, CommandInfo>> = SUBCOMMANDS;

/** Runs `state SUBCOMMAND ...`; returns the exit code. */
export async function stateCommand(argv: readonly string[]): Promise<number> {
  return await runSubcommand(STATE, { show, fund, migrate }, argv);
}

function text(value: JsonOutput): string {
  return typeof value === "string" ? value : stringifyJson(value);
}

function isRecord(value: JsonOutput): value is { readonly [key: string]: JsonOutput } {
  return typeof value === "object" && value !== null && !Array.isArray(value) &&
    !("rawJSON" in value);
}

function list(value: JsonOutput | undefined): readonly JsonOutput[] {
  return Array.isArray(value) ? value : [];
}

/** The text form of `state show`. */
function showText(view: { readonly [key: string]: JsonOutput }): string {
  const lines: string[] = [];
  const block = view.block;
  if (block !== undefined && isRecord(block)) {
    lines.push(
      `block height ${text(block.height ?? null)}, time ${text(block.time ?? null)}, ` +
        `chain id ${text(block.chainId ?? null)}`,
    );
  }
  for (const contract of list(view.contracts)) {
    if (!isRecord(contract)) continue;
    const name = contract.name === null
      ? "no contract deployed"
      : `${text(contract.name ?? null)} ${text(contract.version ?? null)}`;
    lines.push(
      `contract ${text(contract.address ?? null)} (${name}) balance ${
        text(contract.balance ?? null)
      }`,
    );
    if (contract.codeHash !== null) lines.push(`  code ${text(contract.codeHash ?? null)}`);
    const storage = contract.storage;
    if (storage !== undefined && isRecord(storage)) {
      for (const [key, value] of Object.entries(storage)) lines.push(`  ${key} = ${text(value)}`);
    }
  }
  for (const account of list(view.accounts)) {
    if (!isRecord(account)) continue;
    lines.push(
      `account ${text(account.address ?? null)} balance ${text(account.balance ?? null)} ` +
        `nonce ${text(account.nonce ?? null)}`,
    );
  }
  return lines.join("\n");
}

async function show(argv: readonly string[]): Promise<number> {
  const { values } = parseOptions(argv, STATE_SHOW);
  const only = typeof values.address === "string" ? parseAddress(values.address) : null;
  const view = await withChain(values, (_chain, state) => describeState(state.listEntries(), only));
  console.log(values.json === true ? stringifyJson(view, 2) : showText(view));
  return 0;
}

async function fund(argv: readonly string[]): Promise<number> {
  const { values } = parseOptions(argv, STATE_FUND);
  const address = parseAddress(requireOption(STATE_FUND, values, "address"));
  const amount = nonNegative(requireOption(STATE_FUND, values, "value"), "value") ?? 0n;
  const balance = await withChain(values, (chain) => {
    chain.fund(address, amount);
    return chain.balance(address);
  });
  console.log(`{\n  "balance": ${balance}\n}`);
  return 0;
}

async function migrate(argv: readonly string[]): Promise<number> {
  const manifests: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--manifest" && i + 1 < argv.length) manifests.push(argv[++i] ?? "");
    else if (arg.startsWith("--manifest=")) manifests.push(arg.slice("--manifest=".length));
    else rest.push(arg);
  }
  const { positionals } = parseOptions(rest, STATE_MIGRATE);
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0) throw misuse(STATE_MIGRATE, "give one state FILE");
  const codes: ContractCode[] = [];
  for (const path of manifests) {
    const code = await contractCode(await loadValidManifest(path));
    try {
      prepareCode(code);
    } catch (error) {
      throw compileErrorToInput(error, code);
    }
    codes.push(code);
  }
  let report: { [key: string]: JsonOutput } = {};
  try {
    await migrateStateFile(file, (entries) => {
      const migrated = migrateV2(entries, codes);
      report = migrated.report;
      return {
        entries: migrated.state.listEntries(),
      };
    });
  } catch (error) {
    const problem = fileProblem(error);
    if (problem !== null) throw new InputError(`cannot migrate '${file}': ${problem}`);
    throw error;
  }
  console.log(stringifyJson(report, 2));
  return 0;
}
