# An undo log replayed in reverse, trimmed while it is read.
# args LOG: [1, 2, 3] ;; [] ;; [7] ;; [4, 4, 5, 6]
# args MODE: "pop" ;; "clear" ;; "append" ;; "sort" ;; "none" ;; "insert"
# call: replay(LOG, MODE)
# call: replay_while(LOG)
# call: enumerate_live(LOG, MODE)

def replay(log, mode):
    it = reversed(log)
    if mode == "pop" and log:
        log.pop()
    elif mode == "clear":
        log.clear()
    elif mode == "append":
        log.append(0)
    elif mode == "sort":
        log.sort(reverse=True)
    elif mode == "insert":
        log.insert(0, 9)
    return list(it)

def replay_while(log):
    out = []
    for entry in reversed(log):
        out.append(entry)
        if log:
            log.pop()
    return out, log

def enumerate_live(log, mode):
    pairs = enumerate(log)
    if mode == "append":
        log.append(8)
    elif mode == "clear":
        log.clear()
    return list(pairs)
