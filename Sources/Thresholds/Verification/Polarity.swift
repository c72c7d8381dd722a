public import ThresholdsDiagnostics

/// Which way each concern moves a condition: the monotonicity proof. A *concern variable* is
/// something that can be made worse — a domain grade, a board fact with a declared concerning
/// direction, a standard fact with one, or a kind of event (more refusals are worse, more
/// sightings of the child better). Every place a condition reads a variable has a sign: `+1`
/// when making the concern worse can only make the condition truer, `-1` when only falser, `0`
/// when either (an equality, a change between assessments, a lookup). A document is monotone
/// when every rule's `when` reads each variable with sign `+1` and every `unless` with `-1`:
/// the level is the highest of the fired rules' levels, raised by modifiers, so it can then
/// only rise as concerns worsen. Where a rule reads a variable the other way, monotonicity is
/// not proven and is searched for a counterexample instead.
struct Polarity {
    /// One place a condition reads a concern variable.
    struct Occurrence: Hashable {
        /// `domain.hygiene`, a fact's name, or `event:no_access`.
        var variable: String
        /// +1, -1 or 0 (either way).
        var sign: Int
        /// The expression that reads it.
        var range: SourceRange
        /// The expression, as written.
        var text: String
    }

    /// The standard facts with a concerning direction: +1 when a higher value (or `true`) is
    /// more concerning, -1 when a lower value (or `false`) is.
    static let standardDirections: [String: Int] = [
        "current_plan": 1, "plan.previous_cp_plans": 1, "plan.previous_cp_plans_for_neglect": 1,
        "education.absence_rate": 1, "education.attendance": -1, "education.sessions_missed": 1,
        "education.consecutive_absence_days": 1, "education.missing": 1, "education.withdrawn_after_concerns": 1,
        "education.whereabouts_known": -1, "referral.rereferral": 1, "transfer.records_received": -1,
        "context.parent_prioritises_child": -1, "context.compensatory_care": 1, "carers.previous_children_removed": 1,
        "child.young_carer": 1, "household.heating_adequate": -1, "health.immunisations_up_to_date": -1,
        "health.dentist_registered": -1, "health.untreated_dental_decay": 1,
    ]

    /// Event kinds that are concerns (+1: more is worse) or protective (-1: more is better).
    static let eventDirections: [String: Int] = [
        "access_refused": 1, "no_access": 1, "no_answer": 1, "not_brought": 1, "missed_health_appointment": 1,
        "missed_antenatal_appointment": 1, "concern": 1, "referral": 1, "left_alone": 1, "carer_intoxicated": 1,
        "police_callout": 1, "missing_episode": 1, "disguised_compliance": 1, "non_compliance": 1, "action_broken": 1,
        "claim_contradicted": 1, "early_help_declined": 1, "pre_birth_assessment_declined": 1, "previous_child_removed": 1,
        "exclusion": 1, "exclusion_fixed_term": 1, "exclusion_permanent": 1, "ed_attendance": 1, "visit_cancelled": 1,
        "impact": 1,
        "child_seen": -1, "child_seen_alone": -1, "home_seen": -1, "bedroom_seen": -1, "claim_verified": -1,
        "action_kept": -1, "antenatal_appointment": -1,
    ]

    let definitions: [String: Condition]
    let facts: [String: FactDeclaration]

    init(_ document: ThresholdDocument) {
        self.init(DocumentIndex(document))
    }

    init(_ index: DocumentIndex) {
        definitions = index.definitions
        facts = index.facts
    }

    /// The direction of a named fact: +1, -1, or `nil` when it has none (it is held fixed).
    func direction(_ name: String) -> Int? {
        if name.hasPrefix("domain.") { return 1 }
        if let fact = facts[name] {
            switch fact.concerning {
            case .higher?, .isTrue?: return 1
            case .lower?, .isFalse?: return -1
            case nil: return nil
            }
        }
        return Self.standardDirections[name]
    }

    /// Every concern variable `condition` reads, with its sign, in a context of sign `sign`.
    func occurrences(_ condition: Condition, sign: Int = 1) -> [Occurrence] {
        var out: [Occurrence] = []
        var visiting: Set<String> = []
        walk(condition, sign, &out, &visiting)
        return out
    }

    private func walk(_ condition: Condition, _ sign: Int, _ out: inout [Occurrence], _ visiting: inout Set<String>) {
        switch condition.kind {
        case .expression(let expression): walk(expression, sign, &out, &visiting)
        case .all(let parts), .any(let parts), .atLeast(_, let parts): for part in parts { walk(part, sign, &out, &visiting) }
        case .not(let part): walk(part, -sign, &out, &visiting)
        }
    }

