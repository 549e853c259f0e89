# stdlib.events: event_size is measured on the encoded arguments, whatever
# their type, before anything is built (issue 9, findings 3 and 6).
# --- events.emit of a 60,000-item list
# expect: limit event_size
from stdlib import events

def main():
    events.emit(b"Big", {"xs": [0] * 60000})
# --- events.emit of a 20 kB value
# expect: limit event_size
from stdlib import events

def main():
    events.emit(b"Big", {"b": b"a" * 20000})
# --- events.emit of a dict of long strs
# expect: limit event_size
from stdlib import events

def main():
    events.emit(b"Big", {"d": {"k": "v" * 10000, "l": "w" * 10000}})
# --- more events than the cap
# expect: limit events_per_call
from stdlib import events

def main():
    for i in range(100):
        events.emit(b"E", {"i": i})
# --- events.emit of 16 KiB args in a loop
# expect: limit events_per_call | out-of-gas
from stdlib import events

def main():
    v = b"a" * 4000
    while True:
        events.emit(b"E", {"v": v})
