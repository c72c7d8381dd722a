import Foundation
import Thresholds

/// The repository's own example board and example cases: a board written as boards write
/// them (combinators, definitions, histories), beside the peer board's one-expression rules.
public enum ExampleData {
    /// The example cases (`Examples/cases`), with their as-of dates, in file-name order.
    public static let cases: [(CaseFacts, LocalDate)] = {
        let folder = PeerData.repository.appendingPathComponent("Examples/cases")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
        return names.compactMap { name in
            let loaded = CaseLoader().load(contentsOf: folder.appendingPathComponent(name).path)
            guard let facts = loaded.facts, let asOf = loaded.asOf else { return nil }
            return (facts, asOf)
        }
    }()

    /// The example board (`Rules/northshire-neglect.yaml`), checked; `nil` when it is missing or does not check.
    public static func board() -> CheckedDocument? {
        DocumentLoader().load(contentsOf: PeerData.repository.appendingPathComponent("Rules/northshire-neglect.yaml").path).checked
    }
}
