/**
 * `abi selectors|encode|decode`: the ABI of a manifest from the command
 * line. Bad manifests, arguments or data are input errors (exit 2) with a
 * message naming the parameter, JSON path or byte offset.
 */

import {
  argsFromJson,
  argsToJson,
  decodeArgs,
  decodeCall,
  decodeReturn,
  encodeCall,
  findFunction,
  fromHex,
  parseJson,
  resultsToJson,
  stringifyJson,
  toHex,
} from "../mod.ts";
import { loadValidManifest, parseOptions, requireOption, UsageError } from "./common.ts";

/** Runs `abi SUBCOMMAND`; returns the exit code. */
export async function abiCommand(args: readonly string[]): Promise<number> {
  const [subcommand, ...rest] = args;
  switch (subcommand) {
    case "selectors":
      return await selectors(rest);
    case "encode":
      return await encode(rest);
    case "decode":
      return await decode(rest);
    default:
      throw new UsageError(
        subcommand === undefined
          ? "abi needs a subcommand: selectors, encode or decode"
          : `unknown abi subcommand '${subcommand}'`,
      );
  }
}

async function selectors(args: readonly string[]): Promise<number> {
  const { values } = parseOptions(args, {
    manifest: { type: "string" },
    json: { type: "boolean" },
  });
  const { manifest } = await loadValidManifest(requireOption(values, "manifest"));
  if (values.json === true) {
    const rows = manifest.functions.map((fn) => ({
      name: fn.name,
      signature: fn.signature,
      selector: toHex(fn.selector),
    }));
    console.log(JSON.stringify(rows, null, 2));
  } else {
    for (const fn of manifest.functions) console.log(`${toHex(fn.selector)}  ${fn.signature}`);
  }
  return 0;
}

async function encode(args: readonly string[]): Promise<number> {
  const { values } = parseOptions(args, {
    manifest: { type: "string" },
    call: { type: "string" },
    args: { type: "string" },
  });
  const { manifest } = await loadValidManifest(requireOption(values, "manifest"));
  const fn = findFunction(manifest, requireOption(values, "call"));
  const json = parseJson(typeof values.args === "string" ? values.args : "[]", "--args");
  console.log(toHex(encodeCall(fn, argsFromJson(fn, json))));
  return 0;
}

async function decode(args: readonly string[]): Promise<number> {
  const { values } = parseOptions(args, {
    manifest: { type: "string" },
    call: { type: "string" },
    data: { type: "string" },
    return: { type: "boolean" },
  });
  const { manifest } = await loadValidManifest(requireOption(values, "manifest"));
  const hex = requireOption(values, "data");
  const data = fromHex(hex.startsWith("0x") ? hex : `0x${hex}`);
  if (data === null) {
    throw new UsageError("--data must be hex bytes (0x followed by pairs of hex digits)");
  }
  const call = values.call;
  if (values.return === true) {
    if (typeof call !== "string") {
      throw new UsageError("--return needs --call to know the output types");
    }
    const fn = findFunction(manifest, call);
    console.log(stringifyJson(resultsToJson(fn, decodeReturn(fn, data))));
    return 0;
  }
  if (typeof call === "string") {
    const fn = findFunction(manifest, call);
    console.log(stringifyJson(argsToJson(fn, decodeArgs(fn, data)), 2));
    return 0;
  }
  const { fn, args: decoded } = decodeCall(manifest, data);
  console.log(stringifyJson({ function: fn.name, args: argsToJson(fn, decoded) }, 2));
  return 0;
}
