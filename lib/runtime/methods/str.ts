/**
 * The methods of str: the shared text methods (search, split, padding,
 * class tests), the class tests of str alone, and encode.
 */

import type { MethodNames } from "../../compile/opcodes.ts";
import { codecArgument, encodeText } from "../codecs.ts";
import type { Method } from "./common.ts";
import { TEXT_METHODS } from "./text.ts";
import { CLASS_METHODS, STR_CLASS_METHODS } from "./text_classes.ts";
import { LAYOUT_METHODS } from "./text_layout.ts";
import { SPLIT_METHODS } from "./text_split.ts";
import { STR_TRANSLATE_METHODS } from "./translate.ts";

/** The methods of str. */
export const STR_METHODS: { readonly [K in MethodNames["str"]]: Method<string> } = {
  ...TEXT_METHODS,
  ...SPLIT_METHODS,
  ...LAYOUT_METHODS,
  ...CLASS_METHODS,
  ...STR_CLASS_METHODS,
  ...STR_TRANSLATE_METHODS,
  encode: (m, self, args) => {
    const pay = (units: number) => m.units(units);
    const encoding = codecArgument(pay, "encode", "encoding", args[0]);
    const errors = codecArgument(pay, "encode", "errors", args[1]);
    return encodeText(pay, self, encoding, errors);
  },
};
