"""End to end in a real browser: `streamlit run` on a free port, headless Chromium driven through
the DevTools protocol (a small websocket client, `websockets` comes with Streamlit), a real mouse
click on "Analyse sample", then every tab, each saved as a screenshot in docs/screenshots/ (the
README shows them). Also: a refused file and a resume with no headings show their message in
plain sight, and the page, started with only the project's settings file, listens on this computer
only and makes no request to any other address.

Chromium is Debian's package: the test installs it with apt-get when it is missing and we are
root (as in CI); otherwise it is skipped with the reason. Run only this with `pytest -m browser`.
"""

from __future__ import annotations

import base64
import datetime
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.browser


def _chromium() -> str:
    """The Chromium binary, installing Debian's package if needed; skip when that is impossible."""
    names = ("chromium", "chromium-browser", "google-chrome")
    found = next((shutil.which(n) for n in names if shutil.which(n)), None)
    if found:
        return found
    if not shutil.which("apt-get"):
        pytest.skip("Chromium is not installed and there is no apt-get to install it")
    if os.geteuid() != 0:
        pytest.skip("Chromium is not installed and installing it with apt-get needs root")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    install = ["apt-get", "install", "-y", "--no-install-recommends", "chromium"]
    result = subprocess.run(install, capture_output=True, text=True, env=env, timeout=900)
    if result.returncode != 0:  # stale package lists are the usual cause
        subprocess.run(["apt-get", "update"], capture_output=True, env=env, timeout=600)
        result = subprocess.run(install, capture_output=True, text=True, env=env, timeout=900)
    found = next((shutil.which(n) for n in names if shutil.which(n)), None)
    if not found:
        pytest.skip(f"apt-get could not install chromium: {result.stderr.strip()[-300:]}")
    return found


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_http(url: str, seconds: float) -> bytes:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.read()
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


class _DevTools:
    """The few DevTools protocol calls the test needs, over one websocket."""

    def __init__(self, ws_url: str) -> None:
        from contextlib import ExitStack

        from websockets.sync.client import connect

        self._stack = ExitStack()
        self.ws = self._stack.enter_context(connect(ws_url, max_size=None, open_timeout=20))
        self.next_id = 0
        self.events: list[dict] = []  # events that arrived while waiting for answers (Network.*, ...)

    def send(self, method: str, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:  # keep events aside until our answer arrives
            message = json.loads(self.ws.recv(timeout=60))
            if "method" in message:
                self.events.append(message)
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def js(self, expression: str):
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        return result.get("result", {}).get("value")

    def wait_for(self, expression: str, seconds: float = 60):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            value = self.js(expression)
            if value:
                return value
            time.sleep(0.3)
        shown = self.js("document.body ? document.body.innerText.slice(0, 800) : ''")
        raise AssertionError(f"timed out waiting for: {expression}\npage text: {shown}")

    def click(self, finder: str) -> None:
        """A real mouse click (press and release) at the centre of the element ``finder`` returns."""
        box = self.wait_for(
            f"(() => {{ const el = {finder}; if (!el) return null; el.scrollIntoView({{block: 'center'}});"
            " const r = el.getBoundingClientRect(); return {x: r.x + r.width / 2, y: r.y + r.height / 2}; })()"
        )
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", type=kind, x=box["x"], y=box["y"], button="left", clickCount=1)

    def click_until(self, finder: str, condition: str, *, attempts: int = 3, seconds: float = 40) -> None:
        """Click, and click again if ``condition`` does not become true (a click that lands while the
        page is still laying itself out can miss)."""
        for attempt in range(attempts):
            self.wait_for(_IDLE, 60)
            self.click(finder)
            try:
                self.wait_for(condition, seconds)
                return
            except AssertionError:
                if attempt == attempts - 1:
                    raise

    def close(self) -> None:
        self._stack.close()


# The page is idle: no lazily loaded widget waiting for its code, and the script is not running.
_IDLE = ("!document.querySelector('[data-testid=stSkeleton], [data-testid=stSkeletonElement],"
         " [data-testid=stStatusWidgetRunningIcon], [data-testid=stAppSkeleton]')")


def _by_text(selector: str, text: str) -> str:
    return f"[...document.querySelectorAll({json.dumps(selector)})].find(e => e.innerText.trim().startsWith({json.dumps(text)}))"


SCREENSHOTS = ROOT / "docs" / "screenshots"
# The sample the screenshots show: a padded skills list, so grouped flags and every tab have content.
SAMPLE = "padded_brittany_kowalczyk.pdf"


@pytest.fixture
def server(tmp_path):
    """The page as a person starts it: only the port differs from .streamlit/config.toml."""
    port = _free_port()
    command = [sys.executable, "-m", "streamlit", "run", str(ROOT / "streamlit_app.py"), "--server.port", str(port)]
    log_path = tmp_path / "streamlit.log"
    log = open(log_path, "wb")
    env = dict(os.environ, RESUME_ANALYZER_DATA_DIR=str(tmp_path / "practice"))
    process = subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env=env)
    try:
        _wait_http(f"http://127.0.0.1:{port}/_stcore/health", 60)
        yield SimpleNamespace(url=f"http://localhost:{port}/", port=port, log=log_path)
    finally:
        process.terminate()
        process.wait(timeout=20)
        log.close()


