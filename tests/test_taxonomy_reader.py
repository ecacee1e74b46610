"""Issue 15: analyzer/taxonomy.py is the only module that opens a file under taxonomy/, and no
section kind is written as a string in the code (analyzer.taxonomy.SectionKind names them; the
roles are fields of taxonomy/sections.toml)."""

from __future__ import annotations

import ast
import builtins
import io
import json
import pathlib
import tomllib
from pathlib import Path

import pytest

from _helpers_taxonomy import changed_taxonomy
from analyzer.taxonomy import SectionKind, SectionRole, load_taxonomy, taxonomy_root

PACKAGE = Path(__file__).resolve().parents[1] / "analyzer"
# Functions whose ``kind`` is not a section's (a link's kind); a string compared there is not a section kind.
NOT_SECTION_KIND = {("taxonomy_rules.py", "link_kind")}


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "taxonomy_data" not in p.parts)


def test_only_the_taxonomy_module_opens_files_under_taxonomy(tmp_path, monkeypatch):
    """A fresh load of a copy of the taxonomy: every file opened under it is opened by taxonomy.py."""
    import shutil

    root = tmp_path / "taxonomy"
    shutil.copytree(taxonomy_root(), root)
    openers: set[str] = set()
    real_open, real_path_open = builtins.open, pathlib.Path.open

    def caller() -> str:
        import sys

        frame = sys._getframe(2)
        while frame and frame.f_code.co_filename in (__file__, pathlib.__file__, io.__file__):
            frame = frame.f_back
        return Path(frame.f_code.co_filename).name if frame else "?"

    def spy_open(file, *args, **kwargs):
        if str(root) in str(file):
            openers.add(caller())
        return real_open(file, *args, **kwargs)

    def spy_path_open(self, *args, **kwargs):
        if str(root) in str(self):
            openers.add(caller())
        return real_path_open(self, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", spy_open)
    monkeypatch.setattr(pathlib.Path, "open", spy_path_open)
    from analyzer.taxonomy import load_bank, load_dates, load_entry_words, load_links

    taxonomy = load_taxonomy(str(root))
    load_bank(str(root))
    load_links(str(root)), load_dates(str(root)), load_entry_words(str(root))
    assert taxonomy.root == str(root) and taxonomy.claims is not None
    assert openers == {"taxonomy.py"}


def test_no_other_module_names_the_taxonomy_folder_or_reads_toml():
    """The source of every other module: no tomllib, no read_toml, no taxonomy_root(), no path built
    to a file or folder of taxonomy/ (``root / "claims.toml"``)."""
    names = {p.name for p in taxonomy_root().iterdir()}
    offenders = []
    for path in _modules():
        if path.name == "taxonomy.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            used = (isinstance(node, ast.Name) and node.id in ("tomllib", "read_toml", "taxonomy_root")) or (
                isinstance(node, ast.alias) and node.name in ("tomllib", "read_toml", "taxonomy_root")) or (
                isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div) and isinstance(node.right, ast.Constant)
                and node.right.value in names)
            if used:
                offenders.append(f"{path.name}:{node.lineno}")
    assert offenders == []


