"""Step 6: the questions an interviewer is likely to ask, each tied to the resume line behind it.

    generate_questions(resume, skills, claims, flags, taxonomy, bank=None, options=None)
        -> tuple[Question, ...]

Candidates come from four sources, all worded in ``taxonomy/questions/`` (see analyzer/bank.py):

- claims: slot templates for the claim's kind (deep dive, "what would you use instead", the
  "90% to 91%" questions for results, walk-through/design/testing/change for links, a job's line
  read back with the follow-up its kind of work calls for: ``said_line``), plus the
  fundamentals of every bank topic the claim's skills trigger. Depth follows the evidence: a
  well-backed claim gets the harder topic question (and the ``backed`` templates), a flagged or
  thinly backed one the easier question that tests whether it can be defended (``weak``).
- flags: the question an interviewer asks because of each flag.
- baseline: the bank's ``baseline`` topics not already covered by a personalised question.
- area 11 (only when ``options.company`` is set) and area 12 (questions to ask, by strengths).

Ranking (scikit-learn): TF-IDF cosine between a question's topic text and the evidence of its
claim, plus exposure (flag severity) and a prior per anchor; then a greedy pick with an area-balance
penalty, a per-claim penalty, near-duplicate removal (cosine >= ``DUPLICATE``) and small quotas for baseline and
area-12 questions. Fully deterministic: ids are hashes of template id + anchor id, ties break on ids.

Known limits: relevance is lexical (TF-IDF), not semantic; the "no unclaimed skill" rule is
structural (a topic must be triggered by a claimed skill), so a compare question may still name
the method it is compared with, and ``{alternative}`` names a skill on purpose.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from analyzer.bank import Bank, Template, Topic, slots_of
from analyzer.flags import (github_owner, is_contact_uri, is_exercise, is_not_work, is_note_for_candidate,
                            is_other_account, is_repeated_in_work, is_repository_url)
from analyzer.dates import month_index, remove_dates, this_month
from analyzer.entries import is_job_title
from analyzer.models import Claim, Entry, Evidence, Flag, Options, Question, Resume, Severity, Skill
from analyzer.phrases import has_phrase
from analyzer.results import is_confidential, is_finding, names_model
from analyzer.skill_classes import is_domain, skill_classes
from analyzer.statements import is_planned_project, is_unfinished, sentences
from analyzer.taxonomy import AreaRole, SectionKind, SectionRole, Taxonomy, fill_sentence, load_bank, load_entry_words

DUPLICATE = 0.8  # cosine between two picked questions above which the second is dropped
BACKED = 65  # defensibility at or above which a claim counts as well backed
WEAK = 35  # below this (or flagged) a claim gets the can-you-defend-it questions
STRONG_SKILL = 0.5  # Skill.strength from which a skill counts as a strength (area 12)
TEMPLATE_PENALTY = 0.5  # WHY: the same template on twenty skills reads as a form, not an interview
CLAIM_PENALTY = 0.5  # WHY: five questions on one gist would crowd out the rest of the resume
AREA_PENALTY = 0.35  # each question already picked in an area divides the next one's score by 1 + this * n
# WHY these priors: a flag is the clearest reason an interviewer asks; claim templates read the
# resume itself; topic fundamentals are one step removed; the baseline is generic.
_PRIOR = {"line": 1.2, "flag": 0.9, "claim": 0.8, "topic": 0.45, "textbook": 0.3, "baseline": 0.25, "ask": 0.3,
          "company": 0.5}
MAX_PER_CLAIM = 2  # WHY: a third question on one line is answered with the same story
# The same across claims for the questions quoting one line: a bullet is often a project and a result
# at once, and reviewers found a fourth question on one bullet while a current role went unasked.
MAX_LINE_QUESTIONS = 2
_ON_A_LINE = ("line", "claim")  # question sources asked about the line they quote (a flag names a concern of its own)
BULLET_KEY_CHARS = 60  # a line's questions quote it from its start: its opening words tell one bullet from another
MAX_GENERIC = 4  # WHY: textbook and baseline questions fit any resume; past a few they only fill the list
MAX_TOPIC_PER_CLAIM = 1  # WHY: two exam questions led in by the same line read as a form
MAX_BASELINE = 3  # of those, the fixed baseline (basic ML, DSA hygiene, ...): room kept for them, no more
MAX_PER_TEMPLATE = 1  # WHY: reviewers rate the second question from one template as a form, not an interview
MAX_LISTED_ONLY = 1  # WHY: five "you list X without a role" questions read as a form; one names several
METHOD_BONUS = 0.15  # WHY: the follow-up a named method invites beats the one any method of its category gets
MAX_ASK = 2  # WHY: questions for the candidate to ask; two is best (interview map, area 12)
# WHY: questions that fit any resume (exam questions, baseline, generic templates, questions to ask)
# fill a list; a resume with few hooks gets a shorter list rather than one padded with them.
FILL_RATIO = 0.3  # at most this many such questions per question built from the resume's specifics
MIN_FILL = 3  # a thin resume still gets a few
# WHY none for the interviewer once the resume gives enough: the candidate practises the basics; an
# interviewer preparing a resume-grounded interview has them already. In the paired reviews no exam
# question and no stock query was rated specific (0 of 27); they only bring a thin resume's list to this:
INTERVIEWER_MIN_LIST = 3
MAX_TOPIC = 2  # WHY: exam questions led in by a line ("At X you used Y. <textbook>") are fair but generic
MAX_GENERIC_CLAIM = 3  # WHY: templates that fit any line of a kind ("the hardest decision with X") only fill
MAX_PER_GENERIC = 1  # WHY: such a template twice in one list reads as a form
ENTRY_PENALTY = 0.25  # WHY: four questions on one internship crowd out the other jobs and projects
MAX_PER_PROJECT = 3  # WHY: reviewers read a fourth question on one side project as a repeat (a job has more to ask)
MAX_PER_OLD_JOB = 2  # WHY: three questions on a vice-president's 2017 internship were read as half a list in the past
MAX_LINK = 1  # WHY: "give me a tour", "what would you rewrite" on two links get one kind of answer
LISTED_NAMES = 1  # WHY: "pick one of X, Y and Z" lets the candidate pick the easiest; the interviewer picks the most exposed
RECENT_BONUS = 0.15  # added to a question on a recent job's line (see _recent_first)
BASELINE_FIT_BONUS = 0.05  # WHY: small, it orders the baseline questions among themselves only
SPECIFIC_BONUS = 0.1  # WHY: of two questions a candidate would answer alike, keep the one built from this resume
DETAIL_NAMES = 2  # tools or methods a {detail} names: "with OpenCV and YOLO"; a third reads as a list
TASK_WORDS = 8  # a {task} longer than this is a sentence, not a name
EXERCISE_KIND = "design"  # a question of this kind is an exercise to do (a query, a test plan): one per area a list
# WHY: what a resume shows sets the depth: a new graduate is not asked expert questions, someone
# with years of work or papers is not asked warm-ups (see seniority()).
SENIOR_YEARS = 6
JUNIOR_YEARS = 2
_SEVERITY = {Severity.HIGH: 0.6, Severity.MEDIUM: 0.4, Severity.LOW: 0.2, Severity.INFO: 0.1}


@dataclass(frozen=True, slots=True)
class _Candidate:
    question: Question
    source: str  # a key of _PRIOR
    template_id: str
    score: float
    relevance_text: str  # the topic words compared with the evidence
    evidence_text: str
    bank_text: str = ""  # the bank's wording before slots are filled, follow-ups included
    listed: str = ""  # the name of the listed-only skill it asks to defend (see _group_listed)
    answers: tuple[str, ...] = ()  # keys of what the answer covers: two questions sharing one get one answer
    specific: bool = False  # an exam question led in by the line that used a named tool or method
    entry: str = ""  # the resume entry (job, project) the question is about, when there is one
    fallback: tuple[str, ...] = ()  # from a fallback template: the answer keys another question may give instead
    fill: bool = False  # from a fill template (bank.Template.fill): counted as fill, not as a specific question
    old_job: bool = False  # on a line of an internship or side job that ended before the stale limit (_recent_first)


# --- slots -------------------------------------------------------------------------------------------


def _skill_name(skill_id: str, skills: dict[str, Skill], taxonomy: Taxonomy) -> str:
    if skill_id in skills:
        return skills[skill_id].name
    try:
        return taxonomy.skill(skill_id).name
    except KeyError:
        return ""


def _year(evidence: Evidence | None, as_of: str) -> str:
    if evidence is None:
        return ""
    for date in (evidence.end, evidence.start):
        if date == "present":
            return as_of[:4]
        if date and re.match(r"\d{4}", date):
            return date[:4]
    return ""


def _organization(ctx: "_Context", evidence: Evidence | None) -> str:
    entry = _entry_of(ctx.resume, evidence)
    # WHY: "at <organization>" reads as an employer; a course, a degree, a job title the reader put in
    # the organisation field, or the firm that set a job simulation, is not one.
    return as_written(entry.organization) if entry and entry.section == SectionKind.EXPERIENCE and _is_employer(entry) \
        and not _is_simulation(entry, ctx) else ""


def _is_simulation(entry: Entry, ctx: "_Context") -> bool:
    """The entry's title says it is a job simulation or a virtual internship (flags.toml exercise_words)."""
    return has_phrase(entry.title, ctx.taxonomy.flags.exercise_words)


def _is_employer(entry: Entry) -> bool:
    """The entry's organisation reads as a place to work at, not a job title in the wrong field."""
    # WHY ':' : "Responsibilities: placement training" is a label and its text, not an employer's name.
    return (bool(entry.organization) and is_name_like(entry.organization) and ":" not in entry.organization
            and not is_job_title(entry.organization) and not _LIST_RE.search(entry.organization)
            and not _LOWER_WORD_RE.match(entry.organization) and not _LEGAL_FORM_RE.fullmatch(entry.organization))


# WHY: "DynamoDB, and iOS" in the organisation field is the tail of a list (a course's topics), not a firm.
_LIST_RE = re.compile(r",\s*(?:and|&)\s", re.IGNORECASE)
# WHY: a name opens with a capital ("Acme", "eBay" has one inside); "including handling missing" is
# the middle of a bullet the reader put in the organisation field.
_LOWER_WORD_RE = re.compile(r"[a-z]+\b(?!\S*[A-Z])")
# WHY: "Inc." alone is the tail of a firm's name the reader split off, not a name.
_LEGAL_FORM_RE = re.compile(r"\s*(?:inc|ltd|llc|llp|corp|co|plc|gmbh|ag|sa|pvt)\.?\s*", re.IGNORECASE)


def _role(entry: Entry) -> str:
    """The job title of an experience entry: its title, or the organisation field when the reader
    put the title there (and the title field does not read as one)."""
    title_in_org = bool(entry.organization) and is_job_title(entry.organization)
    return entry.organization if title_in_org and not is_job_title(entry.title) else entry.title


# Words a name printed in capitals keeps in small letters ("The Ohio State University", "Head of Data").
_SMALL_WORDS = frozenset({"of", "and", "the", "for", "in", "at", "on", "to", "a", "an", "de"})
ACRONYM_LETTERS = 3  # WHY: a short word in capitals ("AI", "IBM", "SAP") is an acronym, not shouting


def as_written(name: str) -> str:
    """A name printed all in capitals, in ordinary case: "GRADUATE RESEARCH ASSOCIATE" -> "Graduate Research
    Associate"; acronyms ("AI Squared") and names with small letters are kept. WHY: a question that shouts
    the role back ("in your role as GRADUATE RESEARCH ASSOCIATE") was rated awkward."""
    if not name.isupper() or len(name.split()) < 2:
        return name
    words = []
    for i, word in enumerate(name.split()):
        lower = word.lower()
        if i and lower in _SMALL_WORDS:
            words.append(lower)
        elif len(word.strip(".,&()")) <= ACRONYM_LETTERS and lower not in _SMALL_WORDS:
            words.append(word)
        else:
            words.append(word[:1] + word[1:].lower())
    return " ".join(words)


def _entry_of(resume: Resume | None, evidence: Evidence | None) -> Entry | None:
    if resume is None or evidence is None or evidence.entry_index is None:
        return None
    return resume.entries[evidence.entry_index]


def _section_title_of(resume: Resume, entry_index: int) -> str:
    return next((b.section.title for b in resume.blocks if b.entry_index == entry_index), "")


def is_exercise_claim(claim: Claim, ctx: "_Context") -> bool:
    """The claim's line sits in a job simulation or a virtual internship: nothing there was served."""
    evidence = claim.evidence[0] if claim.evidence else None
    entry = _entry_of(ctx.resume, evidence)
    return entry is not None and is_exercise(_section_title_of(ctx.resume, evidence.entry_index), entry,
                                             ctx.taxonomy.flags)


def is_name_like(text: str) -> bool:
    """A short title a person would say aloud: no cut-off mark, no link, at most TASK_WORDS words."""
    return (bool(text.strip()) and "..." not in text and "…" not in text and not _URL_RE.search(text)
            and len(text.split()) <= TASK_WORDS)


