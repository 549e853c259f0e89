# Sequence repetition: the count is paid or capped before any work (issue 9,
# finding 2: an empty sequence times a huge count looped for the whole count).
# --- b"a" * 10**10
# expect: limit
def main():
    return b"a" * 10**10
# --- [0] * 10**9
# expect: limit
def main():
    return [0] * 10**9
# --- str * huge
# expect: limit
def main():
    return "ab" * (2 ** 62)
# --- b"" * 2**60
# expect: ok b''
def main():
    return b"" * 2**60
# --- [] * 2**60
# expect: ok []
def main():
    return [] * 2**60
# --- "" * 2**60
# expect: ok ''
def main():
    return "" * 2**60
# --- () * 10**40
# expect: error OverflowError
def main():
    return () * 10**40
# --- b"" * 10**40
# expect: error OverflowError
def main():
    return b"" * 10**40
# --- empty repetition in a loop
# expect: out-of-gas
def main():
    while True:
        x = [] * 2**60
        y = b"" * 2**60
        z = () * 2**60
# --- repetition of a long list in a loop
# expect: out-of-gas
def main():
    xs = [0] * 32768
    while True:
        ys = xs * 2
# --- repetition of a long str in a loop
# expect: out-of-gas
def main():
    s = "\u00e9" * 250000
    while True:
        t = s * 2
