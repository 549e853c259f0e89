# Scans a byte payload for markers (bytes or single byte values).
# args DATA: b"abcab" ;; b"" ;; b"\x00\x01\x00\xff" ;; b"hello world" ;; b"aaaa"
# args NEEDLE: 98 ;; 0 ;; 255 ;; 256 ;; -1 ;; b"ab" ;; b"" ;; True ;; "a" ;; 97
# args START: 0 ;; 1 ;; -2 ;; 10
# call: locate(DATA, NEEDLE)
# call: locate_from(DATA, NEEDLE, START)
# call: has(DATA, NEEDLE)
# call: position(DATA, NEEDLE)

def locate(data, needle):
    return data.find(needle), data.rfind(needle), data.count(needle)

def locate_from(data, needle, start):
    return data.find(needle, start), data.count(needle, start)

def has(data, needle):
    return needle in data

def position(data, needle):
    return data.index(needle)
