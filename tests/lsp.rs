//! `vnlint lsp` driven by a scripted client over its standard input and output: framed
//! JSON-RPC, every wait bounded.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

const WAIT: Duration = Duration::from_secs(20);

/// A headline numbering the session 24, a body saying 25; an emoji, a combining dot below
/// ("nghi\u{323}"), a real-word slip ("A ninh") and a non-word ("nhfa") on line 2.
const TEXT: &str = "Hội nghị lần thứ 24\n\n😀 Ngày 27-6, Ban Chấp hành đã tổ chức Hội nghi\u{323} lần thứ 25. A ninh chính trị được giữ vững tại nhfa văn hóa.\n";

struct Client {
    child: Child,
    stdin: ChildStdin,
    messages: Receiver<Value>,
    /// Messages read while waiting for another, in order.
    backlog: std::collections::VecDeque<Value>,
    next_id: i64,
    _home: tempfile::TempDir,
    workspace: PathBuf,
}

impl Client {
    fn start(workspace: &Path) -> Client {
        let home = tempfile::tempdir().unwrap();
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("vnlint"))
            .arg("lsp")
            .current_dir(workspace)
            .env("XDG_CACHE_HOME", home.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take().unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let (sender, messages) = channel();
        std::thread::spawn(move || {
            loop {
                let mut length = None;
                loop {
                    let mut line = String::new();
                    if stdout.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(n) = line.strip_prefix("Content-Length: ") {
                        length = n.parse::<usize>().ok();
                    }
                }
                let mut body = vec![0; length.expect("a Content-Length header")];
                if stdout.read_exact(&mut body).is_err() {
                    return;
                }
                let _ = sender.send(serde_json::from_slice(&body).unwrap());
            }
        });
        Client {
            child,
            stdin,
            messages,
            backlog: Default::default(),
            next_id: 0,
            _home: home,
            workspace: workspace.to_path_buf(),
        }
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    /// Sends a request and returns its result, answering nothing else on the way.
    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        let answer = self.wait_for(|m| m["id"] == id && m.get("method").is_none());
        assert!(answer.get("error").is_none(), "{answer}");
        answer["result"].clone()
    }

    /// The next message that `matches`, within the bounded wait.
    fn wait_for(&mut self, matches: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.backlog.iter().position(&matches) {
            return self.backlog.remove(i).unwrap();
        }
        let deadline = Instant::now() + WAIT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let message = self
                .messages
                .recv_timeout(left)
                .expect("the server answered in time");
            if matches(&message) {
                return message;
            }
            self.backlog.push_back(message);
        }
    }

    fn diagnostics(&mut self, uri: &str) -> Value {
        self.wait_for(|m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
        })["params"]
            .clone()
    }

    fn initialize(&mut self, encodings: &[&str]) -> Value {
        let root = format!("file://{}", self.workspace.display());
        let result = self.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": root,
                "capabilities": { "general": { "positionEncodings": encodings } },
            }),
        );
        self.notify("initialized", json!({}));
        result
    }

    fn open(&mut self, name: &str, language: &str, text: &str) -> String {
        let uri = format!("file://{}/{name}", self.workspace.display());
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": {
                "uri": uri, "languageId": language, "version": 1, "text": text,
            }}),
        );
        uri
    }

    /// shutdown, then exit: the server must end with status 0.
    fn shut_down(mut self) {
        assert_eq!(self.request("shutdown", Value::Null), Value::Null);
        self.notify("exit", Value::Null);
        let deadline = Instant::now() + WAIT;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                assert!(status.success(), "{status}");
                return;
            }
            assert!(Instant::now() < deadline, "the server did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A folder that is a repository root, so no configuration above it applies.
fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    dir
}

fn range(l1: u64, c1: u64, l2: u64, c2: u64) -> Value {
    json!({ "start": { "line": l1, "character": c1 }, "end": { "line": l2, "character": c2 } })
}

fn find<'a>(diagnostics: &'a Value, rule: &str) -> &'a Value {
    diagnostics
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == rule)
        .unwrap_or_else(|| panic!("no {rule} in {diagnostics}"))
}

