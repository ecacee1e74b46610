"""Results with a number: what a clause reports, and what each number of a sentence measures.

    read_result(clause, statement_text, rules, has_skill) -> Result | None
    read_quantities(sentence, rules, has_skill) -> tuple[Quantity, ...]

A result is a change with a number ("cut churn by 12%"), a from-to ("from 0.81 to 0.86") or a
named metric with a value ("AUC of 0.91"); its :class:`~analyzer.models.Quantity` says what the
most outcome-like number measures (a kind of ``taxonomy/claims.toml`` ``[measures]``), which way
it moved, and whether the sentence gives a baseline and a method. The words looked for are in
``taxonomy/claims.toml``. Known limits: English only; one result per clause; the metric name is
the few words next to the verb, not a parsed noun phrase.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Protocol

from analyzer.models import Quantity, Result
from analyzer.phrases import find_phrases, has_phrase, phrase_regex


class ClaimRules(Protocol):
    """The words of taxonomy/claims.toml this module reads (analyzer.claims.ClaimRules has them all).
    WHY a protocol: the claims step imports this module, so importing its rules type back would
    make a cycle."""

    up_verbs: tuple[str, ...]
    down_verbs: tuple[str, ...]
    metric_names: tuple[str, ...]
    baseline_cues: tuple[str, ...]
    method_cues: tuple[str, ...]
    project_verbs: tuple[str, ...]
    work_verbs: tuple[str, ...]
    model_context: tuple[str, ...]
    people_training: tuple[str, ...]
    confidential_phrases: tuple[str, ...]
    measure_order: tuple[str, ...]
    measures: tuple[tuple[str, tuple[str, ...]], ...]

_NUMBER = r"[$€£]?\d[\d,]*(?:\.\d+)?"
# A number that names a version, a model size or a year ("Python 3.10", "ResNet-50", "p99", "2019")
# is not a measurement, so a number glued to a letter or a hyphen before it is skipped.
_UNIT = r"(?:\s?(?:%|percentage points?|pp\b|x\b|×|k\b|m\b|bn\b|million\b|billion\b|ms\b|seconds?\b|minutes?\b|hours?\b|days?\b|weeks?\b|times\b))?"
_NUMBER_RE = re.compile(rf"(?<![\w@.\-/]){_NUMBER}{_UNIT}", re.IGNORECASE)
# "<100K" and ">2M" are bounds on the number, still a from-to ("scaling from <100K to >2M images/day").
_FROM_TO_RE = re.compile(rf"\bfrom\s+[<>~≈]?\s?(?P<a>{_NUMBER}{_UNIT})\s+to\s+[<>~≈]?\s?(?P<b>{_NUMBER}{_UNIT})",
                         re.IGNORECASE)
_YEAR_RE = re.compile(r"^(?:19|20)\d\d$")
_METHOD_BY_RE = re.compile(r"\bby\s+[a-z]+ing\b", re.IGNORECASE)


def _unit_of(number: str) -> str:
    match = re.match(r"\s*([$€£]?)\d[\d,]*(?:\.\d+)?\s?(.*)$", number)
    if not match:
        return ""
    currency, unit = match.groups()
    return currency or unit.strip()


def _measurements(clause: str) -> list[re.Match[str]]:
    return [m for m in _NUMBER_RE.finditer(clause)
            if not (_YEAR_RE.match(m.group()) and not _unit_of(m.group()))]


def find_result(clause: str, statement_text: str, rules: ClaimRules, has_skill: bool) -> Result | None:
    """The result a clause states, if any: a change with a number, a from-to, or a named metric."""
    method = has_skill or has_phrase(statement_text, rules.method_cues) or bool(_METHOD_BY_RE.search(statement_text)) \
        or states_the_work(statement_text, rules)
    up = find_phrases(clause, rules.up_verbs)
    down = find_phrases(clause, rules.down_verbs)
    direction = "up" if up and not down else "down" if down else "up" if up else "level"
    verb = (up or down or ("",))[0]
    from_to = _FROM_TO_RE.search(clause)
    if from_to:
        value, start = from_to.group("b").strip(), from_to.group("a").strip()
        if direction == "level":  # "moved take rate from 11.2% to 11.9%": the numbers say which way
            direction = "up" if _amount(value) > _amount(start) else "down"
        return Result(_metric_near(clause, verb, from_to.start()), value, _unit_of(value), start, direction, method)
    numbers = _measurements(clause)
    baseline = [_compared_with(clause, cue) for cue in find_phrases(clause, rules.baseline_cues)]
    changed = [m for m in numbers if _unit_of(m.group())]
    if verb and changed:
        value = changed[0].group().strip()
        return Result(_metric_near(clause, verb, changed[0].start()), value, _unit_of(value),
                      baseline[0] if baseline else "", direction, method)
    metric = find_phrases(clause, rules.metric_names)
    if metric and numbers:
        value = numbers[0].group().strip()
        return Result(metric[0], value, _unit_of(value), baseline[0] if baseline else "", "level", method)
    if baseline and len(numbers) >= 2:  # "in 40 experiments instead of the 150 a grid search needed"
        value = numbers[0].group().strip()
        return Result("", value, _unit_of(value), baseline[0], "level", method)
    return None


def _compared_with(clause: str, cue: str) -> str:
    """What a result is measured against: 'against the seasonal-naive forecast' -> 'the seasonal-naive
    forecast'. WHY: the cue word alone ('against') says a baseline exists but not which one."""
    at = re.search(rf"(?<![\w-]){re.escape(cue)}(?![\w-])", clause, re.IGNORECASE)
    after = re.split(r"[,;:()]|\.(?:\s|$)|\s(?:and|by|with|while|after|which)\s", clause[at.end():] if at else "")[0]
    # "over the existing rules", "over no model": the cue's own words after "over" name the baseline too
    lead = cue.split(maxsplit=1)[1] if cue.lower().startswith("over ") else ""
    words = (f"{lead} {after}" if lead else after).split()[:6]
    return " ".join(words).strip(" .") or cue