@pytest.fixture
def browser(tmp_path):
    binary = _chromium()
    port = _free_port()
    command = [binary, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
               "--no-first-run", f"--remote-debugging-port={port}", "--remote-debugging-address=127.0.0.1",
               f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1400,2200", "about:blank"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        targets = json.loads(_wait_http(f"http://127.0.0.1:{port}/json/list", 30))
        page = next(t for t in targets if t.get("type") == "page")
        tools = _DevTools(page["webSocketDebuggerUrl"])
        try:
            yield tools
        finally:
            tools.close()
    finally:
        process.terminate()
        process.wait(timeout=20)


def _expected_questions() -> list[str]:
    """What the page should list for the default sample with the page's default settings."""
    from analyzer.models import Options
    from analyzer.pipeline import analyze

    sample = ROOT / "samples" / SAMPLE
    as_of = datetime.date.today().strftime("%Y-%m")
    options = Options(as_of=as_of, stale_years=3.0, question_count=40, perspective="candidate")
    return [q.text for q in analyze(sample, as_of, name=sample.name, options=options).questions]


def _open(browser, server) -> None:
    browser.send("Page.enable")
    browser.send("Network.enable")
    browser.send("DOM.enable")
    browser.send("Emulation.setDeviceMetricsOverride", width=1400, height=2200, deviceScaleFactor=1, mobile=False)
    browser.send("Page.navigate", url=server.url)
    browser.wait_for("document.body && document.body.innerText.includes('never leaves this machine')", 60)


# Seconds for charts to finish drawing once the script is idle (Vega draws after the data arrives).
CHART_SETTLE = 2.0


def _screenshot(browser, path: Path) -> None:
    browser.wait_for(_IDLE, 60)
    time.sleep(CHART_SETTLE)
    shot = browser.send("Page.captureScreenshot", format="png", captureBeyondViewport=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(base64.b64decode(shot["data"]))
    assert path.stat().st_size > 10_000 and path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def _choose_sample(browser, name: str) -> None:
    """Type into the sample picker and press Enter, as a person would."""
    box = _by_text("[data-testid=stSelectbox]", "…or try a bundled sample")
    browser.wait_for(_IDLE, 60)
    browser.click(f"{box}.querySelector('input')")
    browser.send("Input.insertText", text=name.split("_")[0])
    browser.wait_for("!!document.querySelector('[role=option]')", 30)
    for kind in ("keyDown", "keyUp"):
        browser.send("Input.dispatchKeyEvent", type=kind, key="Enter", code="Enter", windowsVirtualKeyCode=13)
    shown = f"({box}.innerText + ' ' + ({box}.querySelector('input') || {{}}).value)"
    browser.wait_for(f"{shown}.includes({json.dumps(name)})", 30)


def _upload(browser, path: Path, *, attempts: int = 3) -> None:
    """Hand the file input a file, as a person picking it would, until the page takes it."""
    taken = f"document.body.innerText.includes({json.dumps(path.name)})"
    for _ in range(attempts):
        # WHY wait for idle: a file given while the script is still drawing the page can be dropped
        # when Streamlit redraws the uploader.
        browser.wait_for(_IDLE, 60)
        browser.wait_for("!!document.querySelector('input[type=file]')", 60)
        document = browser.send("DOM.getDocument")
        node = browser.send("DOM.querySelector", nodeId=document["root"]["nodeId"], selector="input[type=file]")
        browser.send("DOM.setFileInputFiles", files=[str(path)], nodeId=node["nodeId"])
        try:
            browser.wait_for(taken, 20)
            return
        except AssertionError:
            continue
    browser.wait_for(taken, 1)


def test_sample_resume_end_to_end(server, browser, tmp_path):
    from analyzer.export import FORMATS

    expected = _expected_questions()
    _open(browser, server)
    _choose_sample(browser, SAMPLE)
    browser.click_until(_by_text("button", "Analyse sample"), "document.querySelectorAll('[role=tab]').length >= 6")
    tabs = browser.js("[...document.querySelectorAll('[role=tab]')].map(t => t.innerText.trim())")
    # the last download button is drawn last: once it is there, the page is complete
    browser.wait_for(f"document.body.innerText.includes({json.dumps(list(FORMATS.values())[-1].label)})", 60)
    for tab in tabs:
        browser.click_until(_by_text("[role=tab]", tab),
                            f"document.querySelector('[role=tab][aria-selected=true]').innerText.includes({json.dumps(tab)})")
        if tab == "Questions" and expected:
            needle = " ".join(expected[0].split())
            # the page puts an invisible word joiner (U+2060) inside "://" so that no URL is live
            shown = "document.body.innerText.replace(/\\u2060/g, '').replace(/\\s+/g, ' ')"
            browser.wait_for(f"{shown}.includes({json.dumps(needle)})", 60)
        _screenshot(browser, SCREENSHOTS / f"{tab.lower()}.png")
    text = browser.js("document.body.innerText")
    assert "Traceback" not in text
    assert "Deploy" not in text, "no Deploy button (client.toolbarMode)"


def test_uploaded_resume_end_to_end(server, browser, tmp_path):
    """The real file input: Chromium is handed a PDF from tmp_path, as a user picking a file would."""
    from factory import simple_resume

    resume = tmp_path / "upload_resume.pdf"
    resume.write_bytes(simple_resume("# Experience", "* Data Scientist, Acme  2021-01 to present",
                                     "- Built a churn model in Python", name="Ana Núñez"))
    _open(browser, server)
    _upload(browser, resume)
    browser.wait_for("document.body.innerText.includes('Analysed upload_resume.pdf')", 120)
    browser.click_until(_by_text("[role=tab]", "Overview"), "document.body.innerText.includes('Ana Núñez')")
    _screenshot(browser, tmp_path / "upload.png")
    assert "Traceback" not in browser.js("document.body.innerText")


def test_1_and_2_problems_are_shown_in_plain_sight(server, browser, tmp_path):
    """Point 1: a resume with no headings shows its warning; point 2: a refused file shows its
    advice without a click (innerText leaves out anything folded away)."""
    from factory import simple_resume

    from analyzer.errors import AnalyzerError
    from analyzer.extract import read_pdf

    refused = tmp_path / "refused.pdf"
    refused.write_bytes(b"Name: Ana\nSkills: Python\n")
    with pytest.raises(AnalyzerError) as raised:  # the reader refuses it before any analysis
        read_pdf(refused.read_bytes(), name="refused.pdf")
    advice = str(raised.value).split(".")[0]

    _open(browser, server)
    flat = tmp_path / "flat.pdf"
    flat.write_bytes(simple_resume("Data scientist who builds churn models with Python and SQL.",
                                   "Worked at Northwind on forecasting from 2019 to 2022."))
    _upload(browser, flat)
    browser.wait_for("document.body.innerText.includes('No section headings')", 120)
    assert browser.js("!!document.querySelector('[data-testid=stAlertContentWarning]')")

    _upload(browser, refused)
    browser.wait_for(f"document.body.innerText.includes({json.dumps(advice)})", 120)
    assert "Could not analyse refused.pdf" in browser.js("document.body.innerText")
    assert browser.js("!!document.querySelector('[data-testid=stAlertContentError]')")


def _outside_address() -> str | None:
    """This machine's address on its network, if it has one (no packet is sent)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.255.255.255", 1))
            address = probe.getsockname()[0]
        except OSError:
            return None
    return None if address.startswith("127.") else address


def test_12_the_page_stays_on_this_computer(server, browser):
    _open(browser, server)
    browser.click_until(_by_text("button", "Analyse sample"), "document.querySelectorAll('[role=tab]').length >= 6")
    browser.wait_for("document.body.innerText.includes('JSON Resume')", 180)  # the last thing drawn
    browser.wait_for(_IDLE, 180)
    browser.js("1")  # collect the last events
    hosts = {urllib.parse.urlsplit(e["params"]["request"]["url"]).hostname
             for e in browser.events if e.get("method") == "Network.requestWillBeSent"}
    hosts.discard(None)
    assert hosts and hosts <= {"localhost", "127.0.0.1", "::1"}, hosts
    log = server.log.read_text(errors="replace")
    assert "External URL" not in log and "Network URL" not in log
    address = _outside_address()
    if address:
        with pytest.raises(OSError):
            socket.create_connection((address, server.port), timeout=3).close()
