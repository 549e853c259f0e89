"""Runs contract programs under CPython 3.11 as the oracle of the runtime
differential test. `stdlib` is modelled here (storage, events, abi, hash,
context) closely enough for the corpus; it is test code, not the VM.

stdin: JSON array of sources, each defining main(). stdout: JSON array of
outcomes: {"ok": value} | {"error": ExceptionName} | {"revert": hex},
with values in the VM's JSON mapping (bytes as 0x hex, tuples as arrays,
dicts as objects with repr() of non-str keys), plus the events emitted.
"""
import hashlib
import json
import os
import sys
import types

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import abi_reference  # noqa: E402


class Revert(Exception):
    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def build_stdlib(state, events):
    stdlib = types.ModuleType("stdlib")

    storage = types.SimpleNamespace()
    storage.get = lambda key: state.get(bytes(key), b"")

    def set_(key, value):
        if value:
            state[bytes(key)] = bytes(value)
        else:
            state.pop(bytes(key), None)

    def get_int(key, default=0):
        raw = state.get(bytes(key))
        return default if raw is None else int.from_bytes(raw, "big", signed=True)

    def set_int(key, value):
        length = 0
        while value and not (-(1 << (8 * length - 1)) <= value < (1 << (8 * length - 1)) if length else False):
            length += 1
        set_(key, value.to_bytes(length, "big", signed=True) if value else b"")

    storage.set = set_
    storage.delete = lambda key: state.pop(bytes(key), None)
    storage.get_int = get_int
    storage.set_int = set_int

    ev = types.SimpleNamespace(emit=lambda name, args: events.append((name, dict(args))))

    def require(cond, reason=b""):
        if not cond:
            raise Revert(reason.encode() if isinstance(reason, str) else reason)

    def revert(reason=b""):
        raise Revert(reason.encode() if isinstance(reason, str) else reason)

    def to_json(kind, value):
        tag = kind[0]
        if tag in ("bytes", "address"):
            return "0x" + bytes(value).hex()
        if tag == "list":
            return [to_json(kind[1], item) for item in value]
        if tag == "tuple":
            return [to_json(t, item) for t, item in zip(kind[1], value)]
        return value

    def encode_(type_text, value):
        kind = abi_reference.parse_type(type_text)
        try:
            return abi_reference.encode(kind, to_json(kind, value))
        except (AssertionError, AttributeError, TypeError) as error:
            # spec/RUNTIME.md: a value that does not fit its ABI type is TypeError
            raise TypeError(f"value does not fit {type_text}") from error

    def decode_(type_text, data):
        value, rest = read(abi_reference.parse_type(type_text), bytes(data))
        if rest:
            raise ValueError("trailing bytes")
        return value

    abi = types.SimpleNamespace(require=require, revert=revert, encode=encode_, decode=decode_)
    hashes = types.SimpleNamespace(
        sha3_256=lambda data: hashlib.sha3_256(data).digest(),
        sha3_512=lambda data: hashlib.sha3_512(data).digest(),
    )
    context = types.SimpleNamespace(
        sender=b"\x01" + b"\x00" * 32, value=0, block_height=1, chain_id=1,
    )
    for name, value in [("storage", storage), ("events", ev), ("abi", abi), ("hash", hashes), ("context", context)]:
        setattr(stdlib, name, value)
    return stdlib


def uvarint_read(data):
    value, shift = 0, 0
    for index, byte in enumerate(data):
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, data[index + 1:]
    raise ValueError("truncated varint")


def read(kind, data):
    tag = kind[0]
    if tag == "int":
        z, rest = uvarint_read(data)
        return (z >> 1) if z % 2 == 0 else -((z + 1) >> 1), rest
    if tag == "bool":
        return data[0] == 1, data[1:]
    if tag in ("bytes", "str", "address"):
        n, rest = uvarint_read(data)
        raw = rest[:n]
        return (raw.decode("utf-8") if tag == "str" else raw), rest[n:]
    if tag == "list":
        n, rest = uvarint_read(data)
        items = []
        for _ in range(n):
            item, rest = read(kind[1], rest)
            items.append(item)
        return items, rest
    items = []
    for item_kind in kind[1]:
        item, data = read(item_kind, data)
        items.append(item)
    return tuple(items), data


def encode(value):
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, bytes):
        return "0x" + value.hex()
    if isinstance(value, (list, tuple)):
        return [encode(item) for item in value]
    if isinstance(value, dict):
        return {k if isinstance(k, str) else repr(k): encode(v) for k, v in value.items()}
    return repr(value)


def run(source):
    state, events = {}, []
    sys.modules["stdlib"] = build_stdlib(state, events)
    scope = {"__name__": "contract"}
    try:
        exec(compile(source, "contract.py", "exec"), scope)
        outcome = {"ok": encode(scope["main"]())}
    except Revert as error:
        return {"revert": "0x" + bytes(error.reason).hex()}
    except Exception as error:  # the exception type is what is compared
        return {"error": type(error).__name__}
    outcome["events"] = [[name.decode("utf-8", "replace"), encode(args)] for name, args in events]
    return outcome


def main():
    sys.set_int_max_str_digits(0)
    json.dump([run(source) for source in json.load(sys.stdin)], sys.stdout)


if __name__ == "__main__":
    main()
