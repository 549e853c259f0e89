/**
 * Generates a realistic contract of a requested size for benchmarks:
 * constants, stdlib imports and functions with loops, branches,
 * comprehensions, storage and event calls, each calling the one before it
 * (so the call graph is a long acyclic chain).
 */

/** Source text of a valid contract with about `lines` lines. */
export function generateContract(lines: number): string {
  const out = [
    '"""Generated benchmark contract."""',
    "from __future__ import annotations",
    "",
    "from typing import Final",
    "",
    "from stdlib import abi, context, events, hash, storage",
    "",
    'PREFIX: Final[bytes] = b"bench:"',
    "LIMIT: Final[int] = 2**64 - 1",
    'NAMES: Final[list] = ["alpha", "beta", "gamma", "delta"]',
    "",
  ];
  let index = 0;
  while (out.length < lines - 20) {
    const previous = index === 0 ? "" : `    total += helper_${index - 1}(n // 2, flags)\n`;
    out.push(
      `def helper_${index}(n: int, flags: dict) -> int:`,
      `    """Function ${index} of the generated contract."""`,
      "    total = 0",
      '    key = PREFIX + n.to_bytes(8, "big")',
      "    for i in range(n % 7):",
      '        if i % 2 == 0 and flags.get("even", True):',
      "            total += i * 3 - (i << 1)",
      "        elif i > 3:",
      "            total -= abs(i - n) // 2",
      "        else:",
      "            continue",
      "    values = [v * 2 for v in range(5) if v != 3]",
      "    total += sum(values) + len(NAMES[index_of(n)])".replace("index_of(n)", "n % 4"),
      '    abi.require(total <= LIMIT, b"overflow")',
      "    storage.set_int(key, total)",
      `    events.emit(b"Step", {"index": ${index}, "total": total, "sender": context.sender})`,
      ...(previous === "" ? [] : [previous.trimEnd()]),
      "    digest = hash.sha3_256(key)",
      "    return total + digest[0]",
      "",
    );
    index++;
  }
  return out.join("\n") + "\n";
}
