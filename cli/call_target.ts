/**
 * What `run` and `profile` share: the contract a call goes to (--manifest M,
 * deployed on first use, or --address A), the function (--call F) and its
 * arguments, read and checked before any state is opened; then, on the
 * chain, the contract handle and the ABI-typed arguments.
 */

import { argsFromJson, findFunction } from "../lib/abi/api.ts";
import type { AbiValue } from "../lib/abi/codec.ts";
import type { JsonValue } from "../lib/abi/json.ts";
import { parseAddress } from "../lib/chain/address.ts";
import type { Chain } from "../lib/chain/chain.ts";
import type { ContractCode } from "../lib/chain/code.ts";
import type { Contract } from "../lib/chain/contract.ts";
import { quickstartContract } from "../lib/chain/quickstart.ts";
import { argsJson, contractCode } from "./chain_session.ts";
import { type LoadedManifest, loadValidManifest } from "./common.ts";
import { compileErrorToInput } from "./deploy.ts";
import { type CommandInfo, misuse, requireOption } from "./options.ts";

type Values = Readonly<Record<string, string | boolean | undefined>>;

/** A call's target and arguments, as the flags give them. */
export interface CallTarget {
  /** --manifest, or null with --address. */
  readonly manifestPath: string | null;
  /** The manifest loaded and checked, or null with --address. */
  readonly loaded: LoadedManifest | null;
  /** Its contract code, or null with --address. */
  readonly code: ContractCode | null;
  /** --address, or null with --manifest. */
  readonly address: Uint8Array | null;
  /** --call. */
  readonly name: string;
  /** The arguments JSON (--args, --args-file or stdin). */
  readonly args: JsonValue;
}

/** Reads the target flags of `info`'s command: exactly one of --manifest and --address, and --call. */
export async function callTarget(info: CommandInfo, values: Values): Promise<CallTarget> {
  const manifestPath = typeof values.manifest === "string" ? values.manifest : null;
  const addressText = typeof values.address === "string" ? values.address : null;
  if ((manifestPath === null) === (addressText === null)) {
    throw misuse(info, "give --manifest M or --address A (one of them)");
  }
  const name = requireOption(info, values, "call");
  const args = await argsJson(values);
  const loaded = manifestPath === null ? null : await loadValidManifest(manifestPath);
  const code = loaded === null ? null : await contractCode(loaded);
  const address = addressText === null ? null : parseAddress(addressText);
  return { manifestPath, loaded, code, address, name, args };
}

/** The target's contract on `chain` (a manifest's deployed on first use) and the call's ABI arguments. */
export function targetCall(
  chain: Chain,
  target: CallTarget,
): { readonly contract: Contract; readonly args: AbiValue[] } {
  let contract: Contract;
  if (target.code !== null) {
    try {
      contract = quickstartContract(chain, target.code);
    } catch (error) {
      throw compileErrorToInput(error, target.code);
    }
  } else contract = chain.at(target.address ?? new Uint8Array());
  return {
    contract,
    args: argsFromJson(findFunction(contract.manifest, target.name), target.args),
  };
}
