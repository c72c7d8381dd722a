import Foundation
import Plot
public import Thresholds

/// A case's recommendation as a page to attach to a case record, in the published document's
/// look: the level (and whether it is provisional), actions with their due dates (overdue
/// first), procedures triggered, the rules that fired with the facts they read, why the next
/// level up was not reached, and the information needed, put as questions.
public enum RecommendationPage {
    /// One page for one or more recommendations, one section each, in order.
    ///
    /// - Parameter allInformation: list every item of information needed, not only the
    ///   ``RecommendationRenderer/informationShown`` most consequential decisive ones.
    public static func render(_ recommendations: [Recommendation], allInformation: Bool = false) -> String {
        let first = recommendations.first
        let title = recommendations.count == 1
            ? "Recommendation for case \(first?.caseID ?? "(no id)")"
            : "Recommendations for \(recommendations.count) cases"
        var body: [Node<HTML.BodyContext>] = [
            .header(
                .class("doc"),
                .p(.class("board"), .text(first.map { "\($0.board): \($0.document) v\($0.documentVersion)" } ?? "")),
                .h1(.text(title))
            ),
        ]
        body.append(.main(.forEach(recommendations.enumerated()) { index, recommendation in
            section(recommendation, id: "case-\(index + 1)", allInformation: allInformation)
        }))
        body.append(.footer(.p(.text("The engine recommends; practitioners decide."))))
        return Page.render(title: title, body: body)
    }

    private static func section(_ r: Recommendation, id: String, allInformation: Bool) -> Node<HTML.BodyContext> {
        let raising = Question.grouping(r.informationNeeded.filter { $0.effect == .raise && $0.decisive })
        let lowering = Question.grouping(r.informationNeeded.filter { $0.effect == .lower })
        let together = r.informationNeeded.filter { $0.effect == .raise && !$0.decisive }
        return .section(
            .id(id), .class("case"),
            .h2(.text("Case \(r.caseID ?? "(no id)")")),
            .dl(
                .class("meta"),
                Page.fact("As of", r.asOf.description),
                Page.fact("Document", "\(r.document), version \(r.documentVersion), effective \(r.effective)"),
                Page.fact("Board", r.board)
            ),
            .div(
                .class("result"),
                .style("border-color: \(LevelLadder.colour(r.level))"),
                .p(.class("level"), .text(r.sublevel.map { "\($0.label) (\(r.label))" } ?? r.label)),
                .if(r.provisional, .p(.class("provisional"), .text("Provisional: " + RecommendationWording.provisionalReason(r)))),
                .unwrap(r.band) { .p(.text("Band: \($0)")) },
                .if(r.baseLevel != r.level, .p(.text("Raised from \(r.baseLevel.rawValue) by a modifier."))),
                .if(r.keptCurrentPlan == true,
                    .p(.text(RecommendationWording.keptCurrentPlan))),
                .unwrap(r.sublevel?.guidance ?? r.guidance) { .p(.class("guidance"), .strong(.text("What to do: ")), .text($0)) }
            ),
            .if(!r.actions.isEmpty, .group(
                .h3(.text(RecommendationWording.actionsHeading(r))),
                .ul(.class("actions"), .forEach(r.actions) { action($0) })
            )),
            .if(!r.procedures.isEmpty, .group(
                .h3(.text(RecommendationWording.proceduresHeading)),
                .forEach(r.procedures) { fired($0) }
            )),
            .h3(.text(r.firedRules.isEmpty
                ? RecommendationWording.noRuleHeading(r)
                : "Why: the rules that fired")),
            .forEach(r.firedRules) { fired($0) },
            .if(!r.nearMisses.isEmpty, .group(
                .h3(.text(RecommendationWording.nearMissesHeading(r))),
                .forEach(r.nearMisses) { miss in
                    .article(
                        .class("rule"),
                        .h4(.span(.class("id"), .text(miss.id)), .text(miss.title)),
                        .unwrap(miss.source) { .p(.class("source"), .text("Source: \($0)")) },
                        .unwrap(miss.file) { .p(.class("file"), .text("From: \($0)")) },
                        .ul(.forEach(miss.failed) { .li(.text($0)) })
                    )
                }
            )),
            questions(RecommendationWording.raisingHeading,
                      allInformation ? raising : Array(raising.prefix(RecommendationRenderer.informationShown)), verb: "could lead to"),
            questions(RecommendationWording.loweringHeading, lowering, verb: "if the exception applies, could fall to"),
            questions(RecommendationWording.togetherHeading, allInformation ? Question.grouping(together) : [],
                      verb: "with others, could lead to"),
            .if(!allInformation && (raising.count > RecommendationRenderer.informationShown || !together.isEmpty),
                .p(.class("source"), .text("More unknown facts are not listed: below the first \(RecommendationRenderer.informationShown), "
                                           + "or deciding nothing without other unknowns (--all-information lists every one)."))),
            .unwrap(r.counterfactuals) { changes in
                .group(
                    .h3(.text(RecommendationWording.counterfactualsHeading(r))),
                    changes.isEmpty
                        ? .p(.text(RecommendationWording.noCounterfactual(r)))
                        : .ul(.forEach(changes) { change in
                            .li(.text(change.sentence), .if(change.isCliffEdge, .strong(.text(RecommendationWording.cliffEdge))))
                        }),
                    .p(.class("source"), .text(RecommendationWording.counterfactualsCaveat))
                )
            },
            .unwrap(r.notice) { .p(.class("notice"), .strong(.text("Notice: ")), .text($0)) }
        )
    }

