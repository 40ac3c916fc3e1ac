//! `vnlint lsp`: a language server over standard input and output (LSP 3.17).
//!
//! Diagnostics on open (at once) and on change (debounced), code actions, hover with the
//! rule's explanation. The workspace's `vnlint.toml` and the files it names are reloaded
//! when they change; a broken configuration is shown as a message and the defaults apply.

mod actions;
mod configs;
mod position;
mod vocabulary;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

use lsp_server::{Connection, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{self as notif, Notification as _};
use lsp_types::request::{self as req, Request as _};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionProviderCapability, CodeDescription,
    DiagnosticRelatedInformation, DiagnosticSeverity, ExecuteCommandOptions, Hover, HoverContents,
    HoverProviderCapability, InitializeParams, Location, MarkupContent, MarkupKind, MessageType,
    NumberOrString, PublishDiagnosticsParams, SaveOptions, ServerCapabilities, ServerInfo,
    ShowMessageParams, TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions, Uri,
};

use vnlint::{Config, FileReport, Format, Lang, Severity};

use configs::Configs;
use position::{Encoding, LineMap};

/// How long after the last edit a document is checked again.
const DEBOUNCE: Duration = Duration::from_millis(150);

/// The command behind "add to vocabulary": arguments `[uri, word]`.
pub const ADD_TO_VOCABULARY: &str = "vnlint.addToVocabulary";

/// Runs the server until the client says `exit`.
pub fn run(lang: Lang) -> ExitCode {
    let (connection, io_threads) = Connection::stdio();
    let result = serve(&connection, lang);
    drop(connection);
    let joined = io_threads.join();
    match result.and_then(|()| joined.map_err(|e| e.to_string())) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("vnlint lsp: {e}");
            ExitCode::from(2)
        }
    }
}

fn serve(connection: &Connection, lang: Lang) -> Result<(), String> {
    let (id, params) = connection.initialize_start().map_err(|e| e.to_string())?;
    let params: InitializeParams = serde_json::from_value(params).map_err(|e| e.to_string())?;
    let encoding = Encoding::negotiate(
        params
            .capabilities
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_deref()),
    );
    let lang = params
        .initialization_options
        .as_ref()
        .and_then(|o| o.get("lang"))
        .and_then(|l| l.as_str())
        .map_or(lang, |l| if l == "en" { Lang::En } else { Lang::Vi });
    let capabilities = ServerCapabilities {
        position_encoding: Some(encoding.kind()),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                    include_text: Some(false),
                })),
                ..Default::default()
            },
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![
                CodeActionKind::QUICKFIX,
                CodeActionKind::SOURCE_FIX_ALL,
            ]),
            ..Default::default()
        })),
        execute_command_provider: Some(ExecuteCommandOptions {
            commands: vec![ADD_TO_VOCABULARY.to_string()],
            ..Default::default()
        }),
        ..Default::default()
    };
    let result = serde_json::json!({
        "capabilities": capabilities,
        "serverInfo": ServerInfo {
            name: "vnlint".to_string(),
            version: Some(env!("CARGO_PKG_VERSION").to_string()),
        },
    });
    connection
        .initialize_finish(id, result)
        .map_err(|e| e.to_string())?;

    let root = workspace_root(&params);
    let watch = params
        .capabilities
        .workspace
        .as_ref()
        .and_then(|w| w.did_change_watched_files.as_ref())
        .and_then(|d| d.dynamic_registration)
        .unwrap_or(false);
    let mut server = Server {
        connection,
        encoding,
        lang,
        configs: Configs::new(root.clone()),
        root,
        documents: HashMap::new(),
        due: HashMap::new(),
        explanations: write_explanations(lang),
        next_request: 0,
    };
    if watch {
        server.register_watchers();
    }
    server.main_loop()
}

/// The first workspace folder, else the root URI, else the current folder.
fn workspace_root(params: &InitializeParams) -> PathBuf {
    let from_folders = params
        .workspace_folders
        .as_ref()
        .and_then(|f| f.first())
        .and_then(|f| file_path(&f.uri));
    #[allow(deprecated)]
    let from_root = params.root_uri.as_ref().and_then(file_path);
    from_folders
        .or(from_root)
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_default()
}

