/// Compiles a ``CompiledDocument`` (names already resolved) into a ``Program``.
///
/// Every expression gets a static ``Kind``. The kinds decide which instruction an operator
/// becomes, so that the program computes exactly what the explaining evaluator computes: `a <
/// b` on two numbers is an interval comparison, on two strings it is unknown (strings are only
/// equal or not), on a level and a string it is unknown (they cannot be compared). Identical
/// instructions are emitted once (hash-consing), so shared sub-expressions are computed once per
/// case. What the fast path does not handle itself (histories, `known(since(…))`, a `where`
/// filter that needs them) becomes a fallback instruction that asks the explaining evaluator for
/// that one expression's value.
struct ProgramCompiler {
    /// The static type of a register.
    enum Kind: Sendable, Equatable {
        /// A truth: false [0, 0], true [1, 1], unknown [0, 1].
        case truth
        /// A number or a range of numbers.
        case number
        /// A day count (a duration, an age, time since), or a range of them.
        case days
        /// A date, as its day number.
        case date
        /// A level, as its rank.
        case level
        /// A string, as its interned id.
        case string
        /// A list, or a value nothing can be done with (always unknown).
        case other
    }

    private struct Operand {
        let register: Int32
        let kind: Kind
    }

    private let document: CompiledDocument
    private(set) var program: Program
    private var constants: [Interval: Int32] = [:]
    private var slots: [Program.Slot: Int32] = [:]
    private var emitted: [[Int32]: Int32] = [:]
    /// The instruction that computes each register it emitted.
    private var definedBy: [Int32: Program.Instruction] = [:]
    private var definitions: [Int: Int32] = [:]
    /// The grade register of the domain a `where` filter is being compiled for.
    private var filterGrade: Int32?
    /// The expressions of the condition being compiled, depth first, with their registers.
    private var leaves: [(register: Int32, expression: CompiledExpression)] = []

    /// Thrown inside a `where` filter for what only the explaining evaluator can evaluate there:
    /// the whole filtered call then falls back.
    private struct NeedsFallback: Error {}

    static func compile(_ document: CompiledDocument) -> Program {
        var compiler = ProgramCompiler(document: document)
        for rule in document.rules {
            compiler.leaves = []
            let when = compiler.condition(rule.when)
            compiler.program.leaves += compiler.leaves
            compiler.program.leafStarts.append(compiler.program.leaves.count)
            let unless = rule.unless.map { compiler.condition($0) }
            compiler.program.rules.append((when, unless))
        }
        return compiler.finished()
    }

    /// The program with its registers renumbered into three blocks, constants then slots then
    /// instruction results in execution order, so that a run copies the constants in one block,
    /// binds the slots into the next, and computes the rest.
    private func finished() -> Program {
        var program = self.program
        // Keep only what a rule reads: a guarded comparison leaves its parts unread, and a slot
        // nothing reads need not be bound.
        var live = Set(program.rules.flatMap { [$0.when] + ($0.unless.map { [$0] } ?? []) })
        var kept: [Program.Instruction] = []
        for instruction in program.code.reversed() where live.contains(instruction.destination) {
            kept.append(instruction)
            switch instruction.operation {
            case .not, .known: live.insert(instruction.a)
            case .and2, .or2, .guardedCompare, .less, .lessOrEqual, .greater, .greaterOrEqual, .equal, .notEqual, .arithmetic,
                 .dayProduct, .dateShift, .dateDifference:
                live.insert(instruction.a)
                live.insert(instruction.b)
            case .and, .or, .atLeast, .countTrue, .maximum, .minimum, .allKnown:
                live.formUnion(program.operands[Int(instruction.a) ..< Int(instruction.a + instruction.b)])
            }
        }
        program.code = kept.reversed()
        program.slots = program.slots.filter { live.contains($0.register) }
        program.registerCount = constants.count + program.slots.count + program.code.count
        var renumbered = [Int32](repeating: -1, count: self.program.registerCount)
        var next: Int32 = 0
        func place(_ register: Int32) {
            renumbered[Int(register)] = next
            next += 1
        }
        let constants = self.constants.sorted { $0.value < $1.value }
        program.template = constants.map(\.key)
        for (_, register) in constants { place(register) }
        for (_, register) in program.slots { place(register) }
        for instruction in program.code { place(instruction.destination) }
        func map(_ register: Int32) -> Int32 { renumbered[Int(register)] }
        program.slots = program.slots.map { ($0.slot, map($0.register)) }
        program.code = program.code.map { instruction in
            var instruction = instruction
            instruction.destination = map(instruction.destination)
            switch instruction.operation {
            case .not, .known: instruction.a = map(instruction.a)
            case .and2, .or2, .guardedCompare, .less, .lessOrEqual, .greater, .greaterOrEqual, .equal, .notEqual, .arithmetic, .dayProduct, .dateShift, .dateDifference:
                instruction.a = map(instruction.a)
                instruction.b = map(instruction.b)
            case .and, .or, .atLeast, .countTrue, .maximum, .minimum, .allKnown: break  // operands below
            }
            return instruction
        }
        program.operands = program.operands.map(map)
        program.rules = program.rules.map { (map($0.when), $0.unless.map(map)) }
        // A leaf whose register no rule reads (the parts of a guarded comparison) is not computed.
        program.leaves = program.leaves.map { (live.contains($0.register) ? map($0.register) : -1, $0.expression) }
        // A call's register that nothing reads was dropped: its call is computed when explained.
        program.calls = program.calls.map { $0 >= 0 && live.contains($0) ? map($0) : -1 }
        program.constantCount = constants.count
        return program
    }

