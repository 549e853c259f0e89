/**
 * stdlib.treasury: account balances (kept in the state under a reserved
 * prefix) and transfers from the contract's own balance; plus the credit
 * of a call's attached value.
 */

import { concatBytes } from "../../abi/hex.ts";
import { revert, vmError } from "../failure.ts";
import { decodeStoredInt, encodeStoredInt } from "../int_bytes.ts";
import { canonicalInt } from "../values.ts";
import { bytesArg, intArg } from "./args.ts";
import type { HostCall, StdlibMember } from "./types.ts";

const TREASURY_PREFIX = new TextEncoder().encode("\u00fftreasury:");

function balanceOf(host: HostCall, address: Uint8Array): bigint {
  return decodeStoredInt(
    host.journal.get(concatBytes(TREASURY_PREFIX, address)) ?? new Uint8Array(),
  );
}

/** Adds `amount` (possibly negative) to the balance of `address`. */
export function credit(host: HostCall, address: Uint8Array, amount: bigint): void {
  host.journal.set(
    concatBytes(TREASURY_PREFIX, address),
    encodeStoredInt(balanceOf(host, address) + amount),
  );
}

/** The treasury members by name. */
export const TREASURY = {
  "treasury.balance": (host, _meter, args) =>
    canonicalInt(
      balanceOf(host, args.length === 0 ? host.context.address : bytesArg(args[0], "address")),
    ),
  "treasury.transfer": (host, _meter, args) => {
    const to = bytesArg(args[0], "recipient");
    const amount = intArg(args[1], "amount");
    if (amount <= 0n) vmError("ValueError", "transfer amount must be positive");
    const available = balanceOf(host, host.context.address);
    if (available < amount) {
      revert(new TextEncoder().encode("insufficient balance"), "insufficient balance");
    }
    credit(host, host.context.address, -amount);
    credit(host, to, amount);
    return null;
  },
} as const satisfies Readonly<Record<string, StdlibMember>>;
