// Runs the peer benchmark board (Benchmarks/peer-board/board.yaml) the way the peer's
// swift-native driver runs its hand-written board, in the same process as that baseline:
//
//     thresholds-peer CASES.jsonl [--repeats R] [--modes native,bound,caseload,decide,evaluate] [--dump OUT.jsonl]
//     thresholds-peer CASES.jsonl --profile     # each stage once, for callgrind.sh
//
// Cases are decoded (JSONDecoder, timed as decode) and mapped onto the case model (timed as
// mapping) before anything is evaluated; then each mode times only its evaluation loop over
// the whole array, storing every result. It prints one JSON line per mode, in the shape of
// swift-native's, with the ratio to the in-process baseline; `--dump` writes the engine's
// level and fired rules per case for the peer's check.py. Before any timing, every case's
// decision is compared with the baseline's, and the run stops on the first disagreement.
import BenchSupport
import Dispatch
import Foundation
import Thresholds

func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

var arguments = Array(CommandLine.arguments.dropFirst())
@MainActor func option(_ name: String) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    defer { arguments.removeSubrange(index ... index + 1) }
    return arguments[index + 1]
}
let repeats = max(1, Int(option("--repeats") ?? "10") ?? 10)
let modes = (option("--modes") ?? "native,bound,caseload,decide,evaluate").split(separator: ",").map(String.init)
let dumpPath = option("--dump")
guard let casesPath = arguments.first else { fail("usage: thresholds-peer CASES.jsonl [--repeats R] [--modes …] [--dump OUT.jsonl]") }

// `--load-document N`: load and check a generated N-rule document ten times and stop (for callgrind).
if let rules = option("--load-document").flatMap(Int.init) {
    let bytes = Array(GeneratedDocument.text(rules: rules).utf8)
    for _ in 0 ..< 10 { _ = DocumentLoader().load(bytes: bytes, path: "generated.yaml") }
    exit(0)
}

let plan: EvaluationPlan
do { plan = try PeerData.plan() } catch { fail("\(error)") }

var start = now()
let peers: [PeerCase]
do { peers = try PeerData.lines(URL(fileURLWithPath: casesPath), as: PeerCase.self) } catch { fail("cannot decode \(casesPath): \(error)") }
let decodeSeconds = Double(now() - start) / 1e9
start = now()
let facts = peers.map(\.facts)
let mapSeconds = Double(now() - start) / 1e9
let native = peers.compactMap(PeerNative.compact)
start = now()
let bound = facts.map { plan.bind($0, asOf: PeerCase.asOf) }
let bindSeconds = Double(now() - start) / 1e9
let caseload = plan.bind(facts, asOf: PeerCase.asOf)
guard native.count == peers.count else { fail("a case has a plan the baseline does not know") }
let asOf = PeerCase.asOf
let n = facts.count

// `--profile`: run each stage once over every case (and the 1,000-rule document once), each in a
// function of its own for callgrind (Benchmarks/callgrind.sh), and stop.
@inline(never) func profileNative() { for c in native { blackHoleUInt(PeerNative.evaluate(c)) } }
@inline(never) func profileBound() { for c in bound { blackHoleAny(plan.decide(c)) } }
@inline(never) func profileCaseload() { blackHoleAny(plan.decide(caseload)) }
@inline(never) func profileDecide() { for c in facts { blackHoleAny(plan.decide(c, asOf: asOf)) } }
@inline(never) func profileEvaluate() { for c in facts { blackHoleAny(plan.evaluate(c, asOf: asOf)) } }
/// The example board on the example cases, 100 times over: explanations of a board written with
/// combinators and definitions.
@inline(never) func profileExample(_ example: EvaluationPlan) {
    for _ in 0 ..< 100 { for (c, asOf) in ExampleData.cases { blackHoleAny(example.evaluate(c, asOf: asOf)) } }
}
@inline(never) func profileScan(_ bytes: [UInt8]) { blackHoleUInt(UInt64(RawYAMLScan.events(in: bytes))) }
@inline(never) func profileLoad(_ bytes: [UInt8]) { blackHoleAny(DocumentLoader().load(bytes: bytes, path: "generated.yaml")) }
@inline(never) func blackHoleUInt(_ value: UInt64) { if value == .max { print(value) } }
@inline(never) func blackHoleAny<T>(_ value: T) { withExtendedLifetime(value) {} }
if arguments.contains("--profile") {
    let document = Array(GeneratedDocument.text(rules: 1_000).utf8)
    profileNative()
    profileBound()
    profileCaseload()
    profileDecide()
    profileEvaluate()
    guard let example = ExampleData.board()?.compile(), !ExampleData.cases.isEmpty else { fail("the example board or cases are missing") }
    profileExample(example)
    profileScan(document)
    profileLoad(document)
    exit(0)
}

