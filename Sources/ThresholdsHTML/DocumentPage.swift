import Foundation
import Plot
public import Thresholds

/// The published threshold document, generated from the rules themselves so that what
/// practitioners read and what the engine applies cannot drift apart: the levels as a ladder,
/// each level's guidance and criteria in plain English (with the exact expression beside each),
/// the board's citations and actions, a glossary of definitions and judgement questions, and
/// for a document that extends a baseline, what it changes. Self-contained HTML: no scripts,
/// no external resources, the same bytes for the same document.
public enum DocumentPage {
    /// The page for a checked document.
    public static func render(_ checked: CheckedDocument) -> String {
        let document = checked.document
        let prose = ConditionProse(document)
        var body: [Node<HTML.BodyContext>] = [header(document), contents(document)]
        body.append(.main(.group(sections(document, prose))))
        body.append(footer(document))
        return Page.render(title: "\(document.title) — \(document.board)", body: body)
    }

    // MARK: Header and contents

    private static func header(_ document: ThresholdDocument) -> Node<HTML.BodyContext> {
        .header(
            .class("doc"),
            .p(.class("board"), .text(document.board)),
            .h1(.text(document.title)),
            .dl(
                .class("meta"),
                Page.fact("Version", document.version),
                Page.fact("Effective from", document.effective.description),
                .unwrap(document.source) { source in
                    .group(.dt(.text("Published as")), .dd(
                        source.url.map { url in .a(.href(url), .text(source.title)) } ?? .text(source.title)))
                },
                .if(document.files.count > 1, .group(
                    .dt(.text("Composed from")),
                    .dd(.text(document.files.joined(separator: ", ")))))
            ),
            .unwrap(document.notice) { .p(.class("notice"), .strong(.text("Notice: ")), .text($0)) }
        )
    }

    private static func contents(_ document: ThresholdDocument) -> Node<HTML.BodyContext> {
        var entries: [(String, String)] = [("ladder", "The levels at a glance")]
        if hasChanges(document) { entries.append(("changes", "What this document changes")) }
        for level in Level.allCases { entries.append((Page.anchor(level), document.label(for: level))) }
        if !rules(document, .relative).isEmpty { entries.append(("current-plan", "Decisions relative to the current plan")) }
        if !rules(document, .modifier).isEmpty { entries.append(("modifiers", "What raises the level")) }
        if !rules(document, .procedure).isEmpty { entries.append(("procedures", "Procedures and deadlines")) }
        entries.append(("glossary", "Definitions and questions"))
        return .nav(
            .class("contents"), .ariaLabel("Contents"),
            .h2(.text("Contents")),
            .ol(.forEach(entries) { entry in .li(.a(.href("#" + entry.0), .text(entry.1))) })
        )
    }

    // MARK: Sections

    private static func sections(_ document: ThresholdDocument, _ prose: ConditionProse) -> [Node<HTML.BodyContext>] {
        var out: [Node<HTML.BodyContext>] = [
            .section(
                .id("ladder"),
                .h2(.text("The levels at a glance")),
                LevelLadder.figure(document)
            ),
        ]
        if hasChanges(document) { out.append(changes(document)) }
        for level in Level.allCases { out.append(levelSection(level, document, prose)) }
        let groups: [(RuleGroup, String, String, String)] = [
            (.relative, "current-plan", "Decisions relative to the current plan",
             "These rules recommend a level measured from the child's current plan: keeping a child at their plan's level, or stepping up from it."),
            (.modifier, "modifiers", "What raises the level",
             "These rules do not set a level of their own: once the level is found, each that applies raises it, never above its ceiling."),
            (.procedure, "procedures", "Procedures and deadlines",
             "These rules set no level: when they apply they require or ask for actions, with the deadlines shown."),
        ]
        for (group, id, title, intro) in groups {
            let members = rules(document, group)
            guard !members.isEmpty else { continue }
            out.append(.section(
                .id(id), .class("group"),
                .h2(.text(title)),
                .p(.text(intro)),
                .group(members.map { rule($0, document, prose) })
            ))
        }
        out.append(glossary(document, prose))
        return out
    }

