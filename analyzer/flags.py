"""Step 5b: flags. Reasons a claim may be hard to defend in an interview, with what to do about it.

    find_flags(resume, skills, claims, taxonomy, options) -> tuple[Flag, ...]

One small check per flag code, run in a fixed order (see ``CHECKS``); each returns its flags in
reading order, so the same resume always gives the same list. Wording, severities and interview
areas live in ``taxonomy/flags.toml``; the words the checks look for in ``taxonomy/claims.toml``.

Known limits: deployment and life-cycle evidence is a phrase match on job, project and study
lines (the summary and skills list prove nothing); "full-time" is guessed from the job title and
heading (a capstone, a thesis or a doctorate beside a job is not a second job); one employer is
recognised by its name only (a renamed or acquired company reads as two); a skill's class (deep
learning, conventional ML) comes from its category and parents, so a skill the taxonomy does not
classify counts for neither. A method a line describes without naming it ("estimated social
networks") does not back a listed name unless inferred.toml describes it; "shared work" is a phrase
match ("team of", "co-authored").

"Only in a skills list" is a medium card only when nothing on the page stands behind the skill. A skill
that a used or work-line-named skill implies (claims.toml [implied_by], a skill under an implying one
counting too), that a work line describes (inferred.toml), or that a job title, project or repository
names, raises nothing. Three kinds raise one low note each instead: a listed tool whose work the page
shows without naming it (a deep-learning framework beside neural networks, an ML library beside gradient
boosting or forecasting, flags.toml [tool_for_class]; a service under a platform in use, EMR under AWS):
"which one did you use there"; a skill the resume itself hedges ("familiar with AWS", flags.toml
hedge_before / hedge_after); and everyday tools and practices (flags.toml everyday_tools,
everyday_categories). Editors and IDEs raise nothing. Limits: a hedge reaches to the end of its clause
(before it, to the last comma), so "AWS, GCP familiarity" hedges only GCP; the kinds of work are as good
as the taxonomy's categories and classes.

"Last used long ago" asks what the candidate would use today, so it is kept for data-science methods
and tools whose later use the resume does not show some other way: a skill of the same narrow family
(first parents up to a field of more than MAX_FAMILY_SKILLS skills, and their other children), a skill
that implies it (claims.toml [implied_by]), a later line describing it (inferred.toml), or the summary
naming it. Engineering practice and data structures are never stale; a programming language or a
basic library (flags.toml model_work_libraries: scikit-learn, SciPy) is not while model work is
recent. A line saying the work is still to come ("I will learn SQL") shows no use (skills step) and
raises still_learning for the listed skills it names. A GitHub repository is the candidate's own
unless a linked profile (or GitHub Pages site) names another account, or the account is an employer's
name; account names one typo apart are one account. Limits: the family and description checks are
as good as the taxonomy's parents and inferred.toml's phrases; a typo in a skill's name ("SKLean")
is not read as the skill.
"""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, replace
from typing import Any, Callable, Iterable

from analyzer.dates import month_index
from analyzer.models import Claim, Entry, Evidence, Flag, Options, Result, Resume, Severity, Skill
from analyzer.phrases import find_phrases, has_phrase
from analyzer.results import names_model
from analyzer.skill_classes import is_domain, is_used, skill_classes
from analyzer.skills import describes, is_named_in, planned_text, skill_names, word_pattern
from analyzer.statements import Statement, is_unfinished, resume_statements
from analyzer.taxonomy import SectionKind, SectionRole, Taxonomy, fill_sentence
from analyzer.taxonomy_rules import ClaimRules, FlagTexts


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
        return skill_classes(skill, self.taxonomy, self.rules)

    def work_statements(self) -> tuple[Statement, ...]:
        """Lines from jobs, projects and study: where use is shown, not claimed."""
        return tuple(s for s in self.statements if s.section not in self.rules.self_description_sections)

    def flag(self, code: str, fields: dict[str, Any], *, claim_id: str | None = None,
             evidence: tuple[Evidence, ...] = (), variant: str = "") -> Flag:
        text = self.texts.get(code, variant)
        evidence = _distinct(evidence)
        return Flag(code=code, severity=text.severity, message=fill_sentence(text.message, fields),
                    advice=fill_sentence(text.advice, fields), claim_id=claim_id, evidence=evidence, area=text.area,
                    variant=variant)


def _distinct(evidence: tuple[Evidence, ...]) -> tuple[Evidence, ...]:
    """Each quoted line once: two skills of one line would otherwise quote it twice."""
    seen: set[tuple[str, int, int | None]] = set()
    kept = []
    for e in evidence:
        key = (" ".join(e.quote.split()), e.page, e.entry_index)
        if key not in seen:
            seen.add(key)
            kept.append(e)
    return tuple(kept)


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
    """A skill that implies this one is shown in use, dated or not (scikit-learn in a project -> Python),
    or a job, project, degree or paper line names one in any case ("e.g. spark, redshift, athena" backs
    SQL: the matcher reads a short tool name written in lower case as an everyday word, this check
    does not need to)."""
    implying = ctx.rules.implying(skill.id)
    return (any(_is_under(s, implying) and is_used(s) and not s.inferred for s in ctx.skills)
            or any(_is_named_at_work(ctx, sid) for sid in implying))


def _is_under(skill: Skill, ids: tuple[str, ...]) -> bool:
    """The skill is one of these or a skill under one of them (ARIMA under forecasting)."""
    return skill.id in ids or any(p in ids for p in skill.parents)


def _is_named_at_work(ctx: _Context, skill_id: str) -> bool:
    """A job, project, degree or paper line names a taxonomy skill, whether or not the skills step found
    it there. A name the taxonomy matches only as written ("Redshift", "Spark") counts in another case
    only on a line that names another skill too ("e.g. spark, redshift, athena, SageMaker"): "the
    redshift of 2,000 galaxies" is astronomy, not a warehouse."""
    if not ctx.taxonomy.knows(skill_id):
        return False
    definition = ctx.taxonomy.skill(skill_id)
    entries = [e for e in ctx.resume.entries if e.section in _WORK_SECTIONS]
    lines = [f"{e.title} | {e.organization}" for e in entries] + [
        line.text for e in entries for line in (*e.heading, *e.lines)]
    quotes = [" ".join(q.quote.split()) for other in ctx.skills if other.id != skill_id and not other.inferred
              for q in other.evidence if q.section in _WORK_SECTIONS]
    for name, exact in _skill_names(Skill(id=skill_id, name=definition.name, category=definition.category),
                                    ctx.taxonomy):
        written = word_pattern(name, case_sensitive=exact or definition.case_sensitive)
        any_case = word_pattern(name, case_sensitive=exact)
        lowered = name.lower()
        for line in lines:
            if lowered not in line.lower():  # WHY: a cheap necessary condition; most lines name no skill
                continue
            if written.search(line):
                return True
            if any_case.search(line) and any(" ".join(line.split()) in q or q in line for q in quotes if q):
                return True
    return False


def _is_named_in_used_skill(ctx: _Context, skill: Skill) -> bool:
    """A used skill whose name holds this one's as a word: Ruby on Rails shows Ruby, Spark SQL shows SQL."""
    if len(skill.name) < MIN_NAME_CHARS:
        return False
    pattern = word_pattern(skill.name, case_sensitive=False)
    return any(other.id != skill.id and is_used(other) and not other.inferred and pattern.search(other.name)
               for other in ctx.skills)


