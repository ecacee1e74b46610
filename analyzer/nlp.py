"""The spaCy pipeline that finds skill names in resume text (used by step 4, ``analyzer/skills.py``).

``build_nlp(taxonomy)`` returns ``spacy.blank("en")`` (a trained English pipeline is never needed)
with two components made from the taxonomy:

- ``skill_matcher``: two PhraseMatchers over every alias of every skill: one on LOWER for ordinary
  aliases, one on ORTH for aliases that must keep their case (short acronyms such as ``SQL`` or
  ``ML``, and single-word names of skills marked ``case_sensitive``: ``R``, ``Go``, ``Spark``).
  It also owns the text preparation (:func:`prepare_text`): :func:`normalise_text` plus a splitter
  for words that lost their spaces in LaTeX PDFs (``inPythonandPySpark``).
- ``skill_rules``: keeps or drops each ambiguous candidate by general rules read from the words
  around it (``categories.toml [context]``): an everyday word or a name is dropped ("Excel at",
  "Go from", "Julia Okafor", "Dr Ray ...", "R. Julia ...", "a Hive", "Evidently, ..."); a field
  named as a degree's subject or in a role ("MSc in Data Science", "Data Science Intern") is not a
  skill; what survives needs the skill's required context (a skills list, a neighbouring
  unambiguous skill, a tech verb or noun); a few skills keep exclusion patterns for fixed
  expressions (``R&D``, ``attention to detail``). Then it keeps the longest of overlapping mentions
  as ``doc.ents`` (label = skill id), and adds skills named with a shared word left out
  ("supervised and unsupervised learning", "data cleaning, transformation and visualization").

The section a text comes from is passed on the Doc: ``doc._.section_kind`` and ``doc._.list_like``
(set them on ``nlp.make_doc(text)`` before running the pipe; see :func:`skill_docs`).

Limits: English only; the glued-word splitter trusts capital letters inside a glued word ("...andPySpark")
and only splits out long lower-case aliases ("learningtorank") inside very long glued words, so a glued
lower-case short name ("withsql") is missed, and a capitalised word that starts a glued run can be
mistaken for a name it begins with ("Redistribution..." -> Redis); ambiguity rules look at a window of words, not a parse,
so a name in a space-separated list outside a skills section ("Excel Word PowerPoint") can be taken for a proper name.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from analyzer.taxonomy import SectionKind, SkillDef, Taxonomy, compact_alias, load_taxonomy

Doc.set_extension("section_kind", default="", force=True)
Doc.set_extension("list_like", default=False, force=True)
Doc.set_extension("line_starts", default=(), force=True)  # character offsets where a new PDF line begins

NEIGHBOUR_WINDOW = 12  # tokens either side: roughly one clause of a bullet
VERB_WINDOW = 3  # "analysed survey data in R": the verb sits just before the name
DEGREE_REACH = 3  # tokens: "Master's in Data Science" puts the degree word three tokens before
CLAUSE_ENDS = frozenset({".", "!", "?", ";", "\u00b7", "|"})  # a word after one of these opens a clause
ELLIPSIS_JOINERS = frozenset({"and", "&", "/", "or", ","})  # "supervised and unsupervised learning"
EXCLUDE_REACH = 20  # characters: "driving licence (DL" puts the giveaway a few characters away

# --- text normalisation ---------------------------------------------------------------------------

_HYPHENS = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u00ad\u2212"), "-")
_DASHES = dict.fromkeys(map(ord, "\u2013\u2014\u2015"), " - ")
_BULLETS = dict.fromkeys(map(ord, "\u2022\u00b7\u25aa\u25e6\u25cf\u25a0\u25ba\u27a2\u2023\u2043\u2219\u22c5\u25c6\u2713\u2714\ufffd"), " \u00b7 ")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None)
# "Python/SQL/Spark" -> "Python / SQL / Spark"; one-letter sides stay together ("A/B", "T/F").
_SLASH_RE = re.compile(r"(?<=[A-Za-z0-9+#]{2})/(?=[A-Za-z]{2})")
# "TensorFlow2", "Python3.10" -> "TensorFlow 2", "Python 3.10" (three letters or more, then a version).
_VERSION_RE = re.compile(r"\b([A-Za-z][A-Za-z+#]{2,})(\d+(?:\.\d+)*)(?![\w])")
# "SQL,Kotlin(reading)" -> "SQL, Kotlin (reading)": list punctuation that lost its space ("3,000" stays).
_COMMA_RE = re.compile(r"(?<=[A-Za-z0-9)+#])([,;])(?=[A-Za-z(])")
_PAREN_RE = re.compile(r"(?<=[A-Za-z0-9+#])\((?=[A-Za-z])")


def normalise_text(text: str) -> str:
    """Undo PDF artefacts so aliases match: ligatures, odd dashes and bullets, slashes, glued versions."""
    text = unicodedata.normalize("NFKC", text)  # ligatures (U+FB01 'fi'), full-width letters, nbsp
    text = text.translate(_INVISIBLE).translate(_HYPHENS).translate(_DASHES).translate(_BULLETS)
    text = _SLASH_RE.sub(" / ", text)
    text = _VERSION_RE.sub(r"\1 \2", text)
    text = _PAREN_RE.sub(" (", _COMMA_RE.sub(r"\1 ", text))
    return " ".join(text.split())


def is_list_like(text: str) -> bool:
    """A line of comma/bullet-separated names rather than a sentence ("Python, SQL, Spark")."""
    words = len(text.split())
    separators = len(re.findall(r"[,;|\u00b7]", text))
    return words > 0 and separators >= 2 and separators / words >= 0.25


# --- glued words ----------------------------------------------------------------------------------

_PIECE_RE = re.compile(r"[^\s,;:()\[\]{}|\u00b7]+")
MIN_GLUED = 15  # letters: shorter runs are ordinary words, not several words glued together
MIN_GLUED_LOWER = 20  # a lower-case alias is only split out of a clearly glued run
MIN_ALIAS = 3  # "SQL" yes, "R" or "Go" never from inside a glued word


@dataclass(frozen=True, slots=True)
class _Entry:
    display: str  # the alias as written in the taxonomy
    capital: bool  # must start with a capital letter inside a glued word
    exact: bool  # must appear in this very case inside a glued word ("SQL", "Airflow")


class GlueSplitter:
    """Puts spaces back around aliases found inside long glued words ("usingPythonandSQL")."""

    def __init__(self, skills: Iterable[SkillDef]) -> None:
        self._entries: dict[str, _Entry] = {}
        for skill in skills:
            ruled = bool(skill.context or skill.exclude)
            for alias in (skill.name, *skill.aliases):
                key = compact_alias(alias)
                if len(key) < MIN_ALIAS or not re.fullmatch(r"[a-z0-9/+#&]+", key):
                    continue
                has_capital = alias[:1].isupper()
                if not has_capital and (ruled or len(key) < 7):
                    continue  # "attention", "implicit": lower-case words that only rules can sort out
                self._entries.setdefault(key, _Entry(alias, has_capital, has_capital and len(key) <= 4 or skill.case_sensitive))
        self._lengths = sorted({len(k) for k in self._entries}, reverse=True)

    def split(self, text: str) -> str:
        return _PIECE_RE.sub(lambda m: self._split_piece(m.group(0)), text)

    def _split_piece(self, piece: str) -> str:
        letters = [(i, ch) for i, ch in enumerate(piece) if ch not in "-._"]
        compact = "".join(ch for _, ch in letters).lower()
        whole = self._entries.get(compact)
        if whole and "-" not in piece and whole.display.lower() != piece.lower() and len(piece) >= 6:
            return whole.display  # "learningtorank" -> "learning to rank"
        if len(compact) < MIN_GLUED:
            return piece
        out: list[str] = []
        last = 0  # index into piece already copied
        i = 0
        while i < len(letters):
            hit = self._longest_at(letters, compact, i, piece)
            if hit is None:
                i += 1
                continue
            start, end = letters[i][0], letters[i + hit - 1][0] + 1
            found = piece[start:end]
            entry = self._entries[compact[i:i + hit]]
            out.append(piece[last:start])
            out.append(" " + (found if found.lower() == entry.display.lower() else entry.display) + " ")
            last = end
            i += hit
        out.append(piece[last:])
        return "".join(out).strip()

    def _longest_at(self, letters: list[tuple[int, str]], compact: str, i: int, piece: str) -> int | None:
        for length in self._lengths:
            key = compact[i:i + length]
            entry = self._entries.get(key) if len(key) == length else None
            if entry is None:
                continue
            original = "".join(ch for _, ch in letters[i:i + length])
            if entry.capital:
                # WHY: in glued text each word keeps its capital ("inPythonandPySpark"), while an
                # ordinary word never has one in the middle; so a capital is the sign of a name.
                if not original[:1].isupper() or (entry.exact and original != compact_alias_case(entry.display)):
                    continue
                if i > 0 and original.isupper() and letters[i - 1][1].isupper():
                    continue  # inside a longer acronym
            elif len(compact) < MIN_GLUED_LOWER:
                continue
            return length
        return None


def compact_alias_case(text: str) -> str:
    """Like compact_alias but keeping case: 'Spark SQL' -> 'SparkSQL'."""
    return re.sub(r"[\s\-_.]+", "", text)


# --- the pipeline -----------------------------------------------------------------------------------


def _alias_forms(alias: str) -> set[str]:
    """The alias and its hyphen variants: 'learning-to-rank' -> + 'learning to rank', 'learningtorank'."""
    forms = {alias}
    if "-" in alias:
        forms.add(alias.replace("-", " "))
        forms.add(alias.replace("-", ""))
    return forms


def _is_exact(skill: SkillDef, tokens: int, alias: str) -> bool:
    # WHY: short acronyms are words in lower case ("ml" = millilitres, "ann", "bert"), and a
    # case-sensitive skill's one-word names are ordinary words in another case ("spark", "excel").
    # An acronym ("SQL", "GANs", "DiD") is a word in lower case ("did"); "D3.js" or "Dask", with a
    # single capital, is a name in mixed case and may be written in any case.
    letters = [ch for ch in alias if ch.isalpha()]
    capitals = sum(ch.isupper() for ch in letters)
    is_acronym = bool(letters) and (capitals >= 2 or capitals == len(letters)) and len(compact_alias(alias)) <= 4
    has_upper = capitals > 0
    return is_acronym or (has_upper and skill.case_sensitive and tokens == 1)


@Language.factory("skill_matcher", default_config={"root": ""})
def make_skill_matcher(nlp: Language, name: str, root: str) -> "SkillMatcher":
    return SkillMatcher(nlp, load_taxonomy(root or None))


class SkillMatcher:
    """Marks every alias occurrence as a candidate span in ``doc.spans['skill_candidates']``."""

    def __init__(self, nlp: Language, taxonomy: Taxonomy) -> None:
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.splitter = GlueSplitter(taxonomy.skills)
        claimed: dict[str, str] = {}  # lower-cased form -> skill id; the first claim wins
        forms: list[tuple[SkillDef, str]] = []
        for skill in taxonomy.skills:
            for alias in sorted({skill.name, *skill.aliases}):
                for form in sorted(_alias_forms(normalise_text(alias))):
                    if claimed.setdefault(form.lower(), skill.id) == skill.id:
                        forms.append((skill, form))
        patterns: dict[tuple[str, bool], list[Doc]] = {}
        for (skill, form), doc in zip(forms, nlp.tokenizer.pipe(form for _, form in forms)):
            patterns.setdefault((skill.id, _is_exact(skill, len(doc), form)), []).append(doc)
        for (skill_id, exact), docs in patterns.items():
            (self.exact if exact else self.lower).add(skill_id, docs)

    def prepare(self, text: str) -> str:
        return normalise_text(self.splitter.split(normalise_text(text)))

    def __call__(self, doc: Doc) -> Doc:
        spans = [Span(doc, start, end, label=match_id)
                 for matcher in (self.lower, self.exact)
                 for match_id, start, end in matcher(doc)]
        doc.spans["skill_candidates"] = spans
        return doc


@Language.factory("skill_rules", default_config={"root": ""})
def make_skill_rules(nlp: Language, name: str, root: str) -> "SkillRules":
    return SkillRules(load_taxonomy(root or None))


class SkillRules:
    """Applies each skill's ambiguity rules to the candidates and writes the survivors to ``doc.ents``."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.skill = taxonomy.skill
        self.resolve = taxonomy.resolve
        self.verbs = frozenset(taxonomy.context.verbs)
        self.nouns = frozenset(taxonomy.context.nouns)
        self.list_sections = frozenset(taxonomy.context.list_sections)
        self.function_words = frozenset(taxonomy.context.function_words)
        self.honorifics = frozenset(taxonomy.context.honorifics)
        self.determiners = frozenset(taxonomy.context.determiners)
        self.degree_words = frozenset(taxonomy.context.degree_words)
        self.role_words = frozenset(taxonomy.context.role_words)
        fields = set(taxonomy.context.field_categories)
        self.fields = frozenset(s.id for s in taxonomy.skills if s.category in fields)
        # WHY: a skill is ambiguous when its one-word name is also an everyday word or name
        # (it needs context, or matches only in its own case): R, Go, Julia, Spark, Excel, Swift...
        self.ambiguous = frozenset(s.id for s in taxonomy.skills if s.context or s.case_sensitive)
        self.exclude = {s.id: tuple(re.compile(p) for p in s.exclude) for s in taxonomy.skills if s.exclude}
        umbrella = set(taxonomy.context.label_skip_categories)
        self.umbrella = frozenset(s.id for s in taxonomy.skills if s.category in umbrella)

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text  # rebuilt from every token on each access: once per doc
        candidates = [s for s in doc.spans.get("skill_candidates", [])
                      if not self._is_excluded(text, s) and not self._is_group_label(doc, s)]
        covered = {i for s in candidates for i in range(s.start, s.end)}
        candidates = [s for s in candidates
                      if not self._is_everyday_use(doc, s, covered) and not self._is_degree_or_role(doc, s)]
        plain = [s for s in candidates if not self._needs_context(s)]
        kept = filter_spans(plain + [s for s in candidates if self._needs_context(s) and self._has_context(doc, s, plain)])
        doc.ents = filter_spans(kept + self._elided(doc, kept))
        return doc

    def _elided(self, doc: Doc, found: list[Span]) -> list[Span]:
        """Skills named with a shared word left out: "supervised and unsupervised learning" names
        supervised learning too, "data cleaning and preprocessing" names data preprocessing.

        The shortened word becomes a mention when, with the shared word put back, it is exactly a
        name or alias in the taxonomy; the rule never guesses beyond that.
        """
        taken = {i for span in found for i in range(span.start, span.end)}
        extra: list[Span] = []
        for span in found:
            if len(span) < 2:
                continue
            head, tail = [t.text for t in span[:-1]], [t.text for t in span[1:]]
            for step in (-2, 2):  # words before the mention share its tail, words after share its head
                at = span.start - 2 if step < 0 else span.end + 1
                while 0 <= at < len(doc) and at not in taken:
                    joiner, word = doc[at + 1 if step < 0 else at - 1], doc[at]
                    if joiner.lower_ not in ELLIPSIS_JOINERS or not word.is_alpha:
                        break
                    skill_id = self.resolve(" ".join([word.text, *tail] if step < 0 else [*head, word.text]))
                    if not skill_id or skill_id == span.label_:
                        break
                    extra.append(Span(doc, at, at + 1, label=skill_id))
                    taken.add(at)
                    at += step
        return extra

    # --- everyday words: the general ambiguity rules ------------------------------------------------

    def _is_everyday_use(self, doc: Doc, span: Span, covered: set[int]) -> bool:
        """An ambiguous one-word name used as an ordinary word or as part of a name, not as the skill.

        Read from the words around it, the same way for every ambiguous skill:
        - a title before it ("Dr Julia", "Ms. Ray") or a capitalised word after it on the same line
          that is neither a skill nor a tech noun ("Julia Okafor", "Go Green", "Rust Belt"): a name;
        - a one-letter name used as an initial ("R. Julia Okafor");
        - a function word after it with no tech verb before it ("Excel at", "Go from", "Make sure",
          "Spark the"): a verb; at the start of a sentence followed by a comma ("Evidently, ..."): an adverb;
        - a determiner before it and no tech noun or skill after it ("a Hive", "the Julia set"): a noun.
        Lists (skills sections, comma lists) are where names stand alone, so only the title and
        function-word rules apply there.
        """
        if span.label_ not in self.ambiguous or len(span) != 1:
            return False
        before = doc[span.start - 1] if span.start > 0 else None
        if before is not None and before.text == "." and span.start > 1:
            before_word = doc[span.start - 2]
        else:
            before_word = before
        after = doc[span.end] if span.end < len(doc) else None
        if before_word is not None and before_word.lower_.rstrip(".") in self.honorifics:
            return True
        if (after is not None and self._is_function_word(after) and not self._has_verb_before(doc, span)
                and not self._names_a_skill_next(doc, after, covered)):
            return True
        in_list = doc._.list_like or doc._.section_kind in self.list_sections
        if in_list:
            return False
        if after is not None and after.text == "," and self._is_sentence_adverb(doc, span, covered):
            return True
        if self._is_initial(doc, span, covered):
            return True
        if after is not None and self._same_line(doc, after) and (after.is_title or after.is_upper) \
                and after.is_alpha and after.i not in covered and after.lower_ not in self.nouns:
            return True
        return (before is not None and before.lower_ in self.determiners
                and not (after is not None and (after.i in covered or after.lower_ in self.nouns)))

    def _is_degree_or_role(self, doc: Doc, span: Span) -> bool:
        """A field named as a degree's subject ("MSc in Data Science") or in a job title or team
        ("Data Science Intern"): the resume names a course of study or a role, not a skill."""
        if span.label_ not in self.fields:
            return False
        before = [t.lower_ for t in doc[max(0, span.start - DEGREE_REACH):span.start]]
        after = doc[span.end] if span.end < len(doc) else None
        role_of = len(before) >= 2 and before[-1] == "of" and before[-2] in self.role_words  # "Head of ..."
        return role_of or any(w.rstrip(".") in self.degree_words for w in before) or (
            after is not None and after.lower_ in self.role_words)

    def _names_a_skill_next(self, doc: Doc, token, covered: set[int]) -> bool:
        # "Snowflake to Parquet", "Kafka into BigQuery": a move between two tools, not a verb phrase.
        following = doc[token.i + 1] if token.i + 1 < len(doc) else None
        return following is not None and following.i in covered

    def _is_function_word(self, token) -> bool:
        return token.lower_ in self.function_words and token.text.islower()

    def _has_verb_before(self, doc: Doc, span: Span) -> bool:
        return any(t.lower_ in self.verbs for t in doc[max(0, span.start - VERB_WINDOW):span.start])

    def _opens_clause(self, doc: Doc, i: int) -> bool:
        return i == 0 or doc[i - 1].text in CLAUSE_ENDS or doc[i].idx in doc._.line_starts

    def _is_sentence_adverb(self, doc: Doc, span: Span, covered: set[int]) -> bool:
        # "Evidently, the model ...": capitalised, opening a sentence, a comma, then no other skill
        # ("Probability, Hypothesis Testing, ..." is a list that goes on with skills).
        following = doc[span.end + 1] if span.end + 1 < len(doc) else None
        # WHY -ly: sentence adverbs ("Evidently", "Clearly") have it; a tool name at the start of a
        # wrapped line ("Airflow, served by ...") does not.
        return (span[0].is_title and span.text.lower().endswith(ADVERB_ENDING) and self._opens_clause(doc, span.start)
                and not (following is not None and following.i in covered))

    def _same_line(self, doc: Doc, token) -> bool:
        return token.idx not in doc._.line_starts

    def _is_initial(self, doc: Doc, span: Span, covered: set[int]) -> bool:
        # "R. Julia Okafor": one capital letter, a full stop, then two capitalised words that are not skills.
        following = doc[span.end:span.end + 3]
        return (len(span.text) == 1 and len(following) == 3 and following[0].text == "."
                and all(t.is_title and t.is_alpha and t.i not in covered for t in following[1:]))

    def _is_group_label(self, doc: Doc, span: Span) -> bool:
        # WHY: "ML: sklearn, LightGBM" or "Big Data & Cloud: Hadoop, ..." names a group of skills;
        # an umbrella term used as such a label is a heading, not a claim.
        if span.label_ not in self.umbrella:
            return False
        after = [t.text for t in doc[span.end:span.end + 3]]
        # "ML:" or "Big Data & Cloud:" - the label ends at the colon, at most one joined word later.
        return after[:1] == [":"] or (len(after) == 3 and after[0] in {"&", "and", "/"} and after[2] == ":")

    def _needs_context(self, span: Span) -> bool:
        # WHY: only one-word mentions are ambiguous; "Apache Spark" or "machine learning" never is.
        return bool(self.skill(span.label_).context) and len([t for t in span if not t.is_punct]) == 1

    def _is_excluded(self, text: str, span: Span) -> bool:
        lo, hi = span.start_char - EXCLUDE_REACH, span.end_char + EXCLUDE_REACH
        window = text[max(0, lo):hi]
        return any(pattern.search(window) for pattern in self.exclude.get(span.label_, ()))

    def _has_context(self, doc: Doc, span: Span, plain: list[Span]) -> bool:
        for context in self.skill(span.label_).context:
            if context == "skills_list" and (doc._.list_like or doc._.section_kind in self.list_sections):
                return True
            if context == "tech_neighbour" and has_neighbour(span, plain):
                return True
            if context == "tech_verb" and self._has_tech_word(doc, span):
                return True
        return False

    def _has_tech_word(self, doc: Doc, span: Span) -> bool:
        before = [t.lower_ for t in doc[max(0, span.start - VERB_WINDOW):span.start] if not t.is_punct]
        after = [t.lower_ for t in doc[span.end:span.end + 2] if not t.is_punct and not t.is_space]
        return any(w in self.verbs for w in before) or bool(after and after[0] in self.nouns)


