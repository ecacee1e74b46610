"""How the resume meets one job posting: each skill asked, next to the resume's evidence for it.

    align_posting(posting, resume, skills, taxonomy, options=None, rules=None) -> Alignment

For every skill the posting asks for (required first), a row with evidence on both sides: the
posting's sentence and the resume lines that back the skill. Status:

- ``strong``: named in a job, project or degree (not only listed), used within ``stale_years`` of
  the reference month, and with evidence strong enough (``Skill.strength >= STRONG``: a result,
  a number or use in several entries);
- ``weak``: on the resume but only listed, stale, only inferred from other words, or used without
  a line that shows a result;
- ``missing``: not on the resume. A related skill the resume shows (a sibling under the same
  parent: TensorFlow for PyTorch) is named so the candidate can build on it.

A posting skill the resume shows through a more specific one (XGBoost for gradient boosting) counts
as shown by it. Years asked are compared with the years the resume's dated jobs cover (overlaps
counted once). ``prepare_first``: plain sentences, most urgent first, worded in postings.toml.

Limits: a skill's evidence is judged as the resume's skill step judged it (analyzer/skills.py), so
what that step misses this one misses; related skills come from the taxonomy's parents (and the same category) only; years
shown count every dated entry of the experience section, internships included.
"""

from __future__ import annotations

import re

from analyzer.dates import month_index
from analyzer.models import Alignment, AlignmentRow, Evidence, Options, Posting, PostingSkill, Resume, Skill
from analyzer.posting import PostingRules
from analyzer.taxonomy import SectionRole, Taxonomy, fill_sentence

STRONG = 0.5  # Skill.strength from which a used, recent skill counts as strongly shown (a result or several entries)
MAX_EVIDENCE = 3  # resume lines kept per row: enough to see the backing, short enough to read
RELATED_LEVELS = 2  # parents walked up to find a related skill (never a root: machine learning, statistics say nothing)
MAX_NAMED = 4  # names listed in one "prepare first" sentence


def _is_stale(skill: Skill, as_of: str, stale_years: float) -> bool:
    last = month_index(skill.last_used, as_of, end=True)
    now = month_index(as_of, as_of)
    return last is not None and now is not None and now - last > stale_years * 12


def _best_evidence(skill: Skill, taxonomy: Taxonomy) -> tuple[Evidence, ...]:
    """Lines that name the skill first, lines from entries (they show use) next, then the rest."""
    names = [skill.name, *(taxonomy.skill(skill.id).aliases if taxonomy.knows(skill.id) else ())]
    pattern = re.compile("|".join(re.escape(n) for n in names), re.IGNORECASE)
    ranked = sorted(skill.evidence, key=lambda e: (not pattern.search(e.quote), not e.entry))
    return tuple(ranked[:MAX_EVIDENCE])


def _shown_by(asked: str, skills: dict[str, Skill], taxonomy: Taxonomy) -> Skill | None:
    """The resume skill that shows ``asked``: itself, else its strongest more specific skill."""
    if asked in skills and not skills[asked].inferred:
        return skills[asked]
    children = [s for s in skills.values() if not s.inferred and taxonomy.knows(s.id) and asked in taxonomy.ancestors(s.id)]
    if children:
        return max(children, key=lambda s: (not s.listed_only, s.strength, s.id))
    return skills.get(asked)  # inferred, or None


def _related(asked: str, skills: dict[str, Skill], taxonomy: Taxonomy) -> Skill | None:
    if not taxonomy.knows(asked):
        return None
    for parent in taxonomy.ancestors(asked)[:RELATED_LEVELS]:
        if not taxonomy.knows(parent) or not taxonomy.skill(parent).parents:
            break  # a root groups too much to relate two skills
        # WHY the same category: a framework relates to a framework (TensorFlow, PyTorch), a BI tool to
        # a BI tool; a method and the library it often runs in share parents but not what they test.
        category = taxonomy.skill(asked).category
        kin = [s for s in skills.values() if not s.inferred and s.id != asked and taxonomy.knows(s.id)
               and s.category == category and parent in taxonomy.ancestors(s.id)]
        if kin:
            return max(kin, key=lambda s: (not s.listed_only, s.strength, s.id))
    return None


