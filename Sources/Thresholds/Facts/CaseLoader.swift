public import ThresholdsDiagnostics
public import ThresholdsYAML

/// A case file after loading: its text, its facts when they could be read, every problem, and
/// where each board fact and event kind was written (for checks against a document).
public struct LoadedCase: Sendable {
    /// The file's text.
    public let source: SourceText
    /// The facts, present when the file has no errors.
    public let facts: CaseFacts?
    /// What could be read of the facts even when there are errors, so that later checks can
    /// report their problems too.
    public let partialFacts: CaseFacts?
    /// The as-of date the file names, if it names one (`as_of:`).
    public let asOf: LocalDate?
    /// Every problem found, in presentation order.
    public let diagnostics: [Diagnostic]
    /// Where names that depend on the document were written: `facts.NAME` and `events.N.kind`.
    public let ranges: [String: SourceRange]
}

/// Reads case files (YAML or JSON: JSON is read as YAML flow syntax) through the same loader and
/// diagnostics as threshold documents: a wrong type at its line and column, an unknown key with
/// the nearest known one suggested. See `docs/CASE-FACTS.md`.
public struct CaseLoader: Sendable {
    /// Limits on the YAML input.
    public var limits: YAMLLimits

    /// Creates a loader.
    public init(limits: YAMLLimits = .default) {
        self.limits = limits
    }

    /// Loads a case file.
    public func load(contentsOf path: String) -> LoadedCase {
        finish(YAMLLoader(limits: limits).load(contentsOf: path))
    }

    /// Loads case text held in memory; `path` names it in diagnostics.
    public func load(text: String, path: String) -> LoadedCase {
        finish(YAMLLoader(limits: limits).load(text, path: path))
    }

    /// Loads case bytes held in memory (invalid UTF-8 is a diagnostic); `path` names them.
    public func load(bytes: [UInt8], path: String) -> LoadedCase {
        finish(YAMLLoader(limits: limits).load(bytes, path: path))
    }

    private func finish(_ yaml: YAMLDocument) -> LoadedCase {
        var parser = CaseParser(source: yaml.source)
        var facts: CaseFacts?
        var asOf: LocalDate?
        if let root = yaml.root { (facts, asOf) = parser.parse(root) }
        var diagnostics = yaml.diagnostics + parser.reader.diagnostics
        diagnostics.sort(by: Diagnostic.presentationOrder)
        return LoadedCase(source: yaml.source, facts: diagnostics.containsErrors ? nil : facts, partialFacts: facts,
                          asOf: asOf, diagnostics: diagnostics, ranges: parser.ranges)
    }
}

/// The keys each part of a case file accepts. The parser's `allowed:` lists and the JSON Schema
/// of case files (`thresholds schema`) both come from here, so the two cannot drift apart.
enum CaseFileKeys {
    static let root = ["id", "as_of", "child", "plans", "assessments", "education", "visits", "compliance",
                       "events", "context", "carers", "facts", "transfer_in", "household", "health", "impacts"]
    static let impact = ["date", "domain", "on", "what", "seen_by"]
    static let household = ["housing", "heating", "childcare_when_parents_absent"]
    static let health = [
        "dentist_registered", "untreated_dental_decay", "immunisation_sets_received", "immunisations_up_to_date",
        "growth", "antenatal",
    ]
    static let growth = ["date", "weight_centile", "height_centile"]
    static let antenatal = ["date", "attended"]
    static let transferIn = ["date", "from", "records_received"]
    static let child = [
        "date_of_birth", "unborn", "gestation_weeks", "disabled", "additional_needs", "critical_medication",
        "young_carer", "gestation_recorded_on", "due_date",
    ]
    static let plan = ["level", "category", "start", "end", "end_reason"]
    static let assessment = ["date", "grades"]
    static let education = [
        "on_roll", "sessions_possible", "sessions_missed", "consecutive_absence_days", "missing", "home_educated",
        "home_education_start", "whereabouts_known", "part_time_timetable", "last_attended", "exclusions",
        "without_school_place",
    ]
    static let exclusion = ["date", "kind"]
    static let partTimeTimetable = ["start", "review", "notified"]
    static let visit = [
        "date", "by", "announced", "outcome", "child_seen_alone", "home_seen", "bedroom_seen", "seen_by",
    ]
    static let compliance = ["early_help_consent", "actions", "claims", "disguised_compliance", "child_in_need_consent"]
    static let event = ["date", "kind", "domains"]
    static let context = ["poverty", "parent_prioritises_child", "compensatory_care"]
    static let carers = [
        "substance_misuse", "domestic_abuse", "mental_health", "previous_children_removed", "previous_children",
    ]
    static let previousChild = ["outcome", "date"]
    /// An item of `compliance.actions` (`kept`) or `compliance.claims` (`verified`).
    static func outcome(_ held: String) -> [String] { ["date", held] }
}