/// The path of a `file:` URI.
pub fn file_path(uri: &Uri) -> Option<PathBuf> {
    if uri.scheme().map(|s| s.as_str()) != Some("file") {
        return None;
    }
    let path = uri.path().as_estr().decode().into_string().ok()?;
    Some(PathBuf::from(path.into_owned()))
}

/// A `file:` URI for an absolute path (bytes outside the unreserved set percent-encoded).
pub fn file_uri(path: &Path) -> Option<Uri> {
    let mut out = String::from("file://");
    for &b in path.to_str()?.as_bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out.parse().ok()
}

/// An open document: its text as the client holds it.
struct OpenDocument {
    text: String,
    version: i32,
    format: Format,
    path: Option<PathBuf>,
    /// The findings on `text`; `None` while an edit waits for its check.
    report: Option<FileReport>,
    config: Option<Arc<Config>>,
}

impl OpenDocument {
    /// The name spans and overrides are reported under: the path, else the URI.
    fn name(&self, uri: &Uri) -> String {
        self.path
            .as_ref()
            .map_or_else(|| uri.as_str().to_string(), |p| p.display().to_string())
    }
}

struct Server<'a> {
    connection: &'a Connection,
    encoding: Encoding,
    lang: Lang,
    root: PathBuf,
    configs: Configs,
    documents: HashMap<Uri, OpenDocument>,
    /// Documents edited, and when their debounced check is due.
    due: HashMap<Uri, Instant>,
    /// Where each rule's explanation was written (`codeDescription` links to it).
    explanations: Option<PathBuf>,
    next_request: i32,
}

