# Parses decimal token amounts ("12.5") into integer base units.
# args TEXT: "12.5" ;; "0.000001" ;; "-3" ;; "+4.10" ;; "1_000.5" ;; "" ;; "." ;; "1.2.3" ;; " 7 " ;; "\u0663.1" ;; "1e3" ;; "99999999999999999999.99"
# args DECIMALS: 0 ;; 2 ;; 6 ;; 18
# call: parse(TEXT, DECIMALS)
# call: render(TEXT, DECIMALS)

def parse(text, decimals):
    text = text.strip()
    if "." in text:
        whole, frac = text.split(".")
    else:
        whole, frac = text, ""
    abi_frac = (frac + "0" * decimals)[:decimals]
    sign = -1 if whole.startswith("-") else 1
    return int(whole or "0") * 10 ** decimals + sign * int(abi_frac or "0")

def render(text, decimals):
    units = parse(text, decimals)
    whole, frac = divmod(abs(units), 10 ** decimals)
    body = str(whole) + ("." + str(frac).zfill(decimals) if decimals else "")
    return ("-" if units < 0 else "") + body, "%d" % units
