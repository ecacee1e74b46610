"""Validators of the smaller taxonomy files: parsed TOML in, a frozen value out. No file is opened here.

:mod:`analyzer.taxonomy` reads every file under ``taxonomy/`` and calls these; each raises
:class:`~analyzer.errors.TaxonomyError` naming the file and the entry at fault. Kept apart from
taxonomy.py only for length. Known limits: word lists are checked to be lists of words, not for
words that could never match.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from typing import Any

from analyzer.errors import TaxonomyError
from analyzer.models import Severity


# --- claims.toml: the words the claim and flag heuristics look for ------------------------------


@dataclass(frozen=True, slots=True)
class ClaimRules:
    """taxonomy/claims.toml, validated. Phrase lists are lower case."""

    project_verbs: tuple[str, ...]
    project_labels: tuple[str, ...]
    data_words: tuple[str, ...]
    up_verbs: tuple[str, ...]
    down_verbs: tuple[str, ...]
    metric_names: tuple[str, ...]
    baseline_cues: tuple[str, ...]
    method_cues: tuple[str, ...]
    deployment_phrases: tuple[str, ...]
    lifecycle_phrases: tuple[str, ...]
    model_user_phrases: tuple[str, ...]
    model_building: tuple[str, ...]
    vague_phrases: tuple[str, ...]
    part_time_titles: tuple[str, ...]
    overlap_months: int
    gap_months: int
    old_gap_months: int  # a gap that closed longer ago than this is not flagged
    checked_link_kinds: tuple[str, ...]
    not_fundamentals: tuple[str, ...]
    talk_words: tuple[str, ...]
    patent_words: tuple[str, ...]
    padding_min_listed_only: int
    padding_max_used_share: float
    implied_by: tuple[tuple[str, tuple[str, ...]], ...] = ()
    measure_order: tuple[str, ...] = ()
    model_context: tuple[str, ...] = ()
    confidential_phrases: tuple[str, ...] = ()
    work_verbs: tuple[str, ...] = ()
    duty_verbs: tuple[str, ...] = ()  # verbs opening a job line of data work worth asking about without a skill
    certificate_words: tuple[str, ...] = ()  # words that make a certifications item a course or an exam
    measures: tuple[tuple[str, tuple[str, ...]], ...] = ()  # kind -> phrases, in measure_order
    deep_learning_roots: tuple[str, ...] = ()  # skill ids whose descendants are all deep learning
    unfinished_phrases: tuple[str, ...] = ()  # a line with one of these is a plan, not work done
    finding_phrases: tuple[str, ...] = ()  # a number beside one of these is what an analysis found
    level_words: tuple[str, ...] = ()  # the word before a metric's number that makes it a level reached
    analysis_words: tuple[str, ...] = ()  # with data_words: a line about working with data, not serving meals
    work_nouns: tuple[str, ...] = ()  # a job line's first word naming its work as a noun ("Building", "Development")
    frame_nouns: tuple[str, ...] = ()  # with frame_verbs, a prose frame before the work: "The main work consisted of"
    frame_verbs: tuple[str, ...] = ()
    people_training: tuple[str, ...] = ()  # "trained new employees": people trained, no model
    # Section kinds whose lines describe the candidate rather than show work (sections.toml
    # ``self_description``), filled in by the taxonomy loader.
    self_description_sections: tuple[str, ...] = ()

    def implying(self, skill_id: str) -> tuple[str, ...]:
        """Ids of the skills whose use implies this one (PyTorch implies Python)."""
        return dict(self.implied_by).get(skill_id, ())


_LIST_FIELDS = (
    "project_verbs", "project_labels", "data_words", "up_verbs",
    "down_verbs", "metric_names", "baseline_cues", "method_cues", "deployment_phrases",
    "lifecycle_phrases", "model_user_phrases", "model_building", "vague_phrases", "part_time_titles",
    "checked_link_kinds", "talk_words", "patent_words", "not_fundamentals", "measure_order", "model_context",
    "confidential_phrases", "work_verbs", "duty_verbs", "certificate_words", "deep_learning_roots",
    "unfinished_phrases", "finding_phrases", "level_words", "analysis_words", "work_nouns",
    "frame_nouns", "frame_verbs", "people_training",
)


def _strings(data: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = data.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise TaxonomyError(f"{where}: '{key}' must be a list of non-empty strings.")
    return tuple(v.strip().lower() for v in value)


def parse_claim_rules(data: dict[str, Any], where: str = "claims.toml") -> ClaimRules:
    """claims.toml's parsed TOML, validated."""
    numbers: dict[str, Any] = {}
    for key, kind in (("overlap_months", int), ("gap_months", int), ("old_gap_months", int),
                      ("padding_min_listed_only", int), ("padding_max_used_share", float)):
        value = data.get(key)
        if not isinstance(value, kind) or value < 0:
            raise TaxonomyError(f"{where}: '{key}' must be a non-negative {kind.__name__}.")
        numbers[key] = value
    implied = data.get("implied_by", {})
    if not isinstance(implied, dict):
        raise TaxonomyError(f"{where}: [implied_by] must be a table of skill id = [skill ids].")
    implied_by = tuple((key, _strings(implied, key, f"{where} implied_by")) for key in sorted(implied))
    order = _strings(data, "measure_order", where)
    table = data.get("measures", {})
    if not isinstance(table, dict) or set(table) != set(order):
        raise TaxonomyError(f"{where}: [measures] must give phrases for exactly the kinds of measure_order.")
    measures = tuple((kind, _strings(table, kind, f"{where} measures")) for kind in order)
    return ClaimRules(**{k: _strings(data, k, where) for k in _LIST_FIELDS}, **numbers,
                      implied_by=implied_by, measures=measures)


