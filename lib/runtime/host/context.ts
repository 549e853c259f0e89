/**
 * stdlib.context: the read-only facts of the call (sender, value, address,
 * block height and time, chain id, tx hash) as contract values.
 */

import { vmError } from "../failure.ts";
import { canonicalInt, type Value } from "../values.ts";
import type { CallContext } from "./types.ts";

/** The value of the context member `name`. */
export function contextValue(context: CallContext, name: string): Value {
  switch (name) {
    case "context.sender":
      return context.sender;
    case "context.value":
      return canonicalInt(context.value);
    case "context.address":
      return context.address;
    case "context.block_height":
      return canonicalInt(context.blockHeight);
    case "context.block_time":
      return canonicalInt(context.blockTime);
    case "context.chain_id":
      return canonicalInt(context.chainId);
    case "context.tx_hash":
      return context.txHash;
    default:
      return vmError("AttributeError", `'${name}' is not a stdlib value`);
  }
}