_URL_RE = re.compile(r"https?://|www\.|\.(?:com|org|io|net|ai|dev)(?:/|\b)|github\.com|/\w+/", re.IGNORECASE)


_LIST_NUMBER_RE = re.compile(r"^(?:\d{1,2}|[ivx]{1,4})[.)]\s+(?=\S)", re.IGNORECASE)


def title_head(title: str) -> str:
    """A title's name part: 'Churn radar: weekly churn scores' -> 'Churn radar'; '' when none is short,
    or when the title opens with a verb ('Designed a logo for ...' is a bullet, not a name). A list
    number in front ('5. Sales dashboard') is the resume's numbering, not part of the name."""
    title = _LIST_NUMBER_RE.sub("", title.strip())
    if _OPENS_WITH_VERB.match(title):
        return ""
    if is_name_like(title):
        return title
    head = re.split(r"\s(?:is|are|was|[-–—|])\s|:\s", title, maxsplit=1)[0].strip()
    return head if head != title and is_name_like(head) and len(head.split()) <= 5 else ""


def _where(ctx: _Context, evidence: Evidence | None) -> str:
    """'at Acme', 'in "Churn radar"', 'in your studies at X' or 'on your resume'."""
    entry = _entry_of(ctx.resume, evidence)
    if entry is None:
        return "on your resume"
    if entry.section == SectionKind.EXPERIENCE and _is_employer(entry):
        if _is_simulation(entry, ctx):
            # WHY: "at JP Morgan" of a four-week online job simulation claims an employer the resume does not
            return f"in the {as_written(entry.organization)} {as_written(entry.title)}"
        return f"at {as_written(entry.organization)}"
    named = is_project_title(entry.title, ctx)  # not a school, a heading or a sentence's tail
    if entry.section == SectionKind.PROJECTS and title_head(entry.title) and named:
        return f"in \"{title_head(entry.title)}\""
    if entry.section == SectionKind.EDUCATION and entry.organization and is_name_like(entry.organization) \
            and ":" not in entry.organization:  # "Relevant Coursework: Linear Algebra" is a label and a list
        return f"in your studies at {entry.organization}"
    if entry.section == SectionKind.EXPERIENCE and is_name_like(_role(entry)) and is_job_title(_role(entry)):
        # WHY is_job_title: a course or a certificate the reader filed under experience is no role
        return f"in your role as {as_written(_role(entry))}"
    if entry.section != SectionKind.EXPERIENCE and title_head(entry.title) == entry.title and named:
        return f"in \"{entry.title}\""
    return "on your resume"


# A title that opens with a verb of work is a bullet the reader took for a title; one that opens with
# an award ("Winner of ...") names a prize, not the project.
_OPENS_WITH_VERB = re.compile(
    r"(?:built|developed|designed|created|implemented|trained|led|managed|analy[sz]ed|conducted|worked|"
    r"performed|collected|wrote|delivered|improved|reduced|increased|used|utili[sz]ed|applied|calculated|"
    r"won|winner|awarded|finalist|(?:1st|2nd|3rd|first|second|third)\s+place)\b", re.IGNORECASE)

# What a line says was built: "Developed a credit card fraud model using ..." -> "credit card fraud model".
_TASK_RE = re.compile(
    r"\b(?:built|build|developed|develop|designed|trained|implemented|created|deployed|engineered|architected|"
    r"wrote|delivered|launched|shipped|automated|prototyped|productionised|productionized|led|owned|"
    r"maintained|redesigned|rebuilt|configured|executed|accomplished|optimized|optimised)\s+"
    # "designed and implemented a chatbot", "design, develop and maintain the CI platform": the thing made
    r"(?:(?:and|&)\s+(?:[a-z]+ed|build|develop|design|maintain|deploy|test|run|own|operate|support|implement)\s+)?"
    r"(?:an?\s+|the\s+)?"
    r"(?P<task>[^,;:.()]+?)(?=\s+(?:using|with|in|on|for|to|that|which|by|from|via|across|at|and|achieving|"
    r"reaching|resulting|improving|reducing|increasing|processing|where|as|integrating|combining|enabling|"
    r"allowing|leveraging|utili[sz]ing|providing|supporting|generating|delivering|helping)\b|[,;:.()]|$)",
    re.IGNORECASE)
# What a line says a model predicted: "to predict late invoice payments from ..." -> "late invoice payments".
_TARGET_RE = re.compile(
    # WHY a verb, not "forecasting": "a forecasting pipeline" names no target
    r"(?:\bto\s+(?:predict|forecast|estimate)|\b(?:predicted|predicts|forecasted|estimated))"
    r"\s+(?:the\s+|a\s+|an\s+)?(?P<target>[^,;:.()]+?)(?=\s+(?:using|with|from|for|based|by|in|on|"
    r"across|via|and|through|at|within|to|that|which|where|as|given)\b|[,;:.()]|$)", re.IGNORECASE)
TARGET_WORDS = 6  # a {target} longer than this is a clause, not the thing predicted
# The last word of a task must name a thing that was made, or the phrase is not worth quoting.
_TASK_NOUNS = re.compile(
    r"(?:model|models|ensembles?|methods?|methodology|classifier|pipeline|pipelines|system|forecast|forecasts|"
    r"dashboard|dashboards|engine|service|platform|tool|api|apis|app|application|algorithm|detector|recommender|"
    r"network|package|library|"
    r"framework|report|reports|workflow|architecture|solution|bot|chatbot|agent|scorer|predictor|analysis|"
    r"database|warehouse|etl|simulation|study|experiment|test|assessor|estimator|scraper|crawler|parser|extractor|"
    r"tracker|ranker|optimizer|optimiser|simulator|monitor|index|signals?|segmentation|detection|recognition|"
    r"backend|infrastructure|server|middleware|microservices?|integration|portal|interface)$",
    re.IGNORECASE)


# Words before a task that count it, not name it ("trained different computer vision models").
_QUANTIFIER_RE = re.compile(r"^(?:different|various|several|multiple|many|numerous|some|few)\s+", re.IGNORECASE)
# A task that names a model: of two things a line made, the one questions on serving and errors are about.
_MODEL_NOUNS = re.compile(r"(?:model|models|classifier|detector|recommender|predictor|forecast|forecasts|ensembles?)$",
                          re.IGNORECASE)


def task_of(text: str) -> str:
    """The thing a line says was built, as printed, or '' when the line does not name one.
    "Built forecasting and clearance models" built "forecasting and clearance models": a task that
    stops at "and" without naming a thing runs on to the next stop, unless a verb follows the "and"."""
    tasks = []
    for match in _TASK_RE.finditer(text):
        task = " ".join(match.group("task").split())
        tail = text[match.end("task"):]
        joined = re.match(r"\s+and\s+(?!\w+ed\b)([^,;:.()]+?)(?=\s+(?:in|with|using|for|to|on|by|at)\b|[,;:.()]|$)", tail)
        if not _is_task(task) and joined:
            task = f"{task} and {' '.join(joined.group(1).split())}"
        task = _QUANTIFIER_RE.sub("", task)  # "different computer vision models": the models
        if _is_task(task):
            tasks.append(task)
    # WHY a model first: "Developed labelling pipelines, trained and deployed vision models" served the models
    return next((t for t in tasks if _MODEL_NOUNS.search(t)), tasks[0] if tasks else "")


def target_of(text: str) -> str:
    """What the line says was predicted or forecast, as printed, or '' when it names none."""
    match = _TARGET_RE.search(text)
    target = " ".join(match.group("target").split()) if match else ""
    return target if 1 <= len(target.split()) <= TARGET_WORDS and not _URL_RE.search(target) else ""


def _is_task(task: str) -> bool:
    words = task.split()
    return (1 <= len(words) <= TASK_WORDS and bool(_TASK_NOUNS.search(words[-1])) and not _URL_RE.search(task)
            and words[0].lower() not in ("and", "or", "&"))  # a verb list's tail is not a thing made


# --- a job line read back to the candidate ------------------------------------------------------------

LINE_WORDS = 24  # WHY: a longer bullet read back is a paragraph, not a question's premise: cut at a clause
MIN_LINE_WORDS = 5  # WHY: "you built dashboards" names nothing the question could not say without it
# Verbs of a line in the past tense that do not end in -ed ("Built", "Led", "Ran").
_PAST_IRREGULAR = frozenset({"built", "led", "ran", "wrote", "drove", "made", "took", "set", "taught", "grew",
                             "oversaw", "brought", "began", "spoke", "sold", "spent", "rebuilt", "rewrote", "undertook"})
# Words ending in -ed that open a profile line, not work done ("Experienced data analyst ...").
_NOT_VERBS = frozenset({"experienced", "skilled", "advanced", "detailed", "dedicated", "motivated", "certified",
                        "talented", "seasoned", "accomplished", "qualified", "interested", "focused", "driven"})
# Verbs of teaching or receiving, not of doing the work: "you coached others on SQL (indexing, recursion):
# the hardest decision with recursion?" asks about work the line does not claim.
_NOT_WORK = frozenset({"coached", "taught", "mentored", "tutored", "advised", "presented", "attended", "completed",
                       "received", "awarded", "earned", "won", "graduated"})
# A line that states what the role owned rather than what was done.
_OWNED_RE = re.compile(r"(?:responsible|accountable) for\b|in charge of\b", re.IGNORECASE)
# Where a long line may be cut: before a comma, a semicolon, a dash, or a participle or "which"
# clause that adds the outcome ("..., resulting in", "..., supporting").
# ... or before a purpose ("... from the company database | to calculate the dose"), not "to the team".
_CLAUSE_END_RE = re.compile(r"\s*(?:[,;]\s|\s[-–—]\s)|\s(?=(?:resulting|leading|enabling|helping|which|thereby|while)\b)"
                            r"|\s(?=to\s+(?!(?:the|a|an|its|their|our|my|his|her|this|that|these|those|over|under|up|"
                            r"date|\d)\b)[a-z]+\b)")


@lru_cache(maxsize=4096)  # WHY: asked of the same line by every template that reads it back
def said_line(quote: str, where: str) -> str:
    """The line read back in the second person: 'At Acme, you defined KPIs across sales and
    operations'; '' when it does not open with a verb of work done (or "Responsible for"), speaks
    in the first person, or cannot be cut at a clause to LINE_WORDS words. WHY: reviewers rate a question that names the line's own
    work (what was defined, modelled, migrated) as specific, and one that names only a tool as generic."""
    text = _premise(quote)
    words = text.split()
    first = words[0].lower().rstrip(",;:") if words else ""  # "Collected, cleaned and analysed ..."
    owned = _OWNED_RE.match(text) is not None  # "Responsible for the pricing engine" -> "you were responsible for"
    if not text or first in _NOT_VERBS | _NOT_WORK or not (first.endswith("ed") or first in _PAST_IRREGULAR or owned):
        return ""
    text = re.sub(r"\bmy\b", "your", text[0].lower() + text[1:], flags=re.IGNORECASE)
    text = f"were {text}" if owned else text
    if where.startswith(("at ", "in ")):
        return f"{where[0].upper()}{where[1:]}, you {text}"
    return f"You {text}"


@lru_cache(maxsize=4096)
def quoted_line(quote: str, where: str) -> str:
    """A job line written as prose ("The main work was a system to recognise pain from faces"), quoted as
    printed: 'At Acme, your resume says: "..."'; '' when said_line can read it back, or it cannot be
    quoted whole (see _premise). WHY: a resume in paragraphs names its most telling work this way, and
    reviewers found that work unasked."""
    text = _premise(quote)
    if not text or said_line(quote, where) or re.search(r"\b(?:my|our)\b", text, re.IGNORECASE):
        return ""
    if where.startswith(("at ", "in ")):
        return f"{where[0].upper()}{where[1:]}, your resume says: \"{text}\""
    return f"Your resume says: \"{text}\""


def read_back(quote: str, where: str) -> str:
    """The line as a question's premise: read back in the second person, or else quoted as printed."""
    return said_line(quote, where) or quoted_line(quote, where)


# A line that ends on one of these words was cut where the printed line wrapped ("using tools like Power BI and").
_DANGLING_RE = re.compile(r"\b(?:and|or|with|the|a|an|of|to|for|in|on|by|using|like|via|from|as)$", re.IGNORECASE)


def _premise(quote: str) -> str:
    """The first sentence of a line, cut at a clause to at most LINE_WORDS words: the premise a question
    quotes; '' when it is shorter than MIN_LINE_WORDS, cut off, holds a link or speaks in the first person."""
    # WHY the first sentence: a statement may run on into the next entry's title ("... waste. Data Analyst")
    text = next(iter(sentences(quote)), "").rstrip(" ,:")
    if len(text.split()) < MIN_LINE_WORDS:
        return ""
    if "..." in text or "…" in text or _URL_RE.search(text) or re.search(r"\b(?:I|me|we|us)\b", text) \
            or _DANGLING_RE.search(text):
        return ""  # a cut-off line or a link is no premise; "I", "we" do not turn into "you" cleanly
    if len(text.split()) > LINE_WORDS:
        cuts = [m.start() for m in _CLAUSE_END_RE.finditer(text)
                if MIN_LINE_WORDS <= len(text[:m.start()].split()) <= LINE_WORDS]
        if not cuts:
            return ""
        text = text[:cuts[-1]].rstrip(" ,;")
    if text.count("(") > text.count(")"):  # cut inside brackets: "object detector (TFOD), classifier (Keras"
        text = text[:text.rindex("(")].rstrip(" ,;:")
    return text if len(text.split()) >= MIN_LINE_WORDS else ""


