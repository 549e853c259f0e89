"""Independent reference for chain receipts and roots (spec/RECEIPTS.md),
written from the spec without looking at lib/chain/. It builds
tests/vectors/receipts.json (through tools/gen_receipt_vectors.ts) and
tests/receipts_vectors_test.ts runs it again over the file, so the vectors
do not merely echo our implementation. Its Merkle tree is computed level
by level, not with the library's stack of subtrees.

stdin: JSON {"receipts": [{"status", "gasUsed" (decimal text), "logs":
[{"address" hex, "signature", "args": [JSON values]} or {"address",
"undeclared": hex name}]}], "rootCounts": [n...], "state": [[key hex,
value hex]...]}.
stdout: JSON {"receipts": [{"logs": [{"topics", "data"}], "bloom",
"bytes", "hash"}], "receiptsRoots": [{"count", "root"}], "stateRoot"}.
"""
import hashlib
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from abi_reference import encode as abi_encode, parse_type, uvarint  # noqa: E402


def sha3(data):
    return hashlib.sha3_256(data).digest()


def unhex(text):
    assert text.startswith("0x")
    return bytes.fromhex(text[2:])


def head(major, n):
    if n < 24:
        return bytes([(major << 5) | n])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if n < 1 << (8 * size):
            return bytes([(major << 5) | info]) + n.to_bytes(size, "big")
    raise ValueError("too large for CBOR head")


def cbor(value):
    if isinstance(value, int):
        assert value >= 0
        return head(0, value)
    if isinstance(value, bytes):
        return head(2, len(value)) + value
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return head(3, len(raw)) + raw
    if isinstance(value, list):
        return head(4, len(value)) + b"".join(cbor(item) for item in value)
    if isinstance(value, dict):
        pairs = sorted((cbor(k), cbor(v)) for k, v in value.items())
        # Deterministic order (RFC 8949 4.2.1): bytewise order of the encoded keys.
        return head(5, len(pairs)) + b"".join(k + v for k, v in pairs)
    raise TypeError(type(value))


def log_parts(log):
    if "undeclared" in log:
        name = unhex(log["undeclared"])
        return [sha3(b"animica:event:undeclared|" + name)], uvarint(len(name)) + name
    signature = log["signature"]
    name, rest = signature.split("(", 1)
    types = parse_type("tuple(" + rest)
    return [sha3(signature.encode("utf-8"))], abi_encode(types, log["args"])


def bloom_of(logs):
    bloom = bytearray(256)
    for address, topics in logs:
        for item in [address] + topics:
            digest = sha3(item)
            for i in range(3):
                bit = ((digest[2 * i] << 8) | digest[2 * i + 1]) & 0x7FF
                bloom[bit // 8] |= 1 << (bit % 8)
    return bytes(bloom)


def merkle(items):
    if not items:
        return sha3(b"")
    level = [sha3(b"\x00" + item) for item in items]
    while len(level) > 1:
        paired = [sha3(b"\x01" + level[i] + level[i + 1]) for i in range(0, len(level) - 1, 2)]
        if len(level) % 2 == 1:
            paired.append(level[-1])
        level = paired
    return level[0]


def receipt(case):
    logs = []
    for log in case["logs"]:
        topics, data = log_parts(log)
        logs.append((unhex(log["address"]), topics, data))
    body = cbor({
        "status": case["status"],
        "gasUsed": int(case["gasUsed"]),
        "logs": [{"address": a, "topics": t, "data": d} for a, t, d in logs],
        "bloom": bloom_of([(a, t) for a, t, _ in logs]),
    })
    return {
        "logs": [{"topics": ["0x" + t.hex() for t in topics], "data": "0x" + data.hex()}
                 for _, topics, data in logs],
        "bloom": "0x" + bloom_of([(a, t) for a, t, _ in logs]).hex(),
        "bytes": "0x" + body.hex(),
        "hash": "0x" + sha3(b"animica:tx-receipt:v1|" + body).hex(),
    }


def state_root(entries):
    pairs = sorted((unhex(k), unhex(v)) for k, v in entries)
    return merkle([len(k).to_bytes(4, "big") + k + v for k, v in pairs if k != b"\x07"])


def main():
    request = json.load(sys.stdin)
    receipts = [receipt(case) for case in request["receipts"]]
    hashes = [unhex(r["hash"]) for r in receipts]
    json.dump({
        "receipts": receipts,
        "receiptsRoots": [{"count": n, "root": "0x" + merkle(hashes[:n]).hex()}
                          for n in request["rootCounts"]],
        "stateRoot": "0x" + state_root(request["state"]).hex(),
    }, sys.stdout)


if __name__ == "__main__":
    main()
