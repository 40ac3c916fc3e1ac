#!/usr/bin/env python3
"""`vnlint serve` in headless Chromium (Debian's `chromium` and `chromium-driver`), driven
over the WebDriver protocol with the standard library only.

Pastes the reference press release, expects its five errors highlighted, applies a fix,
downloads the corrected text, uploads a .docx made here, and saves a screenshot to
docs/serve.png (or to $VNLINT_SCREENSHOT). Every wait is bounded; the server and the
driver are stopped on exit.
"""

import base64
import io
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = os.path.join(ROOT, "..", "shared", "seed", "cau-giay-press-release.txt")
SCREENSHOT = os.environ.get("VNLINT_SCREENSHOT") or os.path.join(ROOT, "docs", "serve.png")
WAIT = 20  # seconds, for anything the page does


def fail(message):
    print(f"test_web_chromium: FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class WebDriver:
    """The few WebDriver commands the test needs."""

    def __init__(self, port):
        self.base = f"http://127.0.0.1:{port}"
        self.session = None

    def call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            self.base + path, data=data, method=method,
            headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return json.load(response)["value"]
        except urllib.error.HTTPError as e:
            fail(f"WebDriver {method} {path}: {e.read().decode(errors='replace')[:500]}")

    def start(self, downloads):
        options = {
            "binary": shutil.which("chromium") or "/usr/bin/chromium",
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu",
                     "--disable-dev-shm-usage", "--window-size=1400,1000", "--lang=vi"],
            "prefs": {"download.default_directory": downloads,
                      "download.prompt_for_download": False},
        }
        value = self.call("POST", "/session", {"capabilities": {"alwaysMatch": {
            "browserName": "chrome", "goog:chromeOptions": options}}})
        self.session = value["sessionId"]

    def s(self, path):
        return f"/session/{self.session}{path}"

    def go(self, url):
        self.call("POST", self.s("/url"), {"url": url})

    def run(self, script, *args):
        return self.call("POST", self.s("/execute/sync"), {"script": script, "args": list(args)})

    def find(self, css):
        value = self.call("POST", self.s("/element"), {"using": "css selector", "value": css})
        return next(iter(value.values()))

    def click(self, css):
        self.call("POST", self.s(f"/element/{self.find(css)}/click"), {})

    def type_into(self, css, text):
        self.call("POST", self.s(f"/element/{self.find(css)}/value"), {"text": text})

    def screenshot(self, path):
        png = base64.b64decode(self.call("GET", self.s("/screenshot")))
        with open(path, "wb") as f:
            f.write(png)

    def wait_until(self, script, what, *args):
        deadline = time.time() + WAIT
        while time.time() < deadline:
            value = self.run(script, *args)
            if value:
                return value
            time.sleep(0.2)
        status = self.run("return document.getElementById('status').textContent")
        fail(f"{what} (page status: {status!r})")

    def quit(self):
        if self.session:
            try:
                self.call("DELETE", self.s(""))
            except SystemExit:
                pass


def wait_for_driver(port, driver_process):
    deadline = time.time() + WAIT
    while time.time() < deadline:
        if driver_process.poll() is not None:
            fail("chromedriver exited at start")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/status", timeout=2) as r:
                if json.load(r)["value"].get("ready"):
                    return
        except OSError:
            pass
        time.sleep(0.2)
    fail("chromedriver did not become ready")


def make_docx(path, paragraphs):
    """A minimal Word document: one w:p per paragraph."""
    body = "".join(
        f'<w:p><w:r><w:t xml:space="preserve">{p}</w:t></w:r></w:p>' for p in paragraphs)
    xml = ('<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w='
           '"http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           f"<w:body>{body}</w:body></w:document>")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.'
                   'openxmlformats.org/package/2006/content-types"><Default Extension="xml" '
                   'ContentType="application/xml"/><Override PartName="/word/document.xml" '
                   'ContentType="application/vnd.openxmlformats-officedocument.'
                   'wordprocessingml.document.main+xml"/></Types>')
        z.writestr("word/document.xml", xml)
    with open(path, "wb") as f:
        f.write(buffer.getvalue())


ERRORS = "document.querySelectorAll('.finding.sev-error').length"
HIGHLIGHTED = ("return new Set([...document.querySelectorAll('mark.sev-error')]"
               ".flatMap(m => m.dataset.findings.split(' '))).size")


