/// A ``Program`` recompiled to decide a caseload 64 cases at a time, bit-sliced.
///
/// Deciding one case runs every instruction of the register program once for that case: the
/// dispatch of each instruction is paid per case. Most of a threshold document is logic over
/// comparisons (`and`, `or`, `not`, "at least k of"), and logic over truths can be run for many
/// cases at once. Here every truth is two 64-bit words per chunk of up to 64 cases: bit `j` of
/// `certain` says case `j`'s value is known to be true, bit `j` of `refuted` that it is known to
/// be false, and neither that it is unknown. Kleene's three-valued logic is then word logic:
///
/// - `a and b`: certain = `a.certain & b.certain`, refuted = `a.refuted | b.refuted`;
/// - `a or b`: certain = `a.certain | b.certain`, refuted = `a.refuted & b.refuted`;
/// - `not a`: the two words swapped;
/// - at least `k` of a list: certain when at least `k` are certain, refuted when fewer than `k`
///   are not refuted, each counted with `k` words of bit-sliced counters.
///
/// Only the *atoms*, a comparison or `known(…)` of a case's own values, are computed case by
/// case, each setting one bit, and one slot at a time over the chunk's cases (a ``Kernel``): a
/// comparison with a constant has the constant folded into the bounds it tests, and gives what
/// ``Interval/compare(_:_:_:)`` gives for every interval; anything else runs as the register
/// program runs it. A `count(… where …) <op> k` over truths becomes an "at least" gate.
///
/// Not every program has this shape: one that computes values from values (arithmetic, dates,
/// `max`/`min` of grades, fallbacks to the explaining evaluator) is not sliced, and its cases
/// are decided one at a time. ``init(_:)`` says which by returning `nil`.
struct SlicedProgram: Sendable {
    /// How many cases one chunk decides.
    static let width = 64

    /// A test of one case's values that sets one truth's bit for the case.
    struct Atom: Sendable {
        enum Test: UInt8, Sendable {
            /// `a <op> b`.
            case compare
            /// `known(a) and a <op> b`.
            case guarded
            /// `known(a)` / `unknown(a)`.
            case known, unknown
            /// A truth the case holds directly (a boolean fact): certain when [1, 1], refuted when [0, 0].
            case truth
        }

        var test: Test
        /// The operator of a comparison.
        var op: BinaryOperator = .equal
        /// Registers of the program's register file: constants, then slots.
        var a: Int32
        var b: Int32 = 0
        /// The truth it sets.
        var destination: Int32
    }

    /// A gate over truths, run once per chunk for all of its cases.
    struct Gate: Sendable {
        enum Operation: UInt8, Sendable {
            /// Of the truths `operands[a ..< a + b]`.
            case and, or
            /// Of truth `a`.
            case not
            /// At least `k` of the truths `operands[a ..< a + b]`.
            case atLeast
            /// Truths `a` and `b` equal: both certain or both refuted; refuted when one is each.
            case same
            /// Whether truth `a` is known (`k` = 1) or unknown (`k` = 0).
            case known
        }

        var operation: Operation
        var destination: Int32
        var a: Int32
        var b: Int32 = 0
        var k: Int32 = 0
    }

    /// An atom as it runs: over one slot of all the chunk's cases at once, comparing with a
    /// constant folded in. Comparisons with a constant, `known(…)`, a boolean fact and two slots
    /// compared are specialised; anything else (a range constant) runs as its ``Atom``.
    struct Kernel: Sendable {
        enum Shape: UInt8, Sendable {
            /// Certain when `lower >= k`, refuted when `upper < k`: `>= k`, `> k` (`k` just
            /// above), and a boolean fact (certain when [1, 1], refuted when [0, 0]).
            case atLeast
            /// Certain when `upper <= k`, refuted when `lower > k`: `<= k`, `< k` (`k` just below).
            case atMost
            /// Certain when the value is exactly `k`, refuted when it is certainly not: `==`, and
            /// `!=` negated.
            case equal
            /// Certain when the value is known: `known(…)`, and `unknown(…)` negated.
            case known
            /// Two slots compared (`child.age < 1 year`, where a year's days depend on the as-of date).
            case slots
            /// The atom, case by case.
            case general
        }

