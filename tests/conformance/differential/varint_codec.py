# Fixed-width integer fields for a binary wire format.
# args N: 0 ;; 1 ;; -1 ;; 255 ;; 256 ;; -128 ;; -129 ;; 2 ** 63 ;; -(2 ** 63) ;; 65535
# args WIDTH: 0 ;; 1 ;; 2 ;; 8 ;; 9
# args ORDER: "big" ;; "little" ;; "BIG" ;; "mid"
# args RAW: b"" ;; b"\x00" ;; b"\xff" ;; b"\x80\x00" ;; [1, 2] ;; [256] ;; "ab" ;; (0, 255) ;; range(3)
# call: pack(N, WIDTH, ORDER)
# call: pack_signed(N, WIDTH)
# call: unpack(RAW, ORDER)
# call: unpack_signed(RAW)
# call: roundtrip(N)

def pack(n, width, order):
    return n.to_bytes(width, order)

def pack_signed(n, width):
    return n.to_bytes(width, "big", signed=True), n.to_bytes(width, byteorder="little", signed=True)

def unpack(raw, order):
    return int.from_bytes(raw, order)

def unpack_signed(raw):
    return int.from_bytes(raw, "big", signed=True), int.from_bytes(raw, "little", signed=False)

def roundtrip(n):
    width = (n.bit_length() + 8) // 8
    raw = n.to_bytes(width, "big", signed=True)
    return raw, int.from_bytes(raw, "big", signed=True) == n, n.bit_length()
