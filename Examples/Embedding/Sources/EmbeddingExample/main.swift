// Evaluates one case built in code against the example board, as a case-management service
// would: the document is loaded, checked and compiled once, and the plan is shared.
import Foundation
import Thresholds
import ThresholdsDiagnostics

let boardPath = CommandLine.arguments.dropFirst().first ?? "../../Rules/northshire-neglect.yaml"
let loaded = DocumentLoader().load(contentsOf: boardPath)
guard let checked = loaded.checked else {
    print(DiagnosticRenderer().render(loaded.diagnostics, sources: [loaded.source.path: loaded.source]))
    exit(1)
}
let plan = checked.compile()

guard let asOf = LocalDate("2026-11-01"), let born = LocalDate("2026-05-20"), let assessed = LocalDate("2026-09-01")
else { exit(1) }

// A baby whose safety is graded 4. Everything else is unknown, so the result is provisional
// and says which facts, and which of the board's questions, could raise it.
let facts = CaseFacts(
    id: "EMBEDDED-1",
    child: .init(dateOfBirth: born),
    assessments: [.init(date: assessed, grades: ["safety_supervision": 4, "nutrition": 3])]
)
// Triage needs only the decision; a practitioner reading the result needs the explanation.
let decision = plan.decide(facts, asOf: asOf)
let recommendation = plan.evaluate(facts, asOf: asOf)
guard decision.level == recommendation.level, decision.provisional == recommendation.provisional else { exit(1) }

print("level: \(recommendation.level.rawValue) (\(recommendation.label))")
print("provisional: \(recommendation.provisional)")
print("fired: \(recommendation.firedRules.map(\.id).joined(separator: ", "))")
// Decisive items first: each answer alone could change the level. `effect` says which way.
for need in recommendation.informationNeeded.filter(\.decisive).prefix(3) {
    print("needed (\(need.effect.rawValue)): \(need.question) [\(need.fact)] -> \(need.couldReach.rawValue)")
}
let together = recommendation.informationNeeded.filter { !$0.decisive }.count
print("unknown, deciding nothing on its own: \(together)")
