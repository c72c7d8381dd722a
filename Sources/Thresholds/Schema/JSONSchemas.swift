public import Foundation
import ThresholdsDiagnostics

/// JSON Schemas (draft 2020-12) for the files people write (threshold documents, vocabularies,
/// case files, fixture files) and for the JSON the tool writes, so that an editor's YAML
/// extension can complete keys and check types, and a service can validate what it reads.
///
/// The input schemas are generated from the same key lists the parser and loaders use
/// (`DocumentParser`'s, `CaseFileKeys`, `FixtureLoader`'s): every object lists exactly the keys
/// the loader accepts, and a test fails if a key has no type here. Descriptions of case facts
/// come from the standard vocabulary (``Vocabulary/facts``), which `docs/CASE-FACTS.md` lists.
/// What a schema cannot say (that an expression parses, that a name is declared, that a date is
/// real) is left to `thresholds check`, whose diagnostics are the authority.
public enum JSONSchemas {
    /// One schema.
    public struct Schema: Sendable, Hashable {
        /// The file name it is written under: `threshold-document.schema.json`.
        public var fileName: String
        /// What it describes.
        public var title: String
        /// The schema as JSON, keys sorted.
        public var json: String
    }

    /// Every schema, in a fixed order.
    public static var all: [Schema] {
        [
            // A file with 'vocabulary:' is read as a vocabulary, so one schema serves a whole
            // rules folder; the vocabulary schema is for vocabulary files alone.
            schema("threshold-document", "A Thresholds threshold document (DSL version 1), or a vocabulary file", root: .object([
                "if": .object(["type": .string("object"), "required": .array([.string("vocabulary")])]),
                "then": .ref("vocabularyFile"),
                "else": .ref("documentFile"),
            ])),
            schema("vocabulary", "A Thresholds vocabulary file: shared declarations, no rules", root: .ref("vocabularyFile")),
            schema("case", "A Thresholds case file: one child's facts and chronology", root: .ref("case")),
            schema("fixtures", "A Thresholds fixture file: cases with pinned expected outcomes", root: fixtures()),
            schema("recommendations", "The output of 'thresholds evaluate --format json'", root: OutputShapes.recommendations),
            schema("caseload-line", "One line of 'thresholds evaluate --jsonl' output", root: OutputShapes.caseloadLine),
            schema("diagnostics", "The output of 'thresholds check --format json'", root: OutputShapes.diagnostics),
            schema("fixture-report", "The output of 'thresholds test --format json'", root: OutputShapes.fixtureReport),
            schema("comparison", "The output of 'thresholds compare --format json'", root: OutputShapes.comparison),
        ]
    }

    /// The base of every schema's `$id`.
    static let base = "https://thresholds.example/schemas/v1/"

