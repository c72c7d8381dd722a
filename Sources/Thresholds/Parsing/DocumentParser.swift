public import ThresholdsDiagnostics
public import ThresholdsYAML

/// Lowers a YAML node tree into a ``ThresholdDocument`` by hand, keeping every source range.
///
/// Resilient: it reads as much of the document as it can and reports every problem; a part that
/// cannot be read (a rule with a broken condition) is left out of the result and diagnosed.
public struct DocumentParser {
    /// The keys of a document, in the order the DSL specification lists them.
    public static let documentKeys = [
        "thresholds", "board", "title", "version", "effective", "source", "notice", "imports", "extends",
        "levels", "facts", "events", "definitions", "tables", "rules", "override", "remove",
    ]
    static let ruleKeys = ["id", "title", "level", "raise", "up_to", "when", "unless", "because", "source", "actions"]
    static let levelKeys = ["label", "band", "guidance", "actions", "sublevels"]
    static let sublevelKeys = ["label", "guidance"]
    static let factKeys = ["type", "description", "question", "help", "values", "ordered", "concerning"]
    static let tableKeys = ["description", "input", "output", "rows"]
    static let rowKeys = ["from", "value"]
    static let eventKeys = ["description"]
    static let definitionKeys = ["description", "when"]
    static let sourceKeys = ["title", "url"]
    static let conditionKeys = ["all", "any", "not", "at_least"]

    /// Said when a level name is not close to any: boards' own numbering belongs in labels.
    static let levelsNote = "the engine's levels are universal, early_help, child_in_need, child_protection and "
        + "pre_proceedings; give them the board's own names under 'levels:' with 'label' and 'band'"

    /// The most expression terms one document may hold, over all its conditions: with the YAML
    /// limits, this bounds the work any document can ask of the checker and the evaluator.
    public static let maxTerms = 100_000

    private var reader: NodeReader
    private var terms = 0
    private var reportedTooManyTerms = false

    private init(source: SourceText) {
        reader = NodeReader(source: source)
    }

    /// The keys of a vocabulary file: declarations shared by several documents, no rules.
    public static let vocabularyKeys = ["thresholds", "vocabulary", "imports", "levels", "facts", "events", "definitions", "tables"]
    static let removalKeys = ["id", "reason"]

    /// Parses one loaded YAML file as written, before its imports and baseline are composed.
    /// `nil` only when the file has no usable root or lacks a required header field.
    static func parseUnit(_ yaml: YAMLDocument) -> (unit: DocumentUnit?, diagnostics: [Diagnostic]) {
        guard let root = yaml.root else { return (nil, []) }
        var parser = DocumentParser(source: yaml.source)
        let unit = parser.unit(root)
        return (unit, parser.reader.diagnostics)
    }

    // MARK: Document

