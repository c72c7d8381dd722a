import Foundation
import Testing
@testable import Thresholds
import ThresholdsDiagnostics

private let packageRoot = Snapshot.directory().deletingLastPathComponent().deletingLastPathComponent()

@Suite("Example board and specification")
struct ExampleBoardTests {
    static func loadBoard() -> LoadedDocument {
        DocumentLoader().load(contentsOf: packageRoot.appendingPathComponent("Rules/northshire-neglect.yaml").path)
    }

    @Test("the example board checks clean: no errors and no warnings")
    func checksClean() throws {
        let loaded = Self.loadBoard()
        let rendered = DiagnosticRenderer().render(loaded.diagnostics, sources: [loaded.source.path: loaded.source])
        #expect(loaded.diagnostics.isEmpty, "\(rendered)")
        let document = try #require(loaded.document)
        #expect(document.rules.count >= 25)
        #expect(document.notice?.contains("not the policy of any real") == true)
        #expect(document.rules.allSatisfy { $0.source != nil })
    }

    @Test("the example boards (Northshire; Kennet's thresholds and procedures) together use every construct the specification defines")
    func usesEveryConstruct() throws {
        var seen: Set<String> = []
        let procedures = DocumentLoader().load(contentsOf: packageRoot.appendingPathComponent("Rules/wessex/kennet-procedures.yaml").path,
                                               rulesRoot: packageRoot.appendingPathComponent("Rules").path)
        for document in [Self.loadBoard().document, Self.loadKennet().document, procedures.document] {
            try Self.collect(try #require(document), into: &seen)
        }

        var expected: Set<String> = [
            "source", "notice", "judgement", "events", "definitions", "unless", "because",
            "effect:level", "effect:current_plan", "effect:current_plan+n", "effect:raise-up_to", "effect:procedure",
            "condition:all", "condition:any", "condition:not", "condition:at_least",
            "boolean", "integer", "number", "string", "date", "duration", "name", "qualified", "not",
            "membership", "membership-negated", "list", "and", "or", "==", "!=", "<", "<=", ">", ">=",
            "+", "-", "/", "working_days", "hours", "months", "years", "days", "since-clause",
            "imports", "extends", "override", "remove", "tables", "scale", "sublevel",
            "anchor:from", "anchor:pregnancy", "strength:must", "strength:consider",
        ]
        expected.formUnion(Level.allCases.map { "level:\($0.rawValue)" })
        expected.formUnion(["fact-type:boolean", "fact-type:enum", "fact-type:date"])
        expected.formUnion(ActionKind.allCases.map { "action:\($0.rawValue)" })
        expected.formUnion(Vocabulary.functions.map { "call:\($0.name)" })
        expected.formUnion(["window", "where"])
        let missing = expected.subtracting(seen).sorted()
        #expect(missing.isEmpty, "the example boards do not use: \(missing.joined(separator: ", "))")
    }

    static func collect(_ document: ThresholdDocument, into seen: inout Set<String>) throws {
        if document.files.count > 1 { seen.insert("imports") }
        if document.rules.contains(where: { $0.overrides != nil }) { seen.insert("override") }
        if !document.removedRules.isEmpty { seen.insert("remove"); seen.insert("extends") }
        if !document.tables.isEmpty { seen.insert("tables") }
        if document.facts.contains(where: { if case .scale = $0.type { true } else { false } }) { seen.insert("scale") }
        if document.rules.contains(where: { $0.sublevel != nil }) { seen.insert("sublevel") }
        for action in document.rules.flatMap(\.actions) {
            switch action.anchor {
            case .from?: seen.insert("anchor:from")
            case .pregnancyWeek?: seen.insert("anchor:pregnancy")
            case nil: break
            }
            if let strength = action.strength { seen.insert("strength:\(strength.rawValue)") }
        }
        // Header and declarations.
        if document.source?.url != nil { seen.insert("source") }
        if document.notice != nil { seen.insert("notice") }
        for level in document.levels where level.band != nil && level.guidance != nil { seen.insert("level:\(level.level.rawValue)") }
        for fact in document.facts {
            seen.insert("fact-type:\(fact.type)")
            if fact.question != nil && fact.help != nil { seen.insert("judgement") }
        }
        if !document.events.isEmpty { seen.insert("events") }
        if !document.definitions.isEmpty { seen.insert("definitions") }
        // Rules.
        for rule in document.rules {
            switch rule.effect.value {
            case .level: seen.insert("effect:level")
            case .relativeToCurrentPlan(let offset): seen.insert(offset == 0 ? "effect:current_plan" : "effect:current_plan+n")
            case .raise(_, let ceiling): seen.insert(ceiling == nil ? "effect:raise" : "effect:raise-up_to")
            case .procedure: seen.insert("effect:procedure")
            }
            if rule.unless != nil { seen.insert("unless") }
            if rule.because != nil { seen.insert("because") }
            for action in rule.actions { seen.insert("action:\(action.kind.rawValue)") }
            for condition in [rule.when] + (rule.unless.map { [$0] } ?? []) { Self.collect(condition, into: &seen) }
        }
        for definition in document.definitions { Self.collect(definition.condition, into: &seen) }

        var expected: Set<String> = [
            "source", "notice", "judgement", "events", "definitions", "unless", "because",
            "effect:level", "effect:current_plan", "effect:current_plan+n", "effect:raise-up_to",
            "condition:all", "condition:any", "condition:not", "condition:at_least",
            "boolean", "integer", "number", "string", "date", "duration", "name", "qualified", "not",
            "membership", "membership-negated", "list", "and", "or", "==", "!=", "<", "<=", ">", ">=",
            "+", "-", "/", "working_days", "hours", "months", "years", "days",
        ]
        expected.formUnion(Level.allCases.map { "level:\($0.rawValue)" })
        expected.formUnion(["fact-type:boolean", "fact-type:enum", "fact-type:date"])
        expected.formUnion(ActionKind.allCases.map { "action:\($0.rawValue)" })
        expected.formUnion(Vocabulary.functions.map { "call:\($0.name)" })
        expected.formUnion(["window", "where"])
    }

    static func loadKennet() -> LoadedDocument {
        DocumentLoader().load(contentsOf: packageRoot.appendingPathComponent("Rules/wessex/kennet-neglect.yaml").path,
                              rulesRoot: packageRoot.appendingPathComponent("Rules").path)
    }

    @Test("the second example board is composed as a partnership organises it, checks clean, and uses what composition offers")
    func kennetBoard() throws {
        let loaded = Self.loadKennet()
        #expect(loaded.diagnostics.isEmpty, "\(DiagnosticRenderer().render(loaded.diagnostics, sources: loaded.sources))")
        let document = try #require(loaded.document)
        #expect(document.files.map { URL(fileURLWithPath: $0).lastPathComponent }
                == ["kennet-neglect.yaml", "wessex-baseline.yaml", "regional-procedures.yaml", "regional-vocabulary.yaml"])
        #expect(document.rules.contains { $0.overrides != nil })
        #expect(document.removedRules.map(\.id.value) == ["WX-EH-04"])
        #expect(document.rules.contains { $0.sublevel != nil })
        #expect(!document.tables.isEmpty)
        #expect(document.facts.contains { if case .scale = $0.type { true } else { false } })
        #expect(document.rules.allSatisfy { $0.source != nil && $0.file != nil })
        #expect(document.notice?.contains("not the policy of any real") == true)
        // Every file of the region checks clean on its own too.
        for file in ["Rules/wessex/baseline/wessex-baseline.yaml", "Rules/wessex/shared/regional-vocabulary.yaml",
                     "Rules/wessex/shared/regional-procedures.yaml"] {
            let one = DocumentLoader().load(contentsOf: packageRoot.appendingPathComponent(file).path,
                                            rulesRoot: packageRoot.appendingPathComponent("Rules").path)
            #expect(one.diagnostics.isEmpty, "\(file): \(one.diagnostics)")
        }
    }

