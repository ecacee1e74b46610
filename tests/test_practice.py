"""Practice mode without the page: the SQLite store (written only when asked, versioned, safe with
two writers, a clear message for a damaged file), the next questions to practise, the CLI command
and the exports that carry the marks.
"""

from __future__ import annotations

import csv
import io
import sqlite3
import threading

import pytest
from _helpers_page import hand_report

from analyzer.cli import main
from analyzer.export import export
from analyzer.practice import (
    DATA_DIR_ENV,
    DamagedStoreError,
    Mark,
    PracticeStore,
    PracticeStoreError,
    default_path,
    next_to_practise,
    progress,
)
from analyzer.practice.store import SCHEMA_VERSION
from analyzer.view import escape_markdown

SHA_A = "a" * 64
SHA_B = "b" * 64


@pytest.fixture
def store(tmp_path, monkeypatch) -> PracticeStore:
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "data"))
    return PracticeStore()


@pytest.fixture(scope="module")
def made():
    return hand_report()


def test_the_file_lives_in_the_users_data_folder(tmp_path, monkeypatch):
    monkeypatch.delenv(DATA_DIR_ENV, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_path() == tmp_path / "xdg" / "resume-analyzer" / "practice.sqlite3"
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_path() == tmp_path / "home" / ".local" / "share" / "resume-analyzer" / "practice.sqlite3"


def test_reading_never_creates_the_file(store):
    assert store.load(SHA_A) == {}
    assert store.resumes() == 0
    assert not store.path.exists() and not store.path.parent.exists()


def test_saved_marks_come_back_and_stay_per_resume(store):
    store.save(SHA_A, [Mark("q1", "ready", "Explained with the churn example"), Mark("q2", "needs work")])
    store.save(SHA_B, [Mark("q1", "skip")])
    loaded = store.load(SHA_A)
    assert {(m.question_id, m.status, m.note) for m in loaded.values()} == {
        ("q1", "ready", "Explained with the churn example"), ("q2", "needs work", "")}
    assert store.load(SHA_B)["q1"].status == "skip"
    assert store.resumes() == 2


def test_one_row_per_question_holds_no_resume_text(store):
    store.save(SHA_A, [Mark("q1", "ready", "note")])
    store.save(SHA_A, [Mark("q1", "needs work", "better note")])
    with sqlite3.connect(store.path) as connection:
        rows = connection.execute("SELECT * FROM practice").fetchall()
        columns = [c[1] for c in connection.execute("PRAGMA table_info(practice)")]
        version = connection.execute("PRAGMA user_version").fetchone()[0]
    assert columns == ["resume_sha256", "question_id", "status", "note", "updated"]
    assert len(rows) == 1 and rows[0][:4] == (SHA_A, "q1", "needs work", "better note")
    assert version == SCHEMA_VERSION


def test_clearing_a_mark_removes_its_row(store):
    store.save(SHA_A, [Mark("q1", "ready")])
    store.save(SHA_A, [Mark("q1", "", "  ")])
    assert store.load(SHA_A) == {}


def test_an_older_file_is_migrated_on_save(store):
    store.path.parent.mkdir(parents=True)
    with sqlite3.connect(store.path) as connection:  # a file at schema version 1 (no index yet)
        from analyzer.practice.store import MIGRATIONS

        connection.executescript(MIGRATIONS[0])
        connection.execute("INSERT INTO practice VALUES (?, 'q0', 'ready', '', '2026-01-01T00:00:00+00:00')", (SHA_A,))
        connection.execute("PRAGMA user_version = 1")
    store.save(SHA_A, [Mark("q1", "skip")])
    assert set(store.load(SHA_A)) == {"q0", "q1"}
    with sqlite3.connect(store.path) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        indexes = {row[1] for row in connection.execute("PRAGMA index_list(practice)")}
    assert "practice_by_time" in indexes


def test_a_file_from_a_newer_version_is_refused_clearly(store):
    store.path.parent.mkdir(parents=True)
    with sqlite3.connect(store.path) as connection:
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(PracticeStoreError, match="newer version of resume-analyzer"):
        store.load(SHA_A)


def test_two_writers_at_once_lose_nothing(store):
    errors: list[BaseException] = []

    def writer(prefix: str) -> None:
        try:
            other = PracticeStore(store.path)  # its own connection, as a second browser tab has
            for n in range(40):
                other.save(SHA_A, [Mark(f"{prefix}{n}", "ready", f"note {n}")])
        except BaseException as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)

    threads = [threading.Thread(target=writer, args=(p,)) for p in ("left-", "right-")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert len(store.load(SHA_A)) == 80


def test_a_damaged_file_gives_a_clear_message_and_a_fresh_start(store):
    store.path.parent.mkdir(parents=True)
    store.path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(DamagedStoreError, match="could not be read") as raised:
        store.load(SHA_A)
    assert str(store.path) in str(raised.value)
    aside = store.set_aside()
    assert aside.exists() and not store.path.exists()
    store.save(SHA_A, [Mark("q1", "ready")])
    assert store.load(SHA_A)["q1"].status == "ready"


def test_delete_all_removes_the_file(store):
    store.save(SHA_A, [Mark("q1", "ready")])
    assert store.exists()
    assert store.delete_all() is True
    assert not store.path.exists()
    assert store.delete_all() is False


def test_next_five_leave_out_ready_and_favour_needs_work(made):
    _, report = made
    questions = list(report.questions)
    untouched = next_to_practise(report, {})
    # exposure: a high flag (90), a medium flag (70), a claim at 35/100 (65), a claim at 70/100 (30)
    assert [q.id for q in untouched] == ["q-churn-baseline", "q-k8s-design", "q-xgb-explain", "q-ab-power"]
    marks = {"q-k8s-design": Mark("q-k8s-design", "ready"), "q-ab-power": Mark("q-ab-power", "needs work")}
    ordered = next_to_practise(report, marks)
    assert [q.id for q in ordered] == ["q-ab-power", "q-churn-baseline", "q-xgb-explain"]
    assert len(next_to_practise(report, {}, count=2)) == 2
    assert all(q in questions for q in ordered)


def test_progress_counts_each_area(made):
    _, report = made
    rows = {r.area: r for r in progress(report, {"q-k8s-design": Mark("q-k8s-design", "ready")})}
    assert (rows[7].ready, rows[7].not_tried) == (1, 0)
    assert sum(r.total for r in rows.values()) == len(report.questions)


def test_exports_carry_status_and_notes_only_when_there_are_any(made):
    _, report = made
    marks = {"q-ab-power": Mark("q-ab-power", "needs work", "Power = 0.8, alpha 0.05")}
    plain = export(report, "md").decode()
    marked = export(report, "md", practice=marks).decode()
    assert "Practice:" not in plain and "Practice: needs work" in marked
    assert f"My notes: {escape_markdown('Power = 0.8, alpha 0.05')}" in marked
    rows = list(csv.DictReader(io.StringIO(export(report, "csv", practice=marks).decode("utf-8-sig"))))
    row = next(r for r in rows if r["id"] == "q-ab-power")
    assert (row["practice_status"], row["practice_note"]) == ("needs work", "Power = 0.8, alpha 0.05")
    assert "practice_status" not in export(report, "csv").decode("utf-8-sig").splitlines()[0]
    assert export(report, "pdf", practice=marks) != export(report, "pdf")
    assert export(report, "anki", practice=marks) != export(report, "anki")


def test_cli_prints_the_next_questions_from_the_same_store(store, capsys, tmp_path):
    from factory import simple_resume

    from analyzer import pipeline

    pdf = tmp_path / "cli_resume.pdf"
    pdf.write_bytes(simple_resume("# Experience", "* Data Scientist, Acme  2021-01 to present",
                                  "- Built a churn model in Python with XGBoost", "# Skills", "Python, SQL, Kubernetes"))
    report = pipeline.analyze(pdf)
    first = next_to_practise(report, {})[0]
    assert main(["practice", str(pdf)]) == 0
    out = capsys.readouterr().out
    assert "no practice saved yet" in out and first.text in out
    assert not store.path.exists(), "the CLI only reads"
    store.save(report.resume.document.sha256, [Mark(first.id, "ready")])
    assert main(["practice", str(pdf), "--count", "3"]) == 0
    out = capsys.readouterr().out
    assert "1 of" in out and first.text not in out
    assert sum(line[:4].strip().endswith(".") for line in out.splitlines() if line[:4].strip()) == 3
