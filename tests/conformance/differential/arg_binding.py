# Calls builtins and methods with keyword and optional arguments, as a defensive contract might.
# args TEXT: "a,b,,c" ;; "" ;; "  x  y " ;; "1_0" ;; "ff"
# args N: 0 ;; 1 ;; -1 ;; 2
# args BASE: 10 ;; 16 ;; 0 ;; 36
# call: splits(TEXT, N)
# call: parse_int(TEXT, BASE)
# call: order(TEXT, N)
# call: pad(TEXT, N)

def splits(text, n):
    return text.split(sep=",", maxsplit=n), text.split(",", n), text.split(maxsplit=n)

def parse_int(text, base):
    return int(text, base=base), int(text.strip() or "0", base)

def order(text, n):
    return sorted(text, reverse=n > 0), sorted(list(text), reverse=bool(n))

def pad(text, n):
    return text.zfill(n * 3), text.strip(" x"), text.lstrip(None), text.rstrip(",c ")