def _has_used_lineage(ctx: _Context, skill: Skill) -> bool:
    """An everyday tool or working method whose more general skill is shown in use (Agile practised in
    a role backs a listed Scrum). Not for a named data tool or method: AI agents built in a project do
    not say which agent framework was used. Umbrella fields (machine learning) back nothing."""
    if not is_everyday(skill, ctx.texts):
        return False
    lineage = _lineage(ctx, skill)
    return any(other.id in lineage and is_used(other) and not other.inferred for other in ctx.skills)


def _is_practised_in_title(ctx: _Context, skill: Skill) -> bool:
    """A job title names the practitioner of the field ("Data Engineer" for data engineering)."""
    titles = [e.title for e in ctx.resume.entries if e.section == SectionKind.EXPERIENCE and e.title]
    name = skill.name.lower()
    for pair in ctx.texts.practitioner_words:
        field, _, person = pair.partition("=")
        if person and name.endswith(" " + field):
            pattern = word_pattern(name[: -len(field)] + person, case_sensitive=False)
            if any(pattern.search(title) for title in titles):
                return True
    return False


def _is_described_at_work(ctx: _Context, skill: Skill) -> bool:
    """A job, project or study line describes the skill in other words ("sprint planning and
    retrospectives" for Scrum; inferred.toml), and that line is not a plan."""
    lines = [s.text for s in ctx.work_statements() if s.section in _WORK_SECTIONS
             and not is_unfinished(s.text, ctx.rules.unfinished_phrases)]
    return any(describes(lines, skill.id, ctx.taxonomy))


def is_everyday(skill: Skill, texts: FlagTexts) -> bool:
    """A skill interviewers do not probe one by one when it is only listed (flags.toml everyday_tools,
    everyday_categories)."""
    return skill.id in texts.everyday_tools or skill.category in texts.everyday_categories


def _is_backed_elsewhere(ctx: _Context, skill: Skill) -> bool:
    """Something besides the skills list backs the skill: a used skill that implies or names it, a role,
    project or repository that names it, or the list only names it as a kind of data."""
    return (_implied_last_use(ctx, skill) is not None or _is_implied(ctx, skill)
            or _is_named_in_used_skill(ctx, skill) or _has_used_lineage(ctx, skill)
            or _is_practised_in_title(ctx, skill)
            or _is_described_at_work(ctx, skill)
            or is_shown_elsewhere(skill, ctx.resume, ctx.taxonomy)
            or _is_category_list_only(skill, ctx.texts.category_labels))


def _still_learning(ctx: _Context) -> list[Flag]:
    # A skills list names a skill that a line says is still to be learned ("I will learn SQL and update
    # it here"): the interviewer takes the line at its word and the listed skill at none.
    flags = []
    named: set[str] = set()
    for statement, planned, skills in _plans_with_skills(ctx):
        fresh = tuple(s for s in skills if s.id not in named)
        if not fresh:
            continue
        named.update(s.id for s in fresh)
        fields = {"skills": _names(fresh, limit=MAX_NAMED_EVERYDAY), "quote": planned}
        listed = tuple(e for s in fresh[:1] for e in s.evidence if e.section == SectionKind.SKILLS)[:1]
        flags.append(ctx.flag("still_learning", fields, claim_id=f"skill:{fresh[0].id}",
                              evidence=(replace(statement.evidence(), quote=planned),) + listed))
    return flags


def _plans_with_skills(ctx: _Context) -> list[tuple[Statement, str, tuple[Skill, ...]]]:
    """Each line that says work is still to be done, its clauses that say so, and the listed skills
    those clauses (or, for a project, the project's other lines) name."""
    phrases = ctx.rules.unfinished_phrases
    # Plans in projects and jobs first: "I will learn SQL" under a project says more than a summary's
    # "currently learning SQL and Python", which then only adds the skills the others did not name.
    plans = sorted((s for s in ctx.statements if is_unfinished(s.text, phrases)),
                   key=lambda s: s.section in ctx.rules.self_description_sections)
    if not plans:
        return []
    # A skill shown in use elsewhere is not "still to be learned", whatever the plan says.
    listed = [s for s in ctx.skills if not s.inferred and not is_used(s)
              and any(e.section == SectionKind.SKILLS for e in s.evidence)]
    found = []
    for plan in plans:
        planned = planned_text(plan.text, phrases)
        in_project = plan.section == SectionKind.PROJECTS and plan.entry_index is not None
        # A project's other lines count too, but not a whole field its title names ("Sales Data Analysis").
        named = tuple(s for s in listed if is_named_in(planned, skill_names(ctx.taxonomy, s.id)))
        skills = named + tuple(s for s in listed if s not in named and in_project
                               and s.category not in ctx.texts.umbrella_categories
                               and any(e.section == SectionKind.PROJECTS and e.entry_index == plan.entry_index
                                       for e in s.evidence))
        # "BI" inside "Power BI" is the longer skill's name, not a second skill.
        skills = tuple(s for s in skills if s not in named or _is_named_apart(ctx, s, named, planned))
        found.append((plan, planned, skills))
    return found


def _is_named_apart(ctx: _Context, skill: Skill, named: tuple[Skill, ...], text: str) -> bool:
    """The skill is named in the text outside the longer names of the other skills named there."""
    for other in named:
        if other.id != skill.id:
            text = word_pattern(other.name, case_sensitive=False).sub(" ", text)
    return is_named_in(text, skill_names(ctx.taxonomy, skill.id))


def _still_learned_ids(ctx: _Context) -> frozenset[str]:
    return frozenset(s.id for _, _, skills in _plans_with_skills(ctx) for s in skills)


def _unsupported_skill(ctx: _Context) -> list[Flag]:
    # Only a skills list names it: the interviewer will ask where it was used and find no answer.
    # A skill a line says is still to be learned has its own flag (still_learning), not this one.
    # Editors and IDEs raise nothing: where code is typed is no question for a data role.
    learning = _still_learned_ids(ctx)
    found = [s for s in ctx.skills if is_unsupported(s) and s.id not in learning and s.id not in ctx.texts.editor_tools
             and not _is_backed_elsewhere(ctx, s)]
    # The resume's own "familiar with AWS" already says it is light: one low note, not "remove it".
    hedged = tuple(s for s in found if is_hedged(s, ctx.taxonomy, ctx.texts))
    everyday = tuple(s for s in found if is_everyday(s, ctx.texts) and s not in hedged)
    # A listed framework beside the work it serves (PyTorch beside neural networks at work): which one?
    related = {s.id: use for s in found if s not in hedged and s not in everyday
               and (use := _related_use(ctx, s)) is not None}
    rest = [s for s in found if s not in hedged and s not in everyday and s.id not in related]
    flags = [ctx.flag("unsupported_skill", {"skill": _with_children(s, children)}, claim_id=f"skill:{s.id}",
                      evidence=_skill_evidence(s))
             for s, children in _fold_children(rest, ctx.texts, ctx.rules)]
    if hedged:
        quote = _hedge_quote(hedged[0], ctx.taxonomy, ctx.texts)
        flags.append(ctx.flag("unsupported_skill", {"skills": _names(hedged, limit=MAX_NAMED_EVERYDAY), "quote": quote},
                              claim_id=f"skill:{hedged[0].id}", evidence=tuple(e for s in hedged[:3] for e in s.evidence[:1]),
                              variant="hedged"))
    if related:
        shown = tuple(s for s in found if s.id in related)
        fields = {"skills": _with_uses(shown, related)}
        flags.append(ctx.flag("unsupported_skill", fields, claim_id=f"skill:{shown[0].id}",
                              evidence=tuple(e for s in shown[:3] for e in s.evidence[:1]), variant="related"))
    if everyday:
        # WHY: twenty near-identical cards for Git, Jupyter and Excel bury the ones that matter.
        evidence = tuple(e for s in everyday[:3] for e in s.evidence[:1])
        flags.append(ctx.flag("unsupported_skill", {"skills": _names(everyday, limit=MAX_NAMED_EVERYDAY)},
                              evidence=evidence, variant="everyday"))
    return flags


