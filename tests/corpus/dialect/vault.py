from __future__ import annotations

"""Vault in the upstream Animica style: try/except/finally across calls, raise, keyword-only."""

from stdlib import abi
from stdlib.events import emit
from stdlib.storage import get_int, set_int

BALANCE = b"vault:balance"


def _take(amount: int, *, fee: int = 1) -> int:
    balance = get_int(BALANCE)
    if amount <= 0:
        raise ValueError("amount must be positive")
    if amount + fee > balance:
        raise LookupError("insufficient", amount + fee, balance)
    set_int(BALANCE, balance - amount - fee)
    return balance - amount - fee


def deposit(amount: int) -> int:
    set_int(BALANCE, get_int(BALANCE) + amount)
    return get_int(BALANCE)


def withdraw(amount: int) -> list:
    steps = []
    try:
        left = _take(amount, fee=2)
    except ValueError as e:
        steps.append("bad: " + str(e))
        left = -1
    except LookupError as e:
        steps.append("short: " + str(e.args[1] - e.args[2]))
        left = -2
    else:
        emit(b"Vault.Withdrawn", {b"amount": amount, b"left": left})
        steps.append("ok")
    finally:
        steps.append("done")
    return [left, steps]


def strict(amount: int) -> int:
    try:
        return _take(amount)
    except ValueError:
        abi.revert(b"refused")
    finally:
        emit(b"Vault.Tried", {b"amount": amount})


def divide(a: int, b: int) -> int:
    try:
        return a // b
    except ArithmeticError as e:
        raise RuntimeError("cannot divide: " + str(e))
