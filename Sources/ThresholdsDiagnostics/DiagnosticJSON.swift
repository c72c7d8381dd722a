public import Foundation

/// Machine-readable diagnostics for editors and CI: a stable JSON shape with sorted keys.
public enum DiagnosticJSON {
    /// The JSON document: `{"diagnostics": [...], "errors": N, "schema_version": 1, "warnings": N}`, diagnostics in
    /// presentation order, keys sorted, so equal input gives byte-identical output.
    /// - Throws: `EncodingError` if a value cannot be encoded (not expected for diagnostics).
    public static func encode(_ diagnostics: [Diagnostic]) throws -> Data {
        let sorted = diagnostics.sorted(by: Diagnostic.presentationOrder)
        let report = Report(
            diagnostics: sorted,
            errors: sorted.filter { $0.severity == .error }.count,
            warnings: sorted.filter { $0.severity == .warning }.count
        )
        return try OutputJSON.encode(report)
    }

    private struct Report: Encodable {
        let diagnostics: [Diagnostic]
        let errors: Int
        let warnings: Int
    }
}
