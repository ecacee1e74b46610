"""Security: resume text is untrusted. It never reaches the page as HTML, CSV cells cannot run as
formulas, uploads are processed in memory only, and user file names never become paths unsanitised.
"""

from __future__ import annotations

import ast
import builtins
import csv
import io
import os
import re
import tempfile
from dataclasses import replace
from pathlib import Path

import pytest
from factory import simple_resume

from analyzer.batch import batch_analyze, safe_stem
from analyzer.export.csv_export import neutralise
from analyzer.models import Question
from analyzer.pipeline import analyze

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "streamlit_app.py"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Resume lines an attacker would write: HTML, a script, markdown that would turn into a link/bold.
SCRIPT = "<script>alert('pwned')</script>"
EVIL_LINES = (
    f"Zqx Evil {SCRIPT}",
    "<img src=x onerror=alert(1)> Zqx image",
    "**Zqxbold** [Zqxlink](javascript:alert(1))",
)


def _evil_pdf() -> bytes:
    return simple_resume("# Experience", "* Data Scientist, Acme, 2020 - 2023", *("- " + line for line in EVIL_LINES),
                         "# Skills", "=HYPERLINK(\"http://evil.example\")", "@SUM(A1:A9) +cmd -2+3",
                         name="=cmd|' /C calc'!A0")


# --- 1. never HTML --------------------------------------------------------------------------------

def _page_sources() -> list[Path]:
    """The page and every analyzer module that talks to Streamlit."""
    sources = [PAGE] if PAGE.exists() else []
    sources += [p for p in sorted((ROOT / "analyzer").rglob("*.py")) if "streamlit" in p.read_text(encoding="utf-8")]
    return sources


def _module_constants(tree: ast.Module) -> set[str]:
    """Names bound at module level to a literal string (CSS, fixed markup): safe to render as HTML."""
    names = set()
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
    return names


def _html_calls(tree: ast.Module):
    """Calls that render HTML: anything with unsafe_allow_html=True, st.html(...), components html(...)."""
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        unsafe = any(k.arg == "unsafe_allow_html" and not (isinstance(k.value, ast.Constant) and k.value.value is False)
                     for k in node.keywords)
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        if unsafe or name in ("html", "iframe"):
            yield node


def test_html_is_only_ever_rendered_from_constants():
    sources = _page_sources()
    if not sources:
        pytest.skip("no Streamlit page yet (streamlit_app.py)")
    offenders = []
    for path in sources:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        constants = _module_constants(tree)
        for call in _html_calls(tree):
            argument = call.args[0] if call.args else next((k.value for k in call.keywords if k.arg in ("body", "html")), None)
            safe = isinstance(argument, ast.Constant) or (isinstance(argument, ast.Name) and argument.id in constants)
            if not safe:
                offenders.append(f"{path.relative_to(ROOT)}:{call.lineno}: {ast.unparse(call)[:100]}")
    assert not offenders, "HTML rendered from a non-constant value (may carry resume text):\n" + "\n".join(offenders)


def test_the_html_scan_catches_resume_text_in_unsafe_markdown():
    # The scanner above must flag the pattern it exists for, or its passing proves nothing.
    tree = ast.parse("import streamlit as st\nCSS = '<style></style>'\nst.markdown(CSS, unsafe_allow_html=True)\n"
                     "st.markdown(f'<b>{line.text}</b>', unsafe_allow_html=True)\nst.html(report.name)\n")
    constants = _module_constants(tree)
    flagged = [c.lineno for c in _html_calls(tree)
               if not (isinstance(c.args[0], ast.Constant) or (isinstance(c.args[0], ast.Name) and c.args[0].id in constants))]
    assert flagged == [4, 5]


def _all_elements(app_test):
    """Every element of a finished AppTest run, with the proto fields that say how it renders."""
    from streamlit.testing.v1.element_tree import Block

    stack = [app_test._tree]
    while stack:
        node = stack.pop()
        if isinstance(node, Block):
            stack.extend(node.children.values())
        else:
            yield node


def test_page_shows_hostile_resume_text_escaped():
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    st.cache_data.clear()
    app = AppTest.from_file(str(PAGE), default_timeout=120)
    app.run()
    # The file name is user input too, and the page shows it.
    name = f"Zqx {SCRIPT} **Zqxbold** [Zqxlink](javascript:alert(1)).pdf"
    app.file_uploader(key="upload").set_value((name, _evil_pdf(), "application/pdf"))
    app.run()
    assert not app.exception, [e.value for e in app.exception]

    shown, unsafe = [], []
    for element in _all_elements(app):
        proto = getattr(element, "proto", None)
        text = str(proto) if proto is not None else str(getattr(element, "value", ""))
        if "Zqx" not in text:
            continue
        shown.append(element.type)
        if getattr(proto, "allow_html", False) or element.type in ("html", "iframe"):
            unsafe.append(text[:200])
        body = getattr(proto, "body", None)
        if isinstance(body, str) and "Zqx" in body:
            # Markdown (also captions, headers): the text must be escaped, no live link, bold or tag.
            assert "](javascript:" not in body and "**Zqxbold**" not in body and "<script>" not in body, body[:200]
    assert shown, "the page shows the hostile resume's text"
    assert not unsafe, unsafe


# --- 2. CSV cells ---------------------------------------------------------------------------------

