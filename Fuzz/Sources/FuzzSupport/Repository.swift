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
    nonisolated(unsafe) private static var shared: (board: ThresholdDocument, evaluator: Evaluator)?
    nonisolated(unsafe) private static var releases: [() -> Void] = []

    /// Loads the board and evaluator, and registers the exit handler that releases them and
    /// whatever else was handed to ``releaseAtExit(_:)``.
    public static func prepare() {
        guard shared == nil else { return }
        guard let document = DocumentLoader().load(contentsOf: boardPath).document else {
            fatalError("the example board does not load from \(boardPath)")  // a broken checkout, not an input
        }
        shared = (document, Evaluator(document: document))
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

    /// An evaluator for the example board, shared by every input; `nil` only after exit.
    public static var evaluator: Evaluator? { shared?.evaluator }
}
