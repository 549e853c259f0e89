"""ABI v1 shorthands, storage defaults and exists, module constants from pure stdlib calls."""

from stdlib import abi, hash, storage
from stdlib.hash import sha3_256

DOMAIN = hash.sha3_256(b"dialect:codec")
SHORT = sha3_256(b"k")[:4]
ENCODED = abi.encode_int(300)


def shorthands() -> list:
    return [
        abi.encode_int(-3),
        abi.encode_int(300) == ENCODED,
        abi.encode_bytes(b"ab"),
        abi.decode_int(abi.encode_int(-12345)),
        abi.encode_struct({"a": 1, "b": b"x", "c": True, "d": "hi"}),
        abi.encode_struct((2, b"")),
        abi.hex(b"\x01\xff"),
    ]


def bad_struct() -> bytes:
    return abi.encode_struct({"nested": [1]})


def bad_decode() -> int:
    return abi.decode_int(b"\x05\x00")


def stored(key: bytes) -> list:
    before = [storage.exists(key), storage.get(key), storage.get(key, None), storage.get(key, 7)]
    storage.set(key, DOMAIN)
    after = [storage.exists(key), storage.get(key) == DOMAIN, storage.get(key, 7) == DOMAIN]
    storage.set(key, b"")
    return before + after + [storage.exists(key), SHORT]


def kinds(x: bytes) -> list:
    return [
        isinstance(x, (bytes, bytearray)),
        isinstance(x, bytearray),
        isinstance(x, (memoryview, bytearray)),
        isinstance(1, (bytearray, int)),
        isinstance("s", (str, memoryview)),
    ]