def _with_uses(skills: tuple[Skill, ...], uses: dict[str, Skill]) -> str:
    """"PyTorch, TensorFlow (beside neural networks); Amazon EMR (beside AWS)": each group of listed
    skills with the skill at work that makes them plausible, in the order the skills come."""
    groups: dict[str, list[str]] = {}
    for skill in skills:
        groups.setdefault(uses[skill.id].name, []).append(skill.name)
    return "; ".join(f"{', '.join(names)} (beside {use} at work)" for use, names in groups.items())


def _related_use(ctx: _Context, skill: Skill) -> Skill | None:
    """A skill shown at work that makes a listed one plausible without showing it, so an interviewer asks
    which tool was used there and how rather than calling the list padded: a named tool or platform
    above it in use (Power Query under Power BI, Amazon EMR under AWS), work of the kind its category
    serves (flags.toml tool_for_class: a deep-learning framework beside neural networks, an ML library
    beside gradient boosting), for a skill another listed one implies (Python under scikit-learn), the
    use that makes that one plausible, or the tool family a listed engine belongs to, used at work
    (_family_in_use). None when nothing does: then the list is all there is."""
    return (_use_above(ctx, skill) or _use_of_class(ctx, skill) or next(
        (use for other in ctx.skills if other.id in ctx.rules.implying(skill.id) and other.id != skill.id
         and is_unsupported(other) and (use := _use_above(ctx, other) or _use_of_class(ctx, other)) is not None),
        None) or _family_in_use(ctx, skill))


def _family_in_use(ctx: _Context, skill: Skill) -> Skill | None:
    """For a listed engine or tool, the family its use implies (flags.toml tool_families), shown at work
    (MySQL listed, SQL written at a job): which engine that work ran on is a detail, not a gap (reviewers
    rated those cards noise)."""
    return next((other for other in ctx.skills if other.id in ctx.texts.tool_families and other.id != skill.id
                 and skill.id in ctx.rules.implying(other.id) and _is_used_at_work(other) and not other.inferred), None)


def _use_above(ctx: _Context, skill: Skill) -> Skill | None:
    """For a listed tool, a skill of its narrow lineage (its first parents) that the work shows: a tool
    or platform named in use (Power BI above Power Query, AWS above EMR), or a method the work backs in
    other words (operations research, described by a scheduling model, above a listed solver)."""
    if not _is_tool(ctx, skill):
        return None  # a method under a backed one is a claim of its own (A/B testing under hypothesis testing)
    lineage = _lineage(ctx, skill)
    for other in ctx.skills:
        if other.id not in lineage or other.inferred:
            continue
        if (is_used(other) and _is_tool(ctx, other)) or (is_unsupported(other) and _is_backed_elsewhere(ctx, other)):
            return other
    return None


def _is_tool(ctx: _Context, skill: Skill) -> bool:
    try:
        return ctx.taxonomy.category(skill.category).tool
    except KeyError:
        return False


def _use_of_class(ctx: _Context, skill: Skill) -> Skill | None:
    """The strongest skill at work of a kind of work the skill's category serves (tool_for_class): a
    method or architecture of the class ("dl", "ml"; not a bare task or metric such as classification or
    F1, and not another tool), a field the kinds name, or, for "domain", models of an application field
    (forecasting)."""
    kinds = ctx.texts.work_kinds(skill.category)
    if not kinds:
        return None

    def is_kind(other: Skill) -> bool:
        if other.id in kinds:
            return True  # a field the kinds name ("deep learning models" built at work)
        if other.category in ctx.texts.umbrella_categories or _is_tool(ctx, other):
            return False  # another tool (Ollama, JAGS) says nothing about the models built
        if is_domain(other, ctx.taxonomy):
            return "domain" in kinds
        return bool(ctx.classes(other) & set(kinds)) and other.id not in ctx.rules.not_fundamentals

    shown = [s for s in ctx.skills if s.id != skill.id and _is_used_at_work(s) and not s.inferred and is_kind(s)]
    # A method of the class names the work better than a field ("gradient boosting", not "face recognition").
    return max(shown, key=lambda s: (s.id not in kinds, not is_domain(s, ctx.taxonomy), s.strength)) if shown else None


def is_hedged(skill: Skill, taxonomy: Taxonomy, texts: FlagTexts) -> bool:
    """Every mention of the skill sits under words that claim it only lightly (flags.toml hedge_before,
    hedge_after): "familiar with AWS and GCP", "Azure familiarity", "Familiar: Docker"."""
    return bool(skill.evidence) and all(_hedge_of(e.quote, _names_of(skill, taxonomy), texts) for e in skill.evidence)


def _hedge_quote(skill: Skill, taxonomy: Taxonomy, texts: FlagTexts) -> str:
    return next((h for e in skill.evidence if (h := _hedge_of(e.quote, _names_of(skill, taxonomy), texts))), skill.name)


def _names_of(skill: Skill, taxonomy: Taxonomy) -> tuple[str, ...]:
    return skill_names(taxonomy, skill.id) if taxonomy.knows(skill.id) else (skill.name,)


def _hedge_of(quote: str, names: tuple[str, ...], texts: FlagTexts) -> str:
    """The words of the quote that hedge one of the names ("familiar with AWS"), "" when none do."""
    lower = quote.lower()
    for phrase in texts.hedge_before:
        for match in re.finditer(rf"(?<![\w-]){re.escape(phrase)}", lower):
            rest = quote[match.end():]
            span = re.split(_CLAUSE_END, rest.lstrip(" :"), maxsplit=1)[0]
            if is_named_in(span, names):
                return (quote[match.start():match.end()] + rest[:len(rest) - len(rest.lstrip(" :"))] + span).strip()
    for phrase in texts.hedge_after:
        for match in re.finditer(rf"{re.escape(phrase)}(?![\w-])", lower):
            before = quote[:match.start()]
            span = re.split(_CLAUSE_END_OR_COMMA, before)[-1]
            if is_named_in(span, names):
                return (span + quote[match.start():match.end()]).strip()
    return ""


# Where a hedge's reach ends: a full stop, a semicolon, a bar, a bullet or a label's colon (and, for a
# hedge written after the skills, a comma: "Python, SQL, Azure familiarity" hedges only Azure).
_CLAUSE_END = r"[.;|•:]\s|[;|•]"
_CLAUSE_END_OR_COMMA = r"[.;|•:,(]"


def _fold_children(skills: list[Skill], texts: FlagTexts, rules: ClaimRules) -> list[tuple[Skill, tuple[Skill, ...]]]:
    """Each skill with the listed-only skills under it ("Regularization (Ridge/Lasso)" is one card,
    not three): a skill whose more general skill is also flagged joins that skill's card, as does one
    whose use implies a flagged one (claims.toml implied_by: "SQL (MySQL, PostgreSQL)" is one card, not
    three; reviewers read the engines' cards as repeats), engines of one tool family share the first one's,
    and the everyday practices of one umbrella category ("cleaning & preprocessing") share the first one's
    card."""
    ids = {s.id for s in skills}
    by_id = {s.id: s for s in skills}
    implied = {x: y for y in ids for x in rules.implying(y) if x in ids and x != y}
    # engines of one tool family (flags.toml tool_families) whose family is not flagged itself ("MySQL,
    # PostgreSQL, SQLite" with SQL backed elsewhere) share the first one's card: one point, one card
    first_engine: dict[str, str] = {}
    for skill in (s for s in skills if s.id not in implied):
        family = next((y for y in texts.tool_families if y not in ids and skill.id in rules.implying(y)), None)
        if family is not None:
            implied[skill.id] = first_engine.setdefault(family, skill.id)
    first_of: dict[str, Skill] = {}
    for skill in skills:
        if skill.category in texts.umbrella_categories and not skill.parents:
            first_of.setdefault(skill.category, skill)

    def head(skill: Skill) -> Skill:
        if skill.category in texts.umbrella_categories and not skill.parents:
            return first_of[skill.category]
        seen = {skill.id}
        while (parent := next((p for p in (*skill.parents, implied.get(skill.id, "")) if p in ids and p not in seen),
                              None)) is not None:
            skill = by_id[parent]
            seen.add(parent)
        return skill

    children: dict[str, list[Skill]] = {}
    for skill in skills:
        top = head(skill)
        if top.id != skill.id:
            children.setdefault(top.id, []).append(skill)
    return [(s, tuple(children.get(s.id, ()))) for s in skills if head(s).id == s.id]


