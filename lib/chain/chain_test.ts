/**
 * The chain (spec/CHAIN.md): the spec's worked vectors, storage isolation,
 * deterministic addresses across processes, what failed transactions
 * leave, argument conversion, and a seeded snapshot/revert property test
 * over random transaction sequences.
 */

import assert from "node:assert/strict";
import {
  AbiEncodeError,
  accountAddress,
  Chain,
  ChainError,
  contractAddress,
  formatAddress,
  MemoryState,
  saltedContractAddress,
  StateError,
  testAccount,
} from "../../mod.ts";
import { fromHex, toHex } from "../abi/hex.ts";
import { stringifyJson } from "../abi/json.ts";
import { transactionHash } from "./context.ts";
import { SeededRandom } from "../../tests/support/random.ts";
import { CODE_SPACE } from "../runtime/state_keys.ts";

const SPEC = Deno.readTextFileSync(new URL("../../spec/CHAIN.md", import.meta.url));
const COUNTER = {
  manifest: Deno.readTextFileSync(new URL("../../examples/counter/manifest.json", import.meta.url)),
  source: Deno.readTextFileSync(new URL("../../examples/counter/counter.py", import.meta.url)),
};

/** A contract touching every kind of state: storage, balances (value, transfers), events. */
const BANK = {
  manifest: {
    name: "bank",
    version: "1.0.0",
    entry: "bank.py",
    abi: {
      functions: [
        { name: "init", inputs: [{ name: "seed", type: "int" }], outputs: [] },
        {
          name: "put",
          inputs: [{ name: "key", type: "bytes" }, { name: "n", type: "int" }],
          outputs: [],
        },
        { name: "get", inputs: [{ name: "key", type: "bytes" }], outputs: [{ type: "int" }] },
        { name: "pay", inputs: [], outputs: [{ type: "int" }] },
        {
          name: "send",
          inputs: [{ name: "to", type: "address" }, { name: "amount", type: "int" }],
          outputs: [],
        },
        { name: "fail", inputs: [{ name: "n", type: "int" }], outputs: [] },
        { name: "where", inputs: [], outputs: [{ type: "tuple(int,int,int,bytes)" }] },
      ],
      events: [{ name: "Put", inputs: [{ name: "n", type: "int" }] }],
    },
  },
  source: [
    "from stdlib import abi, context, events, storage, treasury",
    "",
    "def init(seed: int) -> None:",
    "    storage.set_int(b'seed', seed)",
    "",
    "def put(key: bytes, n: int) -> None:",
    "    storage.set_int(key, n)",
    "    events.emit(b'Put', {'n': n})",
    "",
    "def get(key: bytes) -> int:",
    "    return storage.get_int(key)",
    "",
    "def pay() -> int:",
    "    return treasury.balance()",
    "",
    "def send(to: bytes, amount: int) -> None:",
    "    treasury.transfer(to, amount)",
    "",
    "def fail(n: int) -> None:",
    "    storage.set_int(b'x', n)",
    "    abi.revert(b'no')",
    "",
    "def where() -> tuple:",
    "    return (context.block_height, context.block_time, context.chain_id, context.tx_hash)",
    "",
  ].join("\n"),
};

function snapshotOf(state: MemoryState): string {
  return JSON.stringify(state.entries().map(([key, value]) => [key, toHex(value)]));
}

Deno.test("chain: the worked vectors of spec/CHAIN.md", () => {
  const deployer = Uint8Array.from([1, ...new Array(32).fill(0x11)]);
  const first = contractAddress(deployer, 0n);
  const vectors = [
    toHex(first),
    formatAddress(first),
    toHex(contractAddress(deployer, 1n)),
    toHex(
      saltedContractAddress(deployer, new Uint8Array(32).fill(0x22), new Uint8Array(32).fill(0x33)),
    ),
    toHex(testAccount("alice").address),
    toHex(testAccount("bob").address),
    toHex(transactionHash({
      kind: "call",
      sender: deployer,
      nonce: 0n,
      to: first,
      value: 5n,
      payload: Uint8Array.of(0xf7, 0x77, 0x66, 0x63, 0xdb, 0xd1, 0x71, 0x53),
      block: { height: 1n, time: 0n, chainId: 1n },
    })),
  ];
  for (const vector of vectors) {
    assert.ok(SPEC.includes(`\`${vector}\``), `${vector} is not in the spec`);
  }
  assert.equal(first[0], 0xc0);
  const alice = testAccount("alice");
  assert.deepEqual(alice.address, accountAddress(alice.publicKey));
});

Deno.test("chain: the counter, inc inc get -> 2, with the README's gas", () => {
  const counter = new Chain().deploy(COUNTER);
  assert.equal(counter.call("inc").gasUsed, 1258);
  counter.call("inc");
  assert.equal(counter.view("get").value, 2n);
  assert.equal(counter.view("get").gasUsed, 262);
});