    private init(document: CompiledDocument) {
        self.document = document
        program = Program(document: document)
    }

    // MARK: Registers

    private mutating func allocate() -> Int32 {
        defer { program.registerCount += 1 }
        return Int32(program.registerCount)
    }

    private mutating func constant(_ value: Interval) -> Int32 {
        if let register = constants[value] { return register }
        let register = allocate()
        constants[value] = register
        return register
    }

    private mutating func slot(_ slot: Program.Slot) -> Int32 {
        if let register = slots[slot] { return register }
        let register = allocate()
        program.slots.append((slot, register))
        slots[slot] = register
        return register
    }

    private mutating func emit(_ operation: Program.Instruction.Operation, _ a: Int32 = 0, _ b: Int32 = 0, k: Int32 = 0) -> Int32 {
        let key = [Int32(operation.rawValue), a, b, k]
        if let register = emitted[key] { return register }
        let register = allocate()
        let instruction = Program.Instruction(operation: operation, destination: register, a: a, b: b, k: k)
        program.code.append(instruction)
        definedBy[register] = instruction
        emitted[key] = register
        return register
    }

    /// An n-ary instruction over a list of registers, emitted once per distinct list; `and` and
    /// `or` of two registers take them directly.
    private mutating func emit(_ operation: Program.Instruction.Operation, list: [Int32], k: Int32 = 0) -> Int32 {
        if list.count == 2, operation == .and || operation == .or {
            if operation == .and, let guarded = guardedCompare(list[0], list[1]) { return guarded }
            let (a, b) = (min(list[0], list[1]), max(list[0], list[1]))  // commutative: one instruction either way
            return emit(operation == .and ? .and2 : .or2, a, b)
        }
        let key = [Int32(operation.rawValue), k, -1] + list
        if let register = emitted[key] { return register }
        let start = Int32(program.operands.count)
        program.operands += list
        let register = allocate()
        program.code.append(.init(operation: operation, destination: register, a: start, b: Int32(list.count), k: k))
        emitted[key] = register
        return register
    }

    /// `known(x) and x <op> y` as one ``Program/Instruction/Operation/guardedCompare``.
    private mutating func guardedCompare(_ first: Int32, _ second: Int32) -> Int32? {
        guard let known = definedBy[first], known.operation == .known, known.k == 1,
              let comparison = definedBy[second], comparison.a == known.a,
              let op = Self.comparisons[comparison.operation]
        else { return nil }
        return emit(.guardedCompare, comparison.a, comparison.b, k: Program.code(of: op))
    }

    private static let comparisons: [Program.Instruction.Operation: BinaryOperator] = [
        .less: .less, .lessOrEqual: .lessOrEqual, .greater: .greater, .greaterOrEqual: .greaterOrEqual,
        .equal: .equal, .notEqual: .notEqual,
    ]