@dataclass(frozen=True, slots=True)
class _Context:
    resume: Resume | None
    skills: dict[str, Skill]
    claims: dict[str, Claim]
    taxonomy: Taxonomy
    bank: Bank
    options: Options
    as_of: str
    claimed: frozenset[str]  # skill ids the resume claims
    level: str = "mid"  # junior, mid, senior: see seniority()
    stale_ids: frozenset[str] = frozenset()  # claims the flags step found stale
    in_projects: frozenset[str] = frozenset()  # skill ids a project or result line uses
    bullets: tuple[tuple[int, str], ...] = ()  # (page, whole bullet) of the project and result claims: see whole_bullet
    unbacked: frozenset[str] = frozenset()  # skill claims with a medium or high "only in a skills list" flag
    # entry title -> is_project_title, worked out once per list (asked for every claim and template)
    project_titles: dict[str, bool] = field(default_factory=dict)  # read only
    named: frozenset[str] = frozenset()  # skill ids the resume names itself, with ancestors: named_skill_keys


def is_plan(evidence: Evidence, ctx: _Context) -> bool:
    """The line says what is still to be done ("I will learn X"), or sits in a project whose lines
    say so (its title line alone reads as done work): no use to ask about."""
    phrases = ctx.taxonomy.claims.unfinished_phrases
    entry = _entry_of(ctx.resume, evidence)
    return is_unfinished(evidence.quote, phrases) or (entry is not None and is_planned_project(entry, phrases))


def shown_in_use(evidence: tuple[Evidence, ...], ctx: _Context) -> Evidence | None:
    """The first role, project or study line among these that shows work done (not a plan)."""
    return next((e for e in evidence if e.section in ctx.taxonomy.kinds_with(SectionRole.SHOWS_USE)
                 and not is_plan(e, ctx)), None)


def _alternative(skill_id: str, ctx: _Context) -> str:
    """The first sensible alternative the resume does not already claim (else the first one)."""
    alternatives = ctx.bank.alternatives_of(skill_id)
    fresh = [a for a in alternatives if a not in ctx.claimed] or list(alternatives)
    return _skill_name(fresh[0], ctx.skills, ctx.taxonomy) if fresh else ""


def certificate_name(text: str) -> str:
    """A certificate's name as a person says it: the item without its dates, up to the first
    separator ("Data Analytics Certificate | Go IT School, 2023" -> "Data Analytics Certificate");
    '' when what is left is not a short name."""
    head = re.split(r"\s[|–—-]\s|[,(;:]|\s{2,}", remove_dates(text), maxsplit=1)[0]
    head = " ".join(head.split()).strip(" .-")
    return head if is_name_like(head) and len(head.split()) >= 2 else ""


TITLE_WORDS = 16  # WHY: a paper's title is longer than a project's name, but a quoted paragraph is none
_QUOTED_RE = re.compile(r"[“\"]([^”\"]{8,200})[”\"]")


def paper_title(text: str) -> str:
    """The title a publication's line quotes ('C. Reed et al., "The impact of X on Y," PNAS' -> 'The
    impact of X on Y'), '' when it quotes none or the quote is no title."""
    match = _QUOTED_RE.search(text)
    title = match.group(1).strip(" ,.") if match else ""
    return title if title and len(title.split()) <= TITLE_WORDS and not _URL_RE.search(title) else ""


def _line_slot(evidence: Evidence | None, where: str, ctx: _Context) -> str:
    """{line}: a job's bullet read back (said_line). WHY only a job's: a project is asked by its name,
    and a summary or a skills list is no work done."""
    if evidence is None or evidence.section != SectionKind.EXPERIENCE:
        return ""
    return read_back(whole_bullet(evidence, ctx), where)


def whole_bullet(evidence: Evidence, ctx: _Context) -> str:
    """The whole bullet a quote sits in, or '' when that is unknown. WHY: a skill's quote is the printed
    line it was found on, which a wrapped bullet cuts mid-sentence ("... that used VBA code to
    perform"); the project and result claims hold whole bullets."""
    on_page = [quote for page, quote in ctx.bullets if page == evidence.page]
    # WHY the claim's own quote first: a project may be one sentence of a paragraph a result holds whole
    whole = evidence.quote if evidence.quote in on_page else next((q for q in on_page if evidence.quote in q), "")
    # a printed line no claim holds is whole only when it ends a sentence
    return whole or (evidence.quote if re.search(r"[.!?)]\s*$", evidence.quote) else "")


def asked_line(claim: Claim | None, evidence: tuple[Evidence, ...], ctx: _Context) -> Evidence | None:
    """The line a question on this claim (or flag, with its ``evidence``) is about: for a skill, the
    first line that shows it in use, not the skills list that also names it; else the first line.
    WHY one place: the slots, the fit, the quote and the answer keys must all mean the same line."""
    first = (claim.evidence[0] if claim and claim.evidence else None) or (evidence[0] if evidence else None)
    if claim is not None and claim.kind == "skill":
        return shown_in_use(claim.evidence, ctx) or first
    return first


def _claim_slots(claim: Claim | None, evidence: tuple[Evidence, ...], ctx: _Context) -> dict[str, str]:
    first = asked_line(claim, evidence, ctx)
    entry = _entry_of(ctx.resume, first)
    slots = {"organization": _organization(ctx, first), "year": _year(first, ctx.as_of),
             "project": title_head(entry.title) if entry and entry.section == SectionKind.PROJECTS
             and is_project_title(entry.title, ctx) else "",
             "where": _where(ctx, first)}
    if claim is None:
        slots["task"] = task_of(first.quote) if first is not None else ""
        slots["line"] = _line_slot(first, slots["where"], ctx)
        return {key: value if is_name_like(value) or key in ("where", "line") else "" for key, value in slots.items()}
    skill_id = claim.skill_ids[0] if claim.skill_ids else ""
    if skill_id:
        slots["skill"] = _skill_name(skill_id, ctx.skills, ctx.taxonomy)
        slots["alternative"] = _alternative(skill_id, ctx)
    if entry is not None and not is_project_title(entry.title, ctx):
        # a section heading, a school or a sentence's tail the reader took for an entry title is no project name
        slots["project"] = ""
        slots["where"] = "" if slots["where"].startswith("in \"") else slots["where"]
    if claim.kind == "certification":
        # WHY: "something from the certification you list" fits anyone; the course's name makes it this one's
        name = certificate_name(claim.text)
        slots["project"] = name if has_phrase(name, ctx.taxonomy.claims.certificate_words) \
            or mentioned_skills(name, ctx.taxonomy) else ""
    if claim.kind == "publication":
        slots["project"] = paper_title(claim.text)
    if claim.kind == "project":
        # WHY: a project is named by its entry's title; a job bullet is not a name (it gets {task}).
        named = entry and entry.section == SectionKind.PROJECTS and is_project_title(entry.title, ctx)
        slots["project"] = title_head(entry.title) if named else ""
    quote = " ".join(e.quote for e in claim.evidence[:1]) or claim.text
    slots["task"] = task_of(quote)
    slots["target"] = target_of(quote)
    slots["detail"] = _detail(claim, quote, slots["task"], ctx)
    slots["line"] = _line_slot(first, slots["where"], ctx)
    if not slots["task"] and slots["project"] and claim.kind in ("project", "result"):
        title = slots["project"]
        slots["task"] = f"project \"{title}\"" if title else ""
        if title:
            slots["where"] = ""  # "the project "X" in "X"" says it twice
    result = claim.result
    slots["quantity"] = result.amount if result else ""
    slots["measure"] = (result.measure_name or result.metric) if result else ""
    skill = ctx.skills.get(skill_id) if claim.kind == "skill" else None
    if skill is not None and skill.last_used:
        slots["year"] = skill.last_used[:4]
    if claim.year:
        slots["year"] = claim.year[:4]
    slots["metric"], slots["value"], slots["baseline"] = (result.metric, result.value, result.baseline) if result \
        else ("", "", "")
    slots["result"] = result_phrase(claim) if claim.kind == "result" else ""
    # {compared}: what a gain was measured against when that is another method or tool, not a value
    slots["compared"] = slots["baseline"] if not re.search(r"\d", slots["baseline"]) else ""
    if not re.search(r"\d", slots["baseline"]):
        # WHY: {baseline} reads as a starting value ("from {baseline} to {value}"); a compared-with
        # model ("the seasonal-naive forecast") does not fit there, so those templates are skipped.
        slots["baseline"] = ""
    if claim.link is not None:
        slots["link"] = link_name(claim.link.url, claim.link.kind, _candidate_github(ctx.resume))
    else:
        slots["link"] = link_name(claim.links[0]) if claim.links else ""
    slots = {key: value.strip() for key, value in slots.items()}
    # WHY: a slot holding a cut-off bullet or a link reads as a machine's fragment, never a name
    # ({link} alone is meant to hold one).
    for key in ("project", "skill", "organization", "task", "metric", "measure", "compared", "target"):
        # a task that names the project ('project "X"') is as short as the project's name
        named = slots.get(key, "").removeprefix('project "').removesuffix('"') if key == "task" else slots.get(key, "")
        if not is_name_like(named) and not (key == "project" and claim.kind in ("link", "publication")):
            slots[key] = ""
    return slots


# A site that shows many pieces of work: the candidate prepares a tour, the interviewer asks about one piece.
_SITE_LINKS = frozenset({"portfolio", "blog"})
# WHY: a repository, a notebook, a post or a portfolio is work to discuss; a profile page is a list of it.
_WORK_LINKS = frozenset({"github_repo", "gist", "kaggle", "blog", "portfolio"})


def is_own_work_link(claim: Claim, ctx: _Context) -> bool:
    """A link to the candidate's own work: a repository of their account (when the resume names
    the account), a notebook, a post or a portfolio; not a profile, a contact or a certificate."""
    link = claim.link
    if link is None or link.kind not in _WORK_LINKS or is_contact_uri(claim.text) or is_not_work(claim.text):
        return False
    # WHY the flags step's rule: a start-up's repository the flag calls "not yours" must not be "your repository" here
    if link.kind == "github_repo" and not is_repository_url(link.url):
        return False  # "github.com/https://github.com/ana": a profile typed after another address, no repository
    return not (link.kind == "github_repo" and ctx.resume is not None
                and is_other_account(link.url, tuple(ctx.claims.values()), ctx.resume))


@lru_cache(maxsize=4096)  # WHY: the same names are looked up on every claim's line
def _loose_word(name: str) -> re.Pattern[str]:
    """The name between non-word characters, any case ("PyTorch-based" names PyTorch)."""
    return re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.IGNORECASE)


def _detail(claim: Claim, quote: str, task: str, ctx: _Context) -> str:
    """The line's own specifics as a phrase: 'with OpenCV and YOLO on 10,000+ images'. The tools and
    methods its line names (not an umbrella term, not one the {task} already says), then its data.
    WHY: reviewers rate a walk-through that names only the project as generic; the line's tools and
    data make it this candidate's question."""
    names: list[str] = []
    for skill_id in claim.skill_ids:
        name = _skill_name(skill_id, ctx.skills, ctx.taxonomy)
        if is_umbrella(skill_id, ctx.taxonomy) or not is_name_like(name) or name.lower() in task.lower():
            continue
        if _loose_word(name).search(quote) and name not in names:
            names.append(name)
        if len(names) == DETAIL_NAMES:
            break
    data = claim.project.data if claim.project is not None and is_name_like(claim.project.data) else ""
    parts = ([f"with {' and '.join(names)}"] if names else []) + ([f"on {data}"] if data else [])
    return " ".join(parts)


def _candidate_github(resume: Resume) -> str:
    """The candidate's own GitHub account, from the profile the resume links ('' when none)."""
    return next((github_owner(link.url) for link in resume.document.links if link.kind == "github_profile"), "")


def link_name(url: str, kind: str = "", owner: str = "") -> str:
    """How a person names a link aloud: 'your repository "churn-radar"', 'your GitHub profile'; a
    repository of another account than ``owner`` (the candidate's, when known) is 'the repository
    "perch"': a library they used or contributed to is not theirs.
    WHY: a URL in a question reads as a machine's output, and the interviewer sees the link anyway."""
    parts = [p for p in re.sub(r"^[a-z]+://", "", url.strip(), flags=re.IGNORECASE).split("/") if p]
    host = parts[0].lower().removeprefix("www.") if parts else ""
    if "github.com" in host or "gitlab.com" in host:
        name = parts[2] if len(parts) >= 3 else ""
        if kind != "github_profile" and re.fullmatch(r"\w[\w.-]*", name) and not _URL_RE.search(name) \
                and not name.lower().startswith(("http", "www")):
            whose = "the" if owner and "github.com" in host and parts[1].lower() != owner else "your"
            return f"{whose} repository \"{name}\""
        return "your GitHub profile" if "github" in host else "your GitLab profile"
    if "kaggle.com" in host:
        return "your Kaggle profile"
    if "scholar.google" in host:
        return "your publication profile"
    names = {"blog": "your blog", "portfolio": "your portfolio site", "gist": "your gist"}
    return names.get(kind, "the page you link to")