    @Test("the second example board's fixtures pass, with every rule fired by some case")
    func kennetFixtures() throws {
        let loaded = FixtureLoader(root: packageRoot.path).load(contentsOf: packageRoot.appendingPathComponent("Examples/fixtures/kennet.yaml").path)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        let suite = try #require(loaded.suite)
        let report = FixtureRunner().run(suite)
        #expect(report.failed == 0)
        #expect(report.passed >= 45)
        #expect(report.neverFired.isEmpty, "\(report.neverFired)")
    }

    static func collect(_ condition: Condition, into seen: inout Set<String>) {
        switch condition.kind {
        case .expression(let expression): collect(expression, into: &seen)
        case .all(let parts): seen.insert("condition:all"); parts.forEach { collect($0, into: &seen) }
        case .any(let parts): seen.insert("condition:any"); parts.forEach { collect($0, into: &seen) }
        case .not(let part): seen.insert("condition:not"); collect(part, into: &seen)
        case .atLeast(_, let parts): seen.insert("condition:at_least"); parts.forEach { collect($0, into: &seen) }
        }
    }

    static func collect(_ expression: RuleExpression, into seen: inout Set<String>) {
        switch expression.kind {
        case .boolean: seen.insert("boolean")
        case .integer: seen.insert("integer")
        case .number: seen.insert("number")
        case .string: seen.insert("string")
        case .date: seen.insert("date")
        case .duration(let duration): seen.insert("duration"); seen.insert(duration.unit.rawValue)
        case .name: seen.insert("name")
        case .qualified: seen.insert("qualified")
        case .not(let inner): seen.insert("not"); collect(inner, into: &seen)
        case .binary(let op, let left, let right):
            seen.insert(op.rawValue)
            collect(left, into: &seen)
            collect(right, into: &seen)
        case .chain(let first, let links):
            collect(first, into: &seen)
            for link in links {
                seen.insert(link.op.rawValue)
                collect(link.operand, into: &seen)
            }
        case .membership(let value, let items, let negated):
            seen.insert(negated ? "membership-negated" : "membership")
            seen.insert("list")
            collect(value, into: &seen)
            items.forEach { collect($0, into: &seen) }
        case .list(let items): seen.insert("list"); items.forEach { collect($0, into: &seen) }
        case .call(let name, let arguments):
            seen.insert("call:\(name.value)")
            for argument in arguments {
                collect(argument.value, into: &seen)
                if let filter = argument.filter { seen.insert("where"); collect(filter, into: &seen) }
                if let window = argument.window { seen.insert("window"); collect(window, into: &seen) }
                if let since = argument.since { seen.insert("since-clause"); collect(since, into: &seen) }
            }
        }
    }

