/**
 * Child process of tests/pq_loading_test.ts: imports the chain without
 * lib/pq_noble.ts, as `animica-vm run` does for a contract that never
 * calls pq_verify, and prints as JSON what each step gave: a plain call
 * (which must run), a call of pq_verify and a key derivation (which must
 * throw the InternalError that says the schemes are not loaded, and leave
 * the state as it was).
 */

// The compiler the chain deploys the contract with (lib/compile/compiler_slot.ts).
import "../../lib/compile/compile.ts";
import { Chain } from "../../lib/chain/chain.ts";
import { keyFromSeed } from "../../lib/chain/keys.ts";
import { QUICKSTART_DEPLOYER } from "../../lib/chain/quickstart.ts";
import { pqSchemesInstalled } from "../../lib/pq_schemes.ts";
import { outcome } from "./step_outcome.ts";

const manifest = {
  name: "pq",
  version: "1.0.0",
  entry: "pq.py",
  abi: {
    functions: [
      { name: "plain", inputs: [], outputs: [{ type: "int" }] },
      { name: "check", inputs: [], outputs: [{ type: "bool" }] },
      { name: "read", inputs: [], outputs: [{ type: "int" }] },
    ],
    events: [],
  },
};
const source = [
  "from stdlib import pq_verify, storage",
  "",
  "def plain() -> int:",
  "    storage.set_int(b'n', 1)",
  "    return 7",
  "",
  "def check() -> bool:",
  "    storage.set_int(b'n', 2)",
  "    return pq_verify.verify(b'k', b'm', b's')",
  "",
  "def read() -> int:",
  "    return storage.get_int(b'n')",
  "",
].join("\n");

// The CLI's sender: an address, not a test account (whose keys need the schemes).
const chain = new Chain({ sender: QUICKSTART_DEPLOYER });
const contract = chain.deploy({ manifest, source });
console.log(JSON.stringify({
  installed: pqSchemesInstalled(),
  plain: outcome(() => contract.call("plain").value),
  check: outcome(() => contract.call("check").value),
  key: outcome(() => keyFromSeed("ml-dsa-65", new Uint8Array(32)).publicKey.length),
  stored: outcome(() => contract.call("read").value),
}));
