/**
 * `deploy --manifest M [--args JSON] [--salt HEX] ...`: deploys a contract
 * on the chain in the state file and prints its receipt JSON with
 * `address` and `codeHash` first (spec/CHAIN.md §8). With --args, the
 * contract's `init` runs in the same transaction. A thin wrapper over
 * Chain.deploy.
 */

import { argsFromJson, findFunction } from "../lib/abi/api.ts";
import { toHex } from "../lib/abi/hex.ts";
import { formatAddress } from "../lib/chain/address.ts";
import { INIT_FUNCTION } from "../lib/chain/chain.ts";
import type { ContractCode } from "../lib/chain/code.ts";
import { guarded, ValidationError } from "../lib/errors.ts";
import { formatDiagnostic } from "../lib/validate/diagnostic.ts";
import { SourceText } from "../lib/validate/source.ts";
import {
  argsJson,
  contractCode,
  printReceipt,
  TX_OPTIONS,
  txOptions,
  withChain,
} from "./chain_session.ts";
import { loadValidManifest } from "./common.ts";
import { type CommandInfo, InputError, parseOptions, requireOption } from "./options.ts";

/** `deploy`: usage, flags and examples. */
export const DEPLOY: CommandInfo = {
  name: "deploy",
  summary: "Deploy a contract; print one JSON object with its address and the receipt",
  usage: [
    "deploy --manifest M [--args JSON | --args-file F] [--salt HEX] [--state PATH]",
    "    [--sender ADDR] [--value N] [--gas-limit N] [--block-height N] [--block-time N]",
    "    [--chain-id N]",
  ],
  options: {
    manifest: {
      type: "string",
      value: "M",
      description: "the contract's manifest.json (required)",
    },
    ...TX_OPTIONS,
    args: {
      type: "string",
      value: "JSON",
      description:
        "run the contract's init with these arguments (JSON array or object; '-': stdin)",
    },
    salt: {
      type: "string",
      value: "HEX",
      description: "32-byte salt (0x hex): the address derives from sender, code and salt",
    },
  },
  examples: [
    "deploy --manifest examples/counter/manifest.json --state demo.json",
    `deploy --manifest examples/token/manifest.json --args '[1000]' --state demo.json`,
  ],
  details: [
    "The address derives from the sender and its nonce (or, with --salt, from sender, code hash",
    "and salt): deploying twice from one sender gives two contracts.",
    "Exit status: 0 deployed, 1 the deployment failed (the JSON is still printed), 2 bad usage or input.",
  ].join("\n"),
};

/** A ValidationError of the contract source as an InputError listing its diagnostics. */
export function compileErrorToInput(error: unknown, code: ContractCode): unknown {
  if (!(error instanceof ValidationError)) return error;
  const text = typeof code.source === "string"
    ? code.source
    : new TextDecoder().decode(code.source);
  const file = error.diagnostics[0]?.file ?? "<contract>";
  const source = new SourceText(file, text);
  return new InputError(
    `the contract is rejected:\n${
      guarded(() => error.diagnostics.map((d) => formatDiagnostic(d, source)).join("\n"))
    }`,
  );
}

/** Runs `deploy`; returns the exit code. */
export async function deployCommand(argv: readonly string[]): Promise<number> {
  const { values } = parseOptions(argv, DEPLOY);
  const loaded = await loadValidManifest(requireOption(DEPLOY, values, "manifest"));
  const code = await contractCode(loaded);
  const initArgs = typeof values.args === "string" || typeof values["args-file"] === "string"
    ? argsFromJson(findFunction(loaded.manifest, INIT_FUNCTION), await argsJson(values))
    : null;
  const options = txOptions(values);
  return await withChain(values, (chain) => {
    let contract;
    try {
      contract = chain.deploy(code, {
        ...options,
        ...(initArgs === null ? {} : { args: initArgs }),
        ...(typeof values.salt === "string" ? { salt: values.salt } : {}),
      });
    } catch (error) {
      throw compileErrorToInput(error, code);
    }
    const receipt = contract.receipt;
    if (receipt === null) throw new InputError("the deployment gave no receipt");
    return printReceipt(receipt, {
      address: formatAddress(contract.address),
      codeHash: toHex(contract.codeHash),
    });
  });
}
