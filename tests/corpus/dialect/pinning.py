"""Keyword-only parameters, syscalls behind capabilities, random as a stream."""

from stdlib import random, storage, syscalls
from stdlib.syscalls import ai_enqueue, read_result


def _label(data: bytes, *, namespace: int = 24, tag: bytes = b"") -> list:
    return [data, namespace, tag]


def pin(data: bytes, *, namespace: int = 24) -> list:
    return [_label(data), _label(data, namespace=namespace, tag=b"t"), _label(tag=b"z", data=data)]


def enqueue(prompt: bytes) -> bytes:
    return ai_enqueue(prompt)


def result(task: bytes) -> bytes:
    return read_result(task)


def blob(data: bytes) -> bytes:
    return syscalls.blob_pin(data)


def set_split(split: int) -> None:
    storage.set_int(b"split", split)


def read() -> bytes:
    """32 random bytes, read in one piece or in pieces as set_split chose."""
    split = storage.get_int(b"split")
    if split == 0:
        return random.bytes(32)
    if split == 1:
        return syscalls.random(16) + random.bytes(16)
    return random.bytes(5) + random.bytes(0) + syscalls.random(20) + random.bytes(7)


def sizes(n: int) -> list:
    a = random.bytes(n)
    b = random.bytes(0)
    return [len(a), b]
