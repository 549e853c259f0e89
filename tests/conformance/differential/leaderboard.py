# Ranks players; ties broken by name.
# args SCORES: [3, 1, 2] ;; [] ;; [5, 5, 5] ;; [-1, 2 ** 64, 0] ;; [True, 2, False]
# args NAMES: ["a", "b", "c"] ;; ["x"] ;; [] ;; ["\u00e9", "e", "E"]
# args DEFAULT: None ;; 0 ;; -1
# call: best(SCORES, DEFAULT)
# call: ranking(SCORES, NAMES)
# call: pairs_strict(SCORES, NAMES)
# call: spread(SCORES)

def best(scores, default):
    return max(scores, default=default), min(scores, key=None, default=default)

def ranking(scores, names):
    return sorted(zip(scores, names), reverse=True), sorted(names, key=None)

def pairs_strict(scores, names):
    return list(zip(scores, names, strict=True))

def spread(scores):
    return max(scores, key=None) - min(scores), sorted(scores, reverse=False)[::-1]
