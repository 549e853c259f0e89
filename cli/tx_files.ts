/**
 * Reading transaction files (spec/TX.md §8), shared by `tx sign|decode`
 * and by `tx send` and `block build`, which need a signed one: the size
 * cap is checked while the file is read (never more than the cap is held), and a malformed, oversized or
 * (where a signature is needed) unsigned file is an InputError naming it.
 */

import { TxError } from "../mod.ts";
import {
  decodeAnyTx,
  encodeTx,
  isSignedTx,
  MAX_TX_BYTES,
  type SignedTx,
  type UnsignedTx,
} from "../chain.ts";
import { readCappedFile } from "./common.ts";
import { InputError } from "./options.ts";

/**
 * The transaction in the file at `path`, signed or not; a file over the
 * size cap (or an endless device) is refused as it is read, and any problem is an InputError.
 */
export async function readTx(path: string): Promise<SignedTx | UnsignedTx> {
  const bytes = await readCappedFile(path, MAX_TX_BYTES);
  try {
    return decodeAnyTx(bytes);
  } catch (error) {
    if (error instanceof TxError) throw new InputError(`'${path}': ${error.message}`);
    throw error;
  }
}

/** The canonical bytes of the signed transaction in the file at `path` (InputError otherwise). */
export async function readSignedTx(path: string): Promise<Uint8Array> {
  const tx = await readTx(path);
  if (!isSignedTx(tx)) throw new InputError(`'${path}' is not signed (sign it with 'tx sign')`);
  return encodeTx(tx);
}