def _with_children(skill: Skill, children: tuple[Skill, ...]) -> str:
    return f"{skill.name} (with {_names(children)})" if children else skill.name


# Skill names shorter than this ("R", "C") are letters in too many other words and codes to look for.
MIN_NAME_CHARS = 2
# The everyday tools a grouped note names before "and N more": enough to recognise the list.
MAX_NAMED_EVERYDAY = 8
# Sections whose entries show a skill in use: a role, a project, a degree, a paper.
_WORK_SECTIONS = (SectionKind.EXPERIENCE, SectionKind.PROJECTS, SectionKind.EDUCATION, SectionKind.PUBLICATIONS)
# Sections whose dated entries show work: a job or a project.
_USE_SECTIONS = (SectionKind.EXPERIENCE, SectionKind.PROJECTS)
# Links that are the candidate's own code: a repository named after a skill shows it.
_CODE_LINK_KINDS = ("github_repo", "gist", "kaggle")


def _skill_names(skill: Skill, taxonomy: Taxonomy | None) -> tuple[tuple[str, bool], ...]:
    """The skill's name and aliases, each with whether it must match as written: short names and
    acronyms ("Go", "SAS", "AWS") are everyday words or parts of other words in other cases. A longer
    name matches in any case: a job line's "e.g. spark, redshift" names the tools."""
    definition = taxonomy.skill(skill.id) if taxonomy is not None and taxonomy.knows(skill.id) else None
    names = (skill.name,) + (definition.aliases if definition else ())
    return tuple((name, len(name) <= MAX_EXACT_CHARS or (len(name) <= 4 and name.isupper()))
                 for name in dict.fromkeys(names) if len(name) >= MIN_NAME_CHARS)


# Names this short ("Go", "SAS") match only as written.
MAX_EXACT_CHARS = 3


def is_shown_elsewhere(skill: Skill, resume: Resume, taxonomy: Taxonomy | None = None) -> bool:
    """The skill is named by a job, project, degree or paper (its title or its lines), or by a linked
    repository, so a list is not the only place that backs it. With the taxonomy, aliases count too."""
    if any(e.section in _WORK_SECTIONS and e.entry for e in skill.evidence):
        return True
    entries = [e for e in resume.entries if e.section in _WORK_SECTIONS]
    text = "\n".join([f"{e.title} | {e.organization}" for e in entries]
                      + [line.text for e in entries for line in (*e.heading, *e.lines)])
    links = " | ".join(f"{l.url} {l.anchor_text}".replace("-", " ").replace("_", " ")
                       for l in resume.document.links if l.kind in _CODE_LINK_KINDS)
    for name, exact in _skill_names(skill, taxonomy):
        pattern = word_pattern(name, case_sensitive=exact)
        if pattern.search(text) or (len(name) >= 3 and word_pattern(name, case_sensitive=False).search(links)):
            return True
    return False


def _is_category_list_only(skill: Skill, labels: tuple[str, ...]) -> bool:
    """Every mention follows a label that lists kinds of data or domains ("Types of data: time series")."""
    return bool(skill.evidence) and bool(labels) and all(_follows_label(e.quote, labels) for e in skill.evidence)


def _follows_label(quote: str, labels: tuple[str, ...]) -> bool:
    label, colon, _ = quote.partition(":")
    return bool(colon) and " ".join(label.lower().split()) in labels


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
    noted: set[str] = set()  # the entries a note names already: one note per role
    limit = ctx.options.stale_years * 12
    as_of = ctx.resume.as_of
    now = month_index(as_of, as_of)
    for skill in ctx.skills:
        # An inferred skill is a guess about a description; calling it stale would compound the guess.
        if not is_used(skill) or skill.inferred or not skill.last_used or not _may_be_stale(ctx, skill):
            continue
        months = _months_between(_last_use_with_promotions(ctx, skill), as_of, as_of)
        if months is None or months <= limit or now is None or _is_current_elsewhere(ctx, skill, now - limit):
            continue
        if (skill.category in ctx.texts.language_categories or skill.id in ctx.texts.model_work_libraries) and (
                _has_recent_model_work(ctx, now - limit) or _is_study_only(skill)):
            continue  # ML work is written in some language and library; a degree's language list is background
        dated = [e for e in skill.evidence if e.entry and (e.end or e.start)]
        last = sorted(dated, key=lambda e: month_index(e.end or e.start, as_of, end=True) or 0)[-1:]
        entry = last[0].entry if last else (skill.used_in[-1] if skill.used_in else "")
        if entry and entry in noted:
            continue  # WHY: reviewers read a second "last used" note on one role as the first said again
        noted.add(entry)
        fields = {"skill": skill.name, "last_used": skill.last_used, "entry": entry or "undated",
                  "years": f"{months / 12:.1f}".rstrip("0").rstrip("."), "as_of": ctx.resume.as_of}
        flags.append(ctx.flag("stale_claim", fields, claim_id=f"skill:{skill.id}", evidence=tuple(last)))
    return flags


def _is_current_elsewhere(ctx: _Context, skill: Skill, since: int) -> bool:
    """Later work shows the skill under another name, so its last dated mention is not its last use:
    a skill of its family or one that implies it is used in a job or project ending after ``since``
    (a month number), the summary names the skill or its family (the candidate's present, in their own
    words), or a line of such a job describes the skill in other words (inferred.toml)."""
    related = _family(ctx, skill) | set(ctx.rules.implying(skill.id))
    for other in ctx.skills:
        if other.inferred or (other.id not in related and other.id != skill.id):
            continue
        if any(e.section == SectionKind.SUMMARY for e in other.evidence):
            return True
        if other.id != skill.id and is_used(other) and other.last_used:
            last = month_index(_last_use_with_promotions(ctx, other), ctx.resume.as_of, end=True)
            if last is not None and last > since:
                return True
    return any(_is_described_since(ctx, sid, since) for sid in (skill.id, *sorted(related)))


def _has_recent_model_work(ctx: _Context, since: int) -> bool:
    """A machine-learning or deep-learning skill is used in a job or project ending after ``since``."""
    as_of = ctx.resume.as_of
    for skill in ctx.skills:
        if not (is_used(skill) and ctx.classes(skill) & {"ml", "dl"}):
            continue
        for e in skill.evidence:
            last = month_index(e.end or e.start, as_of, end=True) if e.section in _USE_SECTIONS and e.entry else None
            if last is not None and last > since:
                return True
    return False


def _is_study_only(skill: Skill) -> bool:
    """Every dated use is in a degree or course (a language list of a BSc), none in a job or project."""
    dated = [e for e in skill.evidence if e.entry and (e.start or e.end)]
    return bool(dated) and all(e.section == SectionKind.EDUCATION for e in dated)


