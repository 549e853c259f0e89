"""Escrow: a depositor locks value for a beneficiary; an arbiter releases or refunds."""

from __future__ import annotations

from typing import Final

from stdlib import abi, context, events, storage, treasury

DEPOSITOR: Final[bytes] = b"escrow:depositor"
BENEFICIARY: Final[bytes] = b"escrow:beneficiary"
ARBITER: Final[bytes] = b"escrow:arbiter"
AMOUNT: Final[bytes] = b"escrow:amount"
STATE: Final[bytes] = b"escrow:state"

OPEN: Final[int] = 1
RELEASED: Final[int] = 2
REFUNDED: Final[int] = 3


def deposit(beneficiary: bytes, arbiter: bytes) -> int:
    """Locks the call's value; the caller becomes the depositor."""
    abi.require(storage.get_int(STATE) == 0, b"escrow already used")
    abi.require(context.value > 0, b"nothing deposited")
    storage.set(DEPOSITOR, context.sender)
    storage.set(BENEFICIARY, beneficiary)
    storage.set(ARBITER, arbiter)
    storage.set_int(AMOUNT, context.value)
    storage.set_int(STATE, OPEN)
    events.emit(b"Deposited", {"from": context.sender, "amount": context.value})
    return context.value


def _settle(recipient_key: bytes, final_state: int, event: bytes) -> int:
    abi.require(storage.get_int(STATE) == OPEN, b"escrow not open")
    abi.require(context.sender == storage.get(ARBITER), b"only the arbiter may settle")
    amount = storage.get_int(AMOUNT)
    recipient = storage.get(recipient_key)
    storage.set_int(STATE, final_state)
    treasury.transfer(recipient, amount)
    events.emit(event, {"to": recipient, "amount": amount})
    return amount


def release() -> int:
    return _settle(BENEFICIARY, RELEASED, b"Released")


def refund() -> int:
    return _settle(DEPOSITOR, REFUNDED, b"Refunded")


def state() -> int:
    return storage.get_int(STATE)
