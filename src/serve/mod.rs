//! `vnlint serve`: a local web page and the JSON API behind it.
//!
//! - `GET /`: the page (its HTML, CSS and script are embedded in the binary, nothing is
//!   fetched from elsewhere).
//! - `POST /api/check?name=bai-viet.md&lang=vi`: the body is the document's bytes, the name
//!   picks the reader (as `--stdin-filename` does); the answer is the JSON array of
//!   `vnlint check --format json`.
//! - `POST /api/fix?name=...`: the text with every safe fix applied, as `--fix` would.
//! - `GET /api/explain/{rule}?lang=vi`: a rule's documentation (Markdown).
//!
//! Nothing is written to disk; each check runs on the blocking pool so that many requests
//! are served at once.

use std::net::{IpAddr, SocketAddr};
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, QueryRejection};
use axum::extract::{DefaultBodyLimit, Path as UrlPath, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Deserialize;

use vnlint::{Config, Format, Lang};

const PAGE: &str = include_str!("page.html");
const STYLE: &str = include_str!("page.css");
const SCRIPT: &str = include_str!("page.js");

/// Options of `vnlint serve`.
#[derive(Debug, Clone, clap::Args)]
pub struct ServeArgs {
    /// The address to listen on. Anything but the loopback address lets other machines
    /// send documents to this one.
    #[arg(long, default_value = "127.0.0.1")]
    pub host: IpAddr,
    /// The port (0: any free port; the address is printed).
    #[arg(long, default_value_t = 7878)]
    pub port: u16,
    /// The largest document accepted, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = 20 * 1024 * 1024)]
    pub max_size: usize,
}

struct AppState {
    config: Arc<Config>,
    lang: Lang,
    max_size: usize,
}

/// Serves until interrupted.
pub fn run(args: ServeArgs, lang: Lang) -> ExitCode {
    if !args.host.is_loopback() {
        match lang {
            Lang::Vi => eprintln!(
                "vnlint serve: cảnh báo: nghe trên {}, máy khác trong mạng cũng gửi được văn bản tới đây",
                args.host
            ),
            Lang::En => eprintln!(
                "vnlint serve: warning: listening on {}, other machines on the network can send documents here",
                args.host
            ),
        }
    }
    let resolver = vnlint::engine::ConfigResolver::new(Default::default())
        .expect("no configuration file or model is named, so none can fail");
    let config = match resolver.config_for(None) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("vnlint serve: {e}");
            return ExitCode::from(2);
        }
    };
    let state = Arc::new(AppState {
        config,
        lang,
        max_size: args.max_size,
    });
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("vnlint serve: {e}");
            return ExitCode::from(2);
        }
    };
    let address = SocketAddr::new(args.host, args.port);
    match runtime.block_on(serve(address, state)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("vnlint serve: {address}: {e}");
            ExitCode::from(2)
        }
    }
}

async fn serve(address: SocketAddr, state: Arc<AppState>) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(address).await?;
    let bound = listener.local_addr()?;
    // The first line of output names the address (a test or a script reads it).
    println!("vnlint serve: http://{bound}/");
    let limit = state.max_size;
    let app = axum::Router::new()
        .route("/", get(page))
        .route("/page.css", get(style))
        .route("/page.js", get(script))
        .route("/api/check", post(check))
        .route("/api/fix", post(fix))
        .route("/api/explain/{rule}", get(explain))
        .layer(DefaultBodyLimit::max(limit))
        .with_state(state);
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
}

