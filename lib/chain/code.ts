/**
 * Contract code as the chain keeps it (spec/CHAIN.md §4): a manifest and
 * source compiled once at deployment into IR, the IR stored under its code
 * hash and the manifest text under its manifest hash; a deployed contract
 * is loaded back from those (the IR decoded and verified, its hash and the
 * manifest checked), because a state file may be written by an attacker.
 */

import { sha3_256Owned as sha3_256 } from "../keccak_sponge.ts";
import { concatBytes, toHex } from "../abi/hex.ts";
import { duplicateJsonKey } from "../abi/json.ts";
import { type Manifest, parseManifest } from "../abi/manifest.ts";
import { sourceCompiler } from "../compile/compiler_slot.ts";
import { loadModule } from "../compile/load_module.ts";
import { codeHash } from "../compile/ir_codec.ts";
import type { VerifiedModule } from "../compile/verify.ts";
import { AnimicaError, ManifestError, StateError } from "../errors.ts";
import type { StateReader } from "../runtime/host/types.ts";
import { MAX_MANIFEST_BYTES } from "../runtime/state_keys.ts";
import { compiledFor } from "./precompiled.ts";
import { type ContractRecord, readCode, readManifest } from "./records.ts";

/** Name of the function a deployment with initialisation arguments runs. */
export const INIT_FUNCTION = "init";

/** Domain tag of manifest hashes. */
export const MANIFEST_DOMAIN = "animica:manifest:v1|";

/** A contract to deploy: its manifest (JSON text or the parsed JSON object) and source. */
export interface ContractCode {
  /** The manifest, as JSON text or the object JSON.parse gives. */
  readonly manifest: string | object;
  /** The contract's source (its `entry`). */
  readonly source: string | Uint8Array;
}

/** A contract compiled for deployment. */
export interface PreparedCode {
  /** The parsed manifest. */
  readonly manifest: Manifest;
  /** The manifest text stored in the state (compact JSON of the given object). */
  readonly manifestText: Uint8Array;
  /** Hash of the manifest text. */
  readonly manifestHash: Uint8Array;
  /** Canonical IR bytes. */
  readonly bytes: Uint8Array;
  /** Code hash of the IR. */
  readonly codeHash: Uint8Array;
  /** The verified module. */
  readonly verified: VerifiedModule;
}

/** A deployed contract's manifest and module, as loaded from the state. */
export interface LoadedCode {
  /** The parsed manifest. */
  readonly manifest: Manifest;
  /** The verified module. */
  readonly verified: VerifiedModule;
}

const utf8 = new TextEncoder();

/** sha3_256("animica:manifest:v1|" || manifest text). */
export function manifestHash(text: Uint8Array): Uint8Array {
  return sha3_256(concatBytes(utf8.encode(MANIFEST_DOMAIN), text));
}

function manifestJson(manifest: string | object): unknown {
  if (typeof manifest !== "string") return manifest;
  let json: unknown;
  try {
    json = JSON.parse(manifest);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ManifestError([{ path: "", message: `the manifest is not valid JSON: ${detail}` }]);
  }
  const repeated = duplicateJsonKey(manifest);
  if (repeated !== null) {
    const message = `the manifest repeats the key ${JSON.stringify(repeated)} in an object`;
    throw new ManifestError([{ path: "", message }]);
  }
  return json;
}

/**
 * Parses the manifest and compiles the source with the manifest's functions
 * as exports (or takes the compilation attached by withCompiled, ./precompiled.ts).
 */
export function prepareCode(code: ContractCode): PreparedCode {
  const json = manifestJson(code.manifest);
  const manifest = parseManifest(json);
  const manifestText = utf8.encode(JSON.stringify(json));
  if (manifestText.length > MAX_MANIFEST_BYTES) {
    throw new ManifestError([{
      path: "",
      message: `the manifest is over ${MAX_MANIFEST_BYTES} bytes`,
    }]);
  }
  const compiled = compiledFor(code) ?? sourceCompiler()(code.source, {
    file: manifest.entry,
    exports: manifest.functions.map((fn) => fn.name),
  });
  return {
    manifest,
    manifestText,
    manifestHash: manifestHash(manifestText),
    bytes: compiled.bytes,
    codeHash: compiled.codeHash,
    verified: compiled.verified,
  };
}

/** Loads a deployed contract's code and manifest; anything inconsistent is a StateError. */
export function loadCode(state: StateReader, record: ContractRecord): LoadedCode {
  const bytes = readCode(state, record.codeHash);
  const text = readManifest(state, record.manifestHash);
  if (bytes === null || text === null) {
    throw new StateError(
      `the code or manifest of a contract is missing (code ${toHex(record.codeHash)})`,
    );
  }
  if (toHex(codeHash(bytes)) !== toHex(record.codeHash)) {
    throw new StateError(`the code stored under ${toHex(record.codeHash)} has another hash`);
  }
  if (toHex(manifestHash(text)) !== toHex(record.manifestHash)) {
    throw new StateError(
      `the manifest stored under ${toHex(record.manifestHash)} has another hash`,
    );
  }
  try {
    const manifest = parseManifest(
      JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(text)),
    );
    return { manifest, verified: loadModule(bytes) };
  } catch (error) {
    if (
      !(error instanceof AnimicaError) && !(error instanceof SyntaxError) &&
      !(error instanceof TypeError)
    ) {
      throw error;
    }
    throw new StateError(`a stored contract does not load: ${error.message}`);
  }
}
