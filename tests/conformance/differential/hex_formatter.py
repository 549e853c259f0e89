# Formats addresses and digests as grouped hex for receipts.
# args DATA: b"" ;; b"\x01" ;; b"\x01\x02" ;; b"\x01\x02\x03\x04\x05" ;; b"\xff\x00\xab\xcd\xef\x12\x34" ;; bytes(range(9))
# args SEP: ":" ;; "-" ;; " " ;; b"|" ;; "" ;; "ab" ;; "\u00e9"
# args GROUP: 1 ;; 2 ;; -2 ;; 3 ;; 0 ;; 4
# call: grouped(DATA, SEP, GROUP)
# call: plain(DATA, SEP)
# call: roundtrip(DATA)

def grouped(data, sep, group):
    return data.hex(sep, group)

def plain(data, sep):
    return data.hex(sep), data.hex()

def roundtrip(data):
    text = data.hex()
    return bytes.fromhex(text) == data, bytes.fromhex(" ".join([text[i:i + 2] for i in range(0, len(text), 2)]))
