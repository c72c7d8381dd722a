import ThresholdsDiagnostics

/// The shapes of the JSON the tool writes (`docs/OUTPUT.md`), as schemas. They are open: a
/// reader must ignore keys it does not know, since new optional keys keep `schema_version`.
/// The tests validate every golden JSON output against them.
enum OutputShapes {
    private static let version = JSONNode.described(.constant(.integer(OutputJSON.schemaVersion)),
                                                    "The version of this shape; it changes only on an incompatible change.")
    private static let levels = JSONNode.enumeration(Level.allCases.map(\.rawValue))
    private static let truth = JSONNode.enumeration(["true", "false", "unknown"])

    /// An open object: these keys typed, those required, others allowed.
    private static func open(_ types: [String: JSONNode], required: [String]) -> JSONNode {
        var fields: [String: JSONNode] = ["type": .string("object"), "properties": .object(types)]
        if !required.isEmpty { fields["required"] = .array(required.map(JSONNode.string)) }
        return .object(fields)
    }

    static let recommendations = open([
        "schema_version": version, "recommendations": .array(.ref("recommendation")),
    ], required: ["schema_version", "recommendations"])

    static let caseloadLine = open([
        "schema_version": version, "line": .type("integer"), "recommendation": .ref("recommendation"),
        "diagnostics": .array(.ref("diagnostic")),
    ], required: ["schema_version", "line"])

    static let diagnostics = open([
        "schema_version": version, "diagnostics": .array(.ref("diagnostic")),
        "errors": .type("integer"), "warnings": .type("integer"),
    ], required: ["schema_version", "diagnostics", "errors", "warnings"])

    static let fixtureReport = open([
        "schema_version": version,
        "results": .array(open([
            "file": .text, "name": .text, "status": .enumeration(["passed", "failed", "skipped"]),
            "failures": .array(.text), "level": levels, "alternative": .type("boolean"), "unsafe": .type("boolean"),
        ], required: ["file", "name", "status", "failures"])),
        "passed": .type("integer"), "failed": .type("integer"), "skipped": .type("integer"),
        "rule_coverage": .type("number"), "never_fired": .array(.text),
        "branch_coverage": .type("number"), "uncovered_branches": .array(.text),
    ], required: ["schema_version", "results", "passed", "failed", "skipped"])

    static let comparison = open([
        "schema_version": version,
        "old": .ref("documentVersion"), "new": .ref("documentVersion"),
        "cases": .type("integer"), "rejected": .type("integer"),
        "transitions": .described(.array(.array(.type("integer"))), "transitions[old][new], levels in order from universal."),
        "changed": .array(open([
            "line": .type("integer"), "case_id": .text, "old_level": levels, "new_level": levels,
            "old_sublevel": .text, "new_sublevel": .text, "old_provisional": .type("boolean"), "new_provisional": .type("boolean"),
            "newly_fired": .array(.ref("firedRule")), "stopped_firing": .array(.ref("firedRule")),
            "fired_revised": .array(.ref("firedRule")),
            "actions_added": .array(.text), "actions_removed": .array(.text),
        ], required: ["line", "old_level", "new_level", "old_provisional", "new_provisional"])),
    ], required: ["schema_version", "old", "new", "cases", "rejected", "transitions", "changed"])

    static var definitions: [String: JSONNode] {
        let location = open(["line": .type("integer"), "column": .type("integer"), "offset": .type("integer")],
                            required: ["line", "column"])
        let range = open(["start": location, "end": location], required: ["start", "end"])
        return [
            "recommendation": open([
                "case_id": .text, "as_of": .date, "board": .text, "document": .text, "document_version": .text,
                "effective": .date, "notice": .text, "level": levels, "label": .text, "band": .text, "guidance": .text,
                "base_level": levels, "provisional": .type("boolean"),
                "fired_rules": .array(.ref("firedRule")), "procedures": .array(.ref("firedRule")),
                "near_misses": .array(open([
                    "id": .text, "title": .text, "level": levels, "failed": .array(.text), "source": .text, "file": .text,
                ], required: ["id", "title", "level", "failed"])),
                "information_needed": .array(open([
                    "fact": .text, "question": .text, "judgement": .type("boolean"), "effect": .enumeration(["raise", "lower"]),
                    "could_reach": levels, "decisive": .type("boolean"), "rules": .array(.text),
                ], required: ["fact", "question", "effect", "could_reach", "rules"])),
                "actions": .array(open([
                    "action": .enumeration(ActionKind.allCases.map(\.rawValue)), "within": .text, "text": .text,
                    "rules": .array(.text), "strength": .enumeration(ActionStrength.allCases.map(\.rawValue)),
                    "due": .date, "from": .text, "overdue": .type("boolean"), "completed_by": .text,
                ], required: ["action", "rules"])),
                "sublevel": open(["name": .text, "label": .text, "guidance": .text], required: ["name", "label"]),
                "kept_current_plan": .type("boolean"),
                "why_not": levels,
                "counterfactuals": .array(open([
                    "from": levels, "to": levels, "fact": .text, "change": .text, "size": .type("integer"),
                ], required: ["from", "to", "fact", "change", "size"])),
            ], required: ["as_of", "board", "document", "document_version", "effective", "level", "label", "base_level",
                          "provisional", "fired_rules", "near_misses", "information_needed", "actions"]),
            "firedRule": open([
                "id": .text, "title": .text, "level": levels, "sublevel": .text, "modifier": .type("boolean"),
                "because": .text, "source": .text, "file": .text,
                "overrides": open(["file": .text, "title": .text, "source": .text], required: ["file", "title"]),
                "explanation": .ref("explanation"), "exception": .ref("explanation"),
            ], required: ["id", "title", "level", "modifier", "explanation"]),
            "explanation": open([
                "condition": .text, "result": truth,
                "readings": .array(open([
                    "name": .text, "value": .text, "known": .type("boolean"), "question": .text,
                ], required: ["name", "value", "known"])),
                "parts": .array(.ref("explanation")),
            ], required: ["condition", "result", "readings", "parts"]),
            "diagnostic": open([
                "id": .text, "severity": .enumeration(Severity.allCases.map(\.rawValue)), "message": .text, "file": .text,
                "range": range,
                "notes": .array(open(["message": .text, "file": .text, "range": range], required: ["message"])),
                "fix_its": .array(open([
                    "message": .text,
                    "edits": .array(open(["range": range, "replacement": .text], required: ["range", "replacement"])),
                ], required: ["message", "edits"])),
            ], required: ["id", "severity", "message"]),
            "documentVersion": open(["board": .text, "title": .text, "version": .text], required: ["board", "title", "version"]),
        ]
    }
}
