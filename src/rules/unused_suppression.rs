use crate::diagnostic::Diagnostic;
use crate::rules::{LintContext, Rule, RuleMeta, declare_rule};

declare_rule! {
    /// A suppression comment that names an unknown rule or suppresses nothing.
    ///
    /// ## What it does
    /// Reports a `vnlint-disable…` comment that names a rule vnlint does not have, or that
    /// silences no finding at all. The findings are made where suppressions are applied
    /// (`src/suppress.rs`), after every other rule has run, so this entry's own check has
    /// nothing to do; it is registered so that it is listed, explained and configurable like
    /// any rule.
    ///
    /// ## Why
    /// A suppression that silences nothing is a stale promise: the mistake it covered was
    /// fixed, or its rule name is misspelt and the finding it was meant to cover still shows.
    ///
    /// ## Example
    /// ```text
    /// vnlint-disable-next-line confusion
    /// An ninh chính trị được giữ vững.
    /// ```
    ///
    /// ## Silent example
    /// ```text
    /// vnlint-disable-next-line confusion -- trích nguyên văn biên bản
    /// A ninh chính trị được giữ vững.
    /// ```
    pub struct UnusedSuppression {
        id: "unused-suppression",
        severity: Warning,
        vi: "Lệnh tắt kiểm tra nêu quy tắc không tồn tại hoặc không che lỗi nào.

## Tác dụng
Báo những chú thích `vnlint-disable…` nêu tên một quy tắc mà vnlint không có, hoặc không che phát hiện nào. Các phát hiện này được tạo ra ở nơi áp dụng lệnh tắt (`src/suppress.rs`), sau khi mọi quy tắc khác đã chạy; mục này được đăng ký để có thể liệt kê, giải thích và cấu hình như mọi quy tắc.

## Vì sao
Lệnh tắt không che gì là một lời hứa đã cũ: lỗi nó từng che đã được sửa, hoặc tên quy tắc bị gõ sai nên lỗi cần che vẫn hiện ra.",
    }
}

impl Rule for UnusedSuppression {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    /// Nothing to do per document: see the module documentation above.
    fn check(&self, _ctx: &LintContext<'_>, _out: &mut Vec<Diagnostic>) {}
}
