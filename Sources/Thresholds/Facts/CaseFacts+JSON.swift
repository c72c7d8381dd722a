import Foundation

extension CaseFacts {
    /// The case as a JSON case file, with its `as_of` beside the other keys (sorted): one line
    /// for JSON Lines, or pretty-printed. `nil` only if a value cannot be encoded (not expected).
    func caseFileJSON(asOf: LocalDate, pretty: Bool) -> String? {
        struct CaseFile: Encodable {
            let facts: CaseFacts
            let asOf: LocalDate
            enum CodingKeys: String, CodingKey { case asOf = "as_of" }
            func encode(to encoder: any Encoder) throws {
                try facts.encode(to: encoder)
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(asOf, forKey: .asOf)
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(CaseFile(facts: self, asOf: asOf))).map { String(decoding: $0, as: UTF8.self) }
    }
}