def _amount(number: str) -> float:
    digits = re.search(r"\d[\d,]*(?:\.\d+)?", number)
    return float(digits.group().replace(",", "")) if digits else 0.0


def _metric_near(clause: str, verb: str, number_at: int) -> str:
    """The words naming what changed: after the verb ('reduced churn by'), else before it ('CTR up')."""
    stop = r"\b(?:by|from|to|of|across|at|for|with|in)\b"
    if verb:
        at = re.search(rf"(?<![\w-]){re.escape(verb)}(?![\w-])", clause, re.IGNORECASE)
        if at and at.end() <= number_at:
            after = re.split(stop, clause[at.end():number_at], maxsplit=1, flags=re.IGNORECASE)[0]
            words = [w for w in after.split() if w.lower() not in ("the", "a", "an", "our", "its")]
            if words:
                return " ".join(words[:5]).strip(",")
        if at:
            before = re.split(r"[,:;]", clause[:at.start()])[-1].split()
            return " ".join(before[-3:]).strip(",")
    before = re.split(r"[,:;()]|\band\b", clause[:number_at])[-1].split()
    words = [w for w in before if w.lower() not in ("from", "the", "a", "an", "moved", "took", "went")]
    return " ".join(words[-3:])

# --- what each number of a sentence measures ------------------------------------------------------------

# A quantity as printed: a qualifier, a currency, a number or a range ("15-20%"), a unit, a plus.
# WHY whole: "15" torn out of "by 15-20%" misstates the claim.
_QUANTITY_RE = re.compile(
    r"(?<![\w@./#-])(?:(?:over|about|approximately|approx\.|nearly|almost|up to|more than|less than|under)\s+)?"
    r"[~<>≈]?[$€£]?\d[\d,]*(?:\.\d+)?(?:\s?[-–]\s?[$€£]?\d[\d,]*(?:\.\d+)?)?"
    r"(?:\s?(?:%|percent\b|percentage points?\b|pp\b|[kKmMbB]\b|bn\b|x\b|×|ms\b|million\b|billion\b|thousand\b"
    r"|seconds?\b|minutes?\b|hours?\b|days?\b|weeks?\b|months?\b|years?\b))?\+?(?![\w-])",
    re.IGNORECASE)
