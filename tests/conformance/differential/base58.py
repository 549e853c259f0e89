# Base58 encoding of identifiers (as used for human-readable addresses).
# args RAW: b"" ;; b"\x00" ;; b"\x00\x00\x01" ;; b"hello" ;; b"\xff" * 9 ;; bytes(range(1, 20))
# args TEXT: "" ;; "1" ;; "2NEpo7TZRRrLZSi2U" ;; "0OIl" ;; "11z"
# call: encode(RAW)
# call: decode(TEXT)
ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"

def encode(raw):
    n = int.from_bytes(raw, "big")
    out = ""
    while n > 0:
        n, r = divmod(n, 58)
        out = ALPHABET[r] + out
    pad = len(raw) - len(raw.lstrip(b"\x00"))
    return "1" * pad + out

def decode(text):
    n = 0
    for c in text:
        n = n * 58 + ALPHABET.index(c)
    pad = len(text) - len(text.lstrip("1"))
    body = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes(pad) + body
