// vnlint's local page: paste or open a document, see its findings highlighted, fix them.
// Findings come from POST /api/check with byte offsets into the UTF-8 text.
"use strict";

const STRINGS = {
  vi: {
    tagline: "kiểm tra văn bản tiếng Việt",
    format: "Định dạng",
    upload: "Mở tệp (.txt .md .html .docx)",
    check: "Kiểm tra",
    fixAll: "Sửa mọi lỗi chắc chắn",
    download: "Tải văn bản đã sửa",
    placeholder: "Dán văn bản vào đây…",
    checking: "Đang kiểm tra…",
    none: "Không có phát hiện nào.",
    counts: (e, w, i) => `${e} lỗi, ${w} cảnh báo, ${i} gợi ý`,
    severity: { error: "lỗi", warning: "cảnh báo", info: "gợi ý" },
    at: (l, c) => `dòng ${l}, cột ${c}`,
    paragraph: (p) => `Đoạn ${p}`,
    paragraphAt: (p, c) => `đoạn ${p}, ký tự ${c}`,
    fix: (r) => (r === "" ? "Xoá" : `Sửa thành “${visible(r)}”`),
    explain: "Giải thích",
    related: "Chỗ liên quan",
    docx: "Tệp Word không được sửa tại đây: các phát hiện được liệt kê theo đoạn, hãy sửa trong Word.",
    fixed: (n) => `Đã sửa ${n} chỗ.`,
    nothingToFix: "Không có lỗi nào sửa chắc chắn được.",
  },
  en: {
    tagline: "a linter for Vietnamese documents",
    format: "Format",
    upload: "Open a file (.txt .md .html .docx)",
    check: "Check",
    fixAll: "Fix all safe",
    download: "Download corrected text",
    placeholder: "Paste your text here…",
    checking: "Checking…",
    none: "No findings.",
    counts: (e, w, i) => `${e} errors, ${w} warnings, ${i} info`,
    severity: { error: "error", warning: "warning", info: "info" },
    at: (l, c) => `line ${l}, column ${c}`,
    paragraph: (p) => `Paragraph ${p}`,
    paragraphAt: (p, c) => `paragraph ${p}, character ${c}`,
    fix: (r) => (r === "" ? "Delete" : `Replace with “${visible(r)}”`),
    explain: "Explanation",
    related: "Related places",
    docx: "A Word file is not changed here: its findings are listed by paragraph; fix them in Word.",
    fixed: (n) => `Fixed ${n} places.`,
    nothingToFix: "Nothing can be fixed with certainty.",
  },
};

// Spaces shown as ␣ in a button, so that "one space" can be read.
function visible(text) {
  return text.replace(/ /g, "␣").replace(/\u00a0/g, "⍽");
}

const state = {
  lang: localStorage.getItem("vnlint-lang") || "vi",
  name: null, // the opened file's name; null for pasted text
  docx: null, // the bytes of an opened Word file
  findings: [],
  checkedText: "",
  selected: null,
  timer: null,
  request: 0,
};

const $ = (id) => document.getElementById(id);
const t = () => STRINGS[state.lang];

function documentName() {
  return state.name || `van-ban.${$("format").value}`;
}

function setStatus(text, problem) {
  $("status").textContent = text;
  $("status").classList.toggle("problem", !!problem);
}

function applyLanguage() {
  document.documentElement.lang = state.lang;
  for (const el of document.querySelectorAll("[data-i18n]")) {
    el.textContent = t()[el.dataset.i18n];
  }
  $("source").placeholder = t().placeholder;
  for (const b of document.querySelectorAll(".langs button")) {
    b.classList.toggle("active", b.dataset.lang === state.lang);
  }
}

// A table from UTF-8 byte offsets to string (UTF-16) indices.
function byteIndex(text) {
  const table = new Int32Array(new TextEncoder().encode(text).length + 1);
  let bytes = 0;
  let index = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0);
    const width = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    for (let k = 0; k < width; k++) table[bytes + k] = index;
    bytes += width;
    index += ch.length;
  }
  table[bytes] = index;
  return (offset) => table[Math.min(offset, bytes)];
}

async function check() {
  const request = ++state.request;
  setStatus(t().checking);
  const body = state.docx || new TextEncoder().encode($("source").value);
  const text = state.docx ? "" : $("source").value;
  const url = `/api/check?name=${encodeURIComponent(documentName())}&lang=${state.lang}`;
  let response;
  try {
    response = await fetch(url, { method: "POST", body });
  } catch (e) {
    setStatus(String(e), true);
    return;
  }
  const answer = await response.json();
  if (request !== state.request) return; // a newer check is on its way
  if (!response.ok) {
    setStatus(answer.error, true);
    state.findings = [];
    render(text);
    return;
  }
  state.findings = answer;
  state.checkedText = text;
  state.selected = null;
  const count = (s) => answer.filter((f) => f.severity === s).length;
  setStatus(
    answer.length ? t().counts(count("error"), count("warning"), count("info")) : t().none
  );
  render(text);
}