    private static func levelSection(_ level: Level, _ document: ThresholdDocument, _ prose: ConditionProse) -> Node<HTML.BodyContext> {
        let definition = document.levels.first { $0.level == level }
        let members = rules(document, .level(level))
        return .section(
            .id(Page.anchor(level)), .class("level"),
            .style("border-left-color: \(LevelLadder.colour(level))"),
            .h2(.text(document.label(for: level))),
            .unwrap(definition?.band) { .p(.class("band"), .text("Band: \($0)")) },
            .unwrap(definition?.guidance) { .p(.class("guidance"), .strong(.text("What to do: ")), .text($0)) },
            .if(!(definition?.sublevels.isEmpty ?? true), .group(
                .h3(.text("Published levels within it")),
                .table(
                    .tr(.th(.text("Level")), .th(.text("Guidance"))),
                    .forEach(definition?.sublevels ?? []) { sub in
                        .tr(.td(.text(sub.label)), .td(.text(sub.guidance ?? "")))
                    }
                )
            )),
            .if(!(definition?.actions.isEmpty ?? true), .group(
                .p(.text("Whenever this level is recommended:")),
                actions(definition?.actions ?? [], prose)
            )),
            members.isEmpty
                ? .p(.text(level == .universal
                    ? "No criteria: this is the level when no rule of a higher level applies."
                    : "No rule in this document recommends this level directly."))
                : .group(
                    .h3(.text(members.count == 1 ? "Criterion" : "Criteria (any one is enough)")),
                    .group(members.map { rule($0, document, prose) })
                )
        )
    }

    private static func rule(_ rule: Rule, _ document: ThresholdDocument, _ prose: ConditionProse) -> Node<HTML.BodyContext> {
        let sublevel = rule.sublevel.flatMap { name in
            document.levels.lazy.flatMap(\.sublevels).first { $0.name.value == name.value }
        }
        return .article(
            .id(Page.anchor(rule: rule.id.value)), .class("rule"),
            .h3(.span(.class("id"), .text(rule.id.value)), .text(rule.title)),
            .unwrap(sublevel) { .p(.text("Recommends: \($0.label)")) },
            .p(.strong(.text("Applies when ")), top(prose.condition(rule.when))),
            .unwrap(rule.unless) { unless in .p(.strong(.text("Except when ")), top(prose.condition(unless))) },
            .unwrap(rule.because) { .p(.class("because"), .text($0)) },
            .unwrap(rule.source) { .p(.class("source"), .text("Source: \($0)")) },
            .if(document.files.count > 1, .unwrap(rule.file) { .p(.class("file"), .text("From: \($0)")) }),
            .unwrap(rule.overrides) { old in
                .p(.class("source"), .text("Replaces the baseline's “\(old.title)” (\(old.file)\(old.source.map { ", \($0)" } ?? ""))."))
            },
            .if(!rule.actions.isEmpty, actions(rule.actions, prose))
        )
    }

    /// A condition at the head of a paragraph: a sentence reads on, a combinator opens a list.
    private static func top(_ condition: ProseCondition) -> Node<HTML.BodyContext> {
        Page.prose(condition)
    }

    private static func actions(_ actions: [Action], _ prose: ConditionProse) -> Node<HTML.BodyContext> {
        .group(.p(.class("actions-title"), .strong(.text(actions.count == 1 ? "Action" : "Actions"))), .ul(.class("actions"), .forEach(actions) { action in
            let words = actionWords(action, prose)
            // "consider: consider a legal planning meeting" says it twice.
            let strength = action.strength == .consider && words.hasPrefix("consider") ? nil : action.strength
            return .li(
                .unwrap(strength) { .span(.class("strength"), .text($0.rawValue + " ")) },
                .text(words)
            )
        }))
    }

    /// An action in words: what, within how long, from when, and what records it done.
    static func actionWords(_ action: Action, _ prose: ConditionProse) -> String {
        var text = action.kind == .note ? (action.text ?? "") : action.kind.words(within: action.within)
        if action.kind == .routeTo, let team = action.text { text = "route to \(team)" }
        switch action.anchor {
        case .from(let expression)?: text += ", counted from " + prose.noun(expression).description
        case .pregnancyWeek(let week)?: text += ", by \(week) weeks of pregnancy"
        case nil: break
        }
        if let done = action.doneWhen ?? action.kind.completingEvent, action.within != nil || action.anchor != nil {
            text += " (done when a ‘\(done.replacingOccurrences(of: "_", with: " "))’ is recorded)"
        }
        return text
    }

    // MARK: Changes to a baseline

    private static func hasChanges(_ document: ThresholdDocument) -> Bool {
        !document.removedRules.isEmpty || document.rules.contains { $0.overrides != nil }
            || (document.files.count > 1 && document.rules.contains { $0.file != document.file })
    }