    @Test("docs/DSL.md names every standard fact, event kind, function, action and domain; the docs name every diagnostic id")
    func specificationInStep() throws {
        let spec = try String(contentsOf: packageRoot.appendingPathComponent("docs/DSL.md"), encoding: .utf8)
        var missing: [String] = []
        let domainFacts = Set(Vocabulary.domains.map { "domain.\($0)" })
        for fact in Vocabulary.facts where !domainFacts.contains(fact.name) && !spec.contains("`\(fact.name)`") {
            missing.append(fact.name)
        }
        for event in Vocabulary.events where !spec.contains("`\(event.name)`") { missing.append(event.name) }
        for function in Vocabulary.functions where !spec.contains("\(function.name)(") { missing.append(function.name) }
        for action in ActionKind.allCases where !spec.contains("`\(action.rawValue)`") { missing.append(action.rawValue) }
        for domain in Vocabulary.domains where !spec.contains("`\(domain)`") && !spec.contains("`domain.\(domain)`") {
            missing.append(domain)
        }
        let caseSpec = try String(contentsOf: packageRoot.appendingPathComponent("docs/CASE-FACTS.md"), encoding: .utf8)
            + String(contentsOf: packageRoot.appendingPathComponent("docs/FIXTURES.md"), encoding: .utf8)
            + String(contentsOf: packageRoot.appendingPathComponent("docs/VERIFY.md"), encoding: .utf8)
        let ids = try DiagnosticIDScan.ids(under: packageRoot.appendingPathComponent("Sources"))
        for id in ids.filter({ !$0.hasPrefix("io.") }) where !spec.contains("`\(id)`") && !caseSpec.contains("`\(id)`") {
            missing.append(id)
        }
        #expect(missing.isEmpty, "docs/DSL.md does not mention: \(missing.sorted().joined(separator: ", "))")
    }
}

@Suite("README")
struct ReadmeTests {
    @Test("the README's excerpt of the first command's output is the output, line for line")
    func excerpt() throws {
        let root = Fixture.root
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let golden = try String(contentsOf: root.appendingPathComponent("Tests/ThresholdsTests/Snapshots/04-cp-baby-refused-access.txt"),
                                encoding: .utf8)
        let start = try #require(readme.range(of: "prints, in part:\n\n```\n"))
        let end = try #require(readme.range(of: "\n```", range: start.upperBound..<readme.endIndex))
        let lines = readme[start.upperBound..<end.lowerBound].split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty && $0.trimmingCharacters(in: .whitespaces) != "…" }
        #expect(lines.count > 10)
        for line in lines { #expect(golden.contains(line + "\n"), "README line not in the output: \(line)") }
    }
}