    private mutating func unit(_ root: YAMLNode) -> DocumentUnit? {
        guard case .mapping(let mapping) = root else {
            reader.report(ParserDiagnostics.notAMapping(root.kindDescription), root.range)
            return nil
        }
        let isVocabulary = mapping.entries.contains { entry in
            if case .scalar(let key) = entry.key { key.value == "vocabulary" } else { false }
        }
        let allowed = isVocabulary ? Self.vocabularyKeys : Self.documentKeys
        guard let fields = reader.fields(of: root, isVocabulary ? "a vocabulary" : "the document", allowed: allowed)
        else { return nil }
        let versionNode = reader.required("thresholds", in: fields)
        var dslVersion: Int?
        if let versionNode {
            if case .scalar(let scalar) = versionNode, scalar.value == "1" {
                dslVersion = 1
            } else {
                reader.report(ParserDiagnostics.unsupportedVersion(reader.describe(versionNode)), versionNode.range)
            }
        }
        var unit = DocumentUnit(path: reader.source.path)
        unit.imports = reader.list(fields["imports"], "'imports'")?.compactMap { located($0, "an import") } ?? []
        unit.levels = fields["levels"].map { levelDefinitions($0) } ?? []
        // A declaration that cannot be read is still a name: its uses are not reported again as unknown.
        for (name, node) in reader.namedEntries(fields["facts"], "'facts'") ?? [] {
            if let fact = fact(name, node) { unit.facts.append(fact) } else { unit.unreadableNames.insert(name.value) }
        }
        unit.events = reader.namedEntries(fields["events"], "'events'")?.compactMap { event($0.name, $0.value) } ?? []
        for (name, node) in reader.namedEntries(fields["definitions"], "'definitions'") ?? [] {
            if let definition = definition(name, node) {
                unit.definitions.append(definition)
            } else {
                unit.unreadableNames.insert(name.value)
            }
        }
        unit.tables = reader.namedEntries(fields["tables"], "'tables'")?.compactMap { table($0.name, $0.value) } ?? []
        checkUniqueNames(facts: unit.facts, events: unit.events, definitions: unit.definitions, tables: unit.tables)
        if isVocabulary {
            guard let title = reader.string(reader.required("vocabulary", in: fields), "'vocabulary'"), dslVersion != nil
            else { return nil }
            unit.kind = .vocabulary(title: title)
            return unit
        }
        let board = reader.string(reader.required("board", in: fields), "'board'")
        let title = reader.string(reader.required("title", in: fields), "'title'")
        let version = reader.string(reader.required("version", in: fields), "'version'")
        let effective = reader.date(reader.required("effective", in: fields), "'effective'")
        let source = fields["source"].flatMap { citation($0) }
        let notice = reader.string(fields["notice"], "'notice'")
        unit.extends = fields["extends"].flatMap { located($0, "'extends'") }
        // A document that extends a baseline inherits its rules, so it need not add any.
        let rulesNode = unit.extends == nil ? reader.required("rules", in: fields) : fields["rules"]
        unit.rules = reader.list(rulesNode, "'rules'")?.compactMap { rule($0) } ?? []
        if let node = fields["override"] {
            unit.overrides = reader.list(node, "'override'")?.compactMap { rule($0) } ?? []
            unit.overrideRange = fields.keyRange("override")
        }
        if let node = fields["remove"] {
            unit.removals = reader.list(node, "'remove'")?.compactMap { removal($0) } ?? []
            unit.removeRange = fields.keyRange("remove")
        }
        if unit.extends == nil {
            for key in ["override", "remove"] {
                if let range = fields.keyRange(key) { reader.report(ParserDiagnostics.withoutBaseline(key), range) }
            }
        }
        checkUniqueRuleIDs(unit.rules, unit.overrides)

        guard let dslVersion, let board, let title, let version, let effective else { return nil }
        unit.kind = .document(ThresholdDocument(
            file: reader.source.path, dslVersion: dslVersion, board: board, title: title, version: version,
            effective: effective, source: source, notice: notice, levels: [], facts: [], events: [],
            definitions: [], rules: []))
        return unit
    }

    /// A path or id written as a string, with where it was written.
    private mutating func located(_ node: YAMLNode, _ what: String) -> Located<String>? {
        reader.string(node, what).map { Located($0, range: node.range) }
    }

    /// `- id: CB-EH-03` / `reason: ...`: both required, so that no rule disappears unexplained.
    private mutating func removal(_ node: YAMLNode) -> (id: Located<String>, reason: String)? {
        guard let fields = reader.fields(of: node, "a removal", allowed: Self.removalKeys) else { return nil }
        let id = reader.required("id", in: fields).flatMap { located($0, "a removal's 'id'") }
        let reason = reader.string(reader.required("reason", in: fields), "a removal's 'reason'")
        guard let id, let reason else { return nil }
        return (id, reason)
    }

    private mutating func citation(_ node: YAMLNode) -> Citation? {
        if case .scalar = node {
            return reader.string(node, "'source'").map { Citation(title: $0, url: nil) }
        }
        guard let fields = reader.fields(of: node, "the document's source", allowed: Self.sourceKeys),
              let title = reader.string(reader.required("title", in: fields), "the source's 'title'")
        else { return nil }
        return Citation(title: title, url: reader.string(fields["url"], "the source's 'url'"))
    }

    private mutating func levelDefinitions(_ node: YAMLNode) -> [LevelDefinition] {
        guard case .mapping(let mapping) = node else {
            reader.report(ParserDiagnostics.wrongType("'levels'", expected: "a mapping of levels", found: node.kindDescription),
                          node.range)
            return []
        }
        var definitions: [LevelDefinition] = []
        for entry in mapping.entries {
            guard case .scalar(let key) = entry.key else {
                reader.report(ParserDiagnostics.nonScalarKey(), entry.key.range)
                continue
            }
            guard let level = Level(rawValue: key.value) else {
                reader.reportUnknown(ParserDiagnostics.unknownLevel(key.value), name: key.value,
                                     candidates: Level.allCases.map(\.rawValue), range: key.range, fallback: Self.levelsNote)
                continue
            }
            guard let fields = reader.fields(of: entry.value, "level '\(key.value)'", allowed: Self.levelKeys),
                  let label = reader.string(reader.required("label", in: fields), "a level's 'label'")
            else { continue }
            definitions.append(LevelDefinition(
                level: level, label: label, band: reader.string(fields["band"], "a level's 'band'"),
                guidance: reader.string(fields["guidance"], "a level's 'guidance'"),
                actions: actionList(fields["actions"], "a level's 'actions'") ?? [],
                sublevels: reader.namedEntries(fields["sublevels"], "a level's 'sublevels'")?.compactMap { sublevel($0.name, $0.value) } ?? [],
                range: key.range.union(entry.value.range)))
        }
        return definitions.sorted { $0.level < $1.level }
    }

