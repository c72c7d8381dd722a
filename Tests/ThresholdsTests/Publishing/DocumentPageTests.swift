import Foundation
import Testing
@testable import Thresholds
import ThresholdsHTML

/// `thresholds render`: the published document generated from the rules, checked for its
/// structure (every level, rule, definition and question present, links that resolve, an
/// accessible ladder, nothing executable) and pinned to golden files.
@Suite("The published threshold document")
struct DocumentPageTests {
    static let documents = [
        "Rules/northshire-neglect.yaml", "Rules/wessex/kennet-neglect.yaml", "Rules/wessex/kennet-procedures.yaml",
        "Rules/wessex/baseline/wessex-baseline.yaml",
    ]

    static func checked(_ path: String) throws -> CheckedDocument {
        try #require(DocumentLoader().load(contentsOf: Fixture.root.path + "/" + path, rulesRoot: Fixture.root.path + "/Rules").checked)
    }

    static func page(_ path: String) throws -> String {
        DocumentPage.render(try checked(path)).replacingOccurrences(of: Fixture.root.path + "/", with: "")
    }

    @Test("each example document's page, pinned", arguments: documents)
    func golden(_ path: String) throws {
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        Snapshot.assertMatches(try Self.page(path), file: Snapshot.directory().appendingPathComponent("Snapshots/render/\(name).html"))
    }

    @Test("the page is well formed, its links resolve, and every level, rule, definition and question is on it", arguments: documents)
    func structure(_ path: String) throws {
        let document = try Self.checked(path).document
        let page = HTMLStructure(try Self.page(path))
        #expect(page.error == nil)
        #expect(page.all("html").first?.attributes["lang"] == "en-GB")
        #expect(page.all("title").first?.text.contains(document.title) == true)
        #expect(page.all("h1").map(\.text) == [document.title])
        #expect(page.all("script").isEmpty && page.all("iframe").isEmpty && page.all("img").isEmpty)
        #expect(page.all("link").isEmpty, "self-contained: no external stylesheet")
        #expect(Set(page.ids).count == page.ids.count, "ids are unique")
        let ids = Set(page.ids)
        for link in page.fragmentLinks { #expect(ids.contains(link), "link to #\(link) resolves") }
        for level in Level.allCases {
            let section = try #require(page.first(id: "level-\(level.rawValue)"))
            #expect(section.text.contains(document.label(for: level)))
        }
        for rule in document.rules {
            let article = try #require(page.first(id: "rule-\(rule.id.value)"), "rule \(rule.id.value) is published")
            #expect(article.name == "article")
            #expect(article.text.contains(rule.title))
            if let source = rule.source { #expect(article.text.contains(source)) }
            if let because = rule.because { #expect(article.text.contains(because)) }
            // Every criterion says in words what the engine applies, with the expression beside it.
            for expression in rule.when.expressions { #expect(article.text.contains(expression.description)) }
        }
        for definition in document.definitions {
            #expect(page.first(id: "term-\(definition.name.value)")?.name == "dt")
        }
        for fact in document.facts { if let question = fact.question { #expect(page.first(id: "term-\(fact.name.value)")?.text == question) } }
        // The ladder: inline SVG, labelled by its own title and description, one linked step per level.
        let svg = try #require(page.all("svg").first)
        #expect(svg.attributes["role"] == "img")
        #expect(svg.attributes["aria-labelledby"] == "ladder-title ladder-desc")
        #expect(page.first(id: "ladder-title")?.name == "title" && page.first(id: "ladder-desc")?.name == "desc")
        let steps = page.all("a").filter { $0.ancestors.contains("svg") }.compactMap { $0.attributes["href"] }
        #expect(steps == Level.allCases.map { "#level-\($0.rawValue)" })
        #expect(page.all("rect").count == Level.allCases.count)
        // Each step names the rules that lead to its level.
        let stepTitles = page.all("title").filter { $0.ancestors.contains("a") }.map(\.text)
        for level in Level.allCases {
            let ids = document.rules.filter { $0.effect.value == .level(level) }.map(\.id.value)
            #expect(stepTitles.contains(ids.isEmpty ? "No rule recommends this level directly" : "Rules: " + ids.joined(separator: ", ")))
        }
    }

    @Test("a document that extends a baseline says what it replaces, removes and adds")
    func changes() throws {
        let page = HTMLStructure(try Self.page("Rules/wessex/kennet-neglect.yaml"))
        let changes = try #require(page.first(id: "changes"))
        #expect(changes.text.contains("Rules/wessex/baseline/wessex-baseline.yaml"))
        #expect(changes.text.contains("WX-EH-03") && changes.text.contains("replaces the baseline's “Persistent school absence”"))
        #expect(changes.text.contains("WX-EH-04 from Rules/wessex/baseline/wessex-baseline.yaml: Kennet's universal dental outreach"))
        #expect(changes.text.contains("KN-CIN-01"))
        #expect(HTMLStructure(try Self.page("Rules/northshire-neglect.yaml")).first(id: "changes") == nil)
    }

    @Test("the board's words are text, never markup")
    func escaping() throws {
        let text = """
            thresholds: 1
            board: "Board <script>alert(1)</script>"
            title: "Neglect & <b>care</b>"
            version: "1"
            effective: 2026-01-01
            rules:
              - id: R-1
                title: "Quote \\" and <i>tags</i>"
                level: early_help
                when: domain.hygiene >= 3
                because: "x < 3 & y > 2"
            """
        let checked = try #require(DocumentLoader().load(text: text, path: "inline.yaml").checked)
        let html = DocumentPage.render(checked)
        let page = HTMLStructure(html)
        #expect(page.error == nil)
        #expect(page.all("script").isEmpty && page.all("b").isEmpty && page.all("i").isEmpty)
        #expect(page.all("h1").map(\.text) == ["Neglect & <b>care</b>"])
        #expect(page.first(id: "rule-R-1")?.text.contains("x < 3 & y > 2") == true)
    }

    @Test("criteria in plain English, with the document's terms linked")
    func prose() throws {
        let document = try Self.checked("Rules/northshire-neglect.yaml").document
        let prose = ConditionProse(document)
        func words(_ id: String) throws -> String {
            let rule = try #require(document.rules.first { $0.id.value == id })
            guard case .sentence(let phrase, _) = prose.condition(rule.when) else { return "" }
            return phrase.description
        }
        #expect(try words("NS-EH-01") == "in at least one of the areas of care, the grade is 3")
        let accumulating = try #require(document.definitions.first { $0.name.value == "accumulating_concerns" })
        guard case .sentence(let phrase, _) = prose.condition(accumulating.condition) else {
            Issue.record("one expression is one sentence")
            return
        }
        #expect(phrase.description == "the number of the areas of care where the grade is at least 3 is at least 3 and the answer to "
                + "“Is the child's health or development being impaired by the care they receive?” is yes")
        #expect(phrase.parts.contains(.term("“Is the child's health or development being impaired by the care they receive?”", name: "impairment")))
        let definition = try #require(document.definitions.first { $0.name.value == "baby" })
        guard case .sentence(let baby, _) = prose.condition(definition.condition) else { return }
        #expect(baby.description == "not (the child is not yet born) and the child's age is less than 1 year")
    }
}
