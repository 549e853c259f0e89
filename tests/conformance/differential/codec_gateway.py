# Bridges text between encodings the way an oracle adapter would.
# args TEXT: "h\u00e9!" ;; "abc" ;; "\U0001f600" ;; "\ufeffx" ;; "" ;; "\xff\xfe"
# args RAW: b"h\xc3\xa9!" ;; b"abc" ;; b"\xef\xbb\xbfhi" ;; b"\xff\xfe" ;; b"\xc3" ;; b"\xf0\x9f\x98\x80"
# args CODEC: "utf-8" ;; "utf8" ;; "UTF-8" ;; "utf_8" ;; "U8" ;; "ascii" ;; "us-ascii" ;; "latin-1" ;; "latin1" ;; "iso-8859-1" ;; "utf-8-sig" ;; "cp1252" ;; "nope"
# args ERRORS: "strict" ;; "ignore" ;; "replace" ;; "backslashreplace" ;; "xmlcharrefreplace"
# call: encode(TEXT, CODEC, ERRORS)
# call: decode(RAW, CODEC, ERRORS)
# call: as_text(RAW, CODEC)
# call: default_decode(RAW)

def encode(text, codec, errors):
    return text.encode(codec, errors)

def decode(raw, codec, errors):
    return raw.decode(codec, errors)

def as_text(raw, codec):
    return str(raw, codec)

def default_decode(raw):
    return raw.decode(), str(raw, errors="strict")
