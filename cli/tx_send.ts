/**
 * `tx send TXFILE`: applies a signed transaction file to the local chain in
 * a state file (spec/BLOCKS.md §8) and prints its hash and receipt, logs
 * decoded by the contracts' manifests. A rejected transaction prints why
 * and writes nothing; an applied one is written even when it failed, since
 * its nonce is used and its fee paid. Also what `block` shares with it:
 * the fee flags and the manifests of a chain's contracts. The rules are lib/chain/apply_tx.ts's.
 */

import { type Chain, ChainError, type Manifest, parseAddress } from "../mod.ts";
import { stringifyJson } from "../abi.ts";
import { type BlockFees, txAppliedJson } from "../chain.ts";
import { BLOCK_FLAGS, nonNegative, STATE_OPTION, withChain } from "./chain_session.ts";
import { readSignedTx } from "./tx_files.ts";
import { type CommandInfo, InputError, misuse, parseOptions } from "./options.ts";

/** The manifests of the contracts on `chain`, by address. */
export function manifestsOn(chain: Chain): (address: Uint8Array) => Manifest | null {
  return (address) => chain.isDeployed(address) ? chain.at(address).manifest : null;
}

/** The fee terms of --base-fee and --producer. */
export function feeFlags(
  info: CommandInfo,
  values: Readonly<Record<string, string | boolean | undefined>>,
): BlockFees {
  const baseFee = nonNegative(values["base-fee"], "base-fee") ?? 0n;
  if (typeof values.producer !== "string") return { baseFee, producer: null };
  try {
    return { baseFee, producer: parseAddress(values.producer) };
  } catch (error) {
    if (error instanceof ChainError) throw misuse(info, `--producer: ${error.message}`);
    throw error;
  }
}

/** `tx send`: usage, flags and examples. */
export const TX_SEND: CommandInfo = {
  name: "tx send",
  summary: "Apply a signed transaction file to the chain in a state file; print its receipt",
  usage: [
    "tx send TXFILE [--state PATH] [--base-fee N] [--producer ADDR] [--block-height N]",
    "    [--block-time N] [--chain-id N]",
  ],
  options: {
    state: STATE_OPTION,
    "base-fee": {
      type: "string",
      value: "N",
      description: "gas price burned; a transaction offering less is rejected; default 0",
    },
    producer: {
      type: "string",
      value: "ADDR",
      description: "who receives the tips (default: none, the tips are burned)",
    },
    ...BLOCK_FLAGS,
  },
  examples: ["tx send pay.tx --state demo.json", "tx send token.tx --state demo.json --base-fee 1"],
  details: [
    "Prints one JSON object: hash, status, gas used, price, fee, logs (decoded), bloom, receipt",
    "hash. Exit status: 0 applied and succeeded, 1 applied but failed (its nonce is used and its",
    "fee paid), 2 bad usage or input, or the transaction rejected (nothing is written).",
  ].join("\n"),
};

/** Runs `tx send`; returns the exit code. */
export async function sendTx(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseOptions(argv, TX_SEND);
  const [path, ...extra] = positionals;
  if (path === undefined || extra.length > 0) throw misuse(TX_SEND, "give one TXFILE");
  const fees = feeFlags(TX_SEND, values);
  const bytes = await readSignedTx(path);
  const output = await withChain(values, (chain) => {
    const result = chain.applyTransaction(bytes, fees);
    if (!result.accepted) {
      throw new InputError(`transaction rejected: ${result.reason}; nothing was written`);
    }
    return txAppliedJson(result, manifestsOn(chain));
  });
  console.log(stringifyJson(output, 2));
  return output.ok === true ? 0 : 1;
}