function scheduleCheck() {
  clearTimeout(state.timer);
  state.timer = setTimeout(check, 400);
}

// The document with every finding and related place marked.
function renderDocument(text) {
  const view = $("document");
  view.textContent = "";
  if (state.docx) {
    const note = document.createElement("p");
    note.className = "paragraph-note";
    note.textContent = t().docx;
    view.append(note);
    return;
  }
  const at = byteIndex(text);
  // Every boundary, then one piece of text between each two.
  const marks = [];
  state.findings.forEach((f, i) => {
    marks.push({ start: at(f.byte_start), end: at(f.byte_end), finding: i, severity: f.severity });
    f.related.forEach((r, j) => {
      marks.push({ start: at(r.byte_start), end: at(r.byte_end), finding: i, related: j });
    });
  });
  const cuts = new Set([0, text.length]);
  for (const m of marks) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const rank = { error: 3, warning: 2, info: 1 };
  const first = new Set();
  for (let k = 0; k < points.length; k++) {
    const from = points[k];
    // Findings that are a point (something missing) get a caret at that point.
    for (const m of marks.filter((m) => m.start === m.end && m.start === from && m.severity)) {
      view.append(markElement("", [m], first, rank));
    }
    if (k + 1 === points.length) break;
    const to = points[k + 1];
    const covering = marks.filter((m) => m.start <= from && to <= m.end && m.start < m.end);
    const piece = text.slice(from, to);
    view.append(covering.length ? markElement(piece, covering, first, rank) : piece);
  }
}

function markElement(piece, covering, first, rank) {
  const mark = document.createElement("mark");
  mark.textContent = piece;
  const own = covering.filter((m) => m.severity);
  if (own.length) {
    const worst = own.reduce((a, b) => (rank[b.severity] > rank[a.severity] ? b : a));
    mark.classList.add(`sev-${worst.severity}`);
    mark.dataset.findings = own.map((m) => m.finding).join(" ");
    if (piece === "") mark.classList.add("point");
    for (const m of own) {
      if (!first.has(m.finding)) {
        first.add(m.finding);
        mark.id = mark.id || `f-${m.finding}`;
      }
    }
    mark.addEventListener("click", () => select(own[0].finding, true));
  } else {
    mark.classList.add("related");
  }
  mark.dataset.related = covering
    .filter((m) => m.related !== undefined)
    .map((m) => `${m.finding}:${m.related}`)
    .join(" ");
  return mark;
}

function flash(el) {
  if (!el) return;
  el.scrollIntoView({ block: "center", behavior: "smooth" });
  el.classList.add("flash");
  setTimeout(() => el.classList.remove("flash"), 1600);
}

function select(i, fromDocument) {
  state.selected = i;
  for (const card of document.querySelectorAll(".finding")) {
    card.classList.toggle("selected", card.dataset.finding === String(i));
  }
  if (fromDocument) {
    document.querySelector(`.finding[data-finding="${i}"]`)?.scrollIntoView({ block: "nearest" });
  } else {
    flash($(`f-${i}`));
  }
}

function jumpToRelated(i, j) {
  const el = [...document.querySelectorAll("mark[data-related]")].find((m) =>
    m.dataset.related.split(" ").includes(`${i}:${j}`)
  );
  flash(el);
}

function renderFindings() {
  const list = $("findings");
  list.textContent = "";
  if (state.docx) {
    // A Word document: findings grouped by paragraph.
    const groups = new Map();
    state.findings.forEach((f, i) => {
      const p = f.paragraph ?? f.start.line;
      if (!groups.has(p)) groups.set(p, []);
      groups.get(p).push(i);
    });
    for (const [p, ids] of groups) {
      const group = document.createElement("section");
      group.className = "paragraph-group";
      const h = document.createElement("h3");
      h.textContent = t().paragraph(p);
      group.append(h, ...ids.map((i) => card(i)));
      list.append(group);
    }
    return;
  }
  state.findings.forEach((_, i) => list.append(card(i)));
}

