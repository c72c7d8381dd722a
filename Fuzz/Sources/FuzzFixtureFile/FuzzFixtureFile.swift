import FuzzSupport
import Thresholds
import ThresholdsDiagnostics

/// Threshold documents the fixture inputs target, loaded once each (keyed by resolved path).
nonisolated(unsafe) private var documents: [String: LoadedDocument] = [:]  // libFuzzer calls in one thread

/// libFuzzer's entry point for fixture files: any bytes, read as a fixture file beside the
/// example fixtures (so `rules: ../../Rules/northshire-neglect.yaml` resolves), are loaded and,
/// when they load, run by the fixture runner and reported as text, JSON and JUnit XML.
/// Loads the example board before the first input, so that the one-time allocations of the
/// shared board are not mistaken for a leak of the first input. (LeakSanitizer cannot follow the
/// pointers Swift keeps with enum tags in their spare bits, so objects held only by the global
/// board would otherwise be reported; every input's own allocations are still checked.)
@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> CInt {
    Repository.prepare()
    var primer = documents
    _ = FixtureLoader(root: Repository.root.path).load(bytes: Array("fixtures: 1\nrules: ../../Rules/northshire-neglect.yaml\ncases: []\n".utf8),
                             path: Repository.root.appendingPathComponent("Examples/fixtures/fuzz.yaml").path, documents: &primer)
    documents = primer
    Repository.releaseAtExit { documents = [:] }
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let path = Repository.root.appendingPathComponent("Examples/fixtures/fuzz.yaml").path
    let loaded = FixtureLoader(root: Repository.root.path).load(bytes: bytes, path: path, documents: &documents)
    _ = DiagnosticRenderer().render(loaded.diagnostics, sources: loaded.sources)
    guard let suite = loaded.suite else { return 0 }
    let report = FixtureRunner().run(suite)
    _ = FixtureReportRenderer.text(report, coverage: true)
    _ = try? FixtureReportRenderer.json(report)
    _ = JUnitReport.xml(report)
    _ = report.summary
    return 0
}