#[test]
fn utf16_session_diagnostics_actions_change_and_shutdown() {
    let dir = workspace();
    let mut client = Client::start(dir.path());
    let init = client.initialize(&["utf-16"]);
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");
    let uri = client.open("thong-cao.txt", "plaintext", TEXT);
    let published = client.diagnostics(&uri);
    assert_eq!(published["version"], 1);
    let diagnostics = &published["diagnostics"];

    // Columns in UTF-16 units: the emoji counts two, the combining mark one.
    let slip = find(diagnostics, "confusion");
    assert_eq!(slip["range"], range(2, 61, 2, 67));
    assert_eq!(slip["severity"], 1);
    assert_eq!(slip["source"], "vnlint");
    let href = slip["codeDescription"]["href"].as_str().unwrap();
    let explanation = href.strip_prefix("file://").unwrap();
    assert!(
        std::fs::read_to_string(explanation)
            .unwrap()
            .starts_with("# confusion")
    );
    assert_eq!(
        find(diagnostics, "unicode-form")["range"],
        range(2, 43, 2, 48)
    );
    assert_eq!(find(diagnostics, "nonword")["range"], range(2, 96, 2, 100));
    let ordinal = find(diagnostics, "ordinal-mismatch");
    assert_eq!(ordinal["range"], range(0, 17, 0, 19));
    let related = &ordinal["relatedInformation"][0];
    assert_eq!(related["location"]["uri"], uri.as_str());
    assert_eq!(related["location"]["range"], range(2, 57, 2, 59));
    assert!(related["message"].as_str().unwrap().contains("25"));

    // Code actions on the slip: its suggestion, ignore here, fix all safe.
    let actions = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": uri },
            "range": range(2, 62, 2, 62),
            "context": { "diagnostics": [slip] },
        }),
    );
    let titled = |part: &str| {
        actions
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["title"].as_str().unwrap().contains(part))
            .unwrap_or_else(|| panic!("no action “{part}” in {actions}"))
            .clone()
    };
    let fix = titled("An ninh");
    assert_eq!(fix["kind"], "quickfix");
    assert_eq!(
        fix["edit"]["changes"][&uri],
        json!([{ "range": range(2, 61, 2, 67), "newText": "An ninh" }])
    );
    let ignore = titled("Bỏ qua confusion");
    assert_eq!(
        ignore["edit"]["changes"][&uri],
        json!([{ "range": range(2, 0, 2, 0), "newText": "vnlint-disable-next-line confusion\n" }])
    );
    // The one safe fix (the decomposed "nghị") as the smallest edit.
    let fix_all = titled("Sửa mọi lỗi chắc chắn");
    assert_eq!(fix_all["kind"], "source.fixAll");
    let edit = &fix_all["edit"]["changes"][&uri][0];
    assert_eq!(edit["range"]["start"]["line"], 2);
    assert!(edit["newText"].as_str().unwrap().contains("ị"));

    // Hover over the slip shows the rule's explanation.
    let hover = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri }, "position": { "line": 2, "character": 63 } }),
    );
    let shown = hover["contents"]["value"].as_str().unwrap();
    assert!(
        shown.contains("**confusion**") && shown.contains("# confusion"),
        "{shown}"
    );

    // An edit fixing the slip: after the debounce the slip is gone, the rest stays.
    client.notify(
        "textDocument/didChange",
        json!({
            "textDocument": { "uri": uri, "version": 2 },
            "contentChanges": [{ "range": range(2, 61, 2, 67), "text": "An ninh" }],
        }),
    );
    let published = client.diagnostics(&uri);
    assert_eq!(published["version"], 2);
    let rules: Vec<&str> = published["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert!(!rules.contains(&"confusion"), "{rules:?}");
    // The non-word after the edit moved one unit right.
    assert_eq!(
        find(&published["diagnostics"], "nonword")["range"],
        range(2, 97, 2, 101)
    );
    client.shut_down();
}

#[test]
fn utf8_is_chosen_when_offered_and_columns_count_bytes() {
    let dir = workspace();
    let mut client = Client::start(dir.path());
    let init = client.initialize(&["utf-8", "utf-16"]);
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-8");
    let uri = client.open("thong-cao.md", "markdown", TEXT);
    let diagnostics = client.diagnostics(&uri)["diagnostics"].clone();
    assert_eq!(
        find(&diagnostics, "confusion")["range"],
        range(2, 80, 2, 86)
    );
    assert_eq!(
        find(&diagnostics, "unicode-form")["range"],
        range(2, 57, 2, 63)
    );
    client.shut_down();
}

#[test]
fn add_to_vocabulary_writes_the_file_and_rechecks() {
    let dir = workspace();
    let mut client = Client::start(dir.path());
    client.initialize(&[]);
    // Any word the rule flags that consults the vocabulary will do.
    let uri = client.open(
        "a.txt",
        "plaintext",
        "Sáng 16/11, tại nhà văn hóa khôngg tổ dân phố số 5 của phường.\n",
    );
    let diagnostics = client.diagnostics(&uri)["diagnostics"].clone();
    let nonword = find(&diagnostics, "nonword").clone();
    let actions = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": uri },
            "range": nonword["range"],
            "context": { "diagnostics": [nonword] },
        }),
    );
    let add = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["command"]["command"] == "vnlint.addToVocabulary")
        .expect("an add-to-vocabulary action")
        .clone();
    client.request("workspace/executeCommand", add["command"].clone());
    let words = std::fs::read_to_string(dir.path().join("tu-dien-rieng.txt")).unwrap();
    assert_eq!(words, "khôngg\n");
    let diagnostics = client.diagnostics(&uri)["diagnostics"].clone();
    assert!(
        diagnostics
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["code"] != "nonword"),
        "{diagnostics}"
    );
    client.shut_down();
}

#[test]
fn a_broken_configuration_is_a_message_and_the_defaults_apply() {
    let dir = workspace();
    std::fs::write(
        dir.path().join("vnlint.toml"),
        "[rules]\nkhong-co = \"off\"\n",
    )
    .unwrap();
    let mut client = Client::start(dir.path());
    client.initialize(&[]);
    let uri = client.open("a.txt", "plaintext", "A ninh được giữ vững.\n");
    let message = client.wait_for(|m| m["method"] == "window/showMessage");
    assert_eq!(message["params"]["type"], 1);
    assert!(
        message["params"]["message"]
            .as_str()
            .unwrap()
            .contains("khong-co")
    );
    let diagnostics = client.diagnostics(&uri)["diagnostics"].clone();
    find(&diagnostics, "confusion");

    // Fixed on disk and saved: the configuration is read again.
    std::fs::write(
        dir.path().join("vnlint.toml"),
        "[rules]\nconfusion = \"off\"\n",
    )
    .unwrap();
    client.notify(
        "textDocument/didSave",
        json!({ "textDocument": { "uri": uri } }),
    );
    let diagnostics = client.diagnostics(&uri)["diagnostics"].clone();
    assert!(
        diagnostics
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["code"] != "confusion"),
        "{diagnostics}"
    );
    client.shut_down();
}
