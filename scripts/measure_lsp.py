#!/usr/bin/env python3
"""How fast `vnlint lsp` answers: didOpen -> publishDiagnostics, and didChange ->
publishDiagnostics (this one includes the server's 150 ms debounce), median of several runs.

Documents: the reference release (../shared/seed), and 20- and 100-page documents made by
repeating its body paragraphs (a page = 500 words). Nothing is written to the repository.

    cargo build --release && python3 scripts/measure_lsp.py [--binary target/release/vnlint]
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import queue
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = os.path.join(ROOT, "..", "shared", "seed", "cau-giay-press-release.txt")
WORDS_PER_PAGE = 500
RUNS = 7


def pages(seed, n):
    """The seed's first lines (headline, date), then its body paragraphs over and over."""
    paragraphs = seed.split("\n\n")
    head, body = paragraphs[:3], paragraphs[3:]
    out = list(head)
    words = sum(len(p.split()) for p in out)
    i = 0
    while words < n * WORDS_PER_PAGE:
        out.append(body[i % len(body)])
        words += len(body[i % len(body)].split())
        i += 1
    return "\n\n".join(out) + "\n"


class Server:
    def __init__(self, binary, workspace):
        self.process = subprocess.Popen([binary, "lsp"], cwd=workspace, stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE)
        self.messages = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self.read, daemon=True).start()

    def read(self):
        out = self.process.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    return
                line = line.strip()
                if not line:
                    break
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            self.messages.put((time.perf_counter(), json.loads(out.read(length))))

    def send(self, message):
        body = json.dumps(message).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def wait(self, matches):
        while True:
            at, message = self.messages.get(timeout=120)
            if matches(message):
                return at, message

    def request(self, method, params):
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        return self.wait(lambda m: m.get("id") == self.next_id and "method" not in m)[1]

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def published(self, uri, version):
        return self.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                         and m["params"]["uri"] == uri and m["params"].get("version") == version)


def measure(binary, text, workspace):
    server = Server(binary, workspace)
    server.request("initialize", {"processId": None, "rootUri": f"file://{workspace}",
                                  "capabilities": {}})
    server.notify("initialized", {})
    opened, changed, found = [], [], 0
    lines = text.split("\n")
    end = {"line": len(lines) - 1, "character": len(lines[-1])}
    for run in range(RUNS):
        uri = f"file://{workspace}/doc-{run}.txt"
        start = time.perf_counter()
        server.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "plaintext", "version": 1, "text": text}})
        at, message = server.published(uri, 1)
        opened.append((at - start) * 1000)
        found = len(message["params"]["diagnostics"])
        start = time.perf_counter()
        server.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": 2},
            "contentChanges": [{"range": {"start": end, "end": end}, "text": "x"}]})
        at, _ = server.published(uri, 2)
        changed.append((at - start) * 1000)
        server.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    server.request("shutdown", None)
    server.notify("exit", None)
    server.process.wait(timeout=30)
    return found, statistics.median(opened), min(opened), statistics.median(changed)


def main():
    parser = argparse.ArgumentParser()
    default = os.path.join(ROOT, "target", "release", "vnlint")
    parser.add_argument("--binary", default=default)
    args = parser.parse_args()
    if not os.path.isfile(SEED):
        sys.exit(f"measure_lsp: the reference release is missing: {SEED}")
    with open(SEED, encoding="utf-8") as f:
        seed = f.read()
    documents = [("reference release", seed), ("20 pages", pages(seed, 20)),
                 ("100 pages", pages(seed, 100))]
    print(f"binary: {args.binary}; median of {RUNS} runs; change includes the 150 ms debounce")
    print(f"{'document':18} {'bytes':>9} {'words':>7} {'findings':>8} "
          f"{'open ms':>8} {'(min)':>7} {'change ms':>9}")
    with tempfile.TemporaryDirectory() as workspace:
        os.mkdir(os.path.join(workspace, ".git"))
        for name, text in documents:
            found, median_open, min_open, median_change = measure(args.binary, text, workspace)
            print(f"{name:18} {len(text.encode()):9} {len(text.split()):7} {found:8} "
                  f"{median_open:8.1f} {min_open:7.1f} {median_change:9.1f}")


if __name__ == "__main__":
    main()