// The engine and the baseline agree on every case before either is timed.
for index in 0 ..< n {
    let decision = plan.decide(facts[index], asOf: asOf)
    let baseline = PeerNative.evaluate(native[index])
    let fired = PeerNative.ruleIDs.indices.filter { (baseline >> 8) & (1 << UInt64($0)) != 0 }.map { PeerNative.ruleIDs[$0] }
    guard decision.level.rank == Int(baseline & 0xff), decision.firedRules.sorted() == fired.sorted(), !decision.provisional else {
        fail("case \(peers[index].case_id): engine \(decision.level) \(decision.firedRules), baseline \(baseline & 0xff) \(fired)")
    }
}

// Deciding the caseload in one call (bit-sliced) gives every case the decision it gets alone.
guard plan.decidesInSlices, plan.decide(bound) == bound.map(plan.decide), Array(plan.decide(caseload)) == bound.map(plan.decide) else {
    fail("the caseload decision differs from the cases' own")
}

var nativeResults = [UInt64](repeating: 0, count: n)
var levels = [Level](repeating: .universal, count: n)
var firedCounts = [Int](repeating: 0, count: n)

@MainActor func time(_ body: () -> Void) -> Double {
    let t0 = now()
    body()
    return Double(now() - t0) / 1e9
}

let runs: [String: () -> Void] = [
    "native": {
        native.withUnsafeBufferPointer { cases in
            nativeResults.withUnsafeMutableBufferPointer { out in
                for index in 0 ..< cases.count { out[index] = PeerNative.evaluate(cases[index]) }
            }
        }
    },
    "decide": {
        for index in 0 ..< n {
            let decision = plan.decide(facts[index], asOf: asOf)
            levels[index] = decision.level
            firedCounts[index] = decision.firedRules.count
        }
    },
    "bound": {
        for index in 0 ..< n {
            let decision = plan.decide(bound[index])
            levels[index] = decision.level
            firedCounts[index] = decision.firedRules.count
        }
    },
    "caseload": {
        let decisions = plan.decide(caseload)
        for index in 0 ..< n {
            levels[index] = decisions.level(at: index)
            firedCounts[index] = decisions.firedRules(at: index).count
        }
    },
    "evaluate": {
        for index in 0 ..< n {
            let recommendation = plan.evaluate(facts[index], asOf: asOf)
            levels[index] = recommendation.level
            firedCounts[index] = recommendation.firedRules.count
        }
    },
]
let names = [
    "native": "swift-native (hand-written, in process)",
    "decide": "thresholds decide (level, fired rules, actions), from the case model",
    "bound": "thresholds decide, from cases bound once (bind excluded, as compact is for swift-native)",
    "caseload": "thresholds decide of a caseload bound beforehand, in one call (bit-sliced, 64 cases at a time)",
    "evaluate": "thresholds evaluate (full explained recommendation)",
]

var best: [String: Double] = [:]
for mode in modes {
    guard let run = runs[mode] else { fail("unknown mode \(mode): native, bound, caseload, decide or evaluate") }
    run()  // warm-up
    var times: [Double] = []
    for _ in 0 ..< (mode == "evaluate" ? max(1, repeats / 5) : repeats) { times.append(time(run)) }
    times.sort()
    best[mode] = times[0]
    let checksum = mode == "native" ? nativeResults.reduce(0, &+) : UInt64(levels.map(\.rank).reduce(0, +) + firedCounts.reduce(0, +))
    let ratio = best["native"].map { String(format: "%.1f", times[0] / $0) } ?? "null"
    let overhead = [
        "native": "the peer's hand-written evaluate, copied unchanged, over compact structs in this process",
        "bound": "the compiled program over cases bound beforehand (bind, like the peer's compact, excluded); result stored per case",
        "caseload": "the bit-sliced program over the same cases bound as one matrix (bind excluded), in one call: comparisons per case, logic per 64 cases; decisions kept as columns, each case's level and fired rules read and stored",
        "decide": "bind (facts, grades, counts in windows from the case model) and the compiled program; result stored per case",
        "evaluate": "decide, then an explained Recommendation (fired rules, near misses, information needed); result stored per case",
    ][mode] ?? ""
    print("""
        {"engine": "\(names[mode] ?? mode)", "version": "Thresholds, swift build -c release", "mode": "serial", \
        "cases": \(n), "seconds": \(times[0]), "median_seconds": \(times[times.count / 2]), \
        "evals_per_s": \((Double(n) / times[0]).rounded()), "us_per_eval": \(times[0] / Double(n) * 1e6), \
        "x_native": \(ratio), "repeats": \(times.count), "mismatches": null, "checksum": \(checksum), \
        "decode_seconds": \(decodeSeconds), "map_seconds": \(mapSeconds), "bind_seconds": \(bindSeconds), \
        "overhead": "\(overhead)"}
        """)
}

if let dumpPath {
    var out = ""
    for index in 0 ..< n {
        let outcome = PeerData.outcome(peers[index].case_id, plan.decide(facts[index], asOf: asOf))
        let fired = outcome.fired.map { "\"\($0)\"" }.joined(separator: ",")
        out += "{\"case_id\":\"\(outcome.case_id)\",\"level\":\"\(outcome.level)\",\"fired\":[\(fired)]}\n"
    }
    do { try out.write(toFile: dumpPath, atomically: true, encoding: .utf8) } catch { fail("cannot write \(dumpPath): \(error)") }
}
