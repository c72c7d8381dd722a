import ArgumentParser
import Foundation
import Thresholds

/// `thresholds caseload`: a synthetic caseload as JSON Lines, for trying `evaluate --jsonl` and
/// `compare` at scale.
struct GenerateCaseload: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "caseload",
        abstract: "Write a synthetic caseload as JSON Lines (never real data).",
        discussion: """
            Each case uses the standard vocabulary only, with some facts left unknown as real \
            records leave them. The same seed gives the same caseload.
            """
    )

    @Option(help: "How many cases.")
    var count = 1_000

    @Option(help: "The seed.")
    var seed: UInt64 = 1989

    @Option(help: "The as-of date every case carries, YYYY-MM-DD.")
    var asOf = "2026-11-01"

    func validate() throws {
        guard count >= 0, count <= 10_000_000 else { throw ValidationError("--count must be between 0 and 10,000,000") }
        guard LocalDate(asOf) != nil else { throw ValidationError("--as-of '\(asOf)' is not a real date YYYY-MM-DD") }
    }

    func run() throws {
        guard let date = LocalDate(asOf) else { return }
        let generator = CaseloadGenerator(seed: seed, asOf: date)
        var chunk = ""
        for index in 0..<count {
            chunk += generator.line(index) + "\n"
            if chunk.utf8.count > 1 << 16 {
                FileHandle.standardOutput.write(Data(chunk.utf8))
                chunk = ""
            }
        }
        FileHandle.standardOutput.write(Data(chunk.utf8))
    }
}
