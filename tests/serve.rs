//! `vnlint serve` on an ephemeral loopback port, spoken to over raw HTTP/1.1.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::Value;

const TEXT: &str = "# Hội nghị lần thứ 24\n\nNgày 27-6, Ban Chấp hành đã tổ chức Hội nghị lần thứ 25. A ninh chính trị, quốc phòng  và an toàn xã hội được giữ vững 😀.\n";

struct Server {
    child: Child,
    port: u16,
    dir: tempfile::TempDir,
}

impl Server {
    fn start(extra: &[&str]) -> Server {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join(".git")).unwrap();
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("vnlint"))
            .args(["serve", "--port", "0"])
            .args(extra)
            .current_dir(dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let port = line
            .trim()
            .strip_prefix("vnlint serve: http://127.0.0.1:")
            .and_then(|rest| rest.strip_suffix('/'))
            .unwrap_or_else(|| panic!("no address in {line:?}"))
            .parse()
            .unwrap();
        Server { child, port, dir }
    }

    /// One request; the status and the body.
    fn http(&self, method: &str, path: &str, body: &[u8]) -> (u16, Vec<u8>) {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .unwrap();
        write!(
            stream,
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            body.len()
        )
        .unwrap();
        // A body refused early may close the connection before it is all sent.
        let _ = stream.write_all(body);
        let mut answer = Vec::new();
        let _ = stream.read_to_end(&mut answer);
        let split = answer
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("a complete response");
        let head = String::from_utf8_lossy(&answer[..split]).to_string();
        assert!(
            !head
                .to_ascii_lowercase()
                .contains("transfer-encoding: chunked"),
            "{head}"
        );
        let status = head[9..12].parse().unwrap();
        (status, answer[split + 4..].to_vec())
    }

    fn json(&self, method: &str, path: &str, body: &[u8]) -> (u16, Value) {
        let (status, body) = self.http(method, path, body);
        (status, serde_json::from_slice(&body).unwrap())
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// What `vnlint check --format json` prints for the same bytes, in the same folder.
fn cli_json(dir: &std::path::Path, name: &str, bytes: &[u8], lang: &str) -> Vec<u8> {
    let output = assert_cmd::Command::cargo_bin("vnlint")
        .unwrap()
        .current_dir(dir)
        .args([
            "--lang",
            lang,
            "check",
            "--format",
            "json",
            "--stdin-filename",
            name,
            "-",
        ])
        .write_stdin(bytes)
        .output()
        .unwrap();
    output.stdout
}

#[test]
fn api_check_answers_what_format_json_prints() {
    let server = Server::start(&[]);
    for (name, lang) in [("bai-viet.md", "vi"), ("bai-viet.txt", "en")] {
        let (status, body) = server.http(
            "POST",
            &format!("/api/check?name={name}&lang={lang}"),
            TEXT.as_bytes(),
        );
        assert_eq!(status, 200);
        let expected = cli_json(server.dir.path(), name, TEXT.as_bytes(), lang);
        assert_eq!(
            String::from_utf8(body).unwrap(),
            String::from_utf8(expected).unwrap()
        );
    }
    // Several at once.
    let port = server.port;
    let threads: Vec<_> = (0..6)
        .map(|_| {
            std::thread::spawn(move || {
                let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
                write!(
                    stream,
                    "POST /api/check?name=a.md HTTP/1.1\r\nHost: x\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{TEXT}",
                    TEXT.len()
                )
                .unwrap();
                let mut answer = String::new();
                stream.read_to_string(&mut answer).unwrap();
                answer
            })
        })
        .collect();
    for t in threads {
        let answer = t.join().unwrap();
        assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
        assert!(answer.contains("\"rule\": \"confusion\""));
    }
}

#[test]
fn bad_requests_get_a_json_error() {
    let server = Server::start(&["--max-size", "1000"]);
    let (status, body) = server.json("POST", "/api/check?name=a.txt&lang=fr", b"x");
    assert_eq!(status, 400);
    assert!(body["error"].as_str().unwrap().contains("fr"));
    let (status, body) = server.json("POST", "/api/check?name=a.txt", b"ab\xffcd");
    assert_eq!(status, 422);
    assert!(body["error"].as_str().unwrap().contains('2'), "{body}");
    let (status, body) = server.json("POST", "/api/check?name=a.docx", b"not a zip");
    assert_eq!(status, 422);
    assert!(body["error"].is_string());
    let (status, body) = server.json("POST", "/api/fix?name=a.docx", b"PK");
    assert_eq!(status, 400);
    assert!(body["error"].as_str().unwrap().contains("Word"));
    // Past the size limit: 413 and a message naming the limit.
    let big = "Hội nghị. ".repeat(200);
    let (status, body) = server.json("POST", "/api/check?name=a.txt", big.as_bytes());
    assert_eq!(status, 413);
    assert!(body["error"].as_str().unwrap().contains("1000"), "{body}");
    let (status, body) = server.json("GET", "/api/explain/khong-co", b"");
    assert_eq!(status, 404);
    assert!(body["error"].is_string());
}

#[test]
fn page_fix_and_explain() {
    let server = Server::start(&[]);
    let (status, page) = server.http("GET", "/", b"");
    assert_eq!(status, 200);
    let page = String::from_utf8(page).unwrap();
    assert!(page.contains("<script src=\"/page.js\""));
    assert!(!page.contains("http"), "no outside resource");
    let (status, script) = server.http("GET", "/page.js", b"");
    assert_eq!(status, 200);
    assert!(String::from_utf8(script).unwrap().contains("/api/check"));

    let (status, fixed) = server.json("POST", "/api/fix?name=a.md", TEXT.as_bytes());
    assert_eq!(status, 200);
    assert_eq!(fixed["applied"], 1);
    assert_eq!(
        fixed["text"],
        TEXT.replace("quốc phòng  và", "quốc phòng và").as_str()
    );
    let (status, explained) = server.json("GET", "/api/explain/confusion?lang=en", b"");
    assert_eq!(status, 200);
    assert!(
        explained["markdown"]
            .as_str()
            .unwrap()
            .starts_with("# confusion")
    );
}
