import Benchmark
import Foundation
import Thresholds

/// The example cases, and the bench document, loaded once.
enum Inputs {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static let cases: [(CaseFacts, LocalDate)] = {
        let folder = root.appendingPathComponent("Examples/cases")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
        return names.compactMap { name in
            let loaded = CaseLoader().load(contentsOf: folder.appendingPathComponent(name).path)
            guard let facts = loaded.facts, let asOf = loaded.asOf else { return nil }
            return (facts, asOf)
        }
    }()

    static let benchDocument: ThresholdDocument? = Bundle.module.url(forResource: "bench-rules", withExtension: "yaml")
        .flatMap { DocumentLoader().load(contentsOf: $0.path).document }

    static let exampleBoard: ThresholdDocument? =
        DocumentLoader().load(contentsOf: root.appendingPathComponent("Rules/northshire-neglect.yaml").path).document
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .instructions, .mallocCountTotal], maxDuration: .seconds(3))

    guard let benchDocument = Inputs.benchDocument, let board = Inputs.exampleBoard, !Inputs.cases.isEmpty else {
        fatalError("benchmark inputs missing: run from the Benchmarks package of a full checkout")  // benchmark harness only
    }
    let engine = Evaluator(document: benchDocument)
    // The engine and the baseline must agree before either is timed.
    for (facts, asOf) in Inputs.cases {
        let recommendation = engine.evaluate(facts, asOf: asOf)
        let (level, provisional) = HandWritten.evaluate(facts, asOf: asOf)
        guard recommendation.level == level, recommendation.provisional == provisional else {
            fatalError("engine and hand-written baseline disagree on case \(facts.id ?? "?"): "
                + "\(recommendation.level)/\(recommendation.provisional) vs \(level)/\(provisional)")
        }
    }

    Benchmark("Six rules × the example cases: hand-written Swift baseline") { benchmark in
        for _ in benchmark.scaledIterations {
            for (facts, asOf) in Inputs.cases { blackHole(HandWritten.evaluate(facts, asOf: asOf)) }
        }
    }
    Benchmark("Six rules × the example cases: Thresholds engine, with explanations") { benchmark in
        for _ in benchmark.scaledIterations {
            for (facts, asOf) in Inputs.cases { blackHole(engine.evaluate(facts, asOf: asOf)) }
        }
    }
    let boardEngine = Evaluator(document: board)
    Benchmark("Example board × the example cases: Thresholds engine") { benchmark in
        for _ in benchmark.scaledIterations {
            for (facts, asOf) in Inputs.cases { blackHole(boardEngine.evaluate(facts, asOf: asOf)) }
        }
    }
    Benchmark("Load and check the example board") { benchmark in
        let path = Inputs.root.appendingPathComponent("Rules/northshire-neglect.yaml").path
        for _ in benchmark.scaledIterations { blackHole(DocumentLoader().load(contentsOf: path)) }
    }
}
