"""Anki export: an .apkg deck with one note per question, for spaced practice.

Ids are stable so re-importing an updated deck updates the notes instead of duplicating them:
the model and deck ids are fixed numbers derived from fixed names, and each note's guid is derived
from the question id (and the candidate's name, so two people's decks do not overwrite each other).
Built fully in memory: genanki's collection goes to an in-memory SQLite database that is
serialised into the zip, so nothing touches the disk.

Anki renders fields as HTML: every field is HTML-escaped (resume text is untrusted).
"""

from __future__ import annotations

import datetime
import hashlib
import html
import io
import itertools
import json
import sqlite3
import zipfile
from collections.abc import Mapping

import genanki

from analyzer.export._common import perspective_of, practice_of, question_meta, resume_line, safe_text, title
from analyzer.models import Question, Report
from analyzer.view import area_label, area_names, line_label, why_label


def _stable_id(name: str) -> int:
    # Anki ids are 64-bit signed integers; genanki recommends values in [1 << 30, 1 << 31).
    digest = int(hashlib.sha256(name.encode("utf-8")).hexdigest()[:12], 16)
    return (1 << 30) + digest % (1 << 30)


MODEL_ID = _stable_id("resume-analyzer model v1")
DECK_ID = _stable_id("resume-analyzer deck v1")

MODEL = genanki.Model(
    MODEL_ID,
    "Resume interview question",
    fields=[{"name": "Question"}, {"name": "Area"}, {"name": "Meta"}, {"name": "Why"}, {"name": "ResumeLine"}, {"name": "Followups"}],
    templates=[
        {
            "name": "Card 1",
            "qfmt": "<div class=area>{{Area}}</div><div class=q>{{Question}}</div><div class=meta>{{Meta}}</div>",
            "afmt": "{{FrontSide}}<hr id=answer><div>{{Why}}</div>"
            "<div class=line>{{ResumeLine}}</div><div>{{Followups}}</div>",
        }
    ],
    css=".card{font-family:sans-serif;font-size:18px;text-align:left}.area,.meta{color:#666;font-size:14px}"
    ".q{font-weight:bold;margin:8px 0}.line{font-style:italic;color:#444;margin-top:8px}",
)


def note_guid(report: Report, question: Question) -> str:
    owner = report.resume.contact.name or report.resume.document.name
    return genanki.guid_for("resume-analyzer", safe_text(owner), safe_text(question.id))


def _note(report: Report, question: Question, names: dict[int, str], perspective: str,
          practice: Mapping[str, object] | None = None) -> genanki.Note:
    def e(text: str) -> str:
        return html.escape(safe_text(text))

    line = resume_line(question)
    followups = "<br>".join(f"Follow-up: {e(f)}" for f in question.followups)
    status, note = practice_of(question, practice)
    # The person's own practice rides on the back of the card (the model keeps its six fields).
    mine = [f"Practice: {e(status)}"] * bool(status) + [f"My notes: {e(note)}"] * bool(note)
    followups = "<br>".join(part for part in (followups, *mine) if part)
    return genanki.Note(
        model=MODEL,
        fields=[
            e(question.text),
            e(f"{question.area}. {area_label(question.area, names)}"),
            e(question_meta(question)),
            f"<b>{e(why_label(perspective, question))}:</b> {e(question.why)}" if question.why else "",
            f"{line_label(question)}: {e(line)}" if line else "",
            followups,
        ],
        guid=note_guid(report, question),
        tags=[f"area{question.area}", question.kind.replace(" ", "_") or "question"],
    )


def to_apkg(report: Report, *, perspective: str | None = None, practice: Mapping[str, object] | None = None) -> bytes:
    perspective = perspective_of(report, perspective)
    names = area_names(report)
    deck = genanki.Deck(DECK_ID, "Interview practice::" + safe_text(report.resume.contact.name or "Resume"))
    deck.description = html.escape(safe_text(title(report)))
    for question in report.questions:
        deck.add_note(_note(report, question, names, perspective, practice))

    # A fixed timestamp (the report's reference month) keeps card ids and bytes reproducible.
    year, month = (int(part) for part in report.resume.as_of.split("-")[:2])
    timestamp = datetime.datetime(year, month, 1, tzinfo=datetime.timezone.utc).timestamp()
    connection = sqlite3.connect(":memory:")
    try:
        genanki.Package(deck).write_to_db(connection.cursor(), timestamp, itertools.count(int(timestamp * 1000)))
        connection.commit()
        collection = connection.serialize()
    finally:
        connection.close()

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as package:
        package.writestr(zipfile.ZipInfo("collection.anki2", date_time=(year, month, 1, 0, 0, 0)), collection)
        package.writestr(zipfile.ZipInfo("media", date_time=(year, month, 1, 0, 0, 0)), json.dumps({}))
    return buffer.getvalue()