_YEARS_RE = re.compile(r"^(?:19|20)\d\d(?:\s?[-–]\s?(?:19|20)?\d\d)?$")
_TIME_UNIT_RE = re.compile(r"(?:ms|seconds?|minutes?|hours?|days?|weeks?|months?|years?)\+?$", re.IGNORECASE)
_CHANGE_UNIT_RE = re.compile(r"(?:%|percent|percentage points?|pp|x|×)\+?$", re.IGNORECASE)
_LEVEL_KINDS = frozenset({"model_metric", "error_metric", "share_or_rate", "latency", "throughput", "rank_or_score"})
_MONEY_KINDS = ("cost_reduction", "revenue", "money")
_AFTER_WORDS = 4  # what a count counts is in the next few words ("10,000 labelled images")
_BEFORE_WORDS = 6  # what a level is a value of comes before it ("an accuracy of 96%")
_FROM_TO_ANY_RE = re.compile(r"\bfrom\b.{1,40}?\bto\b", re.IGNORECASE)


def _is_year_or_label(match: re.Match[str], text: str) -> bool:
    value = match.group().strip()
    if _YEARS_RE.match(value):
        return True
    # "Python 3.10", "v2", "Q3 2021", "#1": a number glued to a name is not a measurement.
    before = text[:match.start()].rstrip()
    return bool(re.search(r"(?:\b[Qq]|\bversion|\bv|\bpython|\bjava|\bphase|\bstep|\blevel|\bsection|\bgrade)$",
                          before, re.IGNORECASE))


def _window(text: str, start: int, end: int) -> tuple[str, str]:
    """The words after and before a number, each stopped at punctuation or at the next number.
    Words that only say it is a change ("increase in", "gain") are skipped after it."""
    after = re.split(r"[,;:()]|\.(?:\s|$)|\s\d", text[end:], maxsplit=1)[0]
    after = re.sub(r"^\s*(?:(?:increase|improvement|reduction|decrease|gain|drop|higher|lower|more|less)\s+(?:in|of)?\s*)",
                   " ", after, flags=re.IGNORECASE)
    before = re.split(r"[,;:()]|\.(?:\s|$)|\d\s", text[:start])[-1]
    return " ".join(after.split()[:_AFTER_WORDS]), " ".join(before.split()[-_BEFORE_WORDS:])


def _measure(value: str, after: str, before: str, sentence: str, rules: ClaimRules) -> tuple[str, str]:
    """The kind of a number and the words that said so ("model_metric", "accuracy")."""
    table = dict(rules.measures)
    is_change = bool(_CHANGE_UNIT_RE.search(value))
    currency = bool(re.search(r"[$€£]", value)) or has_phrase(after, ("dollars", "euros", "pounds", "usd", "eur"))
    has_model = names_model(sentence, rules)

    def named(kind: str, window: str) -> str:
        if kind == "model_metric" and not has_model:
            return ""  # "100% accuracy" of data entry is a rate, not a model's score
        if kind in ("people", "users", "records_or_data_volume", "count_of_things") and is_change \
                and window is before:
            return ""  # "improved engagement of users by 15%": the users are not what 15% counts
        found = find_phrases(window, table[kind])
        return found[0] if found else ""

    if currency:
        for kind in _MONEY_KINDS[:2]:
            if named(kind, f"{before} {after}"):
                return kind, named(kind, f"{before} {after}")
        return "money", ""
    if _TIME_UNIT_RE.search(value):
        for kind in ("latency", "time_saved", "throughput"):
            word = named(kind, f"{before} {after} {sentence}" if kind != "throughput" else after)
            if word:
                return kind, word
        return "other", ""
    # A metric named right after the number ("83.94% AUC") says what it is; otherwise a change or level
    # reads from its left ("accuracy of 96%"), a count from its right ("10k images", "20+ KPIs").
    head = " ".join(after.split()[:2])
    for kind in ("model_metric", "error_metric"):
        if named(kind, head):
            return kind, named(kind, head)
    windows = (before, after) if is_change else (after, before)
    nearest = _nearest_named(before, rules, named)
    for window in windows:
        if window is before and nearest:
            return nearest
        for kind in rules.measure_order:
            if kind != "count_of_things" or window is after:
                word = named(kind, window)
                if word:
                    return kind, word
    if not is_change and re.match(r"[A-Za-z]", after or "") and not re.match(r"(?:of|in|to|by|and|or)\b", after):
        return "count_of_things", after.split()[0]
    return ("share_or_rate" if is_change and not has_phrase(sentence, rules.up_verbs + rules.down_verbs) else "other"), ""


