/**
 * The methods of bytes: the shared text methods plus hex and decode.
 */

import type { MethodNames } from "../../compile/opcodes.ts";
import { vmError } from "../failure.ts";
import type { Method } from "./common.ts";
import { TEXT_METHODS } from "./text.ts";

const ENCODINGS: ReadonlySet<string> = new Set(["utf-8", "utf8", "ascii"]);
const HEX_DIGITS = "0123456789abcdef";

/** The methods of bytes. */
export const BYTES_METHODS: { readonly [K in MethodNames["bytes"]]: Method<Uint8Array> } = {
  ...TEXT_METHODS,
  hex: (m, self, args) => {
    if (args[0] !== undefined || args[1] !== undefined) {
      vmError("TypeError", "bytes.hex() separators are not supported yet");
    }
    m.units(self.length);
    let out = "";
    for (const byte of self) out += (HEX_DIGITS[byte >> 4] ?? "") + (HEX_DIGITS[byte & 15] ?? "");
    return out;
  },
  decode: (m, self, args) => {
    const encoding = args[0];
    const name = typeof encoding === "string" ? encoding.toLowerCase() : "utf-8";
    if (!ENCODINGS.has(name)) vmError("LookupError", `unknown encoding: ${String(encoding)}`);
    m.units(self.length);
    if (name === "ascii" && self.some((byte) => byte > 0x7f)) {
      vmError("UnicodeDecodeError", "'ascii' codec can't decode bytes");
    }
    try {
      return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(self);
    } catch {
      return vmError("UnicodeDecodeError", "'utf-8' codec can't decode bytes");
    }
  },
};
