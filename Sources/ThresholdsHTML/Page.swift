import Foundation
import Plot
import Thresholds

/// The frame every page shares: a self-contained HTML5 document (no scripts, no external
/// resources), British English, one stylesheet, readable on screen and in print.
enum Page {
    /// A whole page: `<!DOCTYPE html>` to `</html>`, indented, ending with a newline.
    static func render(title: String, body: [Node<HTML.BodyContext>]) -> String {
        let html = HTML(
            .attribute(named: "lang", value: "en-GB"),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .element(named: "title", text: title),
                .style(stylesheet)
            ),
            .body(.group(body))
        )
        return html.render(indentedBy: .spaces(1)) + "\n"
    }

    /// The id of a level's section.
    static func anchor(_ level: Level) -> String { "level-\(level.rawValue)" }
    /// The id of a rule's entry.
    static func anchor(rule id: String) -> String { "rule-\(id)" }
    /// The id of a glossary entry (a definition, judgement question, table or board fact).
    static func anchor(term name: String) -> String { "term-\(name)" }

    /// A phrase, its terms linked to the glossary.
    static func phrase(_ phrase: Phrase) -> Node<HTML.BodyContext> {
        .group(phrase.parts.map { part -> Node<HTML.BodyContext> in
            switch part {
            case .text(let text): .text(text)
            case .term(let text, let name): .a(.class("term"), .href("#" + anchor(term: name)), .text(text))
            }
        })
    }

    /// A condition in prose, each criterion followed by the expression it says.
    static func prose(_ condition: ProseCondition) -> Node<HTML.BodyContext> {
        switch condition {
        case .sentence(let words, let expression):
            return .group(.span(.class("criterion"), phrase(words)), .text(" "), .code(.class("expr"), .text(expression)))
        case .all(let parts): return list("all of:", parts)
        case .any(let parts): return list("any of:", parts)
        case .atLeast(let count, let parts): return list("at least \(count) of:", parts)
        case .not(let part): return .group(.span(.class("joiner"), .text("not: ")), prose(part))
        }
    }

    private static func list(_ joiner: String, _ parts: [ProseCondition]) -> Node<HTML.BodyContext> {
        .group(
            .span(.class("joiner"), .text(joiner)),
            .ul(.class("conditions"), .forEach(parts) { .li(prose($0)) })
        )
    }

    /// A condition as it evaluated: its truth, the expression, the facts read with their values, and its parts.
    static func explanation(_ explanation: Explanation) -> Node<HTML.BodyContext> {
        .group(
            .span(.class("truth-\(explanation.result.rawValue)"), .text("[\(explanation.result.rawValue)] ")),
            .code(.class("expr"), .text(explanation.condition)),
            .if(!explanation.readings.isEmpty,
                .text(" — " + explanation.readings.map { "\($0.name) = \($0.value)" }.joined(separator: ", "))),
            .if(!explanation.parts.isEmpty, .ul(.class("conditions"), .forEach(explanation.parts) { .li(Page.explanation($0)) }))
        )
    }

    /// A definition list entry of label and value, skipped when the value is absent.
    static func fact(_ label: String, _ value: String?) -> Node<HTML.DescriptionListContext> {
        guard let value else { return .empty }
        return .group(.dt(.text(label)), .dd(.text(value)))
    }

    /// The stylesheet: system fonts, high contrast, the ladder's colours, and print rules.
    static let stylesheet = """
        :root { color-scheme: light; --ink: #1b1b1b; --muted: #4a4a4a; --rule: #b1b4b6; --accent: #1d4f91; \
        --universal: #e8f1e4; --early_help: #fdf3d0; --child_in_need: #fbe2c8; --child_protection: #f6cfcf; --pre_proceedings: #e7d4ef; }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 60rem; padding: 1.5rem; font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Arial, sans-serif; color: var(--ink); background: #fff; }
        header.doc { border-bottom: 4px solid var(--accent); margin-bottom: 1.5rem; }
        h1 { font-size: 1.9rem; line-height: 1.2; margin: 0.2rem 0 0.5rem; }
        h2 { font-size: 1.45rem; margin-top: 2.2rem; border-bottom: 1px solid var(--rule); }
        h3 { font-size: 1.15rem; margin-bottom: 0.3rem; }
        a { color: var(--accent); }
        a:focus { outline: 3px solid #fd0; }
        .board { font-weight: 600; color: var(--muted); margin: 0; }
        .notice { background: #fff4e5; border-left: 6px solid #b35c00; padding: 0.6rem 0.9rem; }
        .meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 1rem; margin: 0.6rem 0; }
        .meta dt { font-weight: 600; }
        .meta dd { margin: 0; }
        nav.contents ol { columns: 2; }
        figure.ladder { margin: 1rem 0; }
        figure.ladder svg { width: 100%; height: auto; }
        figure.ladder figcaption { color: var(--muted); font-size: 0.9rem; }
        section.level { border-left: 8px solid var(--rule); padding-left: 1rem; margin-top: 2rem; }
        section.level > h2 { border: 0; margin-top: 0; }
        .band { color: var(--muted); margin-top: -0.8rem; }
        .guidance { background: #f3f2f1; padding: 0.6rem 0.9rem; }
        article.rule { border-top: 1px solid var(--rule); padding: 0.4rem 0 0.8rem; }
        article.rule .id { font-family: ui-monospace, "SFMono-Regular", Menlo, monospace; font-weight: 600; color: var(--muted); margin-right: 0.4rem; }
        .joiner { font-weight: 600; }
        ul.conditions { margin: 0.2rem 0 0.2rem 0; padding-left: 1.4rem; }
        code.expr { font-size: 0.8rem; color: var(--muted); background: #f3f2f1; padding: 0 0.25rem; border-radius: 3px; }
        .because { font-style: italic; }
        .source, .file { color: var(--muted); font-size: 0.92rem; }
        .actions-title { margin: 0.5rem 0 0; }
        .actions { margin-top: 0.1rem; }
        .actions li { margin: 0.1rem 0; }
        .strength { font-weight: 700; text-transform: uppercase; font-size: 0.8rem; }
        .overdue { color: #a4000f; font-weight: 700; }
        dl.glossary dt { font-weight: 700; margin-top: 0.8rem; }
        dl.glossary dd { margin-left: 1rem; }
        table { border-collapse: collapse; margin: 0.5rem 0; }
        th, td { border: 1px solid var(--rule); padding: 0.25rem 0.6rem; text-align: left; vertical-align: top; }
        th { background: #f3f2f1; }
        .result { border: 3px solid var(--accent); padding: 0.8rem 1rem; margin: 1rem 0; }
        .result .level { font-size: 1.5rem; font-weight: 700; margin: 0; }
        .provisional { color: #a4000f; font-weight: 700; }
        .truth-true { color: #005a30; font-weight: 600; }
        .truth-false { color: var(--muted); }
        .truth-unknown { color: #a4000f; font-weight: 600; }
        .sides { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
        .sides > div { border: 1px solid var(--rule); padding: 0 0.8rem; }
        td.moved { font-weight: 700; background: #fff4e5; }
        td.same { color: var(--muted); }
        footer { margin-top: 3rem; border-top: 1px solid var(--rule); color: var(--muted); font-size: 0.9rem; }
        @media print { body { max-width: none; } nav.contents { display: none; } a { color: inherit; text-decoration: none; } section.level, article.rule { break-inside: avoid-page; } }
        """
}