def result_phrase(claim: Claim) -> str:
    """A result as a reader would say it: 'an 18% reduction in mean absolute error', 'AUC of 0.81',
    'conversion moving from 90% to 91%'. WHY: a template cannot know whether the value is a level
    or a change, and 'improving error to 18%' misreads 'cut error by 18%'."""
    result = claim.result
    if result is None:
        return ""
    # A result read with 'moved' (the understood number's way) when the line gives no direction.
    start, direction = result.baseline, result.direction or result.moved
    # The understood number, kept whole ("15-20%"), named by the words next to it.
    value, metric = result.amount, result.measure_name or result.metric
    if result.measures in ("people", "records_or_data_volume", "count_of_things", "other"):
        return ""  # a headcount, a data size or a number not understood is not a result to probe as one
    moved = result.moved
    if moved in ("up", "down") and not re.search(r"\d", start) and metric:
        return f"{metric} {moved} by {value}"
    if not value or (metric and not is_name_like(metric)):
        return ""
    if direction in ("up", "down") and re.search(r"\d", start):
        return f"{metric} moving from {start} to {value}" if metric else f"a move from {start} to {value}"
    if direction in ("up", "down"):
        change = f"{_article(value)} {value} {'increase' if direction == 'up' else 'reduction'}"
        return f"{change} in {metric}" if metric else change
    return f"{metric} of {value}" if metric else value


def _article(value: str) -> str:
    # "an 18%", "an 8x", "an 11%": the number is read aloud starting with a vowel sound.
    digits = re.sub(r"^\D+", "", value)
    return "an" if re.match(r"8|11(?!\d{2})|18(?!\d{2})", digits) and not value.startswith(("$", "€", "£")) else "a"


# Slots a question reads well without: {where} when {task} names the project, {detail} when the line
# names no tool or data.
_OPTIONAL_SLOTS = frozenset({"where", "detail"})


def _fill(template: Template, slots: dict[str, str]) -> tuple[str, tuple[str, ...]] | None:
    """The text and follow-ups with slots filled, or None when a slot has no value for this claim."""
    if any(not slots.get(name) for name in template.slots if name not in _OPTIONAL_SLOTS):
        return None  # {where} may be empty: the line's project is already named by {task}

    def filled(text: str) -> str:
        text = re.sub(r"\s+([,.:;?])", r"\1", re.sub(r"\s{2,}", " ", fill_sentence(text, slots)))
        return re.sub(r"(?<!\.)\.\.(?!\.)", ".", text)  # "at Acme Inc.." after a name ending in a full stop

    return filled(template.text), tuple(filled(f) for f in template.followups)


# --- helpers -----------------------------------------------------------------------------------------


def _raw(template: Template) -> str:
    return " ".join((template.text, *template.followups))


def _qid(template_id: str, anchor_id: str) -> str:
    return "q-" + hashlib.sha1(f"{template_id}|{anchor_id}".encode()).hexdigest()[:12]


def _why(ctx: _Context, anchor: str, **fields: str) -> str:
    text = ctx.bank.why_text(ctx.options.perspective, anchor)
    defaults = {"quote": "", "page": "?", "message": "", "company": "", "strengths": ""}
    return text.format_map({**defaults, **fields})


def _evidence_text(evidence: tuple[Evidence, ...]) -> str:
    return " ".join(e.quote for e in evidence)


def _depth(claim: Claim, flagged: set[str]) -> str:
    if claim.id in flagged or claim.defensibility < WEAK:
        return "weak"
    return "backed" if claim.defensibility >= BACKED else "mid"


@lru_cache(maxsize=4)
def skill_name_pattern(taxonomy: Taxonomy) -> tuple[re.Pattern[str], dict[str, str]]:
    """One regex over the skill names of three letters or more ('R' and 'Go' are words too)."""
    names = {s.name.lower(): s.id for s in taxonomy.skills if len(s.name) >= 3}
    alternation = "|".join(re.escape(n) for n in sorted(names, key=lambda n: (-len(n), n)))
    return re.compile(r"(?<![\w-])(?:" + alternation + r")(?![\w-])", re.IGNORECASE), names


@lru_cache(maxsize=4096)
def mentioned_skills(text: str, taxonomy: Taxonomy) -> frozenset[str]:
    """Ids of the taxonomy skills whose canonical name appears in ``text`` (longest name wins)."""
    if not taxonomy.skills:
        return frozenset()
    pattern, names = skill_name_pattern(taxonomy)
    return frozenset(names[m.group(0).lower()] for m in pattern.finditer(text))


def allowed_mentions(claimed: frozenset[str], taxonomy: Taxonomy) -> frozenset[str]:
    """The claimed skills and their ancestors: what a personalised question may name."""
    return claimed | frozenset(a for c in claimed if taxonomy.knows(c) for a in taxonomy.ancestors(c))


def _in_range(difficulty: int, options: Options) -> bool:
    return options.min_difficulty <= difficulty <= options.max_difficulty


def _pick_topic_question(topic: Topic, depth: str, options: Options) -> tuple[int, ...]:
    """Indexes of the topic's questions in order of preference for this evidence depth."""
    want = {"backed": (3, 2, 1), "mid": (2, 1, 3), "weak": (1, 2, 3)}[depth]
    order = sorted(range(len(topic.questions)), key=lambda i: (want.index(topic.questions[i].difficulty), i))
    return tuple(i for i in order if _in_range(topic.questions[i].difficulty, options))


def _allowed(area: int, difficulty: int, options: Options) -> bool:
    return (not options.areas or area in options.areas) and _in_range(difficulty, options)


# --- when a template fits a line -------------------------------------------------------------------------


def _on_line(claim: Claim, ctx: _Context) -> tuple[str, ...]:
    """The claim's skills its own first line names. WHY: a job's project claim carries the skills of
    the whole job; "how did you size the experiment" about an R package needs the experiment on its line."""
    if claim.kind == "skill" or not claim.evidence:
        return claim.skill_ids
    # a project entry's lines are all its own (a job's project claim holds one line of the job)
    lines = [e.quote for e in claim.evidence] if claim.kind == "project" else [claim.evidence[0].quote]
    return tuple(i for i in claim.skill_ids if i not in ctx.skills
                 or any(e.quote in line or line in e.quote for e in ctx.skills[i].evidence for line in lines))


def _skill_keys(skill_ids: tuple[str, ...], ctx: _Context) -> set[str]:
    """The skills of a line with their ancestors and categories ("category:ml_methods")."""
    keys: set[str] = set()
    for skill_id in skill_ids:
        keys.add(skill_id)
        if ctx.taxonomy.knows(skill_id):
            keys.update(ctx.taxonomy.ancestors(skill_id))
            keys.add(f"category:{ctx.taxonomy.skill(skill_id).category}")
        elif skill_id in ctx.skills:
            keys.add(f"category:{ctx.skills[skill_id].category}")
    return keys


def chosen_skill(template: Template, claim: Claim, ctx: _Context) -> str:
    """The skill a template chosen by skills asks about: the first on the claim's line that it was
    chosen by and that is not an umbrella term; the claim's first skill for other templates.
    WHY: "for the customer segmentation you used data quality" named the line's first skill, not
    the method that chose "why did it win over something simpler"."""
    if not template.when_skills or claim.kind == "skill":
        return claim.skill_ids[0] if claim.skill_ids else ""
    wanted = set(template.when_skills)
    return next((i for i in _on_line(claim, ctx) if _skill_keys((i,), ctx) & wanted
                 and not is_umbrella(i, ctx.taxonomy)), "")


def named_skill_keys(skills: tuple[Skill, ...], taxonomy: Taxonomy) -> frozenset[str]:
    """The skills the resume names itself (not inferred from other words), with their ancestors; not one
    a line says is still being learned ("I will learn SQL"), even under a tool that is named (MySQL). WHY:
    a query to write was rated the wrong depth for a candidate who says they are learning SQL."""
    keys: set[str] = set()
    planned = taxonomy.claims.unfinished_phrases
    learning = {skill.id for skill in skills if any(is_unfinished(e.quote, planned) for e in skill.evidence)}
    for skill in skills:
        if not skill.inferred and skill.id not in learning:
            keys.add(skill.id)
            if taxonomy.knows(skill.id):
                keys.update(taxonomy.ancestors(skill.id))
    return frozenset(keys - learning)


def does_deep_learning(skill: Skill, taxonomy: Taxonomy) -> bool:
    """The resume names a deep-learning method or framework itself: a skill of class dl, not inferred, and
    not an application field (computer vision, NLP), which classical methods serve as well."""
    return not skill.inferred and "dl" in skill_classes(skill, taxonomy) and not is_domain(skill, taxonomy)


def _classes(claim: Claim, ctx: _Context) -> frozenset[str]:
    """The classes of the claim's first skill (skill_classes), and "everyday" (a language, a data
    library, a chart tool) or "umbrella" (machine learning, AI) when it is one."""
    skill = ctx.skills.get(claim.skill_ids[0]) if claim.skill_ids else None
    if skill is None:
        return frozenset()
    kinds = {"everyday"} if is_everyday(skill.id, ctx.taxonomy) else set()
    kinds |= {"umbrella"} if is_umbrella(skill.id, ctx.taxonomy) else set()
    return skill_classes(skill, ctx.taxonomy) | kinds


def is_stale(claim: Claim, ctx: _Context) -> bool:
    """Work last dated longer ago than the stale limit: what the flags step found (it follows
    promotions and implied use), else the line's own dates."""
    if claim.id in ctx.stale_ids:
        return True
    if claim.kind == "skill":
        return False
    last = _year(claim.evidence[0] if claim.evidence else None, ctx.as_of)
    months = month_index(last, ctx.as_of, end=True) if last else None
    now = month_index(ctx.as_of, ctx.as_of)
    return months is not None and now is not None and now - months > ctx.options.stale_years * 12


def _fits(template: Template, claim: Claim | None, ctx: _Context, quote: str = "") -> bool:
    """The template's conditions hold for this claim (kind of number, skills, words on the line, age);
    for a flag with no claim, on its line ``quote``."""
    if claim is None:
        if template.model and names_model(quote, ctx.taxonomy.claims) != (template.model == "yes"):
            return False  # WHY: "when would you retrain it?" of a data pipeline has no answer
        if template.unless_phrases and has_phrase(quote, template.unless_phrases):
            return False
        return not (template.measures or template.when_skills or template.when_phrases or template.stale)
    text = whole = " ".join(e.quote for e in claim.evidence) or claim.text
    if claim.kind == "skill":
        # WHY: a skill's {where} is the first role or project line using it; words must be on that line.
        usage = shown_in_use(claim.evidence, ctx)
        text = usage.quote if usage is not None else text
        if template.shown and usage is None:
            return False  # WHY: "what would you use instead today" needs work to have been done
    if ("line" in template.slots or template.data_line) and claim.evidence:
        # WHY: the words asked about are the words read back (a skill's: the line that shows it in use);
        # a question on a line's data needs a line of work done ("Built an Excel dashboard of exam scores")
        text = read_back(whole_bullet(asked_line(claim, (), ctx), ctx), "")
        if not text:
            return False
    if template.measures and (claim.result.measures if claim.result else "") not in template.measures:
        return False
    if template.change and (claim.result is not None and claim.result.moved in ("up", "down")) != (template.change == "yes"):
        return False
    if template.finding and is_found(claim, ctx) != (template.finding == "yes"):
        return False  # WHY: "what did you change, and did the gain hold" of a funnel's drop-off has no answer
    if template.when_skills and not _skill_keys(_on_line(claim, ctx), ctx) & set(template.when_skills):
        return False
    if template.when_phrases and not has_phrase(text, template.when_phrases):
        return False
    if (template.real_work or template.when_phrases and _asks_about_shipping(template.when_phrases,
                                                                              ctx.taxonomy.flags.shipped_words)) \
            and is_exercise_claim(claim, ctx):
        # WHY: "how was it served" of a job simulation's "deployed", or "which decision rested on it" of its
        # pricing prototype, asks about users and a business it never had
        return False
    if template.unless_phrases and (has_phrase(text, template.unless_phrases)
                                    or (claim.kind != "skill" and has_phrase(whole, template.unless_phrases))):
        return False  # WHY the whole bullet too: a line read back is cut at a clause, and what follows still counts
    rules = ctx.taxonomy.claims
    if template.data_line and (not has_phrase(text, rules.data_words + rules.analysis_words)
                               or has_phrase(text, rules.people_training)):
        return False  # WHY: "write the query on that kind of data" of orders taken at a restaurant counter, or of
        # employees a line says were trained
    if template.resume_skills and not set(template.resume_skills) & ctx.named:
        return False  # WHY: a query to write on the line's data is fair when the resume names SQL somewhere
    if template.not_classes and _classes(claim, ctx) & set(template.not_classes):
        return False
    if template.model and has_model(claim, ctx) != (template.model == "yes"):
        return False  # WHY: "how did you evaluate it, against which baseline" has no answer for a website
    if "skill" in template.slots and claim.skill_ids and is_guessed(claim.skill_ids[0], ctx):
        return False  # WHY: "you used model serving" about a skill only guessed from other words is not fair
    return not template.stale or is_stale(claim, ctx)


