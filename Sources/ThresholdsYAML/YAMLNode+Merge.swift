extension YAMLNode {
    /// This node laid over `base`, as a fixture case's facts are laid over the file's base case:
    /// two mappings merge key by key (recursively, base entries first in their order, then new
    /// keys); a null value removes the base's entry; anything else replaces the base outright
    /// (lists are replaced, not appended to). Every node keeps the range it was read from, so
    /// diagnostics point at the line that wrote the value, in the base or in the case.
    public func merged(over base: YAMLNode) -> YAMLNode {
        guard case .mapping(let overlay) = self, case .mapping(let under) = base else { return self }
        func key(_ node: YAMLNode) -> String? {
            if case .scalar(let scalar) = node { return scalar.value }
            return nil
        }
        var entries: [Mapping.Entry] = []
        var used: Set<Int> = []
        for entry in under.entries {
            guard let name = key(entry.key),
                  let index = overlay.entries.firstIndex(where: { key($0.key) == name })
            else {
                entries.append(entry)
                continue
            }
            used.insert(index)
            let replacement = overlay.entries[index]
            if case .scalar(let scalar) = replacement.value, scalar.isNull { continue }
            entries.append(Mapping.Entry(key: replacement.key, value: replacement.value.merged(over: entry.value)))
        }
        for (index, entry) in overlay.entries.enumerated() where !used.contains(index) {
            if case .scalar(let scalar) = entry.value, scalar.isNull { continue }
            entries.append(entry)
        }
        return .mapping(Mapping(entries: entries, tag: overlay.tag, range: overlay.range))
    }
}
