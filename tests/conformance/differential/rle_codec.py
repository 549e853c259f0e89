# Run-length encoding of byte strings.
# args RAW: b"" ;; b"aaab" ;; b"\x00\x00\x00\x00" ;; b"abc" ;; b"\xff" * 300 ;; bytes([1, 1, 2, 2, 2])
# args PACKED: b"" ;; b"\x03a\x01b" ;; b"\x00a" ;; b"\x02" ;; b"\xffz"
# call: encode(RAW)
# call: decode(PACKED)

def encode(raw):
    out = b""
    i = 0
    while i < len(raw):
        j = i
        while j < len(raw) and raw[j] == raw[i] and j - i < 255:
            j += 1
        out += bytes([j - i, raw[i]])
        i = j
    return out

def decode(packed):
    out = b""
    for i in range(0, len(packed), 2):
        out += packed[i + 1:i + 2] * packed[i]
    return out, len(out)