    private static func schema(_ name: String, _ title: String, root: JSONNode) -> Schema {
        var object: [String: JSONNode] = [
            "$schema": .string("https://json-schema.org/draft/2020-12/schema"),
            "$id": .string(base + name + ".schema.json"),
            "title": .string(title),
            "$defs": .object(definitions),
        ]
        if case .object(let fields) = root { object.merge(fields) { _, new in new } } else { object["$ref"] = root.refTarget }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(JSONNode.object(object))) ?? Data()
        return Schema(fileName: name + ".schema.json", title: title, json: String(decoding: data, as: UTF8.self) + "\n")
    }

    // MARK: Threshold documents and vocabularies

    private static func document(vocabulary: Bool) -> JSONNode {
        let keys = vocabulary ? DocumentParser.vocabularyKeys : DocumentParser.documentKeys
        let types: [String: JSONNode] = [
            "thresholds": .described(.constant(.integer(1)), "The DSL version: 1."),
            "vocabulary": .described(.text, "The vocabulary's title: this file declares, and has no rules."),
            "board": .described(.text, "The partnership that publishes the document."),
            "title": .described(.text, "The document's title."),
            "version": .described(.anyOf([.text, .type("number")]), "The board's version of the document, quoted: \"2026.2\"."),
            "effective": .described(.date, "The date from which the document applies."),
            "source": .described(.anyOf([.text, .ref("citation")]), "The board's published document that this one encodes."),
            "notice": .described(.text, "A notice shown with every result."),
            "imports": .described(.array(.text), "Vocabulary files to import, relative to this file, inside the rules root."),
            "extends": .described(.text, "The one baseline document this one extends, relative to this file."),
            "levels": .described(.ref("levels"), "How the board labels the engine's levels."),
            "facts": .described(.map(.ref("fact")), "Facts the board adds to the standard vocabulary; with a question, a judgement."),
            "events": .described(.map(.anyOf([.text, .ref("event")])), "Chronology event kinds the board adds."),
            "definitions": .described(.map(.ref("definition")), "Named conditions: the board's vague terms, defined once."),
            "tables": .described(.map(.ref("table")), "Lookup tables, used as name(x)."),
            "rules": .described(.array(.ref("rule")), "The rules, in order."),
            "override": .described(.array(.ref("rule")), "Baseline rules replaced by id, keeping their position."),
            "remove": .described(.array(.ref("removal")), "Baseline rules dropped by id, each with a reason."),
        ]
        let required = vocabulary ? ["thresholds", "vocabulary"] : ["thresholds", "board", "title", "version", "effective"]
        // One table of types serves both key lists: a vocabulary has no rules, and a file with
        // 'vocabulary:' is read as a vocabulary, not a document.
        return .closedObject(keys, types.filter { keys.contains($0.key) }, required: required)
    }

    // MARK: Fixture files

    private static func fixtures() -> JSONNode {
        .closedObject(FixtureLoader.keys, [
            "fixtures": .described(.constant(.integer(1)), "The fixture format version: 1."),
            "rules": .described(.text, "The threshold document the cases run against, relative to this file."),
            "as_of": .described(.date, "The as-of date for cases that give none."),
            "base": .described(.ref("case"), "Facts every inline case's 'facts' is laid over."),
            "cases": .described(.array(.ref("fixtureCase")), "The cases."),
        ], required: ["fixtures", "rules", "cases"])
    }

    // MARK: Shared definitions

    /// Every `$defs` entry; each schema carries them all, so that each file stands alone.
    static var definitions: [String: JSONNode] {
        var defs = documentDefinitions
        defs["documentFile"] = document(vocabulary: false)
        defs["vocabularyFile"] = document(vocabulary: true)
        defs.merge(caseDefinitions) { first, _ in first }
        defs.merge(fixtureDefinitions) { first, _ in first }
        defs.merge(overlay(caseDefinitions)) { first, _ in first }
        defs.merge(OutputShapes.definitions) { first, _ in first }
        return defs
    }

    private static let levelNames = Level.allCases.map(\.rawValue)

    private static var documentDefinitions: [String: JSONNode] {
        let actionNames = ActionKind.allCases.map(\.rawValue)
        return [
            "citation": .closedObject(DocumentParser.sourceKeys, [
                "title": .described(.text, "The published document's title."),
                "url": .described(.text, "Where it is published."),
            ], required: ["title"]),
            "levels": .object([
                "type": .string("object"),
                "propertyNames": .enumeration(levelNames),
                "additionalProperties": .ref("level"),
            ]),
            "level": .closedObject(DocumentParser.levelKeys, [
                "label": .described(.text, "The board's name for the level."),
                "band": .described(.text, "The board's band, which several levels may share."),
                "guidance": .described(.text, "What practitioners should do at this level."),
                "actions": .described(.ref("actions"), "Actions whenever this level is recommended."),
                "sublevels": .described(.map(.ref("sublevel")), "The board's finer published levels within this one, lowest first."),
            ], required: ["label"]),
            "sublevel": .closedObject(DocumentParser.sublevelKeys, [
                "label": .described(.text, "The board's name for the sub-level."),
                "guidance": .described(.text, "What practitioners should do at it."),
            ], required: ["label"]),
            "fact": .anyOf([
                .described(.enumeration(FactType.names), "The fact's type, in short."),
                .closedObject(DocumentParser.factKeys, [
                    "type": .described(.enumeration(FactType.names), "The fact's type."),
                    "description": .described(.text, "What it means."),
                    "question": .described(.text, "The question put to the practitioner: a judgement."),
                    "help": .described(.text, "Help for answering the question."),
                    "values": .described(.array(.text), "The values of an enum."),
                    "ordered": .described(.type("boolean"), "Whether the enum's values are a scale, lowest first."),
                    "concerning": .described(.anyOf([.enumeration(["higher", "lower"]), .type("boolean")]),
                                             "Which way the fact is a concern: higher or lower, or for a boolean the concerning answer."),
                ], required: ["type"]),
            ]),
            "event": .closedObject(DocumentParser.eventKeys, ["description": .described(.text, "What the event records.")], required: []),
            "definition": .closedObject(DocumentParser.definitionKeys, [
                "description": .described(.text, "What the term means, in words."),
                "when": .described(.ref("condition"), "The condition."),
            ], required: ["when"]),
            "table": .closedObject(DocumentParser.tableKeys, [
                "description": .described(.text, "What the table gives."),
                "input": .described(.enumeration(LookupTable.ColumnType.allCases.map(\.rawValue)), "What it is looked up by."),
                "output": .described(.enumeration(LookupTable.ColumnType.allCases.map(\.rawValue)), "What it gives."),
                "rows": .described(.array(.ref("tableRow")), "Bands in increasing 'from'."),
            ], required: ["input", "output", "rows"]),
            "tableRow": .closedObject(DocumentParser.rowKeys, [
                "from": .described(.anyOf([.type("number"), .duration]), "Where the band starts (inclusive)."),
                "value": .described(.anyOf([.type("number"), .type("boolean"), .duration]), "What the table gives in the band."),
            ], required: ["from", "value"]),
            "removal": .closedObject(DocumentParser.removalKeys, [
                "id": .described(.text, "The baseline rule's id."),
                "reason": .described(.text, "Why the board removes it."),
            ], required: ["id", "reason"]),
            "rule": .closedObject(DocumentParser.ruleKeys, [
                "id": .described(.text, "The rule's id, unique in the document."),
                "title": .described(.text, "A short title."),
                "level": .described(.text, "The level it recommends (a level, level.sublevel, or current_plan ± n); omit for a procedure."),
                "raise": .described(.type("integer"), "For a modifier: how many levels it raises the result."),
                "up_to": .described(.enumeration(levelNames), "For a modifier: the highest level it raises to."),
                "when": .described(.ref("condition"), "When the rule fires."),
                "unless": .described(.ref("condition"), "An exception: applies only when known to be true."),
                "because": .described(.text, "Why, in the board's words."),
                "source": .described(.text, "The citation in the board's own document."),
                "actions": .described(.ref("actions"), "Actions the rule attaches."),
            ], required: ["id", "title", "when"]),
            "condition": .anyOf([
                .described(.text, "An expression, such as 'domain.home_conditions >= 4'."),
                .closedObject(["all"], ["all": .described(.array(.ref("condition")), "Every part holds.")], required: ["all"]),
                .closedObject(["any"], ["any": .described(.array(.ref("condition")), "Some part holds.")], required: ["any"]),
                .closedObject(["not"], ["not": .described(.ref("condition"), "The part does not hold.")], required: ["not"]),
                .closedObject(["at_least", "of"], [
                    "at_least": .described(.type("integer"), "How many parts must hold."),
                    "of": .described(.array(.ref("condition")), "The parts."),
                ], required: ["at_least", "of"]),
            ]),
            "actions": .array(.anyOf([
                .described(.enumeration(actionNames), "An action by name."),
                .object([
                    "type": .string("object"),
                    "minProperties": .integer(1),
                    "maxProperties": .integer(1),
                    "propertyNames": .enumeration(actionNames),
                    "additionalProperties": .anyOf([.text, .ref("actionDetails")]),
                ]),
            ])),
            "actionDetails": .closedObject(DocumentParser.actionKeys, [
                "within": .described(.duration, "How long it may take."),
                "from": .described(.text, "A date expression its time runs from."),
                "by": .described(.text, "A week of pregnancy: '28 weeks of pregnancy'."),
                "strength": .described(.enumeration(ActionStrength.allCases.map(\.rawValue)), "Required, or to be considered."),
                "done_when": .described(.text, "The event kind that records it done."),
                "to": .described(.text, "For route_to: the team."),
                "text": .described(.text, "The action's words."),
            ], required: []),
        ]
    }

    private static var caseDefinitions: [String: JSONNode] {
        func fact(_ name: String) -> String? { Vocabulary.factsByName[name]?.summary }
        let risk = JSONNode.enumeration(["none", "suspected", "confirmed"])
        let consent = JSONNode.enumeration(["given", "declined", "withdrawn"])
        let grade = JSONNode.anyOf([.object(["type": .string("integer"), "minimum": .integer(1), "maximum": .integer(5)]),
                                    .constant(.string("not_assessed"))])
        let count = JSONNode.object(["type": .string("integer"), "minimum": .integer(0)])
        let centile = JSONNode.object(["type": .string("number"), "minimum": .integer(0), "maximum": .integer(100)])
        func flag(_ name: String) -> JSONNode { .described(.type("boolean"), fact(name)) }
        return [
            "case": .closedObject(CaseFileKeys.root, [
                "id": .described(.anyOf([.text, .type("integer")]), "The case's identifier."),
                "as_of": .described(.date, "The date to evaluate the case at."),
                "child": .ref("child"),
                "plans": .described(.array(.ref("plan")), "Plans, current and past."),
                "assessments": .described(.array(.ref("assessment")), "Graded assessments of the neglect domains, 1 best to 5 worst."),
                "education": .ref("education"),
                "visits": .described(.array(.ref("visit")), "Home visits and contacts, with their outcomes."),
                "compliance": .ref("compliance"),
                "events": .described(.array(.ref("caseEvent")), "The chronology: dated events of standard or board kinds."),
                "context": .ref("context"),
                "carers": .ref("carers"),
                "facts": .described(.map(.anyOf([.text, .type("number"), .type("boolean")])), "Values of the board's own facts."),
                "transfer_in": .ref("transferIn"),
                "household": .ref("household"),
                "health": .ref("health"),
                "impacts": .described(.array(.ref("impact")), "Observed impacts on the child, dated and attributed."),
            ], required: []),
            "child": .closedObject(CaseFileKeys.child, [
                "date_of_birth": .described(.date, fact("child.date_of_birth")),
                "unborn": flag("child.unborn"),
                "gestation_weeks": .described(count, "Weeks of pregnancy when recorded (see gestation_recorded_on)."),
                "disabled": flag("child.disabled"),
                "additional_needs": flag("child.additional_needs"),
                "critical_medication": flag("child.critical_medication"),
                "young_carer": .described(.type("boolean"), "Whether the child is a young carer."),
                "gestation_recorded_on": .described(.date, "When gestation_weeks was recorded."),
                "due_date": .described(.date, "The expected date of birth of an unborn child."),
            ], required: []),
            "plan": .closedObject(CaseFileKeys.plan, [
                "level": .described(.enumeration(levelNames.filter { $0 != "universal" }), "The plan's level."),
                "category": .described(.text, "The plan's category, such as neglect."),
                "start": .described(.date, "When the plan started."),
                "end": .described(.date, "When it ended; absent for the current plan."),
                "end_reason": .described(.text, "Why it ended."),
            ], required: ["level", "start"]),
            "assessment": .closedObject(CaseFileKeys.assessment, [
                "date": .date,
                "grades": .closedObject(Vocabulary.domains, Dictionary(uniqueKeysWithValues: Vocabulary.domains.map { ($0, grade) }),
                                        required: []),
            ], required: ["date", "grades"]),
            "education": .closedObject(CaseFileKeys.education, [
                "on_roll": flag("education.on_roll"),
                "sessions_possible": .described(count, fact("education.sessions_possible")),
                "sessions_missed": .described(count, fact("education.sessions_missed")),
                "consecutive_absence_days": .described(count, fact("education.consecutive_absence_days")),
                "missing": flag("education.missing"),
                "home_educated": flag("education.home_educated"),
                "home_education_start": .described(.date, "When elective home education began."),
                "whereabouts_known": .described(.type("boolean"), "Whether the child's whereabouts are known."),
                "part_time_timetable": .ref("partTimeTimetable"),
                "last_attended": .described(.date, fact("education.last_attended")),
                "exclusions": .array(.ref("exclusion")),
                "without_school_place": .described(.type("boolean"), "Whether a child of school age is without a school place."),
            ], required: []),
            "exclusion": .closedObject(CaseFileKeys.exclusion, [
                "date": .date, "kind": .enumeration(CaseFacts.Exclusion.Kind.allCases.map(\.rawValue)),
            ], required: ["date", "kind"]),
            "partTimeTimetable": .closedObject(CaseFileKeys.partTimeTimetable, [
                "start": .date, "review": .date,
                "notified": .described(.type("boolean"), "Whether the local authority was told of it."),
            ], required: []),
            "visit": .closedObject(CaseFileKeys.visit, [
                "date": .date,
                "by": .described(.enumeration(CaseFacts.Agency.allCases.map(\.rawValue)), "The agency that visited."),
                "announced": .type("boolean"),
                "outcome": .enumeration(CaseFacts.VisitOutcome.allCases.map(\.rawValue)),
                "child_seen_alone": .type("boolean"), "home_seen": .type("boolean"), "bedroom_seen": .type("boolean"),
                "seen_by": .described(.text, "Who saw the child."),
            ], required: ["date", "outcome"]),
            "compliance": .closedObject(CaseFileKeys.compliance, [
                "early_help_consent": consent,
                "actions": .described(.array(.ref("keptAction")), "Agreed actions, each kept or not."),
                "claims": .described(.array(.ref("verifiedClaim")), "Parental claims, each verified or contradicted."),
                "disguised_compliance": .described(.array(.date), "Dates of observed signs of disguised compliance."),
                "child_in_need_consent": consent,
            ], required: []),
            "keptAction": .closedObject(CaseFileKeys.outcome("kept"), ["date": .date, "kept": .type("boolean")], required: ["date", "kept"]),
            "verifiedClaim": .closedObject(CaseFileKeys.outcome("verified"), ["date": .date, "verified": .type("boolean")],
                                           required: ["date", "verified"]),
            "caseEvent": .closedObject(CaseFileKeys.event, [
                "date": .date,
                "kind": .described(.text, "A standard event kind (docs/CASE-FACTS.md) or one the board declares."),
                "domains": .array(.enumeration(Vocabulary.domains)),
            ], required: ["date", "kind"]),
            "context": .closedObject(CaseFileKeys.context, [
                "poverty": .type("boolean"), "parent_prioritises_child": .type("boolean"), "compensatory_care": .type("boolean"),
            ], required: []),
            "carers": .closedObject(CaseFileKeys.carers, [
                "substance_misuse": risk, "domestic_abuse": risk, "mental_health": risk,
                "previous_children_removed": count,
                "previous_children": .array(.ref("previousChild")),
            ], required: []),
            "previousChild": .closedObject(CaseFileKeys.previousChild, [
                "outcome": .enumeration(CaseFacts.PreviousChild.Outcome.allCases.map(\.rawValue)), "date": .date,
            ], required: ["outcome"]),
            "transferIn": .closedObject(CaseFileKeys.transferIn, [
                "date": .date, "from": .text, "records_received": .type("boolean"),
            ], required: ["date"]),
            "household": .closedObject(CaseFileKeys.household, [
                "housing": .enumeration(CaseFacts.Household.housingValues),
                "heating": .enumeration(CaseFacts.Household.heatingValues),
                "childcare_when_parents_absent": .enumeration(CaseFacts.Household.childcareValues),
            ], required: []),
            "health": .closedObject(CaseFileKeys.health, [
                "dentist_registered": .type("boolean"), "untreated_dental_decay": .type("boolean"),
                "immunisation_sets_received": count, "immunisations_up_to_date": .type("boolean"),
                "growth": .array(.ref("growth")), "antenatal": .array(.ref("antenatal")),
            ], required: []),
            "growth": .closedObject(CaseFileKeys.growth, ["date": .date, "weight_centile": centile, "height_centile": centile],
                                    required: ["date"]),
            "antenatal": .closedObject(CaseFileKeys.antenatal, ["date": .date, "attended": .type("boolean")], required: ["date", "attended"]),
            "impact": .closedObject(CaseFileKeys.impact, [
                "date": .date, "domain": .enumeration(Vocabulary.domains), "on": .enumeration(CaseFacts.Impact.areas),
                "what": .text, "seen_by": .text,
            ], required: ["date", "domain", "on"]),
        ]
    }

    /// The case definitions as a fixture's inline `facts` writes them: laid over `base`, where
    /// `~` (null) removes a part, so every key also takes null. Named `overlay-NAME`.
    private static func overlay(_ defs: [String: JSONNode]) -> [String: JSONNode] {
        func rewrite(_ node: JSONNode) -> JSONNode {
            switch node {
            case .object(var fields):
                if case .string(let target)? = fields["$ref"], target.hasPrefix("#/$defs/") {
                    fields["$ref"] = .string("#/$defs/overlay-" + target.dropFirst("#/$defs/".count))
                }
                if case .object(let properties)? = fields["properties"] {
                    fields["properties"] = .object(properties.mapValues { .anyOf([rewrite($0), .type("null")]) })
                    fields["required"] = nil
                }
                for key in ["items", "anyOf"] {
                    if let inner = fields[key] { fields[key] = rewrite(inner) }
                }
                // A mapping of names (a case's board 'facts'): each value may be removed too.
                if let inner = fields["additionalProperties"], inner != .bool(false) {
                    fields["additionalProperties"] = .anyOf([rewrite(inner), .type("null")])
                }
                return .object(fields)
            case .array(let items): return .array(items.map { rewrite($0) })
            default: return node
            }
        }
        return Dictionary(uniqueKeysWithValues: defs.map { ("overlay-" + $0.key, rewrite($0.value)) })
    }

    private static var fixtureDefinitions: [String: JSONNode] {
        let levels = JSONNode.array(.enumeration(levelNames))
        let actions = JSONNode.array(.enumeration(ActionKind.allCases.map(\.rawValue)))
        return [
            "fixtureCase": .closedObject(FixtureLoader.caseKeys, [
                "name": .described(.text, "The case's name, unique in the file."),
                "tags": .array(.text),
                "case": .described(.text, "A case file, relative to this file."),
                "facts": .described(.ref("overlay-case"), "The case inline, laid over 'base'; '~' removes a part, making it unknown."),
                "as_of": .date,
                "expect": .ref("expectation"),
                "skip": .described(.text, "Why the case is skipped."),
            ], required: ["name"]),
            "expectation": .closedObject(FixtureLoader.expectKeys, [
                "level": .described(.text, "The expected level, or level.sublevel."),
                "acceptable": .described(levels, "Other levels a reviewer would accept."),
                "unsafe": .described(levels, "Levels that would be unsafe."),
                "provisional": .type("boolean"),
                "fired": .described(.array(.text), "Rule ids that must fire."),
                "not_fired": .described(.array(.text), "Rule ids that must not fire."),
                "information_needed": .described(.array(.text), "Facts that must be asked for."),
                "actions": actions,
                "must_mention": .described(.array(.text), "Phrases the explanation must contain."),
                "overdue": actions,
                "not_overdue": actions,
            ], required: []),
        ]
    }
}