    private mutating func sublevel(_ name: Located<String>, _ node: YAMLNode) -> SublevelDefinition? {
        guard let fields = reader.fields(of: node, "sub-level '\(name.value)'", allowed: Self.sublevelKeys),
              let label = reader.string(reader.required("label", in: fields), "a sub-level's 'label'")
        else { return nil }
        return SublevelDefinition(name: name, label: label, guidance: reader.string(fields["guidance"], "a sub-level's 'guidance'"))
    }

    // MARK: Declarations

    private mutating func fact(_ name: Located<String>, _ node: YAMLNode) -> FactDeclaration? {
        // Short form: `young_carer: boolean`.
        if case .scalar(let scalar) = node, !scalar.isNull {
            guard let type = factType(scalar.value, range: scalar.range, values: nil) else { return nil }
            return FactDeclaration(name: name, type: type, range: name.range.union(node.range))
        }
        guard let fields = reader.fields(of: node, "fact '\(name.value)'", allowed: Self.factKeys),
              let typeNode = reader.required("type", in: fields),
              let typeName = reader.string(typeNode, "a fact's 'type'"),
              var type = factType(typeName, range: typeNode.range, values: fields["values"])
        else { return nil }
        if let orderedNode = fields["ordered"], let ordered = reader.boolean(orderedNode, "a fact's 'ordered'"), ordered {
            guard case .enumeration(let values) = type else {
                reader.report(ParserDiagnostics.orderedNotEnum(typeName), fields.keyRange("ordered") ?? orderedNode.range)
                return nil
            }
            type = .scale(values)
        }
        var concern: Concern?
        if let node = fields["concerning"] {
            let allowed: [String]
            switch type {
            case .boolean: allowed = ["true", "false"]
            case .integer, .number, .grade, .level, .duration, .scale: allowed = ["higher", "lower"]
            default: allowed = []
            }
            guard !allowed.isEmpty else {
                reader.report(ParserDiagnostics.wrongType("'concerning'", expected: "no value: only a boolean, number, grade, level, duration or ordered enum has a concerning direction",
                                                          found: reader.describe(node)), fields.keyRange("concerning") ?? node.range)
                return nil
            }
            guard let value = reader.oneOf(node, "'concerning'", allowed), let parsed = Concern(rawValue: value) else { return nil }
            concern = parsed
        }
        return FactDeclaration(
            name: name, type: type, description: reader.string(fields["description"], "a fact's 'description'"),
            question: reader.string(fields["question"], "a fact's 'question'"),
            help: reader.string(fields["help"], "a fact's 'help'"), range: name.range.union(node.range), concerning: concern)
    }

    private mutating func factType(_ name: String, range: SourceRange, values: YAMLNode?) -> FactType? {
        switch name {
        case "boolean": return .boolean
        case "integer": return .integer
        case "number": return .number
        case "grade": return .grade
        case "level": return .level
        case "date": return .date
        case "duration": return .duration
        case "string": return .string
        case "enum":
            guard let values else {
                reader.report(ParserDiagnostics.enumWithoutValues, range)
                return nil
            }
            guard let items = reader.list(values, "an enum's 'values'") else { return nil }
            guard items.count >= 2 else {
                reader.report(ParserDiagnostics.enumWithoutValues, values.range)
                return nil
            }
            var names: [String] = []
            for item in items {
                guard let value = reader.string(item, "an enum value") else { continue }
                guard NodeReader.isValidName(value) else {
                    reader.report(ParserDiagnostics.invalidIdentifier(value), item.range)
                    continue
                }
                names.append(value)
            }
            return names.count == items.count ? .enumeration(names) : nil
        default:
            let aliases = ["bool": "boolean", "enumeration": "enum", "int": "integer", "float": "number",
                           "decimal": "number", "text": "string", "str": "string"]
            if let meant = aliases[name] {
                reader.report(ParserDiagnostics.unknownFactType(name), range,
                              notes: [DiagnosticNote("did you mean '\(meant)'?")],
                              fixIts: [FixIt.replace(range, with: meant, "replace '\(name)' with '\(meant)'")])
            } else {
                reader.reportUnknown(ParserDiagnostics.unknownFactType(name), name: name, candidates: FactType.names, range: range)
            }
            return nil
        }
    }

