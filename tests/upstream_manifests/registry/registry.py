"""Name registry: a 32-byte key names an owner and a label."""

from stdlib import abi, context, events, storage


def register(key: bytes, label: str) -> None:
    abi.require(len(storage.get(b"o:" + key)) == 0, b"taken")
    storage.set(b"o:" + key, context.sender)
    storage.set(b"l:" + key, label.encode())
    events.emit(b"Registered", {"key": key, "owner": context.sender, "label": label})


def owner_of(key: bytes) -> bytes:
    return storage.get(b"o:" + key)


def label_of(key: bytes) -> str:
    return storage.get(b"l:" + key).decode()


def total(amounts: list[int]) -> int:
    return sum(amounts)