def main():
    for tool in ("chromium", "chromedriver"):
        if not shutil.which(tool):
            fail(f"{tool} is missing (apt-get install chromium chromium-driver)")
    if not os.path.isfile(SEED):
        fail(f"the reference release is missing: {SEED}")
    subprocess.run(["cargo", "build", "--locked", "--quiet"], cwd=ROOT, check=True)
    vnlint = os.path.join(ROOT, "target", "debug", "vnlint")
    work = tempfile.mkdtemp()
    os.mkdir(os.path.join(work, ".git"))  # no vnlint.toml above applies
    downloads = os.path.join(work, "downloads")
    os.mkdir(downloads)
    server = driver_process = None
    browser = None
    try:
        server = subprocess.Popen([vnlint, "serve", "--port", "0"], cwd=work,
                                  stdout=subprocess.PIPE, text=True)
        line = server.stdout.readline().strip()
        if not line.startswith("vnlint serve: http://127.0.0.1:"):
            fail(f"the server did not say where it listens: {line!r}")
        url = line.split(" ", 2)[2]
        port = free_port()
        driver_process = subprocess.Popen(["chromedriver", f"--port={port}"],
                                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for_driver(port, driver_process)
        browser = WebDriver(port)
        browser.start(downloads)
        browser.go(url)
        browser.wait_until("return document.getElementById('source') !== null", "page loaded")

        # Paste: the text lands in the box and an input event follows, as a paste does.
        with open(SEED, encoding="utf-8") as f:
            seed = f.read()
        browser.run("const box = document.getElementById('source'); box.value = arguments[0];"
                    "box.dispatchEvent(new Event('input', {bubbles: true}));", seed)
        browser.wait_until(f"return {ERRORS} === 5", "five error findings listed")
        highlighted = browser.run(HIGHLIGHTED)
        if highlighted != 5:
            fail(f"{highlighted} errors highlighted in the text, expected 5")
        rules = browser.run("return [...document.querySelectorAll('.finding.sev-error')]"
                            ".map(c => c.dataset.rule)")
        print(f"five errors highlighted: {', '.join(rules)}")

        # The evidence: a related place is a link that jumps to a mark in the text.
        browser.click(".finding.sev-error .related-link")
        browser.wait_until("return document.querySelector('mark.flash') !== null",
                           "a related place flashes after its link is clicked")
        browser.click(".finding.sev-error button.explain")
        browser.wait_until("return document.querySelector('.explanation h3') !== null",
                           "the explanation shown")
        browser.run("window.scrollTo(0, 0); document.getElementById('findings').scrollTop = 0;"
                    "document.getElementById('document').scrollTop = 0")
        time.sleep(1.6)  # the flash fades
        browser.screenshot(SCREENSHOT)
        print(f"screenshot: {SCREENSHOT}")

        # One fix with one click: "A ninh" becomes "An ninh", one error fewer.
        browser.click(".finding[data-rule='confusion'] button.fix")
        browser.wait_until(f"return document.getElementById('source').value.includes('An ninh')"
                           f" && {ERRORS} === 4", "the fix applied and the text checked again")
        print("fix applied: 4 errors left")

        # Download the corrected text.
        browser.click("#download")
        target = os.path.join(downloads, "van-ban.txt")
        deadline = time.time() + WAIT
        while not os.path.isfile(target) and time.time() < deadline:
            time.sleep(0.2)
        if not os.path.isfile(target):
            fail(f"no download in {downloads}: {os.listdir(downloads)}")
        time.sleep(0.5)
        with open(target, encoding="utf-8") as f:
            downloaded = f.read()
        expected = browser.run("return document.getElementById('source').value")
        if downloaded != expected or "An ninh chính trị" not in downloaded:
            fail("the downloaded text is not the corrected text")
        print(f"downloaded {len(downloaded.encode())} bytes of corrected text")

        # The English switch: the interface and the messages change language.
        browser.click("#lang-en")
        browser.wait_until("return document.getElementById('status').textContent"
                           ".startsWith('4 errors') && document.querySelector("
                           "\".finding[data-rule='percent-mismatch'] .message\")"
                           ".textContent.includes('not')", "the page in English")
        browser.click("#lang-vi")
        browser.wait_until("return document.getElementById('status').textContent"
                           ".startsWith('4 lỗi')", "the page back in Vietnamese")
        print("language switch: English and back")

        # A Word document: its findings by paragraph, nothing to fix or download.
        docx = os.path.join(work, "thong-cao.docx")
        make_docx(docx, ["Hội nghị lần thứ 24", "Quận ủy tổ chức Hội nghị lần thứ 24.",
                         "A ninh chính trị được giữ vững."])
        browser.type_into("#upload", docx)
        browser.wait_until("return [...document.querySelectorAll('.paragraph-group')]"
                           ".some(g => g.querySelector('h3').textContent === 'Đoạn 3'"
                           " && g.querySelector(\".finding[data-rule='confusion']\"))",
                           "the .docx finding listed under its paragraph")
        if not browser.run("return document.getElementById('download').disabled"):
            fail("a .docx must not be offered for download")
        print("docx: findings listed by paragraph")
    finally:
        if browser:
            browser.quit()
        for process in (driver_process, server):
            if process and process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
        shutil.rmtree(work, ignore_errors=True)
    print("test_web_chromium: ok")


if __name__ == "__main__":
    main()