# --- flags.toml: the flags' wording, severities and interview areas ------------------------------


@dataclass(frozen=True, slots=True)
class FlagText:
    code: str
    variant: str
    severity: Severity
    area: int
    message: str
    advice: str

    def fields(self) -> set[str]:
        """The placeholders the message and advice use."""
        return {name for text in (self.message, self.advice)
                for _, name, _, _ in string.Formatter().parse(text) if name}


@dataclass(frozen=True, slots=True)
class FlagTexts:
    texts: tuple[FlagText, ...]
    link_kinds: tuple[tuple[str, str, str], ...]  # kind, name, what to re-read
    everyday_tools: tuple[str, ...] = ()  # skill ids grouped into one low note when only listed
    category_labels: tuple[str, ...] = ()  # skills-list labels that list kinds of data, not methods
    plan_words: tuple[str, ...] = ()  # a future date next to one of these is a plan ("Expected 2027")
    side_work_words: tuple[str, ...] = ()  # study, capstones, theses: not a second job when they overlap one
    shared_work_phrases: tuple[str, ...] = ()  # "co-authored", "team of": whose part was it?
    leading_phrases: tuple[str, ...] = ()  # "led a team of": the candidate's part is the lead
    own_part_phrases: tuple[str, ...] = ()  # "I designed the database": the candidate's part in shared work is stated
    tool_families: tuple[str, ...] = ()  # skills whose listed engines are a detail once the skill is used at work
    umbrella_categories: tuple[str, ...] = ()  # whole fields ("machine learning"): never "last used long ago"
    shipped_words: tuple[str, ...] = ()  # words that say something went live ("deployed"), not only a pipeline
    not_shipped_words: tuple[str, ...] = ()  # words that make going live a plan ("a prototype ... before being deployed")
    exercise_words: tuple[str, ...] = ()  # a job simulation or virtual internship: nothing there went live
    never_stale_categories: tuple[str, ...] = ()  # engineering practice: no "last used long ago"
    language_categories: tuple[str, ...] = ()  # not "last used long ago" while ML work is recent
    practitioner_words: tuple[str, ...] = ()  # "engineering=engineer": a job title naming who practises a field
    editor_tools: tuple[str, ...] = ()  # editors and IDEs: never an "only in a skills list" note
    everyday_categories: tuple[str, ...] = ()  # categories whose every skill is an everyday one
    hedge_before: tuple[str, ...] = ()  # "familiar with": the skills after it are claimed as light
    hedge_after: tuple[str, ...] = ()  # "familiarity": the skills before it are claimed as light
    model_work_libraries: tuple[str, ...] = ()  # like a language: not "last used long ago" while ML work is recent
    tool_for_class: tuple[tuple[str, tuple[str, ...]], ...] = ()  # category -> kinds of work a listed tool serves

    def work_kinds(self, category: str) -> tuple[str, ...]:
        """The kinds of work ("dl", "ml", "domain") a listed tool of this category serves, () when none."""
        return dict(self.tool_for_class).get(category, ())

    def get(self, code: str, variant: str = "") -> FlagText:
        for text in self.texts:
            if text.code == code and text.variant == variant:
                return text
        raise KeyError((code, variant))

    def link_kind(self, kind: str) -> tuple[str, str]:
        for name, label, what in self.link_kinds:
            if name == kind:
                return label, what
        return self.link_kind("other") if kind != "other" else ("a link", "the page")


