import BenchSupport
import Benchmark
import Foundation
import Thresholds

/// Inputs loaded once, before anything is timed.
enum Inputs {
    /// The example cases, with their as-of dates.
    static let cases = ExampleData.cases

    static func checked(_ path: String) -> CheckedDocument? { DocumentLoader().load(contentsOf: path).checked }

    /// How many peer cases each peer-board iteration evaluates.
    static let peerCount = 1_000
}

/// Stops the run: a benchmark of wrong answers, or of missing inputs, measures nothing.
func stop(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(1)
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident], warmupIterations: 3, maxDuration: .seconds(2))

    // MARK: The peer board (31 rules): hand-written baseline, decide, evaluate

    let plan: EvaluationPlan
    let peers: [PeerCase]
    do {
        plan = try PeerData.plan()
        // All 100,000 generated cases agree with the peer's reference outcomes before anything
        // is timed; the first thousand are what each iteration evaluates.
        let all = try PeerData.casesFile(count: 100_000)
        let expected = try PeerData.lines(try PeerData.expectedFile(for: all), as: PeerOutcome.self)
        let cases = try PeerData.lines(all, as: PeerCase.self)
        guard cases.count == 100_000, expected.count == cases.count else { stop("the peer workload is incomplete") }
        for (peer, reference) in zip(cases, expected) {
            let outcome = PeerData.outcome(peer.case_id, plan.decide(peer.facts, asOf: PeerCase.asOf))
            guard outcome == reference else { stop("peer case \(peer.case_id): \(outcome) but expected.py says \(reference)") }
        }
        peers = Array(cases.prefix(Inputs.peerCount))
    } catch {
        stop("peer workload: \(error) (the benchmarks need ../shared/bench/peer-board beside the repository)")
    }
    let facts = peers.map(\.facts)
    let native = peers.compactMap(PeerNative.compact)
    let bound = facts.map { plan.bind($0, asOf: PeerCase.asOf) }
    let caseload = plan.bind(facts, asOf: PeerCase.asOf)
    guard native.count == peers.count else { stop("a peer case has a plan the baseline does not know") }

    Benchmark("Peer board × 1,000 cases: hand-written Swift baseline") { benchmark in
        for _ in benchmark.scaledIterations {
            for c in native { blackHole(PeerNative.evaluate(c)) }
        }
    }
    Benchmark("Peer board × 1,000 cases: decide, cases bound beforehand") { benchmark in
        for _ in benchmark.scaledIterations {
            for c in bound { blackHole(plan.decide(c)) }
        }
    }
    Benchmark("Peer board × 1,000 cases: decide a caseload bound beforehand (bit-sliced)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(plan.decide(caseload))
        }
    }
    Benchmark("Peer board × 1,000 cases: decide from the case model") { benchmark in
        for _ in benchmark.scaledIterations {
            for c in facts { blackHole(plan.decide(c, asOf: PeerCase.asOf)) }
        }
    }
    Benchmark("Peer board × 1,000 cases: evaluate, full explanation") { benchmark in
        for _ in benchmark.scaledIterations {
            for c in facts { blackHole(plan.evaluate(c, asOf: PeerCase.asOf)) }
        }
    }

    // MARK: A caseload streamed from JSON Lines: memory stays flat as the caseload grows

    for count in [1_000, 10_000] {
        Benchmark("Caseload of \(count) streamed from JSON Lines: decode and decide",
                  configuration: .init(metrics: [.wallClock, .peakMemoryResident, .mallocCountTotal], maxIterations: 3)) { benchmark in
            let file: URL
            do { file = try PeerData.casesFile(count: 100_000) } catch { stop("\(error)") }
            guard let handle = FileHandle(forReadingAtPath: file.path) else { stop("cannot open \(file.path)") }
            defer { try? handle.close() }
            let decoder = JSONDecoder()
            benchmark.startMeasurement()
            var remaining = count
            var pending = Data()
            while remaining > 0, let chunk = try? handle.read(upToCount: 1 << 16), !chunk.isEmpty {
                pending.append(chunk)
                while remaining > 0, let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                    let line = pending[pending.startIndex ..< newline]
                    if let peer = try? decoder.decode(PeerCase.self, from: line) {
                        blackHole(plan.decide(peer.facts, asOf: PeerCase.asOf))
                        remaining -= 1
                    }
                    pending.removeSubrange(pending.startIndex ... newline)
                }
            }
            benchmark.stopMeasurement()
        }
    }

    // MARK: Decoding a case from JSON

    let json: Data
    do { json = try JSONEncoder().encode(facts[0]) } catch { stop("cannot encode a case: \(error)") }
    let jsonBytes = [UInt8](json)
    Benchmark("One case from JSON: JSONDecoder into CaseFacts") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try? JSONDecoder().decode(CaseFacts.self, from: json)) }
    }
    Benchmark("One case from JSON: CaseLoader (libyaml, with diagnostics)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(CaseLoader().load(bytes: jsonBytes, path: "case.json")) }
    }

    // MARK: A 1,000-rule document: load and check, against a raw libyaml event scan

    let document = Array(GeneratedDocument.text(rules: 1_000).utf8)
    let loaded = DocumentLoader().load(bytes: document, path: "generated.yaml")
    guard loaded.checked != nil, RawYAMLScan.events(in: document) > 0 else {
        stop("the generated 1,000-rule document does not check: \(loaded.diagnostics.prefix(3).map(\.message))")
    }
    Benchmark("1,000-rule document: raw libyaml event scan") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(RawYAMLScan.events(in: document)) }
    }
    Benchmark("1,000-rule document: load and check") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(DocumentLoader().load(bytes: document, path: "generated.yaml")) }
    }
    Benchmark("1,000-rule document: load, check and compile") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(DocumentLoader().load(bytes: document, path: "generated.yaml").checked?.compile()) }
    }

    // MARK: The example board and six rules against their own hand-written baseline

    guard let bench = Bundle.module.url(forResource: "bench-rules", withExtension: "yaml").flatMap({ Inputs.checked($0.path) }),
          let board = ExampleData.board(), !Inputs.cases.isEmpty
    else { stop("benchmark inputs missing: run from the Benchmarks package of a full checkout") }
    let six = bench.compile()
    for (facts, asOf) in Inputs.cases {
        let decision = six.decide(facts, asOf: asOf)
        let (level, provisional) = HandWritten.evaluate(facts, asOf: asOf)
        guard decision.level == level, decision.provisional == provisional else {
            stop("engine and hand-written baseline disagree on case \(facts.id ?? "?"): \(decision.level)/\(decision.provisional) vs \(level)/\(provisional)")
        }
    }
    Benchmark("Six rules × the example cases: hand-written Swift baseline") { benchmark in
        for _ in benchmark.scaledIterations {
            for (facts, asOf) in Inputs.cases { blackHole(HandWritten.evaluate(facts, asOf: asOf)) }
        }
    }
    Benchmark("Six rules × the example cases: decide") { benchmark in
        for _ in benchmark.scaledIterations {
            for (facts, asOf) in Inputs.cases { blackHole(six.decide(facts, asOf: asOf)) }
        }
    }
    Benchmark("Six rules × the example cases: evaluate, full explanation") { benchmark in
        for _ in benchmark.scaledIterations {
            for (facts, asOf) in Inputs.cases { blackHole(six.evaluate(facts, asOf: asOf)) }
        }
    }
    let example = board.compile()
    Benchmark("Example board × the example cases: decide") { benchmark in
        for _ in benchmark.scaledIterations {
            for (facts, asOf) in Inputs.cases { blackHole(example.decide(facts, asOf: asOf)) }
        }
    }
    Benchmark("Example board × the example cases: evaluate, full explanation") { benchmark in
        for _ in benchmark.scaledIterations {
            for (facts, asOf) in Inputs.cases { blackHole(example.evaluate(facts, asOf: asOf)) }
        }
    }
}
