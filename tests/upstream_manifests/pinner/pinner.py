"""Pins blobs through the blob.pin capability and counts them."""

from stdlib import events, storage, syscalls


def pin(data: bytes, namespace: int) -> bytes:
    commitment = syscalls.blob_pin(namespace, data)
    storage.set_int(b"pins", storage.get_int(b"pins") + 1)
    events.emit(b"Pinned", {"namespace": namespace, "size": len(data)})
    return commitment


def pins() -> int:
    return storage.get_int(b"pins")
