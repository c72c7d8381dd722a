import Foundation

/// One change to a case's facts and the level it would give: "would be child in need rather
/// than child protection if the child had been seen yesterday".
public struct Counterfactual: Sendable, Hashable, Codable {
    /// The level the case gets as it is.
    public var from: Level
    /// The level it would get with the change.
    public var to: Level
    /// The fact changed (`domain.hygiene`, `event:no_access`, a board fact).
    public var fact: String
    /// The change, in words: `hygiene graded 3 instead of 4`.
    public var change: String
    /// How big the change is, in steps (grades, events, days): smaller is nearer.
    public var size: Int

    /// Whether the change moves the level by two or more: a cliff edge.
    public var isCliffEdge: Bool { abs(to.rank - from.rank) >= 2 }

    /// The sentence a practitioner reads.
    public var sentence: String {
        "would be \(to.rawValue) rather than \(from.rawValue) if \(change)"
    }
}

/// The smallest changes to one fact that would move a case's level, found by trying them with
/// the compiled plan's fast path: each domain grade of the latest assessment set to each other
/// grade; each board fact turned to each value its type allows near the present one; one to
/// three more events of each concerning kind the document reads, the day before the as-of
/// date; the child seen the day before; the latest sighting taken away. Only one fact changes
/// at a time, and the other facts stay as recorded (unknown ones unknown).
public enum CounterfactualSearch {
    /// Every single-fact change that moves the level, nearest first within each resulting level.
    public static func all(_ plan: EvaluationPlan, _ facts: CaseFacts, asOf: LocalDate) -> [Counterfactual] {
        let level = plan.decide(facts, asOf: asOf).level
        var found: [Counterfactual] = []
        for candidate in candidates(plan.document, facts, asOf: asOf) {
            let changed = plan.decide(candidate.facts, asOf: asOf).level
            guard changed != level else { continue }
            found.append(Counterfactual(from: level, to: changed, fact: candidate.fact, change: candidate.change, size: candidate.size))
        }
        return found.sorted { ($0.to.rank, $0.size, $0.fact, $0.change) < ($1.to.rank, $1.size, $1.fact, $1.change) }
    }

    /// For the next level up and the next level down, the smallest changes that reach at least
    /// (or at most) it; then every cliff edge, a single change that moves the level by two or more.
    public static func nearest(_ plan: EvaluationPlan, _ facts: CaseFacts, asOf: LocalDate) -> [Counterfactual] {
        let every = all(plan, facts, asOf: asOf)
        guard let level = every.first?.from else { return [] }
        func smallest(_ matching: [Counterfactual]) -> [Counterfactual] {
            guard let size = matching.map(\.size).min() else { return [] }
            return matching.filter { $0.size == size }
        }
        let up = smallest(every.filter { $0.to > level && !$0.isCliffEdge })
        let down = smallest(every.filter { $0.to < level && !$0.isCliffEdge })
        var out = up + down
        // Each fact's nearest cliff edge only: one more refusal, not also two and three more.
        for edge in every where edge.isCliffEdge && !out.contains(edge) {
            if out.contains(where: { $0.fact == edge.fact && $0.isCliffEdge && $0.to == edge.to }) { continue }
            out.append(edge)
        }
        return out
    }

    /// The changes that would give `target` (or beyond it, in its direction), smallest first.
    public static func whyNot(_ target: Level, _ plan: EvaluationPlan, _ facts: CaseFacts, asOf: LocalDate) -> [Counterfactual] {
        let level = plan.decide(facts, asOf: asOf).level
        guard target != level else { return [] }
        let every = all(plan, facts, asOf: asOf)
        let reaching = every.filter { target > level ? $0.to >= target : $0.to <= target }
        return reaching.sorted { ($0.size, $0.to.rank, $0.fact, $0.change) < ($1.size, $1.to.rank, $1.fact, $1.change) }
    }

