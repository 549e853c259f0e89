/**
 * The contract a manifest names without an address (spec/CHAIN.md §8): the
 * one deployed from the quickstart deployer (`01` followed by 32 zero
 * bytes) with a zero salt and the manifest's code, so the same manifest and
 * source always mean the same contract, whoever calls it. Used by the CLI's
 * `run --manifest` and `state migrate`.
 */

import { ChainError } from "../errors.ts";
import { SALT_LENGTH, saltedContractAddress } from "./address.ts";
import type { Chain } from "./chain.ts";
import { type ContractCode, prepareCode } from "./code.ts";
import type { Contract } from "./contract.ts";

/** The deployer of manifest-named contracts (and the CLI's default sender). */
export const QUICKSTART_DEPLOYER: Uint8Array = Uint8Array.from([1, ...new Array(32).fill(0)]);
const ZERO_SALT = new Uint8Array(SALT_LENGTH);

/** The address of the manifest-named contract of `code`. */
export function quickstartAddress(code: ContractCode): Uint8Array {
  return saltedContractAddress(QUICKSTART_DEPLOYER, prepareCode(code).codeHash, ZERO_SALT);
}

/**
 * The manifest-named contract of `code` on `chain`, deployed (without
 * init) when it is not there yet.
 */
export function quickstartContract(chain: Chain, code: ContractCode): Contract {
  const address = quickstartAddress(code);
  if (chain.isDeployed(address)) return chain.at(address);
  const deployed = chain.deploy(code, { from: QUICKSTART_DEPLOYER, salt: ZERO_SALT });
  if (deployed.receipt?.ok !== true) {
    throw new ChainError(`cannot deploy the contract: ${deployed.receipt?.error?.message ?? ""}`);
  }
  return deployed;
}
