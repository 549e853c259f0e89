# Renders receipts with printf-style formatting.
# args WHO: "alice" ;; "\u00e9ric" ;; "" ;; "o'neil" ;; "a\"b"
# args AMOUNT: 0 ;; 5 ;; -42 ;; 255 ;; 2 ** 70 ;; True
# args WIDTH: 0 ;; 3 ;; 8 ;; -4
# args FMT: "%s paid %d" ;; "%(who)s paid %(amount)d" ;; "%(who)s %s" ;; "%5%" ;; "%x|%X|%o" ;; "%c" ;; "%r" ;; "%a" ;; "%-6s|" ;; "%+05d" ;; "%.2s" ;; "%z"
# call: receipt(WHO, AMOUNT)
# call: padded(WHO, AMOUNT, WIDTH)
# call: custom(FMT, WHO, AMOUNT)
# call: custom_map(FMT, WHO, AMOUNT)
# call: raw_receipt(WHO, AMOUNT)

def receipt(who, amount):
    return "%s paid %d (0x%x, %#o)" % (who, amount, amount, amount)

def padded(who, amount, width):
    return "%*s|%-*d|" % (width, who, width, amount)

def custom(fmt, who, amount):
    return fmt % (who, amount)

def custom_map(fmt, who, amount):
    return fmt % {"who": who, "amount": amount}

def raw_receipt(who, amount):
    return b"%s:%d:%(k)s" % {b"k": who.encode()} if amount < 0 else b"%s:%d" % (who.encode(), amount)
