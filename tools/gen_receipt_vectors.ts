/**
 * `deno task vectors:receipts`: writes tests/vectors/receipts.json from the
 * fixed inputs below (receipts with logs of the example contracts' events,
 * the receipt counts whose roots are pinned, a small state with an entry in
 * every key space) and the outputs the independent Python reference
 * (tests/support/receipts_reference.py) computes for them. Run only when a
 * change to the receipt or root format is intended, and review the diff.
 */

import { runPythonJson } from "../tests/support/python.ts";

const ALICE = "0x01" + "11".repeat(32);
const BOB = "0x01" + "22".repeat(32);
const CAROL = "0x01" + "33".repeat(32);
/** Addresses of the example contracts in these vectors. */
const AT = {
  counter: "0x01" + "c1".repeat(32),
  token: "0x01" + "c2".repeat(32),
  escrow: "0x01" + "c3".repeat(32),
  lottery: "0x01" + "c4".repeat(32),
  silent: "0x01" + "c5".repeat(32),
} as const;

type Args = (string | number)[];
type LogInput =
  | { contract: keyof typeof AT; signature: string; args: Args }
  | { contract: "silent"; undeclared: string };

function log(input: LogInput): { [key: string]: unknown } {
  return { address: AT[input.contract], ...input };
}

const TRANSFER = "Transfer(bytes,bytes,int)";
const RECEIPTS: { note: string; status: 0 | 1 | 2; gasUsed: string; logs: LogInput[] }[] = [
  { note: "a transfer: success, no logs", status: 0, gasUsed: "21000", logs: [] },
  {
    note: "counter inc",
    status: 0,
    gasUsed: "1234",
    logs: [{ contract: "counter", signature: "Incremented(int)", args: [1] }],
  },
  {
    note: "token init: minted to alice",
    status: 0,
    gasUsed: "56789",
    logs: [{ contract: "token", signature: TRANSFER, args: ["0x", ALICE, 1000] }],
  },
  {
    note: "two logs: an approval and a transfer",
    status: 0,
    gasUsed: "70001",
    logs: [
      { contract: "token", signature: "Approval(bytes,bytes,int)", args: [BOB, CAROL, 100] },
      { contract: "token", signature: TRANSFER, args: [BOB, CAROL, 60] },
    ],
  },
  { note: "a revert: no logs", status: 1, gasUsed: "4321", logs: [] },
  { note: "out of gas: the whole limit, no logs", status: 2, gasUsed: "10000000", logs: [] },
  {
    note: "escrow deposit",
    status: 0,
    gasUsed: "33000",
    logs: [{ contract: "escrow", signature: "Deposited(bytes,int)", args: [ALICE, 500] }],
  },
  {
    note: "an event its manifest does not declare (a manifest with no events)",
    status: 0,
    gasUsed: "900",
    logs: [{ contract: "silent", undeclared: "0x50696e67" }],
  },
  {
    note: "largest gasUsed; the lottery's two events, a negative int",
    status: 0,
    gasUsed: "18446744073709551615",
    logs: [
      { contract: "lottery", signature: "Ticket(bytes,int)", args: [BOB, 0] },
      { contract: "lottery", signature: "Drawn(bytes,int)", args: [CAROL, -25] },
    ],
  },
];

const ROOT_COUNTS = [0, 1, 2, 3, 5, RECEIPTS.length];

/** One entry in every key space (spec/CHAIN.md §4), the block entry last (it is not committed). */
const STATE: [string, string][] = [
  ["0x01" + "21" + AT.token.slice(2) + "746f74616c", "0x03e8"],
  ["0x01" + "21" + AT.token.slice(2) + "62616c3a" + ALICE.slice(2), "0x0384"],
  ["0x02" + ALICE.slice(2), "0x0f4240"],
  ["0x02" + AT.escrow.slice(2), "0x01f4"],
  ["0x03" + ALICE.slice(2), "0x02"],
  ["0x04" + AT.token.slice(2), "0x" + "d1".repeat(32) + "e1".repeat(32)],
  ["0x05" + "d1".repeat(32), "0x0300"],
  [
    "0x06" + "e1".repeat(32),
    "0x" +
    [...new TextEncoder().encode('{"name":"token"}')].map((b) => b.toString(16).padStart(2, "0"))
      .join(""),
  ],
  ["0x07", "0x" + "0000000000000005" + "000000006553f100" + "0000000000000001"],
];

const request = {
  receipts: RECEIPTS.map((r) => ({ ...r, logs: r.logs.map(log) })),
  rootCounts: ROOT_COUNTS,
  state: STATE,
};
const output = await runPythonJson(
  new URL("../tests/support/receipts_reference.py", import.meta.url),
  JSON.stringify(request),
) as {
  receipts: {
    logs: { topics: string[]; data: string }[];
    bloom: string;
    bytes: string;
    hash: string;
  }[];
  receiptsRoots: { count: number; root: string }[];
  stateRoot: string;
};

const vectors = {
  description: "Chain receipt vectors (spec/RECEIPTS.md). receipts: inputs (status, gasUsed, " +
    "logs by contract with the event's signature and arguments in manifest order, or an " +
    "undeclared event's name) and the outputs: each log's topics and data, the bloom, the " +
    "canonical bytes and the receipt hash. receiptsRoots: the root over the first `count` " +
    "receipt hashes. state: entries in every key space (the block entry is not committed) and " +
    "the state root. Outputs come from tests/support/receipts_reference.py, an implementation " +
    "independent of lib/chain/; written by tools/gen_receipt_vectors.ts.",
  receipts: request.receipts.map((input, i) => {
    const out = output.receipts[i];
    if (out === undefined) throw new Error(`no output for receipt ${i}`);
    return {
      ...input,
      logs: input.logs.map((entry, j) => ({ ...entry, ...out.logs[j] })),
      bloom: out.bloom,
      bytes: out.bytes,
      hash: out.hash,
    };
  }),
  receiptsRoots: output.receiptsRoots,
  state: { entries: STATE, root: output.stateRoot },
};
await Deno.writeTextFile("tests/vectors/receipts.json", JSON.stringify(vectors, null, 1) + "\n");
console.log("wrote tests/vectors/receipts.json");