    private mutating func event(_ name: Located<String>, _ node: YAMLNode) -> EventDeclaration? {
        if case .scalar(let scalar) = node {
            return EventDeclaration(name: name, description: scalar.isNull ? nil : scalar.value,
                                    range: name.range.union(node.range))
        }
        guard let fields = reader.fields(of: node, "event '\(name.value)'", allowed: Self.eventKeys) else { return nil }
        return EventDeclaration(name: name, description: reader.string(fields["description"], "an event's 'description'"),
                                range: name.range.union(node.range))
    }

    private mutating func definition(_ name: Located<String>, _ node: YAMLNode) -> Definition? {
        guard let fields = reader.fields(of: node, "definition '\(name.value)'", allowed: Self.definitionKeys) else {
            return nil
        }
        let description = reader.string(fields["description"], "a definition's 'description'")
        guard let whenNode = reader.required("when", in: fields), let condition = condition(whenNode) else { return nil }
        return Definition(name: name, description: description, condition: condition, range: name.range.union(node.range))
    }

    // MARK: Tables

    /// `name: { input: duration, output: duration, rows: [{ from: 0 years, value: 0 hours }, …] }`.
    private mutating func table(_ name: Located<String>, _ node: YAMLNode) -> LookupTable? {
        guard let fields = reader.fields(of: node, "table '\(name.value)'", allowed: Self.tableKeys) else { return nil }
        let names = LookupTable.ColumnType.allCases.map(\.rawValue)
        let input = reader.oneOf(reader.required("input", in: fields), "a table's 'input'", ["integer", "number", "duration"])
            .flatMap(LookupTable.ColumnType.init(rawValue:))
        let output = reader.oneOf(reader.required("output", in: fields), "a table's 'output'", names)
            .flatMap(LookupTable.ColumnType.init(rawValue:))
        let items = reader.list(reader.required("rows", in: fields), "a table's 'rows'")
        guard let input, let output, let items else { return nil }
        guard !items.isEmpty else {
            reader.report(ParserDiagnostics.tableWithoutRows(name.value), fields.range)
            return nil
        }
        var rows: [LookupTable.Row] = []
        var failed = false
        for item in items {
            guard let row = reader.fields(of: item, "a table row", allowed: Self.rowKeys),
                  let from = tableCell(reader.required("from", in: row), input),
                  let value = tableCell(reader.required("value", in: row), output)
            else {
                failed = true
                continue
            }
            if let previous = rows.last, !Self.precedes(previous.from, from) {
                reader.report(ParserDiagnostics.tableRowsOutOfOrder(from.description, previous.from.description),
                              row["from"]?.range ?? item.range)
                failed = true
            }
            rows.append(LookupTable.Row(from: from, value: value, range: item.range))
        }
        guard !failed else { return nil }
        return LookupTable(name: name, description: reader.string(fields["description"], "a table's 'description'"),
                           input: input, output: output, rows: rows, range: name.range.union(node.range))
    }

    /// Whether one band's start comes strictly before another's. Durations in different units
    /// are compared by the days they span at most, which orders every table a board writes
    /// (weeks before months before years).
    static func precedes(_ a: TableCell, _ b: TableCell) -> Bool {
        switch (a, b) {
        case (.number(let x), .number(let y)): x < y
        case (.duration(let x), .duration(let y)): Self.longestDays(x) < Self.shortestDays(y) || (x.unit == y.unit && x.amount < y.amount)
        default: false
        }
    }

    private static func longestDays(_ duration: Duration) -> Int {
        let amount = min(duration.amount, 1_000_000)  // beyond any table; no overflow
        return switch duration.unit {
        case .hours: amount / 24 + 1
        case .days: amount
        case .workingDays: amount / 5 * 7 + 4
        case .weeks: amount * 7
        case .months: amount * 3045 / 100 + 3
        case .years: amount * 366
        }
    }

    private static func shortestDays(_ duration: Duration) -> Int {
        let amount = min(duration.amount, 1_000_000)
        return switch duration.unit {
        case .hours: amount / 24
        case .days: amount
        case .workingDays: amount / 5 * 7
        case .weeks: amount * 7
        case .months: max(amount * 3040 / 100 - 3, amount * 28)
        case .years: amount * 365
        }
    }

    private mutating func tableCell(_ node: YAMLNode?, _ type: LookupTable.ColumnType) -> TableCell? {
        guard let node else { return nil }
        switch type {
        case .boolean: return reader.boolean(node, "a table cell").map { .boolean($0) }
        case .duration: return reader.duration(node, "a table cell").map { .duration($0) }
        case .integer, .grade:
            guard let value = reader.integer(node, "a table cell") else { return nil }
            if type == .grade, !(1...5).contains(value) {
                reader.report(ParserDiagnostics.wrongType("a table cell", expected: "a grade from 1 to 5", found: "\(value)"), node.range)
                return nil
            }
            return .number(Double(value))
        case .number:
            guard case .scalar(let scalar) = node, scalar.style == .plain, let value = Double(scalar.value), value.isFinite else {
                reader.report(ParserDiagnostics.wrongType("a table cell", expected: "a number", found: reader.describe(node)), node.range)
                return nil
            }
            return .number(value)
        }
    }