def parse_flag_texts(data: dict[str, Any], where: str = "flags.toml", *, area_ids: frozenset[int]) -> FlagTexts:
    """flags.toml's parsed TOML, validated; ``area_ids``: the interview-map rows of areas.toml."""
    texts = []
    for record in data.get("flag", []):
        at = f"{where} flag {record.get('code')!r}"
        for key in ("code", "severity", "message", "advice"):
            if not isinstance(record.get(key), str) or not record[key].strip():
                raise TaxonomyError(f"{at}: '{key}' must be a non-empty string.")
        if record["severity"] not in {s.value for s in Severity}:
            raise TaxonomyError(f"{at}: severity must be one of {', '.join(Severity)}.")
        if not isinstance(record.get("area"), int) or record["area"] not in area_ids:
            raise TaxonomyError(f"{at}: area must be an interview-map row of areas.toml.")
        texts.append(FlagText(record["code"], record.get("variant", ""), Severity(record["severity"]), record["area"],
                              " ".join(record["message"].split()), " ".join(record["advice"].split())))
    keys = [(t.code, t.variant) for t in texts]
    if len(set(keys)) != len(keys):
        raise TaxonomyError(f"{where}: a flag code and variant is declared twice.")
    link_table = data.get("link_kinds", {})
    if "other" not in link_table:
        raise TaxonomyError(f"{where}: [link_kinds] needs an 'other' entry.")
    link_kinds = tuple((kind, str(v["name"]), str(v["what"])) for kind, v in sorted(link_table.items()))
    lists = {key: _word_list(data, key, where) for key in _FLAG_WORD_LISTS}
    table = data.get("tool_for_class", {})
    if not isinstance(table, dict):
        raise TaxonomyError(f"{where}: [tool_for_class] must be a table of category id = [kinds of work].")
    tool_for_class = tuple((key, _word_list(table, key, f"{where} tool_for_class")) for key in sorted(table))
    return FlagTexts(tuple(texts), link_kinds, **lists, tool_for_class=tool_for_class)


# The lists of words and skill ids flags.toml holds beside the texts (see its comments).
_FLAG_WORD_LISTS = ("everyday_tools", "category_labels", "plan_words", "side_work_words", "shared_work_phrases",
                    "leading_phrases", "own_part_phrases", "tool_families", "umbrella_categories", "shipped_words", "not_shipped_words",
                    "exercise_words", "never_stale_categories", "language_categories", "practitioner_words",
                    "editor_tools", "everyday_categories", "hedge_before", "hedge_after", "model_work_libraries")


