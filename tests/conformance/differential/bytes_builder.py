# Builds binary frames from parts.
# args PARTS: [b"a", b"bc"] ;; [] ;; [b"", b""] ;; [b"\x00", b"\xff"] ;; [b"x", "y"] ;; [1, 2]
# args N: 0 ;; 3 ;; -1 ;; 256
# args SEP: b"|" ;; b"" ;; b"ab"
# call: frame(PARTS, SEP)
# call: zeros(N)
# call: from_list(N)
# call: split_frame(PARTS, SEP)

def frame(parts, sep):
    return sep.join(parts), len(parts)

def zeros(n):
    return bytes(n), bytes([n]) if 0 <= n < 256 else b""

def from_list(n):
    return bytes([n, n % 7]), bytes(range(n % 5))

def split_frame(parts, sep):
    raw = b"|".join(parts)
    return raw.split(sep), raw.split(sep, 1), raw.strip(b"|"), raw.upper(), raw.isdigit()
