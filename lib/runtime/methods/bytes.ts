/**
 * The methods of bytes: the shared text methods, the ASCII case methods,
 * hex and decode.
 */

import type { MethodNames } from "../../compile/opcodes.ts";
import { CAPS } from "../../compile/opcodes.ts";
import { codecArgument, decodeBytes } from "../codecs.ts";
import { limitExceeded, vmError } from "../failure.ts";
import type { Method } from "./common.ts";
import { TEXT_METHODS } from "./text.ts";
import { BYTES_CASE_METHODS } from "./bytes_case.ts";

/** The ASCII codes of the hex digits, by value. */
const HEX_DIGITS = new TextEncoder().encode("0123456789abcdef");
const ASCII = new TextDecoder("utf-8");

/** The methods of bytes. */
export const BYTES_METHODS: { readonly [K in MethodNames["bytes"]]: Method<Uint8Array> } = {
  ...TEXT_METHODS,
  ...BYTES_CASE_METHODS,
  hex: (m, self, args) => {
    if (args[0] !== undefined || args[1] !== undefined) {
      vmError("TypeError", "bytes.hex() separators are not supported yet");
    }
    if (2 * self.length > CAPS.bytes_length) {
      limitExceeded("bytes_length", "hex result is too long");
    }
    m.units(self.length);
    const out = new Uint8Array(2 * self.length);
    self.forEach((byte, i) => {
      out[2 * i] = HEX_DIGITS[byte >> 4] ?? 0;
      out[2 * i + 1] = HEX_DIGITS[byte & 15] ?? 0;
    });
    return ASCII.decode(out);
  },
  decode: (m, self, args) => {
    const pay = (units: number) => m.units(units);
    const encoding = codecArgument(pay, "decode", "encoding", args[0]);
    const errors = codecArgument(pay, "decode", "errors", args[1]);
    return decodeBytes(pay, self, encoding, errors);
  },
};
