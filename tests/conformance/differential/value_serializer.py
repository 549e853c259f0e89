# Serialises values to text for an event log (str/repr of nested values).
# args V: "it's" ;; "say \"hi\"" ;; "tab\there" ;; "\u00e9\x00" ;; b"\x00'\"" ;; [1, "a", b"b", None, True] ;; (1,) ;; () ;; {"k": [1, (2,)], 3: "x"} ;; -0 ;; 2 ** 100 ;; "\x7f\x85\u200b\ue000"
# call: dump(V)
# call: dump_list(V)
# call: dump_len(V)

def dump(v):
    return str(v)

def dump_list(v):
    return str([v, (v,)])

def dump_len(v):
    return len(str(v)), str(v) == str(v)[:]
