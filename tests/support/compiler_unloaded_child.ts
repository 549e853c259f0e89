/**
 * Child process of tests/compiler_loading_test.ts: imports the chain
 * without lib/compile/compile.ts, as `animica-vm run` does on an IR-cache
 * hit, and prints as JSON what deploying source gave (the InternalError
 * that says the compiler is not loaded) and whether anything was stored.
 */

import "../../lib/pq_noble.ts";
import { Chain } from "../../lib/chain/chain.ts";
import { QUICKSTART_DEPLOYER } from "../../lib/chain/quickstart.ts";
import { MemoryState } from "../../lib/runtime/state.ts";

const manifest = {
  name: "plain",
  version: "1.0.0",
  entry: "plain.py",
  abi: { functions: [{ name: "get", inputs: [], outputs: [{ type: "int" }] }], events: [] },
};
const source = "def get() -> int:\n    return 7\n";

const state = new MemoryState();
const chain = new Chain({ state, sender: QUICKSTART_DEPLOYER });
let deployed: { error: string; message: string } | { value: string };
try {
  deployed = { value: String(chain.deploy({ manifest, source }).address) };
} catch (error) {
  deployed = error instanceof Error
    ? { error: error.constructor.name, message: error.message }
    : { error: "?", message: String(error) };
}
console.log(JSON.stringify({ deployed, entries: state.entries().length }));
