# Routes a calldata value by type, as a generic handler would.
# args V: 5 ;; True ;; "s" ;; b"b" ;; [1] ;; (1, 2) ;; {"k": 1} ;; None ;; 2 ** 80 ;; -0
# call: route(V)
# call: describe(V)
# call: numeric(V)

def route(v):
    if isinstance(v, (str, (bytes,))):
        return "text", len(v)
    if isinstance(v, (bool, (int,))):
        return "number", int(v)
    if isinstance(v, ((list, tuple), dict)):
        return "container", len(v)
    return "other", None

def describe(v):
    return isinstance(v, ()), isinstance(v, (int, str)), isinstance(v, ((),)), isinstance(v, bool)

def numeric(v):
    return isinstance(v, int) and not isinstance(v, bool), v if isinstance(v, (int,)) else 0