Deno.test("chain: two contracts with the same storage keys do not see each other", () => {
  const chain = new Chain();
  const a = chain.deploy(COUNTER);
  const b = chain.deploy(COUNTER);
  assert.notDeepEqual(a.address, b.address);
  assert.deepEqual(a.codeHash, b.codeHash);
  a.call("inc");
  a.call("inc");
  b.call("set", [7]);
  assert.equal(a.view("get").value, 2n);
  assert.equal(b.view("get").value, 7n);
  assert.deepEqual(chain.storage(a.address, "counter:value"), Uint8Array.of(2));
});

Deno.test("chain: two deployments from one sender get distinct addresses, the same in another process", async () => {
  const chain = new Chain();
  const alice = chain.account("alice");
  const addresses = [chain.deploy(COUNTER), chain.deploy(COUNTER)].map((c) =>
    formatAddress(c.address)
  );
  assert.notEqual(addresses[0], addresses[1]);
  assert.deepEqual(addresses, [0n, 1n].map((n) => formatAddress(contractAddress(alice, n))));
  assert.equal(chain.nonce(alice), 2n);
  const script = `import { Chain, formatAddress } from "${new URL(
    "../../mod.ts",
    import.meta.url,
  )}";
const code = ${JSON.stringify(COUNTER)};
const chain = new Chain();
console.log(JSON.stringify([chain.deploy(code), chain.deploy(code)].map((c) => formatAddress(c.address))));`;
  const output = await new Deno.Command(Deno.execPath(), {
    args: ["eval", script],
    stdout: "piped",
    stderr: "inherit",
  }).output();
  assert.equal(output.code, 0);
  assert.deepEqual(JSON.parse(new TextDecoder().decode(output.stdout)), addresses);
});

Deno.test("chain: a failed call or deploy changes nothing, not even the nonce", () => {
  const state = new MemoryState();
  const chain = new Chain({ state });
  const bank = chain.deploy(BANK);
  chain.fund(chain.sender, 50n);
  const before = snapshotOf(state);
  const failed = bank.call("fail", [3], { value: 10n });
  assert.equal(failed.ok, false);
  assert.equal(failed.error?.kind, "revert");
  assert.deepEqual(failed.events, []);
  assert.ok(failed.gasUsed > 0);
  assert.equal(chain.nonce(chain.sender), 1n);
  assert.equal(chain.balance(chain.sender), 50n);
  const poor = bank.call("pay", [], { value: 51n });
  assert.equal(poor.error?.message, "insufficient balance for the value sent");
  const init = chain.deploy(BANK, { args: [1], gasLimit: 10 });
  assert.equal(init.receipt?.error?.kind, "out-of-gas");
  assert.equal(chain.isDeployed(init.address), false);
  assert.equal(snapshotOf(state), before);
  assert.deepEqual(chain.deploy(BANK).address, init.address);
});

Deno.test("chain: value moves from the sender to the contract, and back through the treasury", () => {
  const chain = new Chain();
  const bob = chain.account("bob");
  chain.fund(bob, 100);
  const bank = chain.deploy(BANK, { from: bob, value: 40n, args: { seed: 9 } });
  assert.equal(bank.receipt?.ok, true);
  assert.equal(bank.view("get", [new TextEncoder().encode("seed")]).value, 9n);
  assert.equal(bank.call("pay", [], { from: bob, value: 10 }).value, 50n);
  assert.equal(bank.call("send", [formatAddress(bob), 5n]).ok, true);
  assert.equal(chain.balance(bob), 55n);
  assert.equal(chain.balance(bank.address), 45n);
});

Deno.test("chain: the block and tx hash reach the contract; views bump no nonce", () => {
  const chain = new Chain();
  const bank = chain.deploy(BANK);
  chain.setBlock({ height: 7n, time: 1_700_000_000n, chainId: 42n });
  const [height, time, chainId, txHash] = bank.view("where").value as [
    bigint,
    bigint,
    bigint,
    Uint8Array,
  ];
  assert.deepEqual([height, time, chainId], [7n, 1_700_000_000n, 42n]);
  assert.equal(chain.nonce(chain.sender), 1n);
  const called = bank.call("where");
  assert.notDeepEqual((called.value as Uint8Array[])[3], txHash);
  assert.deepEqual((called.value as Uint8Array[])[3], called.txHash);
  assert.throws(() => chain.setBlock({ height: -1n }), ChainError);
});

Deno.test("chain: receipts carry events with the emitting address, and JSON", () => {
  const bank = new Chain().deploy(BANK);
  const receipt = bank.call("put", { key: "0x6b", n: 3 });
  assert.deepEqual(receipt.events, [{ address: bank.address, name: "Put", args: { n: 3n } }]);
  assert.equal(stringifyJson(receipt.json().events ?? null), '[{"name":"Put","args":{"n":3}}]');
});

