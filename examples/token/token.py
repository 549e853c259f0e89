"""Token: fungible balances with transfer, approve and transfer_from."""

from __future__ import annotations

from typing import Final

from stdlib import abi, context, events, storage

TOTAL_SUPPLY_KEY: Final[bytes] = b"token:supply"
BALANCE_PREFIX: Final[bytes] = b"token:balance:"
ALLOWANCE_PREFIX: Final[bytes] = b"token:allowance:"
OWNER_KEY: Final[bytes] = b"token:owner"


def _balance_key(owner: bytes) -> bytes:
    return BALANCE_PREFIX + owner


def _allowance_key(owner: bytes, spender: bytes) -> bytes:
    return ALLOWANCE_PREFIX + owner + b":" + spender


def init(supply: int) -> None:
    """Mints `supply` to the caller; callable once."""
    abi.require(storage.get(OWNER_KEY) == b"", b"already initialised")
    abi.require(supply >= 0, b"negative supply")
    storage.set(OWNER_KEY, context.sender)
    storage.set_int(TOTAL_SUPPLY_KEY, supply)
    storage.set_int(_balance_key(context.sender), supply)
    events.emit(b"Transfer", {"from": b"", "to": context.sender, "amount": supply})


def total_supply() -> int:
    return storage.get_int(TOTAL_SUPPLY_KEY)


def balance_of(owner: bytes) -> int:
    return storage.get_int(_balance_key(owner))


def allowance(owner: bytes, spender: bytes) -> int:
    return storage.get_int(_allowance_key(owner, spender))


def _move(source: bytes, target: bytes, amount: int) -> None:
    abi.require(amount >= 0, b"negative amount")
    available = balance_of(source)
    abi.require(available >= amount, b"insufficient balance")
    storage.set_int(_balance_key(source), available - amount)
    storage.set_int(_balance_key(target), balance_of(target) + amount)
    events.emit(b"Transfer", {"from": source, "to": target, "amount": amount})


def transfer(to: bytes, amount: int) -> bool:
    _move(context.sender, to, amount)
    return True


def approve(spender: bytes, amount: int) -> bool:
    abi.require(amount >= 0, b"negative amount")
    storage.set_int(_allowance_key(context.sender, spender), amount)
    events.emit(b"Approval", {"owner": context.sender, "spender": spender, "amount": amount})
    return True


def transfer_from(owner: bytes, to: bytes, amount: int) -> bool:
    allowed = allowance(owner, context.sender)
    abi.require(allowed >= amount, b"allowance exceeded")
    storage.set_int(_allowance_key(owner, context.sender), allowed - amount)
    _move(owner, to, amount)
    return True
