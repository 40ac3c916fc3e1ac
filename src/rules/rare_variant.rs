use std::borrow::Cow;
use std::rc::Rc;

use rustc_hash::FxHashMap;

use crate::analysis::quotes::quoted_ranges;
use crate::diagnostic::{Diagnostic, Message};
use crate::document::{Block, Document};
use crate::model::{self, Model, NUMBER};
use crate::rules::slips::{self, Finding, eligible, pair_counts};
use crate::rules::{LintContext, OptionSpec, Rule, RuleMeta, declare_rule};
use crate::text::case::apply_case;
use crate::text::syllable::{self, Edit, MarkStyle};
use crate::text::tokens::TokenKind;

declare_rule! {
    /// A word pair the user's archive almost never writes, one edit from a pair it writes often (needs a model).
    ///
    /// ## What it does
    /// Needs a model of the archive, learned with `vnlint learn DIR -o FILE` and given with
    /// `vnlint check --model FILE` or `model = "FILE"` in `vnlint.toml`; without one it does
    /// nothing. For every lower-case syllable standing beside another (or a number), it
    /// asks the model how often the archive writes the syllable beside its neighbours. When
    /// a pair is rare (seen at most `max-count` times, default 1) and a syllable one edit
    /// away (a tone, a vowel mark or d/đ, an onset's spelling rule, a dialect swap such as
    /// s/x or ch/tr; with `edits = "all"` also one letter deleted, swapped, replaced or
    /// inserted) makes a pair the archive writes at least `min-count` times (default 5),
    /// and the model finds that variant at least `min-ratio` times (default 10000) likelier
    /// in this place than the word written (both neighbours counted; each pair's count
    /// interpolated with the words' own frequencies, Witten-Bell), the syllable is reported
    /// with the variant as the suggestion and both counts. Words with a capital inside a
    /// sentence (names), words in quotation marks, words of the user's vocabulary,
    /// paragraphs in a legacy encoding, a rare pair the document itself writes three times
    /// or more without ever writing the variant's pair (the writer's choice: "album phòng
    /// thu") and slips `confusion` or `variant-outlier` already report are left alone. The defaults were chosen on the
    /// `viwiki-spelling` sample (`scripts/measure_realword.py`, a model of 0.6 MB of text).
    /// The ratio a slip reaches grows with the archive (a word it never saw gets a
    /// probability near 1/size): for a much larger or smaller archive, measure and adjust.
    ///
    /// ## Why
    /// The curated tables of `confusion` know the slips common to every newsroom; an
    /// archive knows the organisation's own phrases and names. A tone or letter slip that
    /// leaves a real syllable ("phòng cháy, chữa chảy") passes every spell checker, but the
    /// archive has written "chữa cháy" hundreds of times and "chữa chảy" never.
    ///
    /// ## Example
    /// ```text
    /// Phường đẩy mạnh công tác tuyên truyền về phòng cháy, chữa chảy trong khu dân cư.
    /// ```
    ///
    /// ## Silent example
    /// ```text
    /// Phường đẩy mạnh công tác tuyên truyền về phòng cháy, chữa cháy trong khu dân cư.
    /// ```
    pub struct RareVariant {
        id: "rare-variant",
        severity: Warning,
        options: [
            OptionSpec::integer("max-count", 1, 0),
            OptionSpec::integer("min-count", 5, 1),
            OptionSpec::integer("min-ratio", 10_000, 1),
            OptionSpec::choice("edits", &["marks", "all"], "marks"),
        ],
        gives_way_to: ["confusion", "variant-outlier"],
        vi: "Cặp từ mà kho văn bản của người dùng hầu như không bao giờ viết, chỉ khác một chỗ so với một cặp được viết thường xuyên (cần mô hình).

## Tác dụng
Cần một mô hình của kho văn bản, học bằng `vnlint learn THƯ_MỤC -o TỆP` và đưa vào bằng `vnlint check --model TỆP` hoặc `model = \"TỆP\"` trong `vnlint.toml`; không có mô hình thì quy tắc không làm gì. Với mỗi âm tiết viết thường đứng cạnh âm tiết khác (hoặc một con số), quy tắc hỏi mô hình xem kho văn bản viết âm tiết đó cạnh các từ bên cạnh bao nhiêu lần. Khi một cặp hiếm gặp (tối đa `max-count` lần, mặc định 1) mà một âm tiết chỉ khác một chỗ (dấu thanh, dấu mũ hoặc móc, d/đ, quy tắc chính tả của phụ âm đầu, lẫn lộn phương ngữ như s/x, ch/tr; với `edits = \"all\"` thêm cả thiếu, thừa, đảo hoặc thay một chữ cái) tạo thành cặp được viết ít nhất `min-count` lần (mặc định 5), và mô hình thấy biến thể đó hợp với chỗ này hơn từ đã viết ít nhất `min-ratio` lần (mặc định 10000; tính cả hai bên, số lần của cặp được nội suy với tần suất của chính từng từ), thì âm tiết bị báo, kèm gợi ý và cả hai con số. Từ viết hoa giữa câu (tên riêng), từ trong ngoặc kép, từ trong từ điển riêng của người dùng, đoạn văn mã cũ, cặp từ hiếm mà chính văn bản viết từ ba lần trở lên và không lần nào viết cặp của biến thể (cách viết có chủ ý: “album phòng thu”), và lỗi mà `confusion` hoặc `variant-outlier` đã báo được bỏ qua. Các giá trị mặc định được chọn trên mẫu `viwiki-spelling` (`scripts/measure_realword.py`, mô hình học từ 0,6 MB văn bản). Tỷ lệ mà một lỗi đạt được tăng theo cỡ kho văn bản (từ chưa gặp bao giờ có xác suất gần 1/cỡ kho): với kho lớn hơn hoặc nhỏ hơn nhiều, hãy đo và điều chỉnh.

## Vì sao
Các bảng dữ liệu của `confusion` biết những lỗi chung của mọi tòa soạn; kho văn bản thì biết cách viết và tên riêng của chính cơ quan. Lỗi gõ sai dấu hoặc sai chữ mà vẫn ra âm tiết có thật (“phòng cháy, chữa chảy”) lọt qua mọi trình kiểm tra chính tả, nhưng kho văn bản đã viết “chữa cháy” hàng trăm lần và chưa từng viết “chữa chảy”.",
    }
}

