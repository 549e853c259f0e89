"""Counter kept under one key, with an upstream-style manifest."""

from stdlib import abi, events, storage

KEY = b"counter"


def get() -> int:
    return storage.get_int(KEY)


def inc() -> int:
    value = storage.get_int(KEY) + 1
    storage.set_int(KEY, value)
    events.emit(b"Counter.Incremented", {"new": value})
    return value


def set(value: int) -> None:
    abi.require(value >= 0, b"negative")
    storage.set_int(KEY, value)
