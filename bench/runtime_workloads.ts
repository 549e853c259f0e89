/**
 * The workloads of the runtime benchmark, as contract sources with main():
 * the same text runs in the VM (bench/runtime_bench.ts) and under CPython
 * (bench/cpython_bench.py) for the side-by-side table.
 */

/** Workload name -> contract source. */
export const WORKLOADS: Readonly<Record<string, string>> = {
  "compute loop": `def main():
    total = 0
    for i in range(20000):
        if i % 3 == 0:
            total += i * i
        else:
            total -= i
    return total
`,
  "big-int arithmetic": `def main():
    a = 1
    b = 1
    for i in range(300):
        a, b = b, a + b
    x = a * b
    for i in range(50):
        x = (x * x) % (2 ** 521 - 1)
    return x % 1000000007
`,
  "containers": `def main():
    xs = []
    for i in range(2000):
        xs.append((i * 7919) % 1009)
    d = {}
    for x in xs:
        d[x] = d.get(x, 0) + 1
    ys = sorted(xs)
    return len(d), ys[0], ys[-1], sum([v for v in d.values() if v > 1])
`,
  "hashing": `from stdlib import hash

def main():
    data = b"animica" * 150
    digest = b""
    for i in range(200):
        digest = hash.sha3_256(data + digest)
    return digest
`,
  "storage": `from stdlib import storage

def main():
    for i in range(300):
        storage.set_int(i.to_bytes(4, "big"), i * i)
    total = 0
    for i in range(300):
        total += storage.get_int(i.to_bytes(4, "big"))
    return total
`,
  "modular loop": `def main():
    x = 1
    total = 0
    for i in range(20000):
        x = (x * 48271 + i) % 2147483647
        total = (total + x % 65521) % 1000000007
    return total
`,
  "255-bit modular": `def main():
    p = 2 ** 255 - 19
    x = 9
    y = 2 ** 254 + 12345
    for i in range(2000):
        x = (x * y + i) % p
        y = (y * y - x) % p
    return x ^ y
`,
  "dict+list sort": `def main():
    d = {}
    xs = []
    for i in range(3000):
        k = (i * 2654435761) % 4093
        d[k] = d.get(k, 0) + i
        xs.append(k)
    xs.sort()
    pairs = sorted(d.items())
    ys = sorted(list(d.values()))
    return len(xs), xs[1500], pairs[10], ys[-1]
`,
  "str-keyed dict + sort": `def main():
    d = {}
    for i in range(5000):
        k = "user" + str((i * 7919) % 2003)
        d[k] = d.get(k, 0) + i
    names = sorted(d.keys())
    pairs = sorted(d.items())
    return len(names), names[0], pairs[-1]
`,
  "chained sha3": `from stdlib import hash

def main():
    h = b"seed"
    for i in range(3000):
        h = hash.sha3_256(h)
    return h
`,
  "storage 30k": `from stdlib import storage

def main():
    for i in range(15000):
        storage.set_int(i.to_bytes(8, "big"), i * 40503)
    total = 0
    for i in range(15000):
        total += storage.get_int(i.to_bytes(8, "big"))
    return total
`,
};