    private func walk(_ expression: RuleExpression, _ sign: Int, _ out: inout [Occurrence], _ visiting: inout Set<String>) {
        switch expression.kind {
        case .name(let path):
            let name = path.joined(separator: ".")
            if let definition = definitions[name] {
                guard visiting.insert(name).inserted else { return }
                walk(definition, sign, &out, &visiting)
                visiting.remove(name)
            } else if let direction = direction(name) {
                out.append(Occurrence(variable: name, sign: sign * direction, range: expression.range, text: expression.description))
            }
        case .not(let inner): walk(inner, -sign, &out, &visiting)
        case .chain(let first, let links) where links.allSatisfy({ $0.op == .and || $0.op == .or }):
            for part in [first] + links.map(\.operand) { walk(part, sign, &out, &visiting) }
        case .binary(let op, let left, let right) where op.isComparison && (op == .equal || op == .notEqual)
            && { if case .boolean = right.kind { true } else { false } }():
            // `x == false` reads x as `not x` does.
            if case .boolean(let flag) = right.kind { walk(left, (flag == (op == .equal)) ? sign : -sign, &out, &visiting) }
        case .binary(let op, let left, let right) where op.isComparison:
            var opSign: Int
            switch op {
            case .greater, .greaterOrEqual: opSign = 1
            case .less, .lessOrEqual: opSign = -1
            default: opSign = 0
            }
            // Equal to the top of a scale is at least it; equal to the bottom, at most it.
            if op == .equal || op == .notEqual, let end = scaleEnd(left, right) {
                opSign = op == .equal ? end : -end
            }
            // `a > b` rises with a and falls with b; an equality moves either way.
            for (variable, direction) in term(left, &visiting) {
                out.append(Occurrence(variable: variable, sign: sign * direction * opSign, range: expression.range, text: expression.description))
            }
            for (variable, direction) in term(right, &visiting) {
                out.append(Occurrence(variable: variable, sign: -sign * direction * opSign, range: expression.range, text: expression.description))
            }
        case .call(let name, let arguments):
            guard let argument = arguments.first else { return }
            switch name.value {
            case "any", "all":
                if let filter = argument.filter { walkFilter(filter, sign, expression, &out, &visiting) }
            case "ever":
                walkFilter(argument.value, sign, expression, &out, &visiting)
            case "worsened", "improved", "unchanged", "oscillating":
                let direction = name.value == "worsened" ? 1 : (name.value == "improved" ? -1 : 0)
                for (variable, _) in term(argument.value, &visiting) {
                    out.append(Occurrence(variable: variable, sign: sign * direction, range: expression.range, text: expression.description))
                }
            default:
                break  // known(x), unknown(x): whether a fact is recorded, not how concerning it is.
            }
        default:
            for (variable, _) in term(expression, &visiting) {
                out.append(Occurrence(variable: variable, sign: 0, range: expression.range, text: expression.description))
            }
        }
    }

    /// +1 when `constant` is the highest value `term` can take (grade 5, a scale's last value),
    /// -1 when it is the lowest; `nil` otherwise.
    private func scaleEnd(_ term: RuleExpression, _ constant: RuleExpression) -> Int? {
        let gradeLike: Bool
        switch term.kind {
        case .name(let path):
            let name = path.joined(separator: ".")
            if case .scale(let values)? = facts[name]?.type, case .name(let value) = constant.kind, value.count == 1 {
                return value[0] == values.last ? 1 : (value[0] == values.first ? -1 : nil)
            }
            gradeLike = name.hasPrefix("domain.") || name == "grade" || facts[name]?.type == .grade
        case .call(let name, _): gradeLike = name.value == "max" || name.value == "min"
        default: gradeLike = false
        }
        guard gradeLike, case .integer(let value) = constant.kind else { return nil }
        return value == 5 ? 1 : (value == 1 ? -1 : nil)
    }

    /// A filter over domains (`grade >= 3`): its reads of `grade` are reads of every domain.
    private func walkFilter(_ filter: RuleExpression, _ sign: Int, _ whole: RuleExpression, _ out: inout [Occurrence],
                            _ visiting: inout Set<String>) {
        var inner: [Occurrence] = []
        walk(filter, sign, &inner, &visiting)
        out += inner.map { Occurrence(variable: $0.variable, sign: $0.sign, range: whole.range, text: whole.description) }
    }

    /// The variables a value reads, each with +1 when the value rises as that concern worsens.
    private func term(_ expression: RuleExpression, _ visiting: inout Set<String>) -> [(String, Int)] {
        switch expression.kind {
        case .name(let path):
            let name = path.joined(separator: ".")
            if name == "grade" { return [("domain.*", 1)] }
            return direction(name).map { [(name, $0)] } ?? []
        case .chain(let first, let links):
            var out = term(first, &visiting)
            for link in links {
                let parts = term(link.operand, &visiting)
                switch link.op {
                case .add: out += parts
                case .subtract: out += parts.map { ($0.0, -$0.1) }
                default: out = (out + parts).map { ($0.0, 0) }
                }
            }
            return out
        case .call(let name, let arguments):
            guard let argument = arguments.first else { return [] }
            switch name.value {
            case "count":
                if let filter = argument.filter {
                    var inner: [Occurrence] = []
                    walk(filter, 1, &inner, &visiting)
                    return inner.map { ($0.variable, $0.sign) }
                }
                return events(argument.value).map { [($0.0, $0.1)] } ?? []
            case "since":
                return events(argument.value).map { [($0.0, -$0.1)] } ?? []
            case "max", "min":
                return [("domain.*", 1)]
            case "streak":
                var inner: [Occurrence] = []
                walk(argument.value, 1, &inner, &visiting)
                return inner.map { ($0.variable, $0.sign) }
            case "previous":
                return []  // a concern made worse at the latest assessment leaves the one before it
            case "first", "last":
                return events(argument.value).map { [($0.0, 0)] } ?? []
            default:
                // A lookup table, or anything else: its value moves either way with what it reads.
                return arguments.flatMap { term($0.value, &visiting) }.map { ($0.0, 0) }
            }
        default:
            return []
        }
    }

    /// An event stream's variable and direction: `no_access[unannounced]` → (`event:no_access`, +1).
    private func events(_ expression: RuleExpression) -> (String, Int)? {
        let kind: String
        switch expression.kind {
        case .name(let path): kind = path.joined(separator: ".")
        case .qualified(let path, _): kind = path.joined(separator: ".")
        default: return nil
        }
        return Self.eventDirections[kind].map { ("event:" + kind, $0) }
    }
}
