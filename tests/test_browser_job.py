"""End to end in a real browser (see tests/test_browser.py for the set-up): paste a job posting
beside a bundled sample resume and see the Job tab with the alignment. Run with `pytest -m browser`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_browser import _IDLE, _by_text, browser, server  # noqa: F401  (fixtures used by name)

pytestmark = pytest.mark.browser
POSTING = (Path(__file__).resolve().parent.parent / "samples" / "jobs" / "startup_fernleaf_grocery.txt").read_text()


def test_pasted_posting_end_to_end(server, browser):  # noqa: F811
    browser.send("Page.enable")
    browser.send("Emulation.setDeviceMetricsOverride", width=1400, height=2200, deviceScaleFactor=1, mobile=False)
    browser.send("Page.navigate", url=server.url)
    browser.wait_for("document.body && document.body.innerText.includes('never leaves this machine')", 60)
    area = "document.querySelector('textarea[aria-label=\"Paste the job posting\"]')"
    # The expander's label follows an icon whose name is text too: find it by "includes".
    summary = ("[...document.querySelectorAll('summary, [data-testid=stExpander] [role=button]')]"
               ".find(e => e.innerText.includes('Preparing for a specific job?'))")
    browser.click_until(summary, f"!!{area}")
    browser.click(area)
    browser.send("Input.insertText", text=POSTING)
    # Streamlit takes a text area's value on Ctrl+Enter (or when it loses focus).
    for kind in ("keyDown", "keyUp"):
        browser.send("Input.dispatchKeyEvent", type=kind, key="Enter", code="Enter", windowsVirtualKeyCode=13,
                     modifiers=2)
    browser.wait_for(_IDLE, 60)
    browser.click_until(_by_text("button", "Analyse sample"),
                        "[...document.querySelectorAll('[role=tab]')].some(t => t.innerText.trim() === 'Job')",
                        seconds=90)
    browser.click_until(_by_text("[role=tab]", "Job"), "document.body.innerText.includes('Prepare first')")
    text = browser.js("document.body.innerText")
    assert "Fernleaf" in text and "Traceback" not in text
    assert json.dumps("Founding Data Scientist")[1:-1] in text
