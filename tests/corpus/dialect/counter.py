from __future__ import annotations

"""Counter in the upstream Animica style: submodule imports, bytes event keys."""

from stdlib.abi import require, revert
from stdlib.events import emit
from stdlib.storage import get_int, set_int

__all__ = ["get", "inc", "set"]

KEY = b"counter"


def get() -> int:
    return get_int(KEY)


def inc() -> int:
    value = get_int(KEY) + 1
    set_int(KEY, value)
    emit(b"Counter.Incremented", {b"new": value})
    return value


def set(value: int) -> None:
    if value < 0:
        revert(b"negative")
    require(value < 2**64, b"too large")
    set_int(KEY, value)
    emit(b"Counter.Set", {b"value": value})


def bump_twice() -> int:
    inc()
    return inc()


def _reset() -> None:
    set_int(KEY, 0)


"""ABI notes: get() -> int; inc() -> int; set(value: int)."""
