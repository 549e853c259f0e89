"""Lottery: players buy tickets with value; the owner draws a winner from the
deterministic random stream and the pot is paid out through the treasury."""

from __future__ import annotations

from typing import Final

from stdlib import abi, context, events, hash, random, storage, treasury

OWNER: Final[bytes] = b"lottery:owner"
COUNT: Final[bytes] = b"lottery:count"
WINNER: Final[bytes] = b"lottery:winner"
PLAYER_PREFIX: Final[bytes] = b"lottery:player:"
PRICE: Final[int] = 10


def _player_key(index: int) -> bytes:
    return PLAYER_PREFIX + index.to_bytes(4, "big")


def open_round() -> None:
    """Opens the round; the caller becomes its owner."""
    abi.require(storage.get(OWNER) == b"", b"already open")
    storage.set(OWNER, context.sender)


def buy() -> int:
    """Buys one ticket for exactly PRICE; returns the ticket index."""
    abi.require(storage.get(OWNER) != b"", b"not open")
    abi.require(storage.get(WINNER) == b"", b"already drawn")
    abi.require(context.value == PRICE, b"a ticket costs 10")
    index = storage.get_int(COUNT)
    storage.set(_player_key(index), context.sender)
    storage.set_int(COUNT, index + 1)
    events.emit(b"Ticket", {"player": context.sender, "index": index})
    return index


def draw() -> bytes:
    """Picks the winner, pays out the pot and returns the winner's address."""
    abi.require(context.sender == storage.get(OWNER), b"only the owner draws")
    abi.require(storage.get(WINNER) == b"", b"already drawn")
    count = storage.get_int(COUNT)
    abi.require(count > 0, b"no tickets")
    seed = hash.sha3_256(random.bytes(32) + context.tx_hash)
    winner = storage.get(_player_key(int.from_bytes(seed, "big") % count))
    prize = treasury.balance()
    treasury.transfer(winner, prize)
    storage.set(WINNER, winner)
    events.emit(b"Drawn", {"winner": winner, "prize": prize})
    return winner


def tickets() -> int:
    return storage.get_int(COUNT)
