# stdlib.abi: decoding trusts no count or length (a count of zero-size items
# cannot build millions of values) and respects int_bits and
# container_length; encoding is paid per node (issue 9, findings 3 and 6).
# --- abi.decode of 16.7M empty tuples
# expect: limit container_length | error ValueError
from stdlib import abi

def main():
    return len(abi.decode("list<tuple()>", b"\xff\xff\xff\x07"))
# --- abi.decode of 29 lists of 16.7M empty tuples
# expect: limit container_length | error ValueError
from stdlib import abi

def main():
    return len(abi.decode("list<list<tuple()>>", b"\x1d" + b"\xff\xff\xff\x07" * 29))
# --- abi.decode of 65,537 ints
# expect: limit container_length | error ValueError
from stdlib import abi

def main():
    return len(abi.decode("list<int>", b"\x81\x80\x04" + b"\x00" * 65537))
# --- abi.decode of a 1,050,000-bit int
# expect: limit int_bits | error ValueError
from stdlib import abi

def main():
    return abi.decode("int", b"\xff" * 150000 + b"\x01").bit_length()
# --- abi.decode of a 4,100-bit int
# expect: limit int_bits | error ValueError
from stdlib import abi

def main():
    return abi.decode("int", b"\xff" * 586 + b"\x7f").bit_length()
# --- abi.decode of a list of long bytes in a loop
# expect: out-of-gas
from stdlib import abi

def main():
    data = abi.encode("list<bytes>", [b"a" * 1000] * 1000)
    while True:
        xs = abi.decode("list<bytes>", data)
# --- abi.encode of a list of 4096-bit ints in a loop
# expect: out-of-gas
from stdlib import abi

def main():
    xs = [(1 << 4095) + 1] * 1500
    while True:
        data = abi.encode("list<int>", xs)
# --- abi.decode of nested lists of ints in a loop
# expect: out-of-gas
from stdlib import abi

def main():
    data = abi.encode("list<list<int>>", [[1, 2, 3, 4, 5, 6, 7, 8]] * 8000)
    while True:
        xs = abi.decode("list<list<int>>", data)