@lru_cache(maxsize=256)  # WHY: asked for every claim a template is tried on; the answer is the template's
def _asks_about_shipping(when_phrases: tuple[str, ...], shipped_words: tuple[str, ...]) -> bool:
    """The template is chosen by words that say something went live ("deploy*", "production")."""
    return has_phrase(" ".join(when_phrases), shipped_words)


def is_found(claim: Claim, ctx: _Context) -> bool:
    """The claim's number is what an analysis found (a test's arm, a funnel's stage), not one the
    candidate's work moved."""
    return claim.result is not None and is_finding(claim.result.sentence, ctx.taxonomy.claims)


def has_model(claim: Claim, ctx: _Context) -> bool:
    """The line names a model or learning method (a skill of class ml or dl, or words such as
    "forecasting model", "classifier"), or reports a model metric."""
    if claim.result is not None and claim.result.measures in ("model_metric", "error_metric"):
        return True
    if claim.evidence and names_model(claim.evidence[0].quote, ctx.taxonomy.claims):
        return True
    # WHY the line's own skills: a job's project claim carries the skills of the whole job
    return any(skill_classes(ctx.skills[i], ctx.taxonomy) & {"ml", "dl"} for i in _on_line(claim, ctx) if i in ctx.skills)


def is_guessed(skill_id: str, ctx: _Context) -> bool:
    """The skill was inferred from other words on the resume, not named by it."""
    skill = ctx.skills.get(skill_id)
    return skill is not None and skill.inferred


def has_substance(claim: Claim, ctx: _Context) -> bool:
    """A project line names something to ask about: a skill, its data or its outcome, under a title
    that is not a section heading; a job's line may instead be work it can read back (said_line).
    WHY: a languages or hobbies block the reader took for a project ('LANGUAGE: Native Hindi') must
    not get "walk me through the project"."""
    if claim.kind != "project":
        return True
    entry = next((_entry_of(ctx.resume, e) for e in claim.evidence[:1]), None)
    at_work = entry is not None and entry.section == SectionKind.EXPERIENCE
    if entry is not None and not at_work and not is_project_title(entry.title, ctx):
        return bool(claim.skill_ids) and bool(task_of(" ".join(e.quote for e in claim.evidence)))
    project = claim.project
    if claim.skill_ids or (project is not None and (project.data or project.outcome is not None)):
        return True
    # A job line of data work with no skill ("Defined KPIs across sales") is asked by reading it back, or
    # quoting it ("Develop, automate and optimise information tools, i.e. a freight rate calculator").
    return at_work and bool(read_back(claim.evidence[0].quote, ""))


def is_project_title(title: str, ctx: _Context) -> bool:
    """The entry title can name a project in a question: not a section heading, not a school or
    university (the reader takes the place a student project was done for its title when the two
    share a line), not the tail of a sentence (a title ends without a full stop), not a skill's
    name ("Statistical analysis" is a skills line the reader took for a title)."""
    known = ctx.project_titles.get(title)
    return known if known is not None else _is_project_title(title, ctx.taxonomy)


def _is_project_title(title: str, taxonomy: Taxonomy) -> bool:
    words = set(re.findall(r"[^\W\d_]+", title.lower()))
    return (not is_heading_title(title, taxonomy) and not words & (taxonomy.entries or load_entry_words()).institution_words
            and not title.rstrip().endswith(".") and taxonomy.resolve(title_head(title) or title) is None)


def is_heading_title(title: str, taxonomy: Taxonomy) -> bool:
    """The entry title reads as a section heading ('Projects', 'LANGUAGE'; taxonomy/sections.toml),
    not as a project's name."""
    from analyzer.sections import heading_kind

    return bool(title.strip()) and heading_kind(title, taxonomy) is not None


def is_method_led(template: Template) -> bool:
    """Chosen by a named method or words on the line (a11_lines_methods.toml), not by a whole category."""
    return bool(template.when_phrases or any(not s.startswith("category:") for s in template.when_skills))


def is_line_template(template: Template) -> bool:
    """Built from the line's own specifics: the thing built, the number, or a condition on the line
    (a kind of number alone does not make it one: "what did {result} cost elsewhere" fits any result)."""
    if not template.slots:
        return False  # WHY: a fixed exercise ("write this query") chosen by a skill reads the same for anyone
    # WHY a method, not a category: "the last time {a database} got in your way" fits anyone who names one
    return bool({"task", "quantity", "measure"} & set(template.slots) or template.change
                or is_method_led(template) or template.stale)


def _guided(question: Question, guide: str, worry: str, ctx: _Context) -> Question:
    """The interviewer's guide on a question (the kind's default when it has none of its own); for the
    interviewer the "why" becomes the guide, in the interviewer's voice."""
    default = ctx.bank.default_guide(question.kind)
    guide, worry = guide or default[0], worry or default[1]
    if ctx.options.perspective != "interviewer":
        return replace(question, guide=guide, worry=worry)
    return replace(question, guide=guide, worry=worry, why=f"A strong answer: {guide} Worry if: {worry}")


# --- candidates --------------------------------------------------------------------------------------


def is_asked_by(template: Template, ctx: _Context) -> bool:
    """The template is for this list's reader: a candidate-only one (bank field) is left out of the
    interviewer's list. WHY: reviewers rated those generic on every list they read."""
    return not (template.candidate_only and ctx.options.perspective == "interviewer")


def _from_claims(claims: tuple[Claim, ...], flagged: set[str], ctx: _Context) -> list[_Candidate]:
    out: list[_Candidate] = []
    templates = ctx.bank.templates_for("claim")
    results = tuple(c for c in claims if c.result is not None)
    for claim in claims:
        depth = _depth(claim, flagged)
        quote = claim.evidence[0].quote if claim.evidence else claim.text
        page = claim.evidence[0].page if claim.evidence else None
        why = _why(ctx, "claim", quote=quote, page=str(page or "?"))
        evidence = _evidence_text(claim.evidence) or claim.text
        slots = _claim_slots(claim, (), ctx)
        # WHY: asking to explain what the resume calls proprietary asks the candidate to break a duty.
        secret = is_confidential(evidence, ctx.taxonomy.claims)
        if claim.kind == "link" and not is_own_work_link(claim, ctx):
            continue  # a phone number, a profile page or someone else's library is not work to discuss
        if claim.kind == "link" and ctx.options.perspective == "interviewer" and claim.link.kind in _SITE_LINKS:
            continue  # WHY: "give me a tour of your site" names no work; the interviewer opens it and picks one
        if not has_substance(claim, ctx) or is_repeated_in_work(claim, results, ctx.taxonomy.claims):
            continue  # WHY: a summary repeating a job line's number is asked on the job line
        if claim.kind != "skill" and any(is_plan(e, ctx) for e in claim.evidence):
            continue  # WHY: "walk me through" a project the resume says is still to come has nothing to tell
        # WHY: an exam question or a query to write on a tool the resume says is still to be learned tests a
        # plan, not a claim (the still-learning flag asks how far they have got)
        learning = any(is_plan(e, ctx) for e in claim.evidence) and shown_in_use(claim.evidence, ctx) is None
        for template in templates if not learning else ():
            if template.claim_kind != claim.kind or template.depth not in ("any", depth) \
                    or not is_asked_by(template, ctx):
                continue
            if template.depth == "weak" and claim.kind == "skill" and set(claim.skill_ids) & ctx.in_projects:
                continue  # WHY: "the resume lists X without much detail" is untrue when a project line uses X
            if secret or not _allowed(template.area, template.difficulty, ctx.options) or not _fits(template, claim, ctx):
                continue
            skill_id = chosen_skill(template, claim, ctx) if "skill" in template.slots else ""
            if "skill" in template.slots and not skill_id:
                continue
            if skill_id and skill_id != claim.skill_ids[0]:
                filled = _fill(template, {**slots, "skill": _skill_name(skill_id, ctx.skills, ctx.taxonomy),
                                          "alternative": _alternative(skill_id, ctx)})
            else:
                filled = _fill(template, slots)
            if filled is None:
                continue
            text, followups = filled
            # WHY: a question that reads a skill's line back quotes that line, not the skills list that also names it
            said = asked_line(claim, (), ctx) if "line" in template.slots else None
            question = Question(id=_qid(template.id, claim.id), text=text, area=template.area, kind=template.kind,
                                difficulty=template.difficulty, topic=_topic_of(claim), why=why, anchor="claim",
                                claim_id=claim.id, quote=said.quote if said else quote, page=said.page if said else page,
                                followups=followups)
            question = _guided(question, template.guide, template.worry, ctx)
            source = "line" if is_line_template(template) else "claim"
            # WHY specific: "X today, or Y?" names two things from the line; "from 90% to 91%: the next
            # point?" is the map's existing-solution question on the candidate's own numbers.
            # A paper named by its title is this candidate's, as a project named by its bullet is.
            specific = "alternative" in template.slots or ("result" in template.slots
                                                           and claim.result is not None and bool(re.search(r"\d", claim.result.baseline))) \
                or (claim.kind == "publication" and "project" in template.slots)
            bonus = METHOD_BONUS if is_method_led(template) else 0.0
            out.append(_Candidate(question, source, template.id, bonus, text, evidence, _raw(template),
                                  answers=_answers(template, claim, ctx), specific=specific,
                                  entry=_entry_label(claim.evidence), fallback=_fallback_keys(template, claim),
                                  fill=template.fill))
        # WHY not for the interviewer: an exam question led in by a line ("At X you used Python. What do
        # generators give you?") was never rated specific in the paired reviews and misfired ("a Python image"
        # for a Node.js stack); a thin resume's list is brought to INTERVIEWER_MIN_LIST with baseline questions
        if not secret and not learning and ctx.options.perspective != "interviewer":
            out.extend(_fundamentals(claim, depth, why, quote, page, evidence, ctx))
    return out


def _fallback_keys(template: Template, claim: Claim) -> tuple[str, ...]:
    """The answer a fallback template stands in for: its once-per-list answer, or its answer on this claim."""
    if not template.fallback:
        return ()
    return (f"{template.answer}:list",) if template.per_list else (f"{template.answer}:{claim.id}",)


def _without_fallbacks(candidates: list[_Candidate]) -> list[_Candidate]:
    """Fallback questions whose answer another template already gives, left out. WHY: the stock orders
    query beat a query on the candidate's own shipments when their line had a question already, and the
    plain leakage question would crowd out the one that names what was predicted."""
    given = {key for c in candidates if not c.fallback for key in c.answers}
    return [c for c in candidates if not given.intersection(c.fallback)]


def _topic_of(claim: Claim) -> str:
    """A short topic label: the claim's name, or the first words of its line without a cut mark."""
    words = claim.text.split()
    return " ".join(words[:8]).rstrip(",;:")


def _fundamentals(claim: Claim, depth: str, why: str, quote: str, page: int | None, evidence: str,
                  ctx: _Context) -> list[_Candidate]:
    """One question per bank topic the claim's skills trigger, its difficulty set by the evidence."""
    out: list[_Candidate] = []
    for topic in ctx.bank.topics_for(claim.skill_ids):
        if ctx.options.areas and topic.area not in ctx.options.areas:
            continue
        if is_guessed(_trigger_id(claim, topic), ctx):
            continue  # WHY: an exam on a method the resume never names tests a guess ("features for our API")
        order = _pick_topic_question(topic, depth, ctx.options)
        if not order:
            continue
        chosen = topic.questions[order[0]]
        followups = tuple(topic.questions[i].text for i in order[1:2]) if depth == "backed" else ()
        bank_text = " ".join((chosen.text, *followups))  # before the {alternative} follow-up, named on purpose
        used = _usage(claim, topic, ctx)
        text, source, line_quote, line_page = chosen.text, "textbook", quote, page
        if used is not None:
            lead, usage = used
            text = f"{lead} {chosen.text}"
            source, line_quote, line_page = "topic", usage.quote, usage.page
        listed = ""
        if used is None and claim.kind == "skill" and _is_listed_only(claim, topic, ctx):
            # WHY: a method named only in a list gets the defend-it framing, not a bare exam question
            # (worded once per list, for several skills together: see _group_listed).
            listed = _trigger_name(claim, topic, ctx)
        question = Question(id=_qid(chosen.id, claim.id), text=text, area=topic.area, kind=chosen.kind,
                            difficulty=chosen.difficulty, topic=topic.title, why=why, anchor="claim",
                            claim_id=claim.id, quote=line_quote, page=line_page, followups=followups[:2])
        question = _guided(question, chosen.guide, chosen.worry, ctx)  # the question's own guide
        # WHY: "At Acme you used Feast. What is point-in-time correctness?" tests the tool that line used;
        # "... you used machine learning. <exam question>" fits anyone who names the umbrella term.
        narrow = used is not None and not is_umbrella(_trigger_id(claim, topic), ctx.taxonomy) \
            and not is_everyday(_trigger_id(claim, topic), ctx.taxonomy)
        # WHY the answer key: two exam questions on one method ("what is naive about naive Bayes", "generative
        # or discriminative") led in by one line read as an exam on it, whichever claim brought them
        # WHY the exercise key: a textbook query to write beside the query on the candidate's own data is one
        # exercise twice
        exercise = (f"exercise:{topic.area}",) if chosen.kind == EXERCISE_KIND else ()
        out.append(_Candidate(question, source, chosen.id, 0.0, f"{topic.title} {chosen.text}", evidence, bank_text,
                              listed, answers=(f"topic:{_trigger_id(claim, topic)}", *exercise), specific=narrow,
                              entry=_entry_label((used[1],)) if used is not None else ""))
    return out