def _word_list(data: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise TaxonomyError(f"{where}: {key} must be a list of non-empty strings.")
    return tuple(v.strip().lower() for v in value)


# --- links.toml: hosts and words that classify a link ---------------------------------------------

_LINK_LISTS = ("github_hosts", "gist_hosts", "kaggle_hosts", "linkedin_hosts", "scholar_hosts", "blog_hosts",
               "portfolio_hosts", "blog_words", "portfolio_words", "github_reserved")


@dataclass(frozen=True, slots=True)
class LinkRules:
    """links.toml: the hosts of each link kind, and the words that make an unknown host a blog or portfolio."""

    github_hosts: tuple[str, ...]
    gist_hosts: tuple[str, ...]
    kaggle_hosts: tuple[str, ...]
    linkedin_hosts: tuple[str, ...]
    scholar_hosts: tuple[str, ...]
    blog_hosts: tuple[str, ...]
    portfolio_hosts: tuple[str, ...]
    blog_words: tuple[str, ...]
    portfolio_words: tuple[str, ...]
    github_reserved: tuple[str, ...]

    def hosts(self, kind: str) -> tuple[str, ...]:
        """The hosts of one link kind ("kaggle" -> kaggle_hosts)."""
        return getattr(self, f"{kind}_hosts")


def parse_link_rules(data: dict[str, Any], where: str = "links.toml") -> LinkRules:
    return LinkRules(**{key: _words(data, key, where) for key in _LINK_LISTS})


# --- dates.toml: month names and the words around dates, in six languages ----------------------------


@dataclass(frozen=True, slots=True)
class DateWords:
    months: dict[str, int]
    seasons: dict[str, int]
    open_end: tuple[str, ...]
    range_words: tuple[str, ...]
    end_only: tuple[str, ...]
    not_tenure: tuple[str, ...]


def parse_date_words(data: dict[str, Any], where: str = "dates.toml") -> DateWords:
    months: dict[str, int] = {}
    for number, names in data.get("months", {}).items():
        for name in names:
            if name.lower() in months:
                raise TaxonomyError(f"{where}: month name '{name}' is listed under two months.")
            months[name.lower()] = int(number)
    if sorted(set(months.values())) != list(range(1, 13)):
        raise TaxonomyError(f"{where}: [months] must name all twelve months, 1 to 12.")
    words = data.get("words", {})

    def listed(key: str) -> tuple[str, ...]:
        values = words.get(key)
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise TaxonomyError(f"{where}: [words] {key} must be a list of strings.")
        return tuple(v.lower() for v in values)

    seasons = {name.lower(): int(month) for name, month in data.get("seasons", {}).items()}
    return DateWords(months, seasons, listed("open_end"), listed("range_words"), listed("end_only"), listed("not_tenure"))


# --- entries.toml: the words that tell an entry heading's fields apart ---------------------------------

_ENTRY_LISTS = ("title_words", "organization_words", "institution_words", "degree_words", "at_words", "location_words",
                "course_words")


@dataclass(frozen=True, slots=True)
class EntryWords:
    """entries.toml, lower case: hint words of job titles, organisations, places of learning,
    degrees and places, and the connectors between a title and an organisation ("at", "@")."""

    title_words: frozenset[str]
    organization_words: frozenset[str]
    institution_words: frozenset[str]
    degree_words: frozenset[str]
    at_words: tuple[str, ...]
    location_words: frozenset[str]
    course_words: frozenset[str]  # a title with one of these is a course or a certificate, not a role
    at_split: re.Pattern[str]  # "Data Scientist at Acme" -> two fields


def parse_entry_words(data: dict[str, Any], where: str = "entries.toml") -> EntryWords:
    lists = {key: _words(data, key, where) for key in _ENTRY_LISTS}
    connectors = "|".join(re.escape(w) for w in sorted(lists["at_words"], key=len, reverse=True))
    at_split = re.compile(rf"\s+(?:{connectors})\s+", re.IGNORECASE) if connectors else re.compile(r"(?!)")
    return EntryWords(**{key: frozenset(v) for key, v in lists.items() if key != "at_words"},
                      at_words=lists["at_words"], at_split=at_split)


# --- labels.toml: plain names for the codes the analysis uses inside ----------------------------------


def parse_labels(data: dict[str, Any], where: str = "labels.toml") -> dict[str, str]:
    """Flag code -> its plain name ([flags])."""
    names = data.get("flags", {})
    if not isinstance(names, dict) or not all(isinstance(v, str) and v.strip() for v in names.values()):
        raise TaxonomyError(f"{where}: [flags] must map each flag code to a name.")
    return {str(k): str(v) for k, v in names.items()}


def _words(data: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    """A list of non-empty strings, lower case (a missing key is an empty list)."""
    values = data.get(key, [])
    if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
        raise TaxonomyError(f"{where}: '{key}' must be a list of words.")
    return tuple(v.strip().lower() for v in values)