/// Lowers a case file's node tree into ``CaseFacts``.
struct CaseParser {
    static let keys = CaseFileKeys.root

    var reader: NodeReader
    var ranges: [String: SourceRange] = [:]

    init(source: SourceText) {
        reader = NodeReader(source: source)
    }

    mutating func parse(_ root: YAMLNode) -> (CaseFacts?, LocalDate?) {
        guard case .mapping = root else {
            reader.report(ParserDiagnostics.wrongType("A case file", expected: "a mapping with keys such as 'child' and 'visits'",
                                                      found: root.kindDescription), root.range)
            return (nil, nil)
        }
        guard let fields = reader.fields(of: root, "a case", allowed: Self.keys) else { return (nil, nil) }
        var facts = CaseFacts()
        facts.id = reader.string(fields["id"], "'id'")
        let asOf = reader.date(fields["as_of"], "'as_of'")
        facts.child = fields["child"].flatMap { child($0) }
        facts.plans = reader.list(fields["plans"], "'plans'")?.compactMap { plan($0) }
        facts.assessments = reader.list(fields["assessments"], "'assessments'")?.compactMap { assessment($0) }
        facts.education = fields["education"].flatMap { education($0) }
        facts.visits = reader.list(fields["visits"], "'visits'")?.compactMap { visit($0) }
        facts.compliance = fields["compliance"].flatMap { compliance($0) }
        facts.events = reader.list(fields["events"], "'events'")?.enumerated().compactMap { event($1, index: $0) }
        facts.context = fields["context"].flatMap { context($0) }
        facts.carers = fields["carers"].flatMap { carers($0) }
        facts.facts = fields["facts"].flatMap { boardFacts($0) }
        facts.transferIn = fields["transfer_in"].flatMap { transferIn($0) }
        facts.household = fields["household"].flatMap { household($0) }
        facts.health = fields["health"].flatMap { health($0) }
        facts.impacts = reader.list(fields["impacts"], "'impacts'")?.compactMap { impact($0) }
        return (facts, asOf)
    }

    private mutating func impact(_ node: YAMLNode) -> CaseFacts.Impact? {
        guard let f = reader.fields(of: node, "an impact", allowed: CaseFileKeys.impact),
              let date = reader.date(reader.required("date", in: f), "an impact's 'date'"),
              let domain = reader.oneOf(reader.required("domain", in: f), "an impact's 'domain'", Vocabulary.domains),
              let area = reader.oneOf(reader.required("on", in: f), "an impact's 'on'", CaseFacts.Impact.areas)
        else { return nil }
        return CaseFacts.Impact(date: date, domain: domain, on: area, what: reader.string(f["what"], "an impact's 'what'"),
                                seenBy: reader.string(f["seen_by"], "an impact's 'seen_by'"))
    }

    private mutating func household(_ node: YAMLNode) -> CaseFacts.Household? {
        typealias Household = CaseFacts.Household
        guard let f = reader.fields(of: node, "'household'", allowed: CaseFileKeys.household)
        else { return nil }
        return Household(housing: reader.oneOf(f["housing"], "'housing'", Household.housingValues),
                         heating: reader.oneOf(f["heating"], "'heating'", Household.heatingValues),
                         childcareWhenParentsAbsent: reader.oneOf(f["childcare_when_parents_absent"],
                                                                  "'childcare_when_parents_absent'", Household.childcareValues))
    }

    private mutating func health(_ node: YAMLNode) -> CaseFacts.Health? {
        guard let f = reader.fields(of: node, "'health'", allowed: CaseFileKeys.health) else { return nil }
        let growth = reader.list(f["growth"], "'growth'")?.compactMap { item -> CaseFacts.GrowthMeasurement? in
            guard let g = reader.fields(of: item, "a growth measurement", allowed: CaseFileKeys.growth),
                  let date = reader.date(reader.required("date", in: g), "a measurement's 'date'")
            else { return nil }
            return CaseFacts.GrowthMeasurement(date: date, weightCentile: centile(g["weight_centile"], "'weight_centile'"),
                                               heightCentile: centile(g["height_centile"], "'height_centile'"))
        }
        let antenatal = reader.list(f["antenatal"], "'antenatal'")?.compactMap { item -> CaseFacts.Appointment? in
            guard let a = reader.fields(of: item, "an antenatal appointment", allowed: CaseFileKeys.antenatal),
                  let date = reader.date(reader.required("date", in: a), "an appointment's 'date'"),
                  let attended = reader.boolean(reader.required("attended", in: a), "'attended'")
            else { return nil }
            return CaseFacts.Appointment(date: date, attended: attended)
        }
        return CaseFacts.Health(
            dentistRegistered: reader.boolean(f["dentist_registered"], "'dentist_registered'"),
            untreatedDentalDecay: reader.boolean(f["untreated_dental_decay"], "'untreated_dental_decay'"),
            immunisationSetsReceived: reader.integer(f["immunisation_sets_received"], "'immunisation_sets_received'"),
            immunisationsUpToDate: reader.boolean(f["immunisations_up_to_date"], "'immunisations_up_to_date'"),
            growth: growth, antenatal: antenatal)
    }

