# Paginates an id space described by a range.
# args START: 0 ;; 3 ;; -5 ;; 2 ** 64
# args STOP: 20 ;; 0 ;; 7 ;; 2 ** 65 ;; -20
# args STEP: 1 ;; 3 ;; -2 ;; 7
# args PAGE: 0 ;; 1 ;; 2 ;; -1 ;; 2 ** 70
# call: page(START, STOP, STEP, PAGE)
# call: describe(START, STOP, STEP)
# call: same_space(START, STOP, STEP)
# call: locate(START, STOP, STEP, PAGE)

def page(start, stop, step, page_no):
    ids = range(start, stop, step)
    chunk = ids[page_no * 3:page_no * 3 + 3]
    return str(chunk), list(chunk), len(chunk)

def describe(start, stop, step):
    ids = range(start, stop, step)
    return len(ids), ids[0] if ids else None, ids[-1] if ids else None, str(ids[::-1])

def same_space(start, stop, step):
    return range(start, stop, step) == range(start, stop, step)[:], range(0) == range(start, start), {range(start, stop, step): 1}.get(range(start, stop, step)[::1], 0)

def locate(start, stop, step, value):
    ids = range(start, stop, step)
    return value in ids, ids.count(value), ids.index(value)