def _listed_question(names: list[str], question: Question, followups: tuple[str, ...]) -> Question:
    """'You list X, Y and Z without a role or project that shows them: pick one and walk me through
    where you used it.', with the given follow-ups (an exam question on the first one)."""
    if len(names) == 1:
        text = f"You list {names[0]} without a role or project that shows it: walk me through where you used it."
    else:
        joined = f"{', '.join(names[:-1])} and {names[-1]}"
        text = (f"You list {joined} without a role or project that shows them: pick one and walk me through "
                "where you used it.")
    return replace(question, text=text, followups=followups)


def _group_listed(chosen: list[_Candidate], candidates: list[_Candidate], exposure: dict[str, tuple]) -> list[_Candidate]:
    """The one picked listed-only question (a topic on a skill only listed, or its "only in a skills
    list" flag) names up to LISTED_NAMES such skills, the most exposed first (the worst flag on the
    skill, then the weakest backing); an exam question on the first becomes a follow-up. A skill
    another picked question already asks about is named only when no other is left (the same answer)."""
    if not any(c.listed for c in chosen):
        return chosen
    asked = {c.question.claim_id for c in chosen if not c.listed and c.question.claim_id}
    pool = sorted((c for c in candidates if c.listed), key=_order_key)
    lead_of: dict[str, _Candidate] = {}
    exam_of: dict[str, _Candidate] = {}
    for c in pool:
        (lead_of if c.source == "flag" else exam_of).setdefault(c.listed, c)
    claim_of = {name: (lead_of.get(name) or exam_of[name]).question.claim_id or "" for name in {*lead_of, *exam_of}}
    # WHY the exam question second: a skill the bank has fundamentals for is one a data-science
    # interviewer tests; a general tool (C, Android) named only in a list is less telling.
    names = sorted(claim_of, key=lambda n: (exposure.get(claim_of[n], (0.0, 0))[0], n not in exam_of,
                                            exposure.get(claim_of[n], (0.0, 0))[1:], n))
    fresh = [n for n in names if claim_of[n] not in asked]
    names = (fresh or names)[:LISTED_NAMES]
    lead = lead_of.get(names[0]) or exam_of[names[0]]
    exam = exam_of.get(names[0])
    if exam is not None:
        followups = (f"On {names[0]}: {exam.question.text}", *exam.question.followups[:1])
    else:
        followups = tuple(f"On {names[0]}: {f[0].lower()}{f[1:]}" for f in lead.question.followups[:1])
    grouped = replace(lead, question=_listed_question(names, lead.question, followups))
    out: list[_Candidate] = []
    for c in chosen:
        if not c.listed:
            out.append(c)
        elif grouped not in out:
            out.append(grouped)
    return out


def _is_listed_only(claim: Claim, topic: Topic, ctx: _Context) -> bool:
    """The skill behind the topic is named in a list and nowhere it is used (not guessed, not shown)."""
    skill = ctx.skills.get(next((i for i in claim.skill_ids if i in topic.skills), ""))
    shown = claim.evidence + (skill.evidence if skill is not None else ())
    # WHY the flag: a skill the work implies or the resume calls light got only a low note; "you list X
    # without a role that shows it" would contradict what the flags step found behind it
    return (skill is not None and skill.listed_only and not skill.inferred
            and shown_in_use(shown, ctx) is None and f"skill:{skill.id}" in ctx.unbacked)


def _trigger_id(claim: Claim, topic: Topic) -> str:
    return next((i for i in claim.skill_ids if i in topic.skills), claim.skill_ids[0] if claim.skill_ids else "")


@lru_cache(maxsize=4)
def _umbrellas(taxonomy: Taxonomy) -> frozenset[str]:
    return frozenset(a for s in taxonomy.skills for a in taxonomy.ancestors(s.id))


def is_umbrella(skill_id: str, taxonomy: Taxonomy) -> bool:
    """A broad term other skills sit under (machine learning, deep learning, NLP), or an unknown one."""
    return not skill_id or not taxonomy.knows(skill_id) or skill_id in _umbrellas(taxonomy) \
        or taxonomy.skill(skill_id).category == "general"


# WHY: an exam question on an everyday tool (pandas, Python, a chart library) fits anyone who lists it;
# one on a specialised tool or method (Feast, XGBoost, YOLO) tests the line that used it.
_EVERYDAY_CATEGORIES = frozenset({"data_libraries", "programming_languages", "visualisation_bi",
                                  "software_engineering"})


def is_everyday(skill_id: str, taxonomy: Taxonomy) -> bool:
    """An everyday tool, or the daily practice of any data job (flags.toml umbrella_categories: data
    cleaning, data preparation): "the hardest decision you made with data cleaning" asks nothing."""
    return taxonomy.knows(skill_id) and (taxonomy.skill(skill_id).category in _EVERYDAY_CATEGORIES
                                         or taxonomy.skill(skill_id).category in taxonomy.flags.umbrella_categories)


def _trigger_name(claim: Claim, topic: Topic, ctx: _Context) -> str:
    """The name of the claim's skill that brought this topic in ('' when it does not read as a name)."""
    skill_id = next((i for i in claim.skill_ids if i in topic.skills), claim.skill_ids[0] if claim.skill_ids else "")
    name = _skill_name(skill_id, ctx.skills, ctx.taxonomy) if skill_id else ""
    return name if is_name_like(name) else ""


def _usage(claim: Claim, topic: Topic, ctx: _Context) -> tuple[str, Evidence] | None:
    """The lead-in that ties a textbook question to the line where the skill was used, and that line:
    'At Acme you used gradient boosting for the churn model.' None when no role or project shows it."""
    skill = ctx.skills.get(next((i for i in claim.skill_ids if i in topic.skills), ""))
    if skill is not None and skill.inferred:
        return None  # WHY: "you used model serving" about a skill only guessed from other words is not fair
    shown = claim.evidence + (skill.evidence if skill is not None and claim.kind == "skill" else ())
    usage = shown_in_use(shown, ctx)
    if usage is None:
        return None
    where = _where(ctx, usage)
    if where == "on your resume":
        return None
    name = _trigger_name(claim, topic, ctx)
    # WHY the sentence: a paragraph's first built thing may belong to another sentence than the skill
    task = task_of(next((s for s in sentences(usage.quote) if name and name.lower() in s.lower()), ""))
    if task and name and name.lower() in task.lower():
        lead = f"{where[0].upper()}{where[1:]} you built the {task}."
    elif task and name:
        lead = f"{where[0].upper()}{where[1:]} you used {name} for the {task}."
    elif name:
        lead = f"{where[0].upper()}{where[1:]} you used {name}."
    else:
        return None  # WHY: "think of this line" over an exam question is a generic question in disguise
    return lead, usage


_LISTED_FLAGS = frozenset({"unsupported_skill"})  # flags on a skill only listed: the list asks one of them


def _from_flags(flags: tuple[Flag, ...], ctx: _Context) -> list[_Candidate]:
    out: list[_Candidate] = []
    templates = ctx.bank.templates_for("flag")
    for n, flag in enumerate(flags):
        if ctx.options.perspective == "interviewer" and is_note_for_candidate(flag):
            continue
        claim = ctx.claims.get(flag.claim_id or "")
        evidence = flag.evidence or (claim.evidence if claim else ())
        quote = evidence[0].quote if evidence else ""
        page = evidence[0].page if evidence else None
        slots = _claim_slots(claim, evidence, ctx)
        if slots.get("where") == "on your resume":
            slots["where"] = ""  # WHY: "You used CNN on your resume in 2020" reads as a form; the year says when
        slots["finding"] = flag.message
        anchor_id = f"{flag.code}|{flag.claim_id or n}"
        # WHY the wording's own templates: "you list X without a role" is the wrong question for a skill
        # the resume calls light, or one its work implies; a wording with none takes the code's others
        variant = flag.variant if any(t.flag == flag.code and t.variant == flag.variant for t in templates) else ""
        for template in templates:
            if template.flag != flag.code or template.variant != variant or not is_asked_by(template, ctx) \
                    or not _allowed(template.area, template.difficulty, ctx.options):
                continue
            if not _fits(template, claim, ctx, quote):
                continue
            filled = _fill(template, slots)
            if filled is None:
                continue
            text, followups = filled
            question = Question(id=_qid(template.id, anchor_id), text=text, area=template.area, kind=template.kind,
                                difficulty=template.difficulty, topic=flag.code.replace("_", " "),
                                why=_why(ctx, "flag", message=flag.message), anchor="flag", claim_id=flag.claim_id,
                                flag_code=flag.code, quote=quote, page=page, followups=followups)
            question = _guided(question, template.guide, template.worry, ctx)
            score = _SEVERITY.get(flag.severity, 0.1)
            # WHY: "X is only in your skills list" is the listed-only hook: one question per list names
            # several such skills (see _group_listed), whether a flag or a topic brought them in.
            listed = slots.get("skill", "") if flag.code in _LISTED_FLAGS and claim is not None and not variant else ""
            # WHY: a flag with no claim is one concern (no deployment, no life cycle): its templates get one answer.
            answers = _answers(template, claim, ctx, evidence) + (() if claim else (f"flag:{anchor_id}",))
            out.append(_Candidate(question, "flag", template.id, score, text, _evidence_text(evidence), _raw(template),
                                  listed, answers, entry=_entry_label(evidence)))
    return out


def _entry_label(evidence: tuple[Evidence, ...]) -> str:
    """The job or project a question's line sits in (its first role or project evidence), as a key;
    a project's key starts with PROJECT_KEY."""
    first = next((e for e in evidence if e.entry and e.section in (SectionKind.EXPERIENCE, SectionKind.PROJECTS)), None)
    if first is None:
        return ""
    return f"{PROJECT_KEY if first.section == SectionKind.PROJECTS else ''}{_entry_key(first)}"


PROJECT_KEY = "project "


def _entry_key(evidence: Evidence) -> str:
    """The entry a quote sits in, by reference (its position in Resume.entries); by its label only
    for evidence made without one."""
    return f"#{evidence.entry_index}" if evidence.entry_index is not None else evidence.entry


def _answers(template: Template, claim: Claim | None, ctx: _Context,
             evidence: tuple[Evidence, ...] = ()) -> tuple[str, ...]:
    """What a question's answer covers, as keys (see _Candidate.answers): the template's own key on
    this claim ("measurement:result:3"), and for a template not built from the line's specifics,
    the template on this entry (two skills of one job asked "what would you use now" get one story)."""
    keys = []
    anchor = claim.id if claim is not None else ""
    if template.answer and anchor:
        keys.append(f"{template.answer}:{anchor}")
    if template.per_list:
        keys.append(f"{template.answer}:list")
        if template.kind == EXERCISE_KIND:
            keys.append(f"exercise:{template.area}")
    if "alternative" in template.slots and claim is not None and claim.skill_ids:
        keys.append(f"instead:{claim.skill_ids[0]}")  # "X or Y?" on one skill gets one answer, whatever the line
    first = (claim.evidence[0] if claim is not None and claim.evidence else None) or (evidence[0] if evidence else None)
    if first is not None and first.entry and not is_line_template(template):
        keys.append(f"{template.id}@{_entry_key(first)}")
    if template.answer and first is not None:
        # WHY: a line is often both a project and a result claim; "how was it back-tested" asked of
        # each is one answer
        keys.append(f"{template.answer}@{first.quote}")
    if claim is not None and claim.result is not None and (template.flag or template.answer == "measurement"):
        # WHY: "how did you separate it from seasonality" and "what was the level before" on one
        # number are one answer, even when the summary and a job line both state it
        keys.append(f"number:{claim.result.value}")
    said = asked_line(claim, evidence, ctx)
    if "line" in template.slots and said is not None:
        # WHY: a long line read back twice ("At Acme, you built ... If you did that today"; "At Acme, you
        # built ... What was the hardest decision") reads as a form, whatever each asks after it
        keys.append(f"said@{said.page}:{whole_bullet(said, ctx) or said.quote}")
    if claim is not None and claim.kind == "skill":
        usage = shown_in_use(claim.evidence, ctx)
        if usage is not None:  # WHY: "when did X get in your way" for two tools of one line gets one story
            keys.append(f"{template.id}@{usage.quote}")
    return tuple(keys)