    private mutating func unknownTruth() -> Operand { Operand(register: constant(.unknownTruth), kind: .truth) }

    /// The register of an operand as a truth: a non-truth is unknown, as the explaining
    /// evaluator's `Truth(value.truth)` makes it.
    private mutating func truth(_ operand: Operand) -> Int32 {
        operand.kind == .truth ? operand.register : unknownTruth().register
    }

    // MARK: Conditions

    private mutating func condition(_ condition: CompiledCondition) -> Int32 {
        switch condition {
        case .expression(let expression):
            let register = truth(topLevel(expression))
            leaves.append((register, expression))
            return register
        case .all(let parts): return emit(.and, list: parts.map { self.condition($0) })
        case .any(let parts): return emit(.or, list: parts.map { self.condition($0) })
        case .not(let part): return emit(.not, self.condition(part))
        case .atLeast(let count, let parts): return emit(.atLeast, list: parts.map { self.condition($0) }, k: Int32(clamping: count))
        }
    }

    /// An expression outside any filter: what the fast path cannot do is a fallback.
    private mutating func topLevel(_ expression: CompiledExpression) -> Operand {
        let saved = filterGrade
        filterGrade = nil
        defer { filterGrade = saved }
        do {
            return try compile(expression)
        } catch {
            return fallback(expression)
        }
    }

    /// A slot the binder fills by asking the explaining evaluator for the expression's value.
    private mutating func fallback(_ expression: CompiledExpression) -> Operand {
        let kind = Self.kind(ofFallback: expression.node)
        program.fallbacks.append((expression, kind))
        return Operand(register: slot(.fallback(program.fallbacks.count - 1)), kind: kind)
    }

    /// Inside a filter, defer to the enclosing call; outside, fall back for this expression.
    private mutating func unsupported(_ expression: CompiledExpression) throws -> Operand {
        if filterGrade != nil { throw NeedsFallback() }
        return fallback(expression)
    }

    // MARK: Expressions

    private mutating func compile(_ expression: CompiledExpression) throws -> Operand {
        switch expression.node {
        case .constant(let value): return constant(value)
        case .duration(let duration): return Operand(register: slot(.duration(duration)), kind: .days)
        case .invalid: return Operand(register: constant(.unknown), kind: .other)
        case .grade:
            guard let filterGrade else { return Operand(register: constant(.unknown), kind: .number) }
            return Operand(register: filterGrade, kind: .number)
        case .standard(let fact): return Operand(register: slot(.standard(fact)), kind: Self.kind(of: fact))
        case .domainGrade(let domain, _):
            guard let index = Vocabulary.domains.firstIndex(of: domain) else { return Operand(register: constant(.unknown), kind: .number) }
            return Operand(register: slot(.grade(index)), kind: .number)
        case .board(let name, let declaration): return Operand(register: slot(.board(name, declaration)), kind: Self.kind(of: declaration.type))
        case .definition(let index): return Operand(register: definition(index), kind: .truth)
        case .list: return try unsupported(expression)
        case .not(let inner): return Operand(register: emit(.not, truth(try compile(inner))), kind: .truth)
        case .logical(let op, let parts):
            var registers: [Int32] = []
            for part in parts { registers.append(truth(try compile(part))) }
            return Operand(register: emit(op == .and ? .and : .or, list: registers), kind: .truth)
        case .compare(let op, let left, let right):
            return compare(try compile(left), op, try compile(right))
        case .arithmetic(let first, let rest):
            var value = try compile(first)
            for (op, operand) in rest { value = arithmetic(value, op, try compile(operand)) }
            return value
        case .membership(let value, let items, let negated):
            let left = try compile(value)
            var found: [Int32] = []
            for item in items { found.append(compare(left, .equal, try compile(item)).register) }
            let any = emit(.or, list: found)
            return Operand(register: negated ? emit(.not, any) : any, kind: .truth)
        case .known(let inner, let wanted):
            return try known(inner, wanted: wanted, expression)
        case .count(let query, let window):
            guard let window else { return call(expression, Operand(register: slot(.count(query, window: nil)), kind: .number)) }
            guard case .duration(let duration) = window.node else { return try unsupported(expression) }
            return call(expression, Operand(register: slot(.count(query, window: duration)), kind: .number))
        case .since(let query, _):
            return Operand(register: slot(.since(query)), kind: .days)
        case .domains(let function, let set, let filter):
            return call(expression, try domains(function, set, filter: filter, expression))
        case .history, .rank, .table, .eventsSince, .change, .lastVisits:
            return try unsupported(expression)
        }
    }

