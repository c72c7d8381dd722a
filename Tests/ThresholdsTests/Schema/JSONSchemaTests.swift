import Foundation
import Testing
@testable import Thresholds

/// `thresholds schema`: the schemas are generated from the loaders' key lists, committed under
/// docs/schemas (where editors point), and accepted by an independent validator.
@Suite("JSON Schemas")
struct JSONSchemaTests {
    static func parsed(_ schema: JSONSchemas.Schema) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(schema.json.utf8)) as? [String: Any])
    }

    /// Every object node below `node`, with its path.
    static func objects(_ node: Any, path: String = "#", into out: inout [(String, [String: Any])]) {
        if let object = node as? [String: Any] {
            out.append((path, object))
            for (key, value) in object { objects(value, path: path + "/" + key, into: &out) }
        } else if let array = node as? [Any] {
            for (index, value) in array.enumerated() { objects(value, path: path + "/\(index)", into: &out) }
        }
    }

    @Test("every key a loader accepts has a type, no schema names a key the loader refuses, and every $ref resolves")
    func noDrift() throws {
        for schema in JSONSchemas.all {
            let root = try Self.parsed(schema)
            let defs = try #require(root["$defs"] as? [String: Any])
            var nodes: [(String, [String: Any])] = []
            Self.objects(root, into: &nodes)
            for (path, object) in nodes {
                if let properties = object["properties"] as? [String: Any] {
                    for (key, value) in properties {
                        let type = try #require(value as? [String: Any])
                        #expect(!type.isEmpty, "\(schema.fileName) \(path)/\(key): a key the loader accepts has no type in the schema")
                        #expect(type["not"] == nil, "\(schema.fileName) \(path)/\(key): typed in the schema, refused by the loader")
                    }
                }
                if let target = object["$ref"] as? String {
                    #expect(target.hasPrefix("#/$defs/") && defs[String(target.dropFirst("#/$defs/".count))] != nil,
                            "\(schema.fileName) \(path): \(target) resolves")
                }
            }
        }
    }

    @Test("the closed objects list exactly the loaders' keys")
    func sameKeys() throws {
        let schema = try Self.parsed(try #require(JSONSchemas.all.first { $0.fileName == "threshold-document.schema.json" }))
        let defs = try #require(schema["$defs"] as? [String: Any])
        func keys(_ name: String) -> Set<String> {
            Set(((defs[name] as? [String: Any])?["properties"] as? [String: Any])?.keys.map { $0 } ?? [])
        }
        #expect(keys("documentFile") == Set(DocumentParser.documentKeys))
        #expect(keys("vocabularyFile") == Set(DocumentParser.vocabularyKeys))
        #expect(keys("rule") == Set(DocumentParser.ruleKeys))
        #expect(keys("level") == Set(DocumentParser.levelKeys))
        #expect(keys("actionDetails") == Set(DocumentParser.actionKeys))
        #expect(keys("case") == Set(CaseFileKeys.root))
        #expect(keys("visit") == Set(CaseFileKeys.visit))
        #expect(keys("fixtureCase") == Set(FixtureLoader.caseKeys))
        #expect(keys("expectation") == Set(FixtureLoader.expectKeys))
    }

    @Test("the committed schemas in docs/schemas are the generated ones")
    func committed() throws {
        let folder = Fixture.root.appendingPathComponent("docs/schemas")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".schema.json") }
        #expect(Set(files) == Set(JSONSchemas.all.map(\.fileName)))
        for schema in JSONSchemas.all {
            Snapshot.assertMatches(schema.json, file: folder.appendingPathComponent(schema.fileName))
        }
    }

    static let validatorAvailable: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import jsonschema, yaml"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    @Test("an independent validator (Python's jsonschema) accepts every example file and golden output, and rejects known-bad files",
          .enabled(if: validatorAvailable, "needs python3 with jsonschema and PyYAML; .ci/run installs them"))
    func independentValidator() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", ".ci/validate-schemas.py", "docs/schemas"]
        process.currentDirectoryURL = Fixture.root
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("; 0 failed"))
    }
}
