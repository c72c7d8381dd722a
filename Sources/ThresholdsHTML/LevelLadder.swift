import Foundation
import Plot
import Thresholds

/// The board's levels drawn as a ladder in inline SVG: one step per engine level, rising with
/// the level, each with the board's label and band and how many rules lead to it, linked to the
/// level's section. Text is real SVG text (selectable, read by screen readers through the
/// figure's title and description), not an image.
enum LevelLadder {
    static let width = 900
    static let height = 300
    private static let stepWidth = 166
    private static let gap = 10

    /// The fill of a level's step, the same as its section's border.
    static func colour(_ level: Level) -> String {
        switch level {
        case .universal: "#cfe3c6"
        case .earlyHelp: "#f7df8b"
        case .childInNeed: "#f4b982"
        case .childProtection: "#e88e8e"
        case .preProceedings: "#c79bdc"
        }
    }

    /// The figure: the drawing and a caption listing the same facts in words.
    static func figure(_ document: ThresholdDocument) -> Node<HTML.BodyContext> {
        let ids = Level.allCases.map { DocumentPage.rules(leadingTo: $0, in: document).map(\.id.value) }
        let summary = zip(Level.allCases, ids).map { level, rules in
            "\(document.label(for: level)): \(rules.count) \(rules.count == 1 ? "rule" : "rules")"
        }.joined(separator: "; ")
        let steps: [Node<HTML.BodyContext>] = zip(Level.allCases, ids).map { step($0, document, rules: $1) }
        return .element(named: "figure", nodes: [
            .class("ladder"),
            .element(named: "svg", nodes: [
                .attribute(named: "xmlns", value: "http://www.w3.org/2000/svg"),
                .attribute(named: "viewBox", value: "0 0 \(width) \(height)"),
                .attribute(named: "role", value: "img"),
                .attribute(named: "aria-labelledby", value: "ladder-title ladder-desc"),
                .element(named: "title", nodes: [.id("ladder-title"), .text("The levels of \(document.title), lowest first")]),
                .element(named: "desc", nodes: [.id("ladder-desc"), .text(summary)]),
                .group(steps),
            ]),
            .element(named: "figcaption", nodes: [
                .text("Each step is a level, lowest need on the left; the number is how many rules recommend it directly. "
                      + "Select a step to read its criteria."),
            ]),
        ])
    }

    private static func step(_ level: Level, _ document: ThresholdDocument, rules: [String]) -> Node<HTML.BodyContext> {
        let count = rules.count
        let x = level.rank * (stepWidth + gap) + 4
        let stepHeight = 90 + level.rank * 48
        let y = height - stepHeight - 4
        let definition = document.levels.first { $0.level == level }
        let lines = labelLines(document.label(for: level))
        var texts: [Node<HTML.BodyContext>] = []
        for (index, line) in lines.enumerated() {
            texts.append(.element(named: "tspan", nodes: [
                .attribute(named: "x", value: String(x + 10)),
                .attribute(named: "dy", value: index == 0 ? "0" : "1.25em"),
                .attribute(named: "font-weight", value: index == 0 ? "700" : "400"),
                .text(line),
            ]))
        }
        if let band = definition?.band, !lines.contains(band) {
            texts.append(tspan(x: x, "Band: \(band)"))
        }
        texts.append(tspan(x: x, "\(count) \(count == 1 ? "rule" : "rules")"))
        if let sublevels = definition?.sublevels, !sublevels.isEmpty {
            texts.append(tspan(x: x, "\(sublevels.count) published sub-levels"))
        }
        return .element(named: "a", nodes: [
            .attribute(named: "href", value: "#" + Page.anchor(level)),
            // Which rules lead to the level, shown when the step is pointed at.
            .element(named: "title", nodes: [.text(rules.isEmpty ? "No rule recommends this level directly"
                                                                  : "Rules: " + rules.joined(separator: ", "))]),
            .element(named: "rect", nodes: [
                .attribute(named: "x", value: String(x)),
                .attribute(named: "y", value: String(y)),
                .attribute(named: "width", value: String(stepWidth)),
                .attribute(named: "height", value: String(stepHeight)),
                .attribute(named: "rx", value: "6"),
                .attribute(named: "fill", value: colour(level)),
                .attribute(named: "stroke", value: "#1b1b1b"),
                .attribute(named: "stroke-width", value: "1.5"),
            ]),
            .element(named: "text", nodes: [
                .attribute(named: "x", value: String(x + 10)),
                .attribute(named: "y", value: String(y + 24)),
                .attribute(named: "font-size", value: "14"),
                .attribute(named: "fill", value: "#1b1b1b"),
                .group(texts),
            ]),
        ])
    }

    private static func tspan(x: Int, _ text: String) -> Node<HTML.BodyContext> {
        .element(named: "tspan", nodes: [
            .attribute(named: "x", value: String(x + 10)),
            .attribute(named: "dy", value: "1.25em"),
            .text(text),
        ])
    }

    /// A label split where boards split theirs ("Level 3 — Child in Need (s17)"), then into
    /// lines short enough for a step.
    static func labelLines(_ label: String) -> [String] {
        var lines: [String] = []
        for part in label.components(separatedBy: " — ") {
            var line = ""
            for word in part.split(separator: " ") {
                if !line.isEmpty, line.count + word.count + 1 > 20 {
                    lines.append(line)
                    line = ""
                }
                line += (line.isEmpty ? "" : " ") + word
            }
            if !line.isEmpty { lines.append(line) }
        }
        return lines
    }
}