    private static func changes(_ document: ThresholdDocument) -> Node<HTML.BodyContext> {
        let overridden = document.rules.filter { $0.overrides != nil }
        let baselineFiles = Set(document.rules.compactMap(\.file).filter { $0 != document.file })
        let added = baselineFiles.isEmpty ? [] : document.rules.filter { ($0.file ?? document.file) == document.file && $0.overrides == nil }
        return .section(
            .id("changes"),
            .h2(.text("What this document changes")),
            .p(.text("This document builds on \(baselineFiles.sorted().joined(separator: ", ")). Everything else is as the baseline has it.")),
            .if(!overridden.isEmpty, .group(
                .h3(.text("Criteria replaced")),
                .ul(.forEach(overridden) { rule in
                    .li(.a(.href("#" + Page.anchor(rule: rule.id.value)), .text(rule.id.value)),
                        .text(" “\(rule.title)” replaces the baseline's “\(rule.overrides?.title ?? "")”"
                              + (rule.overrides?.source.map { " (\($0))" } ?? "") + "."))
                })
            )),
            .if(!document.removedRules.isEmpty, .group(
                .h3(.text("Criteria removed")),
                .ul(.forEach(document.removedRules) { removed in
                    .li(.strong(.text(removed.id.value)), .text(" from \(removed.baselineFile): \(removed.reason)"))
                })
            )),
            .if(!added.isEmpty, .group(
                .h3(.text("Criteria added")),
                .ul(.forEach(added) { rule in
                    .li(.a(.href("#" + Page.anchor(rule: rule.id.value)), .text(rule.id.value)), .text(" \(rule.title)"))
                })
            ))
        )
    }

    // MARK: Glossary

    private static func glossary(_ document: ThresholdDocument, _ prose: ConditionProse) -> Node<HTML.BodyContext> {
        let judgements = document.facts.filter { $0.question != nil }
        let otherFacts = document.facts.filter { $0.question == nil }
        return .section(
            .id("glossary"),
            .h2(.text("Definitions and questions")),
            .if(!document.definitions.isEmpty, .group(
                .h3(.text("Definitions")),
                .dl(.class("glossary"), .forEach(document.definitions) { definition in
                    .group(
                        .dt(.id(Page.anchor(term: definition.name.value)), .text(ConditionWords.term(definition.name.value))),
                        .dd(
                            .unwrap(definition.description) { .p(.text($0)) },
                            .p(.strong(.text("Means ")), Page.prose(prose.condition(definition.condition)))
                        )
                    )
                })
            )),
            .if(!judgements.isEmpty, .group(
                .h3(.text("Questions for the practitioner's judgement")),
                .p(.text("Until a question is answered, the result says so and is provisional where the answer could change it.")),
                .dl(.class("glossary"), .forEach(judgements) { fact in
                    .group(
                        .dt(.id(Page.anchor(term: fact.name.value)), .text(fact.question ?? "")),
                        .dd(.unwrap(fact.help) { .p(.text($0)) }, .p(.class("source"), .text("Recorded as \(fact.name.value)")))
                    )
                })
            )),
            .if(!document.tables.isEmpty, .group(
                .h3(.text("Tables")),
                .forEach(document.tables) { table in
                    .group(
                        .h4(.id(Page.anchor(term: table.name.value)), .text(ConditionWords.term(table.name.value))),
                        .unwrap(table.description) { .p(.text($0)) },
                        .table(
                            .tr(.th(.text("From \(table.input.rawValue)")), .th(.text("Value"))),
                            .forEach(table.rows) { row in .tr(.td(.text(row.from.description)), .td(.text(row.value.description))) }
                        )
                    )
                }
            )),
            .if(!otherFacts.isEmpty || !document.events.isEmpty, .group(
                .h3(.text("Information the board records")),
                .dl(.class("glossary"),
                    .forEach(otherFacts) { fact in
                        .group(.dt(.id(Page.anchor(term: fact.name.value)), .text(fact.name.value)),
                               .dd(.text((fact.description ?? "A board fact") + " (\(fact.type))")))
                    },
                    .forEach(document.events) { event in
                        .group(.dt(.text(event.name.value + " (event)")), .dd(.text(event.description ?? "A board event kind.")))
                    })
            ))
        )
    }

    private static func footer(_ document: ThresholdDocument) -> Node<HTML.BodyContext> {
        .footer(
            .p(.text("Generated by thresholds from \(document.files.isEmpty ? document.file : document.files.joined(separator: ", ")), "
                     + "version \(document.version): the same rules the engine applies.")),
            .p(.text("The engine recommends; practitioners decide."))
        )
    }

    // MARK: Grouping rules

    private enum RuleGroup: Equatable {
        case level(Level), relative, modifier, procedure
    }

    private static func rules(_ document: ThresholdDocument, _ group: RuleGroup) -> [Rule] {
        document.rules.filter { rule in
            switch (rule.effect.value, group) {
            case (.level(let level), .level(let wanted)): level == wanted
            case (.relativeToCurrentPlan, .relative), (.raise, .modifier), (.procedure, .procedure): true
            default: false
            }
        }
    }

    /// The rules that recommend `level` directly, in document order.
    static func rules(leadingTo level: Level, in document: ThresholdDocument) -> [Rule] {
        rules(document, .level(level))
    }
}

/// Names in words for headings.
enum ConditionWords {
    /// `persistent_poor_home_conditions` → `Persistent poor home conditions`.
    static func term(_ name: String) -> String {
        let words = name.replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: ".", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}