/// How many variants of a syllable the archive never wrote are looked up.
const UNSEEN_VARIANTS: usize = 40;

/// A syllable or number of a block as the model knows it.
#[derive(Debug, Clone)]
enum Unit {
    Known(u16),
    /// A syllable the archive never wrote (its key).
    Unseen(Rc<str>),
}

struct Thresholds {
    /// Whether variants one letter away (deleted, swapped, replaced, inserted) are tried,
    /// or only those of tone, vowel mark, d/đ, onset spelling and dialect swaps.
    letters: bool,
    max_count: u32,
    min_count: u32,
    min_ratio: u32,
}

impl Rule for RareVariant {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        let Some(model) = ctx.model() else {
            return;
        };
        let t = Thresholds {
            letters: ctx.choice("edits") == "all",
            max_count: ctx.integer("max-count"),
            min_count: ctx.integer("min-count"),
            min_ratio: ctx.integer("min-ratio"),
        };
        let mut units: Vec<(usize, Option<Unit>)> = Vec::new();
        // The variants of each syllable the archive never wrote, generated once.
        let mut unseen: FxHashMap<Rc<str>, Vec<u16>> = FxHashMap::default();
        // The verdict on each known word between the same two neighbours, worked out once.
        let mut verdicts: FxHashMap<u64, Option<Finding>> = FxHashMap::default();
        let keys = model::keys(doc);
        // How often the document writes each pair, counted at the first suspect.
        let mut written_pairs: Option<slips::PairCounts<'_>> = None;
        // The unit of each written form, by its lexicon entry, looked up once.
        let mut ids: Vec<Option<Unit>> = vec![None; keys.len()];
        for block in &doc.blocks {
            if doc.is_legacy_block(block) {
                continue;
            }
            units.clear();
            model::walk(doc, block, &keys, |i, key| {
                let unit = key.map(|k| {
                    let memo = ids.get_mut(doc.tokens[i].word() as usize);
                    if let Some(Some(unit)) = memo.as_deref() {
                        return unit.clone();
                    }
                    let unit = match model.id(k) {
                        Some(id) => Unit::Known(id),
                        None => Unit::Unseen(Rc::from(k)),
                    };
                    if let Some(slot) = memo {
                        *slot = Some(unit.clone());
                    }
                    unit
                });
                units.push((i, unit));
            });
            let found = candidates(doc, block, model, &units, &t, &mut unseen, &mut verdicts);
            if found.is_empty() {
                continue;
            }
            let quoted = quoted_ranges(doc, block);
            let pairs = written_pairs.get_or_insert_with(|| pair_counts(doc, &keys));
            let kept = slips::kept(&found, |f| {
                let token = &doc.tokens[units[f.at].0];
                quoted.iter().any(|q| q.contains(&token.start()))
                    || repeated(pairs, &units, &keys, doc, model, f)
            });
            for f in kept {
                out.push(diagnostic(self.meta(), doc, model, &units, f));
            }
        }
    }
}

