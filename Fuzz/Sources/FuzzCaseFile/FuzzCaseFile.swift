import FuzzSupport
import Thresholds
import ThresholdsDiagnostics

/// libFuzzer's entry point for case files: any bytes, read as a YAML or JSON case file, are
/// checked against the example board and, when they load, evaluated and rendered as text and
/// JSON. Nothing may crash; a case with no facts must have an error.
/// Loads the example board before the first input, so that the one-time allocations of the
/// shared board are not mistaken for a leak of the first input. (LeakSanitizer cannot follow the
/// pointers Swift keeps with enum tags in their spare bits, so objects held only by the global
/// board would otherwise be reported; every input's own allocations are still checked.)
@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> CInt {
    Repository.prepare()
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    // The first byte chooses the name, so both the YAML and the JSON paths are exercised.
    let path = bytes.first.map { $0 & 1 == 0 } == true ? "fuzz.yaml" : "fuzz.json"
    guard let board = Repository.board, let plan = Repository.plan else { return 0 }
    let loaded = CaseLoader().load(bytes: bytes, path: path)
    let diagnostics = loaded.diagnostics + CaseChecker.check(loaded, against: board)
    _ = DiagnosticRenderer().render(diagnostics, sources: [loaded.source.path: loaded.source])
    if loaded.facts == nil, !loaded.diagnostics.containsErrors {
        fatalError("no facts and no error")  // an invariant of the loader, checked only here
    }
    guard let facts = loaded.facts, !diagnostics.containsErrors else { return 0 }
    let recommendation = plan.evaluate(facts, asOf: loaded.asOf ?? Repository.asOf)
    Repository.crossCheck(plan, facts, asOf: loaded.asOf ?? Repository.asOf, recommendation)
    _ = RecommendationRenderer.text(recommendation, allInformation: true)
    _ = RecommendationRenderer.markdown(recommendation)
    _ = try? RecommendationRenderer.json([recommendation])
    return 0
}
