"""TF-IDF vectors without importing scikit-learn: the same numbers, a fraction of the start-up.

Importing ``sklearn.feature_extraction.text`` costs about a second (it pulls in pandas and most of
SciPy), longer than the whole analysis of a resume, while the library only ever needs what its
``CountVectorizer``/``TfidfVectorizer`` compute for word n-grams. This module computes exactly that,
on SciPy's sparse matrices (``scipy.sparse`` alone loads in a tenth of the time):

- :func:`tfidf_counts` ``(texts, stop_words=..., ngram_range=...)`` is ``CountVectorizer(...)
  .fit_transform(texts)`` for the default word tokens (two or more word characters, lower-cased),
  :func:`tfidf_weigh` is ``TfidfTransformer(sublinear_tf=True).fit_transform``;
- :class:`FittedTfidf` ``.fit(texts, analyzer)`` / ``.transform(texts)`` is ``TfidfVectorizer(
  analyzer=analyzer, sublinear_tf=True)`` fitted once and then applied to new texts.

Same vocabulary order, same smoothed IDF (``ln((1 + n) / (1 + df)) + 1``), same ``1 + ln(tf)`` and
the same L2 row normalisation; ``tests/test_cold_start.py`` checks the matrices against
scikit-learn's. The English stop words are scikit-learn's list, read once from scikit-learn and
kept in the disk cache (:mod:`analyzer.cache`), so only the first run after an upgrade imports it.

Limits: word analysis only (no character n-grams, no accent stripping, no ``min_df``/``max_df``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

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
    """``CountVectorizer(stop_words=..., ngram_range=...).fit_transform(texts)``: a csr matrix of counts.

    ``stop_words`` is ``"english"`` or None; columns are the terms in alphabetical order.
    """
    if stop_words not in (None, "english"):
        raise ValueError(f"not a known stop list: {stop_words!r}")
    stops = english_stop_words() if stop_words == "english" else frozenset()
    counts, _ = _count(texts, lambda text: word_terms(text, stops, ngram_range), vocabulary=None)
    return counts


def tfidf_weigh(counts):
    """``TfidfTransformer(sublinear_tf=True).fit_transform(counts)``: IDF taken over these rows,
    L2-normalised rows (so the dot product of two rows is their cosine)."""
    return _weigh(counts, _idf(counts))


@dataclass(frozen=True)
class FittedTfidf:
    """A TF-IDF model fitted once: the vocabulary, the IDF weights and the fitted texts' matrix."""

    analyzer: Callable[[str], list[str]]
    vocabulary: dict[str, int]
    idf: Any  # numpy array, one weight per term
    matrix: Any  # scipy.sparse.csr_matrix, one L2-normalised row per fitted text

    @classmethod
    def fit(cls, texts: Sequence[str], analyzer: Callable[[str], list[str]]) -> "FittedTfidf":
        counts, vocabulary = _count(texts, analyzer, vocabulary=None, dtype=np.float64)
        idf = _idf(counts)
        return cls(analyzer=analyzer, vocabulary=vocabulary, idf=idf, matrix=_weigh(counts, idf))

    def transform(self, texts: Sequence[str]):
        """New texts as rows over the fitted vocabulary (terms it has never seen are left out)."""
        counts, _ = _count(texts, self.analyzer, vocabulary=self.vocabulary, dtype=np.float64)
        return _weigh(counts, self.idf)


def _count(texts: Iterable[str], analyzer: Callable[[str], list[str]], vocabulary: dict[str, int] | None,
           dtype: type = np.int64):
    """Term counts as CountVectorizer builds them: (csr matrix, vocabulary sorted by term)."""
    import scipy.sparse as sp

    fixed = vocabulary is not None
    seen: dict[str, int] = dict(vocabulary) if fixed else {}
    indices: list[int] = []
    values: list[int] = []
    indptr = [0]
    for text in texts:
        counter: dict[int, int] = {}
        for term in analyzer(text):
            index = seen.get(term)
            if index is None:
                if fixed:
                    continue
                index = seen[term] = len(seen)
            counter[index] = counter.get(index, 0) + 1
        indices.extend(counter)
        values.extend(counter.values())
        indptr.append(len(indices))
    matrix = sp.csr_matrix((np.asarray(values, dtype=dtype), np.asarray(indices, dtype=np.int32),
                            np.asarray(indptr, dtype=np.int32)), shape=(len(indptr) - 1, len(seen)))
    matrix.sort_indices()
    if fixed:
        return matrix, seen
    # WHY this order of steps: scikit-learn numbers terms by first appearance, sorts each row by
    # that number, and only then renames the columns alphabetically (rows are not sorted again);
    # doing the same keeps every sum in the same order, so the floats are identical.
    ordered = sorted(seen)
    rename = np.empty(len(ordered), dtype=np.int32)
    for new, term in enumerate(ordered):
        rename[seen[term]] = new
    matrix.indices = rename.take(matrix.indices, mode="clip")
    return matrix, {term: i for i, term in enumerate(ordered)}


def _idf(counts) -> np.ndarray:
    # Smoothed IDF: as if one extra document held every term once (no division by zero).
    df = np.bincount(counts.indices, minlength=counts.shape[1]).astype(np.float64) + 1.0
    idf = np.full_like(df, fill_value=counts.shape[0] + 1, dtype=np.float64)
    idf /= df
    np.log(idf, out=idf)
    idf += 1.0
    return idf


def _weigh(counts, idf: np.ndarray):
    """1 + ln(tf), times IDF, each row scaled to unit length (empty rows stay empty)."""
    # WHY astype only for integer counts: it also re-sorts each row, as scikit-learn's own
    # conversion does for CountVectorizer's integers but not for TfidfVectorizer's floats.
    matrix = counts.astype(np.float64) if counts.dtype != np.float64 else counts.copy()
    np.log(matrix.data, matrix.data)
    matrix.data += 1.0
    matrix.data *= idf[matrix.indices]
    data, indptr = matrix.data, matrix.indptr
    for row in range(matrix.shape[0]):
        start, end = indptr[row], indptr[row + 1]
        total = 0.0
        for value in data[start:end].tolist():  # in order, as scikit-learn sums: identical floats
            total += value * value
        if total:
            data[start:end] /= math.sqrt(total)
    return matrix
