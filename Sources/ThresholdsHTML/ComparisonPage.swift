import Plot
public import Thresholds

/// A comparison of two versions of a document over a caseload as a page for a board: the
/// transition matrix, then each changed case with the old and the new result side by side (the
/// rules that stopped firing under the old document, those that newly fire or fire as revised
/// under the new, with the facts they read) and the actions added or removed.
public enum ComparisonPage {
    /// The page for a comparison.
    public static func render(_ comparison: CaseloadComparison) -> String {
        let title = "\(comparison.old.title) v\(comparison.old.version) → \(comparison.new.title) v\(comparison.new.version)"
        let body: [Node<HTML.BodyContext>] = [
            .header(
                .class("doc"),
                .p(.class("board"), .text(comparison.old.board == comparison.new.board
                    ? comparison.old.board : "\(comparison.old.board) → \(comparison.new.board)")),
                .h1(.text("What the revision changes")),
                .dl(
                    .class("meta"),
                    Page.fact("Old", "\(comparison.old.title), version \(comparison.old.version)"),
                    Page.fact("New", "\(comparison.new.title), version \(comparison.new.version)"),
                    Page.fact("Cases", "\(comparison.cases) evaluated under both; \(comparison.rejected) lines rejected; "
                              + "\(comparison.changed.count) changed")
                )
            ),
            .main(
                .section(.id("transitions"), .h2(.text("Transitions")), matrix(comparison)),
                .section(
                    .id("changed"),
                    .h2(.text("Changed cases")),
                    comparison.changed.isEmpty
                        ? .p(.text("No case's level, provisional status or actions change."))
                        : .forEach(comparison.changed) { changedCase($0) }
                )
            ),
            .footer(.p(.text("The engine recommends; practitioners decide."))),
        ]
        return Page.render(title: title, body: body)
    }

    private static func matrix(_ comparison: CaseloadComparison) -> Node<HTML.BodyContext> {
        .table(
            .caption(.text("Cases by level under the old document (rows) and the new (columns)")),
            .tr(.th(.text("old \\ new")), .forEach(Level.allCases) { .th(.attribute(named: "scope", value: "col"), .text($0.rawValue)) }),
            .forEach(Level.allCases) { old in
                .tr(
                    .th(.attribute(named: "scope", value: "row"), .text(old.rawValue)),
                    .forEach(Level.allCases) { new in
                        let count = comparison.transitions[old.rank][new.rank]
                        return .td(.class(old == new ? "same" : (count > 0 ? "moved" : "")), .text(String(count)))
                    }
                )
            }
        )
    }

    private static func changedCase(_ change: CaseloadComparison.ChangedCase) -> Node<HTML.BodyContext> {
        func level(_ level: Level, _ sublevel: String?, _ provisional: Bool) -> String {
            level.rawValue + (sublevel.map { ".\($0)" } ?? "") + (provisional ? " (provisional)" : "")
        }
        return .article(
            .id("line-\(change.line)"), .class("rule"),
            .h3(.text("Line \(change.line)\(change.caseID.map { " (\($0))" } ?? ""): "
                      + level(change.oldLevel, change.oldSublevel, change.oldProvisional) + " → "
                      + level(change.newLevel, change.newSublevel, change.newProvisional))),
            .div(
                .class("sides"),
                .div(
                    .h4(.text("Old: no longer fires")),
                    change.stoppedFiring.isEmpty ? .p(.text("Nothing stopped firing.")) : .forEach(change.stoppedFiring) { RecommendationPage.fired($0) }
                ),
                .div(
                    .h4(.text("New: now fires, or fires as revised")),
                    change.newlyFired.isEmpty && change.firedRevised.isEmpty
                        ? .p(.text("Nothing new fires."))
                        : .group(.forEach(change.newlyFired) { RecommendationPage.fired($0) },
                                 .forEach(change.firedRevised) { RecommendationPage.fired($0) })
                )
            ),
            .if(!change.actionsAdded.isEmpty,
                .p(.strong(.text("Actions added: ")), .text(change.actionsAdded.map { $0.words() }.joined(separator: ", ")))),
            .if(!change.actionsRemoved.isEmpty,
                .p(.strong(.text("Actions removed: ")), .text(change.actionsRemoved.map { $0.words() }.joined(separator: ", "))))
        )
    }
}
