# Parses "k=v&k2=v2" query strings.
# args Q: "a=1&b=2" ;; "" ;; "a" ;; "a=&=b" ;; "x=1=2&x=3" ;; "&&" ;; "k=%20v" ;; "?a=1" ;; "\u00e9=\u00e8"
# args PREFIX: "?" ;; "" ;; "a"
# call: parse(Q)
# call: parse_prefixed(Q, PREFIX)
# call: get_all(Q)

def parse(q):
    out = []
    for part in q.split("&"):
        if not part:
            continue
        pieces = part.split("=", 1)
        key = pieces[0]
        value = pieces[1] if len(pieces) > 1 else ""
        out.append((key, value))
    return out

def parse_prefixed(q, prefix):
    return parse(q.removeprefix(prefix)), q.removesuffix("2"), q.replace("=", ":", 1)

def get_all(q):
    d = {}
    for key, value in parse(q):
        d.setdefault(key, []).append(value)
    return sorted(d.items())
