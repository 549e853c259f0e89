# Parses "name, amount" records into totals per name.
# args TEXT: "alice, 5\nbob,7\nalice , -2" ;; "a,1,2\nb" ;; "  x ,  10  \n\n y,0x10" ;; "" ;; "z, 1_000\nz, +3" ;; "q,  \t9 " ;; "name amount\nfoo 3 extra" ;; "\u00e9, 4\n\u00c9, 5" ;; "a,\u0663" ;; "a, 2 3"
# args SEP: "," ;; ", " ;; None ;; ";"
# args LIMIT: -1 ;; 0 ;; 1 ;; 2
# call: totals(TEXT)
# call: fields(TEXT, SEP, LIMIT)
# call: widest(TEXT)

def totals(text):
    out = {}
    for line in text.split("\n"):
        if not line.strip():
            continue
        name, amount = line.split(",", 1)
        out[name.strip()] = out.get(name.strip(), 0) + int(amount)
    return sorted(out.items())

def fields(text, sep, limit):
    return [line.split(sep, limit) for line in text.split("\n")]

def widest(text):
    rows = [line.split(None, 1) for line in text.split("\n")]
    return max([len(row) for row in rows], default=0), [row[-1] for row in rows if row]