def _kind_literals(tree: ast.AST, module: str) -> list[str]:
    """String constants equal to a section kind where the code means a section kind: compared with a
    ``.section`` / ``.kind`` / ``section_kind`` / ``kind``, passed as a Section's kind, or gathered in a
    constant named ...SECTIONS / ...KINDS."""
    kinds = {k.value for k in SectionKind}
    found: list[str] = []

    def strings(node: ast.AST) -> list[ast.Constant]:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return [node]
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            return [e for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") in ("frozenset", "set", "tuple") and node.args:
            return strings(node.args[0])
        return []

    def is_kind_operand(node: ast.AST) -> bool:
        return (isinstance(node, ast.Attribute) and node.attr in ("section", "kind", "section_kind")) or (
            isinstance(node, ast.Name) and (node.id in ("kind", "section_kind", "current_kind")
                                            or node.id.endswith(("sections", "kinds"))))

    class Visitor(ast.NodeVisitor):
        function = ""

        def visit_FunctionDef(self, node):
            outer, self.function = self.function, node.name
            self.generic_visit(node)
            self.function = outer

        def visit_Compare(self, node):
            operands = [node.left, *node.comparators]
            if any(is_kind_operand(o) for o in operands) and (module, self.function) not in NOT_SECTION_KIND:
                for operand in operands:
                    found.extend(f"{module}:{c.lineno} {c.value!r}" for c in strings(operand) if c.value in kinds)
            self.generic_visit(node)

        def visit_Call(self, node):
            named_args = [k.value for k in node.keywords if k.arg in ("section", "kind", "section_kind")]
            if getattr(node.func, "id", "") == "Section" and node.args:
                named_args.append(node.args[0])
            if getattr(node.func, "id", "").endswith("section_lines"):
                named_args.extend(node.args[1:])
            for value in named_args:
                found.extend(f"{module}:{c.lineno} {c.value!r}" for c in strings(value) if c.value in kinds)
            self.generic_visit(node)

        def visit_comprehension(self, node):
            if isinstance(node.target, ast.Name) and node.target.id in ("kind", "section_kind"):
                found.extend(f"{module}:{c.lineno} {c.value!r}" for c in strings(node.iter) if c.value in kinds)
            self.generic_visit(node)

        def visit_arguments(self, node):
            for arg, default in zip(reversed(node.args), reversed(node.defaults)):
                if arg.arg in ("section", "section_kind"):
                    found.extend(f"{module}:{c.lineno} {c.value!r}" for c in strings(default) if c.value in kinds)
            self.generic_visit(node)

        def visit_Assign(self, node):
            named = [t.id for t in node.targets if isinstance(t, ast.Name)]
            if any(n.upper().endswith(("SECTIONS", "KINDS")) for n in named):
                found.extend(f"{module}:{c.lineno} {c.value!r}" for c in strings(node.value) if c.value in kinds)
            self.generic_visit(node)

    Visitor().visit(tree)
    return found


def test_no_section_kind_is_a_string_literal_outside_the_enum():
    found = [hit for path in _modules() if path.name != "taxonomy.py"
             for hit in _kind_literals(ast.parse(path.read_text(encoding="utf-8")), path.name)]
    assert found == []


def test_the_scan_finds_a_section_kind_literal():
    """The scan above is not blind: each shape it looks for is found in a made-up module."""
    source = ('def f(entry, section, kind):\n'
              '    a = entry.section == "experience"\n'
              '    b = kind in ("projects", "education")\n'
              '    c = Evidence(section="contact", quote="")\n'
              '    d = {kind: 1 for kind in ("skills",)}\n'
              '    return Section("summary", "", 1, ())\n'
              'ENTRY_SECTIONS = ("volunteering",)\n'
              'def g(text, section_kind="awards"):\n'
              '    return _section_lines(text, "courses")\n')
    assert len(_kind_literals(ast.parse(source), "made_up.py")) == 9


def test_every_section_kind_and_role_is_the_data_of_sections_toml():
    data = tomllib.loads((taxonomy_root() / "sections.toml").read_text(encoding="utf-8"))
    declared = [record["kind"] for record in data["section"]]
    assert sorted(declared) == sorted(k.value for k in SectionKind)
    roles = {key for record in data["section"] for key in record} - {"kind", "phrases"}
    assert roles <= {r.value for r in SectionRole}
    taxonomy = load_taxonomy()
    assert taxonomy.kinds_with(SectionRole.HAS_ENTRIES) == {"experience", "education", "projects", "volunteering"}


@pytest.mark.parametrize(("role", "kinds"), [
    (SectionRole.IS_LIST, ("skills", "courses", "languages")),
    (SectionRole.SELF_DESCRIPTION, ("contact", "summary", "skills", "languages", "interests")),
])
def test_roles_replace_the_old_lists(role, kinds):
    """The lists that categories.toml and claims.toml held are now roles, with the same kinds in the same order."""
    taxonomy = load_taxonomy()
    ordered = tuple(k for k in taxonomy.section_order() if k in taxonomy.kinds_with(role))
    assert ordered == kinds
    assert taxonomy.context.list_sections == ("skills", "courses", "languages")
    assert taxonomy.claims.self_description_sections == ("contact", "summary", "skills", "languages", "interests")


# --- the loaded taxonomy is used throughout: a custom root changes what each step does ------------------

_VOLUNTEERING_RESUME = (
    "Data scientist with six years of modelling demand and churn for retail and public-sector clients.",
    "# Experience",
    "* Data Scientist | Harbourline Analytics | Leeds, UK   Mar 2021 - Present",
    "- Built a churn model in Python and scikit-learn that cut cancellations by 8%.",
    "# Volunteering",
    "* Volunteer Data Analyst | Riverside Food Bank   Jan 2020 - Dec 2022",
    "- Mapped weekly parcel demand in SQL and Tableau for 40 volunteers.",
    "* Mentor | Code Club Northfield   2019 - 2021",
    "- Taught Python basics to pupils aged 10 to 12.",
    "# Publications",
    "Granted design: adaptive sampling of sensor streams, 2022.",
    "# Skills",
    "Python, SQL, scikit-learn, Tableau, Julia",
)


@pytest.fixture(scope="module")
def volunteering_resume():
    from factory import simple_resume

    from analyzer.read import read_document
    from analyzer.sections import structure_resume

    document = read_document(simple_resume(*_VOLUNTEERING_RESUME, name="Idris Fenwick"))
    return document, structure_resume(document, load_taxonomy(), as_of="2026-11")


def test_volunteering_entries_are_read_and_exported(resources):
    """Volunteering has entries (sections.toml has_entries): parsed, and the JSON Resume volunteer list is filled."""
    from factory import simple_resume

    from analyzer.export import to_jsonresume
    from analyzer.pipeline import analyze

    report = analyze(simple_resume(*_VOLUNTEERING_RESUME, name="Idris Fenwick"), as_of="2026-11", resources=resources)
    volunteering = [(e.title, e.organization, e.start, e.end) for e in report.resume.entries
                    if e.section == SectionKind.VOLUNTEERING]
    assert volunteering == [("Volunteer Data Analyst", "Riverside Food Bank", "2020-01", "2022-12"),
                            ("Mentor", "Code Club Northfield", "2019", "2021")]
    exported = json.loads(to_jsonresume(report))["volunteer"]
    assert [(v["position"], v["organization"], v["startDate"]) for v in exported] == [
        ("Volunteer Data Analyst", "Riverside Food Bank", "2020-01"), ("Mentor", "Code Club Northfield", "2019")]


def test_at_words_of_entries_toml_split_a_heading(tmp_path):
    from analyzer.entries import split_fields

    root = changed_taxonomy(tmp_path, "entries.toml", 'at_words = ["at", "@"]', 'at_words = ["at", "@", "chez"]')
    assert split_fields("Data Scientist chez Harbourline", load_taxonomy(root).entries) == ["Data Scientist", "Harbourline"]
    assert split_fields("Data Scientist chez Harbourline", load_taxonomy().entries) == ["Data Scientist chez Harbourline"]


def test_extract_claims_reads_the_claim_words_of_its_taxonomy(tmp_path, volunteering_resume):
    from analyzer.claims import extract_claims

    _, resume = volunteering_resume
    root = changed_taxonomy(tmp_path, "claims.toml", 'patent_words = ["patent",', 'patent_words = ["granted design", "patent",')
    kinds = {taxonomy_name: [c.kind for c in extract_claims(resume, (), taxonomy) if c.kind in ("patent", "publication")]
             for taxonomy_name, taxonomy in (("shipped", load_taxonomy()), ("custom", load_taxonomy(root)))}
    assert kinds == {"shipped": ["publication"], "custom": ["patent"]}


def test_find_flags_reads_the_flag_texts_of_its_taxonomy(tmp_path, volunteering_resume, resources):
    from analyzer.claims import extract_claims
    from analyzer.flags import find_flags
    from analyzer.models import Options
    from analyzer.skills import match_skills

    _, resume = volunteering_resume
    old = "{skill} appears only in a skills list; no job"
    root = changed_taxonomy(tmp_path, "flags.toml", old, "{skill} is only listed; no job")
    custom = load_taxonomy(root)
    skills = match_skills(resume, custom, resources.nlp)
    flags = find_flags(resume, skills, extract_claims(resume, skills, custom), custom, Options(as_of="2026-11"))
    messages = [f.message for f in flags if f.code == "unsupported_skill" and "Julia" in f.message]
    assert messages == ["Julia is only listed; no job, project or course on the resume shows it being used."]


def test_the_company_and_ask_rows_are_the_roles_of_areas_toml():
    from analyzer.taxonomy import AreaRole

    assert [load_taxonomy().area_of(role) for role in AreaRole] == [11, 12]  # the interview map's rows


def test_an_areas_file_without_the_ask_role_is_refused(tmp_path):
    from analyzer.errors import TaxonomyError

    root = changed_taxonomy(tmp_path, "areas.toml", 'role = "ask"', "")
    with pytest.raises(TaxonomyError, match="exactly one area"):
        load_taxonomy(root)
