internal import CBenchLibYAML

/// The floor for loading a document: libyaml's event parser run over the bytes, each event
/// counted and freed, nothing built. Loading and checking the same file is compared with this.
public enum RawYAMLScan {
    /// The number of events in `bytes`, or -1 when libyaml reports an error.
    public static func events(in bytes: [UInt8]) -> Int {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return -1 }
        defer { yaml_parser_delete(&parser) }
        return bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return 0 }
            yaml_parser_set_input_string(&parser, base, buffer.count)
            var count = 0
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else { return -1 }
                count += 1
                let done = event.type == YAML_STREAM_END_EVENT
                yaml_event_delete(&event)
                if done { return count }
            }
        }
    }
}

/// A generated threshold document of many rules, shaped like the example board's: counts over
/// domains and event windows, plan levels, board facts, exceptions, actions.
public enum GeneratedDocument {
    public static func text(rules: Int) -> String {
        let levels = ["early_help", "child_in_need", "child_protection", "pre_proceedings"]
        let conditions = [
            "count(domains where grade >= 4) >= 2 and child.age < 5 years",
            "count(access_refused in last 90 days) >= 2 and current_plan in [child_in_need, child_protection]",
            "known(education.attendance) and education.absence_rate >= 10",
            "any(domains[physical_care] where grade == 5) or count(referral in last 12 months) >= 3",
            "compliance.early_help_consent == declined and count(domains where grade >= 3) >= 1",
            "since(child_seen) > 10 working days and child.age < 1 year",
            "young_carer and domain.emotional_care >= 3",
        ]
        var text = """
            thresholds: 1
            board: Generated board
            title: Generated thresholds
            version: "1"
            effective: 2026-01-01
            levels:
              universal: { label: Universal }
              early_help: { label: Early help }
              child_in_need: { label: Child in need }
              child_protection: { label: Child protection }
              pre_proceedings: { label: Pre-proceedings }
            facts:
              young_carer: boolean
            rules:

            """
        for index in 0 ..< rules {
            let id = "G-\(String(repeating: "0", count: max(0, 4 - String(index).count)))\(index)"
            text += """
                  - id: \(id)
                    title: Generated rule \(index)
                    level: \(levels[index % levels.count])
                    source: Generated document §\(index / 10 + 1)
                    when: \(conditions[index % conditions.count])

                """
            if index % 5 == 0 { text += "    unless: context.poverty and not child.disabled\n" }
            if index % 7 == 0 { text += "    actions: [{ see_child_within: \(index % 3 + 1) working days }]\n" }
        }
        return text
    }
}
