import Thresholds
import ThresholdsDiagnostics
import ThresholdsHTML

/// libFuzzer's entry point: any bytes must load into diagnostics or a document, never a crash,
/// and rendering the diagnostics must not crash either.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let loaded = DocumentLoader().load(bytes: bytes, path: "fuzz.yaml")
    _ = DiagnosticRenderer().render(loaded.diagnostics, sources: loaded.sources)
    // A vocabulary checks clean without a document to evaluate; anything else without a
    // document must have said why.
    if loaded.document == nil, !loaded.isVocabulary, !loaded.diagnostics.containsErrors {
        fatalError("no document and no error")  // an invariant of the loader, checked only here
    }
    // Whatever checks clean is published, verified and mutated without a crash.
    if let checked = loaded.checked, !loaded.isVocabulary {
        _ = DocumentPage.render(checked)
        _ = Verifier(searchCases: 8).verify(checked)
        _ = DocumentMutator.mutants(of: checked.document).count
    }
    return 0
}
