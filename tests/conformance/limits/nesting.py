# Walks over values: nesting depth and aliasing cannot make a walk (compare,
# repr, encode, hash as a key, output) overflow the JS stack, depend on the
# engine's warm-up, or run unpaid (issue 9, findings 3 and 5). CPython raises
# RecursionError for the deep cases; the VM may instead cap nesting with a
# typed limit, or walk iteratively.
# --- == of lists nested 100,000 deep
# expect: error RecursionError | limit | ok True
# repeat: 8
def main():
    x = []
    y = []
    for i in range(100000):
        x = [x]
        y = [y]
    return x == y
# --- < of lists nested 100,000 deep
# expect: error RecursionError | limit | ok False
# repeat: 8
def main():
    x = []
    y = []
    for i in range(100000):
        x = [x]
        y = [y]
    return x < y
# --- str of a list nested 100,000 deep
# expect: error RecursionError | limit
# repeat: 8
def main():
    x = []
    for i in range(100000):
        x = [x]
    return len(str(x))
# --- a tuple nested 100,000 deep as a dict key
# expect: ok 1 | error RecursionError | limit
# repeat: 8
def main():
    t = ()
    for i in range(100000):
        t = (t,)
    d = {t: 1}
    return d[t]
# --- returning a list nested 100,000 deep
# expect: ok 0 | error RecursionError | limit
# repeat: 8
def main():
    x = []
    for i in range(100000):
        x = [x]
    return x
# --- abi.encode of a list nested 100,000 deep
# expect: error RecursionError | limit | error TypeError | error ValueError
# repeat: 8
from stdlib import abi

def main():
    x = []
    for i in range(100000):
        x = [x]
    return len(abi.encode("list<int>", x))
# --- == of aliased 128**4 lists
# expect: out-of-gas | limit
def main():
    a = [[[[0] * 128] * 128] * 128] * 128
    b = [[[[0] * 128] * 128] * 128] * 128
    return a == b
# --- str of aliased 128**4 lists
# expect: out-of-gas | limit
def main():
    a = [[[[0] * 128] * 128] * 128] * 128
    return len(str(a))
# --- abi.encode of aliased 128**4 lists
# expect: out-of-gas | limit
from stdlib import abi

def main():
    a = [[[[0] * 128] * 128] * 128] * 128
    return len(abi.encode("list<list<list<list<int>>>>", a))
# --- events.emit of aliased 128**4 lists
# expect: out-of-gas | limit
from stdlib import events

def main():
    a = [[[[0] * 128] * 128] * 128] * 128
    events.emit(b"Big", {"a": a})
# --- returning aliased 128**4 lists
# expect: out-of-gas | limit
def main():
    return [[[[0] * 128] * 128] * 128] * 128
# --- an aliased 256**4 tuple as a dict key
# expect: out-of-gas | limit
def main():
    t = (0,) * 256
    t = (t,) * 256
    t = (t,) * 256
    t = (t,) * 256
    d = {t: 1}
    return len(d)
# --- aliased 256**3 tuples compared
# expect: out-of-gas
def main():
    s = (0,) * 256
    t = (s,) * 256
    u = (t,) * 256
    s2 = (0,) * 256
    t2 = (s2,) * 256
    u2 = (t2,) * 256
    return u == u2
# --- an aliased 256**3 tuple searched with in
# expect: out-of-gas
def main():
    s = (0,) * 256
    t = (s,) * 256
    u = (t,) * 256
    s2 = (0,) * 256
    t2 = (s2,) * 256
    u2 = (t2,) * 256
    return u in [0, u2]
