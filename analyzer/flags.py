"""Step 5b: flags. Reasons a claim may be hard to defend in an interview, with what to do about it.

    find_flags(resume, skills, claims, taxonomy, options) -> tuple[Flag, ...]

One small check per flag code, run in a fixed order (see ``CHECKS``); each returns its flags in
reading order, so the same resume always gives the same list. Wording, severities and interview
areas live in ``taxonomy/flags.toml``; the words the checks look for in ``taxonomy/claims.toml``.

Known limits: deployment and life-cycle evidence is a phrase match on job, project and study
lines (the summary and skills list prove nothing); "full-time" is guessed from the job title;
a skill's class (deep learning, conventional ML) comes from its category and parents, so a skill
the taxonomy does not classify counts for neither.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable

from analyzer.claims import (
    ClaimRules, Statement, find_phrases, has_phrase, is_used, resume_statements,
    skill_classes,
)
from analyzer.dates import month_index
from analyzer.models import Claim, Evidence, Flag, Options, Resume, Skill
from analyzer.taxonomy import SectionKind, SectionRole, Taxonomy, fill_sentence
from analyzer.taxonomy_rules import FlagTexts


# --- what every check can look at ---------------------------------------------------------------


@dataclass(frozen=True)
class _Context:
    resume: Resume
    skills: tuple[Skill, ...]
    claims: tuple[Claim, ...]
    taxonomy: Taxonomy
    options: Options
    rules: ClaimRules
    texts: FlagTexts
    statements: tuple[Statement, ...]

    @property
    def use_sections(self) -> frozenset[str]:
        """Sections where a named skill is shown in use (sections.toml shows_use: jobs, projects)."""
        return self.taxonomy.kinds_with(SectionRole.SHOWS_USE)

    def classes(self, skill: Skill) -> frozenset[str]:
        return skill_classes(skill, self.taxonomy)

    def work_statements(self) -> tuple[Statement, ...]:
        """Lines from jobs, projects and study: where use is shown, not claimed."""
        return tuple(s for s in self.statements if s.section not in self.rules.self_description_sections)

    def flag(self, code: str, fields: dict[str, Any], *, claim_id: str | None = None,
             evidence: tuple[Evidence, ...] = (), variant: str = "") -> Flag:
        text = self.texts.get(code, variant)
        return Flag(code=code, severity=text.severity, message=fill_sentence(text.message, fields),
                    advice=fill_sentence(text.advice, fields), claim_id=claim_id, evidence=evidence, area=text.area)


def _skill_evidence(skill: Skill, limit: int = 3) -> tuple[Evidence, ...]:
    return skill.evidence[:limit]


def _months_between(start: str, end: str, as_of: str) -> int | None:
    a, b = month_index(start, as_of, end=True), month_index(end, as_of)
    return None if a is None or b is None else b - a


def _model_users(ctx: _Context, model_skills: tuple[Skill, ...]) -> tuple[Statement, ...]:
    """Work lines about a model that name the people using it."""
    names = tuple(s.name.lower() for s in model_skills)
    return tuple(s for s in ctx.work_statements() if has_phrase(s.text, ctx.rules.model_user_phrases)
                 and (has_phrase(s.text, ("model*",)) or any(n in s.text.lower() for n in names)))


def _models_built(ctx: _Context) -> tuple[tuple[Skill, ...], tuple[Statement, ...]]:
    """Model skills shown in use, and the work lines that say a model was built."""
    # Named (not inferred) and used at work or in a project: coursework models are not expected to ship.
    model_skills = tuple(s for s in ctx.skills if is_used(s) and not s.inferred and ctx.classes(s) & {"ml", "dl"}
                         and any(e.section in ctx.use_sections for e in s.evidence))
    lines = tuple(s for s in ctx.work_statements() if s.section in ctx.use_sections
                  and has_phrase(s.text, ctx.rules.model_building))
    return model_skills, lines


def _deployment_lines(ctx: _Context) -> tuple[Statement, ...]:
    return tuple(s for s in ctx.work_statements() if has_phrase(s.text, ctx.rules.deployment_phrases))


def _names(skills: tuple[Skill, ...], limit: int = 5) -> str:
    names = [s.name for s in skills[:limit]]
    return ", ".join(names) + (f" and {len(skills) - limit} more" if len(skills) > limit else "")


# --- the checks, one per flag code -------------------------------------------------------------------


def _is_implied(ctx: _Context, skill: Skill) -> bool:
    """A skill that implies this one is shown in use, dated or not (scikit-learn in a project -> Python)."""
    implying = set(ctx.rules.implying(skill.id))
    return any(s.id in implying and is_used(s) and not s.inferred for s in ctx.skills)


def _unsupported_skill(ctx: _Context) -> list[Flag]:
    # Only a skills list names it: the interviewer will ask where it was used and find no answer.
    found = [s for s in ctx.skills if is_unsupported(s) and not _implied_last_use(ctx, s) and not _is_implied(ctx, s)
             and not is_shown_elsewhere(s, ctx.resume) and not _is_data_kind_only(s)]
    everyday = [s for s in found if s.id in ctx.texts.everyday_tools]
    flags = [ctx.flag("unsupported_skill", {"skill": s.name}, claim_id=f"skill:{s.id}", evidence=_skill_evidence(s))
             for s in found if s not in everyday]
    if len(everyday) >= 2:
        # WHY: twenty near-identical cards for Git, Jupyter and Excel bury the ones that matter.
        evidence = tuple(e for s in everyday[:3] for e in s.evidence[:1])
        flags.append(ctx.flag("unsupported_skill", {"skills": _names(tuple(everyday), limit=8)}, evidence=evidence,
                              variant="everyday"))
    elif everyday:
        s = everyday[0]
        flags.append(ctx.flag("unsupported_skill", {"skill": s.name}, claim_id=f"skill:{s.id}",
                              evidence=_skill_evidence(s)))
    return flags


def is_shown_elsewhere(skill: Skill, resume: Resume) -> bool:
    """The skill is named by a job or project title, or by a linked repository, so a list is not
    the only place that backs it."""
    pattern = re.compile(rf"(?<![\w]){re.escape(skill.name.lower())}(?![\w])")
    if any(e.section in (SectionKind.EXPERIENCE, SectionKind.PROJECTS, SectionKind.EDUCATION, SectionKind.PUBLICATIONS) and e.entry for e in skill.evidence):
        return True
    titles = " | ".join(f"{e.title} {e.organization}".lower() for e in resume.entries
                        if e.section in (SectionKind.EXPERIENCE, SectionKind.PROJECTS))
    links = " | ".join(f"{l.url} {l.anchor_text}".lower().replace("-", " ").replace("_", " ")
                       for l in resume.document.links if l.kind in ("github_repo", "gist", "kaggle"))
    return len(skill.name) >= 3 and bool(pattern.search(titles) or pattern.search(links))


# A skills-list label that lists kinds of data ("Types of data: time series, text"): no method is claimed.
_DATA_KIND_LABEL = re.compile(r"^\s*(?:types? of data|data types?|data kinds?|data formats?)\s*:", re.IGNORECASE)


def _is_data_kind_only(skill: Skill) -> bool:
    return bool(skill.evidence) and all(_DATA_KIND_LABEL.search(e.quote) for e in skill.evidence)


def _implied_last_use(ctx: _Context, skill: Skill) -> int | None:
    """The latest month a skill that implies this one was used (PyTorch in 2025 -> Python in 2025)."""
    implying = set(ctx.rules.implying(skill.id))
    months = [month_index(s.last_used, ctx.resume.as_of, end=True) for s in ctx.skills
              if s.id in implying and is_used(s) and not s.inferred and s.last_used]
    months = [m for m in months if m is not None]
    return max(months) if months else None


def is_unsupported(skill: Skill) -> bool:
    """Named in a skills list and nowhere it is used. A course taken is some backing, so not that."""
    sections = {e.section for e in skill.evidence}
    return skill.listed_only and not skill.inferred and SectionKind.SKILLS in sections and SectionKind.COURSES not in sections


def _stale_claim(ctx: _Context) -> list[Flag]:
    # Old work is still fair game; the candidate should revisit it (interview map, area 1).
    flags = []
    limit = ctx.options.stale_years * 12
    as_of = ctx.resume.as_of
    for skill in ctx.skills:
        # An inferred skill is a guess about a description; calling it stale would compound the guess.
        if not is_used(skill) or skill.inferred or not skill.last_used:
            continue
        months = _months_between(_last_use_with_promotions(ctx, skill), as_of, as_of)
        implied = _implied_last_use(ctx, skill)
        if implied is not None and months is not None:  # still in use through a skill that implies it
            months = min(months, month_index(as_of, as_of) - implied)
        if months is None or months <= limit:
            continue
        dated = [e for e in skill.evidence if e.entry and (e.end or e.start)]
        last = sorted(dated, key=lambda e: month_index(e.end or e.start, as_of, end=True) or 0)[-1:]
        entry = last[0].entry if last else (skill.used_in[-1] if skill.used_in else "")
        fields = {"skill": skill.name, "last_used": skill.last_used, "entry": entry or "undated",
                  "years": f"{months / 12:.1f}".rstrip("0").rstrip("."), "as_of": ctx.resume.as_of}
        flags.append(ctx.flag("stale_claim", fields, claim_id=f"skill:{skill.id}", evidence=tuple(last)))
    return flags


def _last_use_with_promotions(ctx: _Context, skill: Skill) -> str:
    """A skill's last use, carried forward to a newer title stacked above the entry that uses it:
    work listed under two titles at once is not old work because the reader gave it to the older one."""
    as_of = ctx.resume.as_of
    entries = ctx.resume.entries
    labels = {e.entry for e in skill.evidence if e.entry} | set(skill.used_in)
    ends = [skill.last_used]
    # Stacked titles (a newer title with no lines of its own right above the one that has them) share
    # those lines: the reader cannot tell which title a bullet belongs to, and both do.
    for index, entry in enumerate(entries):
        if entry.label not in labels:
            continue
        before = index - 1
        while before >= 0 and entries[before].section == SectionKind.EXPERIENCE and not entries[before].lines:
            ends.append(entries[before].end or entries[before].start)
            before -= 1
    dated = [(month_index(end, as_of, end=True), end) for end in ends if end]
    dated = [(m, end) for m, end in dated if m is not None]
    return max(dated)[1] if dated else skill.last_used


def _keyword_padding(ctx: _Context) -> list[Flag]:
    # A long list with little shown in use looks written for a keyword filter, not for a person.
    listed = [s for s in ctx.skills if s.listed_only or any(e.section == SectionKind.SKILLS for e in s.evidence)]
    listed_only = [s for s in listed if s.listed_only]
    used = [s for s in listed if is_used(s)]
    if not listed or len(listed_only) < ctx.rules.padding_min_listed_only:
        return []
    share = len(used) / len(listed)
    if share > ctx.rules.padding_max_used_share:
        return []
    fields = {"listed": len(listed), "total": len(ctx.skills), "used": len(used), "share": round(100 * share), "listed_only": len(listed_only)}
    evidence = tuple(e for s in listed_only[:1] for e in s.evidence[:1])
    return [ctx.flag("keyword_padding", fields, evidence=evidence)]


def _shows_fundamentals(ctx: _Context, skill: Skill) -> bool:
    """A conventional-ML method named in a job, project or study (inferred skills are too weak)."""
    return (is_used(skill) and not skill.inferred and "ml" in ctx.classes(skill)
            and skill.id not in ctx.rules.not_fundamentals)


def _dl_without_fundamentals(ctx: _Context) -> list[Flag]:
    # Deep learning with no conventional ML: nothing shows what the candidate did versus the model.
    dl = tuple(s for s in ctx.skills if "dl" in ctx.classes(s))
    if not dl or any(_shows_fundamentals(ctx, s) for s in ctx.skills):
        return []
    shown = tuple(sorted(dl, key=lambda s: (not is_used(s), -s.strength, ctx.skills.index(s))))
    evidence = tuple(e for s in shown[:3] for e in s.evidence[:1])
    return [ctx.flag("dl_without_fundamentals", {"dl_skills": _names(shown)}, claim_id=f"skill:{shown[0].id}",
                     evidence=evidence)]


def _no_deployment(ctx: _Context) -> list[Flag]:
    # Models with no word on how they were used read as proof-of-concept work (area 7).
    model_skills, model_lines = _models_built(ctx)
    if not (model_skills or model_lines) or _deployment_lines(ctx) or _model_users(ctx, model_skills):
        return []
    label = _names(model_skills) if model_skills else "see the lines quoted"
    evidence = tuple(e for s in model_skills[:3] for e in s.evidence[:1]) or tuple(
        s.evidence() for s in model_lines[:3])
    return [ctx.flag("no_deployment", {"model_skills": label}, evidence=evidence)]


def _no_lifecycle(ctx: _Context) -> list[Flag]:
    # A deployed model with no monitoring or retraining invites "what happens when the data drifts?"
    model_skills, model_lines = _models_built(ctx)
    deployed = _deployment_lines(ctx)
    if not (model_skills or model_lines) or not deployed:
        return []
    if any(has_phrase(s.text, ctx.rules.lifecycle_phrases) for s in ctx.work_statements()):
        return []
    return [ctx.flag("no_lifecycle", {"deploy_quote": deployed[0].text}, evidence=(deployed[0].evidence(),))]


def _metric_flags(ctx: _Context) -> list[Flag]:
    # A number invites two questions: how did you get it, and compared with what (area 2).
    flags = []
    for claim in (c for c in ctx.claims if c.kind == "result"):
        moved = claim.detail("moved") in ("up", "down")
        if claim.detail("measures") in _NOT_OUTCOMES and not (moved and claim.detail("measures") == "other"):
            continue  # a headcount, a data size or a count is not a result to back with a method
        name = claim.detail("measure_name") or claim.detail("metric")
        fields = {"clause": claim.detail("clause", claim.text), "value": claim.detail("quantity") or claim.detail("value"),
                  "metric_or_it": name if name and len(name.split()) <= 4 else "it"}
        if claim.detail("method") == "no":
            flags.append(ctx.flag("metric_without_method", fields, claim_id=claim.id, evidence=claim.evidence))
        improvement = claim.detail("direction") in ("up", "down")
        money = claim.detail("unit") in ("$", "€", "£")
        if improvement and not claim.detail("baseline") and not money:
            flags.append(ctx.flag("metric_without_baseline", fields, claim_id=claim.id, evidence=claim.evidence))
    return flags


# Kinds of number that measure no outcome (see taxonomy/claims.toml [measures]).
_NOT_OUTCOMES = ("people", "records_or_data_volume", "count_of_things", "other", "rank_or_score", "money")


def _vague_claim(ctx: _Context) -> list[Flag]:
    # Buzzwords with no object give the interviewer nothing to check, so they probe instead.
    flags = []
    for statement in ctx.statements:
        found = find_phrases(statement.text, ctx.rules.vague_phrases)
        if found:
            flags.append(ctx.flag("vague_claim", {"phrases": "\", \"".join(found)}, evidence=(statement.evidence(),)))
    return flags


def _link_to_check(ctx: _Context) -> list[Flag]:
    # Interviewers open links: every code or writing link is something to re-read.
    flags = []
    for claim in (c for c in ctx.claims if c.kind == "link"):
        if is_contact_uri(claim.text) or is_not_work(claim.text):
            continue  # contact details, pictures and certificates are not work to open
        kind = claim.detail("kind")
        name, what = ctx.texts.link_kind(kind)
        variant = "malformed" if claim.detail("valid") == "false" else "profile" if kind == "github_profile" else ""
        fields = {"url": claim.text, "kind_name": name, "what": what}
        flags.append(ctx.flag("link_to_check", fields, claim_id=claim.id, evidence=claim.evidence, variant=variant))
    return flags


def _hidden_text(ctx: _Context) -> list[Flag]:
    # Invisible keywords are the reader's finding; to a person they look like gaming a screener.
    flags = []
    for notice in (n for n in ctx.resume.document.notices if n.code == "hidden_text"):
        if not is_hidden_words(notice.text):
            continue  # a hidden page number or a stray mark games nothing
        text = notice.text if len(notice.text) <= 120 else notice.text[:117].rstrip() + "..."
        evidence = Evidence(section="", entry="", quote=notice.text, page=notice.page or 0, bbox=notice.bbox)
        flags.append(ctx.flag("hidden_text", {"page": notice.page or "?", "text": text}, evidence=(evidence,)))
    return flags


def _date_problem(ctx: _Context) -> list[Flag]:
    # Impossible or surprising dates draw a question; the candidate should have the answer ready.
    as_of = ctx.resume.as_of
    now = month_index(as_of, as_of)
    flags = []

    def problem(variant: str, entry: Any, other: Any = None, months: int = 0) -> None:
        fields = {"label": entry.label, "start": entry.start, "end": entry.end, "as_of": as_of,
                  "other": other.label if other else "", "months": months}
        evidence = tuple(Evidence(section=e.section, entry=e.label, quote=" ".join(l.text for l in e.heading) or e.label,
                                  page=e.page, start=e.start, end=e.end) for e in (other, entry) if e is not None)
        flags.append(ctx.flag("date_problem", fields, evidence=evidence, variant=variant))

    dated = []
    for entry in (e for e in ctx.resume.entries if e.start):
        # Read leniently: a bare year starts in January and ends in December.
        start = month_index(entry.start, as_of)
        end = None if entry.end in (None, "present") else month_index(entry.end, as_of, end=True)
        if start is None:
            continue
        if end is not None and end < start:
            problem("end_before_start", entry)
        elif start > now and is_expected(entry):
            continue  # "Expected 2027": a planned graduation, not a claim about the past
        elif start > now:
            problem("future_start", entry)
        elif end is not None and month_index(entry.end, as_of) > now and entry.section == SectionKind.EXPERIENCE:
            problem("future_end", entry)
        else:
            dated.append(entry)

    jobs = [e for e in dated if e.section == SectionKind.EXPERIENCE and not has_phrase(e.title, ctx.rules.part_time_titles)]
    for i, first in enumerate(jobs):
        for second in jobs[i + 1:]:
            # For overlaps the other way round: a bare year ends in January and starts in December.
            a_end = month_index(first.end or first.start, as_of)
            b_end = month_index(second.end or second.start, as_of)
            a_start = month_index(first.start, as_of, end=True)
            b_start = month_index(second.start, as_of, end=True)
            if None in (a_end, b_end, a_start, b_start):
                continue
            overlap = min(a_end, b_end) - max(a_start, b_start)
            if is_same_employer(first, second):
                continue  # a promotion or a change of team, not two jobs at once
            if overlap > ctx.rules.overlap_months:
                problem("overlap", second, first, overlap)

    # Study counts as time accounted for, so a PhD between two jobs is not a gap.
    spans = sorted((month_index(e.start, as_of), month_index(e.end or e.start, as_of, end=True), i)
                   for i, e in enumerate(dated) if e.section in (SectionKind.EXPERIENCE, SectionKind.EDUCATION))
    reach, last = None, None
    for start, end, index in spans:
        if reach is not None and start - reach - 1 > ctx.rules.gap_months:
            problem("gap", dated[index], last, start - reach - 1)
        if reach is None or end > reach:
            reach, last = end, dated[index]
    if reach is not None and now - reach > ctx.rules.gap_months:
        problem("nothing_recent", last, None, now - reach)
    return flags


def is_contact_uri(url: str) -> bool:
    return re.search(r"(?:^|//)(?:tel|mailto|sms|callto):|^(?:https?://)?\+?[\d\s().-]{7,}$", url, re.IGNORECASE) is not None


def is_not_work(url: str) -> bool:
    """A link to a picture or a certificate: an interviewer has nothing to ask about it."""
    path = url.split("?")[0].lower()
    return bool(re.search(r"\.(?:jpe?g|png|gif|svg|webp)$", path)) or "certificat" in path


def is_hidden_words(text: str) -> bool:
    """Hidden text holds words (three letters or more), not only digits, bullets or page numbers."""
    return re.search(r"[^\W\d_]{3,}", text) is not None


def is_expected(entry: Any) -> bool:
    """A dated study or a heading that says "expected": a future date there is a plan, not an error."""
    heading = " ".join(line.text for line in entry.heading).lower()
    return entry.section == SectionKind.EDUCATION or "expected" in heading or "anticipated" in heading


def is_same_employer(first: Any, second: Any) -> bool:
    a, b = " ".join(first.organization.lower().split()), " ".join(second.organization.lower().split())
    return bool(a) and a == b


CHECKS: tuple[Callable[[_Context], list[Flag]], ...] = (
    _hidden_text,
    _keyword_padding,
    _unsupported_skill,
    _stale_claim,
    _dl_without_fundamentals,
    _no_deployment,
    _no_lifecycle,
    _metric_flags,
    _vague_claim,
    _link_to_check,
    _date_problem,
)


def find_flags(resume: Resume, skills: tuple[Skill, ...], claims: tuple[Claim, ...], taxonomy: Taxonomy,
               options: Options | None = None) -> tuple[Flag, ...]:
    """Every flag on the resume, check by check in ``CHECKS`` order, each in reading order."""
    ctx = _Context(resume, tuple(skills), tuple(claims), taxonomy, options or Options(), taxonomy.claims,
                   taxonomy.flags, resume_statements(resume))
    return tuple(flag for check in CHECKS for flag in check(ctx))