impl Server<'_> {
    fn main_loop(&mut self) -> Result<(), String> {
        loop {
            let next = match self.due.values().min() {
                Some(&at) => {
                    let wait = at.saturating_duration_since(Instant::now());
                    match self.connection.receiver.recv_timeout(wait) {
                        Ok(m) => Some(m),
                        Err(e) if e.is_timeout() => None,
                        Err(_) => return Ok(()),
                    }
                }
                None => match self.connection.receiver.recv() {
                    Ok(m) => Some(m),
                    Err(_) => return Ok(()),
                },
            };
            match next {
                None => self.check_due(),
                Some(Message::Request(request)) => {
                    if self
                        .connection
                        .handle_shutdown(&request)
                        .map_err(|e| e.to_string())?
                    {
                        return Ok(());
                    }
                    self.request(request);
                }
                Some(Message::Notification(n)) => self.notification(n),
                // Answers to our own requests (watcher registration) need no action.
                Some(Message::Response(_)) => {}
            }
        }
    }

    fn send(&self, message: impl Into<Message>) {
        let _ = self.connection.sender.send(message.into());
    }

    fn notify<N: notif::Notification>(&self, params: N::Params) {
        self.send(Notification::new(N::METHOD.to_string(), params));
    }

    fn show_message(&self, typ: MessageType, message: String) {
        self.notify::<notif::ShowMessage>(ShowMessageParams { typ, message });
    }

    /// Asks the client to tell us when configuration files change.
    fn register_watchers(&mut self) {
        let watchers: Vec<_> = ["**/vnlint.toml", "**/.vnlint.toml", "**/*.txt", "**/*.toml"]
            .iter()
            .map(|glob| serde_json::json!({ "globPattern": glob }))
            .collect();
        let params = serde_json::json!({
            "registrations": [{
                "id": "vnlint-config-files",
                "method": notif::DidChangeWatchedFiles::METHOD,
                "registerOptions": { "watchers": watchers },
            }]
        });
        self.next_request += 1;
        self.send(Request::new(
            RequestId::from(format!("vnlint-{}", self.next_request)),
            req::RegisterCapability::METHOD.to_string(),
            params,
        ));
    }

    fn notification(&mut self, n: Notification) {
        match n.method.as_str() {
            notif::DidOpenTextDocument::METHOD => {
                let Ok(p) = n.extract::<lsp_types::DidOpenTextDocumentParams>(
                    notif::DidOpenTextDocument::METHOD,
                ) else {
                    return;
                };
                let doc = p.text_document;
                let path = file_path(&doc.uri);
                let format = document_format(path.as_deref(), &doc.language_id);
                if format == Format::Docx {
                    return;
                }
                self.documents.insert(
                    doc.uri.clone(),
                    OpenDocument {
                        text: doc.text,
                        version: doc.version,
                        format,
                        path,
                        report: None,
                        config: None,
                    },
                );
                self.check(&doc.uri);
            }
            notif::DidChangeTextDocument::METHOD => {
                let Ok(p) = n.extract::<lsp_types::DidChangeTextDocumentParams>(
                    notif::DidChangeTextDocument::METHOD,
                ) else {
                    return;
                };
                let uri = p.text_document.uri;
                let encoding = self.encoding;
                let Some(doc) = self.documents.get_mut(&uri) else {
                    return;
                };
                for change in p.content_changes {
                    match change.range {
                        Some(range) => {
                            let span = LineMap::new(&doc.text, encoding).span(range);
                            doc.text.replace_range(span, &change.text);
                        }
                        None => doc.text = change.text,
                    }
                }
                doc.version = p.text_document.version;
                doc.report = None;
                self.due.insert(uri, Instant::now() + DEBOUNCE);
            }
            notif::DidCloseTextDocument::METHOD => {
                let Ok(p) = n.extract::<lsp_types::DidCloseTextDocumentParams>(
                    notif::DidCloseTextDocument::METHOD,
                ) else {
                    return;
                };
                let uri = p.text_document.uri;
                self.documents.remove(&uri);
                self.due.remove(&uri);
                self.publish(uri, Vec::new(), None);
            }
            notif::DidSaveTextDocument::METHOD => self.reload_if_changed(false),
            notif::DidChangeWatchedFiles::METHOD => {
                let Ok(p) = n.extract::<lsp_types::DidChangeWatchedFilesParams>(
                    notif::DidChangeWatchedFiles::METHOD,
                ) else {
                    return;
                };
                // A configuration file created or deleted changes which one applies.
                let config_touched = p.changes.iter().any(|c| {
                    file_path(&c.uri).is_some_and(|path| {
                        path.file_name()
                            .is_some_and(|n| n == "vnlint.toml" || n == ".vnlint.toml")
                    })
                });
                self.reload_if_changed(config_touched);
            }
            _ => {}
        }
    }

    fn request(&mut self, request: Request) {
        let id = request.id.clone();
        let response = match request.method.as_str() {
            req::CodeActionRequest::METHOD => request
                .extract::<lsp_types::CodeActionParams>(req::CodeActionRequest::METHOD)
                .map_err(|e| format!("{e:?}"))
                .map(|(_, p)| {
                    self.flush(&p.text_document.uri);
                    serde_json::to_value(self.code_actions(&p)).unwrap_or_default()
                }),
            req::HoverRequest::METHOD => request
                .extract::<lsp_types::HoverParams>(req::HoverRequest::METHOD)
                .map_err(|e| format!("{e:?}"))
                .map(|(_, p)| {
                    let uri = p.text_document_position_params.text_document.uri;
                    self.flush(&uri);
                    serde_json::to_value(self.hover(&uri, p.text_document_position_params.position))
                        .unwrap_or_default()
                }),
            req::ExecuteCommand::METHOD => request
                .extract::<lsp_types::ExecuteCommandParams>(req::ExecuteCommand::METHOD)
                .map_err(|e| format!("{e:?}"))
                .and_then(|(_, p)| self.execute(&p).map(|()| serde_json::Value::Null)),
            _ => {
                self.send(Response::new_err(
                    id,
                    lsp_server::ErrorCode::MethodNotFound as i32,
                    format!("vnlint: unsupported request {}", request.method),
                ));
                return;
            }
        };
        self.send(match response {
            Ok(value) => Response::new_ok(id, value),
            Err(message) => {
                Response::new_err(id, lsp_server::ErrorCode::InvalidParams as i32, message)
            }
        });
    }

    /// Checks the documents whose debounce has run out.
    fn check_due(&mut self) {
        let now = Instant::now();
        let ready: Vec<Uri> = self
            .due
            .iter()
            .filter(|(_, at)| **at <= now)
            .map(|(u, _)| u.clone())
            .collect();
        for uri in ready {
            self.check(&uri);
        }
    }

    /// Checks a document now if an edit is waiting (before answering about it).
    fn flush(&mut self, uri: &Uri) {
        if self.documents.get(uri).is_some_and(|d| d.report.is_none()) {
            self.check(uri);
        }
    }

    /// Reloads the configuration if its files changed (or `force`), then checks every open
    /// document again.
    fn reload_if_changed(&mut self, force: bool) {
        if force || self.configs.stale() {
            self.configs = Configs::new(self.root.clone());
            let uris: Vec<Uri> = self.documents.keys().cloned().collect();
            for uri in uris {
                self.check(&uri);
            }
        }
    }

    /// Lints a document and publishes its diagnostics.
    fn check(&mut self, uri: &Uri) {
        self.due.remove(uri);
        if self.configs.stale() {
            self.configs = Configs::new(self.root.clone());
        }
        let Some(doc) = self.documents.get(uri) else {
            return;
        };
        let (config, problem) = self.configs.config_for(doc.path.as_deref());
        if let Some(message) = problem {
            let text = match self.lang {
                Lang::Vi => format!("vnlint: cấu hình lỗi, dùng cấu hình mặc định: {message}"),
                Lang::En => format!("vnlint: broken configuration, using the defaults: {message}"),
            };
            self.show_message(MessageType::ERROR, text);
        }
        let name = doc.name(uri);
        let result = vnlint::lint_bytes(&name, doc.text.as_bytes(), doc.format, &config);
        let version = doc.version;
        match result {
            Ok(report) => {
                let diagnostics = self.to_lsp(uri, &report);
                if let Some(doc) = self.documents.get_mut(uri) {
                    doc.report = Some(report);
                    doc.config = Some(config);
                }
                self.publish(uri.clone(), diagnostics, Some(version));
            }
            Err(e) => {
                // Said in the log, not in a pop-up: it would come back at every edit.
                self.notify::<notif::LogMessage>(lsp_types::LogMessageParams {
                    typ: MessageType::WARNING,
                    message: format!("vnlint: {}", e.message(self.lang)),
                });
                self.publish(uri.clone(), Vec::new(), Some(version));
            }
        }
    }

    fn publish(&self, uri: Uri, diagnostics: Vec<lsp_types::Diagnostic>, version: Option<i32>) {
        self.notify::<notif::PublishDiagnostics>(PublishDiagnosticsParams {
            uri,
            diagnostics,
            version,
        });
    }

    /// The LSP diagnostics of a report.
    fn to_lsp(&self, uri: &Uri, report: &FileReport) -> Vec<lsp_types::Diagnostic> {
        let map = LineMap::new(&report.source, self.encoding);
        report
            .diagnostics
            .iter()
            .map(|d| self.diagnostic(uri, &map, d))
            .collect()
    }

    fn diagnostic(
        &self,
        uri: &Uri,
        map: &LineMap<'_>,
        d: &vnlint::Diagnostic,
    ) -> lsp_types::Diagnostic {
        let related = d
            .related
            .iter()
            .map(|r| DiagnosticRelatedInformation {
                location: Location::new(uri.clone(), map.range(&r.span)),
                message: r.message.get(self.lang).to_string(),
            })
            .collect::<Vec<_>>();
        lsp_types::Diagnostic {
            range: map.range(&d.span),
            severity: Some(match d.severity {
                Severity::Error => DiagnosticSeverity::ERROR,
                Severity::Warning => DiagnosticSeverity::WARNING,
                Severity::Info => DiagnosticSeverity::INFORMATION,
            }),
            code: Some(NumberOrString::String(d.rule.to_string())),
            code_description: self
                .explanations
                .as_ref()
                .and_then(|dir| file_uri(&dir.join(format!("{}.md", d.rule))))
                .map(|href| CodeDescription { href }),
            source: Some("vnlint".to_string()),
            message: d.message.get(self.lang).to_string(),
            related_information: (!related.is_empty()).then_some(related),
            ..Default::default()
        }
    }

    /// The explanation of every finding under the cursor.
    fn hover(&self, uri: &Uri, at: lsp_types::Position) -> Option<Hover> {
        let doc = self.documents.get(uri)?;
        let report = doc.report.as_ref()?;
        let map = LineMap::new(&report.source, self.encoding);
        let offset = map.offset(at);
        let found: Vec<&vnlint::Diagnostic> = report
            .diagnostics
            .iter()
            .filter(|d| d.span.start <= offset && (offset < d.span.end || d.span.is_empty()))
            .collect();
        let first = found.first()?;
        let mut text = String::new();
        for d in &found {
            text.push_str(&format!(
                "**{}** ({}): {}\n\n",
                d.rule,
                d.severity,
                d.message.get(self.lang)
            ));
            if let Some(rule) = vnlint::rules::find(d.rule) {
                text.push_str(&vnlint::render::explain(rule.meta(), self.lang));
                text.push('\n');
            }
        }
        Some(Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value: text,
            }),
            range: Some(map.range(&first.span)),
        })
    }

    fn execute(&mut self, p: &lsp_types::ExecuteCommandParams) -> Result<(), String> {
        if p.command != ADD_TO_VOCABULARY {
            return Err(format!("vnlint: no command {}", p.command));
        }
        let (uri, word) = match p.arguments.as_slice() {
            [uri, word] => (
                uri.as_str().and_then(|u| u.parse::<Uri>().ok()),
                word.as_str(),
            ),
            _ => (None, None),
        };
        let (Some(uri), Some(word)) = (uri, word) else {
            return Err("vnlint: expected the arguments [uri, word]".to_string());
        };
        let dir = file_path(&uri)
            .and_then(|p| p.parent().map(Path::to_path_buf))
            .unwrap_or_else(|| self.root.clone());
        match vocabulary::add_word(&dir, &self.root, word) {
            Ok(file) => {
                let text = match self.lang {
                    Lang::Vi => format!("vnlint: đã thêm “{word}” vào {}", file.display()),
                    Lang::En => format!("vnlint: added “{word}” to {}", file.display()),
                };
                self.show_message(MessageType::INFO, text);
                self.reload_if_changed(true);
                Ok(())
            }
            Err(e) => {
                self.show_message(MessageType::ERROR, format!("vnlint: {e}"));
                Err(e)
            }
        }
    }
}

