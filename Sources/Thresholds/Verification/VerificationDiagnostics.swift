import ThresholdsDiagnostics

/// The diagnostics of `thresholds verify` (docs/VERIFY.md).
enum VerificationDiagnostics {
    static func unreachableRule(_ id: String) -> DiagnosticMessage {
        .init("verify.unreachable-rule", .error, "rule '\(id)' can never fire: no case satisfies its condition")
    }
    static func contradictoryCondition() -> DiagnosticMessage {
        .init("verify.contradictory-condition", .warning, "this part of the condition can never be true, so it never contributes")
    }
    static func redundantCondition() -> DiagnosticMessage {
        .init("verify.redundant-condition", .warning, "this part of the condition is implied by the rest of it, so it never changes whether the rule fires")
    }
    static func redundantAlternative() -> DiagnosticMessage {
        .init("verify.redundant-condition", .warning,
              "this alternative adds no case: whenever it holds, another alternative of the same list holds too")
    }
    static func shadowedRule(_ id: String, by other: String, _ level: String) -> DiagnosticMessage {
        .init("verify.shadowed-rule", .warning,
              "rule '\(id)' never changes a result: whenever it fires, '\(other)' (\(level)) fires too, with every action it attaches")
    }
    static func notMonotone(_ variable: String, from: Level, to: Level) -> DiagnosticMessage {
        .init("verify.not-monotone", .error,
              "making \(variable) more concerning can lower the recommended level, from \(from.rawValue) to \(to.rawValue)")
    }
    static func missingDirection(_ name: String) -> DiagnosticMessage {
        .init("verify.missing-direction", .warning,
              "fact '\(name)' has no 'concerning:' direction, so monotonicity is not checked for it; declare which value is the concern")
    }
    static func unusedEvent(_ name: String) -> DiagnosticMessage {
        .init("verify.unused-event", .warning, "event kind '\(name)' is declared but no rule, definition or action reads it")
    }
    static func judgementNeverMatters(_ name: String) -> DiagnosticMessage {
        .init("verify.judgement-never-matters", .warning,
              "judgement '\(name)' can never change a result: only rules that never fire or never change a result read it")
    }
}