    /// Notes the register of a call that has a memo slot, for explaining to read: a count of a
    /// record's events, or a count, `any` or `all` over domains. (Not a count of impacts, whose
    /// explanation shows each observation; not `max`/`min`.)
    private mutating func call(_ expression: CompiledExpression, _ operand: Operand) -> Operand {
        switch expression.node {
        case .count(.impacts, _): return operand
        case .count, .domains(function: "count", _, _), .domains(function: "any", _, _), .domains(function: "all", _, _): break
        default: return operand
        }
        guard expression.memo >= 0 else { return operand }
        if expression.memo >= program.calls.count {
            program.calls += repeatElement(-1, count: expression.memo + 1 - program.calls.count)
        }
        program.calls[expression.memo] = operand.register
        return operand
    }

    private mutating func constant(_ value: Value) -> Operand {
        switch value {
        case .boolean(let flag): Operand(register: constant(flag ? .true : .false), kind: .truth)
        case .number(let number): Operand(register: constant(Interval(number)), kind: .number)
        case .range(let lower, let upper): Operand(register: constant(Interval(lower: lower, upper: upper)), kind: .number)
        case .days(let days): Operand(register: constant(Interval(Double(days))), kind: .days)
        case .level(let level): Operand(register: constant(Interval(Double(level.rank))), kind: .level)
        case .date(let date): Operand(register: constant(Interval(Double(date.dayNumber))), kind: .date)
        case .string(let text): Operand(register: constant(Interval(Double(intern(text)))), kind: .string)
        case .unknown, .list: Operand(register: constant(.unknown), kind: .other)
        case .undefined: Operand(register: constant(.undefined), kind: .number)
        }
    }

    private mutating func intern(_ text: String) -> Int {
        if let id = program.strings[text] { return id }
        let id = program.strings.count
        program.strings[text] = id
        return id
    }

    private mutating func definition(_ index: Int) -> Int32 {
        if let register = definitions[index] { return register }
        guard document.definitions.indices.contains(index) else { return unknownTruth().register }
        let saved = filterGrade
        filterGrade = nil
        defer { filterGrade = saved }
        // The checker rejects cycles; should one reach here, its inner reference is unknown, as
        // the explaining evaluator makes it.
        definitions[index] = unknownTruth().register
        // A definition's expressions are its own, not those of the rule that reads it.
        let outer = leaves
        let register = condition(document.definitions[index].condition)
        leaves = outer
        definitions[index] = register
        return register
    }

    /// `left op right` as the explaining evaluator compares the values these kinds hold.
    private mutating func compare(_ left: Operand, _ op: BinaryOperator, _ right: Operand) -> Operand {
        let numeric: Set<Kind> = [.number, .days]
        let comparable: Bool
        switch (left.kind, right.kind) {
        case _ where numeric.contains(left.kind) && numeric.contains(right.kind): comparable = true
        case (.level, .level), (.date, .date): comparable = true
        case (.string, .string), (.truth, .truth): comparable = op == .equal || op == .notEqual
        default: comparable = false
        }
        guard comparable, op.isComparison else { return unknownTruth() }
        let operation: Program.Instruction.Operation
        switch op {
        case .less: operation = .less
        case .lessOrEqual: operation = .lessOrEqual
        case .greater: operation = .greater
        case .greaterOrEqual: operation = .greaterOrEqual
        case .equal: operation = .equal
        default: operation = .notEqual
        }
        return Operand(register: emit(operation, left.register, right.register), kind: .truth)
    }

