/**
 * The methods of str: the shared text methods plus encode, the character
 * class tests and the case methods (CPython 3.11's Unicode tables) and
 * zfill.
 */

import type { MethodNames } from "../../compile/opcodes.ts";
import { CAPS } from "../../compile/opcodes.ts";
import { limitExceeded, vmError } from "../failure.ts";
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
import { encodeAscii, encodeUtf8 } from "../str_encode.ts";
import { asciiLowercase, codePoints, strFromCodePoint } from "../../text_units.ts";

const ENCODINGS: ReadonlySet<string> = new Set(["utf-8", "utf8", "ascii"]);

/** The methods of str. */
export const STR_METHODS: { readonly [K in MethodNames["str"]]: Method<string> } = {
  ...TEXT_METHODS,
  encode: (m, self, args) => {
    const encoding = args[0];
    const name = typeof encoding === "string" ? asciiLowercase(encoding) : "utf-8";
    if (!ENCODINGS.has(name)) vmError("LookupError", `unknown encoding: ${String(encoding)}`);
    m.units(textUnits(self));
    return name === "ascii" ? encodeAscii(self) : encodeUtf8(self);
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
