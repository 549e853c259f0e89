# Handles text assembled from code points (e.g. decoded from a UTF-16 source).
# args HI: 0xd800 ;; 0xd83d ;; 0xdbff ;; 0x41
# args LO: 0xdc00 ;; 0xde00 ;; 0xdfff ;; 0x42
# args HAY: "x\U0001f600y" ;; "\ud83d" ;; "abc" ;; ""
# call: pair(HI, LO)
# call: search(HAY, HI, LO)
# call: encode_pair(HI, LO)

def pair(hi, lo):
    s = chr(hi) + chr(lo)
    return len(s), s == "\U00010000", [ord(c) for c in s], s[::-1] == chr(lo) + chr(hi)

def search(hay, hi, lo):
    return chr(hi) in hay, hay.find(chr(lo)), hay.count(chr(hi)), sorted([hay, chr(hi), chr(lo)])

def encode_pair(hi, lo):
    return (chr(hi) + chr(lo)).encode()
