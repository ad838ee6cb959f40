"""Reading grade, measured offline: the Flesch-Kincaid grade level, implemented here.

    grade = 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59

(Kincaid, Fishburne, Rogers and Chissom, 1975, "Derivation of new readability formulas ... for Navy
enlisted personnel", the formula behind Word's and textstat's "Flesch-Kincaid grade".)

Syllables are counted with the usual written-English rules (groups of vowels, a silent final "e",
"-le" after a consonant, "-ed" that is not sounded), with a short table of common exceptions. It
is an estimate, as every syllable counter without a pronouncing dictionary is; it is tested
against hand-counted words and a hand-counted passage in ``tests/test_learn_readability.py``.

What counts as a word: runs of letters (with inner apostrophes or hyphens split into parts).
Numbers, phone numbers and web addresses are left out, because a reader does not sound them out
as words and they would make a card with a phone number look harder than it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)|[:;](?=\s)|\n\s*[-*]\s")
_URL = re.compile(r"\b(?:https?://|www\.)\S+|\b\S+\.(?:com|org|gov|net|uk|ie|au|nz|ca|info)\S*")
_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")
_SOUNDED_ES = ("ses", "zes", "ches", "shes", "ges", "ces", "xes")

# Words the rules get wrong and that our texts use; counted by hand.
_EXCEPTIONS: dict[str, int] = {
    "naloxone": 3,
    "methadone": 3,
    "buprenorphine": 4,
    "fentanyl": 3,
    "someone": 2,
    "people": 2,
    "every": 3,
    "everyone": 4,
    "because": 2,
    "being": 2,
    "doing": 2,
    "going": 2,
    "area": 3,
    "idea": 3,
    "ideas": 3,
    "create": 2,
    "real": 1,
    "really": 2,
    "quiet": 2,
    "science": 2,
    "poem": 2,
    "poems": 2,
    "hepatitis": 4,
    "naltrexone": 3,
    "acamprosate": 4,
    "prep": 1,
    "hiv": 3,
    "business": 2,
    "different": 3,
    "evening": 2,
    "several": 3,
    "family": 3,
    "medicine": 3,
    "medicines": 3,
    "while": 1,
    "whole": 1,
    "sometimes": 2,
    "anyone": 3,
    "whatever": 3,
    "breathe": 1,
    "breathes": 1,
    "seizure": 2,
    "seizures": 3,
    "tablets": 2,
}


def syllables(word: str) -> int:
    """An estimate of how many syllables ``word`` has (at least 1)."""
    w = word.lower().strip("'")
    if not w:
        return 0
    if w in _EXCEPTIONS:
        return _EXCEPTIONS[w]
    if len(w) <= 3:
        return 1
    base = w
    if base.endswith("'s"):
        base = base[:-2]
    plural = base.endswith("es") and not base.endswith(_SOUNDED_ES)
    past = base.endswith("ed") and not base.endswith(("ted", "ded"))
    if plural or past:
        base = base[:-2] if len(base) > 3 else base
    elif base.endswith("e") and not base.endswith(("le", "ee", "ye")):
        base = base[:-1]
    # A final "-le" after a consonant ("little", "simple") keeps its "e" above and so is counted.
    return max(1, len(_VOWEL_GROUPS.findall(base)))


@dataclass(frozen=True)
class Readability:
    words: int
    sentences: int
    syllables: int

    @property
    def grade(self) -> float:
        """The Flesch-Kincaid grade level (0 for an empty text)."""
        if self.words == 0:
            return 0.0
        sentences = max(1, self.sentences)
        return 0.39 * (self.words / sentences) + 11.8 * (self.syllables / self.words) - 15.59


def words_of(text: str) -> list[str]:
    """The words of ``text`` as the formula counts them (no numbers or web addresses)."""
    text = _URL.sub(" ", text)
    out: list[str] = []
    for token in _WORD.findall(text.replace("-", " ")):
        out.append(token)
    return out


def sentence_count(text: str) -> int:
    """Sentences: ends marked by . ! ? (or a colon or semicolon before a space, or a list item).
    A text with words and no mark counts as one sentence."""
    text = _URL.sub(" url ", text)
    # Decimal points and abbreviations like "e.g." should not end sentences.
    text = re.sub(r"(?<=\d)\.(?=\d)", "", text)
    text = re.sub(r"\b(?:e\.g|i\.e|etc|Dr|Mr|Ms|Mrs|St)\.", "x", text)
    parts = [p for p in _SENTENCE_END.split(text) if _WORD.search(p)]
    return max(1, len(parts)) if words_of(text) else 0


def measure(text: str) -> Readability:
    words = words_of(text)
    return Readability(
        words=len(words),
        sentences=sentence_count(text),
        syllables=sum(syllables(w) for w in words),
    )


def grade(text: str) -> float:
    """Flesch-Kincaid grade of ``text``."""
    return measure(text).grade