def _family(ctx: _Context, skill: Skill) -> set[str]:
    """The skill's narrow family, from the taxonomy's structure: its first parents up to the first
    umbrella (computer vision for image classification, AWS for S3), the other skills whose first
    parent is its first parent (S3 and SQS), and the skills under it (CNN under neural networks).
    Umbrella categories (machine learning, data analysis) join nothing: they would make all one family."""
    taxonomy = ctx.taxonomy
    lineage = _lineage(ctx, skill)
    family = set(lineage)
    for other in ctx.skills:
        if other.id == skill.id or not taxonomy.knows(other.id):
            continue
        first = taxonomy.skill(other.id).parents[:1]
        if skill.id in other.parents or (lineage and first == (lineage[0],)):
            family.add(other.id)
    return family


def _lineage(ctx: _Context, skill: Skill) -> list[str]:
    """The skill's first parents, nearest first, up to the first one in an umbrella category."""
    taxonomy, umbrella = ctx.taxonomy, ctx.texts.umbrella_categories
    lineage: list[str] = []
    current = skill.id
    while taxonomy.knows(current) and (parents := taxonomy.skill(current).parents) and parents[0] not in lineage:
        current = parents[0]
        if taxonomy.skill(current).category in umbrella or _descendant_count(taxonomy, current) > MAX_FAMILY_SKILLS:
            break
        lineage.append(current)
    return lineage


# A skill with more skills under it than this is a field (statistics ~110, NLP ~90, neural networks ~55),
# not a family: recent work somewhere in it says nothing about one old method. Families such as AWS
# (~30 services), computer vision (~40) or MLOps (~40) stay under it.
MAX_FAMILY_SKILLS = 45


def _descendant_count(taxonomy: Taxonomy, skill_id: str) -> int:
    return _descendants(taxonomy).get(skill_id, 0)


@lru_cache(maxsize=4)
def _descendants(taxonomy: Taxonomy) -> dict[str, int]:
    counts: dict[str, int] = {}
    for skill in taxonomy.skills:
        for ancestor in taxonomy.ancestors(skill.id):
            counts[ancestor] = counts.get(ancestor, 0) + 1
    return counts


def _is_described_since(ctx: _Context, skill_id: str, since: int) -> bool:
    """A job or project line dated after ``since`` describes the skill without naming it."""
    as_of = ctx.resume.as_of
    recent = [s.text for s in ctx.work_statements() if s.section in _USE_SECTIONS and s.entry is not None
              and (end := month_index(s.entry.end or s.entry.start, as_of, end=True)) is not None and end > since
              and not is_unfinished(s.text, ctx.rules.unfinished_phrases)]
    return any(describes(recent, skill_id, ctx.taxonomy))


def _may_be_stale(ctx: _Context, skill: Skill) -> bool:
    """A skill "what would you use instead today?" fits: a data-science method or tool, not an everyday
    tool, a whole field, a programming language or a software-engineering practice (flags.toml
    never_stale_categories), and not used in an undated role or project (which may be recent)."""
    return (not is_everyday(skill, ctx.texts) and skill.category not in ctx.texts.umbrella_categories
            and skill.category not in ctx.texts.never_stale_categories and not _has_undated_use(skill))


def _has_undated_use(skill: Skill) -> bool:
    return any(e.section in (SectionKind.EXPERIENCE, SectionKind.PROJECTS) and e.entry and not (e.start or e.end) for e in skill.evidence)


def _last_use_with_promotions(ctx: _Context, skill: Skill) -> str:
    """A skill's last use, carried forward to a newer title stacked above the entry that uses it:
    work listed under two titles at once is not old work because the reader gave it to the older one."""
    as_of = ctx.resume.as_of
    entries = ctx.resume.entries
    used = {e.entry_index for e in skill.evidence if e.entry_index is not None} | set(skill.used_in_entries)
    ends = [skill.last_used]
    # Stacked titles (a newer title with no lines of its own right above the one that has them) share
    # those lines: the reader cannot tell which title a bullet belongs to, and both do.
    for index in sorted(used):
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
    if not _is_padded([s for s in listed if not is_everyday(s, ctx.texts)], ctx.rules):
        return []
    # The message counts every skill, as the page's overview does; the verdict leaves everyday tools out.
    listed_only = [s for s in listed if s.listed_only]
    used = [s for s in listed if is_used(s)]
    fields = {"listed": len(listed), "total": len(ctx.skills), "used": len(used),
              "share": round(100 * len(used) / len(listed)), "listed_only": len(listed_only)}
    evidence = tuple(e for s in listed_only[:1] for e in s.evidence[:1])
    return [ctx.flag("keyword_padding", fields, evidence=evidence)]


def _is_padded(listed: list[Skill], rules: ClaimRules) -> bool:
    """Many skills named only in a list and few of the list shown in use. WHY without everyday tools:
    a student's Git, NumPy and Java lines are not padding; only the skills that matter are weighed."""
    listed_only = [s for s in listed if s.listed_only]
    if not listed or len(listed_only) < rules.padding_min_listed_only:
        return False
    return sum(is_used(s) for s in listed) / len(listed) <= rules.padding_max_used_share


def _shows_fundamentals(ctx: _Context, skill: Skill) -> bool:
    """A conventional-ML method named in a job, project or study (inferred skills are too weak)."""
    return (is_used(skill) and not skill.inferred and "ml" in ctx.classes(skill)
            and skill.id not in ctx.rules.not_fundamentals)


def _is_used_at_work(skill: Skill) -> bool:
    return is_used(skill) and any(e.section in (SectionKind.EXPERIENCE, SectionKind.PROJECTS) and e.entry for e in skill.evidence)


def _dl_without_fundamentals(ctx: _Context) -> list[Flag]:
    # Deep learning with no conventional ML: nothing shows what the candidate did versus the model.
    dl = tuple(s for s in ctx.skills if "dl" in ctx.classes(s))
    # Only deep learning shown at work or in a project counts: a framework in a list or a course
    # certificate is no work the interviewer could ask "what did you do, what did the model do" about.
    # A field or task alone ("a machine vision program", "object detection") may be classical methods;
    # only a deep-learning framework, architecture or network shown at work says deep learning.
    if not any(_is_used_at_work(s) and not is_domain(s, ctx.taxonomy) for s in dl) or any(
            _shows_fundamentals(ctx, s) for s in ctx.skills):
        return []
    shown = tuple(sorted(dl, key=lambda s: (not is_used(s), -s.strength, ctx.skills.index(s))))
    evidence = tuple(e for s in shown[:3] for e in s.evidence[:1])
    return [ctx.flag("dl_without_fundamentals", {"dl_skills": _names(shown)}, claim_id=f"skill:{shown[0].id}",
                     evidence=evidence)]


def _at_a_job(section: str) -> bool:
    """WHY: a model in a side project or a class is not expected to ship or be monitored; reviewers read
    "nothing says how it was used" of a student's Kaggle notebook as noise."""
    return section == SectionKind.EXPERIENCE


def _no_deployment(ctx: _Context) -> list[Flag]:
    # Models built at a job with no word on how they were used read as proof-of-concept work (area 7).
    model_skills, model_lines = _models_built(ctx)
    model_skills = tuple(s for s in model_skills if any(_at_a_job(e.section) for e in s.evidence))
    model_lines = tuple(s for s in model_lines if _at_a_job(s.section))
    if not (model_skills or model_lines) or _deployment_lines(ctx) or _model_users(ctx, model_skills):
        return []
    label = _names(model_skills) if model_skills else "see the lines quoted"
    evidence = tuple(e for s in model_skills[:3] for e in s.evidence[:1]) or tuple(
        s.evidence() for s in model_lines[:3])
    return [ctx.flag("no_deployment", {"model_skills": label}, evidence=evidence)]


