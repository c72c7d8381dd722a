/// "Did you mean …?" suggestions by edit distance, as argument-parser and compilers give them.
public enum Suggestion {
    /// A diagnostic for an unknown name: with "did you mean" and a fix-it when a candidate is
    /// close (``nearest(to:in:)``), otherwise with the `fallback` note when one is given.
    public static func diagnostic(
        _ message: DiagnosticMessage, name: String, candidates: [String], file: String, range: SourceRange,
        fallback: String? = nil
    ) -> Diagnostic {
        guard let suggestion = nearest(to: name, in: candidates) else {
            return Diagnostic(message, file: file, range: range, notes: fallback.map { [DiagnosticNote($0)] } ?? [])
        }
        return Diagnostic(message, file: file, range: range, notes: [DiagnosticNote("did you mean '\(suggestion)'?")],
                          fixIts: [FixIt.replace(range, with: suggestion, "replace '\(name)' with '\(suggestion)'")])
    }

    /// The candidate nearest to `word`, when it is close enough to be a plausible typo:
    /// at most a third of the word's length in edits (and at least one edit allowed).
    /// Ties go to the alphabetically first candidate, so suggestions are deterministic. When no
    /// candidate is that close, a candidate the word is the start of is suggested, if only one is.
    public static func nearest<S: Sequence<String>>(to word: String, in candidates: S) -> String? {
        let lowered = word.lowercased()
        let allowed = max(1, lowered.count / 3)
        var best: (distance: Int, name: String)?
        for candidate in candidates {
            let distance = editDistance(lowered, candidate.lowercased())
            guard distance <= allowed else { continue }
            if let current = best, (current.distance, current.name) <= (distance, candidate) { continue }
            best = (distance, candidate)
        }
        if let best { return best.name }
        // A word that is the start of exactly one candidate ("physical" for "physical_care").
        guard lowered.count >= 3 else { return nil }
        let extensions = candidates.filter { $0.lowercased().hasPrefix(lowered) }
        return extensions.count == 1 ? extensions.first : nil
    }

    /// The Damerau–Levenshtein (optimal string alignment) distance between two strings,
    /// counting insertions, deletions, substitutions and swaps of neighbours as one edit each.
    public static func editDistance(_ lhs: String, _ rhs: String) -> Int {
        let a = Array(lhs.unicodeScalars)
        let b = Array(rhs.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
