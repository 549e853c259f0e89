# Tallies ballots; the winner is the highest count, ties by name.
# args BALLOTS: ["a", "b", "a"] ;; [] ;; ["x"] ;; ["b", "a"] ;; ["\u00e9", "e", "\u00e9"] ;; ["a", "", "a", ""]
# args QUORUM: 0 ;; 1 ;; 3
# call: tally(BALLOTS)
# call: winner(BALLOTS, QUORUM)
# call: turnout(BALLOTS, QUORUM)

def tally(ballots):
    counts = {}
    for b in ballots:
        counts[b] = counts.get(b, 0) + 1
    return sorted(counts.items())

def winner(ballots, quorum):
    counts = {}
    for b in ballots:
        counts[b] = counts.get(b, 0) + 1
    if len(ballots) < quorum:
        return None
    ranked = sorted([(-n, name) for name, n in counts.items()])
    return ranked[0][1] if ranked else max(counts, default="none")

def turnout(ballots, quorum):
    share, rest = divmod(len(ballots) * 100, max(quorum, 1))
    return share, rest, "%d%%" % share
