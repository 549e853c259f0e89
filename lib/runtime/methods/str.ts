/**
 * The methods of str: the shared text methods (search, split, padding,
 * class tests), the class tests of str alone, the case maps of str alone
 * (CPython 3.11's Unicode case tables: casefold, title, capitalize,
 * swapcase) and encode.
 */

import type { MethodNames } from "../../compile/opcodes.ts";
import { codecArgument, encodeText } from "../codecs.ts";
import type { Method } from "./common.ts";
import { checkTextCap, TEXT_METHODS, textUnits } from "./text.ts";
import { strCapitalize, strCasefold, strSwapcase, strTitle } from "./str_case.ts";
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
  // A case mapping can lengthen a str (up to 3 code points for one), so each result is capped.
  casefold: (m, self) => (m.units(textUnits(self)), checkTextCap(strCasefold(self), "casefold")),
  title: (m, self) => (m.units(textUnits(self)), checkTextCap(strTitle(self), "title")),
  capitalize: (m, self) => (
    m.units(textUnits(self)), checkTextCap(strCapitalize(self), "capitalize")
  ),
  swapcase: (m, self) => (m.units(textUnits(self)), checkTextCap(strSwapcase(self), "swapcase")),
};