/// The syllables of a block whose variant fits their neighbours far better, by the model.
fn candidates(
    doc: &Document,
    block: &Block,
    model: &Model,
    units: &[(usize, Option<Unit>)],
    t: &Thresholds,
    unseen: &mut FxHashMap<Rc<str>, Vec<u16>>,
    verdicts: &mut FxHashMap<u64, Option<Finding>>,
) -> Vec<Finding> {
    let known = |k: usize| match units.get(k) {
        Some((_, Some(Unit::Known(id)))) => Some(*id),
        _ => None,
    };
    let number = model.id(NUMBER);
    let mut out = Vec::new();
    let mut variants: Vec<u16> = Vec::new();
    for (k, (i, unit)) in units.iter().enumerate() {
        let Some(unit) = unit else { continue };
        if doc.tokens[*i].kind() != TokenKind::Word {
            continue;
        }
        let w = match unit {
            Unit::Known(id) => Some(*id),
            Unit::Unseen(_) => None,
        };
        let left = k.checked_sub(1).and_then(known);
        let right = known(k + 1);
        if !eligible(doc, block, *i) {
            continue;
        }
        // A known word between the same neighbours gets the same verdict.
        let context = w.map(|w| {
            let side = |n: Option<u16>| n.map_or(0, |n| u64::from(n) + 1);
            side(left) << 34 | side(right) << 17 | u64::from(w)
        });
        if let Some(verdict) = context.and_then(|c| verdicts.get(&c)) {
            out.extend(verdict.clone().map(|f| Finding { at: k, ..f }));
            continue;
        }
        let pair = |a: Option<u16>, b: Option<u16>| match (a, b) {
            (Some(a), Some(b)) => model.bigram(a, b),
            _ => 0,
        };
        let (cl, cr) = (pair(left, w), pair(w, right));
        let rare_left = left.is_some() && cl <= t.max_count;
        let rare_right = right.is_some() && cr <= t.max_count;
        if !rare_left && !rare_right {
            if let Some(c) = context {
                verdicts.insert(c, None);
            }
            continue;
        }
        variants.clear();
        let wanted = |kind: Edit| t.letters || kind != Edit::Letter;
        match unit {
            Unit::Known(id) => variants.extend(
                model
                    .neighbours(*id)
                    .filter(|(_, kind)| wanted(*kind))
                    .map(|(v, _)| v),
            ),
            Unit::Unseen(key) => {
                let found = unseen.entry(key.clone()).or_insert_with(|| {
                    let last = if t.letters {
                        Edit::Letter
                    } else {
                        Edit::Dialect
                    };
                    syllable::edits_up_to(key, UNSEEN_VARIANTS, last)
                        .iter()
                        .filter_map(|(c, _)| model.id(c))
                        .collect()
                });
                variants.extend_from_slice(found);
            }
        }
        let fit = |x: Option<u16>| fit(model, left, x, right);
        let written = fit(w);
        let mut best: Option<Finding> = None;
        for &v in &variants {
            if Some(v) == number {
                continue;
            }
            // The variant must make a pair the archive writes often where the written
            // word makes a rare one (so the variant itself must be that frequent)...
            if model.unigram(v) < t.min_count {
                continue;
            }
            let vl = if rare_left { pair(left, Some(v)) } else { 0 };
            let supports_left = vl >= t.min_count;
            let vr = if rare_right || supports_left {
                pair(Some(v), right)
            } else {
                0
            };
            let supports_right = rare_right && vr >= t.min_count;
            if !supports_left && !supports_right {
                continue;
            }
            // ...and be far likelier in this place, both neighbours counted.
            let score = fit(Some(v)) / written;
            if score < f64::from(t.min_ratio) || best.as_ref().is_some_and(|b| b.score >= score) {
                continue;
            }
            let use_left = supports_left && (!supports_right || vl >= vr);
            best = Some(Finding {
                at: k,
                variant: v,
                score,
                left: use_left,
                rare_left,
                rare_right,
                triple: false,
                written_count: if use_left { cl } else { cr },
                variant_count: if use_left { vl } else { vr },
            });
        }
        if let Some(c) = context {
            verdicts.insert(c, best.clone());
        }
        out.extend(best);
    }
    out
}

