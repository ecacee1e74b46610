"""TF-IDF vectors without importing scikit-learn or SciPy: scikit-learn's numbers, a fraction of the start-up.

Importing ``sklearn.feature_extraction.text`` costs about a second (it pulls in pandas and most of
SciPy), longer than the whole analysis of a resume, while the library only ever needs what its
``CountVectorizer``/``TfidfVectorizer`` compute for word n-grams over a few hundred short texts.
This module computes exactly that, as dense NumPy arrays (a resume's matrices are a few hundred
rows by a few thousand terms: dense products take milliseconds and need no sparse library):

- :func:`tfidf_counts` ``(texts, stop_words=..., ngram_range=...)`` is ``CountVectorizer(...)
  .fit_transform(texts)`` for the default word tokens (two or more word characters, lower-cased),
  :func:`tfidf_weigh` is ``TfidfTransformer(sublinear_tf=True).fit_transform``, and
  :func:`tfidf_matrix` the two together (``TfidfVectorizer``);
- :class:`FittedTfidf` ``.fit(texts, analyzer)`` / ``.transform(texts)`` is ``TfidfVectorizer(
  analyzer=analyzer, sublinear_tf=True)`` fitted once and then applied to new texts.

Same vocabulary order, same smoothed IDF (``ln((1 + n) / (1 + df)) + 1``), same ``1 + ln(tf)`` and
the same L2 row normalisation; ``tests/test_cold_start.py`` checks the values against
scikit-learn's (equal to 1e-12: a row's length is summed in another order). The English stop words
are scikit-learn's list, read once from scikit-learn and kept in the disk cache
(:mod:`analyzer.cache`), so only the first run after an upgrade imports it.

Limits: word analysis only (no character n-grams, no accent stripping, no ``min_df``/``max_df``);
dense rows, so meant for hundreds of texts, not a corpus.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
import numpy as np

# scikit-learn's default token: two or more word characters ("a" and "I" are not words here).
_TOKEN_RE = re.compile(r"(?u)\b\w\w+\b")


def word_terms(text: str, stop_words: frozenset[str] = frozenset(), ngram_range: tuple[int, int] = (1, 1)) -> list[str]:
    """The terms of ``text`` as CountVectorizer's word analyzer gives them, in the same order."""
    tokens = [t for t in _TOKEN_RE.findall(text.lower()) if t not in stop_words]
    low, high = ngram_range
    if high == 1:
        return tokens
    terms = list(tokens) if low == 1 else []
    for n in range(max(low, 2), min(high, len(tokens)) + 1):
        terms.extend(" ".join(tokens[i:i + n]) for i in range(len(tokens) - n + 1))
    return terms


def english_stop_words() -> frozenset[str]:
    """scikit-learn's English stop words, from the disk cache (read from scikit-learn on a miss)."""
    return _stop_words()


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from analyzer import cache

    return cache.cached("stop-words", _read_sklearn_stop_words, depends_on=("scikit-learn",))


def _read_sklearn_stop_words() -> frozenset[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS)


def tfidf_counts(texts: Sequence[str], *, stop_words: str | None = None, ngram_range: tuple[int, int] = (1, 1)):
    """``CountVectorizer(stop_words=..., ngram_range=...).fit_transform(texts)``, as a dense array.

    ``stop_words`` is ``"english"`` or None; columns are the terms in alphabetical order.
    """
    if stop_words not in (None, "english"):
        raise ValueError(f"not a known stop list: {stop_words!r}")
    stops = english_stop_words() if stop_words == "english" else frozenset()
    counts, _ = _count(texts, lambda text: word_terms(text, stops, ngram_range), vocabulary=None)
    return counts


def tfidf_weigh(counts: np.ndarray) -> np.ndarray:
    """``TfidfTransformer(sublinear_tf=True).fit_transform(counts)``: IDF taken over these rows,
    L2-normalised rows (so the dot product of two rows is their cosine)."""
    return _weigh(counts, _idf(counts))


def tfidf_matrix(texts: Sequence[str], **options) -> np.ndarray:
    """``TfidfVectorizer(sublinear_tf=True, **options).fit_transform(texts)`` (options as tfidf_counts)."""
    return tfidf_weigh(tfidf_counts(texts, **options))


@dataclass(frozen=True)
class FittedTfidf:
    """A TF-IDF model fitted once: the vocabulary, the IDF weights and the fitted texts' matrix."""

    analyzer: Callable[[str], list[str]]
    vocabulary: dict[str, int]
    idf: np.ndarray  # one weight per term
    matrix: np.ndarray  # one L2-normalised row per fitted text, one column per term

    @classmethod
    def fit(cls, texts: Sequence[str], analyzer: Callable[[str], list[str]]) -> "FittedTfidf":
        counts, vocabulary = _count(texts, analyzer, vocabulary=None)
        idf = _idf(counts)
        return cls(analyzer=analyzer, vocabulary=vocabulary, idf=idf, matrix=_weigh(counts, idf))

    def transform(self, texts: Sequence[str]) -> np.ndarray:
        """New texts as rows over the fitted vocabulary (terms it has never seen are left out)."""
        counts, _ = _count(texts, self.analyzer, vocabulary=self.vocabulary)
        return _weigh(counts, self.idf)


def _count(texts: Iterable[str], analyzer: Callable[[str], list[str]], vocabulary: dict[str, int] | None):
    """Term counts as CountVectorizer finds them: (rows x terms array, vocabulary in term order)."""
    fixed = vocabulary is not None
    seen: dict[str, int] = dict(vocabulary) if fixed else {}
    rows: list[dict[int, int]] = []
    for text in texts:
        counter: dict[int, int] = {}
        for term in analyzer(text):
            index = seen.get(term)
            if index is None:
                if fixed:
                    continue  # a term the fitted model has never seen carries no weight
                index = seen[term] = len(seen)
            counter[index] = counter.get(index, 0) + 1
        rows.append(counter)
    if fixed:
        column = np.arange(len(seen))
    else:  # columns in alphabetical order of the terms, as scikit-learn numbers them
        ordered = sorted(seen)
        column = np.empty(len(ordered), dtype=np.intp)
        column[[seen[term] for term in ordered]] = np.arange(len(ordered))
        seen = {term: i for i, term in enumerate(ordered)}
    counts = np.zeros((len(rows), len(seen)), dtype=np.float64)
    for row, counter in enumerate(rows):
        if counter:
            counts[row, column[list(counter)]] = list(counter.values())
    return counts, seen


def _idf(counts: np.ndarray) -> np.ndarray:
    # Smoothed IDF: as if one extra document held every term once (no division by zero).
    df = np.count_nonzero(counts, axis=0).astype(np.float64) + 1.0
    idf = np.full_like(df, fill_value=counts.shape[0] + 1, dtype=np.float64)
    idf /= df
    np.log(idf, out=idf)
    idf += 1.0
    return idf


def _weigh(counts: np.ndarray, idf: np.ndarray) -> np.ndarray:
    """1 + ln(tf), times IDF, each row scaled to unit length (empty rows stay empty)."""
    matrix = counts.astype(np.float64, copy=True)
    present = matrix > 0
    matrix[present] = np.log(matrix[present]) + 1.0
    matrix *= idf
    norms = np.sqrt(np.einsum("ij,ij->i", matrix, matrix))
    np.divide(matrix, norms[:, None], out=matrix, where=norms[:, None] > 0)
    return matrix