function card(i) {
  const f = state.findings[i];
  const el = document.createElement("div");
  el.className = `finding sev-${f.severity}`;
  el.dataset.finding = i;
  el.dataset.rule = f.rule;
  const head = document.createElement("div");
  head.className = "head";
  const severity = document.createElement("span");
  severity.className = "severity";
  severity.textContent = t().severity[f.severity];
  const rule = document.createElement("span");
  rule.className = "rule";
  rule.textContent = f.rule;
  const where = document.createElement("span");
  where.className = "where";
  where.textContent = f.paragraph
    ? t().paragraphAt(f.paragraph, f.char)
    : t().at(f.start.line, f.start.column);
  where.addEventListener("click", () => select(i, false));
  head.append(severity, rule, where);
  const message = document.createElement("p");
  message.className = "message";
  message.textContent = f.message;
  el.append(head, message);
  if (f.related.length) {
    const ul = document.createElement("ul");
    ul.title = t().related;
    f.related.forEach((r, j) => {
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.className = "related-link";
      a.textContent = `${r.message} (${t().at(r.start.line, r.start.column)})`;
      a.addEventListener("click", () => jumpToRelated(i, j));
      li.append(a);
      ul.append(li);
    });
    el.append(ul);
  }
  const actions = document.createElement("div");
  actions.className = "actions";
  if (!state.docx) {
    for (const s of f.suggestions) {
      const b = document.createElement("button");
      b.type = "button";
      b.className = s.safe ? "fix safe" : "fix";
      b.textContent = t().fix(s.replacement);
      b.addEventListener("click", () => applySuggestion(s));
      actions.append(b);
    }
  }
  const explain = document.createElement("button");
  explain.type = "button";
  explain.className = "explain";
  explain.textContent = t().explain;
  explain.addEventListener("click", () => toggleExplanation(el, f.rule));
  actions.append(explain);
  el.append(actions);
  return el;
}

async function toggleExplanation(el, rule) {
  const shown = el.querySelector(".explanation");
  if (shown) {
    shown.remove();
    return;
  }
  const response = await fetch(`/api/explain/${encodeURIComponent(rule)}?lang=${state.lang}`);
  const answer = await response.json();
  const box = document.createElement("div");
  box.className = "explanation";
  renderMarkdown(box, answer.markdown || answer.error);
  el.append(box);
}

// The small part of Markdown a rule's explanation uses: headings, paragraphs, code blocks.
function renderMarkdown(box, markdown) {
  let code = null;
  for (const line of markdown.split("\n")) {
    if (line.startsWith("```")) {
      if (code) {
        box.append(code);
        code = null;
      } else {
        code = document.createElement("pre");
      }
    } else if (code) {
      code.textContent += (code.textContent ? "\n" : "") + line;
    } else if (line.startsWith("## ")) {
      const h = document.createElement("h4");
      h.textContent = line.slice(3);
      box.append(h);
    } else if (line.startsWith("# ")) {
      const h = document.createElement("h3");
      h.textContent = line.slice(2);
      box.append(h);
    } else if (line.trim()) {
      const p = document.createElement("p");
      p.textContent = line.replace(/`/g, "");
      box.append(p);
    }
  }
}

function render(text) {
  renderDocument(text);
  renderFindings();
  $("fix-all").disabled = !!state.docx || !state.findings.some((f) => f.suggestions[0]?.safe);
  $("download").disabled = !!state.docx;
}

function applySuggestion(s) {
  const text = state.checkedText;
  const at = byteIndex(text);
  $("source").value = text.slice(0, at(s.byte_start)) + s.replacement + text.slice(at(s.byte_end));
  check();
}

async function fixAll() {
  const url = `/api/fix?name=${encodeURIComponent(documentName())}&lang=${state.lang}`;
  const response = await fetch(url, { method: "POST", body: new TextEncoder().encode($("source").value) });
  const answer = await response.json();
  if (!response.ok) {
    setStatus(answer.error, true);
    return;
  }
  $("source").value = answer.text;
  await check();
  setStatus(`${answer.applied ? t().fixed(answer.applied) : t().nothingToFix} ${$("status").textContent}`);
}

function download() {
  const blob = new Blob([$("source").value], { type: "text/plain;charset=utf-8" });
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = documentName();
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}

async function open(file) {
  state.name = file.name;
  if (/\.docx$/i.test(file.name)) {
    state.docx = new Uint8Array(await file.arrayBuffer());
    $("source").value = "";
    $("source").disabled = true;
  } else {
    state.docx = null;
    $("source").disabled = false;
    $("source").value = await file.text();
    const ext = file.name.split(".").pop().toLowerCase();
    const format = { md: "md", markdown: "md", html: "html", htm: "html" }[ext] || "txt";
    $("format").value = format;
  }
  check();
}

function init() {
  applyLanguage();
  $("source").addEventListener("input", () => {
    if (state.docx) return;
    scheduleCheck();
  });
  $("format").addEventListener("change", () => {
    state.name = null;
    state.docx = null;
    $("source").disabled = false;
    check();
  });
  $("check").addEventListener("click", check);
  $("fix-all").addEventListener("click", fixAll);
  $("download").addEventListener("click", download);
  $("upload").addEventListener("change", (e) => {
    const file = e.target.files[0];
    if (file) open(file);
  });
  for (const b of document.querySelectorAll(".langs button")) {
    b.addEventListener("click", () => {
      state.lang = b.dataset.lang;
      localStorage.setItem("vnlint-lang", state.lang);
      applyLanguage();
      check();
    });
  }
  render("");
}

init();