Deno.test("chain: misuse throws typed errors before any state changes", () => {
  const chain = new Chain();
  const bank = chain.deploy(BANK);
  const nonce = chain.nonce(chain.sender);
  const misuses: [() => unknown, new (...args: never[]) => Error][] = [
    [() => bank.call("nope"), AbiEncodeError],
    [() => bank.call("put", ["0x6b", 1.5]), AbiEncodeError],
    [() => bank.call("put", ["0x6b", 2 ** 53]), AbiEncodeError],
    [() => bank.call("put", [new Uint8Array(1), "1"]), AbiEncodeError],
    [() => bank.call("put", { key: "0x", m: 1 }), AbiEncodeError],
    [() => bank.call("put", ["0x"]), AbiEncodeError],
    [() => bank.call("send", ["anim1xyz", 1]), AbiEncodeError],
    [() => chain.call(new Uint8Array(33), "get"), ChainError],
    [() => chain.call("0x1234", "get"), ChainError],
    [() => bank.call("pay", [], { value: -1n }), ChainError],
    [() => bank.call("pay", [], { gasLimit: 0.5 }), ChainError],
    [() => chain.account(""), ChainError],
    [() => chain.revert(3), ChainError],
    [() => chain.deploy(BANK, { salt: "0x12" }), ChainError],
  ];
  for (const [misuse, type] of misuses) assert.throws(misuse, type);
  assert.equal(chain.nonce(chain.sender), nonce);
});

Deno.test("chain: a salted deployment is nonce-independent; a second one at its address fails", () => {
  const chain = new Chain();
  const salt = new Uint8Array(32).fill(5);
  chain.deploy(COUNTER);
  const first = chain.deploy(COUNTER, { salt });
  assert.deepEqual(first.address, saltedContractAddress(chain.sender, first.codeHash, salt));
  const again = chain.deploy(COUNTER, { salt });
  assert.equal(again.receipt?.ok, false);
  assert.match(again.receipt?.error?.message ?? "", /already deployed/);
});

Deno.test("chain: a contract over a tampered state is a StateError", () => {
  const state = new MemoryState();
  const address = new Chain({ state }).deploy(COUNTER).address;
  const code = state.entries().find(([key]) => key.startsWith(toHex(Uint8Array.of(CODE_SPACE))));
  const key = code === undefined ? null : fromHex(code[0]);
  assert.ok(code !== undefined && key !== null);
  const tampered = code[1].slice();
  tampered[0] = (tampered[0] ?? 0) ^ 1;
  state.apply([{ key, value: tampered }]);
  assert.throws(() => new Chain({ state }).call(address, "get"), StateError);
});

Deno.test("chain: snapshot/revert restores storage, balances, nonces and deployments exactly (120 seeded sequences)", () => {
  const senders = ["alice", "bob", "carol"];
  let reverts = 0;
  for (let seed = 1; seed <= 120; seed++) {
    const random = new SeededRandom(seed);
    const state = new MemoryState();
    const chain = new Chain({ state });
    const accounts = senders.map((name) => chain.account(name));
    const contracts = [chain.deploy(BANK)];
    const open: string[] = [];
    for (let step = 0; step < 12; step++) {
      const from = random.pick(accounts);
      const contract = random.pick(contracts.filter((c) => chain.isDeployed(c.address)));
      switch (random.below(7)) {
        case 0:
          contracts.push(
            chain.deploy(BANK, { from, ...(random.below(2) === 0 ? { args: [step] } : {}) }),
          );
          break;
        case 1:
          contract.call("put", [Uint8Array.of(random.below(3)), random.below(5)], { from });
          break;
        case 2:
          chain.fund(from, random.below(50));
          break;
        case 3:
          if (random.below(2) === 0) contract.call("pay", [], { from, value: random.below(20) });
          else contract.call("fail", [1], { from, value: random.below(20) });
          break;
        case 4:
          contract.call("send", [random.pick(accounts), 1 + random.below(3)], { from });
          break;
        case 5:
          assert.equal(chain.snapshot(), open.length);
          open.push(snapshotOf(state));
          break;
        default: {
          if (open.length === 0) {
            chain.setBlock({ height: BigInt(random.below(100)) });
            break;
          }
          const id = random.below(open.length);
          chain.revert(id);
          assert.equal(snapshotOf(state), open[id], `seed ${seed} step ${step}`);
          open.length = id + 1;
          reverts++;
        }
      }
    }
  }
  assert.ok(reverts > 60, `only ${reverts} reverts were exercised`);
});

Deno.test("chain: setBalance sets a balance exactly, snapshots undo it, bad amounts throw", () => {
  const chain = new Chain();
  const bob = chain.account("bob");
  chain.fund(bob, 100);
  const before = chain.snapshot();
  chain.setBalance(bob, 7n);
  assert.equal(chain.balance(bob), 7n);
  chain.setBalance(bob, 0);
  assert.equal(chain.balance(bob), 0n);
  assert.equal(chain.nonce(bob), 0n);
  assert.throws(() => chain.setBalance(bob, -1n), ChainError);
  assert.throws(() => chain.setBalance(bob, 1.5), ChainError);
  chain.revert(before);
  assert.equal(chain.balance(bob), 100n);
});
