/**
 * `tx send TXFILE`: applies a signed transaction file to the local chain in
 * a state file (spec/BLOCKS.md §8) and prints its hash and receipt, logs
 * decoded by the contracts' manifests. A rejected transaction prints why
 * and writes nothing; an applied one is written even when it failed, since
 * its nonce is used and its fee paid. The rules are lib/chain/apply_tx.ts's.
 */

import { parseAddress } from "../mod.ts";
import { stringifyJson } from "../abi.ts";
import { decodeAnyTx, isSignedTx, txAppliedJson } from "../chain.ts";
import { ChainError, TxError } from "../mod.ts";
import { manifestsOn } from "./block.ts";
import { BLOCK_FLAGS, nonNegative, STATE_OPTION, withChain } from "./chain_session.ts";
import { readInputFile } from "./common.ts";
import { type CommandInfo, InputError, misuse, parseOptions } from "./options.ts";

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
  const baseFee = nonNegative(values["base-fee"], "base-fee") ?? 0n;
  let producer: Uint8Array | null = null;
  if (typeof values.producer === "string") {
    try {
      producer = parseAddress(values.producer);
    } catch (error) {
      if (error instanceof ChainError) throw misuse(TX_SEND, `--producer: ${error.message}`);
      throw error;
    }
  }
  const bytes = await readInputFile(path);
  try {
    if (!isSignedTx(decodeAnyTx(bytes))) {
      throw new InputError(`'${path}' is not signed (sign it with 'tx sign')`);
    }
  } catch (error) {
    if (!(error instanceof TxError)) throw error;
  }
  const output = await withChain(values, (chain) => {
    const result = chain.applyTransaction(bytes, { baseFee, producer });
    if (!result.accepted) {
      throw new InputError(`transaction rejected: ${result.reason}; nothing was written`);
    }
    return txAppliedJson(result, manifestsOn(chain));
  });
  console.log(stringifyJson(output, 2));
  return output.ok === true ? 0 : 1;
}
