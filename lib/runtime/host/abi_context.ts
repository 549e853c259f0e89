/**
 * The call's context read through abi, as upstream Animica contracts
 * write it (`abi.caller()`, `abi.block_height()` ...): each member returns
 * what the context value of the same fact holds (spec/RUNTIME.md §stdlib).
 * Names only: the facts themselves are read by host/context.ts.
 */

import type { StdlibValueName } from "../../compile/opcodes.ts";
import { contextValue } from "./context.ts";
import type { StdlibMember } from "./types.ts";

function alias(name: StdlibValueName): StdlibMember {
  return (host) => contextValue(host.context, name);
}

/** The abi context members by name. */
export const ABI_CONTEXT = {
  "abi.caller": alias("context.sender"),
  "abi.sender": alias("context.sender"),
  "abi.msg_sender": alias("context.sender"),
  "abi.block_height": alias("context.block_height"),
  "abi.block_number": alias("context.block_height"),
  "abi.block_timestamp": alias("context.block_time"),
  "abi.chain_id": alias("context.chain_id"),
  "abi.contract_address": alias("context.address"),
} as const satisfies Readonly<Record<string, StdlibMember>>;
