"""Text on its way to a terminal: every control or invisible formatting character made visible.

A note, a name or a phone number is kept in the vault exactly as the person typed (or imported) it.
But a terminal acts on some characters instead of showing them: ESC starts a sequence that can hide
text (``ESC[8m``), clear the screen, set the window title or draw a fake link; a carriage return
lets a later part of the line overwrite an earlier one; bidi overrides reverse what is shown; and
zero-width characters hide text altogether. One of those inside a helper's name could hide their
phone number in the very command meant for a crisis.

:func:`visible` is the one function every line safeplan prints goes through (``cli.common.out`` and
``err``, and plain mode's output). It changes nothing in ordinary text, so it is cheap to call on
every line:

* C0 controls and DEL become their Unicode "control picture" (ESC shows as ␛, CR as ␍, BEL as ␇),
  so the rest of an escape sequence is left as harmless printable characters. Line feed and tab
  are kept (they move the cursor forward only), and so are a form feed (the printable plan's page
  break; a terminal treats it as a line feed) and a carriage return right before a line feed (a
  CSV row's end).
* C1 controls, bidi embeddings, overrides, isolates and marks, line and paragraph separators, and
  every other invisible format character show as ``<U+XXXX>``. The zero-width joiner and non-joiner
  are kept, because emoji sequences and several scripts (Persian, the Indic scripts) need them.
* Lone surrogates (which cannot be printed at all) become U+FFFD.
"""

from __future__ import annotations

import re

# Unicode's format characters (general category Cf) as of Unicode 15, minus ZWNJ and ZWJ.
# tests/test_terminal_text.py checks this list against unicodedata on every code point.
_FORMAT_RANGES = (
    "\u00ad"
    "\u0600-\u0605"
    "\u061c"
    "\u06dd"
    "\u070f"
    "\u0890-\u0891"
    "\u08e2"
    "\u180e"
    "\u200b"
    "\u200e-\u200f"
    "\u202a-\u202e"
    "\u2060-\u2064"
    "\u2066-\u206f"
    "\ufeff"
    "\ufff9-\ufffb"
    "\U000110bd"
    "\U000110cd"
    "\U00013430-\U0001343f"
    "\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a"
    "\U000e0001"
    "\U000e0020-\U000e007f"
)
_UNSAFE = re.compile(
    "\r(?!\n)|[\x00-\x08\x0b\x0e-\x1f\x7f\x80-\x9f\u2028\u2029\ud800-\udfff" + _FORMAT_RANGES + "]"
)


def _show(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ … ␟
    if code == 0x7F:
        return "\u2421"  # ␡
    if 0xD800 <= code <= 0xDFFF:
        return "\ufffd"
    return f"<U+{code:04X}>"


def visible(text: str) -> str:
    """``text`` with every character a terminal would act on (other than a line feed or a tab)
    shown visibly instead. Ordinary text comes back unchanged (the same object)."""
    if _UNSAFE.search(text) is None:
        return text
    return _UNSAFE.sub(_show, text)


def has_nul(text: str) -> bool:
    return "\x00" in text


def _json_escape(match: re.Match[str]) -> str:
    char = match.group()
    if char == "\r":
        return "\\r"
    code = ord(char)
    if 0xD800 <= code <= 0xDFFF:
        return "\\ufffd"
    if code > 0xFFFF:
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def json_visible(text: str) -> str:
    """JSON text with the same characters escaped as ``\\uXXXX`` instead: the data stays exactly
    the same for a program reading it, and a terminal showing it acts on nothing. (In JSON text
    such characters can only occur inside strings, where the escape means the same character.)"""
    if _UNSAFE.search(text) is None:
        return text
    return _UNSAFE.sub(_json_escape, text)
