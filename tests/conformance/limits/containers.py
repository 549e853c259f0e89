# Lists, tuples and dicts: container_length holds on every path that grows a
# container, and every copy, search, comparison and sort is paid per item
# (issue 9, findings 3, 4 and 6; the slice-assignment, extend and comparison
# cases came from the earlier limits test).
# --- list doubled by slice assignment
# expect: limit container_length
def main():
    xs = [1]
    for i in range(40):
        xs[:0] = xs
    return len(xs)
# --- list extended past the cap
# expect: limit container_length
def main():
    xs = [0] * 60000
    xs.extend(xs)
    return len(xs)
# --- long lists compared in a loop
# expect: out-of-gas
def main():
    xs = list(range(60000))
    ys = list(range(60000))
    n = 0
    for i in range(100000):
        n += xs == ys
    return n
# --- append past the cap
# expect: limit container_length
def main():
    xs = [0] * 65536
    xs.append(1)
    return len(xs)
# --- insert past the cap
# expect: limit container_length
def main():
    xs = [0] * 65536
    xs.insert(0, 1)
    xs.insert(0, 2)
    return len(xs)
# --- dict union past the cap
# expect: limit container_length
def main():
    a = {}
    b = {}
    for i in range(60000):
        a[i] = 0
        b[-1 - i] = 0
    return len(a | b)
# --- dict update past the cap
# expect: limit container_length
def main():
    a = {}
    b = {}
    for i in range(60000):
        a[i] = 0
        b[-1 - i] = 0
    a.update(b)
    return len(a)
# --- dict setdefault past the cap
# expect: limit container_length
def main():
    a = {}
    for i in range(120000):
        a.setdefault(i, 0)
    return len(a)
# --- dict item assignment past the cap
# expect: limit container_length
def main():
    a = {}
    for i in range(120000):
        a[i] = 0
    return len(a)
# --- list comprehension past the cap
# expect: limit container_length
def main():
    return len([i for i in range(120000)])
# --- copies of a 65,536-item list appended in a loop
# expect: out-of-gas
def main():
    l = [0] * 65536
    outer = []
    while True:
        outer.append(list(l))
# --- slice assignment of one item in a long list in a loop
# expect: out-of-gas
def main():
    xs = [0] * 65536
    while True:
        xs[0:1] = [1]
# --- slice deletion in a long list in a loop
# expect: out-of-gas
def main():
    xs = [0] * 65536
    while True:
        del xs[0:1]
        xs.append(0)
# --- pop(0) of a long list in a loop
# expect: out-of-gas
def main():
    xs = [0] * 65536
    while True:
        xs.pop(0)
        xs.append(0)
# --- insert at the front of a long list in a loop
# expect: out-of-gas
def main():
    xs = [0] * 65535
    while True:
        xs.insert(0, 1)
        xs.pop()
# --- in on a long list in a loop
# expect: out-of-gas
def main():
    xs = [(0, 0)] * 65536
    n = 0
    while True:
        n += (0, 1) in xs
# --- count, index and remove on a long list in a loop
# expect: out-of-gas
def main():
    xs = [(0, 0)] * 65535 + [(0, 1)]
    while True:
        n = xs.count((0, 1))
        i = xs.index((0, 1))
        xs.remove((0, 1))
        xs.append((0, 1))
# --- min and max of a long list in a loop
# expect: out-of-gas
def main():
    xs = [(i, i) for i in range(65536)]
    while True:
        a = min(xs)
        b = max(xs)
# --- sorted of a long list of tuples in a loop
# expect: out-of-gas
def main():
    xs = [(65536 - i, i) for i in range(65536)]
    while True:
        ys = sorted(xs)
# --- list.sort of a long list in a loop
# expect: out-of-gas
def main():
    xs = [(65536 - i) * 7919 % 65537 for i in range(65536)]
    while True:
        ys = xs.copy()
        ys.sort(reverse=True)
# --- list, tuple and reversed of a long list in a loop
# expect: out-of-gas
def main():
    xs = [0] * 65536
    while True:
        a = list(xs)
        b = tuple(xs)
        c = list(reversed(xs))
# --- enumerate and zip of long lists in a loop
# expect: out-of-gas
def main():
    xs = [0] * 65536
    while True:
        a = list(enumerate(xs))
        b = list(zip(xs, xs))
# --- dict views compared in a loop
# expect: out-of-gas
def main():
    a = {}
    b = {}
    for i in range(30000):
        a[i] = i
        b[i] = i
    n = 0
    while True:
        n += a.keys() == b.keys()
        n += a.items() == b.items()
# --- dict of a long list of pairs in a loop
# expect: out-of-gas
def main():
    pairs = [(i, i) for i in range(65536)]
    while True:
        d = dict(pairs)
# --- sum of a long list in a loop
# expect: out-of-gas
def main():
    xs = [1 << 4000] * 65536
    while True:
        s = sum(xs)
# --- long list subscripted and sliced in a loop
# expect: out-of-gas
def main():
    xs = [0] * 65536
    while True:
        a = xs[1:-1]
        b = xs[::-1]
