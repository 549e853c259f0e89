/**
 * The CLI's compiled-IR cache (spec/RUNTIME.md §8): the IR a contract's
 * source compiles to, kept in `.animica/cache/` so that the next command
 * on the same source skips the validator and compiler. An entry is found by
 * a key over the source, its file name and exports, and the compiler's
 * identity; on load its key, code hash and IR (decoded and verified) are
 * checked, and anything that does not check out is ignored and rewritten.
 * The cache only ever saves time: when it cannot be read or written (no
 * permission, read-only disk) the source is compiled as without it.
 */

import { sha3_256Owned as sha3_256 } from "../lib/keccak_sponge.ts";
import denoConfig from "../deno.json" with { type: "json" };
import { concatBytes, sameBytes, toHex } from "../lib/abi/hex.ts";
import type { Manifest } from "../lib/abi/manifest.ts";
import type { ContractCode } from "../lib/chain/code.ts";
import { type Compilation, withCompiled } from "../lib/chain/precompiled.ts";
import { loadModule } from "../lib/compile/load_module.ts";
import { codeHash } from "../lib/compile/ir_codec.ts";
import { CAPS, GAS_VERSION, IR_VERSION } from "../lib/compile/opcodes.ts";

/** Where the CLI keeps the cache, relative to the working directory. */
export const IR_CACHE_DIR = ".animica/cache";

/** First bytes of every entry: format name and version. */
const MAGIC = new TextEncoder().encode("animica-ir-cache 1\n");
/** Bytes of the key and of the code hash in an entry. */
const HASH_BYTES = 32;
/** Domain tag of cache keys. */
const KEY_DOMAIN = "animica:ir-cache:v1|";

/** What happened to a lookup: served from the cache, compiled (and stored), or cache not usable. */
export type CacheOutcome = "hit" | "miss" | "off";

/** Folders of the compiler's sources whose files name the compiler's identity. */
const COMPILER_FOLDERS = ["../lib/", "../lib/validate/", "../lib/compile/", "../lib/abi/"];

let identity: string | null = null;

/** Size and modification time of a file, or "" when it cannot be read. */
function stamp(url: URL): string {
  try {
    const info = Deno.statSync(url);
    return `${info.size}@${info.mtime?.getTime() ?? 0}`;
  } catch {
    return "";
  }
}

/**
 * The compiler's identity: package, IR and gas versions, and the size and
 * time of this file and of each compiler source beside it (so that an
 * edited compiler never reads entries its predecessor wrote).
 */
function compilerIdentity(): string {
  if (identity !== null) return identity;
  const parts = [`${denoConfig.version}|ir${IR_VERSION}|gas${GAS_VERSION}`];
  const self = new URL(import.meta.url);
  if (self.protocol === "file:") {
    parts.push(stamp(self));
    for (const folder of COMPILER_FOLDERS) {
      const url = new URL(folder, self);
      let names: string[];
      try {
        names = [...Deno.readDirSync(url)].filter((e) => e.isFile).map((e) => e.name).sort();
      } catch {
        continue;
      }
      for (const name of names) parts.push(`${folder}${name}:${stamp(new URL(name, url))}`);
    }
  }
  identity = parts.join("\n");
  return identity;
}

function granted(name: "read" | "write", path: string | URL): boolean {
  return Deno.permissions.querySync({ name, path }).state === "granted";
}

/** True when the cache may be used: `dir` readable and writable, the compiler's sources readable. */
function usable(dir: string): boolean {
  const self = new URL(import.meta.url);
  const sources = self.protocol !== "file:" || granted("read", new URL("../lib/", self));
  return sources && granted("read", dir) && granted("write", dir);
}

/** The cache key of `source` compiled as `file` with `exports`. */
function cacheKey(source: Uint8Array, file: string, exports: readonly string[]): Uint8Array {
  const header = KEY_DOMAIN + [compilerIdentity(), file, JSON.stringify(exports), ""].join("|");
  return sha3_256(concatBytes(new TextEncoder().encode(header), source));
}

/** The compilation in an entry's bytes, or null when they are not a valid entry for `key`. */
function readEntry(bytes: Uint8Array, key: Uint8Array): Compilation | null {
  const start = MAGIC.length + 2 * HASH_BYTES;
  if (bytes.length <= start || bytes.length > start + CAPS.code_size) return null;
  if (!sameBytes(bytes.subarray(0, MAGIC.length), MAGIC)) return null;
  if (!sameBytes(bytes.subarray(MAGIC.length, MAGIC.length + HASH_BYTES), key)) return null;
  const stored = bytes.slice(MAGIC.length + HASH_BYTES, start);
  const ir = bytes.slice(start);
  const hash = codeHash(ir);
  if (!sameBytes(hash, stored)) return null;
  try {
    return { bytes: ir, codeHash: hash, verified: loadModule(ir) };
  } catch {
    return null;
  }
}

/** Writes an entry atomically (a temporary file in the folder, then a rename); failures are ignored. */
function writeEntry(dir: string, path: string, key: Uint8Array, compiled: Compilation): void {
  const temporary = `${path}.${crypto.randomUUID()}.tmp`;
  try {
    Deno.mkdirSync(dir, { recursive: true });
    Deno.writeFileSync(temporary, concatBytes(MAGIC, key, compiled.codeHash, compiled.bytes));
    Deno.renameSync(temporary, path);
  } catch {
    try {
      Deno.removeSync(temporary);
    } catch {
      // Nothing was written, or it is already gone.
    }
  }
}

/**
 * Loads the validator and compiler, which also installs the compiler for
 * lib/chain (lib/compile/compiler_slot.ts): a hit never needs them.
 */
const loadCompiler = () => import("../lib/compile/compile.ts");

/**
 * `code` with its compilation attached, from the cache in `dir` when an
 * entry checks out, else compiled and stored. A source that does not
 * compile is returned as is (the chain compiles it again and reports why).
 * The compiler is loaded only when the cache does not serve the source.
 */
export async function withIrCache(
  code: ContractCode,
  manifest: Manifest,
  dir: string = IR_CACHE_DIR,
): Promise<{ readonly code: ContractCode; readonly outcome: CacheOutcome }> {
  if (!usable(dir)) {
    await loadCompiler();
    return { code, outcome: "off" };
  }
  const source = typeof code.source === "string"
    ? new TextEncoder().encode(code.source)
    : code.source;
  const exports = manifest.functions.map((fn) => fn.name);
  const key = cacheKey(source, manifest.entry, exports);
  const path = `${dir}/${toHex(key).slice(2)}.ir`;
  let bytes: Uint8Array | null = null;
  try {
    if (Deno.statSync(path).size <= MAGIC.length + 2 * HASH_BYTES + CAPS.code_size) {
      bytes = Deno.readFileSync(path);
    }
  } catch {
    // No entry yet (or unreadable): compile.
  }
  const cached = bytes === null ? null : readEntry(bytes, key);
  if (cached !== null) return { code: withCompiled(code, cached), outcome: "hit" };
  const { compileContract } = await loadCompiler();
  let compiled: Compilation;
  try {
    compiled = compileContract(source, { file: manifest.entry, exports });
  } catch {
    return { code, outcome: "miss" };
  }
  writeEntry(dir, path, key, compiled);
  return { code: withCompiled(code, compiled), outcome: "miss" };
}
