/**
 * `abi selectors|encode|decode`: the ABI of a manifest from the command
 * line. Bad manifests, arguments or data are input errors (exit 2) with a
 * message naming the parameter, JSON path or byte offset.
 */

import {
  argsFromJson,
  argsToJson,
  decodeCall,
  decodeReturn,
  encodeCall,
  findFunction,
  resultsToJson,
} from "../mod.ts";
import { decodeArgs, fromHex, parseJson, stringifyJson, toHex } from "../abi.ts";
import { loadValidManifest } from "./common.ts";
import {
  type CommandInfo,
  didYouMean,
  HelpRequest,
  InputError,
  misuse,
  parseOptions,
  requireOption,
} from "./options.ts";

const MANIFEST_OPTION = {
  type: "string",
  value: "M",
  description: "the contract's manifest.json (required)",
} as const;

/** `abi selectors`: usage, flags and examples. */
export const ABI_SELECTORS: CommandInfo = {
  name: "abi selectors",
  summary: "List the selector and signature of each function of a manifest",
  usage: ["abi selectors --manifest M [--json]"],
  options: {
    manifest: MANIFEST_OPTION,
    json: { type: "boolean", description: "print a JSON array of {name, signature, selector}" },
  },
  examples: ["abi selectors --manifest examples/counter/manifest.json"],
};

/** `abi encode`: usage, flags and examples. */
export const ABI_ENCODE: CommandInfo = {
  name: "abi encode",
  summary: "Print the calldata (hex) of a call",
  usage: ["abi encode --manifest M --call F [--args JSON] [--json]"],
  options: {
    manifest: MANIFEST_OPTION,
    call: { type: "string", value: "F", description: "the function to call (required)" },
    args: {
      type: "string",
      value: "JSON",
      description: "arguments: a JSON array (by position) or object (by name); default []",
    },
    json: { type: "boolean", description: 'print {"function", "calldata"} as JSON' },
  },
  examples: [`abi encode --manifest examples/counter/manifest.json --call set --args '[5]'`],
};

/** `abi decode`: usage, flags and examples. */
export const ABI_DECODE: CommandInfo = {
  name: "abi decode",
  summary: "Decode calldata (or, with --return, return data) to JSON",
  usage: ["abi decode --manifest M [--call F] --data HEX [--return]"],
  options: {
    manifest: MANIFEST_OPTION,
    call: {
      type: "string",
      value: "F",
      description: "the function the data belongs to (found from the selector when omitted)",
    },
    data: { type: "string", value: "HEX", description: "the bytes, 0x-prefixed hex (required)" },
    return: { type: "boolean", description: "decode return data of --call instead of calldata" },
  },
  examples: ["abi decode --manifest examples/counter/manifest.json --data 0xa45c4fc944fe4f5c0a"],
};

/** `abi`: the group of ABI subcommands. */
export const ABI: CommandInfo = {
  name: "abi",
  summary: "Selectors, calldata encoding and decoding for a manifest's ABI",
  usage: [
    "abi selectors --manifest M [--json]",
    "abi encode --manifest M --call F [--args JSON] [--json]",
    "abi decode --manifest M [--call F] --data HEX [--return]",
  ],
  options: {},
  examples: ["abi selectors --manifest examples/counter/manifest.json", "abi encode --help"],
  details: "Run 'animica-vm abi SUBCOMMAND --help' for the flags of each subcommand.",
};

/** The subcommands of `abi`, by name. */
export const ABI_SUBCOMMANDS: Readonly<Record<string, CommandInfo>> = {
  selectors: ABI_SELECTORS,
  encode: ABI_ENCODE,
  decode: ABI_DECODE,
};

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
    case "--help":
    case "-h":
    case "help":
      throw new HelpRequest(ABI);
    default:
      throw misuse(
        ABI,
        subcommand === undefined
          ? "abi needs a subcommand: selectors, encode or decode"
          : `unknown abi subcommand '${subcommand}'${
            didYouMean(subcommand, Object.keys(ABI_SUBCOMMANDS))
          }`,
      );
  }
}

async function selectors(args: readonly string[]): Promise<number> {
  const { values } = parseOptions(args, ABI_SELECTORS);
  const { manifest } = await loadValidManifest(requireOption(ABI_SELECTORS, values, "manifest"));
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
  const { values } = parseOptions(args, ABI_ENCODE);
  const { manifest } = await loadValidManifest(requireOption(ABI_ENCODE, values, "manifest"));
  const fn = findFunction(manifest, requireOption(ABI_ENCODE, values, "call"));
  const json = parseJson(typeof values.args === "string" ? values.args : "[]", "--args");
  const calldata = toHex(encodeCall(fn, argsFromJson(fn, json)));
  if (values.json === true) console.log(JSON.stringify({ function: fn.name, calldata }, null, 2));
  else console.log(calldata);
  return 0;
}

async function decode(args: readonly string[]): Promise<number> {
  const { values } = parseOptions(args, ABI_DECODE);
  const { manifest } = await loadValidManifest(requireOption(ABI_DECODE, values, "manifest"));
  const hex = requireOption(ABI_DECODE, values, "data");
  const data = fromHex(hex.startsWith("0x") ? hex : `0x${hex}`);
  if (data === null) {
    throw new InputError("--data must be hex bytes (0x followed by pairs of hex digits)");
  }
  const call = values.call;
  if (values.return === true) {
    if (typeof call !== "string") {
      throw misuse(ABI_DECODE, "--return needs --call to know the output types");
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
