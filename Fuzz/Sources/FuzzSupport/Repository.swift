import Foundation
import Thresholds

/// The repository the fuzzers were built from, found from this file's path at build time, and
/// the example board, loaded once per process before the first input.
///
/// LeakSanitizer cannot follow the pointers Swift keeps with enum tags in their spare bits, so
/// objects that live for the whole process (the shared board) would be reported as leaks at exit.
/// They are therefore held in releasable globals and released by ``prepare()``'s exit handler,
/// which runs before LeakSanitizer's. Every input's own allocations are still checked by
/// libFuzzer's per-input leak detection.
public enum Repository {
    /// The repository's root folder.
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The example board's path.
    public static let boardPath = root.appendingPathComponent("Rules/northshire-neglect.yaml").path

    /// The as-of date used when an input names none.
    public static let asOf = LocalDate(year: 2026, month: 11, day: 1) ?? LocalDate(year: 2000, month: 1, day: 1)!

    // libFuzzer calls the harness from one thread; these are set before the first input.
    nonisolated(unsafe) private static var shared: (board: ThresholdDocument, plan: EvaluationPlan)?
    nonisolated(unsafe) private static var releases: [() -> Void] = []

    /// Loads the board and evaluator, and registers the exit handler that releases them and
    /// whatever else was handed to ``releaseAtExit(_:)``.
    public static func prepare() {
        guard shared == nil else { return }
        guard let checked = DocumentLoader().load(contentsOf: boardPath).checked else {
            fatalError("the example board does not load from \(boardPath)")  // a broken checkout, not an input
        }
        shared = (checked.document, checked.compile())
        atexit {
            for release in Repository.releases { release() }
            Repository.releases = []
            Repository.shared = nil
        }
    }

    /// Runs `release` at exit, before LeakSanitizer looks.
    public static func releaseAtExit(_ release: @escaping () -> Void) {
        releases.append(release)
    }

    /// The example board, checked; `nil` only after exit.
    public static var board: ThresholdDocument? { shared?.board }

    /// The example board compiled, shared by every input; `nil` only after exit.
    public static var plan: EvaluationPlan? { shared?.plan }

    /// Traps when the fast path and the explained recommendation disagree: for a fuzzer, a
    /// disagreement is a finding like a crash.
    public static func crossCheck(_ plan: EvaluationPlan, _ facts: CaseFacts, asOf: LocalDate, _ recommendation: Recommendation) {
        let decision = plan.decide(facts, asOf: asOf)
        guard decision.level == recommendation.level, decision.provisional == recommendation.provisional,
              decision.actions == recommendation.actions,
              decision.firedRules.sorted() == recommendation.firedRules.map(\.id).sorted()
        else {
            fatalError("decide and evaluate disagree: \(decision) vs \(recommendation.level)")  // a finding, reported by libFuzzer
        }
    }
}