def _row(asked: PostingSkill, skills: dict[str, Skill], taxonomy: Taxonomy, as_of: str, stale_years: float,
         rules: PostingRules) -> AlignmentRow:
    texts = rules.alignment
    shown = _shown_by(asked.id, skills, taxonomy)
    base = dict(skill_id=asked.id, name=asked.name, required=asked.required, posting_quote=asked.quote)
    if shown is None:
        related = _related(asked.id, skills, taxonomy)
        reasons = (fill_sentence(texts["related"], {"related": related.name}),) if related else ()
        return AlignmentRow(status="missing", reasons=reasons, related=related.name if related else "", **base)
    reasons: list[str] = []
    if shown.id != asked.id and not shown.inferred:
        reasons.append(fill_sentence(texts["through_child"], {"child": shown.name}))
    weak: list[str] = []
    if shown.inferred:
        weak.append(texts["inferred"])
    elif shown.listed_only:
        weak.append(texts["listed_only"])
    elif _is_stale(shown, as_of, stale_years):
        weak.append(fill_sentence(texts["stale"], {"year": (shown.last_used or "")[:4]}))
    elif shown.strength < STRONG:
        weak.append(texts["no_result"])
    return AlignmentRow(status="weak" if weak else "strong", evidence=_best_evidence(shown, taxonomy),
                        reasons=tuple(weak + reasons), shown_as=shown.name if shown.id != asked.id else "",
                        last_used=shown.last_used, **base)


def years_shown(resume: Resume, taxonomy: Taxonomy) -> float:
    """Years the dated entries of the work sections cover, overlaps counted once (to a tenth)."""
    months: set[int] = set()
    for entry in resume.entries:
        if entry.section not in taxonomy.kinds_with(SectionRole.WORK) or not entry.start:
            continue
        start = month_index(entry.start, resume.as_of)
        end = month_index(entry.end or entry.start, resume.as_of, end=True)
        if start is not None and end is not None and end >= start:
            months.update(range(start, end + 1))
    return round(len(months) / 12, 1)


def _names(rows: list[AlignmentRow]) -> str:
    names = [r.name for r in rows[:MAX_NAMED]]
    more = len(rows) - len(names)
    return ", ".join(names) + (f" and {more} more" if more > 0 else "")


def _format_years(years: float) -> str:
    return f"{years:g} year{'s' if years != 1 else ''}"


def prepare_first(rows: tuple[AlignmentRow, ...], years_asked: int | None, shown: float,
                  rules: PostingRules) -> tuple[str, ...]:
    """The summary: missing required skills, weakly backed required ones, years, nice-to-haves, strengths."""
    texts = rules.alignment
    required = [r for r in rows if r.required]
    out: list[str] = []
    missing = [r for r in required if r.status == "missing"]
    weak = [r for r in required if r.status == "weak"]
    if missing:
        out.append(fill_sentence(texts["prepare_missing"], {"skills": _names(missing)}))
    if weak:
        out.append(fill_sentence(texts["prepare_weak"], {"skills": _names(weak)}))
    if years_asked and shown < years_asked:
        out.append(fill_sentence(texts["prepare_years"], {"years": str(years_asked), "shown": _format_years(shown)}))
    optional = [r for r in rows if not r.required and r.status == "missing"]
    if optional:
        out.append(fill_sentence(texts["prepare_preferred"], {"skills": _names(optional)}))
    strong = [r for r in required if r.status == "strong"]
    if strong:
        out.append(fill_sentence(texts["prepare_strong"], {"skills": _names(strong)}))
    return tuple(out)


def align_posting(posting: Posting, resume: Resume, skills: tuple[Skill, ...], taxonomy: Taxonomy,
                  options: Options | None = None, rules: PostingRules | None = None) -> Alignment:
    options = options or Options()
    rules = rules or taxonomy.postings
    as_of = options.as_of or resume.as_of
    by_id = {s.id: s for s in skills}
    rows = tuple(_row(asked, by_id, taxonomy, as_of, options.stale_years, rules) for asked in posting.skills)
    shown = years_shown(resume, taxonomy)
    required = [r for r in rows if r.required]
    coverage = round(sum(r.status == "strong" for r in required) / len(required), 3) if required else 0.0
    return Alignment(rows=rows, years_asked=posting.years, years_shown=shown, years_quote=posting.years_quote,
                     prepare_first=prepare_first(rows, posting.years, shown, rules), coverage=coverage)