/// Whether the finding's rare pair is the writer's choice ([`slips::writers_choice`]).
fn repeated(
    pairs: &slips::PairCounts<'_>,
    units: &[(usize, Option<Unit>)],
    keys: &[Option<Cow<'_, str>>],
    doc: &Document,
    model: &Model,
    f: &Finding,
) -> bool {
    let key = |k: usize| {
        units
            .get(k)
            .filter(|(_, unit)| unit.is_some())
            .and_then(|(i, _)| keys.get(doc.tokens[*i].word() as usize)?.as_deref())
    };
    let around = [f.at.checked_sub(1).and_then(key), key(f.at), key(f.at + 1)];
    slips::writers_choice(pairs, around, model.syllable(f.variant), f)
}

/// How likely the model finds `x` between `left` and `right`: P(x | left) · P(right | x)
/// (P(x) with nothing before),
/// each estimated by Witten-Bell interpolation: a pair's count is trusted in proportion to
/// how rarely its first syllable is followed by something new, the rest of the weight goes
/// to the second syllable's own frequency (add-one smoothed). A frequent word in an unseen
/// pair after a word followed by many different words is then not improbable.
fn fit(model: &Model, left: Option<u16>, x: Option<u16>, right: Option<u16>) -> f64 {
    let total = model.provenance().tokens as f64 + model.syllable_count() as f64;
    let unigram = |y: Option<u16>| y.map_or(0.0, |y| f64::from(model.unigram(y)));
    let prior = |y: Option<u16>| (unigram(y) + 1.0) / total;
    let given = |a: Option<u16>, b: Option<u16>| {
        let pair = match (a, b) {
            (Some(a), Some(b)) => f64::from(model.bigram(a, b)),
            _ => 0.0,
        };
        let followers = a.map_or(0.0, |a| f64::from(model.followers(a)));
        let seen = unigram(a);
        if seen + followers == 0.0 {
            return prior(b);
        }
        (pair + followers * prior(b)) / (seen + followers)
    };
    // With no word before, the word's own frequency stands for P(x | left).
    let mut p = if left.is_some() {
        given(left, x)
    } else {
        prior(x)
    };
    if right.is_some() {
        p *= given(x, right);
    }
    p
}

fn diagnostic(
    meta: &RuleMeta,
    doc: &Document,
    model: &Model,
    units: &[(usize, Option<Unit>)],
    f: &Finding,
) -> Diagnostic {
    let token = &doc.tokens[units[f.at].0];
    let written = doc.token_text(token);
    let variant = model.syllable(f.variant);
    // The writer's capitals and tone style carried over to the variant.
    let restyled = match doc.syllable(token) {
        Some(Ok(s)) if s.style == MarkStyle::New => syllable::restyle(variant, MarkStyle::New),
        _ => None,
    };
    let variant = apply_case(restyled.as_deref().unwrap_or(variant), doc.case(token));
    let neighbour = if f.left {
        units[f.at - 1].0
    } else {
        units[f.at + 1].0
    };
    let neighbour = doc.token_text(&doc.tokens[neighbour]);
    let (pair, variant_pair) = if f.left {
        (
            format!("{neighbour} {written}"),
            format!("{neighbour} {variant}"),
        )
    } else {
        (
            format!("{written} {neighbour}"),
            format!("{variant} {neighbour}"),
        )
    };
    let (wc, vc) = (f.written_count, f.variant_count);
    let message = Message::new(
        format!(
            "kho văn bản viết “{pair}” {wc} lần nhưng viết “{variant_pair}” {vc} lần: có phải định viết “{variant}”?"
        ),
        format!(
            "the archive writes “{pair}” {wc} times but “{variant_pair}” {vc} times: is “{variant}” meant?"
        ),
    );
    Diagnostic::new(meta.id, meta.default_severity, token.range(), message)
        .with_suggestion(token.range(), variant)
}

#[cfg(test)]
mod tests {
    use super::RareVariant;
    use crate::document::Document;
    use crate::rules::testing::{SMALL_ARCHIVE_OPTIONS, archive_model, run, small_archive_config};

    /// The small archive's configuration (its thresholds and model) with `options` changed.
    fn small_archive_config_with(options: &[(&str, &str)]) -> crate::Config {
        let mut table: toml::Table = SMALL_ARCHIVE_OPTIONS.parse().expect("valid TOML");
        let rule = table
            .get_mut("rules")
            .and_then(|r| r.get_mut("rare-variant"))
            .and_then(|r| r.as_table_mut())
            .expect("[rules] rare-variant = { ... }");
        for (k, v) in options {
            let value = v
                .parse::<i64>()
                .map_or_else(|_| toml::Value::from(*v), toml::Value::from);
            rule.insert(k.to_string(), value);
        }
        let mut config = crate::Config::from_toml(&toml::to_string(&table).unwrap()).unwrap();
        config.set_model(archive_model(), "archive".into());
        config
    }

    /// The flagged words and their first suggestion with `config`.
    fn findings(text: &str, config: &crate::Config) -> Vec<(String, String)> {
        let doc = Document::from_text(text);
        run(&RareVariant, &doc, config)
            .iter()
            .map(|d| {
                (
                    doc.text[d.span.clone()].to_string(),
                    d.suggestions[0].replacement.clone(),
                )
            })
            .collect()
    }

    /// The flagged words and their first suggestion, with the archive's model and the small
    /// archive's thresholds, changed by `options`.
    fn flagged_with_small_archive_thresholds(
        text: &str,
        options: &[(&str, &str)],
    ) -> Vec<(String, String)> {
        findings(text, &small_archive_config_with(options))
    }

    /// A model learned from the fixtures' archive read `times` times: repetition multiplies
    /// every count and the archive's size alike, as a larger archive of the same writing would.
    fn repeated_archive_config(times: usize) -> crate::Config {
        let dir =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/rare-variant/archive");
        let counts = (0..times)
            .map(|_| crate::engine::learn(std::slice::from_ref(&dir), false).0)
            .reduce(crate::model::Counts::merge)
            .expect("at least once");
        let model = crate::model::Model::from_bytes(counts.encode(1).unwrap()).unwrap();
        let mut config = crate::Config::default();
        config.set_model(std::sync::Arc::new(model), "repeated archive".into());
        config
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn small_archive_thresholds_flag_a_slip_the_archive_never_writes() {
        assert_eq!(
            flagged_with_small_archive_thresholds(
                "Phường kiểm tra vệ sinh môi trướng tại các tổ dân phô.",
                &[]
            ),
            pairs(&[("trướng", "trường"), ("phô", "phố")])
        );
        assert_eq!(
            flagged_with_small_archive_thresholds(
                "Tập huấn cho khu dân cứ, phòng cháy và chữa chảy.",
                &[]
            ),
            pairs(&[("cứ", "cư"), ("chảy", "cháy")])
        );
        // A capital opening the sentence is the writer's, and carried over.
        assert_eq!(
            flagged_with_small_archive_thresholds("Vê sinh môi trường là việc chung.", &[]),
            pairs(&[("Vê", "Vệ")])
        );
    }

    /// The rules reporting each word, all rules on but `off`, with the archive's model and the
    /// small archive's thresholds.
    fn reported(text: &str, off: &str) -> Vec<(&'static str, String)> {
        let mut config =
            crate::Config::from_toml(&format!("{SMALL_ARCHIVE_OPTIONS}{off}")).unwrap();
        config.model = Some(archive_model());
        crate::lint_text(text, &config)
            .into_iter()
            .filter(|d| d.severity >= crate::diagnostic::Severity::Warning)
            .map(|d| (d.rule, text[d.span].to_string()))
            .collect()
    }

    #[test]
    fn small_archive_thresholds_a_slip_a_confusion_table_reports_is_left_to_it() {
        // "hành chinh" is in rules/hanh-chinh.toml; "đô thi" is in no table.
        let text = "Phường làm tốt cải cách hành chinh và trật tự đô thi.";
        let both = [("confusion", "hành chinh"), ("rare-variant", "thi")];
        assert_eq!(reported(text, ""), both.map(|(r, w)| (r, w.to_string())));
        // With the tables off, the slip is still reported, here.
        let alone = [("rare-variant", "chinh"), ("rare-variant", "thi")];
        assert_eq!(
            reported(text, "confusion = \"off\"\n"),
            alone.map(|(r, w)| (r, w.to_string()))
        );
    }

    #[test]
    fn small_archive_thresholds_the_message_gives_both_counts() {
        let doc = Document::from_text("Phường giữ gìn trật tự đô thi.");
        let out = run(&RareVariant, &doc, &small_archive_config());
        assert_eq!(out.len(), 1, "{out:?}");
        assert!(
            out[0].message.en.contains("“đô thi” 0 times")
                && out[0].message.en.contains("“đô thị” 12 times"),
            "{}",
            out[0].message.en
        );
        assert!(out[0].message.vi.contains("“đô thị” 12 lần"));
    }

    #[test]
    fn small_archive_thresholds_silent_without_a_model_on_names_quotations_and_the_vocabulary() {
        let text = "Phường kiểm tra vệ sinh môi trướng.";
        let doc = Document::from_text(text);
        assert!(run(&RareVariant, &doc, &crate::Config::default()).is_empty());
        for text in [
            "Đồng chí Lê Văn Chữa Chảy dự họp.",
            "Khẩu hiệu “giữ vệ sinh môi trướng” là lời người dân.",
            "Tổ trưởng nói: \"khu dân cứ của tôi\" rất sạch.",
            "VỆ SINH MÔI TRƯỚNG LÀ VIỆC CỦA MỖI NGƯỜI.",
            "Phường ra quân vệ sinh môi trường tại các tổ dân phố.",
        ] {
            assert_eq!(
                flagged_with_small_archive_thresholds(text, &[]),
                vec![],
                "{text}"
            );
        }
        // The user's vocabulary is the engine's policy, for every rule.
        let mut config = small_archive_config();
        let text = "Phường kiểm tra vệ sinh môi trướng.";
        assert!(
            crate::lint_text(text, &config)
                .iter()
                .any(|d| d.rule == "rare-variant")
        );
        config.vocabulary = std::sync::Arc::new(["trướng".to_string()].into_iter().collect());
        assert!(
            crate::lint_text(text, &config)
                .iter()
                .all(|d| d.rule != "rare-variant")
        );
    }

    #[test]
    fn small_archive_thresholds_a_pair_the_document_keeps_writing_is_the_writers_choice() {
        let thrice = "Giữ trật tự đô thi. Đô thi sạch. Trật tự đô thi là việc chung.";
        assert_eq!(flagged_with_small_archive_thresholds(thrice, &[]), vec![]);
        // Twice is not yet a choice; and beside the archive's own spelling, it is a slip.
        let twice = "Giữ trật tự đô thi. Đô thi sạch.";
        assert_eq!(
            flagged_with_small_archive_thresholds(twice, &[]),
            pairs(&[("thi", "thị"), ("thi", "thị")])
        );
        let beside = format!("{thrice} Trật tự đô thị văn minh.");
        assert_eq!(flagged_with_small_archive_thresholds(&beside, &[]).len(), 3);
    }

    #[test]
    fn small_archive_thresholds_thresholds_are_options() {
        let text = "Phường kiểm tra vệ sinh môi trướng.";
        assert_eq!(
            flagged_with_small_archive_thresholds(text, &[("min-count", "15")]),
            vec![]
        );
        assert_eq!(
            flagged_with_small_archive_thresholds(text, &[("min-count", "14")]).len(),
            1
        );
        assert_eq!(
            flagged_with_small_archive_thresholds(text, &[("min-ratio", "100000000")]),
            vec![]
        );
        // The archive wrote "công tắc điện" once: a rare pair, but "tác" fits this place
        // no better than "tắc" (the archive never wrote "tác điện"), whatever the ratio.
        let text = "Không lắp công tắc điện sát hàng dễ cháy.";
        assert_eq!(flagged_with_small_archive_thresholds(text, &[]), vec![]);
        assert_eq!(
            flagged_with_small_archive_thresholds(text, &[("min-ratio", "1")]),
            vec![]
        );
        // Letter edits only when asked: "hành chín" is one letter from "hành chính".
        let text = "Phường làm tốt cải cách hành chín.";
        assert_eq!(flagged_with_small_archive_thresholds(text, &[]), vec![]);
        assert_eq!(
            flagged_with_small_archive_thresholds(text, &[("edits", "all")]),
            pairs(&[("chín", "chính")])
        );
        assert_eq!(
            flagged_with_small_archive_thresholds(text, &[("max-count", "0")]),
            vec![]
        );
    }

    #[test]
    fn default_thresholds_with_a_ten_times_larger_archive() {
        // Ten times the archive's 56 KB is about the 0.6 MB the defaults were chosen with.
        let larger = repeated_archive_config(10);
        let slip = "Phường kiểm tra vệ sinh môi trướng tại các tổ dân phô.";
        let expected = pairs(&[("trướng", "trường"), ("phô", "phố")]);
        assert_eq!(findings(slip, &larger), expected);
        for right in [
            "Phường kiểm tra vệ sinh môi trường tại các tổ dân phố.",
            "Không lắp công tắc điện sát hàng dễ cháy.",
            "Tập huấn cho khu dân cư, phòng cháy và chữa cháy.",
        ] {
            assert_eq!(findings(right, &larger), vec![], "{right}");
        }
        // The archive read once is too small for the shipped min-ratio (the ratio grows with
        // the archive): "phô" is missed, which is why the other tests use the small archive's.
        assert_eq!(
            findings(slip, &repeated_archive_config(1)),
            expected[..1].to_vec()
        );
    }
}
