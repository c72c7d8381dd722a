/// The words a recommendation is presented in, shared by every renderer (text, Markdown, the
/// HTML page), so that they cannot say different things.
public enum RecommendationWording {
    /// Why a provisional result is provisional: `rules that could raise the level wait on the
    /// information below; the level rests on exceptions not yet confirmed.`
    public static func provisionalReason(_ r: Recommendation) -> String {
        var why: [String] = []
        if r.informationNeeded.contains(where: { $0.effect == .raise && $0.decisive }) {
            why.append("rules that could raise the level wait on the information below")
        }
        if r.informationNeeded.contains(where: { $0.effect == .lower }) { why.append("the level rests on exceptions not yet confirmed") }
        if why.isEmpty { why.append("rules that could raise the level wait on several facts at once, none decisive alone") }
        return why.joined(separator: "; ") + "."
    }

    /// Said when a procedures-only document keeps the child's current plan.
    public static let keptCurrentPlan = "The level is the child's current plan, kept: this document sets procedures, not levels."

    /// The heading of the actions: overdue ones come first when there are any.
    public static func actionsHeading(_ r: Recommendation) -> String {
        r.actions.contains { $0.overdue == true } ? "Actions (overdue first)" : "Actions"
    }

    /// The heading of the procedures that fired.
    public static let proceduresHeading = "Procedures triggered"

    /// The heading when no rule set the level.
    public static func noRuleHeading(_ r: Recommendation) -> String {
        r.procedures.isEmpty ? "No rule fired" : "No rule setting a level fired"
    }

    /// The heading of the near misses: the rules of the next level up.
    public static func nearMissesHeading(_ r: Recommendation) -> String {
        "Why not \(r.nearMisses.first.map { $0.level.rawValue } ?? "higher"): rules of the next level up that did not fire"
    }

    /// The heading of the questions whose answers could raise the level.
    public static let raisingHeading = "Information needed: answers that could raise the level (most consequential first)"
    /// The heading of the exceptions to confirm.
    public static let loweringHeading = "Information needed: exceptions to confirm, which could lower the level"
    /// The heading of the facts that matter only with other unknowns.
    public static let togetherHeading = "Also unknown: facts that matter only together with other unknowns"

    /// The heading of the counterfactuals: for `--why-not LEVEL`, or the nearest changes.
    public static func counterfactualsHeading(_ r: Recommendation) -> String {
        r.whyNot.map { "Why not \($0.rawValue): single changes that would give it" }
            ?? "What would change the level: the nearest single changes, and cliff edges"
    }

    /// Said when no single change was found.
    public static func noCounterfactual(_ r: Recommendation) -> String {
        r.whyNot.map { $0 == r.level ? "the case is at \($0.rawValue) already" : "no change to one recorded fact gives \($0.rawValue)" }
            ?? "no change to one recorded fact moves the level"
    }

    /// Marks a counterfactual that moves the level by two or more.
    public static let cliffEdge = " (a cliff edge: two levels or more)"

    /// Said after the counterfactuals.
    public static let counterfactualsCaveat = "One fact changed at a time, the rest as recorded; practitioners decide what is realistic."
}
