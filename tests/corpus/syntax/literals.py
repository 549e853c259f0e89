x = 0
# ---
x = 123_456_789
# ---
x = 0x_FF + 0XdeadBEEF + 0o17 + 0O7_7 + 0b1010 + 0B_1
# ---
x = 00 + 0_0
# ---
x = 340282366920938463463374607431768211456 * 2
# ---
x = 1.5 + .5 + 5. + 1e10 + 1E-3 + 1_0.0_1e+1_0
# ---
x = 09.5 + 0e0
# ---
x = 1j + 2.5J + 1e3j
# ---
x = 1if y else 2
# ---
s = 'single' "double"
# ---
s = '''triple
quoted ' " string'''
# ---
s = """also
triple"""
# ---
s = "\n\t\r\a\b\f\v\\\'\"\0\101\x41\u00e9\U0001F600"
# ---
s = "unknown \d escape \q"
# ---
s = r"raw \n \x41" R'raw2\\' 
# ---
b = b"bytes \x00\xff\n\101\777" B'x'
# ---
b = rb"\x41\n" + BR'\d' + Rb"z" + bR'w'
# ---
s = u"unicode" U'x'
# ---
s = "line \
continued"
# ---
s = 'caf\u00e9 ünïcödé 日本語 😀'
# ---
x = "日本" + y + "😀"
# ---
f = f"hello {name}!" + F'x' + rf"{a}" + fR'{b}'
# ---
s = "a" f"b{c}" "d"
# ---
x = ...
# ---
x = None, True, False
# ---
b = b''
# ---
s = '''a\
b'''
