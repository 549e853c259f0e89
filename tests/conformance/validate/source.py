# Source-level rules: encoding, tokens, layout and nesting limits.
# Notation: ⟨xHH⟩ stands for the raw byte 0xHH (the test substitutes it).
# A header line "# expect-at L:C rule" names a diagnostic at line L, column C
# of the chunk, for places where a trailing comment cannot go.
# ---
# expect-at 2:5 invalid-utf8
x = ⟨xff⟩
# ---
# ok: invalid-utf8
x = "ÿ"
# ---
# expect-at 2:6 null-byte
x = 1⟨x00⟩
# ---
# ok: null-byte
x = b"\x00"
# ---
# -*- coding: latin-1 -*-   # expect: source-encoding@1
x = 1
# ---
# -*- coding: utf-8 -*-   # ok: source-encoding
x = 1
# ---
x = (1 +   # expect: syntax-error@5
# ---
# ok: syntax-error
x = (1 +
     2)
# ---
def f():
    x = 1
      y = 2   # expect: indentation-error@1
# ---
# ok: indentation-error
def f():
    x = 1
    y = 2
    return x + y
# ---
def f():
        x = 1
	return x   # expect: tab-error@1
# ---
# ok: tab-error
def f():
	x = 1
	return x
# ---
# expect-at 2:205 too-deep
X = (((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((1)))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))
# ---
# ok: too-deep
X = ((((((((((1))))))))))
# ---
X = "\N{BULLET}"   # expect: unsupported-escape@6
# ---
# ok: unsupported-escape
X = "\u2022"
