# stdlib hashing, randomness and treasury: each is paid in proportion to its
# input and output, so a loop at the largest input runs out of gas in time.
# --- sha3_256 of 1 MiB in a loop
# expect: out-of-gas
from stdlib import hash

def main():
    data = b"a" * 1048576
    while True:
        h = hash.sha3_256(data)
# --- sha3_512 of 1 MiB in a loop
# expect: out-of-gas
from stdlib import hash

def main():
    data = b"a" * 1048576
    while True:
        h = hash.sha3_512(data)
# --- keccak256 of 1 MiB in a loop
# expect: out-of-gas
from stdlib import hash

def main():
    data = b"a" * 1048576
    while True:
        h = hash.keccak256(data)
# --- blake3 of 1 MiB in a loop
# expect: out-of-gas
from stdlib import hash

def main():
    data = b"a" * 1048576
    while True:
        h = hash.blake3(data)
# --- random.bytes of 1 MiB in a loop
# expect: out-of-gas
from stdlib import random

def main():
    while True:
        r = random.bytes(1048576)
# --- random.bytes past the cap
# expect: limit bytes_length
from stdlib import random

def main():
    return len(random.bytes(1048577))
# --- treasury.balance in a loop
# expect: out-of-gas
from stdlib import treasury

def main():
    n = 0
    while True:
        n += treasury.balance()