/// A JSON value, for writing schemas.
indirect enum JSONNode: Encodable, Sendable, Hashable {
    case string(String)
    case integer(Int)
    case bool(Bool)
    case array([JSONNode])
    case object([String: JSONNode])

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .array(let values): try container.encode(values)
        case .object(let fields): try container.encode(fields)
        }
    }

    static let text = type("string")
    static let date = JSONNode.object([
        "type": .string("string"), "pattern": .string("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"), "description": .string("A date, YYYY-MM-DD."),
    ])
    /// A duration as the DSL writes it: `6 months`, `5 working days`, `24 hours`.
    static var duration: JSONNode {
        let units = Duration.Unit.allCases.flatMap(\.words).sorted { $0.count > $1.count }.joined(separator: "|")
        return .object(["type": .string("string"), "pattern": .string("^[0-9]+ (\(units))$")])
    }

    static func type(_ name: String) -> JSONNode { .object(["type": .string(name)]) }
    static func ref(_ name: String) -> JSONNode { .object(["$ref": .string("#/$defs/\(name)")]) }
    static func constant(_ value: JSONNode) -> JSONNode { .object(["const": value]) }
    static func enumeration(_ values: [String]) -> JSONNode { .object(["type": .string("string"), "enum": .array(values.map(JSONNode.string))]) }
    static func array(_ items: JSONNode) -> JSONNode { .object(["type": .string("array"), "items": items]) }
    static func anyOf(_ options: [JSONNode]) -> JSONNode { .object(["anyOf": .array(options)]) }
    /// A mapping of names the author chooses to values of one shape.
    static func map(_ values: JSONNode) -> JSONNode { .object(["type": .string("object"), "additionalProperties": values]) }

    /// `node` with a description, when there is one.
    static func described(_ node: JSONNode, _ description: String?) -> JSONNode {
        guard let description, case .object(var fields) = node else { return node }
        fields["description"] = .string(description)
        return .object(fields)
    }

    /// An object that accepts exactly `keys`, each typed from `types`. A key with no type is
    /// written as `{}` (anything), which the schema tests reject: a key the loader accepts must
    /// have a type here.
    static func closedObject(_ keys: [String], _ types: [String: JSONNode], required: [String]) -> JSONNode {
        var properties: [String: JSONNode] = [:]
        for key in keys { properties[key] = types[key] ?? .object([:]) }
        for key in types.keys where !keys.contains(key) { properties[key] = .object(["not": .object([:])]) }
        var fields: [String: JSONNode] = [
            "type": .string("object"),
            "properties": .object(properties),
            "additionalProperties": .bool(false),
        ]
        if !required.isEmpty { fields["required"] = .array(required.map(JSONNode.string)) }
        return .object(fields)
    }

    /// The `$ref` of a reference node.
    var refTarget: JSONNode? {
        if case .object(let fields) = self { return fields["$ref"] }
        return nil
    }
}