def _cells(data: bytes | str) -> list[str]:
    text = data.decode("utf-8-sig") if isinstance(data, bytes) else data
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def test_neutralise():
    for formula in ("=1+1", "+1", "-1+1", "@SUM(A1)", "\t=1", "\r=1", " =1+1"):
        assert neutralise(formula).startswith("'"), formula
    for plain in ("Python", "3 years", "", "a=b", "e-mail"):
        assert neutralise(plain) == plain


def test_export_csv_cells_are_neutralised(resources):
    csv_export = pytest.importorskip("analyzer.export.csv_export")
    report = analyze(_evil_pdf(), as_of="2026-01", resources=resources)
    evil = Question(id="q-evil", text="=HYPERLINK(\"http://evil.example\",\"x\")", area=1, kind="explain",
                    difficulty=2, topic="+cmd", why="@SUM(A1:A9)", anchor="claim", quote="-2+3",
                    followups=("=1+1",))
    cells = _cells(csv_export.to_csv(replace(report, questions=report.questions + (evil,))))
    assert "'=HYPERLINK(\"http://evil.example\",\"x\")" in cells
    assert not [cell for cell in cells if cell.startswith(FORMULA_START)]


def test_batch_summary_cells_are_neutralised(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "=1+2.pdf").write_bytes(_evil_pdf())
    (folder / "@evil.pdf").write_bytes(b"=not a pdf")
    # A name the reader takes as the candidate's that a spreadsheet would run as a formula.
    (folder / "named.pdf").write_bytes(simple_resume("# Experience", "* Data Scientist, Acme, 2020 - 2023",
                                                     "- Built a churn model in Python", name="=Maya Lindqvist"))
    batch_analyze(folder, tmp_path / "out", as_of="2026-01")
    cells = _cells((tmp_path / "out" / "summary.csv").read_text(encoding="utf-8"))
    assert "'=1+2.pdf" in cells and "'@evil.pdf" in cells
    assert "'=Maya Lindqvist" in cells
    assert not [cell for cell in cells if cell.startswith(FORMULA_START)]


# --- 3. uploads in memory only --------------------------------------------------------------------

def test_upload_is_processed_in_memory_only(monkeypatch, tmp_path, resources):
    data = _evil_pdf()
    cwd, tmp = tmp_path / "cwd", tmp_path / "tmp"
    cwd.mkdir()
    tmp.mkdir()
    monkeypatch.chdir(cwd)
    monkeypatch.setenv("TMPDIR", str(tmp))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp))
    writes: list[str] = []
    real_open, real_os_open = builtins.open, os.open

    def guarded_open(file, mode="r", *args, **kwargs):
        if isinstance(mode, str) and set(mode) & set("wax+"):
            writes.append(f"open({file!r}, {mode!r})")
            raise AssertionError(f"the analysis wrote a file: {file!r}")
        return real_open(file, mode, *args, **kwargs)

    def guarded_os_open(path, flags, *args, **kwargs):
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            writes.append(f"os.open({path!r})")
            raise AssertionError(f"the analysis wrote a file: {path!r}")
        return real_os_open(path, flags, *args, **kwargs)

    # Patched before the reader forks, so its child is watched too (a write there fails the read).
    monkeypatch.setattr(builtins, "open", guarded_open)
    monkeypatch.setattr(os, "open", guarded_os_open)
    report = analyze(data, as_of="2026-01", name="upload.pdf", resources=resources)
    monkeypatch.undo()
    assert not writes, writes
    assert report.resume.document.name == "upload.pdf" and report.resume.sections
    assert list(cwd.iterdir()) == [] and list(tmp.iterdir()) == []


# --- 4. file names never become paths unsanitised -------------------------------------------------

@pytest.mark.parametrize("name", [
    "../../etc/passwd", "..", ".bashrc.pdf", "/abs/path.pdf", "C:\\Windows\\x.pdf", "CON.pdf", "nul",
    "a\nb\x00c.pdf", "=1+1.pdf", "x" * 400 + ".pdf", "r\udce9sum\udce9.pdf", "\u202eflip.pdf", "",
])
def test_safe_stem_is_a_plain_file_name(name):
    stem = safe_stem(name)
    assert re.fullmatch(r"[A-Za-z0-9_][A-Za-z0-9._-]{0,79}", stem), stem
    assert ".." not in stem and stem.split(".")[0].lower() not in {"con", "nul", "prn", "aux"}


def test_batch_never_writes_outside_its_folder(tmp_path, sample_pdf_bytes):
    folder, out = tmp_path / "in", tmp_path / "deep" / "out"
    folder.mkdir()
    names = [b"..pdf", b".hidden.pdf", b"CON.pdf", b"a b;rm -rf.pdf", b"r\xe9sum\xe9.pdf", b"=x.pdf", b"x" * 240 + b".pdf"]
    for raw in names:
        with open(os.fsencode(folder) + b"/" + raw, "wb") as handle:
            handle.write(sample_pdf_bytes)
    rows = batch_analyze(folder, out, as_of="2026-01")
    written = sorted(p.name for p in out.iterdir())
    assert len(written) == len(names) + 1 and "summary.csv" in written
    for name in written:
        assert re.fullmatch(r"[A-Za-z0-9_][A-Za-z0-9._-]*\.(json|csv)", name), name
    # Nothing appeared next to the output folder or the inputs.
    assert sorted(p.name for p in (tmp_path / "deep").iterdir()) == ["out"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deep", "in"]
    assert all(row.status == "ok" for row in rows), [(r.file, r.message) for r in rows if r.status != "ok"]


@pytest.fixture
def sample_pdf_bytes() -> bytes:
    return (ROOT / "samples" / "analyst_priya_natarajan.pdf").read_bytes()
