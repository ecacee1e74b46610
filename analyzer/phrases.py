"""The phrase engine: lists of phrases from taxonomy/ found in text, as whole words.

    find_phrases(text, phrases) -> the phrases found, as printed
    has_phrase(text, phrases) -> bool

A phrase is matched case-insensitively on word edges; ``word*`` is a prefix and a lone ``*``
stands for one to four words. Known limits: no stemming beyond ``*``; no negation ("did not
deploy" holds "deploy").
"""

from __future__ import annotations

import re
from functools import lru_cache


def _phrase_pattern(phrase: str) -> str:
    """A phrase as a regex: whole words; 'word*' is a prefix; a lone '*' stands for 1-4 words."""
    parts = []
    for token in phrase.split():
        if token == "*":
            parts.append(r"\S+(?:\s+\S+){0,3}")
        elif token.endswith("*"):
            parts.append(re.escape(token[:-1]) + r"[\w-]*")
        else:
            parts.append(re.escape(token))
    body = r"\s+".join(parts)
    # Whole words, but a phrase that starts or ends with a symbol ("%", "->") needs no word edge.
    left = r"(?<![\w-])" if re.match(r"\w", phrase) else ""
    right = r"(?![\w-])" if re.search(r"[\w*]$", phrase) else ""
    return left + body + right


@lru_cache(maxsize=64)
def phrase_regex(phrases: tuple[str, ...]) -> re.Pattern[str]:
    ordered = sorted(set(phrases), key=len, reverse=True)  # longest first: "roc auc" before "auc"
    return re.compile("|".join(f"(?:{_phrase_pattern(p)})" for p in ordered), re.IGNORECASE)


@lru_cache(maxsize=64)
def _first_words(phrases: tuple[str, ...]) -> tuple[str, ...] | None:
    """The literal start of every phrase, lower-cased; None when a phrase starts with a wildcard."""
    starts = set()
    for phrase in phrases:
        first = phrase.split()[0] if phrase.split() else ""
        literal = first.rstrip("*").lower()
        if not literal or first.startswith("*"):
            return None
        starts.add(literal)
    return tuple(sorted(starts))


def _may_hold(text: str, phrases: tuple[str, ...]) -> bool:
    # WHY: a long alternation is tried at every position of the text; most texts hold none of the
    # phrases' first words, which a substring test tells far faster.
    starts = _first_words(phrases)
    if starts is None:
        return True
    lowered = text.lower()
    return any(start in lowered for start in starts)


def find_phrases(text: str, phrases: tuple[str, ...]) -> tuple[str, ...]:
    """The phrases of the list found in ``text``, as printed, in order, without repeats."""
    found: list[str] = []
    if not _may_hold(text, phrases):
        return ()
    for match in phrase_regex(phrases).finditer(text):
        word = " ".join(match.group().split())
        if word.lower() not in (f.lower() for f in found):
            found.append(word)
    return tuple(found)


@lru_cache(maxsize=16384)  # WHY: the question step asks each template's phrases of the same few lines again and again
def has_phrase(text: str, phrases: tuple[str, ...]) -> bool:
    return _may_hold(text, phrases) and phrase_regex(phrases).search(text) is not None