def _no_lifecycle(ctx: _Context) -> list[Flag]:
    # A deployed model with no monitoring or retraining invites "what happens when the data drifts?"
    model_skills, model_lines = _models_built(ctx)
    model_entries = {id(s.entry) for s in model_lines if s.entry is not None}
    # "Models are deployed" needs a line that says something went live, about a model (its own words, as
    # claims.toml model_context, or its entry's): a training pipeline, an API client, or a scraper put
    # online beside a model built elsewhere is no deployment to keep healthy (no_deployment still counts them).
    deployed = tuple(s for s in _deployment_lines(ctx) if is_live(s, ctx.texts) and _at_a_job(s.section) and (
        names_model(s.text, ctx.rules) or (s.entry is not None and id(s.entry) in model_entries)))
    if not (model_skills or model_lines) or not deployed:
        return []
    if any(has_phrase(s.text, ctx.rules.lifecycle_phrases) for s in ctx.work_statements()):
        return []
    quote = _deployment_quote(ctx, deployed)
    return [ctx.flag("no_lifecycle", {"deploy_quote": quote.text}, evidence=(quote.evidence(),))]


def is_note_for_candidate(flag: Flag) -> bool:
    """A low note on listed skills (everyday tools, tools the work implies, skills the resume calls
    light), on a buzzword, on a skill last used years ago, the plain "interviewers open your links" or
    "your profile names no repository":
    it tells the candidate what to prepare; an interviewer learns little from it (reviewers rated most of
    them noise), so the interviewer's view leaves it to the candidate."""
    if flag.code == "link_to_check":
        # WHY: "interviewers open the links" tells the interviewer nothing (18 of 48 rated noise), nor does
        # "name a repository or they will pick one" (a profile link is no gap: rated wrong on every list)
        return flag.variant in ("", "profile")
    # WHY the low "last used" notes: reviewers rated half of them noise (a file format, a tool that does not age);
    # the interviewer's list asks old work what would change today instead (line.old_work_today)
    return flag.code in ("unsupported_skill", "vague_claim", "stale_claim") and flag.severity == Severity.LOW


def is_shipped(text: str, texts: FlagTexts) -> bool:
    """The line says something went live, as a fact: not "a prototype that can go through testing
    before being put into production"."""
    return has_phrase(text, texts.shipped_words) and not has_phrase(text, texts.not_shipped_words)


def is_exercise(section_title: str, entry: Entry | None, texts: FlagTexts) -> bool:
    """The line sits in a job simulation or a virtual internship (flags.toml exercise_words)."""
    where = f"{section_title} {entry.title} {entry.organization}" if entry is not None else section_title
    return has_phrase(where, texts.exercise_words)


def is_live(statement: Statement, texts: FlagTexts) -> bool:
    """The line says something went live for real users: shipped, and not in an exercise."""
    return is_shipped(statement.text, texts) and not is_exercise(statement.section_title, statement.entry, texts)


def _deployment_quote(ctx: _Context, deployed: tuple[Statement, ...]) -> Statement:
    """Of the lines that say a model went live, the first that names the model's making itself."""
    return min(deployed, key=lambda statement: not has_phrase(statement.text, ctx.rules.model_building))


def _metric_flags(ctx: _Context) -> list[Flag]:
    # A number invites two questions: how did you get it, and compared with what (area 2).
    flags = []
    results = tuple(c for c in ctx.claims if c.result is not None)
    for claim in results:
        if is_repeated_in_work(claim, results, ctx.rules):
            continue  # a summary repeating a job line's result: one flag, on the job line
        result = claim.result
        moved = result.moved in ("up", "down")
        if result.measures in _NOT_OUTCOMES and not (moved and result.measures == "other"):
            continue  # a headcount, a data size or a count is not a result to back with a method
        name = result.measure_name or result.metric
        fields = {"clause": result.clause or claim.text, "value": result.amount,
                  "metric_or_it": name if name and len(name.split()) <= 4 else "it"}
        if not result.has_method and is_outcome(result):
            flags.append(ctx.flag("metric_without_method", fields, claim_id=claim.id, evidence=claim.evidence))
        if result.is_improvement and not result.baseline and not result.is_money:
            flags.append(ctx.flag("metric_without_baseline", fields, claim_id=claim.id, evidence=claim.evidence))
    return flags


def is_outcome(result: Result) -> bool:
    """A number something moved (up or down), or a model's score: what was done to reach it is a fair
    question. A level kept ("maintained 100% data accuracy", "99.9% uptime") moved nothing."""
    return result.moved in ("up", "down") or result.measures in _MODEL_MEASURES


# Kinds of number that score a model: even as a level they were reached by a method.
_MODEL_MEASURES = ("model_metric", "error_metric")


def is_repeated_in_work(claim: Claim, results: Iterable[Claim], rules: ClaimRules) -> bool:
    """A result stated in the summary (or another self-description) that a job or project line
    states too (``results``: the resume's result claims). The questions step asks it on that line."""
    if not claim.evidence or claim.evidence[0].section not in rules.self_description_sections:
        return False
    numbers = set(_NUMBER.findall(claim.text))
    return bool(numbers) and any(
        other is not claim and other.evidence and other.evidence[0].section not in rules.self_description_sections
        and numbers <= set(_NUMBER.findall(other.text)) for other in results)


_NUMBER = re.compile(r"\d+(?:[.,]\d+)?\s*[%x×]?")


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


def _shared_work(ctx: _Context) -> list[Flag]:
    # Work done with others (a co-authored paper, "a team of five"): the interviewer asks which part
    # was the candidate's, so the candidate should have that answer ready. One flag per entry.
    flags: list[Flag] = []
    seen: set[int | str] = set()
    for statement in ctx.work_statements():
        if statement.section not in _WORK_SECTIONS or not has_phrase(statement.text, ctx.texts.shared_work_phrases):
            continue
        if has_phrase(statement.text, ctx.texts.leading_phrases) or _own_part_stated(statement, ctx):
            continue  # WHY: "Led a team of 2", "I designed the database" say whose part was what; reviewers read the note as noise
        key = statement.entry_index if statement.entry_index is not None else statement.text
        if key in seen:
            continue
        seen.add(key)
        flags.append(ctx.flag("shared_work", {"quote": statement.text}, evidence=(statement.evidence(),)))
        if len(flags) == MAX_SHARED_WORK:
            break
    return flags


# WHY: the question is the same for every shared piece of work; three cover the ones a candidate leads with.
MAX_SHARED_WORK = 3


def _own_part_stated(statement: Statement, ctx: _Context) -> bool:
    """A line of the same entry says what the candidate did themselves ("I designed the database")."""
    same = [s for s in ctx.work_statements() if s.entry_index == statement.entry_index] \
        if statement.entry_index is not None else [statement]
    return any(has_phrase(s.text, ctx.texts.own_part_phrases) for s in same)


def _link_to_check(ctx: _Context) -> list[Flag]:
    # Interviewers open links: every code or writing link is something to re-read.
    flags = []
    for claim in (c for c in ctx.claims if c.link is not None):
        if is_contact_uri(claim.text) or is_not_work(claim.text):
            continue  # contact details, pictures and certificates are not work to open
        kind = claim.link.kind
        name, what = ctx.texts.link_kind(kind)
        unnamed = kind == "github_profile" and not has_own_repository(claim.link.url, ctx.claims)
        others = kind == "github_repo" and is_other_account(claim.link.url, ctx.claims, ctx.resume)
        variant = ("malformed" if not claim.link.valid else "profile" if unnamed
                   else "other_account" if others else "")
        fields = {"url": claim.text, "kind_name": name, "what": what, "owner": github_owner(claim.link.url)}
        flags.append(ctx.flag("link_to_check", fields, claim_id=claim.id, evidence=claim.evidence, variant=variant))
    return flags