    // MARK: Rules

    private mutating func rule(_ node: YAMLNode) -> Rule? {
        guard let fields = reader.fields(of: node, "a rule", allowed: Self.ruleKeys) else { return nil }
        var id: Located<String>?
        if let idNode = reader.required("id", in: fields), let text = reader.string(idNode, "a rule's 'id'") {
            if Self.isValidRuleID(text) {
                id = Located(text, range: idNode.range)
            } else {
                reader.report(ParserDiagnostics.invalidRuleID(text), idNode.range)
            }
        }
        let title = reader.string(reader.required("title", in: fields), "a rule's 'title'")
        var sublevel: Located<String>?
        let effect = ruleEffect(fields, sublevel: &sublevel)
        let when = reader.required("when", in: fields).flatMap { condition($0) }
        var unless: Condition?
        var unlessFailed = false
        if let unlessNode = fields["unless"] {
            unless = condition(unlessNode)
            unlessFailed = unless == nil
        }
        let because = reader.string(fields["because"], "a rule's 'because'")
        let source = reader.string(fields["source"], "a rule's 'source'")
        let actions = actionList(fields["actions"], "a rule's 'actions'")
        guard let id, let title, let effect, let when, !unlessFailed, let actions else { return nil }
        return Rule(id: id, title: title, effect: effect, sublevel: sublevel, when: when, unless: unless, because: because,
                    source: source, actions: actions, range: node.range)
    }

    private mutating func ruleEffect(_ fields: Fields, sublevel: inout Located<String>?) -> Located<RuleEffect>? {
        let levelNode = fields["level"]
        let raiseNode = fields["raise"]
        if levelNode != nil, let raiseNode {
            reader.report(ParserDiagnostics.levelAndRaise(), fields.keyRange("raise") ?? raiseNode.range)
            return nil
        }
        if let raiseNode {
            guard case .scalar(let scalar) = raiseNode, scalar.style == .plain, let steps = Int(scalar.value),
                  (1...4).contains(steps)
            else {
                reader.report(ParserDiagnostics.invalidRaise(reader.describe(raiseNode)), raiseNode.range)
                return nil
            }
            var ceiling: Level?
            if let upTo = fields["up_to"] {
                guard let level = levelName(upTo) else { return nil }
                ceiling = level
            }
            return Located(.raise(steps: steps, ceiling: ceiling), range: raiseNode.range)
        }
        guard let levelNode else {
            // A rule with actions and no level is a procedural trigger.
            if fields["actions"] != nil {
                if let upTo = fields["up_to"] {
                    reader.report(ParserDiagnostics.unknownKey("up_to", in: "a procedure ('up_to' goes with 'raise')"),
                                  fields.keyRange("up_to") ?? upTo.range)
                }
                return Located(.procedure, range: fields.keyRange("actions") ?? fields.range)
            }
            reader.report(ParserDiagnostics.missingLevelOrRaise(), SourceRange(at: fields.range.start))
            return nil
        }
        if let upTo = fields["up_to"] {
            reader.report(ParserDiagnostics.unknownKey("up_to", in: "a rule with 'level' ('up_to' goes with 'raise')"),
                          fields.keyRange("up_to") ?? upTo.range)
        }
        return levelEffect(levelNode, sublevel: &sublevel)
    }

