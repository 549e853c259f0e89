"""Independent reference encoder for ABI v1 (spec/ABI.md), written from the
spec without looking at lib/abi/. tests/abi_vectors_test.ts runs it over
tests/vectors/abi.json so that the vectors do not merely echo our codec.

stdin: JSON array of [type, value] pairs, values in the JSON mapping
(ints exact, bytes/address as "0x" hex). stdout: JSON array of hex strings.
"""
import json
import sys


def parse_type(text):
    text = text.replace(" ", "")
    node, rest = _parse(text)
    if rest:
        raise ValueError("trailing text in type " + text)
    return node


def _parse(text):
    for scalar in ("int", "bool", "bytes", "str", "address"):
        if text.startswith(scalar) and not text[len(scalar):len(scalar) + 1].isalnum():
            return (scalar,), text[len(scalar):]
    if text.startswith("list<"):
        item, rest = _parse(text[5:])
        assert rest.startswith(">")
        return ("list", item), rest[1:]
    if text.startswith("tuple("):
        rest = text[6:]
        items = []
        while not rest.startswith(")"):
            item, rest = _parse(rest)
            items.append(item)
            if rest.startswith(","):
                rest = rest[1:]
        return ("tuple", items), rest[1:]
    raise ValueError("bad type " + text)


def uvarint(n):
    out = bytearray()
    while True:
        low = n & 0x7F
        n >>= 7
        if n:
            out.append(low | 0x80)
        else:
            out.append(low)
            return bytes(out)


def encode(kind, value):
    tag = kind[0]
    if tag == "int":
        assert isinstance(value, int) and not isinstance(value, bool)
        return uvarint(2 * value if value >= 0 else -2 * value - 1)
    if tag == "bool":
        return b"\x01" if value else b"\x00"
    if tag in ("bytes", "address"):
        raw = bytes.fromhex(value[2:])
        if tag == "address":
            assert len(raw) == 33
        return uvarint(len(raw)) + raw
    if tag == "str":
        raw = value.encode("utf-8")
        return uvarint(len(raw)) + raw
    if tag == "list":
        return uvarint(len(value)) + b"".join(encode(kind[1], item) for item in value)
    if tag == "tuple":
        assert len(value) == len(kind[1])
        return b"".join(encode(t, v) for t, v in zip(kind[1], value))
    raise ValueError(tag)


def main():
    cases = json.load(sys.stdin)
    json.dump(["0x" + encode(parse_type(t), v).hex() for t, v in cases], sys.stdout)


if __name__ == "__main__":
    main()
