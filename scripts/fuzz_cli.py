#!/usr/bin/env python3
"""Never crash: feeds the release binary random documents built from pieces that exercise
every reader and rule (plain text, Markdown, HTML, random bytes as .docx and .txt), in
several output formats and with --fix, and reports any exit code outside 0/1/2 or panic.

Usage: python3 scripts/fuzz_cli.py [--bin target/release/vnlint] [--n 400] [--seed 7]
"""
import argparse, os, random, subprocess, tempfile

PIECES = ["Hội nghị lần thứ ", "25", "XXV", "(", ")", "“", "”", '"', "%", " ", "\u00a0", "  ",
          "\n", "\r\n", ".", ",", "/", "-", "12.455,236", "tỷ đồng", "ngày ", "31/6/2024",
          "thứ Hai", "A ninh", "Giải phòng", "Ð", "е", "\u200b", "\u0301", "Gia\u0309i",
          "<!-- vnlint-disable -->", "vnlint-disable-next-line confusion", "# ", "- ", "1. ",
          "`code`", "```\n", "<p>", "</p>", "&amp;", "&#", "<title>", "TiÕng ViÖt", "Tie^'ng",
          "đ", "Nguyễn Văn ", "Hoa", "Hòa", "gồm ", "55 đại biểu, gồm 30 nam và 24 nữ",
          "tổng số 68 chỉ tiêu", "71 chỉ tiêu", "kỷ niệm 70 năm (1954 - 2024)",
          "nhiệm kỳ 2020-2025", "khóa VI", "😀", "\t", "---\ntitle: x\n---\n", "\u3000"]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(here, "..", "target", "release", "vnlint"))
    ap.add_argument("--n", type=int, default=400)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    bad = 0
    with tempfile.TemporaryDirectory() as work:
        def run(cmd):
            r = subprocess.run(cmd, capture_output=True)
            return r.returncode not in (0, 1, 2) or b"panicked" in r.stderr, r
        for n in range(args.n):
            text = "".join(rnd.choice(PIECES) for _ in range(rnd.randint(0, 80)))
            path = os.path.join(work, f"f{n}{rnd.choice(['.txt', '.md', '.html'])}")
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            for cmd in ([args.bin, "check", "--format", fmt, "--color", "never", path]
                        for fmt in ("json", "human", "sarif")):
                failed, r = run(cmd)
                if failed:
                    bad += 1
                    print("CRASH", path, cmd[3], r.returncode, r.stderr[:400])
                    break
            failed, r = run([args.bin, "check", "--fix", "--unsafe-fixes", path])
            if failed:
                bad += 1
                print("CRASH --fix", path, r.returncode, r.stderr[:400])
        for n in range(args.n // 4):
            data = bytes(rnd.randrange(256) for _ in range(rnd.randint(0, 300)))
            path = os.path.join(work, f"r{n}{rnd.choice(['.txt', '.docx', '.md', '.html'])}")
            with open(path, "wb") as f:
                f.write(data)
            failed, r = run([args.bin, "check", path])
            if failed:
                bad += 1
                print("CRASH raw", path, r.returncode, r.stderr[:400])
    print(f"{bad} crashes in {args.n + args.n // 4} documents")
    raise SystemExit(1 if bad else 0)


if __name__ == "__main__":
    main()
