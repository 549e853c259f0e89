"""Counter: one integer kept in storage, with get, inc and set."""

from __future__ import annotations

from typing import Final

from stdlib import abi, events, storage

KEY: Final[bytes] = b"counter:value"
MAX_VALUE: Final[int] = 2**255 - 1


def get() -> int:
    """Current value; 0 before the first write."""
    return storage.get_int(KEY)


def inc() -> int:
    """Adds one, emits Incremented and returns the new value."""
    value = get() + 1
    abi.require(value <= MAX_VALUE, b"counter overflow")
    storage.set_int(KEY, value)
    events.emit(b"Incremented", {"value": value})
    return value


def set(value: int) -> None:
    """Stores `value` (0 <= value <= MAX_VALUE) and emits Set."""
    abi.require(0 <= value <= MAX_VALUE, b"value out of range")
    storage.set_int(KEY, value)
    events.emit(b"Set", {"value": value})