    /// `left op right` as the explaining evaluator's arithmetic computes it for these kinds.
    private mutating func arithmetic(_ left: Operand, _ op: BinaryOperator, _ right: Operand) -> Operand {
        let k = Program.code(of: op)
        let additive = op == .add || op == .subtract
        switch (left.kind, right.kind) {
        case (.date, .days) where additive:
            return Operand(register: emit(.dateShift, left.register, right.register, k: k), kind: .date)
        case (.date, .date) where op == .subtract:
            return Operand(register: emit(.dateDifference, left.register, right.register), kind: .days)
        case (.days, .days):
            if additive { return Operand(register: emit(.arithmetic, left.register, right.register, k: k), kind: .days) }
            return Operand(register: emit(.dayProduct, left.register, right.register, k: k), kind: .number)
        case (.number, .number), (.number, .days), (.days, .number):
            return Operand(register: emit(.arithmetic, left.register, right.register, k: k), kind: .number)
        default:
            return Operand(register: constant(.unknown), kind: .other)
        }
    }

    private mutating func known(_ inner: CompiledExpression, wanted: Bool, _ expression: CompiledExpression) throws -> Operand {
        switch inner.node {
        case .domains(let function, let set, _) where function == "max" || function == "min":
            // `max` of grades is an exact number only when every grade is known.
            let all = emit(.allKnown, list: gradeSlots(set))
            return Operand(register: wanted ? all : emit(.not, all), kind: .truth)
        case .since, .history, .list:
            // Their unknown results can be single points (a range 0…0), so ask the evaluator.
            return try unsupported(expression)
        default:
            let value = try compile(inner)
            return Operand(register: emit(.known, value.register, k: wanted ? 1 : 0), kind: .truth)
        }
    }

    private mutating func gradeSlots(_ set: [Int]) -> [Int32] {
        set.map { slot(.grade($0)) }
    }

    private mutating func domains(
        _ function: String, _ set: [Int], filter: CompiledExpression?, _ expression: CompiledExpression
    ) throws -> Operand {
        if function == "max" || function == "min" {
            return Operand(register: emit(function == "max" ? .maximum : .minimum, list: gradeSlots(set)), kind: .number)
        }
        guard let filter else {
            return function == "count" ? Operand(register: constant(.unknown), kind: .other) : unknownTruth()
        }
        let saved = filterGrade
        defer { filterGrade = saved }
        var truths: [Int32] = []
        do {
            for grade in gradeSlots(set) {
                filterGrade = grade
                truths.append(truth(try compile(filter)))
            }
        } catch {
            filterGrade = saved
            return try unsupported(expression)
        }
        switch function {
        case "any": return Operand(register: emit(.or, list: truths), kind: .truth)
        case "all": return Operand(register: emit(.and, list: truths), kind: .truth)
        default: return Operand(register: emit(.countTrue, list: truths), kind: .number)
        }
    }

    // MARK: Kinds

    /// What a standard fact holds, from its type in the vocabulary (one table for both).
    static func kind(of fact: StandardFact) -> Kind {
        standardKinds[fact] ?? .other
    }

    private static let standardKinds: [StandardFact: Kind] = Dictionary(uniqueKeysWithValues: StandardFact.allCases.map { fact in
        let kind: Kind = switch Vocabulary.factsByName[fact.rawValue]?.type {
        case .boolean?: .truth
        case .integer?, .number?, .grade?: .number
        case .level?: .level
        case .date?: .date
        case .duration?: .days
        case .string?, .enumeration?, .scale?: .string
        default: .other
        }
        return (fact, kind)
    })

    static func kind(of type: FactType) -> Kind {
        switch type {
        case .boolean: .truth
        case .integer, .number, .grade: .number
        case .level: .level
        case .date: .date
        case .duration: .days
        case .string, .enumeration, .scale: .string
        }
    }

    /// What a fallback expression returns.
    static func kind(ofFallback node: CompiledExpression.Node) -> Kind {
        switch node {
        case .known, .not, .logical, .compare, .membership, .definition: .truth
        case .history(let function, _, _, _): function == "streak" ? .number : .truth
        case .domains(let function, _, _): function == "any" || function == "all" ? .truth : .number
        case .count, .rank, .lastVisits: .number
        case .eventsSince(let function, _, _, _): function == "count" ? .number : .date
        case .change(let function, _): function == "previous" ? .number : .truth
        case .since: .days
        case .table(let table, _):
            switch table.output {
            case .boolean: .truth
            case .duration: .days
            case .integer, .number, .grade: .number
            }
        default: .other
        }
    }
}
