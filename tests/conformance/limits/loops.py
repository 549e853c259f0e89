# Runaway control flow: loops and iterations bounded only by gas or a cap.
# Format: tests/support/limits_corpus.ts. Each case runs at 10M gas.
# --- infinite loop
# expect: out-of-gas
def main():
    while True:
        pass
# --- sum(range(10**18))
# expect: limit
def main():
    return sum(range(10**18))
# --- list(range(10**18))
# expect: limit
def main():
    return list(range(10**18))
# --- nested loops over long ranges
# expect: out-of-gas
def main():
    n = 0
    for i in range(10**9):
        for j in range(10**9):
            n += 1
    return n
