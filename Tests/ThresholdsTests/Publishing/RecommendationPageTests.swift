import Foundation
import Testing
@testable import Thresholds
import ThresholdsHTML

/// `thresholds evaluate --format html`: a case's recommendation as a page for the case record,
/// checked for its structure and pinned to golden files.
@Suite("The recommendation page")
struct RecommendationPageTests {
    static let cases: [(rules: String, path: String)] = [
        ("Rules/northshire-neglect.yaml", "Examples/cases/04-cp-baby-refused-access.yaml"),
        ("Rules/northshire-neglect.yaml", "Examples/cases/06-provisional-unknowns.yaml"),
        ("Rules/wessex/kennet-procedures.yaml", "Examples/cases/kennet-procedures/01-unseen-child.yaml"),
    ]

    static func recommendation(_ rules: String, _ path: String) throws -> Recommendation {
        let root = Fixture.root.path + "/"
        let checked = try #require(DocumentLoader().load(contentsOf: root + rules, rulesRoot: root + "Rules").checked)
        let loaded = CaseLoader().load(contentsOf: root + path)
        let facts = try #require(loaded.facts)
        return checked.compile().evaluate(facts, asOf: try #require(loaded.asOf))
    }

    static func page(_ recommendations: [Recommendation]) -> String {
        RecommendationPage.render(recommendations).replacingOccurrences(of: Fixture.root.path + "/", with: "")
    }

    @Test("each example's page, pinned, with the level, every fired rule and near miss, the questions and the actions",
          arguments: 0..<3)
    func page(_ index: Int) throws {
        let (rules, path) = Self.cases[index]
        let recommendation = try Self.recommendation(rules, path)
        let html = Self.page([recommendation])
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        Snapshot.assertMatches(html, file: Snapshot.directory().appendingPathComponent("Snapshots/render/evaluate-\(name).html"))
        let page = HTMLStructure(html)
        #expect(page.error == nil)
        #expect(page.all("script").isEmpty)
        let result = try #require(page.withClass("result").first)
        #expect(result.text.contains(recommendation.label))
        #expect(page.withClass("provisional").isEmpty != recommendation.provisional)
        let articles = page.all("article").map(\.text)
        for rule in recommendation.firedRules + recommendation.procedures {
            #expect(articles.contains { $0.contains(rule.id) && $0.contains(rule.title) }, "fired rule \(rule.id) shown")
            for reading in rule.explanation.readings { #expect(html.contains("\(reading.name) = \(reading.value)".htmlEscaped)) }
        }
        for miss in recommendation.nearMisses {
            #expect(articles.contains { $0.contains(miss.id) && miss.failed.allSatisfy($0.contains) }, "near miss \(miss.id) shown")
        }
        let decisive = Question.grouping(recommendation.informationNeeded.filter { $0.effect == .raise && $0.decisive })
        // Questions are the page's only numbered list items: the decisive ones, then those to confirm.
        let lowering = Question.grouping(recommendation.informationNeeded.filter { $0.effect == .lower })
        let asked = page.elements.filter { $0.name == "li" && $0.ancestors.last == "ol" }
        #expect(asked.count == min(decisive.count, RecommendationRenderer.informationShown) + lowering.count)
        for question in decisive.prefix(RecommendationRenderer.informationShown) {
            #expect(page.all("strong").contains { $0.text == question.text }, "asked: \(question.text)")
        }
        for action in recommendation.actions {
            #expect(html.contains(action.sentence.htmlEscaped))
            if let due = action.due { #expect(page.all("time").contains { $0.attributes["datetime"] == due.description }) }
        }
        #expect(page.withClass("overdue").isEmpty == !recommendation.actions.contains { $0.overdue == true })
    }

    @Test("several cases make one page, a section each, in order")
    func several() throws {
        let recommendations = try Self.cases.prefix(2).map { try Self.recommendation($0.rules, $0.path) }
        let page = HTMLStructure(Self.page(recommendations))
        #expect(page.error == nil)
        #expect(page.all("section").filter { $0.attributes["class"] == "case" }.compactMap { $0.attributes["id"] } == ["case-1", "case-2"])
        #expect(page.all("h2").map(\.text) == recommendations.map { "Case \($0.caseID ?? "(no id)")" })
    }
}

extension String {
    /// The text as Plot writes it inside an element.
    var htmlEscaped: String {
        replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