def github_owner(url: str) -> str:
    """The account a GitHub link belongs to ('github.com/ana/churn' -> 'ana'), lower-cased; '' if none."""
    # The last "github.com/": a link typed twice ("github.com/https://github.com/ana") is ana's.
    owners = re.findall(r"github\.com/([A-Za-z0-9][A-Za-z0-9-]*)(?![A-Za-z0-9:-])", url, re.IGNORECASE)
    return owners[-1].lower() if owners else ""


def has_own_repository(profile_url: str, claims: tuple[Claim, ...]) -> bool:
    """The resume also links a repository of this GitHub profile's account (or of an account one typo
    away: a misspelt profile link beside correct repository links): the interviewer has been told where
    to look, so "a profile with no repository named" would be wrong."""
    owner = github_owner(profile_url)
    return bool(owner) and any(c.link is not None and c.link.kind == "github_repo"
                               and is_same_account(github_owner(c.link.url), owner) and is_repository_url(c.link.url)
                               for c in claims)


def is_same_account(a: str, b: str) -> bool:
    """Two GitHub account names that are one, allowing a slip of typing in a long name ("ambityga" and
    "ambitygya"): names of MIN_TYPO_CHARS letters or more that differ by at most MAX_TYPO_EDITS edits."""
    if a == b:
        return True
    return min(len(a), len(b)) >= MIN_TYPO_CHARS and _edits(a, b) <= MAX_TYPO_EDITS


# Account names this long that differ by this many letters are one account typed twice: two real
# accounts so alike are rarer than a slip of the keyboard on a resume.
MIN_TYPO_CHARS = 6
MAX_TYPO_EDITS = 1


def _edits(a: str, b: str) -> int:
    """Levenshtein distance (insertions, deletions, substitutions)."""
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


def _pages_owners(resume: Resume) -> set[str]:
    """Accounts whose GitHub Pages site the resume links ("ana.github.io"): the candidate's own."""
    found = set()
    for link in resume.document.links:
        match = re.search(r"(?:^|//)([A-Za-z0-9-]+)\.github\.io\b", link.url, re.IGNORECASE)
        if match:
            found.add(match.group(1).lower())
    return found


def is_repository_url(url: str) -> bool:
    """The last "github.com/" of the link names an account and a repository ("github.com/ana/churn"), not
    an account alone typed after another address ("github.com/https://github.com/ana")."""
    last = url[url.lower().rfind("github.com/"):]
    return re.match(r"github\.com/[A-Za-z0-9][A-Za-z0-9-]*/[^/?#\s]+", last, re.IGNORECASE) is not None


def is_other_account(repo_url: str, claims: tuple[Claim, ...], resume: Resume) -> bool:
    """A repository that is not the candidate's own code: the resume links a GitHub profile of another
    account, or the repository's account is the name of an employer or school on the resume (a
    start-up's code). A library the candidate used or a team-mate's hackathon repository: the
    interviewer asks what the candidate's part was, not how they tested it."""
    owner = github_owner(repo_url)
    if not owner:
        return False
    profiles = {github_owner(c.link.url) for c in claims if c.link is not None and c.link.kind == "github_profile"}
    profiles.discard("")
    if profiles:
        own = profiles | _pages_owners(resume)
        return not any(is_same_account(owner, name) for name in own)
    squeezed = re.sub(r"[^a-z0-9]", "", owner)
    return any(len(org) >= MIN_EMPLOYER_CHARS and org == squeezed
               for org in (re.sub(r"[^a-z0-9]", "", e.organization.lower()) for e in resume.entries))


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


# --- dates: one reading of each entry's dates, then one predicate per problem ---------------------------


@dataclass(frozen=True, slots=True)
class _Dates:
    """An entry's dates as month numbers, read leniently (a bare year starts in January and ends in
    December) and strictly (a bare year starts in December and ends in January), for overlaps."""

    entry: Entry
    start: int
    end: int | None  # None: ongoing ("present"); a single date ends where it starts
    strict_start: int
    strict_end: int


# A degree printed with only its end date ("BSc, May 2024") is taken to cover the years before it:
# a typical degree's length, so the study is not read as a gap before the end date.
UNDATED_STUDY_MONTHS = 36


def _read_dates(entry: Entry, as_of: str) -> _Dates | None:
    if not entry.start:
        return _study_by_end(entry, as_of)
    start = month_index(entry.start, as_of)
    strict_start = month_index(entry.start, as_of, end=True)
    strict_end = month_index(entry.end or entry.start, as_of)
    if start is None or strict_start is None or strict_end is None:
        return None
    if entry.end == "present":
        end = None
    else:  # a single date is both the start and the end
        end = month_index(entry.end or entry.start, as_of, end=True)
        if end is None:
            return None
    return _Dates(entry, start, end, strict_start, strict_end)


def _study_by_end(entry: Entry, as_of: str) -> _Dates | None:
    end = month_index(entry.end, as_of, end=True) if entry.section == SectionKind.EDUCATION and entry.end else None
    if end is None:
        return None
    start = end - UNDATED_STUDY_MONTHS
    return _Dates(entry, start, end, start, end)


def is_end_before_start(dates: _Dates) -> bool:
    return dates.end is not None and dates.end < dates.start


def is_future_start(dates: _Dates, now: int) -> bool:
    return dates.start > now


def is_future_end(dates: _Dates, now: int) -> bool:
    """A job (not a study or project) that ends after the reference month, beyond a fixed term: a
    co-op or contract under way with its end date printed ("Jan 2026 - Aug 2026") is not a mistake."""
    return (dates.entry.section == SectionKind.EXPERIENCE and dates.entry.end not in (None, "present")
            and dates.strict_end > now and not (dates.start <= now and dates.strict_end - now <= FIXED_TERM_MONTHS))


# A job under way that ends within this many months of the reference month is a fixed term, not an error.
FIXED_TERM_MONTHS = 12


def is_planned(entry: Entry, texts: FlagTexts) -> bool:
    """A dated study, or an entry whose heading or first line says the date is a plan ("Expected May
    2027", "Incoming analyst"): a future date there is not an error."""
    first = " ".join(line.text for line in (*entry.heading, *entry.lines[:1]))
    return entry.section == SectionKind.EDUCATION or has_phrase(first, texts.plan_words)


def is_side_work(entry: Entry, ctx: _Context) -> bool:
    """Not a full-time job: a part-time title, or a heading that names study, a capstone or a thesis."""
    heading = " ".join(line.text for line in entry.heading) or entry.label
    return has_phrase(entry.title, ctx.rules.part_time_titles) or has_phrase(heading, ctx.texts.side_work_words)


def _employer(entry: Entry, above: Entry | None) -> str:
    """The entry's organisation or, for a title with no organisation right under another entry of its
    section, that entry's organisation (several titles listed under one employer)."""
    if entry.organization or above is None or above.section != entry.section:
        return _plain(entry.organization)
    return _plain(above.organization)


def _plain(name: str) -> str:
    return " ".join(re.sub(r"[^\w&]+", " ", name.lower()).split())


def _is_same_name(a: str, b: str) -> bool:
    """'EPAM' and 'EPAM Systems' name one employer; a name is the other's first words."""
    if len(a) < MIN_EMPLOYER_CHARS or len(b) < MIN_EMPLOYER_CHARS:
        return False
    short, long = sorted((a, b), key=len)
    return long == short or long.startswith(short + " ")


