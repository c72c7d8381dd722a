/// A document's definitions and facts by name, built once for the analyses that look them up
/// (``ConditionAlgebra``, ``Polarity``).
struct DocumentIndex: Sendable {
    /// Each definition's condition, by name.
    let definitions: [String: Condition]
    /// Each board fact's declaration, by name.
    let facts: [String: FactDeclaration]

    init(_ document: ThresholdDocument) {
        var definitions: [String: Condition] = [:]
        for definition in document.definitions { definitions[definition.name.value] = definition.condition }
        self.definitions = definitions
        var facts: [String: FactDeclaration] = [:]
        for fact in document.facts { facts[fact.name.value] = fact }
        self.facts = facts
    }
}
