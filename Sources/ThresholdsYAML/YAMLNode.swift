public import ThresholdsDiagnostics

/// A node of a YAML document, with the source range it was read from.
///
/// Aliases are expanded (under the loader's node budget), so the tree has no alias nodes; an
/// expanded alias keeps the ranges of the anchored node it copies.
public indirect enum YAMLNode: Sendable {
    /// A scalar: its text, style and tag.
    case scalar(Scalar)
    /// A sequence of nodes.
    case sequence(Sequence)
    /// A mapping, keeping its entries in document order.
    case mapping(Mapping)

    /// How a scalar was written. The style matters: only plain scalars are resolved to
    /// booleans, numbers, dates or null; quoted and block scalars are always strings.
    public enum ScalarStyle: String, Sendable, Hashable, Codable {
        case plain, singleQuoted = "single-quoted", doubleQuoted = "double-quoted", literal, folded
    }

    /// A scalar node.
    public struct Scalar: Sendable, Hashable {
        /// The scalar's value after YAML's quoting, escaping and line folding.
        public var value: String
        /// How it was written.
        public var style: ScalarStyle
        /// Its explicit tag, when it had one (e.g. `tag:yaml.org,2002:str`).
        public var tag: String?
        /// Where it is, from its first character (an opening quote or block indicator included)
        /// to just after its last.
        public var range: SourceRange

        /// Creates a scalar node.
        public init(value: String, style: ScalarStyle, tag: String? = nil, range: SourceRange) {
            self.value = value
            self.style = style
            self.tag = tag
            self.range = range
        }

        /// Whether this is a plain scalar that YAML's core schema reads as null (`~`, `null`, or nothing).
        public var isNull: Bool {
            // The null spellings are at most four bytes long: a longer value is not compared with each.
            tag == nil && style == .plain && value.utf8.count <= 4 && ["", "~", "null", "Null", "NULL"].contains(value)
                || tag == CoreTag.null
        }
    }

    /// A sequence node.
    public struct Sequence: Sendable {
        /// The items, in order.
        public var items: [YAMLNode]
        /// Its explicit tag, if any.
        public var tag: String?
        /// Where it is.
        public var range: SourceRange
    }

    /// A mapping node.
    public struct Mapping: Sendable {
        /// One `key: value` entry.
        public struct Entry: Sendable {
            /// The key node.
            public var key: YAMLNode
            /// The value node.
            public var value: YAMLNode
        }
        /// The entries, in document order (duplicate keys have been reported and dropped).
        public var entries: [Entry]
        /// Its explicit tag, if any.
        public var tag: String?
        /// Where it is.
        public var range: SourceRange
    }

    /// Where the node is in its file.
    public var range: SourceRange {
        switch self {
        case .scalar(let scalar): scalar.range
        case .sequence(let sequence): sequence.range
        case .mapping(let mapping): mapping.range
        }
    }

    /// A short description of the node's kind for messages: "a mapping", "a list", "a string".
    public var kindDescription: String {
        switch self {
        case .scalar(let scalar): scalar.isNull ? "nothing (null)" : "a scalar"
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }
}

/// The tags of YAML's core schema, the only explicit tags a document may use.
public enum CoreTag {
    /// `!!str`.
    public static let string = "tag:yaml.org,2002:str"
    /// `!!int`.
    public static let integer = "tag:yaml.org,2002:int"
    /// `!!float`.
    public static let float = "tag:yaml.org,2002:float"
    /// `!!bool`.
    public static let bool = "tag:yaml.org,2002:bool"
    /// `!!null`.
    public static let null = "tag:yaml.org,2002:null"
    /// `!!map`.
    public static let mapping = "tag:yaml.org,2002:map"
    /// `!!seq`.
    public static let sequence = "tag:yaml.org,2002:seq"
    /// The non-specific tag `!`, which forces a plain scalar to be read as a string.
    public static let nonSpecific = "!"

    /// Every tag a document may use.
    public static let all: Set<String> = [string, integer, float, bool, null, mapping, sequence, nonSpecific]
}
