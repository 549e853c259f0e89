# Normalises user names for a registry (case and character checks).
# args NAME: "Alice" ;; "stra\u00dfe" ;; "\u0130stanbul" ;; "\u019b" ;; "\ua7cb" ;; "\U00010d50" ;; "\u03a3\u03a3" ;; "\u0391\u03a3" ;; "\ufb03n" ;; "\u01c5" ;; "abc123" ;; "\u0663\u00b2" ;; "" ;; "\u1c89x" ;; "\u0149"
# call: normal(NAME)
# call: checks(NAME)
# call: lengths(NAME)

def normal(name):
    return name.lower(), name.upper(), name.upper().lower()

def checks(name):
    return name.isalpha(), name.isdigit(), name.isalnum(), [c.isalpha() for c in name]

def lengths(name):
    return len(name), len(name.upper()), len(name.lower()), name.lower() == name.upper().lower()
