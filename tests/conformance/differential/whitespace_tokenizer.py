# Splits commands like "transfer  bob 10 memo text" into a verb and its arguments.
# args LINE: "transfer bob 10" ;; "a b  " ;; "  lead  and trail  " ;; "" ;; "   " ;; "tab\tsep\nnl" ;; "x\u00a0y z" ;; "u\u3000v\u2028w" ;; "\x1cfs\x1dgs\x1ers\x1fus" ;; "one" ;; "a\x85b c"
# args N: 0 ;; 1 ;; 2 ;; 3 ;; -1 ;; 10
# call: command(LINE, N)
# call: words(LINE)
# call: command_bytes(LINE, N)

def command(line, n):
    parts = line.split(None, n)
    verb = parts[0] if parts else ""
    return verb, parts[1:], len(parts)

def words(line):
    return line.split(), line.strip(), line.lstrip(), line.rstrip(), " ".join(line.split())

def command_bytes(line, n):
    raw = line.encode()
    parts = raw.split(None, n)
    return parts, raw.strip(), raw.split(maxsplit=n)
