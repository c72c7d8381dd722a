public import ThresholdsDiagnostics
internal import Foundation

/// Evaluates a caseload given as JSON Lines (one case per line), in batches spread over the
/// machine's cores, handing each result back in input order. Memory stays flat in the
/// caseload's size: only one batch is held at a time. A line that is not a valid case gets its
/// diagnostics, naming the line, and the run goes on.
public struct CaseloadRunner: Sendable {
    /// One line's outcome.
    public enum Result: Sendable {
        /// The line's case, evaluated.
        case evaluated(line: Int, Recommendation)
        /// The line could not be evaluated: its diagnostics, located at the line.
        case rejected(line: Int, [Diagnostic])
    }

    /// The plan applied to every case.
    public let plan: EvaluationPlan
    /// The as-of date for cases that give none (`nil`: a case without `as_of` is rejected).
    public let asOf: LocalDate?
    /// How many lines are evaluated together, in parallel.
    public var batchSize = 512

    /// Creates a runner.
    public init(plan: EvaluationPlan, asOf: LocalDate?) {
        self.plan = plan
        self.asOf = asOf
    }

    /// Runs every line of `lines` (blank lines are skipped but counted), calling `emit` with each
    /// result in input order; `path` names the caseload in diagnostics. Returns the summary.
    public func run(lines: some Sequence<String>, path: String, emit: (Result) -> Void) -> CaseloadSummary {
        var summary = CaseloadSummary()
        var batch: [(line: Int, text: String)] = []
        batch.reserveCapacity(batchSize)
        func flush() {
            for result in evaluate(batch, path: path) {
                summary.add(result)
                emit(result)
            }
            batch.removeAll(keepingCapacity: true)
        }
        for (index, text) in lines.enumerated() {
            guard !text.allSatisfy(\.isWhitespace) else { continue }
            batch.append((index + 1, text))
            if batch.count >= batchSize { flush() }
        }
        flush()
        return summary
    }

    /// One batch, each line on whichever core is free; results in the batch's order.
    private func evaluate(_ batch: [(line: Int, text: String)], path: String) -> [Result] {
        Self.inParallel(batch) { item in
            switch read(item.text, line: item.line, path: path, against: [plan.document]) {
            case .success(let read): .evaluated(line: item.line, plan.evaluate(read.facts, asOf: read.asOf))
            case .failure(let rejection): .rejected(line: item.line, rejection.diagnostics)
            }
        }
    }

    /// `body` over every item, on whichever core is free; results in the items' order.
    static func inParallel<Item: Sendable, Output: Sendable>(_ items: [Item], _ body: @Sendable (Item) -> Output) -> [Output] {
        let results = Slots<Output>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in results.set(index, body(items[index])) }
        return results.values
    }

    /// Why a line was not evaluated: its errors, located at the caseload's line.
    struct Rejection: Error {
        let diagnostics: [Diagnostic]
    }

    /// Reads one line's case, checked against the documents: its facts and as-of date, or the
    /// errors that reject it, moved to the caseload's line. A problem only one of several
    /// documents has (a fact the other declares) does not reject the case.
    func read(_ text: String, line: Int, path: String, against documents: [ThresholdDocument])
        -> Swift.Result<(facts: CaseFacts, asOf: LocalDate), Rejection>
    {
        let loaded = CaseLoader().load(text: text, path: path)
        var diagnostics = loaded.diagnostics
        let checked = documents.map { CaseChecker.check(loaded, against: $0) }
        diagnostics += (checked.first ?? []).filter { diagnostic in checked.dropFirst().allSatisfy { $0.contains(diagnostic) } }
        if let facts = loaded.facts, !diagnostics.containsErrors {
            if let date = loaded.asOf ?? asOf { return .success((facts, date)) }
            diagnostics.append(Diagnostic(
                DiagnosticMessage("case.missing-as-of", .error, "no as-of date: give --as-of YYYY-MM-DD, or 'as_of' in the case"),
                file: path, range: nil))
        }
        // Every location is on line 1 of the line's own text: move it to the caseload's line.
        var unique: [Diagnostic] = []
        for diagnostic in diagnostics where diagnostic.severity == .error && !unique.contains(diagnostic) { unique.append(diagnostic) }
        return .failure(Rejection(diagnostics: unique.map { Self.moved($0, toLine: line, path: path) }))
    }

    private static func moved(_ diagnostic: Diagnostic, toLine line: Int, path: String) -> Diagnostic {
        var moved = diagnostic
        moved.file = path
        func shift(_ location: SourceLocation) -> SourceLocation {
            SourceLocation(line: location.line + line - 1, column: location.column, offset: location.offset)
        }
        func shift(_ range: SourceRange) -> SourceRange { SourceRange(start: shift(range.start), end: shift(range.end)) }
        moved.range = diagnostic.range.map(shift) ?? SourceRange(at: SourceLocation(line: line, column: 1, offset: 0))
        moved.notes = diagnostic.notes.map { note in
            var note = note
            if note.file == nil || note.file == diagnostic.file {
                note.file = note.file.map { _ in path }
                note.range = note.range.map(shift)
            }
            return note
        }
        moved.fixIts = diagnostic.fixIts.compactMap { fix in
            FixIt(fix.message, edits: fix.edits.map { TextEdit(range: shift($0.range), replacement: $0.replacement) })
        }
        return moved
    }
}

/// One batch's results, written by several threads at distinct indices and read once all are
/// done: each slot has one writer, and `concurrentPerform` returns only when every write has.
private final class Slots<Value>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<Value?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    func set(_ index: Int, _ result: Value) { slots[index] = result }

    var values: [Value] { slots.compactMap { $0 } }
}

/// What a caseload run found: how many cases at each level, how many provisional, how many lines
/// rejected, and which information was most often needed.
public struct CaseloadSummary: Sendable, Hashable, Codable {
    /// Cases at each level.
    public var levels: [Level: Int] = [:]
    /// Cases whose level is provisional.
    public var provisional = 0
    /// Lines that could not be evaluated.
    public var rejected = 0
    /// How many cases listed each item of information needed (decisive items only).
    public var informationNeeded: [String: Int] = [:]

    /// Counts one result.
    public mutating func add(_ result: CaseloadRunner.Result) {
        switch result {
        case .evaluated(_, let recommendation):
            levels[recommendation.level, default: 0] += 1
            if recommendation.provisional { provisional += 1 }
            for item in recommendation.informationNeeded where item.decisive { informationNeeded[item.fact, default: 0] += 1 }
        case .rejected:
            rejected += 1
        }
    }

    /// The cases evaluated.
    public var evaluated: Int { levels.values.reduce(0, +) }

    /// The summary for people: the level distribution, provisional and rejected counts, and the
    /// ten items of information most often needed.
    public var text: String {
        var lines = ["\(evaluated) cases evaluated, \(provisional) provisional, \(rejected) lines rejected"]
        for level in Level.allCases { lines.append("  \(level.rawValue): \(levels[level, default: 0])") }
        let needed = informationNeeded.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(10)
        if !needed.isEmpty {
            lines.append("most often needed:")
            for (fact, count) in needed { lines.append("  \(fact): \(count) cases") }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