        var shape: Shape
        /// The slot read (by its position among the slots).
        var slot: Int
        /// The slot compared with, for ``Shape/slots``.
        var other = 0
        var k = 0.0
        /// Certain and refuted swapped afterwards.
        var negated = false
        /// `known(a) and …`: refuted whenever the value is unknown.
        var guarded = false
        /// The slot may hold no value at all (a fallback's `x / 0`): every comparison with it is false.
        var undefinable = false
        var atom: Atom
    }

    /// How many registers the atoms read: the program's constants and slots.
    let valueCount: Int
    let constantCount: Int
    let slotCount: Int
    let template: [Interval]
    /// Truths fixed by the document (a constant `true`, or the unknown a comparison the kinds rule out gives).
    private(set) var constants: [(truth: Int32, value: Truth)] = []
    private(set) var kernels: [Kernel] = []
    private(set) var gates: [Gate] = []
    private(set) var operands: [Int32] = []
    /// How many truths a chunk holds.
    private(set) var truthCount = 0
    /// Per rule: its `when` and `unless` truths.
    private(set) var rules: [(when: Int32, unless: Int32?)] = []
    /// The slots whose known-ness the kernels read, and those that may be undefined.
    private(set) var knownSlots: [Int] = []
    private(set) var undefinableSlots: [Int] = []

    /// The program sliced, or `nil` when it computes something other than logic over atoms.
    init?(_ program: Program) {
        constantCount = program.constantCount
        slotCount = program.slots.count
        valueCount = program.constantCount + program.slots.count
        template = program.template
        var compiler = Compiler(program: program)
        guard let sliced = compiler.compile() else { return nil }
        var atoms: [Atom]
        (constants, atoms, gates, operands, truthCount, rules) = sliced
        // Atoms that read the same slot run next to each other.
        atoms.sort { ($0.a, $0.destination) < ($1.a, $1.destination) }
        let undefinable = Set(program.slots.indices.filter {
            if case .fallback = program.slots[$0].slot { return true }
            return false
        })
        kernels = atoms.map { Self.kernel($0, template: template, constantCount: constantCount, undefinable: undefinable) }
        knownSlots = Set(kernels.filter { $0.shape == .known || $0.guarded }.map(\.slot)).sorted()
        undefinableSlots = Set(kernels.filter(\.undefinable).map(\.slot)).sorted()
    }

    /// The kernel that runs an atom: specialised when it compares a slot with a finite constant.
    private static func kernel(_ atom: Atom, template: [Interval], constantCount: Int, undefinable: Set<Int>) -> Kernel {
        let general = Kernel(shape: .general, slot: 0, atom: atom)
        func slot(_ register: Int32) -> Int? { Int(register) >= constantCount ? Int(register) - constantCount : nil }
        func constant(_ register: Int32) -> Double? {
            guard Int(register) < constantCount else { return nil }
            let value = template[Int(register)]
            return value.isKnown && value.lower.isFinite ? value.lower : nil
        }
        switch atom.test {
        case .known, .unknown:
            guard let a = slot(atom.a) else { return general }
            return Kernel(shape: .known, slot: a, negated: atom.test == .unknown, atom: atom)
        case .truth:
            guard let a = slot(atom.a) else { return general }
            // A boolean fact's register is [1, 1], [0, 0] or, unknown, [0, 1]: certain when its
            // lower bound is 1, refuted when its upper bound is below 1.
            return Kernel(shape: .atLeast, slot: a, k: 1, atom: atom)
        case .compare, .guarded:
            var op = atom.op
            var (a, b) = (atom.a, atom.b)
            if slot(a) == nil {
                // `k < x` is `x > k`.
                (a, b) = (b, a)
                op = op.mirrored
            }
            guard let column = slot(a) else { return general }
            if let other = slot(b) {
                return Kernel(shape: .slots, slot: column, other: other, guarded: atom.test == .guarded,
                              atom: Atom(test: .compare, op: op, a: a, b: b, destination: atom.destination))
            }
            guard let k = constant(b) else { return general }
            var kernel: Kernel
            switch op {
            case .greaterOrEqual: kernel = Kernel(shape: .atLeast, slot: column, k: k, atom: atom)
            case .greater: kernel = Kernel(shape: .atLeast, slot: column, k: k.nextUp, atom: atom)
            case .lessOrEqual: kernel = Kernel(shape: .atMost, slot: column, k: k, atom: atom)
            case .less: kernel = Kernel(shape: .atMost, slot: column, k: k.nextDown, atom: atom)
            case .equal: kernel = Kernel(shape: .equal, slot: column, k: k, atom: atom)
            case .notEqual: kernel = Kernel(shape: .equal, slot: column, k: k, negated: true, atom: atom)
            default: return general
            }
            kernel.guarded = atom.test == .guarded
            kernel.undefinable = undefinable.contains(column)
            return kernel
        }
    }