def _from_baseline(used_topics: set[str], ctx: _Context) -> list[_Candidate]:
    out: list[_Candidate] = []
    for topic in ctx.bank.topics:
        if not topic.baseline or topic.id in used_topics:
            continue
        if ctx.options.areas and topic.area not in ctx.options.areas:
            continue
        order = _pick_topic_question(topic, "weak", ctx.options)  # the baseline starts from the basics
        if not order:
            continue
        chosen = topic.questions[order[0]]
        question = Question(id=_qid(chosen.id, "baseline"), text=chosen.text, area=topic.area, kind=chosen.kind,
                            difficulty=chosen.difficulty, topic=topic.title, why=_why(ctx, "baseline"),
                            anchor="baseline")
        question = _guided(question, chosen.guide, chosen.worry, ctx)
        # WHY: of the fixed questions, one on a skill the resume names fits the person ("what does O(n log n)
        # mean" was rated far too easy and off-topic for a head of AI with no algorithms on the page)
        fit = BASELINE_FIT_BONUS if set(topic.skills) & ctx.named else 0.0
        out.append(_Candidate(question, "baseline", chosen.id, fit, f"{topic.title} {chosen.text}", "",
                              answers=(f"exercise:{topic.area}",) if chosen.kind == EXERCISE_KIND else ()))
    return out


def _strengths(skills: tuple[Skill, ...], claims: tuple[Claim, ...], ctx: _Context) -> dict[str, str]:
    """Strength key -> the claim id that shows it (skill ids with their ancestors, and claim kinds)."""
    found: dict[str, str] = {}
    for skill in sorted(skills, key=lambda s: (-s.strength, s.id)):
        if skill.listed_only or skill.strength < STRONG_SKILL:
            continue
        ancestors = ctx.taxonomy.ancestors(skill.id) if ctx.taxonomy.knows(skill.id) else ()
        for key in (skill.id, *ancestors, f"category:{skill.category}"):
            found.setdefault(key, f"skill:{skill.id}")
    for claim in claims:
        if claim.kind in ("link", "publication", "talk", "patent"):
            found.setdefault(claim.kind, claim.id)
    return found


def _from_asks(skills: tuple[Skill, ...], claims: tuple[Claim, ...], ctx: _Context) -> list[_Candidate]:
    if ctx.options.areas and ctx.taxonomy.area_of(AreaRole.ASK) not in ctx.options.areas:
        return []
    strengths = _strengths(skills, claims, ctx)
    out: list[_Candidate] = []
    for template in ctx.bank.templates_for("ask"):
        matched = [s for s in template.strengths if s in strengths]
        names = [_skill_name(s, ctx.skills, ctx.taxonomy) or s.replace("_", " ") for s in matched]
        label = ", ".join(names[:2]) or "working in a team"
        claim_id = strengths[matched[0]] if matched else None
        claim = ctx.claims.get(claim_id or "")
        question = Question(
            id=_qid(template.id, claim_id or "ask"), text=template.text, area=ctx.taxonomy.area_of(AreaRole.ASK), kind=template.kind,
            difficulty=template.difficulty, topic="questions to ask", why=_why(ctx, "ask", strengths=label),
            anchor="claim" if claim else "baseline", claim_id=claim.id if claim else None,
            quote=claim.evidence[0].quote if claim and claim.evidence else "",
            page=claim.evidence[0].page if claim and claim.evidence else None)
        question = _guided(question, template.guide, template.worry, ctx)
        # WHY: matched asks first; "any" ones next; the rest only fill the two-question quota.
        bonus = 0.2 * len(matched) if matched else (0.1 if "any" in template.strengths else 0.0)
        out.append(_Candidate(question, "ask", template.id, bonus, template.text, ""))
    return out


def _from_company(ctx: _Context) -> list[_Candidate]:
    company = " ".join(ctx.options.company.split())[:80]
    if not company or (ctx.options.areas and ctx.taxonomy.area_of(AreaRole.COMPANY) not in ctx.options.areas):
        return []
    out = []
    for template in ctx.bank.templates_for("company"):
        if not _in_range(template.difficulty, ctx.options):
            continue
        text, followups = _fill(template, {"organization": company}) or (template.text, ())
        question = Question(id=_qid(template.id, company.lower()), text=text, area=ctx.taxonomy.area_of(AreaRole.COMPANY), kind=template.kind,
                            difficulty=template.difficulty, topic="the company",
                            why=_why(ctx, "company", company=company), anchor="baseline", followups=followups)
        question = _guided(question, template.guide, template.worry, ctx)
        out.append(_Candidate(question, "company", template.id, 0.0, text, ""))
    return out


def _fair(candidates: list[_Candidate], ctx: _Context) -> list[_Candidate]:
    """Drop personalised questions that name a skill the resume does not claim.

    WHY: a question tied to a resume line should not test a method the candidate never mentioned;
    that belongs to the baseline. The ``{alternative}`` a template names on purpose is allowed.
    """
    allowed = allowed_mentions(ctx.claimed, ctx.taxonomy)
    return [c for c in candidates
            if c.question.anchor == "baseline" or not mentioned_skills(c.bank_text, ctx.taxonomy) - allowed]


# --- ranking -----------------------------------------------------------------------------------------


def _score(candidates: list[_Candidate]) -> list[_Candidate]:
    """Add relevance (TF-IDF cosine of topic text with evidence) to the prior and exposure scores."""
    texts = [c.relevance_text for c in candidates] + [c.evidence_text for c in candidates]
    if not any(t.strip() for t in texts):
        return candidates
    vectors = _tfidf(texts, stop_words="english")
    n = len(candidates)
    relevance = vectors[:n].multiply(vectors[n:]).sum(axis=1).A1  # rows are L2-normalised: dot = cosine
    return [replace(c, score=round(_PRIOR[c.source] + c.score + float(r) + (SPECIFIC_BONUS if is_specific(c) else 0.0), 9))
            for c, r in zip(candidates, relevance)]


def _recent_first(candidates: list[_Candidate], ctx: _Context) -> list[_Candidate]:
    """Questions built from the lines of a recent job (ended within the stale limit, or current)
    score RECENT_BONUS more, and those on an old internship or side job are marked (at most
    MAX_PER_OLD_JOB of them per job: see _select). WHY: reviewers found current roles left unasked while a
    side project or an old job took three questions; what someone does now is what an interviewer asks first."""
    entries = list(enumerate(ctx.resume.entries)) if ctx.resume is not None else []
    recent = {f"#{i}" for i, entry in entries if _is_recent_job(entry, ctx)}
    old = {f"#{i}" for i, entry in entries if _is_old_side_job(entry, ctx)}
    return [replace(c, score=round(c.score + RECENT_BONUS, 9)) if c.entry in recent and c.source in ("line", "flag")
            else replace(c, old_job=True) if c.entry in old else c for c in candidates]


def _is_old_side_job(entry: Entry, ctx: _Context) -> bool:
    """An internship, a part-time or a student job (claims.toml part_time_titles) that ended before the
    stale limit."""
    if entry.section != SectionKind.EXPERIENCE or not has_phrase(entry.title, ctx.taxonomy.claims.part_time_titles):
        return False
    since = _months_since_end(entry, ctx)
    return since is not None and since > ctx.options.stale_years * 12


def _is_recent_job(entry: Entry, ctx: _Context) -> bool:
    since = _months_since_end(entry, ctx)
    return entry.section == SectionKind.EXPERIENCE and since is not None and since <= ctx.options.stale_years * 12


def _months_since_end(entry: Entry, ctx: _Context) -> int | None:
    """Months from the entry's end (or start, when it gives no end) to the resume's month; None when undated."""
    end = month_index(entry.end or entry.start or "", ctx.as_of, end=True) if (entry.end or entry.start) else None
    now = month_index(ctx.as_of, ctx.as_of)
    return now - end if end is not None and now is not None else None


def _ordered(candidates: list[_Candidate]) -> tuple[list[_Candidate], "np.ndarray | None"]:
    """The candidates in selection order, with the cosine of every pair of their texts (word and
    two-word TF-IDF). WHY apart from _select: the list editor selects twice from the same
    candidates (see generate_questions), and this matrix is most of a selection's cost."""
    ordered = sorted(candidates, key=_order_key)
    if not ordered:
        return ordered, None
    vectors = _tfidf([c.question.text for c in ordered], ngram_range=(1, 2))
    return ordered, (vectors @ vectors.T).toarray()  # rows are L2-normalised: cosine of every pair, once


def _tfidf(texts: list[str], **options):
    """TfidfVectorizer(sublinear_tf=True, **options).fit_transform(texts), each distinct text analysed once.

    WHY: candidates share topic, evidence and question texts; the matrix is the same, the work a
    fraction (counting dominates, and IDF is still taken over every row).
    """
    from analyzer.tfidf import tfidf_counts, tfidf_weigh  # scikit-learn's numbers, without its import time

    unique = sorted(set(texts))
    row_of = {text: i for i, text in enumerate(unique)}
    return tfidf_weigh(tfidf_counts(unique, **options)[[row_of[t] for t in texts]])


def _dedupe_per_template(candidates: list[_Candidate]) -> list[_Candidate]:
    """At most one question per template per claim (each topic question once overall: see _select)."""
    best: dict[tuple[str, str], _Candidate] = {}
    for c in candidates:
        key = (c.template_id, c.question.claim_id or c.question.id)
        if key not in best or _order_key(c) < _order_key(best[key]):
            best[key] = c
    return list(best.values())


def _is_exercise(candidate: _Candidate) -> bool:
    """An exercise to do on the line's kind of data (a query to write: see _answers), not the line's story."""
    return any(key.startswith("exercise:") for key in candidate.answers)


def _order_key(c: _Candidate) -> tuple[float, str, str]:
    return (-c.score, c.template_id, c.question.id)


