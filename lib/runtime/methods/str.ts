/**
 * The methods of str: the shared text methods plus encode, the character
 * class tests and the case methods (CPython 3.11's Unicode tables) and
 * zfill.
 */

import type { MethodNames } from "../../compile/opcodes.ts";
import { CAPS } from "../../compile/opcodes.ts";
import { codecArgument, encodeText } from "../codecs.ts";
import { limitExceeded } from "../failure.ts";
import { utf8Length } from "../ops.ts";
import { everyCodePoint, isAlnum, isAlpha, isDigit } from "../unicode.ts";
import { indexArg, type Method } from "./common.ts";
import { checkTextCap, TEXT_METHODS, textUnits } from "./text.ts";
import {
  strCapitalize,
  strCasefold,
  strIslower,
  strIstitle,
  strIsupper,
  strSwapcase,
  strTitle,
} from "./str_case.ts";
import { codePoints, strFromCodePoint } from "../../text_units.ts";

/** The methods of str. */
export const STR_METHODS: { readonly [K in MethodNames["str"]]: Method<string> } = {
  ...TEXT_METHODS,
  encode: (m, self, args) => {
    const pay = (units: number) => m.units(units);
    const encoding = codecArgument(pay, "encode", "encoding", args[0]);
    const errors = codecArgument(pay, "encode", "errors", args[1]);
    return encodeText(pay, self, encoding, errors);
  },
  isdigit: (m, self) => (m.units(textUnits(self)), everyCodePoint(self, isDigit)),
  isalpha: (m, self) => (m.units(textUnits(self)), everyCodePoint(self, isAlpha)),
  isalnum: (m, self) => (m.units(textUnits(self)), everyCodePoint(self, isAlnum)),
  islower: (m, self) => (m.units(textUnits(self)), strIslower(self)),
  isupper: (m, self) => (m.units(textUnits(self)), strIsupper(self)),
  istitle: (m, self) => (m.units(textUnits(self)), strIstitle(self)),
  casefold: (m, self) => (m.units(textUnits(self)), checkTextCap(strCasefold(self), "casefold")),
  title: (m, self) => (m.units(textUnits(self)), checkTextCap(strTitle(self), "title")),
  capitalize: (m, self) => (
    m.units(textUnits(self)), checkTextCap(strCapitalize(self), "capitalize")
  ),
  swapcase: (m, self) => (m.units(textUnits(self)), checkTextCap(strSwapcase(self), "swapcase")),
  zfill: (m, self, args) => {
    const requested = indexArg(args[0], "zfill");
    if (requested > BigInt(CAPS.bytes_length)) {
      limitExceeded("bytes_length", "zfill result is too long");
    }
    const width = Number(requested);
    m.units(Math.max(width, textUnits(self)));
    const points = codePoints(self).map(strFromCodePoint);
    if (points.length >= width) return self;
    if (width - points.length + utf8Length(self) > CAPS.bytes_length) {
      limitExceeded("bytes_length", "zfill result is too long");
    }
    const sign = points[0] === "-" || points[0] === "+" ? points.shift() ?? "" : "";
    return sign + "0".repeat(width - points.length - sign.length) + points.join("");
  },
};
