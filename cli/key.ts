/**
 * `key new|address`: account key files (spec/KEYS.md). `new` writes the
 * key file of a seed (given, or 32 random bytes drawn here: lib/ draws no
 * randomness); `address` prints a key file's `anim1...` address. The key
 * logic is in lib/chain/keys.ts.
 */

import { ChainError, formatAddress } from "../mod.ts";
import { fromHex, toHex } from "../abi.ts";
import {
  encodeKeyFile,
  isKeyAlgorithm,
  KEY_ALGORITHMS,
  keyFromSeed,
  type KeyPair,
  MAX_KEY_FILE_BYTES,
  parseKeyFile,
  SEED_LENGTH,
} from "../chain.ts";
import { readCappedFile, writeNewFile } from "./common.ts";
import {
  type CommandInfo,
  didYouMean,
  InputError,
  misuse,
  parseOptions,
  requireOption,
  runSubcommand,
} from "./options.ts";

const SAMPLE_SEED = "00".repeat(SEED_LENGTH);

/** `key new`: usage, flags and examples. */
export const KEY_NEW: CommandInfo = {
  name: "key new",
  summary: "Write a new key file (from a seed, or from 32 random bytes)",
  usage: ["key new --out FILE [--alg ALG] [--seed HEX] [--force]"],
  options: {
    out: { type: "string", value: "FILE", description: "the key file to write (required)" },
    alg: {
      type: "string",
      value: "ALG",
      description: `the algorithm: ${KEY_ALGORITHMS.join(", ")} (default ml-dsa-65)`,
    },
    seed: {
      type: "string",
      value: "HEX",
      description: `the ${SEED_LENGTH}-byte seed as hex (default: random); same seed, same key`,
    },
    force: { type: "boolean", description: "overwrite FILE if it exists" },
  },
  examples: [
    "key new --out alice.json",
    `key new --alg ml-dsa-44 --seed ${SAMPLE_SEED} --out t.json`,
    "key new --alg slh-dsa-sha2-128s --out sphincs.json",
  ],
  details: "The key file holds the seed: anyone who reads it can sign for the address.",
};

/** `key address`: usage, flags and examples. */
export const KEY_ADDRESS: CommandInfo = {
  name: "key address",
  summary: "Print the anim1... address of a key file",
  usage: ["key address KEYFILE [--json]"],
  options: {
    json: { type: "boolean", description: "print {alg, address, hex} as JSON" },
  },
  examples: ["key address alice.json", "key address alice.json --json"],
};

const SUBCOMMANDS: Readonly<Record<string, CommandInfo>> = {
  new: KEY_NEW,
  address: KEY_ADDRESS,
};

/** `key`: the subcommands. */
export const KEY: CommandInfo = {
  name: "key",
  summary: "Make post-quantum key files and print their addresses",
  usage: KEY_NEW.usage.concat(KEY_ADDRESS.usage),
  options: {},
  examples: ["key new --out alice.json", "key address alice.json"],
};

/** The key subcommands by name (for `help key SUB`). */
export const KEY_SUBCOMMANDS: Readonly<Record<string, CommandInfo>> = SUBCOMMANDS;

/** Runs `key SUBCOMMAND ...`; returns the exit code. */
export async function keyCommand(argv: readonly string[]): Promise<number> {
  return await runSubcommand(KEY, { new: newKey, address }, argv);
}

/** The seed of `--seed` (64 hex digits, `0x` optional), or a UsageError saying what is wrong. */
function parseSeed(text: string): Uint8Array {
  const bytes = fromHex(text.startsWith("0x") ? text : `0x${text}`);
  if (bytes === null) throw misuse(KEY_NEW, `--seed must be hex digits, got '${text}'`);
  if (bytes.length !== SEED_LENGTH) {
    throw misuse(
      KEY_NEW,
      `--seed must be ${SEED_LENGTH} bytes (${2 * SEED_LENGTH} hex digits), got ${bytes.length}`,
    );
  }
  return bytes;
}

async function newKey(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseOptions(argv, KEY_NEW);
  if (positionals.length > 0) throw misuse(KEY_NEW, `unexpected argument '${positionals[0]}'`);
  const out = requireOption(KEY_NEW, values, "out");
  const alg = typeof values.alg === "string" ? values.alg : "ml-dsa-65";
  if (!isKeyAlgorithm(alg)) {
    throw misuse(KEY_NEW, `unknown --alg '${alg}'${didYouMean(alg, KEY_ALGORITHMS)}`);
  }
  const seed = typeof values.seed === "string"
    ? parseSeed(values.seed)
    : crypto.getRandomValues(new Uint8Array(SEED_LENGTH));
  const key = keyFromSeed(alg, seed);
  await writeNewFile(out, new TextEncoder().encode(encodeKeyFile(key)), values.force === true);
  console.log(formatAddress(key.address));
  return 0;
}

/** The key pair of the key file at `path`; any problem is an InputError naming the file. */
export async function loadKey(path: string): Promise<KeyPair> {
  const bytes = await readCappedFile(path, MAX_KEY_FILE_BYTES);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(`'${path}': key file is not UTF-8`);
  }
  try {
    return parseKeyFile(text);
  } catch (error) {
    if (!(error instanceof ChainError)) throw error;
    throw new InputError(`'${path}': ${error.message}`);
  }
}

async function address(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseOptions(argv, KEY_ADDRESS);
  const [path, ...extra] = positionals;
  if (path === undefined || extra.length > 0) throw misuse(KEY_ADDRESS, "give one KEYFILE");
  const key = await loadKey(path);
  const anim = formatAddress(key.address);
  console.log(
    values.json === true
      ? JSON.stringify({ alg: key.alg, address: anim, hex: toHex(key.address) })
      : anim,
  );
  return 0;
}
