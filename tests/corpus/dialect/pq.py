"""pq_verify: a real ML-DSA / SLH-DSA signature check."""

from stdlib import pq_verify


def check(pubkey: bytes, message: bytes, signature: bytes) -> bool:
    return pq_verify.verify(pubkey, message, signature, scheme="Dilithium3")


def check_as(pubkey: bytes, message: bytes, signature: bytes, scheme: str) -> bool:
    return pq_verify.verify(pubkey, message, signature, scheme)
