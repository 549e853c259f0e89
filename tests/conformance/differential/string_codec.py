# Escapes and unescapes text fields for a line protocol.
# args TEXT: "plain" ;; "a|b" ;; "back\\slash" ;; "" ;; "||" ;; "\u00e9|\U0001f600" ;; "end\\"
# call: escape(TEXT)
# call: roundtrip(TEXT)
# call: fields(TEXT)

def escape(text):
    return text.replace("\\", "\\\\").replace("|", "\\p")

def unescape(text):
    out = ""
    i = 0
    while i < len(text):
        c = text[i]
        if c == "\\":
            nxt = text[i + 1]
            out += "|" if nxt == "p" else nxt
            i += 2
        else:
            out += c
            i += 1
    return out

def roundtrip(text):
    return unescape(escape(text)) == text, unescape(text)

def fields(text):
    return [unescape(f) for f in escape(text).split("|")], text.count("|"), text.rfind("|"), text.index("|")
