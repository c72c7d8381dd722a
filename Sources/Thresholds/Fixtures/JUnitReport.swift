/// JUnit XML for CI systems: one `<testsuite>` per fixture file, one `<testcase>` per case, with
/// `<failure>` (its message the first difference, its text all of them) or `<skipped>`.
public enum JUnitReport {
    /// The XML document.
    public static func xml(_ report: FixtureReport) -> String {
        var files: [String] = []
        for result in report.results where !files.contains(result.file) { files.append(result.file) }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"thresholds\" tests=\"\(report.results.count)\" failures=\"\(report.failed)\" skipped=\"\(report.skipped)\">\n"
        for file in files {
            let results = report.results.filter { $0.file == file }
            let failures = results.filter { $0.status == .failed }.count
            let skipped = results.filter { $0.status == .skipped }.count
            out += "  <testsuite name=\"\(escape(file))\" tests=\"\(results.count)\" failures=\"\(failures)\" skipped=\"\(skipped)\">\n"
            for result in results {
                out += "    <testcase name=\"\(escape(result.name))\" classname=\"\(escape(file))\""
                switch result.status {
                case .passed:
                    out += "/>\n"
                case .skipped:
                    out += ">\n      <skipped message=\"\(escape(result.failures.first ?? ""))\"/>\n    </testcase>\n"
                case .failed:
                    out += ">\n      <failure message=\"\(escape(result.failures.first ?? ""))\" type=\"expectation\">"
                    out += escape(result.failures.joined(separator: "\n")) + "</failure>\n    </testcase>\n"
                }
            }
            out += "  </testsuite>\n"
        }
        return out + "</testsuites>\n"
    }

    /// Escapes text for XML attributes and content; characters XML 1.0 cannot hold are dropped.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n", "\t", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value >= 0x20 { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