def _nearest_named(before: str, rules: ClaimRules, named) -> tuple[str, str] | None:
    """Of the measures named left of a number, the one nearest to it: "reducing errors and improving
    efficiency by 33%" measures efficiency, not errors."""
    table = dict(rules.measures)
    best: tuple[int, int, str, str] | None = None
    for order, kind in enumerate(rules.measure_order):
        if kind == "count_of_things" or not named(kind, before):
            continue
        last = max((m.end() for m in phrase_regex(table[kind]).finditer(before)), default=-1)
        if best is None or (last, -order) > (best[0], -best[1]):
            best = (last, order, kind, named(kind, before))
    return (best[2], best[3]) if best else None


def _direction_at(clause: str, at: int, rules: ClaimRules) -> str:
    """The verb that moves this number: the last up/down verb before it, else the first after it."""
    found = []
    for kind, phrases in (("up", rules.up_verbs), ("down", rules.down_verbs)):
        found += [(m.start(), kind) for m in phrase_regex(phrases).finditer(clause)] if has_phrase(clause, phrases) else []
    before = [k for s, k in sorted(found) if s < at]
    after = [k for s, k in sorted(found) if s > at]
    return (before[-1:] or after[:1] or [""])[0]


def read_quantities(sentence: str, rules: ClaimRules, has_skill: bool = False) -> tuple[Quantity, ...]:
    """Every number of a sentence that measures something, in reading order (years, versions skipped)."""
    method = has_skill or has_phrase(sentence, rules.method_cues) or bool(_METHOD_BY_RE.search(sentence)) \
        or states_the_work(sentence, rules)
    baseline = has_phrase(sentence, rules.baseline_cues) or bool(_FROM_TO_ANY_RE.search(sentence))
    out: list[Quantity] = []
    for match in _QUANTITY_RE.finditer(sentence):
        if _is_year_or_label(match, sentence):
            continue
        value = " ".join(match.group().split())
        after, before = _window(sentence, match.start(), match.end())
        kind, name = _measure(value, after, before, sentence, rules)
        moved = _direction_at(sentence, match.start(), rules)
        is_change = bool(_CHANGE_UNIT_RE.search(value)) or kind in ("time_saved", "cost_reduction", "latency")
        if kind == "money":
            direction = "none"  # money raised, managed or traded is a size, not a change
        elif kind in _LEVEL_KINDS and _is_level_reached(before, rules) and not _FROM_TO_ANY_RE.search(sentence):
            direction = "level"
        elif moved and (is_change or kind in _MONEY_KINDS or _FROM_TO_ANY_RE.search(sentence)):
            direction = moved
        else:
            direction = "level" if kind in _LEVEL_KINDS else "none"
        out.append(Quantity(value, kind, name, direction, baseline, method, sentence))
    return tuple(out)


def _is_level_reached(before: str, rules: ClaimRules) -> bool:
    """The number follows a word that states a level ("with 83.94% AUC", "accuracy of 91%")."""
    words = before.split()
    return bool(words) and words[-1].lower() in rules.level_words


