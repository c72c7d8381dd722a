/// Bounds on what the loader accepts, so that hostile or mistaken input fails fast with a clear
/// diagnostic instead of exhausting memory or time. The defaults are generous for threshold
/// documents and case files (which are a few hundred lines).
public struct YAMLLimits: Sendable, Hashable {
    /// The largest file, in bytes (default 4 MiB). Larger files are not read past this size.
    public var maxBytes: Int
    /// The deepest nesting of lists and mappings (default 64).
    public var maxDepth: Int
    /// The most nodes a document may hold, counting every node an alias expands to (default
    /// 250,000, enough for a document of 10,000 rules). This is what stops a "billion laughs" alias bomb.
    public var maxNodes: Int

    /// Creates limits.
    public init(maxBytes: Int = 4 << 20, maxDepth: Int = 64, maxNodes: Int = 250_000) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxNodes = maxNodes
    }

    /// The defaults.
    public static let `default` = YAMLLimits()
}