    private static func action(_ action: RecommendedAction) -> Node<HTML.ListContext> {
        .li(
            .if(action.overdue == true, .span(.class("overdue"), .text("Overdue: "))),
            .text(action.sentence),
            .unwrap(action.due) { due in .group(.text(", due "), .element(named: "time", nodes: [.attribute(named: "datetime", value: due.description), .text(due.description)])) },
            .text(" [\(action.rules.joined(separator: ", "))]"),
            .unwrap(action.from) { .div(.class("source"), .text("Counted from \($0)")) },
            .if(action.overdue == true, .unwrap(action.completedBy) {
                .div(.class("overdue"), .text("No ‘\($0)’ recorded since its time began to run."))
            })
        )
    }

    /// A rule that fired, with its citation and how its condition (and exception) evaluated.
    static func fired(_ rule: FiredRule) -> Node<HTML.BodyContext> {
        .article(
            .class("rule"),
            .h4(.span(.class("id"), .text(rule.id)), .text(rule.title),
                .text(" → \(rule.level.rawValue)\(rule.sublevel.map { "." + $0 } ?? "")\(rule.modifier ? " (modifier)" : "")")),
            .unwrap(rule.because) { .p(.class("because"), .text($0)) },
            .unwrap(rule.source) { .p(.class("source"), .text("Source: \($0)")) },
            .unwrap(rule.file) { .p(.class("file"), .text("From: \($0)")) },
            .unwrap(rule.overrides) { old in
                .p(.class("source"), .text("Overrides: \(old.title) in \(old.file)\(old.source.map { " (\($0))" } ?? "")"))
            },
            .ul(.class("conditions"), .li(Page.explanation(rule.explanation))),
            .unwrap(rule.exception) { exception in
                .group(
                    .p(.strong(.text(rule.exceptionUnconfirmed
                        ? "Unless (not confirmed: the rule applies until the exception is known to apply):"
                        : "Unless (did not apply):"))),
                    .ul(.class("conditions"), .li(Page.explanation(exception)))
                )
            }
        )
    }

    private static func questions(_ title: String, _ questions: [Question], verb: String) -> Node<HTML.BodyContext> {
        guard !questions.isEmpty else { return .empty }
        return .group(
            .h3(.text(title)),
            .ol(.class("questions"), .forEach(questions) { question in
                .li(
                    .strong(.text(question.text)),
                    .text(" — \(verb) \(question.couldReach.rawValue) via \(question.rules.joined(separator: ", "))"),
                    .div(.class("source"), .text("Recorded as \(question.facts.joined(separator: ", "))"))
                )
            })
        )
    }
}