def states_the_work(sentence: str, rules: ClaimRules) -> bool:
    """The line opens with what was done, then the outcome: "Optimised the query plans, cutting
    runtime by 60%", "Built a scoring engine for a 65% gain". The opening is the method."""
    words = sentence.split()
    first = words[0].lower().strip(",:") if words else ""
    number = re.search(r"\d", sentence)
    opening = sentence[:number.start()].split() if number else words
    # a verb of data work ("Investigated financing options, cutting costs by 3.5%") states the work too
    return (first in rules.project_verbs or first in rules.work_verbs or first in rules.duty_verbs) and len(opening) >= 4


def names_model(text: str, rules: ClaimRules) -> bool:
    """The text names a model or its training ("trained a churn classifier"), not people being trained
    ("trained new employees", rules.people_training)."""
    return has_phrase(text, rules.model_context) and not has_phrase(text, rules.people_training)


def is_confidential(text: str, rules: ClaimRules) -> bool:
    """The line calls its subject proprietary or confidential: asking to explain it would be unfair.
    WHY not "proprietary documents": a search system over a client's private documents can be
    discussed (how it retrieved, how it was judged); only the documents cannot."""
    return has_phrase(_private_data_regex(rules.data_words).sub("", text), rules.confidential_phrases)


@lru_cache(maxsize=8)  # WHY: built once per word list, not once per claim
def _private_data_regex(data_words: tuple[str, ...]) -> re.Pattern[str]:
    """'proprietary documents', 'confidential data': private data, not a private method."""
    data = "|".join(re.escape(word) for word in sorted(data_words, key=len, reverse=True))
    return re.compile(rf"\b(?:proprietary|confidential|internal)\s+(?:{data})\b", re.IGNORECASE)


# Which number of a clause a question is about when it holds several: an outcome before a size.
_RESULT_PRIORITY = ("model_metric", "error_metric", "latency", "share_or_rate", "revenue", "cost_reduction",
                    "time_saved", "efficiency", "throughput", "users", "money", "rank_or_score")


def _quantity_of(found: Result, quantities: tuple[Quantity, ...]) -> Quantity | None:
    """The understood quantity behind a result: its most outcome-like number ("0.877 mAP50" rather
    than "10,000 images"), else the one whose number is the result's value."""
    number = re.search(r"\d[\d,]*(?:\.\d+)?", found.value)

    def is_value(quantity: Quantity) -> bool:
        return bool(number) and re.search(rf"(?<![\d.,]){re.escape(number.group())}(?![\d])", quantity.value) is not None

    ranked = sorted((q for q in quantities if q.measures in _RESULT_PRIORITY),
                    key=lambda q: (_RESULT_PRIORITY.index(q.measures), not is_value(q)))
    if ranked:
        return ranked[0]
    return next((q for q in quantities if is_value(q)), None)


def read_result(clause: str, statement_text: str, rules: ClaimRules, has_skill: bool) -> Result | None:
    """The result a clause of a statement reports, with its understood number, or None."""
    found = find_result(clause, statement_text, rules, has_skill)
    if found is None:
        return None
    quantities = read_quantities(clause, rules, has_skill)
    quantity = _quantity_of(found, quantities)
    if quantity is not None and quantity.direction == "level":
        found = replace(found, direction="level")  # the understood number is a level, whatever verb opens the line
    if is_finding(statement_text, rules):
        # WHY: "variant B converted at 18.8% against 10.6%" or "a 44% drop-off at checkout" is what an
        # analysis found, not a number the candidate's work moved: no "what did you change" for it
        found = replace(found, direction="level")
        quantity = replace(quantity, direction="level") if quantity is not None else None
    return replace(found, clause=clause, sentence=statement_text, quantity=quantity,
                   quantities=quantities, confidential=is_confidential(statement_text, rules))


def is_finding(statement_text: str, rules: ClaimRules) -> bool:
    """The line compares the arms of a test or the stages of a funnel (claims.toml finding_phrases)."""
    return has_phrase(statement_text, rules.finding_phrases)
