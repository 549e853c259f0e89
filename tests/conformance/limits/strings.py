# str and bytes: every scan is paid before it runs, searches and splits are
# linear, and no result is built past bytes_length (issue 9, findings 4 and 5;
# the join/replace/index/len/ordering cases came from the earlier limits test).
# --- bytes join of 64 Ki parts of 100 kB
# expect: limit bytes_length
def main():
    return b"".join([b"a" * 100000] * 65536)
# --- str join of large parts
# expect: limit bytes_length
def main():
    return "-".join(["\u00e9" * 600000] * 4)
# --- bytes replace with a 200 kB replacement
# expect: limit bytes_length
def main():
    return (b"ab" * 100).replace(b"a", b"x" * 200000)
# --- a long str indexed in a loop
# expect: out-of-gas
def main():
    s = "a" * 200000
    for i in range(100000):
        c = s[i]
    return c
# --- len of a long str in a loop
# expect: out-of-gas
def main():
    s = "a" * 200000
    n = 0
    for i in range(100000):
        n += len(s)
    return n
# --- long strs ordered in a loop
# expect: out-of-gas
def main():
    s = "a" * 200000
    t = "a" * 200000
    n = 0
    for i in range(100000):
        n += s < t
    return n
# --- "%.100000000x" % 1
# expect: limit bytes_length
def main():
    return len("%.100000000x" % 1)
# --- "%.600000000d" % 1
# expect: limit bytes_length
def main():
    return len("%.600000000d" % 1)
# --- "%0600000000d" % 1
# expect: limit bytes_length
def main():
    return len("%0600000000d" % 1)
# --- strip of a long str in a loop
# expect: out-of-gas
def main():
    s = " " * 500000 + "x" + " " * 500000
    while True:
        t = s.strip()
# --- lstrip of a long str in a loop
# expect: out-of-gas
def main():
    s = " " * 1000000 + "x"
    while True:
        t = s.lstrip()
# --- rstrip of long bytes in a loop
# expect: out-of-gas
def main():
    s = b"x" + b" " * 1000000
    while True:
        t = s.rstrip()
# --- removeprefix of a long str in a loop
# expect: out-of-gas
def main():
    s = "a" * 1000000
    p = "a" * 999999 + "b"
    while True:
        t = s.removeprefix(p)
# --- removesuffix of long bytes in a loop
# expect: out-of-gas
def main():
    s = b"a" * 1000000
    p = b"b" + b"a" * 999999
    while True:
        t = s.removesuffix(p)
# --- isdigit of a long str in a loop
# expect: out-of-gas
def main():
    s = "1" * 1000000
    while True:
        t = s.isdigit()
# --- isalpha of a long str in a loop
# expect: out-of-gas
def main():
    s = "a" * 1000000
    while True:
        t = s.isalpha()
# --- isalnum of a long str in a loop
# expect: out-of-gas
def main():
    s = "a" * 1000000
    while True:
        t = s.isalnum()
# --- zfill of a long str in a loop
# expect: out-of-gas
def main():
    s = "1" * 1000000
    while True:
        t = s.zfill(1000000)
# --- upper and lower of a long str in a loop
# expect: out-of-gas
def main():
    s = "a\u00e9" * 250000
    while True:
        t = s.upper().lower()
# --- find of a near-miss needle (O(n*m) when naive)
# expect: out-of-gas
def main():
    s = "a" * 1000000
    needle = "a" * 5000 + "b"
    while True:
        i = s.find(needle)
# --- count of a near-miss needle in bytes
# expect: out-of-gas
def main():
    s = b"a" * 1000000
    needle = b"a" * 5000 + b"b"
    while True:
        i = s.count(needle)
# --- in of a near-miss needle
# expect: out-of-gas
def main():
    s = "a" * 1000000
    needle = "a" * 5000 + "b"
    n = 0
    while True:
        n += needle in s
# --- startswith of a long prefix in a loop
# expect: out-of-gas
def main():
    s = "a" * 1000000
    p = "a" * 999999
    n = 0
    while True:
        n += s.startswith(p)
# --- split into many parts (O(n**2) when the rest is re-sliced)
# expect: out-of-gas
def main():
    s = "a," * 30000
    while True:
        parts = s.split(",")
# --- split of long bytes on whitespace
# expect: out-of-gas
def main():
    s = b"a " * 30000
    while True:
        parts = s.split()
# --- join of many short parts in a loop
# expect: out-of-gas
def main():
    parts = ["a"] * 65536
    while True:
        s = ",".join(parts)
# --- replace in a long str in a loop
# expect: out-of-gas
def main():
    s = "ab" * 500000
    while True:
        t = s.replace("a", "c")
# --- encode and decode of a long str in a loop
# expect: out-of-gas
def main():
    s = "\u00e9" * 500000
    while True:
        t = s.encode().decode()
# --- hex of long bytes in a loop
# expect: out-of-gas
def main():
    s = b"\x01" * 500000
    while True:
        t = s.hex()
# --- bytes.fromhex of a long str in a loop
# expect: out-of-gas
def main():
    s = "ab" * 500000
    while True:
        t = bytes.fromhex(s)
# --- bytes of bytes in a loop
# expect: out-of-gas
def main():
    s = b"a" * 1000000
    while True:
        t = bytes(s)
# --- str of bytes with an encoding in a loop
# expect: out-of-gas
def main():
    s = b"a" * 1000000
    while True:
        t = str(s, "utf-8")
# --- slices of a long str in a loop
# expect: out-of-gas
def main():
    s = "\u00e9" * 500000
    while True:
        t = s[1:-1]
        u = s[::-3]
# --- concatenation of long bytes in a loop
# expect: out-of-gas
def main():
    s = b"a" * 500000
    while True:
        t = s + s
# --- equality of long bytes in a loop
# expect: out-of-gas
def main():
    s = b"a" * 1000000
    t = b"a" * 1000000
    n = 0
    while True:
        n += s == t
# --- a long bytes key looked up in a loop
# expect: out-of-gas
def main():
    k = b"k" * 1000000
    d = {k: 1}
    n = 0
    while True:
        n += d[k]
# --- printf flags, precision digits and mapping keys are paid as they are read
# expect: out-of-gas
def main():
    d = {"a" * 50000: 1}
    k = "%(" + "a" * 50000 + ")d"
    f = "%" + "-" * 500000 + "d"
    p = "%." + "0" * 500000 + "d"
    while True:
        t = k % d
        t = f % 1
        t = p % 1
