# Integer arithmetic: results are capped at int_bits (|x| < 2**4096) before
# they are computed, and work that grows with operand size is paid (issue 9,
# findings 4 and 6).
# --- 2 ** (2 ** 40)
# expect: limit int_bits
def main():
    return 2 ** (2 ** 40)
# --- 1 << 10**12
# expect: limit int_bits
def main():
    return 1 << 10**12
# --- pow(3, 10**100000, m)
# expect: limit int_bits
def main():
    return pow(3, 10**100000, 1000000007)
# --- nested growth
# expect: limit int_bits
def main():
    x = 3
    for i in range(100):
        x = x * x
    return x
# --- 2**2050 is within the cap
# expect: ok 2051
def main():
    return (2 ** 2050).bit_length()
# --- 2**4095 is within the cap
# expect: ok 4096
def main():
    return (2 ** 4095).bit_length()
# --- 2**4096 is past the cap
# expect: limit int_bits
def main():
    return 2 ** 4096
# --- int.from_bytes of 513 bytes
# expect: limit int_bits
def main():
    return int.from_bytes(b"\xff" * 513, "big").bit_length()
# --- int of a long digit string
# expect: limit int_bits
def main():
    return int("9" * 1300)
# --- a literal past the cap
# expect: invalid | limit int_bits
def main():
    return 7777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777
# --- bit_length of 4096-bit ints in a loop
# expect: out-of-gas
def main():
    x = (1 << 4095) + 12345
    n = 0
    while True:
        n += x.bit_length()
# --- to_bytes of 4096-bit ints in a loop
# expect: out-of-gas
def main():
    x = (1 << 4095) + 12345
    while True:
        b = x.to_bytes(512, "big")
# --- hex of 4096-bit ints in a loop
# expect: out-of-gas
def main():
    x = (1 << 4095) + 12345
    while True:
        h = hex(x)
# --- str of 4096-bit ints in a loop
# expect: out-of-gas
def main():
    x = (1 << 4095) + 12345
    while True:
        s = str(x)
# --- int of 1233-digit strings in a loop
# expect: out-of-gas
def main():
    s = "9" * 1233
    while True:
        x = int(s)
# --- 4096-bit multiplication in a loop
# expect: out-of-gas
def main():
    x = (1 << 2047) + 12345
    while True:
        y = x * x
# --- 4096-bit floor division in a loop
# expect: out-of-gas
def main():
    x = (1 << 4095) + 12345
    y = (1 << 2047) + 999
    while True:
        q = x // y
        r = x % y
# --- pow with a 4096-bit modulus in a loop
# expect: out-of-gas
def main():
    m = (1 << 4095) + 12345
    b = (1 << 4000) + 1
    while True:
        y = pow(b, m, m)
# --- shifts of 4096-bit ints in a loop
# expect: out-of-gas
def main():
    x = (1 << 4000) + 12345
    while True:
        y = (x << 95) >> 95
# --- 4096-bit comparisons in a loop
# expect: out-of-gas
def main():
    x = (1 << 4095) + 12345
    y = (1 << 4095) + 12346
    n = 0
    while True:
        n += x < y