    /// `child_in_need`, `early_help.multi_agency` (a board sub-level), `current_plan`,
    /// `current_plan + 1`, `current_plan - 1`.
    private mutating func levelEffect(_ node: YAMLNode, sublevel: inout Located<String>?) -> Located<RuleEffect>? {
        guard case .scalar(let scalar) = node, !scalar.isNull else {
            reader.report(ParserDiagnostics.wrongType("a rule's 'level'", expected: "a level", found: node.kindDescription),
                          node.range)
            return nil
        }
        // Most rules name a level outright: no expression to parse.
        if let level = Level(rawValue: scalar.value) {
            return Located(.level(level), range: scalar.range)
        }
        guard case .success(let expression) = ExpressionParser.parse(
            scalar.value, locations: scalar.valueLocations(in: reader.source))
        else {
            reader.report(ParserDiagnostics.invalidLevelExpression(scalar.value), scalar.range)
            return nil
        }
        switch expression.kind {
        case .name(["current_plan"]):
            return Located(.relativeToCurrentPlan(offset: 0), range: scalar.range)
        case .name(let path) where path.count == 1:
            guard let level = Level(rawValue: path[0]) else {
                reader.reportUnknown(ParserDiagnostics.unknownLevel(path[0]), name: path[0],
                                     candidates: Level.allCases.map(\.rawValue) + ["current_plan"], range: expression.range,
                                     fallback: Self.levelsNote)
                return nil
            }
            return Located(.level(level), range: scalar.range)
        case .name(let path) where path.count == 2 && Level(rawValue: path[0]) != nil:
            guard let level = Level(rawValue: path[0]) else { break }
            // The sub-level's own range, after `level.`, so that a fix-it replaces only it.
            let skip = path[0].count + 1
            let start = SourceLocation(line: expression.range.start.line, column: expression.range.start.column + skip,
                                       offset: expression.range.start.offset + path[0].utf8.count + 1)
            sublevel = Located(path[1], range: SourceRange(start: start, end: expression.range.end))
            return Located(.level(level), range: scalar.range)
        case .chain(let left, let links) where links.count == 1 && (links[0].op == .add || links[0].op == .subtract):
            guard case .name(["current_plan"]) = left.kind, case .integer(let steps) = links[0].operand.kind,
                  (1...4).contains(steps)
            else { break }
            return Located(.relativeToCurrentPlan(offset: links[0].op == .add ? steps : -steps), range: scalar.range)
        default:
            break
        }
        reader.report(ParserDiagnostics.invalidLevelExpression(scalar.value), scalar.range)
        return nil
    }

    private mutating func levelName(_ node: YAMLNode) -> Level? {
        guard let text = reader.string(node, "a level") else { return nil }
        guard let level = Level(rawValue: text) else {
            reader.reportUnknown(ParserDiagnostics.unknownLevel(text), name: text,
                                 candidates: Level.allCases.map(\.rawValue), range: node.range, fallback: Self.levelsNote)
            return nil
        }
        return level
    }

    /// A list of actions: empty when the key is absent, `nil` when any item is wrong (each
    /// reported), so that a rule is never kept with some of its actions silently dropped.
    private mutating func actionList(_ node: YAMLNode?, _ what: String) -> [Action]? {
        guard let node else { return [] }
        guard let items = reader.list(node, what) else { return nil }
        let parsed = items.map { action($0) }
        let actions = parsed.compactMap { $0 }
        return actions.count == parsed.count ? actions : nil
    }

    private mutating func action(_ node: YAMLNode) -> Action? {
        let names = ActionKind.allCases.map(\.rawValue)
        switch node {
        case .scalar(let scalar):
            guard let kind = ActionKind(rawValue: scalar.value) else {
                reader.reportUnknown(ParserDiagnostics.unknownAction(scalar.value), name: scalar.value,
                                     candidates: names, range: scalar.range)
                return nil
            }
            guard !kind.requiresDuration else {
                reader.report(ParserDiagnostics.actionNeedsDuration(kind.rawValue), scalar.range)
                return nil
            }
            guard kind != .note else {
                reader.report(ParserDiagnostics.wrongType("a 'note' action", expected: "'note: <text>'", found: "empty"),
                              scalar.range)
                return nil
            }
            return Action(kind: kind, range: scalar.range)
        case .mapping(let mapping) where mapping.entries.count == 1:
            guard case .scalar(let key) = mapping.entries[0].key else {
                reader.report(ParserDiagnostics.nonScalarKey(), mapping.entries[0].key.range)
                return nil
            }
            let value = mapping.entries[0].value
            guard let kind = ActionKind(rawValue: key.value) else {
                reader.reportUnknown(ParserDiagnostics.unknownAction(key.value), name: key.value,
                                     candidates: names, range: key.range)
                return nil
            }
            if kind == .note {
                return reader.string(value, "a 'note' action").map { Action(kind: .note, text: $0, range: mapping.range) }
            }
            if case .mapping = value { return detailedAction(kind, value, range: mapping.range) }
            if kind == .routeTo {
                return reader.string(value, "a 'route_to' action").map { Action(kind: .routeTo, text: $0, range: mapping.range) }
            }
            guard kind.acceptsDuration else {
                reader.report(ParserDiagnostics.actionTakesNoValue(kind.rawValue), value.range)
                return nil
            }
            return reader.duration(value, "'\(kind.rawValue)'").map { Action(kind: kind, within: $0, range: mapping.range) }
        default:
            reader.report(ParserDiagnostics.wrongType(
                "an action", expected: "a name such as 'strategy_discussion' or one 'name: value' pair",
                found: node.kindDescription), node.range)
            return nil
        }
    }

    static let actionKeys = ["within", "from", "by", "strength", "done_when", "to", "text"]