    /// Decides one chunk of at most ``width`` cases: fills `certain` and `refuted` (each
    /// `truthCount` words). Case `j`'s slot registers are row `j` at `rows`: `slotCount` values
    /// from `rows + j * slotCount`. `known`, when given, holds per slot the word of the cases
    /// whose value in it is known (``knownWords(rows:count:stride:into:)``); without it, the
    /// words the kernels need are computed here.
    func run(
        cases count: Int, rows: UnsafePointer<Interval>, known given: UnsafePointer<UInt64>?,
        certain: UnsafeMutablePointer<UInt64>, refuted: UnsafeMutablePointer<UInt64>
    ) {
        certain.update(repeating: 0, count: truthCount)
        refuted.update(repeating: 0, count: truthCount)
        for (truth, value) in constants {
            if value == .true { certain[Int(truth)] = ~0 }
            if value == .false { refuted[Int(truth)] = ~0 }
        }
        let stride = slotCount
        // A kernel reads one column.
        let all: UInt64 = count == Self.width ? .max : (1 << UInt64(count)) - 1
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 2 * max(stride, 1)) { masks in
            guard let computed = masks.baseAddress else { return }
            let undefined = computed + stride
            let known: UnsafePointer<UInt64>
            if let given {
                known = given
            } else {
                // The guards' and `known(…)`'s words; a column without one is taken as partly
                // unknown, which the kernels handle whatever it holds.
                computed.update(repeating: 0, count: stride)
                for slot in knownSlots { computed[slot] = Self.sweep(rows + slot, count, stride) { $0.pointee.isKnown } }
                known = UnsafePointer(computed)
            }
            for slot in undefinableSlots { undefined[slot] = Self.sweep(rows + slot, count, stride) { $0.pointee.isUndefined } }
            kernels.withUnsafeBufferPointer { kernels in
                for kernel in kernels {
                    var (yes, no) = run(kernel, count, rows, stride, known, all)
                    if kernel.negated { (yes, no) = (no, yes) }
                    // Nothing compares with a value that is not there; a guard wants it known.
                    if kernel.undefinable { (yes, no) = (yes & ~undefined[kernel.slot], no | undefined[kernel.slot]) }
                    if kernel.guarded { (yes, no) = (yes & known[kernel.slot], no | ~known[kernel.slot]) }
                    certain[Int(kernel.atom.destination)] = yes
                    refuted[Int(kernel.atom.destination)] = no
                }
            }
        }
        gates.withUnsafeBufferPointer { gates in
            operands.withUnsafeBufferPointer { list in
                for gate in gates { Self.apply(gate, list, certain, refuted) }
            }
        }
    }

    /// Per slot, the word of the chunk's cases whose value in it is known (a point), into
    /// `words` (`stride` of them): what a bound caseload keeps beside its rows, as a column
    /// store keeps validity bits.
    static func knownWords(rows: UnsafePointer<Interval>, count: Int, stride: Int, into words: UnsafeMutablePointer<UInt64>) {
        for slot in 0 ..< stride { words[slot] = sweep(rows + slot, count, stride) { $0.pointee.isKnown } }
    }

    /// One kernel over the chunk's rows: the words of the cases it certainly holds for and
    /// certainly does not.
    @inline(__always)
    private func run(
        _ kernel: Kernel, _ count: Int, _ rows: UnsafePointer<Interval>, _ stride: Int, _ known: UnsafePointer<UInt64>,
        _ all: UInt64
    ) -> (UInt64, UInt64) {
        var yes = UInt64(0)
        var no = UInt64(0)
        let column = rows + kernel.slot
        let k = kernel.k
        // Behind a guard only known values count, and a known value is a point: one comparison
        // decides both words. So it does in a column whose values are all known.
        let points = kernel.guarded || known[kernel.slot] & all == all
        switch kernel.shape {
        case .atLeast where points:
            yes = Self.sweep(column, count, stride) { $0.pointee.lower >= k }
            no = ~yes
        case .atMost where points:
            yes = Self.sweep(column, count, stride) { $0.pointee.lower <= k }
            no = ~yes
        case .equal where points:
            yes = Self.sweep(column, count, stride) { $0.pointee.lower == k }
            no = ~yes
        case .atLeast:
            (yes, no) = Self.sweep(column, count, stride) { ($0.pointee.lower >= k, $0.pointee.upper < k) }
        case .atMost:
            (yes, no) = Self.sweep(column, count, stride) { ($0.pointee.upper <= k, $0.pointee.lower > k) }
        case .equal:
            (yes, no) = Self.sweep(column, count, stride) { value in
                let (lower, upper) = (value.pointee.lower, value.pointee.upper)
                return (lower >= k && upper <= k, upper < k || lower > k)
            }
        case .slots where known[kernel.slot] & known[kernel.other] & all == all:
            // Two columns of points: one comparison of the two values decides both words.
            let offset = kernel.other - kernel.slot
            switch kernel.atom.op {
            case .less: yes = Self.sweep(column, count, stride) { $0.pointee.lower < $0[offset].lower }
            case .lessOrEqual: yes = Self.sweep(column, count, stride) { $0.pointee.lower <= $0[offset].lower }
            case .greater: yes = Self.sweep(column, count, stride) { $0.pointee.lower > $0[offset].lower }
            case .greaterOrEqual: yes = Self.sweep(column, count, stride) { $0.pointee.lower >= $0[offset].lower }
            case .equal: yes = Self.sweep(column, count, stride) { $0.pointee.lower == $0[offset].lower }
            default: yes = Self.sweep(column, count, stride) { $0.pointee.lower != $0[offset].lower }
            }
            no = ~yes
        case .slots:
            // The other slot is as far along each row as the two slots are apart.
            let offset = kernel.other - kernel.slot
            // Each operator spelt out, so that the comparison is folded into the sweep.
            func sweep(_ compare: (UnsafePointer<Interval>) -> Truth) -> (UInt64, UInt64) {
                Self.sweep(column, count, stride) { value in
                    let truth = compare(value)
                    return (truth == .true, truth == .false)
                }
            }
            switch kernel.atom.op {
            case .less: (yes, no) = sweep { Interval.compare($0.pointee, .less, $0[offset]) }
            case .lessOrEqual: (yes, no) = sweep { Interval.compare($0.pointee, .lessOrEqual, $0[offset]) }
            case .greater: (yes, no) = sweep { Interval.compare($0.pointee, .greater, $0[offset]) }
            case .greaterOrEqual: (yes, no) = sweep { Interval.compare($0.pointee, .greaterOrEqual, $0[offset]) }
            case .equal: (yes, no) = sweep { Interval.compare($0.pointee, .equal, $0[offset]) }
            default: (yes, no) = sweep { Interval.compare($0.pointee, .notEqual, $0[offset]) }
            }
        case .known:
            yes = known[kernel.slot]
            no = ~yes
        case .general:
            // Registers below `constantCount` are the document's constants, the rest the row's slots.
            template.withUnsafeBufferPointer { constants in
                for index in 0 ..< count {
                    let row = rows + index * stride
                    func value(_ register: Int32) -> Interval {
                        Int(register) < constantCount ? constants[Int(register)] : row[Int(register) - constantCount]
                    }
                    let truth = Self.test(kernel.atom, value)
                    if truth == .true { yes |= 1 << UInt64(index) }
                    if truth == .false { no |= 1 << UInt64(index) }
                }
            }
        }
        return (yes, no)
    }

    /// The word of a test of each case's value in one column: bit `j` set when case `j`'s passes.
    /// Walks the column by pointer, so that nothing is multiplied or bounds-checked per case.
    @inline(__always)
    private static func sweep(
        _ column: UnsafePointer<Interval>, _ count: Int, _ stride: Int, _ test: (UnsafePointer<Interval>) -> Bool
    ) -> UInt64 {
        // From the last case down, each bit shifted in at the bottom: case `j`'s ends up at bit `j`.
        var word = UInt64(0)
        var value = column + (count - 1) * stride
        for _ in 0 ..< count {
            word = word &<< 1 | (test(value) ? 1 : 0)
            value -= stride
        }
        return word
    }

    /// Two words of tests of each case's value in one column (certain and refuted).
    @inline(__always)
    private static func sweep(
        _ column: UnsafePointer<Interval>, _ count: Int, _ stride: Int, _ test: (UnsafePointer<Interval>) -> (Bool, Bool)
    ) -> (UInt64, UInt64) {
        var (yes, no) = (UInt64(0), UInt64(0))
        var value = column + (count - 1) * stride
        for _ in 0 ..< count {
            let (certain, refuted) = test(value)
            yes = yes &<< 1 | (certain ? 1 : 0)
            no = no &<< 1 | (refuted ? 1 : 0)
            value -= stride
        }
        return (yes, no)
    }

    /// An atom on one case, as the register program computes it.
    private static func test(_ atom: Atom, _ r: (Int32) -> Interval) -> Truth {
        let a = r(atom.a)
        switch atom.test {
        case .compare: return Interval.compare(a, atom.op, r(atom.b))
        case .guarded: return a.isKnown ? Interval.compare(a, atom.op, r(atom.b)) : .false
        case .known: return a.isKnown ? .true : .false
        case .unknown: return a.isKnown ? .false : .true
        case .truth: return a.lower == 1 && a.upper == 1 ? .true : (a.lower == 0 && a.upper == 0 ? .false : .unknown)
        }
    }

    @inline(__always)
    private static func apply(
        _ gate: Gate, _ list: UnsafeBufferPointer<Int32>, _ certain: UnsafeMutablePointer<UInt64>,
        _ refuted: UnsafeMutablePointer<UInt64>
    ) {
        let a = Int(gate.a)
        let b = Int(gate.b)
        let destination = Int(gate.destination)
        switch gate.operation {
        case .and:
            var yes = UInt64.max
            var no = UInt64(0)
            for index in a ..< a + b {
                yes &= certain[Int(list[index])]
                no |= refuted[Int(list[index])]
            }
            (certain[destination], refuted[destination]) = (yes, no)
        case .or:
            var yes = UInt64(0)
            var no = UInt64.max
            for index in a ..< a + b {
                yes |= certain[Int(list[index])]
                no &= refuted[Int(list[index])]
            }
            (certain[destination], refuted[destination]) = (yes, no)
        case .not:
            (certain[destination], refuted[destination]) = (refuted[a], certain[a])
        case .atLeast:
            let parts = list[a ..< a + b]
            let yes = atLeast(Int(gate.k), parts) { certain[Int($0)] }
            let possible = atLeast(Int(gate.k), parts) { ~refuted[Int($0)] }
            (certain[destination], refuted[destination]) = (yes, ~possible)
        case .same:
            let yes = (certain[a] & certain[b]) | (refuted[a] & refuted[b])
            let no = (certain[a] & refuted[b]) | (refuted[a] & certain[b])
            (certain[destination], refuted[destination]) = (yes, no)
        case .known:
            let known = certain[a] | refuted[a]
            (certain[destination], refuted[destination]) = gate.k == 1 ? (known, ~known) : (~known, known)
        }
    }

    /// Bit `j` set when at least `k` of the words have bit `j` set: bit-sliced counters, where
    /// counter `i` holds "at least `i + 1` so far".
    @inline(__always)
    private static func atLeast(_ k: Int, _ parts: Slice<UnsafeBufferPointer<Int32>>, _ word: (Int32) -> UInt64) -> UInt64 {
        if k <= 0 { return .max }
        if k > parts.count { return 0 }
        if k == 1 { return parts.reduce(0) { $0 | word($1) } }
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: k) { counters in
            counters.initialize(repeating: 0)
            for part in parts {
                let bits = word(part)
                for index in stride(from: k - 1, to: 0, by: -1) { counters[index] |= counters[index - 1] & bits }
                counters[0] |= bits
            }
            return counters[k - 1]
        }
    }

    /// Recompiles a register program's instructions as atoms and gates.
    private struct Compiler {
        let program: Program
        private var truths: [Int32: Int32] = [:]
        /// The truths a `countTrue` register counts.
        private var counted: [Int32: [Int32]] = [:]
        private var constants: [(truth: Int32, value: Truth)] = []
        private var atoms: [Atom] = []
        private var gates: [Gate] = []
        private var operands: [Int32] = []
        private var truthCount: Int32 = 0
        /// Which slot registers hold a typed fact's truth (not a fallback's value).
        private let factTruths: Set<Int32>

        init(program: Program) {
            self.program = program
            factTruths = Set(program.slots.compactMap { slot, register in
                switch slot {
                case .standard(let fact): ProgramCompiler.kind(of: fact) == .truth ? register : nil
                case .board(_, let declaration): ProgramCompiler.kind(of: declaration.type) == .truth ? register : nil
                default: nil
                }
            })
        }

        private func isValue(_ register: Int32) -> Bool { Int(register) < program.constantCount + program.slots.count }

        private mutating func allocate() -> Int32 {
            defer { truthCount += 1 }
            return truthCount
        }

        /// The truth a register holds when read as a truth; `nil` when it holds something else.
        private mutating func truth(_ register: Int32) -> Int32? {
            if let truth = truths[register] { return truth }
            let truth: Int32
            if Int(register) < program.constantCount {
                truth = allocate()
                constants.append((truth, program.template[Int(register)].truth))
            } else if factTruths.contains(register) {
                truth = allocate()
                atoms.append(Atom(test: .truth, a: register, destination: truth))
            } else {
                return nil
            }
            truths[register] = truth
            return truth
        }

        private mutating func truths(_ registers: ArraySlice<Int32>) -> Range<Int32>? {
            var list: [Int32] = []
            for register in registers {
                guard let truth = truth(register) else { return nil }
                list.append(truth)
            }
            return append(list)
        }

        private mutating func append(_ list: [Int32]) -> Range<Int32> {
            let start = Int32(operands.count)
            operands += list
            return start ..< Int32(operands.count)
        }

        /// A gate computing a new truth, returned.
        @discardableResult
        private mutating func gate(_ operation: Gate.Operation, _ a: Int32, _ b: Int32 = 0, k: Int32 = 0) -> Int32 {
            let truth = allocate()
            gates.append(Gate(operation: operation, destination: truth, a: a, b: b, k: k))
            return truth
        }

        /// A gate computing the truth of the program's register `register`.
        private mutating func gate(_ operation: Gate.Operation, defining register: Int32, _ a: Int32, _ b: Int32 = 0, k: Int32 = 0) {
            truths[register] = gate(operation, a, b, k: k)
        }

        private mutating func atom(_ test: Atom.Test, _ destination: Int32, _ a: Int32, _ b: Int32 = 0, op: BinaryOperator = .equal) {
            let truth = allocate()
            truths[destination] = truth
            atoms.append(Atom(test: test, op: op, a: a, b: b, destination: truth))
        }

        typealias Result = (
            constants: [(truth: Int32, value: Truth)], atoms: [Atom], gates: [Gate], operands: [Int32], truthCount: Int,
            rules: [(when: Int32, unless: Int32?)]
        )

        mutating func compile() -> Result? {
            for instruction in program.code {
                guard compile(instruction) else { return nil }
            }
            var rules: [(when: Int32, unless: Int32?)] = []
            for rule in program.rules {
                guard let when = truth(rule.when) else { return nil }
                var unless: Int32?
                if let register = rule.unless {
                    guard let truth = truth(register) else { return nil }
                    unless = truth
                }
                rules.append((when, unless))
            }
            return (constants, atoms, gates, operands, Int(truthCount), rules)
        }

        private mutating func compile(_ instruction: Program.Instruction) -> Bool {
            let (a, b, k, destination) = (instruction.a, instruction.b, instruction.k, instruction.destination)
            // The operand list of an n-ary instruction (the compiler allocated `a ..< a + b`).
            var list: ArraySlice<Int32> {
                let start = min(max(Int(a), 0), program.operands.count)
                return program.operands[start ..< min(start + max(Int(b), 0), program.operands.count)]
            }
            switch instruction.operation {
            case .and, .or:
                guard let range = truths(list) else { return false }
                gate(instruction.operation == .and ? .and : .or, defining: destination, range.lowerBound, Int32(range.count))
            case .and2, .or2:
                guard let first = truth(a), let second = truth(b) else { return false }
                let range = append([first, second])
                gate(instruction.operation == .and2 ? .and : .or, defining: destination, range.lowerBound, 2)
            case .not:
                guard let part = truth(a) else { return false }
                gate(.not, defining: destination, part)
            case .atLeast:
                guard let range = truths(list) else { return false }
                gate(.atLeast, defining: destination, range.lowerBound, Int32(range.count), k: k)
            case .countTrue:
                guard let range = truths(list) else { return false }
                counted[destination] = Array(operands[Int(range.lowerBound) ..< Int(range.upperBound)])
            case .known:
                if isValue(a) {
                    atom(k == 1 ? .known : .unknown, destination, a)
                } else if counted[a] == nil, let part = truths[a] {
                    gate(.known, defining: destination, part, k: k)
                } else {
                    return false
                }
            case .allKnown:
                guard list.allSatisfy(isValue) else { return false }
                var parts: [Int32] = []
                for register in list {
                    let truth = allocate()
                    atoms.append(Atom(test: .known, a: register, destination: truth))
                    parts.append(truth)
                }
                // `allKnown` of no grades at all is true, as `and` of nothing is.
                let range = append(parts)
                gate(.and, defining: destination, range.lowerBound, Int32(range.count))
            case .less, .lessOrEqual, .greater, .greaterOrEqual, .equal, .notEqual:
                return compare(instruction)
            case .guardedCompare:
                guard isValue(a), isValue(b) else { return false }
                atom(.guarded, destination, a, b, op: Program.op(k))
            case .arithmetic, .dayProduct, .dateShift, .dateDifference, .maximum, .minimum:
                return false
            }
            return true
        }

        private static let operators: [Program.Instruction.Operation: BinaryOperator] = [
            .less: .less, .lessOrEqual: .lessOrEqual, .greater: .greater, .greaterOrEqual: .greaterOrEqual,
            .equal: .equal, .notEqual: .notEqual,
        ]

        private mutating func compare(_ instruction: Program.Instruction) -> Bool {
            let (a, b, destination) = (instruction.a, instruction.b, instruction.destination)
            guard let op = Self.operators[instruction.operation] else { return false }
            if counted[a] != nil || counted[b] != nil {
                return threshold(instruction)
            }
            // Two of the case's values (or constants): compared as the register program compares them.
            if isValue(a), isValue(b) {
                atom(.compare, destination, a, b, op: op)
                return true
            }
            // Two truths compared (the kinds allow only `==` and `!=` there).
            guard op == .equal || op == .notEqual, let first = truth(a), let second = truth(b) else { return false }
            if op == .equal {
                gate(.same, defining: destination, first, second)
            } else {
                gate(.not, defining: destination, gate(.same, first, second))
            }
            return true
        }

        /// `count(… where …) <op> k` (or `k <op> count(…)`) for a constant whole `k`, as "at least"
        /// gates: `>= k` is at least `k`, `> k` at least `k + 1`, `< k` not at least `k`, and so on.
        private mutating func threshold(_ instruction: Program.Instruction) -> Bool {
            guard var op = Self.operators[instruction.operation] else { return false }
            var (countRegister, constant) = (instruction.a, instruction.b)
            if counted[countRegister] == nil {
                (countRegister, constant) = (constant, countRegister)
                op = op.mirrored
            }
            guard let parts = counted[countRegister], Int(constant) < program.constantCount else { return false }
            let value = program.template[Int(constant)]
            guard value.isKnown, let whole = Int(exactly: value.lower.rounded(.down)), abs(whole) < 1 << 20 else { return false }
            // The least whole count that is `>= k`, and the least that is `> k`.
            let atLeastK = Double(whole) == value.lower ? whole : whole + 1
            let aboveK = whole + 1
            func atLeast(_ k: Int) -> Int32 {
                let range = append(parts)
                return gate(.atLeast, range.lowerBound, Int32(range.count), k: Int32(k))
            }
            let destination = instruction.destination
            switch op {
            case .greaterOrEqual: truths[destination] = atLeast(atLeastK)
            case .greater: truths[destination] = atLeast(aboveK)
            case .less: gate(.not, defining: destination, atLeast(atLeastK))
            case .lessOrEqual: gate(.not, defining: destination, atLeast(aboveK))
            case .equal, .notEqual:
                // At least k and not above it: never true for a k that is not whole, and false
                // once the count is known to be on either side.
                let both = append([atLeast(atLeastK), gate(.not, atLeast(aboveK))])
                if op == .equal {
                    gate(.and, defining: destination, both.lowerBound, 2)
                } else {
                    gate(.not, defining: destination, gate(.and, both.lowerBound, 2))
                }
            default: return false
            }
            return true
        }
    }
}
