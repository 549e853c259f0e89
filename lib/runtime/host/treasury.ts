/**
 * stdlib.treasury: account balances (kept in the state's balance space,
 * which no storage key can reach: ../state_keys.ts) and transfers from the
 * contract's own balance; plus the credit of a call's attached value.
 * Balances stay non-negative and under the int_bits cap, and account
 * addresses within the storage_key cap, so every balance written loads.
 */

import { checkIntBits } from "../int_cap.ts";
import { CAPS } from "../../compile/opcodes.ts";
import { limitExceeded, revert, vmError } from "../failure.ts";
import { bitLength } from "../ops.ts";
import { canonicalInt, type Value } from "../values.ts";
import { bytesArg, intArg } from "./args.ts";
import type { HostCall, StdlibMember } from "./types.ts";

function account(value: Value | undefined, what: string): Uint8Array {
  const address = bytesArg(value, what);
  if (address.length > CAPS.storage_key) limitExceeded("storage_key", `${what} is too long`);
  return address;
}

/** Adds `amount` (possibly negative; never below zero) to the balance of `address`. */
export function credit(host: HostCall, address: Uint8Array, amount: bigint): void {
  const balance = host.journal.balance(address) + amount;
  checkIntBits(bitLength(balance), "balance");
  host.journal.setBalance(address, balance);
}

/** The treasury members by name. */
export const TREASURY = {
  "treasury.balance": (host, _meter, args) =>
    canonicalInt(
      host.journal.balance(
        args.length === 0 ? host.context.address : account(args[0], "address"),
      ),
    ),
  "treasury.transfer": (host, _meter, args) => {
    const to = account(args[0], "recipient");
    const amount = intArg(args[1], "amount");
    if (amount <= 0n) vmError("ValueError", "transfer amount must be positive");
    const available = host.journal.balance(host.context.address);
    if (available < amount) {
      revert(new TextEncoder().encode("insufficient balance"), "insufficient balance");
    }
    credit(host, host.context.address, -amount);
    credit(host, to, amount);
    return null;
  },
} as const satisfies Readonly<Record<string, StdlibMember>>;