# Employer names shorter than this ("AI", "X") are too likely to be part of another name.
MIN_EMPLOYER_CHARS = 3


def is_same_employer(first: Entry, second: Entry, above: dict[int, Entry | None] | None = None) -> bool:
    """Two titles at one employer (a promotion or a change of team), not two jobs at once. An employer is
    compared with the other's organisation and title (the reader sometimes swaps the two), never a
    title with a title (two "Data Scientist" roles are two jobs). ``above``: entry id -> the entry before it."""
    above = above or {}
    a_org, b_org = _employer(first, above.get(id(first))), _employer(second, above.get(id(second)))
    return (any(_is_same_name(a_org, name) for name in (b_org, _plain(second.title)))
            or _is_same_name(b_org, _plain(first.title)))


def _overlap_months(first: _Dates, second: _Dates) -> int:
    # For overlaps the strict reading: a bare year ends in January and starts in December.
    return min(first.strict_end, second.strict_end) - max(first.strict_start, second.strict_start)


def _date_problem(ctx: _Context) -> list[Flag]:
    # Impossible or surprising dates draw a question; the candidate should have the answer ready.
    as_of = ctx.resume.as_of
    now = month_index(as_of, as_of)
    flags: list[Flag] = []
    kept: list[_Dates] = []
    for entry in ctx.resume.entries:
        dates = _read_dates(entry, as_of)
        if dates is None:
            continue
        planned = is_planned(entry, ctx.texts)
        if is_end_before_start(dates):
            flags.append(_date_flag(ctx, "end_before_start", entry))
        elif is_future_start(dates, now):
            if not planned:  # "Expected 2027": a planned graduation or start, not a claim about the past
                flags.append(_date_flag(ctx, "future_start", entry))
        else:
            if is_future_end(dates, now) and not planned:
                flags.append(_date_flag(ctx, "future_end", entry))
            kept.append(dates)  # started already: it counts for overlaps, gaps and recent work
    return flags + _overlap_flags(ctx, kept) + _gap_flags(ctx, kept, now)


def _overlap_flags(ctx: _Context, kept: list[_Dates]) -> list[Flag]:
    above = _entries_above(ctx.resume.entries)
    jobs = [d for d in kept if d.entry.section == SectionKind.EXPERIENCE and not is_side_work(d.entry, ctx)]
    flags = []
    for i, first in enumerate(jobs):
        for second in jobs[i + 1:]:
            overlap = _overlap_months(first, second)
            if overlap > ctx.rules.overlap_months and not is_same_employer(first.entry, second.entry, above):
                flags.append(_date_flag(ctx, "overlap", second.entry, first.entry, overlap))
    return flags


def _entries_above(entries: tuple[Entry, ...]) -> dict[int, Entry | None]:
    return {id(entry): entries[i - 1] if i else None for i, entry in enumerate(entries)}


def has_undated_study(entries: tuple[Entry, ...]) -> bool:
    """A run of study entries none of which is dated: the reader missed the degree's dates, and the
    study may fill any gap, so gaps are not judged. (An undated line under a dated degree, such as its
    coursework or grade, is part of that degree.)"""
    runs: list[list[Entry]] = []
    for index, entry in enumerate(entries):
        if entry.section != SectionKind.EDUCATION:
            continue
        if runs and index > 0 and entries[index - 1] is runs[-1][-1]:
            runs[-1].append(entry)
        else:
            runs.append([entry])
    return any(not any(e.start or e.end for e in run) for run in runs)


def _gap_flags(ctx: _Context, kept: list[_Dates], now: int | None) -> list[Flag]:
    # Study and dated projects count as time accounted for, so a PhD between two jobs is not a gap.
    if has_undated_study(ctx.resume.entries):
        return []
    spans = sorted((d.start, _reach(d, now), i) for i, d in enumerate(kept) if d.entry.section in _ACCOUNTED_SECTIONS)
    flags = []
    reach, last = None, None
    for start, end, index in spans:
        if reach is not None and start - reach - 1 > ctx.rules.gap_months and not _is_old_gap(ctx, start, now):
            flags.append(_date_flag(ctx, "gap", kept[index].entry, last, start - reach - 1))
        if reach is None or end > reach:
            reach, last = end, kept[index].entry
    if reach is not None and now is not None and now - reach > ctx.rules.gap_months:
        flags.append(_date_flag(ctx, "nothing_recent", last, None, now - reach))
    return flags


def _is_old_gap(ctx: _Context, closed: int, now: int | None) -> bool:
    """WHY: a year between jobs thirteen years ago is history; reviewers rated asking about it a waste of
    the interview while a recent gap went unasked."""
    return now is not None and now - closed > ctx.rules.old_gap_months


def _reach(dates: _Dates, now: int | None) -> int:
    """The last month an entry accounts for: its end, or the reference month when it is ongoing or ends later."""
    if now is None:
        return dates.end if dates.end is not None else dates.start
    return now if dates.end is None else min(dates.end, now)


# Sections whose dated entries account for time: jobs, study and dated projects.
_ACCOUNTED_SECTIONS = (SectionKind.EXPERIENCE, SectionKind.EDUCATION, SectionKind.PROJECTS)


def _date_flag(ctx: _Context, variant: str, entry: Entry, other: Entry | None = None, months: int = 0) -> Flag:
    fields = {"label": entry.label, "start": entry.start, "end": entry.end, "as_of": ctx.resume.as_of,
              "other": other.label if other else "", "months": months}
    evidence = tuple(Evidence(section=e.section, entry=e.label, quote=" ".join(l.text for l in e.heading) or e.label,
                              page=e.page, start=e.start, end=e.end, entry_index=ctx.resume.entries.index(e))
                     for e in (other, entry) if e is not None)
    return ctx.flag("date_problem", fields, evidence=evidence, variant=variant)


def is_contact_uri(url: str) -> bool:
    return re.search(r"(?:^|//)(?:tel|mailto|sms|callto):|^(?:https?://)?\+?[\d\s().-]{7,}$", url, re.IGNORECASE) is not None


def is_not_work(url: str) -> bool:
    """A link to a picture or a certificate: an interviewer has nothing to ask about it."""
    path = url.split("?")[0].lower()
    return bool(re.search(r"\.(?:jpe?g|png|gif|svg|webp)$", path)) or "certificat" in path


def is_hidden_words(text: str) -> bool:
    """Hidden text holds words (three letters or more), not only digits, bullets or page numbers."""
    return re.search(r"[^\W\d_]{3,}", text) is not None


CHECKS: tuple[Callable[[_Context], list[Flag]], ...] = (
    _hidden_text,
    _keyword_padding,
    _still_learning,
    _unsupported_skill,
    _stale_claim,
    _dl_without_fundamentals,
    _no_deployment,
    _no_lifecycle,
    _metric_flags,
    _vague_claim,
    _shared_work,
    _link_to_check,
    _date_problem,
)


def find_flags(resume: Resume, skills: tuple[Skill, ...], claims: tuple[Claim, ...], taxonomy: Taxonomy,
               options: Options | None = None, statements: tuple[Statement, ...] | None = None) -> tuple[Flag, ...]:
    """Every flag on the resume, check by check in ``CHECKS`` order, each in reading order.

    ``statements``: the resume's, as the claims step read them (read again when not given)."""
    if statements is None:
        statements = resume_statements(resume)
    ctx = _Context(resume, tuple(skills), tuple(claims), taxonomy, options or Options(), taxonomy.claims,
                   taxonomy.flags, tuple(statements))
    return tuple(flag for check in CHECKS for flag in check(ctx))
