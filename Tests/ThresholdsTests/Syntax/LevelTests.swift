import Testing
import Foundation
@testable import Thresholds

@Suite("Levels")
struct LevelTests {
    @Test("a level is found by its name, and by nothing else: not a prefix, another case, or a name of the same length")
    func namedLevels() throws {
        for level in Level.allCases {
            #expect(Level(rawValue: level.rawValue) == level)
            #expect(Level(rawValue: String(level.rawValue.dropLast())) == nil)
            #expect(Level(rawValue: level.rawValue.uppercased()) == nil)
            #expect(Level(rawValue: level.rawValue + "s") == nil)
            // The same length, one letter changed.
            #expect(Level(rawValue: "x" + level.rawValue.dropFirst()) == nil)
        }
        for name in ["", "universe", "early-help", "child_in_needs", "childProtection", "pre_proceeding", "é_proceedings"] {
            #expect(Level(rawValue: name) == nil, "\(name)")
        }
        // Decoding goes through the same initialiser.
        let decoded = try JSONDecoder().decode([Level].self, from: Data(#"["universal","child_protection"]"#.utf8))
        #expect(decoded == [.universal, .childProtection])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Level.self, from: Data(#""child protection""#.utf8)) }
    }
}
