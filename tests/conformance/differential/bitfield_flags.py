# Permission bitfields packed into bytes.
# args FLAGS: 0 ;; 1 ;; 5 ;; 255 ;; 256 ;; -1 ;; 2 ** 64 - 1
# args BIT: 0 ;; 3 ;; 8 ;; 63 ;; -1
# call: describe(FLAGS)
# call: toggle(FLAGS, BIT)
# call: pack(FLAGS)

def describe(flags):
    return [i for i in range(flags.bit_length()) if flags >> i & 1], flags.bit_length(), hex(flags)

def toggle(flags, bit):
    return flags ^ (1 << bit), flags | (1 << bit), flags & ~(1 << bit)

def pack(flags):
    n = max((flags.bit_length() + 7) // 8, 1)
    return flags.to_bytes(n, "little"), int.from_bytes(flags.to_bytes(n, "little"), "little") == flags