ADVERB_ENDING = "ly"


def has_neighbour(span: Span, others: list[Span]) -> bool:
    """Another (unambiguous) skill mention within a clause's reach of this one."""
    return any(o.label_ != span.label_ and abs(o.start - span.start) <= NEIGHBOUR_WINDOW for o in others)


def build_nlp(taxonomy: Taxonomy | None = None) -> Language:
    """The matching pipeline: blank English, the skill matcher and the ambiguity rules."""
    taxonomy = taxonomy or load_taxonomy()
    nlp = spacy.blank("en")
    # WHY: English keeps a capital and a full stop together ("R."), as in initials, so
    # "...session length in R." never matched R. The full stop is split off; initials
    # ("R. Julia Okafor") are told apart by the skill's exclusion rules instead.
    suffixes = list(nlp.Defaults.suffixes) + [r"(?<=^[A-Z])\.$"]
    nlp.tokenizer.suffix_search = spacy.util.compile_suffix_regex(suffixes).search
    config = {"root": taxonomy.root}
    nlp.add_pipe("skill_matcher", config=config)
    nlp.add_pipe("skill_rules", config=config)
    return nlp


def prepare_text(nlp: Language, text: str) -> str:
    """Normalise a line and split its glued words, with the vocabulary of this pipeline."""
    return nlp.get_pipe("skill_matcher").prepare(text)


def skill_docs(nlp: Language, texts: Iterable[tuple]) -> Iterator[Doc]:
    """Run the pipeline over (prepared text, section kind, list-like[, line starts]) tuples, in one batch.

    Line starts are the character offsets where a new PDF line begins inside the text (a block
    joins several lines): a capitalised word on the next line does not make a name with the last
    word of this one.
    """
    docs = []
    for text, kind, list_like, *rest in texts:
        doc = nlp.make_doc(text)
        doc._.section_kind = kind
        doc._.list_like = list_like
        doc._.line_starts = frozenset(rest[0]) if rest else frozenset()
        docs.append(doc)
    return nlp.pipe(docs)


def find_skills(nlp: Language, text: str, section_kind: str = SectionKind.EXPERIENCE) -> list[tuple[str, str]]:
    """(skill id, matched text) for one piece of text: a convenience for tests and the CLI."""
    prepared = prepare_text(nlp, text)
    doc = next(skill_docs(nlp, [(prepared, section_kind, is_list_like(prepared))]))
    return [(ent.label_, ent.text) for ent in doc.ents]