def _select(ordered: list[_Candidate], similarity, count: int, max_fill: int | None = None) -> list[_Candidate]:
    """At most ``count`` questions (a maximum, not a quota: a thin resume gets a shorter list, since
    at most MAX_GENERIC textbook/baseline questions are added). Greedy pick: the best value each round, where a question's value is its score divided by
    penalties for its area, template and claim already having questions; quotas keep room for
    a few baseline and questions-to-ask; near-duplicates of a picked question are skipped.
    ``ordered``, ``similarity``: the candidates and their cosines, from :func:`_ordered`.
    ``max_fill``: at most this many questions that fit any resume (see is_specific; questions to ask
    and about the company not counted)."""
    import numpy as np

    if not ordered or count <= 0:
        return []
    n = len(ordered)

    def index_of(keys: list) -> np.ndarray:
        ids: dict = {}
        return np.array([ids.setdefault(k, len(ids)) for k in keys], dtype=np.intp)

    score = np.array([c.score for c in ordered])
    area = index_of([c.question.area for c in ordered])
    template = index_of([c.template_id for c in ordered])
    penalised = [bool(c.question.claim_id) and c.source != "ask" for c in ordered]
    claim = index_of([c.question.claim_id if p else "" for c, p in zip(ordered, penalised)])
    penalised = np.array(penalised)
    is_ask = np.array([c.source == "ask" for c in ordered])
    is_base = np.array([c.source == "baseline" for c in ordered])
    is_listed = np.array([bool(c.listed) for c in ordered])
    is_gclaim = np.array([c.source == "claim" for c in ordered])
    # a question to ask the team that a link brought in ("how does code review work?") is not about the link
    is_link = np.array([((c.question.claim_id or "").startswith("link:") and c.source != "ask")
                        or c.question.flag_code == "link_to_check" for c in ordered])
    answered: set[str] = set()
    # WHY the claims' questions too: reviewers read a third question on one bullet (a gain's measurement,
    # its hardest decision, its walk-through) as a repeat while other work went unasked
    # (not an exercise, such as a query on the line's kind of data: it retells no story)
    exercise = np.array([_is_exercise(c) for c in ordered])
    on_bullet = [c.source in _ON_A_LINE and bool(c.question.quote) and not e for c, e in zip(ordered, exercise)]
    bullet = index_of([" ".join(c.question.quote.lower().split())[:BULLET_KEY_CHARS] if on else ""
                       for c, on in zip(ordered, on_bullet)])
    is_line = np.array(on_bullet)
    per_bullet = np.zeros(bullet.max() + 1)
    entry = index_of([c.entry for c in ordered])
    has_entry = np.array([bool(c.entry) for c in ordered])
    in_project = np.array([c.entry.startswith(PROJECT_KEY) for c in ordered])
    in_old_job = np.array([c.old_job for c in ordered])
    per_entry = np.zeros(entry.max() + 1)
    is_fill = np.array([not is_specific(c) and c.source not in ("ask", "company") for c in ordered])
    max_fill = n if max_fill is None else max_fill
    asked_once = np.array([c.source in ("topic", "textbook", "baseline") for c in ordered])  # each topic question once overall
    per_area, per_template, per_claim = (np.zeros(k.max() + 1) for k in (area, template, claim))
    asked = np.zeros(template.max() + 1, dtype=bool)
    is_topic = np.array([c.source == "topic" for c in ordered])
    topics_on = np.zeros(claim.max() + 1)  # line-anchored textbook questions per claim
    on_line = np.zeros(claim.max() + 1)  # questions on a claim's own line (fundamentals not counted)
    # WHY one for a link: "what will I find", "give me a tour" and "what would you rewrite" get one answer.
    limit = np.array([1 if (c.question.claim_id or "").startswith("link:") else MAX_PER_CLAIM for c in ordered])
    remaining = np.ones(n, dtype=bool)

    quota_ask = min(MAX_ASK, int(is_ask.sum()), count)
    is_generic = np.array([c.source in ("textbook", "baseline") for c in ordered])
    quota_base = min(max(1, count // 8), MAX_BASELINE, int(is_base.sum()))
    picked: list[int] = []
    texts: set[str] = set()
    n_ask = n_base = n_generic = n_listed = n_topic = n_gclaim = n_link = n_fill = 0
    while remaining.any() and len(picked) < count:
        # Room: a question to ask only within its quota; the others only while the slots
        # reserved for the quotas not yet filled stay free.
        reserved_ask = quota_ask - n_ask
        room = np.where(is_ask, n_ask < quota_ask,
                        len(picked) + reserved_ask + np.where(is_base, 0, max(0, quota_base - n_base)) < count)
        open_ = remaining & room & ~(asked_once & asked[template]) & (per_template[template] < MAX_PER_TEMPLATE) \
            & ~(penalised & ~asked_once & (on_line[claim] >= limit)) \
            & ~(is_generic & (n_generic >= MAX_GENERIC)) & ~(is_topic & penalised & (topics_on[claim] >= MAX_TOPIC_PER_CLAIM)) & ~(is_base & (n_base >= MAX_BASELINE)) \
            & ~(is_listed & (n_listed >= MAX_LISTED_ONLY)) & ~(is_topic & (n_topic >= MAX_TOPIC)) \
            & ~(is_gclaim & ((n_gclaim >= MAX_GENERIC_CLAIM) | (per_template[template] >= MAX_PER_GENERIC))) \
            & ~(is_link & (n_link >= MAX_LINK)) & ~(is_fill & (n_fill >= max_fill)) \
            & ~(in_project & (per_entry[entry] >= MAX_PER_PROJECT)) & ~(is_line & (per_bullet[bullet] >= MAX_LINE_QUESTIONS)) \
            & ~(in_old_job & (per_entry[entry] >= MAX_PER_OLD_JOB))
        if not open_.any():
            if quota_ask > n_ask or quota_base > n_base:  # a reserved slot cannot be filled: free it
                quota_ask, quota_base = n_ask, n_base
                continue
            break
        value = score / (1 + AREA_PENALTY * per_area[area]) / (1 + TEMPLATE_PENALTY * per_template[template])
        value = np.where(penalised, value / (1 + CLAIM_PENALTY * per_claim[claim]), value)
        value = np.where(has_entry, value / (1 + ENTRY_PENALTY * per_entry[entry]), value)
        best = int(np.argmax(np.where(open_, value, -np.inf)))  # ties: the earlier in _order_key order
        remaining[best] = False
        chosen = ordered[best]
        if chosen.question.text in texts:
            continue  # a template without slots reads the same for every claim: ask it once
        if answered.intersection(chosen.answers):
            continue  # WHY: the candidate would give the same answer as to a question already picked
        others = [i for i in picked if template[i] != template[best]]
        if others and similarity[best, others].max() >= DUPLICATE:
            continue  # WHY: a near-copy of a picked question adds nothing (one template on two claims may stay)
        picked.append(best)
        texts.add(chosen.question.text)
        answered.update(chosen.answers)
        n_topic += bool(is_topic[best])
        n_gclaim += bool(is_gclaim[best])
        n_link += bool(is_link[best])
        n_fill += bool(is_fill[best])
        per_entry[entry[best]] += bool(has_entry[best])
        per_bullet[bullet[best]] += bool(is_line[best])
        asked[template[best]] = True
        per_template[template[best]] += 1
        per_area[area[best]] += 1
        if penalised[best]:
            per_claim[claim[best]] += 1
            on_line[claim[best]] += not asked_once[best] and not exercise[best]
        n_ask += bool(is_ask[best])
        n_base += bool(is_base[best])
        n_generic += bool(is_generic[best])
        n_listed += bool(is_listed[best])
        topics_on[claim[best]] += bool(is_topic[best] and penalised[best])
    return [ordered[i] for i in picked]


# --- the step ----------------------------------------------------------------------------------------


def is_specific(candidate: _Candidate) -> bool:
    """Built from this resume's specifics: a line template (the thing built, the number, the method),
    the one listed-only question, or a flag question that names what it is about. A fill template's
    question is not: its kind of work is too common to tell much, so it only fills a thin list (before any
    baseline)."""
    if candidate.fill:
        return False
    if candidate.source == "line" or candidate.listed or candidate.specific:
        return True
    return candidate.source == "flag" and bool(slots_of(candidate.bank_text))



def list_problems(questions: tuple[Question, ...], perspective: str = "candidate") -> tuple[str, ...]:
    """What breaks the list-level rules anyone can check: a URL or a cut-off fragment in a question,
    a template used more than MAX_PER_TEMPLATE times, an interviewer question with no answer guide."""
    problems = []
    counts: dict[str, int] = {}
    for q in questions:
        if _URL_RE.search(q.text) or re.search(r"https?://|www\.", q.text):
            problems.append(f"URL in question: {q.text}")
        if "..." in q.text or "…" in q.text:
            problems.append(f"cut-off fragment in question: {q.text}")
        if q.template:
            counts[q.template] = counts.get(q.template, 0) + 1
        if perspective == "interviewer" and not (q.guide and q.worry):
            problems.append(f"no answer guide: {q.text}")
    problems += [f"template {t} used {n} times" for t, n in sorted(counts.items()) if n > MAX_PER_TEMPLATE]
    return tuple(problems)


def seniority(resume: Resume | None, claims: tuple[Claim, ...]) -> str:
    """junior, mid or senior, from what the resume shows: years in dated jobs (internships and
    overlaps not double-counted), a doctorate, and papers."""
    if resume is None:
        return "mid"
    months: set[int] = set()
    for entry in resume.entries:
        if entry.section != SectionKind.EXPERIENCE or not entry.start or has_phrase(entry.title, ("intern*", "trainee")):
            continue
        start = month_index(entry.start, resume.as_of)
        end = month_index(entry.end or entry.start, resume.as_of, end=True)
        if start is not None and end is not None and end >= start:
            months.update(range(start, min(end, start + 600) + 1))
    years = len(months) / 12
    doctorate = any(e.section == SectionKind.EDUCATION and has_phrase(f"{e.title} {e.organization}", ("phd", "ph.d.", "ph.d", "doctorate", "doctor of philosophy", "dphil"))
                    for e in resume.entries)
    papers = sum(1 for c in claims if c.kind in ("publication", "patent"))
    if years >= SENIOR_YEARS or (doctorate and papers >= 2) or (years >= 3 and doctorate):
        return "senior"
    if years < JUNIOR_YEARS and not doctorate:
        return "junior"
    return "mid"


def _exposure(flags: tuple[Flag, ...], claims: tuple[Claim, ...]) -> dict[str, tuple[float, int]]:
    """Claim id -> a sort key, the most exposed first: the worst flag on it, then the weakest backing."""
    worst: dict[str, float] = {}
    for flag in flags:
        if flag.claim_id:
            worst[flag.claim_id] = max(worst.get(flag.claim_id, 0.0), _SEVERITY.get(flag.severity, 0.1))
    return {c.id: (-worst.get(c.id, 0.0), c.defensibility) for c in claims}


def _without_exams_in(candidates: list[_Candidate], areas: set[int]) -> list[_Candidate]:
    """The candidates without the exam questions (topic, textbook, baseline) of these interview areas."""
    return [c for c in candidates if c.source not in ("topic", "textbook", "baseline") or c.question.area not in areas]


def _fits_level(candidate: _Candidate, level: str) -> bool:
    """WHY: a new graduate is not asked expert trivia; a senior is not asked warm-up definitions.
    Questions about the resume's own lines are kept at every level."""
    if candidate.source not in ("topic", "textbook", "baseline"):
        return True
    difficulty = candidate.question.difficulty
    return not (level == "junior" and difficulty >= 3) and not (level == "senior" and difficulty <= 1)


# WHY this order for interviewers: questions built from the resume's specifics first (see is_specific);
# within each part, questions on the candidate's own lines reveal most, then the weak spots, then the
# fundamentals they claim, then the generic baseline.
_REVEALS = {"line": 0, "claim": 1, "flag": 2, "topic": 3, "company": 4, "textbook": 5, "baseline": 6, "ask": 7}


def generate_questions(
    resume: Resume | None,
    skills: tuple[Skill, ...],
    claims: tuple[Claim, ...],
    flags: tuple[Flag, ...],
    taxonomy: Taxonomy,
    bank: Bank | None = None,
    options: Options | None = None,
) -> tuple[Question, ...]:
    """The ranked questions for one resume; the same input always gives the same tuple."""
    bank = bank or load_bank()
    options = options or Options()
    # The month the resume was read against (resolved once, in the pipeline); without a resume, the options'.
    as_of = resume.as_of if resume is not None else options.as_of or this_month()
    claimed = frozenset(s.id for s in skills) | frozenset(i for c in claims for i in c.skill_ids)
    ctx = _Context(resume, {s.id: s for s in skills}, {c.id: c for c in claims}, taxonomy, bank, options, as_of,
                   claimed, seniority(resume, claims),
                   frozenset(f.claim_id for f in flags if f.code == "stale_claim" and f.claim_id),
                   frozenset(i for c in claims if c.kind in ("project", "result") for i in c.skill_ids),
                   tuple((c.evidence[0].page, c.evidence[0].quote) for c in claims if c.kind in ("project", "result")
                         and c.evidence),
                   frozenset(f.claim_id for f in flags if f.code in _LISTED_FLAGS and f.claim_id
                             and f.severity in (Severity.MEDIUM, Severity.HIGH)),
                   {e.title: _is_project_title(e.title, taxonomy) for e in resume.entries} if resume is not None else {},
                   named_skill_keys(skills, taxonomy))
    flagged = {f.claim_id for f in flags if f.claim_id}
    personal = _without_fallbacks(_from_claims(claims, flagged, ctx) + _from_flags(flags, ctx))
    used_topics = {c.template_id.rsplit(".", 1)[0] for c in personal if c.source in ("topic", "textbook")}
    interviewer = options.perspective == "interviewer"
    # WHY: questions for the candidate to ask belong to the candidate's list, not the interviewer's.
    asks = [] if interviewer else _from_asks(skills, claims, ctx)
    candidates = personal + _from_baseline(used_topics, ctx) + asks + _from_company(ctx)
    candidates = [c for c in candidates if _allowed(c.question.area, c.question.difficulty, options)
                  and _fits_level(c, ctx.level)]
    candidates = _fair(candidates, ctx)
    if not any(has_model(c, ctx) for c in claims if c.kind != "skill" or shown_in_use(c.evidence, ctx) is not None):
        # WHY: "a feature drifts on weekends" or "how would you serve it" to an analyst who built no
        # model is a question about someone else's work (a model method only listed, "feature
        # engineering" in a skills list, built none); a line or flag of their own may still ask
        candidates = _without_exams_in(candidates, {a.id for a in taxonomy.areas if a.about_models})
    if not any(does_deep_learning(s, taxonomy) for s in skills):
        # WHY: "what do mixup and cutout do" to an analyst whose "machine vision program" names no network
        # was rated bad; a line or flag of their own may still ask
        candidates = _without_exams_in(candidates, {a.id for a in taxonomy.areas if a.about_deep_learning})
    if not candidates:
        return ()
    scored = _dedupe_per_template(_recent_first(_score(candidates), ctx))
    # WHY two passes: how many questions may only fill depends on how many specific ones the list holds.
    ordered, similarity = _ordered(scored)
    specific = sum(is_specific(c) for c in _select(ordered, similarity, options.question_count))
    room = max(0, INTERVIEWER_MIN_LIST - specific) if interviewer else max(MIN_FILL, round(FILL_RATIO * specific))
    chosen = _group_listed(_select(ordered, similarity, options.question_count, room), scored, _exposure(flags, claims))
    if interviewer:
        chosen = sorted(chosen, key=lambda c: (not is_specific(c), _REVEALS[c.source], -c.question.difficulty,
                                               -c.score, c.question.id))
    return tuple(replace(c.question, template=c.template_id) for c in chosen)
