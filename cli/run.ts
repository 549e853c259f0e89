/**
 * `run (--address A | --manifest M) --call FN [--args JSON] ...`: one call
 * transaction on the chain in the state file, printed as its receipt JSON
 * (DESIGN §6, spec/CHAIN.md §8). With --manifest the contract is the one
 * that manifest names (deployed on first use). A thin wrapper over Chain:
 * the flags are read here, everything else happens in lib/chain/.
 */

import { type Contract, findFunction, parseAddress } from "../mod.ts";
import { argsFromJson } from "../abi.ts";
import { type IrModule, type Op, OP_INFO } from "../ir.ts";
import type { StepHook } from "../runtime.ts";
import { contractModule, quickstartContract } from "../chain.ts";
import {
  argsJson,
  contractCode,
  DEFAULT_GAS_LIMIT,
  printReceipt,
  TX_OPTIONS,
  txOptions,
  withChain,
} from "./chain_session.ts";
import { loadValidManifest } from "./common.ts";
import { compileErrorToInput } from "./deploy.ts";
import { type CommandInfo, misuse, parseOptions, requireOption } from "./options.ts";

export { DEFAULT_GAS_LIMIT };

/** `run`: usage, flags and examples. */
export const RUN: CommandInfo = {
  name: "run",
  summary: "Call a contract function; print one JSON object with the receipt",
  usage: [
    "run --manifest M --call F [--args JSON | --args-file F] [--state PATH] [--gas-limit N]",
    "    [--sender ADDR] [--value N] [--block-height N] [--block-time N] [--chain-id N] [--trace]",
    "run --address A --call F [...]",
  ],
  options: {
    manifest: {
      type: "string",
      value: "M",
      description: "call the contract this manifest names (deployed on first use)",
    },
    address: { type: "string", value: "A", description: "call the contract deployed at A" },
    call: { type: "string", value: "F", description: "the function to call (required)" },
    ...TX_OPTIONS,
    trace: { type: "boolean", description: "print each executed instruction on stderr" },
  },
  examples: [
    "run --manifest examples/counter/manifest.json --call inc",
    `run --manifest examples/counter/manifest.json --call set --args '[5]' --state demo.json`,
    "run --address anim1... --call get --state demo.json",
  ],
  details: [
    "State persists in PATH between runs; a call's writes commit only when it succeeds (the",
    "sender's nonce goes up either way). --manifest M names the contract deployed from the",
    "default sender with a zero salt and M's code, deploying it on first use (spec/CHAIN.md).",
    "Exit status: 0 the call succeeded, 1 it failed (the JSON is still printed), 2 bad usage or input.",
  ].join("\n"),
};

/** A step hook printing `function pc OPCODE gas-so-far` lines on stderr. */
function traceTo(module: IrModule): StepHook {
  const encoder = new TextEncoder();
  return (fn, pc, op, gasUsed) => {
    const name = module.functions[fn]?.name ?? "?";
    const opName = OP_INFO[op as Op]?.name ?? String(op);
    Deno.stderr.writeSync(encoder.encode(`${name} ${pc} ${opName} gas=${gasUsed}\n`));
  };
}

/** Runs `run`; returns the exit code. */
export async function runCommand(argv: readonly string[]): Promise<number> {
  const { values } = parseOptions(argv, RUN);
  const manifestPath = typeof values.manifest === "string" ? values.manifest : null;
  const addressText = typeof values.address === "string" ? values.address : null;
  if ((manifestPath === null) === (addressText === null)) {
    throw misuse(RUN, "give --manifest M or --address A (one of them)");
  }
  const name = requireOption(RUN, values, "call");
  const json = await argsJson(values);
  const options = txOptions(values);
  const code = manifestPath === null
    ? null
    : await contractCode(await loadValidManifest(manifestPath));
  const address = addressText === null ? null : parseAddress(addressText);
  return await withChain(values, (chain) => {
    let contract: Contract;
    if (code !== null) {
      try {
        contract = quickstartContract(chain, code);
      } catch (error) {
        throw compileErrorToInput(error, code);
      }
    } else contract = chain.at(address ?? new Uint8Array());
    const args = argsFromJson(findFunction(contract.manifest, name), json);
    const trace = values.trace === true ? { onStep: traceTo(contractModule(contract)) } : {};
    return printReceipt(contract.call(name, args, { ...options, ...trace }));
  });
}