fn asset(content_type: &'static str, body: &'static str) -> Response {
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'self'; img-src 'self' data:"),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}

async fn page() -> Response {
    asset("text/html; charset=utf-8", PAGE)
}

async fn style() -> Response {
    asset("text/css; charset=utf-8", STYLE)
}

async fn script() -> Response {
    asset("text/javascript; charset=utf-8", SCRIPT)
}

#[derive(Deserialize)]
struct DocumentQuery {
    /// The document's name; its extension picks the reader.
    name: Option<String>,
    lang: Option<String>,
    /// `/api/fix`: apply the suggestions that are not certain too.
    #[serde(default, rename = "unsafe")]
    include_unsafe: bool,
}

#[derive(Deserialize)]
struct LangQuery {
    lang: Option<String>,
}

/// A 4xx or 5xx answer: `{"error": "..."}`.
fn error(status: StatusCode, message: String) -> Response {
    let mut response =
        (status, serde_json::json!({ "error": message }).to_string()).into_response();
    json_headers(&mut response);
    response
}

fn json_headers(response: &mut Response) {
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json; charset=utf-8"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
}

fn json(body: String) -> Response {
    let mut response = body.into_response();
    json_headers(&mut response);
    response
}

/// The language asked for (`?lang=`), else the server's.
fn pick_lang(asked: Option<&str>, default: Lang) -> Result<Lang, Response> {
    match asked {
        None => Ok(default),
        Some("vi") => Ok(Lang::Vi),
        Some("en") => Ok(Lang::En),
        Some(other) => Err(error(
            StatusCode::BAD_REQUEST,
            format!("lang must be vi or en, not {other:?}"),
        )),
    }
}

/// The query, the language and the body of a document request, or the 4xx to answer.
fn read_request(
    state: &AppState,
    query: Result<Query<DocumentQuery>, QueryRejection>,
    body: Result<Bytes, BytesRejection>,
) -> Result<(DocumentQuery, Lang, Bytes), Response> {
    let Query(query) = query.map_err(|e| error(StatusCode::BAD_REQUEST, e.body_text()))?;
    let lang = pick_lang(query.lang.as_deref(), state.lang)?;
    let body = body.map_err(|e| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            let message = match lang {
                Lang::Vi => format!(
                    "Tài liệu quá lớn: tối đa {} byte (vnlint serve --max-size)",
                    state.max_size
                ),
                Lang::En => format!(
                    "Document too large: at most {} bytes (vnlint serve --max-size)",
                    state.max_size
                ),
            };
            error(StatusCode::PAYLOAD_TOO_LARGE, message)
        } else {
            error(e.status(), e.body_text())
        }
    })?;
    Ok((query, lang, body))
}

async fn check(
    State(state): State<Arc<AppState>>,
    query: Result<Query<DocumentQuery>, QueryRejection>,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let (query, lang, body) = match read_request(&state, query, body) {
        Ok(r) => r,
        Err(response) => return response,
    };
    let name = query.name.unwrap_or_else(|| "-".to_string());
    let config = state.config.clone();
    answer_off_thread(move || {
        let format = Format::from_path(Path::new(&name));
        vnlint::lint_bytes(&name, &body, format, &config)
            .map(|report| vnlint::render::json::render(&[report], lang))
            .map_err(|e| e.message(lang))
    })
    .await
}

async fn fix(
    State(state): State<Arc<AppState>>,
    query: Result<Query<DocumentQuery>, QueryRejection>,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let (query, lang, body) = match read_request(&state, query, body) {
        Ok(r) => r,
        Err(response) => return response,
    };
    let name = query.name.unwrap_or_else(|| "-".to_string());
    let format = Format::from_path(Path::new(&name));
    if format == Format::Docx {
        let message = match lang {
            Lang::Vi => "Tệp Word không bao giờ bị ghi lại: hãy sửa trong Word theo các phát hiện",
            Lang::En => "A Word file is never rewritten: fix it in Word from the findings",
        };
        return error(StatusCode::BAD_REQUEST, message.to_string());
    }
    let config = state.config.clone();
    let include_unsafe = query.include_unsafe;
    answer_off_thread(move || {
        vnlint::engine::fix_text(&name, &body, format, &config, include_unsafe)
            .map(|f| serde_json::json!({ "text": f.text, "applied": f.applied }).to_string())
            .map_err(|e| e.message(lang))
    })
    .await
}

/// Runs a linting task on the blocking pool: its JSON, or its error message as 422 (bad
/// input), or 500 when the task itself failed.
async fn answer_off_thread(
    task: impl FnOnce() -> Result<String, String> + Send + 'static,
) -> Response {
    match tokio::task::spawn_blocking(task).await {
        Ok(Ok(body)) => json(body),
        Ok(Err(message)) => error(StatusCode::UNPROCESSABLE_ENTITY, message),
        Err(e) => error(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
    }
}

async fn explain(
    State(state): State<Arc<AppState>>,
    UrlPath(rule): UrlPath<String>,
    query: Result<Query<LangQuery>, QueryRejection>,
) -> Response {
    let asked = query.ok().and_then(|Query(q)| q.lang);
    let lang = match pick_lang(asked.as_deref(), state.lang) {
        Ok(l) => l,
        Err(response) => return response,
    };
    match vnlint::rules::find(&rule) {
        Some(r) => json(
            serde_json::json!({
                "rule": r.meta().id,
                "markdown": vnlint::render::explain(r.meta(), lang),
            })
            .to_string(),
        ),
        None => error(StatusCode::NOT_FOUND, format!("no rule {rule:?}")),
    }
}
