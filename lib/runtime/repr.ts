/**
 * Python's repr() of runtime values, as CPython 3.11 prints them (error
 * messages, str() of containers, printf-style %r). Charges no gas.
 */

import { isPrintable } from "./unicode.ts";
import { PyDict, PyDictView, PyList, PyRange, PySlice, PyTuple, type Value } from "./values.ts";

/** Python repr (used in messages and str() of containers). */
export function repr(value: Value): string {
  if (value === null) return "None";
  switch (typeof value) {
    case "boolean":
      return value ? "True" : "False";
    case "number":
    case "bigint":
      return value.toString();
    case "string":
      return reprString(value);
  }
  if (value instanceof Uint8Array) return reprBytes(value);
  if (value instanceof PyList) return `[${value.items.map(repr).join(", ")}]`;
  if (value instanceof PyTuple) {
    return value.items.length === 1
      ? `(${repr(value.items[0] as Value)},)`
      : `(${value.items.map(repr).join(", ")})`;
  }
  if (value instanceof PyDict) {
    return `{${
      [...value.entries.values()].map((entry) => `${repr(entry.key)}: ${repr(entry.value)}`).join(
        ", ",
      )
    }}`;
  }
  if (value instanceof PyRange) {
    return value.step === 1n
      ? `range(${value.start}, ${value.stop})`
      : `range(${value.start}, ${value.stop}, ${value.step})`;
  }
  if (value instanceof PySlice) {
    return `slice(${repr(value.start)}, ${repr(value.stop)}, ${repr(value.step)})`;
  }
  if (value instanceof PyDictView) {
    return `dict_${value.kind}([${value.items().map(repr).join(", ")}])`;
  }
  return `<${value.typeName} object>`;
}

/** repr of a str: CPython escapes the quote, backslash, \t \n \r and every character str.isprintable() rejects. */
function reprString(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (char === quote || char === "\\") out += `\\${char}`;
    else if (char === "\n") out += "\\n";
    else if (char === "\r") out += "\\r";
    else if (char === "\t") out += "\\t";
    else if (isPrintable(code)) out += char;
    else if (code <= 0xff) out += `\\x${code.toString(16).padStart(2, "0")}`;
    else if (code <= 0xffff) out += `\\u${code.toString(16).padStart(4, "0")}`;
    else out += `\\U${code.toString(16).padStart(8, "0")}`;
  }
  return out + quote;
}

function reprBytes(bytes: Uint8Array): string {
  const hasSingle = bytes.includes(0x27);
  const quote = hasSingle && !bytes.includes(0x22) ? '"' : "'";
  let out = `b${quote}`;
  for (const byte of bytes) {
    const char = String.fromCharCode(byte);
    if (char === quote || char === "\\") out += `\\${char}`;
    else if (byte === 0x0a) out += "\\n";
    else if (byte === 0x0d) out += "\\r";
    else if (byte === 0x09) out += "\\t";
    else if (byte < 0x20 || byte >= 0x7f) out += `\\x${byte.toString(16).padStart(2, "0")}`;
    else out += char;
  }
  return out + quote;
}
