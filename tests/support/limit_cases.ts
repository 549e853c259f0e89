/**
 * Runaway programs and the failure each must end in (`out-of-gas` or
 * `limit`), shared by the limits test (each fails fast, without doing the
 * oversized work) and the estimator soundness test (gas used never exceeds
 * the static bound).
 */

/** Name, source (defining `main()`) and expected failure kind of each case. */
export const LIMIT_CASES: readonly [string, string, string][] = [
  ["infinite loop", "def main():\n    while True:\n        pass\n", "out-of-gas"],
  ["2 ** (2 ** 40)", "def main():\n    return 2 ** (2 ** 40)\n", "limit"],
  ["1 << 10**12", "def main():\n    return 1 << 10**12\n", "limit"],
  ['b"a" * 10**10', 'def main():\n    return b"a" * 10**10\n', "limit"],
  ["[0] * 10**9", "def main():\n    return [0] * 10**9\n", "limit"],
  ["sum(range(10**18))", "def main():\n    return sum(range(10**18))\n", "limit"],
  ["pow(3, 10**100000, m)", "def main():\n    return pow(3, 10**100000, 1000000007)\n", "limit"],
  ["str * huge", 'def main():\n    return "ab" * (2 ** 62)\n', "limit"],
  ["list(range(10**18))", "def main():\n    return list(range(10**18))\n", "limit"],
  [
    "list doubled by slice assignment",
    "def main():\n    xs = [1]\n    for i in range(40):\n        xs[:0] = xs\n    return len(xs)\n",
    "limit",
  ],
  [
    "bytes join of 64 Ki parts of 100 kB",
    'def main():\n    return b"".join([b"a" * 100000] * 65536)\n',
    "limit",
  ],
  [
    "str join of large parts",
    'def main():\n    return "-".join(["\u00e9" * 600000] * 4)\n',
    "limit",
  ],
  [
    "bytes replace with a 200 kB replacement",
    'def main():\n    return (b"ab" * 100).replace(b"a", b"x" * 200000)\n',
    "limit",
  ],
  [
    "list extended past the cap",
    "def main():\n    xs = [0] * 60000\n    xs.extend(xs)\n    return len(xs)\n",
    "limit",
  ],
  [
    "a long str indexed in a loop",
    'def main():\n    s = "a" * 200000\n    for i in range(100000):\n        c = s[i]\n    return c\n',
    "out-of-gas",
  ],
  [
    "len of a long str in a loop",
    'def main():\n    s = "a" * 200000\n    n = 0\n    for i in range(100000):\n        n += len(s)\n    return n\n',
    "out-of-gas",
  ],
  [
    "long strs ordered in a loop",
    'def main():\n    s = "a" * 200000\n    t = "a" * 200000\n    n = 0\n    for i in range(100000):\n        n += s < t\n    return n\n',
    "out-of-gas",
  ],
  [
    "long lists compared in a loop",
    "def main():\n    xs = list(range(60000))\n    ys = list(range(60000))\n    n = 0\n    for i in range(100000):\n        n += xs == ys\n    return n\n",
    "out-of-gas",
  ],
  [
    "nested growth",
    "def main():\n    x = 3\n    for i in range(100):\n        x = x * x\n    return x\n",
    "limit",
  ],
];
