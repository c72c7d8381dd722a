import Testing
@testable import Thresholds
import ThresholdsDiagnostics

/// What board authors tripped over while encoding published criteria; the diagnostics side is
/// pinned in `Corpus/check-authoring-surprises.yaml`.
@Suite("Authoring surprises")
struct AuthoringSurpriseTests {
    @Test("'calendar' before a unit is what boards write: '1 calendar month' is '1 month'")
    func calendarUnits() throws {
        #expect(Duration("1 calendar month") == Duration(1, .months))
        #expect(Duration("28 calendar days") == Duration(28, .days))
        #expect(Duration("2 calendar hours") == nil)
        let written = try #require(Fixture.single("since(concern) <= 1 calendar month"))
        let plain = try #require(Fixture.single("since(concern) <= 1 month"))
        #expect(written.document.rules[0].when == plain.document.rules[0].when)
    }

    @Test("a definition that cannot be read is reported once; its uses are not unknown names")
    func noCascade() {
        let loaded = DocumentLoader().load(text: """
            thresholds: 1
            board: B
            title: T
            version: "1"
            effective: 2026-01-01
            levels: { early_help: { label: L2 } }
            definitions:
              broken:
                when: since(concern) <= 1 fortnight
            rules:
              - { id: R-1, title: t, level: early_help, when: broken, source: s }
              - { id: R-2, title: t, level: early_help, when: "not broken", source: s }
            """, path: "t.yaml")
        #expect(loaded.diagnostics.map(\.id) == ["expression.syntax"])
    }

    @Test("hours that are not whole days are rounded up, with a warning and a fix-it; whole days are not warned about")
    func hoursRounded() {
        func warnings(_ when: String) -> [String] {
            Fixture.single(when)?.warnings.filter { $0.id == "check.duration-rounded" }.compactMap(\.fixIts.first?.edits.first?.replacement) ?? []
        }
        #expect(warnings("since(child_seen) > 36 hours") == ["2 days"])
        #expect(warnings("since(child_seen) > 1 hour") == ["1 day"])
        #expect(warnings("since(child_seen) > 48 hours").isEmpty)
        #expect(warnings("since(child_seen) > 9223372036854775807 hours").count == 1, "no overflow")
    }
}