    struct Candidate {
        var facts: CaseFacts
        var fact: String
        var change: String
        var size: Int
    }

    static func candidates(_ document: ThresholdDocument, _ facts: CaseFacts, asOf: LocalDate) -> [Candidate] {
        var out: [Candidate] = []
        // Domain grades at the latest assessment.
        if let assessments = facts.assessments,
           let latest = assessments.indices.filter({ assessments[$0].date <= asOf }).max(by: { assessments[$0].date < assessments[$1].date }) {
            for domain in Vocabulary.domains {
                let words = domain.replacingOccurrences(of: "_", with: " ")
                let present = assessments[latest].grades[domain]
                for grade in 1...5 where grade != present {
                    var copy = facts
                    copy.assessments?[latest].grades[domain] = grade
                    let change = present.map { "\(words) were graded \(grade) instead of \($0)" } ?? "\(words) were graded \(grade) (it is not graded)"
                    out.append(Candidate(facts: copy, fact: "domain." + domain, change: change, size: present.map { abs(grade - $0) } ?? 1))
                }
            }
        }
        // The board's own facts, judgements among them.
        for fact in document.facts {
            let name = fact.name.value
            let present = facts.facts?[name]
            var values: [(FactValue, String, Int)] = []
            switch fact.type {
            case .boolean:
                for flag in [true, false] where present != .boolean(flag) {
                    let answer = fact.question != nil ? "the answer to “\(fact.question ?? name)” were \(flag ? "yes" : "no")" : "\(name) were \(flag)"
                    values.append((.boolean(flag), answer, 1))
                }
            case .integer, .number, .grade:
                if case .number(let value)? = present {
                    for step in [-3, -2, -1, 1, 2, 3] where value + Double(step) >= 0 {
                        values.append((.number(value + Double(step)), "\(name) were \(RuleExpression.format(value + Double(step))) instead of \(RuleExpression.format(value))", abs(step)))
                    }
                }
            case .enumeration(let options), .scale(let options):
                for option in options where present != .string(option) {
                    values.append((.string(option), "\(name) were \(option)", 1))
                }
            default:
                break
            }
            for (value, change, size) in values {
                var copy = facts
                var board = copy.facts ?? [:]
                board[name] = value
                copy.facts = board
                out.append(Candidate(facts: copy, fact: name, change: change, size: size))
            }
        }
        // Events of the kinds the document reads.
        guard let yesterday = asOf.adding(days: -1) else { return out }
        let read = Verifier.namesRead(document).all
        for (kind, direction) in Polarity.eventDirections.sorted(by: { $0.key < $1.key }) where direction > 0 && read.contains(kind) {
            for count in 1...3 {
                guard let moved = MonotonicitySearch.moves(for: "event:" + kind, document: document).first else { break }
                var copy: CaseFacts? = facts
                for _ in 0..<count { copy = copy.flatMap { moved.apply($0, asOf) } }
                guard let changed = copy else { break }
                out.append(Candidate(facts: changed, fact: "event:" + kind,
                                     change: "there had been \(count) more '\(kind.replacingOccurrences(of: "_", with: " "))' the day before", size: count))
            }
        }
        if read.contains("child_seen") || read.contains("child_seen_alone") {
            var seen = facts
            seen.visits = (seen.visits ?? []) + [CaseFacts.Visit(date: yesterday, by: .socialCare, announced: false, outcome: .seen,
                                                                  childSeenAlone: true, homeSeen: true, bedroomSeen: true)]
            out.append(Candidate(facts: seen, fact: "event:child_seen",
                                 change: "the child had been seen (alone, at home, by social care, unannounced) the day before", size: 1))
            if let unseen = MonotonicitySearch.moves(for: "event:child_seen", document: document).first?.apply(facts, asOf) {
                out.append(Candidate(facts: unseen, fact: "event:child_seen", change: "the latest sighting of the child had not happened", size: 1))
            }
        }
        return out
    }
}
