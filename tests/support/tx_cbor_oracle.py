"""An independent reader of spec/TX.md's vectors: a small deterministic-CBOR
decoder and encoder (RFC 8949 section 4.2.1) written from the RFC, not from
the TypeScript codec, plus hashlib's SHA3-256. Reads tests/vectors/tx.json on
stdin; prints one JSON object per vector with what it recomputed."""

import hashlib
import json
import sys


class Tag:
    def __init__(self, number, content):
        self.number = number
        self.content = content


def read(data, at):
    """The item at `at` and the offset after it; refuses every non-shortest head."""
    head = data[at]
    major, info = head >> 5, head & 0x1F
    at += 1
    if info < 24:
        arg = info
    elif info <= 27:
        size = 1 << (info - 24)
        arg = int.from_bytes(data[at:at + size], "big")
        if len(data[at:at + size]) != size:
            raise ValueError("truncated head")
        at += size
        if arg < (24 if size == 1 else 1 << (4 * size)):
            raise ValueError("head is not the shortest")
    else:
        raise ValueError("indefinite length or reserved head")
    if major == 0:
        return arg, at
    if major in (2, 3):
        chunk = data[at:at + arg]
        if len(chunk) != arg:
            raise ValueError("truncated string")
        return (bytes(chunk) if major == 2 else chunk.decode("utf-8")), at + arg
    if major == 4:
        items = []
        for _ in range(arg):
            item, at = read(data, at)
            items.append(item)
        return items, at
    if major == 5:
        pairs = []
        for _ in range(arg):
            key, at = read(data, at)
            value, at = read(data, at)
            pairs.append((key, value))
        return dict(pairs), at
    if major == 6:
        content, at = read(data, at)
        return Tag(arg, content), at
    raise ValueError(f"major type {major} is not used by transactions")


def head(major, arg):
    if arg < 24:
        return bytes([major << 5 | arg])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if arg < 1 << (8 * size):
            return bytes([major << 5 | info]) + arg.to_bytes(size, "big")
    raise ValueError("integer over 64 bits")


def write(value):
    if isinstance(value, int):
        if value >= 1 << 64:
            raw = value.to_bytes((value.bit_length() + 7) // 8, "big")
            return head(6, 2) + head(2, len(raw)) + raw
        return head(0, value)
    if isinstance(value, bytes):
        return head(2, len(value)) + value
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return head(3, len(raw)) + raw
    if isinstance(value, list):
        return head(4, len(value)) + b"".join(write(item) for item in value)
    if isinstance(value, dict):
        pairs = sorted((write(key), write(item)) for key, item in value.items())
        return head(5, len(pairs)) + b"".join(key + item for key, item in pairs)
    raise ValueError(f"cannot write {type(value)}")


def plain(value):
    """Bignum tags as Python ints (the only tag transactions use)."""
    if isinstance(value, Tag):
        assert value.number == 2
        return int.from_bytes(value.content, "big")
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value


def check(vector):
    tx = bytes.fromhex(vector["tx"][2:])
    value, end = read(tx, 0)
    assert end == len(tx), "bytes after the map"
    value = plain(value)
    unsigned = {key: item for key, item in value.items() if key != "auth"}
    alg = value["auth"][0]["alg"]
    domain = b"animica:tx-sign:v1|" + value["chainId"].to_bytes(8, "big") + bytes([alg])
    return {
        "name": vector["name"],
        "reencoded": write(value) == tx,
        "keys": list(value.keys()),
        "unsignedTx": "0x" + write(unsigned).hex(),
        "signBytes": "0x" + (domain + write(unsigned)).hex(),
        "signature": "0x" + value["auth"][0]["sig"].hex(),
        "sender": "0x" + (bytes([alg]) + hashlib.sha3_256(value["auth"][0]["pk"]).digest()).hex(),
        "txHash": "0x" + hashlib.sha3_256(b"animica:signed-tx:v1|" + tx).hexdigest(),
    }


print(json.dumps([check(vector) for vector in json.load(sys.stdin)["vectors"]]))