    /// `see_child: { within: 5 working days, from: first(no_access since child_seen), strength: must }`,
    /// `strategy_discussion: { by: 28 weeks of pregnancy }`, `route_to: { to: Family Support, strength: consider }`.
    private mutating func detailedAction(_ kind: ActionKind, _ node: YAMLNode, range: SourceRange) -> Action? {
        guard let fields = reader.fields(of: node, "action '\(kind.rawValue)'", allowed: Self.actionKeys) else { return nil }
        var action = Action(kind: kind, range: range)
        var failed = false
        if let within = fields["within"] {
            guard kind.acceptsDuration else {
                reader.report(ParserDiagnostics.actionTakesNoValue(kind.rawValue), fields.keyRange("within") ?? within.range)
                return nil
            }
            action.within = reader.duration(within, "'within'")
            failed = failed || action.within == nil
        } else if kind.requiresDuration {
            reader.report(ParserDiagnostics.actionNeedsDuration(kind.rawValue), range)
            failed = true
        }
        if let from = fields["from"] {
            if case .scalar(let scalar) = from, let expression = expression(scalar) {
                action.anchor = .from(expression)
            } else {
                if case .scalar = from {} else {
                    reader.report(ParserDiagnostics.wrongType("'from'", expected: "a date expression", found: from.kindDescription), from.range)
                }
                failed = true
            }
        }
        if let by = fields["by"] {
            if fields["from"] != nil {
                reader.report(ParserDiagnostics.fromAndBy(), fields.keyRange("by") ?? by.range)
                failed = true
            } else if let text = reader.string(by, "'by'"), let week = Self.pregnancyWeek(text) {
                action.anchor = .pregnancyWeek(week)
            } else {
                reader.report(ParserDiagnostics.invalidDeadline(reader.describe(by)), by.range)
                failed = true
            }
        }
        if let strength = fields["strength"] {
            action.strength = reader.oneOf(strength, "'strength'", ActionStrength.allCases.map(\.rawValue)).flatMap(ActionStrength.init)
            failed = failed || action.strength == nil
        }
        if let doneWhen = fields["done_when"] {
            action.doneWhen = reader.string(doneWhen, "'done_when'")
            action.doneWhenRange = doneWhen.range
        }
        if let to = fields["to"] ?? fields["text"] {
            action.text = reader.string(to, "'\(fields["to"] != nil ? "to" : "text")'")
        }
        if kind == .routeTo, action.text == nil {
            reader.report(ParserDiagnostics.missingKey("to", in: "a 'route_to' action"), SourceRange(at: fields.range.start))
            failed = true
        }
        return failed ? nil : action
    }

    /// `28 weeks of pregnancy` → 28.
    static func pregnancyWeek(_ text: String) -> Int? {
        let words = text.split(separator: " ")
        guard words.count == 4, words[1] == "weeks" || words[1] == "week", words[2] == "of", words[3] == "pregnancy",
              let week = Int(words[0]), (1...42).contains(week)
        else { return nil }
        return week
    }

    // MARK: Conditions

    /// A condition: an expression string, or `all`/`any`/`not`/`at_least` over conditions.
    private mutating func condition(_ node: YAMLNode) -> Condition? {
        switch node {
        case .scalar(let scalar):
            return expression(scalar).map { Condition(.expression($0), range: $0.range) }
        case .sequence:
            reader.report(ParserDiagnostics.wrongType(
                "a condition", expected: "an expression string, or a mapping with 'all' or 'any' holding the list",
                found: "a list"), node.range)
            return nil
        case .mapping(let mapping):
            guard let first = mapping.entries.first, case .scalar(let key) = first.key else {
                reader.report(ParserDiagnostics.wrongType(
                    "a condition", expected: "an expression string, or a mapping with one of 'all', 'any', 'not', 'at_least'",
                    found: mapping.entries.isEmpty ? "an empty mapping" : "a mapping with a complex key"), node.range)
                return nil
            }
            if key.value == "at_least" { return atLeast(mapping) }
            guard mapping.entries.count == 1 else {
                let extra = mapping.entries[1].key
                reader.report(ParserDiagnostics.wrongType(
                    "a condition", expected: "a mapping with exactly one of 'all', 'any', 'not', 'at_least'",
                    found: "a mapping with \(mapping.entries.count) keys"), extra.range)
                return nil
            }
            switch key.value {
            case "all", "any":
                guard let items = reader.list(first.value, "'\(key.value)'") else { return nil }
                guard !items.isEmpty else {
                    reader.report(ParserDiagnostics.emptyCondition(key.value), first.value.range)
                    return nil
                }
                let parts = items.map { condition($0) }
                let present = parts.compactMap { $0 }
                guard present.count == parts.count else { return nil }
                return Condition(key.value == "all" ? .all(present) : .any(present), range: mapping.range)
            case "not":
                return condition(first.value).map { Condition(.not($0), range: mapping.range) }
            default:
                reader.reportUnknown(ParserDiagnostics.unknownConditionKey(key.value), name: key.value,
                                     candidates: Self.conditionKeys, range: key.range)
                return nil
            }
        }
    }

