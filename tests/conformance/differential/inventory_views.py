# Compares two warehouses' stock keys.
# args A: {"nut": 1, "bolt": 2} ;; {} ;; {"nut": 1} ;; {1: 1, True: 2, "x": 3}
# args B: {"nut": 5} ;; {"bolt": 2, "nut": 1} ;; {} ;; {"gear": 0}
# args KEYS: ["nut"] ;; [] ;; ["nut", "gear"] ;; "nut" ;; [("nut", 1)]
# call: common(A, B)
# call: only_a(A, KEYS)
# call: relations(A, B)
# call: merged(A, B)
# call: merge_pairs(A, KEYS)

def common(a, b):
    return sorted(a.keys() & b.keys()), sorted(a.keys() | b.keys()), sorted(a.keys() ^ b.keys())

def only_a(a, keys):
    return sorted(a.keys() - keys), len(a.keys() & keys), len(a.items() & keys)

def relations(a, b):
    return a.keys() <= b.keys(), a.keys() == b.keys(), a.items() == b.items(), a.keys() == b.items(), a.keys() < b.keys()

def merged(a, b):
    c = a | b
    c |= {"new": 0}
    return sorted(c.items())

def merge_pairs(a, keys):
    a |= [(k, 0) for k in keys] if isinstance(keys, list) else keys
    return sorted(a)