/// The reader for a document: its extension, else the client's language id.
fn document_format(path: Option<&Path>, language_id: &str) -> Format {
    let by_extension = path
        .filter(|p| p.extension().is_some())
        .map(Format::from_path);
    match (by_extension, language_id) {
        (Some(f), _) if f != Format::Plain => f,
        (_, "markdown") => Format::Markdown,
        (_, "html") => Format::Html,
        (Some(f), _) => f,
        _ => Format::Plain,
    }
}

/// Writes every rule's explanation to the user's cache folder, so that a diagnostic's
/// code can link to it; `None` when there is no cache folder or it cannot be written.
fn write_explanations(lang: Lang) -> Option<PathBuf> {
    let cache = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))?;
    let lang_dir = match lang {
        Lang::Vi => "vi",
        Lang::En => "en",
    };
    let dir = cache
        .join("vnlint")
        .join(env!("CARGO_PKG_VERSION"))
        .join(lang_dir);
    std::fs::create_dir_all(&dir).ok()?;
    for rule in vnlint::rules::REGISTRY {
        let meta = rule.meta();
        let path = dir.join(format!("{}.md", meta.id));
        let text = vnlint::render::explain(meta, lang);
        if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            std::fs::write(&path, text).ok()?;
        }
    }
    Some(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_uris_round_trip_with_vietnamese_and_spaces() {
        let path = Path::new("/tmp/thư mục/bài viết.md");
        let uri = file_uri(path).unwrap();
        assert!(uri.as_str().starts_with("file:///tmp/th%C6%B0%20m"));
        assert_eq!(file_path(&uri).unwrap(), path);
    }

    #[test]
    fn format_from_extension_then_language_id() {
        assert_eq!(
            document_format(Some(Path::new("a.md")), "plaintext"),
            Format::Markdown
        );
        assert_eq!(document_format(None, "html"), Format::Html);
        assert_eq!(
            document_format(Some(Path::new("ghi-chu")), "markdown"),
            Format::Markdown
        );
        assert_eq!(document_format(None, "plaintext"), Format::Plain);
    }
}
