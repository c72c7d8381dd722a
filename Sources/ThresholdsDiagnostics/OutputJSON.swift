public import Foundation

/// How every JSON output of the engine and the tool is written, so that a service can rely on
/// its shape: one object at the top, carrying `schema_version` (the version of the shapes that
/// `thresholds schema` describes), snake_case keys like the input files, sorted keys and no time
/// stamps, so the same input always gives the same bytes.
public enum OutputJSON {
    /// The version of the output shapes. It changes only when a shape changes incompatibly
    /// (a key removed, renamed or retyped); new optional keys keep it.
    public static let schemaVersion = 1

    /// An encoder for output: snake_case keys, sorted; pretty-printed unless `pretty` is false
    /// (one line each, for JSON Lines).
    public static func encoder(pretty: Bool = true) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return encoder
    }

    /// `value`, which must encode as an object, with `schema_version` added beside its keys.
    /// - Throws: `EncodingError` if a value cannot be encoded (not expected).
    public static func encode(_ value: some Encodable, pretty: Bool = true) throws -> Data {
        try encoder(pretty: pretty).encode(Versioned(body: value))
    }

    /// An object's keys and `schema_version`, in one object.
    private struct Versioned<Body: Encodable>: Encodable {
        let body: Body

        enum CodingKeys: String, CodingKey { case schemaVersion }

        func encode(to encoder: any Encoder) throws {
            try body.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(OutputJSON.schemaVersion, forKey: .schemaVersion)
        }
    }
}