    /// A centile, 0 to 100.
    private mutating func centile(_ node: YAMLNode?, _ what: String) -> Double? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node, scalar.style == .plain, let value = Double(scalar.value), (0...100).contains(value) else {
            reader.report(ParserDiagnostics.wrongType(what, expected: "a centile from 0 to 100", found: reader.describe(node)), node.range)
            return nil
        }
        return value
    }

    private mutating func transferIn(_ node: YAMLNode) -> CaseFacts.TransferIn? {
        guard let f = reader.fields(of: node, "'transfer_in'", allowed: CaseFileKeys.transferIn),
              let date = reader.date(reader.required("date", in: f), "'transfer_in' 'date'")
        else { return nil }
        return CaseFacts.TransferIn(date: date, from: reader.string(f["from"], "'from'"),
                                    recordsReceived: reader.boolean(f["records_received"], "'records_received'"))
    }

    private mutating func child(_ node: YAMLNode) -> CaseFacts.Child? {
        guard let f = reader.fields(of: node, "'child'", allowed: CaseFileKeys.child) else { return nil }
        return CaseFacts.Child(
            dateOfBirth: reader.date(f["date_of_birth"], "'date_of_birth'"), unborn: reader.boolean(f["unborn"], "'unborn'"),
            gestationWeeks: reader.integer(f["gestation_weeks"], "'gestation_weeks'"),
            disabled: reader.boolean(f["disabled"], "'disabled'"),
            additionalNeeds: reader.boolean(f["additional_needs"], "'additional_needs'"),
            criticalMedication: reader.boolean(f["critical_medication"], "'critical_medication'"),
            youngCarer: reader.boolean(f["young_carer"], "'young_carer'"),
            gestationRecordedOn: reader.date(f["gestation_recorded_on"], "'gestation_recorded_on'"),
            dueDate: reader.date(f["due_date"], "'due_date'"))
    }

    private mutating func plan(_ node: YAMLNode) -> CaseFacts.Plan? {
        guard let f = reader.fields(of: node, "a plan", allowed: CaseFileKeys.plan) else {
            return nil
        }
        let levels = Level.allCases.filter { $0 != .universal }.map(\.rawValue)
        let level = reader.oneOf(reader.required("level", in: f), "a plan's 'level'", levels).flatMap { Level(rawValue: $0) }
        let start = reader.date(reader.required("start", in: f), "a plan's 'start'")
        let end = reader.date(f["end"], "a plan's 'end'")
        guard let level, let start else { return nil }
        return CaseFacts.Plan(level: level, category: reader.string(f["category"], "a plan's 'category'"), start: start,
                              end: end, endReason: reader.string(f["end_reason"], "a plan's 'end_reason'"))
    }

    private mutating func assessment(_ node: YAMLNode) -> CaseFacts.Assessment? {
        guard let f = reader.fields(of: node, "an assessment", allowed: CaseFileKeys.assessment),
              let date = reader.date(reader.required("date", in: f), "an assessment's 'date'"),
              let gradesNode = reader.required("grades", in: f),
              let gradeFields = reader.fields(of: gradesNode, "an assessment's 'grades'", allowed: Vocabulary.domains)
        else { return nil }
        var grades: [String: Int] = [:]
        for domain in Vocabulary.domains {
            guard let node = gradeFields[domain] else { continue }
            if case .scalar(let scalar) = node, scalar.value == "not_assessed" { continue }
            guard case .scalar(let scalar) = node, let grade = Int(scalar.value), (1...5).contains(grade) else {
                reader.report(ParserDiagnostics.wrongType("the grade for '\(domain)'", expected: "a grade from 1 to 5 or 'not_assessed'",
                                                          found: reader.describe(node)), node.range)
                continue
            }
            grades[domain] = grade
        }
        return CaseFacts.Assessment(date: date, grades: grades)
    }

    private mutating func education(_ node: YAMLNode) -> CaseFacts.Education? {
        guard let f = reader.fields(of: node, "'education'", allowed: CaseFileKeys.education) else { return nil }
        let exclusions = reader.list(f["exclusions"], "'exclusions'")?.compactMap { item -> CaseFacts.Exclusion? in
            guard let e = reader.fields(of: item, "an exclusion", allowed: CaseFileKeys.exclusion),
                  let date = reader.date(reader.required("date", in: e), "an exclusion's 'date'"),
                  let kind = reader.oneOf(reader.required("kind", in: e), "an exclusion's 'kind'",
                                          CaseFacts.Exclusion.Kind.allCases.map(\.rawValue)).flatMap(CaseFacts.Exclusion.Kind.init)
            else { return nil }
            return CaseFacts.Exclusion(date: date, kind: kind)
        }
        var timetable: CaseFacts.PartTimeTimetable?
        if let node = f["part_time_timetable"],
           let t = reader.fields(of: node, "'part_time_timetable'", allowed: CaseFileKeys.partTimeTimetable) {
            timetable = CaseFacts.PartTimeTimetable(start: reader.date(t["start"], "'start'"),
                                                    review: reader.date(t["review"], "'review'"),
                                                    notified: reader.boolean(t["notified"], "'notified'"))
        }
        let possible = reader.integer(f["sessions_possible"], "'sessions_possible'")
        let missed = reader.integer(f["sessions_missed"], "'sessions_missed'")
        if let possible, let missed, missed > possible || missed < 0, let node = f["sessions_missed"] {
            reader.report(ParserDiagnostics.wrongType("'sessions_missed'", expected: "between 0 and 'sessions_possible' (\(possible))",
                                                      found: String(missed)), node.range)
        }
        return CaseFacts.Education(
            onRoll: reader.boolean(f["on_roll"], "'on_roll'"), sessionsPossible: possible, sessionsMissed: missed,
            consecutiveAbsenceDays: reader.integer(f["consecutive_absence_days"], "'consecutive_absence_days'"),
            missing: reader.boolean(f["missing"], "'missing'"), homeEducated: reader.boolean(f["home_educated"], "'home_educated'"),
            homeEducationStart: reader.date(f["home_education_start"], "'home_education_start'"),
            whereaboutsKnown: reader.boolean(f["whereabouts_known"], "'whereabouts_known'"), partTimeTimetable: timetable,
            lastAttended: reader.date(f["last_attended"], "'last_attended'"), exclusions: exclusions,
            withoutSchoolPlace: reader.boolean(f["without_school_place"], "'without_school_place'"))
    }

    private mutating func visit(_ node: YAMLNode) -> CaseFacts.Visit? {
        guard let f = reader.fields(of: node, "a visit", allowed: CaseFileKeys.visit) else { return nil }
        let agency = reader.oneOf(f["by"], "a visit's 'by'", CaseFacts.Agency.allCases.map(\.rawValue))
            .flatMap { CaseFacts.Agency(rawValue: $0) }
        let date = reader.date(reader.required("date", in: f), "a visit's 'date'")
        let outcome = reader.oneOf(reader.required("outcome", in: f), "a visit's 'outcome'",
                                   CaseFacts.VisitOutcome.allCases.map(\.rawValue)).flatMap { CaseFacts.VisitOutcome(rawValue: $0) }
        guard let date, let outcome else { return nil }
        return CaseFacts.Visit(date: date, by: agency, announced: reader.boolean(f["announced"], "'announced'"), outcome: outcome,
                               childSeenAlone: reader.boolean(f["child_seen_alone"], "'child_seen_alone'"),
                               homeSeen: reader.boolean(f["home_seen"], "'home_seen'"),
                               bedroomSeen: reader.boolean(f["bedroom_seen"], "'bedroom_seen'"), seenBy: reader.string(f["seen_by"], "'seen_by'"))
    }

    private mutating func compliance(_ node: YAMLNode) -> CaseFacts.Compliance? {
        guard let f = reader.fields(of: node, "'compliance'", allowed: CaseFileKeys.compliance) else { return nil }
        func outcomes(_ key: String, _ held: String) -> [CaseFacts.DatedOutcome]? {
            reader.list(f[key], "'\(key)'")?.compactMap { item in
                guard let g = reader.fields(of: item, "an item of '\(key)'", allowed: CaseFileKeys.outcome(held)),
                      let date = reader.date(reader.required("date", in: g), "'date'"),
                      let value = reader.boolean(reader.required(held, in: g), "'\(held)'")
                else { return nil }
                return CaseFacts.DatedOutcome(date: date, held: value)
            }
        }
        return CaseFacts.Compliance(
            earlyHelpConsent: reader.oneOf(f["early_help_consent"], "'early_help_consent'", ["given", "declined", "withdrawn"]),
            actions: outcomes("actions", "kept"), claims: outcomes("claims", "verified"),
            disguisedCompliance: reader.list(f["disguised_compliance"], "'disguised_compliance'")?
                .compactMap { reader.date($0, "a date of disguised compliance") },
            childInNeedConsent: reader.oneOf(f["child_in_need_consent"], "'child_in_need_consent'", ["given", "declined", "withdrawn"]))
    }

    private mutating func event(_ node: YAMLNode, index: Int) -> CaseFacts.Event? {
        guard let f = reader.fields(of: node, "an event", allowed: CaseFileKeys.event),
              let date = reader.date(reader.required("date", in: f), "an event's 'date'"),
              let kindNode = reader.required("kind", in: f), let kind = reader.string(kindNode, "an event's 'kind'")
        else { return nil }
        ranges["events.\(index).kind"] = kindNode.range
        var domains: [String]?
        if let items = reader.list(f["domains"], "an event's 'domains'") {
            domains = items.compactMap { reader.oneOf($0, "a domain", Vocabulary.domains) }
        }
        return CaseFacts.Event(date: date, kind: kind, domains: domains)
    }

    private mutating func context(_ node: YAMLNode) -> CaseFacts.Context? {
        guard let f = reader.fields(of: node, "'context'", allowed: CaseFileKeys.context)
        else { return nil }
        return CaseFacts.Context(poverty: reader.boolean(f["poverty"], "'poverty'"),
                                 parentPrioritisesChild: reader.boolean(f["parent_prioritises_child"], "'parent_prioritises_child'"),
                                 compensatoryCare: reader.boolean(f["compensatory_care"], "'compensatory_care'"))
    }

    private mutating func carers(_ node: YAMLNode) -> CaseFacts.Carers? {
        guard let f = reader.fields(of: node, "'carers'", allowed: CaseFileKeys.carers) else { return nil }
        let previous = reader.list(f["previous_children"], "'previous_children'")?.compactMap { item -> CaseFacts.PreviousChild? in
            guard let p = reader.fields(of: item, "an earlier child", allowed: CaseFileKeys.previousChild),
                  let outcome = reader.oneOf(reader.required("outcome", in: p), "an earlier child's 'outcome'",
                                             CaseFacts.PreviousChild.Outcome.allCases.map(\.rawValue))
                      .flatMap(CaseFacts.PreviousChild.Outcome.init)
            else { return nil }
            return CaseFacts.PreviousChild(outcome: outcome, date: reader.date(p["date"], "an earlier child's 'date'"))
        }
        let risk = ["none", "suspected", "confirmed"]
        return CaseFacts.Carers(
            substanceMisuse: reader.oneOf(f["substance_misuse"], "'substance_misuse'", risk),
            domesticAbuse: reader.oneOf(f["domestic_abuse"], "'domestic_abuse'", risk),
            mentalHealth: reader.oneOf(f["mental_health"], "'mental_health'", risk),
            previousChildrenRemoved: reader.integer(f["previous_children_removed"], "'previous_children_removed'"),
            previousChildren: previous)
    }

    /// Board facts: plain values, typed later against the document's declarations.
    private mutating func boardFacts(_ node: YAMLNode) -> [String: FactValue]? {
        guard let entries = reader.namedEntries(node, "'facts'") else { return nil }
        var values: [String: FactValue] = [:]
        for (name, valueNode) in entries {
            ranges["facts.\(name.value)"] = name.range
            guard case .scalar(let scalar) = valueNode, !scalar.isNull else {
                reader.report(ParserDiagnostics.wrongType("fact '\(name.value)'", expected: "a single value",
                                                          found: valueNode.kindDescription), valueNode.range)
                continue
            }
            if scalar.style == .plain, ["true", "false"].contains(scalar.value) {
                values[name.value] = .boolean(scalar.value == "true")
            } else if scalar.style == .plain, let number = Double(scalar.value), number.isFinite {
                values[name.value] = .number(number)
            } else if scalar.style == .plain, let date = LocalDate(scalar.value) {
                values[name.value] = .date(date)
            } else {
                values[name.value] = .string(scalar.value)
            }
        }
        return values
    }
}
