# stdlib.storage: values respect storage_value and int_bits on the way in and
# out, and stored ints decode in linear time (issue 9, findings 4 and 6).
# --- storage.get_int of a 64 KiB value
# expect: limit int_bits
from stdlib import storage

def main():
    storage.set(b"k", b"\x7f" + b"\xff" * 65535)
    return storage.get_int(b"k").bit_length()
# --- storage.get_int of a 513-byte value
# expect: limit int_bits
from stdlib import storage

def main():
    storage.set(b"k", b"\x7f" + b"\xff" * 512)
    return storage.get_int(b"k").bit_length()
# --- storage.get_int of a 64 KiB value in a loop
# expect: limit int_bits | out-of-gas
from stdlib import storage

def main():
    storage.set(b"k", b"\x7f" + b"\xff" * 65535)
    n = 0
    while True:
        n += storage.get_int(b"k") & 1
# --- storage.set_int of a decoded huge int
# expect: limit int_bits | limit storage_value | error ValueError
from stdlib import abi, storage

def main():
    storage.set_int(b"k", abi.decode("int", b"\xff" * 150000 + b"\x01"))
# --- storage.set of a value past the cap
# expect: limit storage_value
from stdlib import storage

def main():
    storage.set(b"k", b"a" * 65537)
# --- storage.set of 64 KiB values in a loop
# expect: out-of-gas
from stdlib import storage

def main():
    v = b"a" * 65536
    i = 0
    while True:
        storage.set(i.to_bytes(4, "big"), v)
        i += 1
# --- storage.get of 64 KiB values in a loop
# expect: out-of-gas
from stdlib import storage

def main():
    storage.set(b"k", b"a" * 65536)
    n = 0
    while True:
        n += len(storage.get(b"k"))
# --- storage.set_int and get_int of 4096-bit ints in a loop
# expect: out-of-gas
from stdlib import storage

def main():
    x = (1 << 4095) + 12345
    while True:
        storage.set_int(b"k", x)
        y = storage.get_int(b"k")
