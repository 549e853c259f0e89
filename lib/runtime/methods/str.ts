/**
 * The methods of str: the shared text methods (search, split, padding,
 * class tests), the class tests of str alone, and encode.
 */

import type { MethodNames } from "../../compile/opcodes.ts";
import { vmError } from "../failure.ts";
import type { Method } from "./common.ts";
import { TEXT_METHODS, textUnits } from "./text.ts";
import { CLASS_METHODS, STR_CLASS_METHODS } from "./text_classes.ts";
import { LAYOUT_METHODS } from "./text_layout.ts";
import { SPLIT_METHODS } from "./text_split.ts";
import { STR_TRANSLATE_METHODS } from "./translate.ts";

const ENCODINGS: ReadonlySet<string> = new Set(["utf-8", "utf8", "ascii"]);

/** The methods of str. */
export const STR_METHODS: { readonly [K in MethodNames["str"]]: Method<string> } = {
  ...TEXT_METHODS,
  ...SPLIT_METHODS,
  ...LAYOUT_METHODS,
  ...CLASS_METHODS,
  ...STR_CLASS_METHODS,
  ...STR_TRANSLATE_METHODS,
  encode: (m, self, args) => {
    const encoding = args[0];
    const name = typeof encoding === "string" ? encoding.toLowerCase() : "utf-8";
    if (!ENCODINGS.has(name)) vmError("LookupError", `unknown encoding: ${String(encoding)}`);
    m.units(textUnits(self));
    if (!self.isWellFormed()) {
      vmError("UnicodeEncodeError", "'utf-8' codec can't encode surrogates");
    }
    const bytes = new TextEncoder().encode(self);
    if (name === "ascii" && bytes.some((byte) => byte > 0x7f)) {
      vmError("UnicodeEncodeError", "'ascii' codec can't encode characters");
    }
    return bytes;
  },
};