    /// `{ at_least: 2, of: [ … ] }`.
    private mutating func atLeast(_ mapping: YAMLNode.Mapping) -> Condition? {
        guard let fields = reader.fields(of: .mapping(mapping), "an 'at_least' condition", allowed: ["at_least", "of"]),
              let count = reader.integer(fields["at_least"], "'at_least'"),
              let items = reader.list(reader.required("of", in: fields), "'of'")
        else { return nil }
        guard Condition.validAtLeast(count, of: items.count) else {
            reader.report(ParserDiagnostics.invalidAtLeast(count, items.count), fields["at_least"]?.range ?? mapping.range)
            return nil
        }
        let parts = items.map { condition($0) }
        let present = parts.compactMap { $0 }
        guard present.count == parts.count else { return nil }
        return Condition(.atLeast(count, present), range: mapping.range)
    }

    /// Whether `text` is only whitespace. An expression starts with a visible ASCII character
    /// nearly always, which answers at once; anything else is asked of each character.
    private static func isBlank(_ text: String) -> Bool {
        if let first = text.utf8.first, first > 0x20, first < 0x80 { return false }
        return text.allSatisfy(\.isWhitespace)
    }

    private mutating func expression(_ scalar: YAMLNode.Scalar) -> RuleExpression? {
        let locations = scalar.valueLocations(in: reader.source)
        if scalar.isNull || Self.isBlank(scalar.value) {
            reader.report(ParserDiagnostics.emptyExpression, scalar.range)
            return nil
        }
        switch ExpressionParser.parseCounting(scalar.value, locations: locations) {
        case .success(let (expression, termCount)):
            terms += termCount
            if terms > Self.maxTerms, !reportedTooManyTerms {
                reportedTooManyTerms = true
                reader.report(ParserDiagnostics.tooManyTerms(Self.maxTerms), scalar.range)
                return nil
            }
            return expression
        case .failure(let error):
            let start = locations[min(error.start, locations.count - 1)]
            let end = locations[min(max(error.end, error.start), locations.count - 1)]
            let range = SourceRange(start: start, end: end)
            var fixIts: [FixIt] = []
            if let replacement = error.replacement {
                let found = scalar.value.unicodeScalars.dropFirst(error.start).prefix(error.end - error.start)
                fixIts.append(.replace(range, with: replacement, "replace '\(String(String.UnicodeScalarView(found)))' with '\(replacement)'"))
            }
            reader.report(ParserDiagnostics.expression(error.message), range, fixIts: fixIts)
            return nil
        }
    }

    // MARK: Uniqueness

    private mutating func checkUniqueNames(facts: [FactDeclaration], events: [EventDeclaration], definitions: [Definition],
                                           tables: [LookupTable]) {
        var seen: [String: (kind: String, range: SourceRange)] = [:]
        let names = facts.map { ($0.name, "a fact") } + events.map { ($0.name, "an event") }
            + definitions.map { ($0.name, "a definition") } + tables.map { ($0.name, "a table") }
        for (name, kind) in names {
            if let first = seen[name.value] {
                reader.report(ParserDiagnostics.duplicateName(name.value, first.kind), name.range,
                              notes: [DiagnosticNote("'\(name.value)' is first declared here", range: first.range)])
            } else {
                seen[name.value] = (kind, name.range)
            }
        }
    }

    private mutating func checkUniqueRuleIDs(_ groups: [Rule]...) {
        var seen: [String: SourceRange] = [:]
        seen.reserveCapacity(groups.reduce(0) { $0 + $1.count })
        // By id, not rule by rule (nor by joining the lists): a copy of a rule retains every one
        // of its fields.
        for id in groups.lazy.joined().map(\.id) {
            if let first = seen[id.value] {
                reader.report(ParserDiagnostics.duplicateRuleID(id.value), id.range,
                              notes: [DiagnosticNote("'\(id.value)' is first used here", range: first)])
            } else {
                seen[id.value] = id.range
            }
        }
    }

    /// Rule ids: ASCII letters, digits, `-`, `_` and `.`, starting with a letter or digit.
    static func isValidRuleID(_ id: String) -> Bool {
        func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
            ("A"..."Z").contains(scalar) || ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
        }
        guard let first = id.unicodeScalars.first, isAlphanumeric(first) else { return false }
        return id.unicodeScalars.allSatisfy { isAlphanumeric($0) || "-_.".unicodeScalars.contains($0) }
    }
}
