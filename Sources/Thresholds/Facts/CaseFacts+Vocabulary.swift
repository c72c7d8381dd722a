/// The parts of the standard vocabulary that real threshold documents talk about beyond the
/// neglect domains: the home, health (dental care, immunisations, growth, antenatal care),
/// exclusions, childcare, and the carers' earlier children. See `docs/CASE-FACTS.md`.
extension CaseFacts {
    /// The home: housing, heating, and who looks after the child when the parents are out.
    public struct Household: Sendable, Equatable, Codable {
        /// The family's housing: `secure`, `temporary`, `insecure` or `homeless`.
        public var housing: String?
        /// Whether the home is heated: `adequate`, `inadequate` or `none`.
        public var heating: String?
        /// Who cares for the child when the parents are absent: `parent_or_partner`, `family`,
        /// `registered_childcare`, `friend_or_neighbour`, `older_sibling`, `child_under_16` or `no_one`.
        public var childcareWhenParentsAbsent: String?

        /// The values each field takes, as case files write them.
        public static let housingValues = ["secure", "temporary", "insecure", "homeless"]
        /// The values of ``heating``.
        public static let heatingValues = ["adequate", "inadequate", "none"]
        /// The values of ``childcareWhenParentsAbsent``.
        public static let childcareValues = ["parent_or_partner", "family", "registered_childcare", "friend_or_neighbour",
                                             "older_sibling", "child_under_16", "no_one"]

        /// Creates a household record.
        public init(housing: String? = nil, heating: String? = nil, childcareWhenParentsAbsent: String? = nil) {
            self.housing = housing
            self.heating = heating
            self.childcareWhenParentsAbsent = childcareWhenParentsAbsent
        }

        enum CodingKeys: String, CodingKey {
            case housing, heating, childcareWhenParentsAbsent = "childcare_when_parents_absent"
        }
    }

    /// Health: dental care, immunisations, growth and antenatal care.
    public struct Health: Sendable, Equatable, Codable {
        /// Whether the child is registered with a dentist.
        public var dentistRegistered: Bool?
        /// Whether the child has untreated dental decay.
        public var untreatedDentalDecay: Bool?
        /// How many of the routine schedule's immunisation appointments the child has had (the GP
        /// record); compared with what is due for the child's age, by the board's own table.
        public var immunisationSetsReceived: Int?
        /// Whether the GP record says the child's immunisations are up to date for their age.
        public var immunisationsUpToDate: Bool?
        /// Dated growth measurements, as centiles.
        public var growth: [GrowthMeasurement]?
        /// Antenatal appointments offered to the mother of an unborn child, and whether each was attended.
        public var antenatal: [Appointment]?

        /// Creates a health record.
        public init(dentistRegistered: Bool? = nil, untreatedDentalDecay: Bool? = nil, immunisationSetsReceived: Int? = nil,
                    immunisationsUpToDate: Bool? = nil, growth: [GrowthMeasurement]? = nil, antenatal: [Appointment]? = nil) {
            self.dentistRegistered = dentistRegistered
            self.untreatedDentalDecay = untreatedDentalDecay
            self.immunisationSetsReceived = immunisationSetsReceived
            self.immunisationsUpToDate = immunisationsUpToDate
            self.growth = growth
            self.antenatal = antenatal
        }

        enum CodingKeys: String, CodingKey {
            case dentistRegistered = "dentist_registered", untreatedDentalDecay = "untreated_dental_decay"
            case immunisationSetsReceived = "immunisation_sets_received", immunisationsUpToDate = "immunisations_up_to_date"
            case growth, antenatal
        }
    }

    /// A dated measurement of the child's growth, as centiles (0–100) on the growth chart.
    public struct GrowthMeasurement: Sendable, Equatable, Codable {
        /// When it was measured.
        public var date: LocalDate
        /// The weight centile, when weighed.
        public var weightCentile: Double?
        /// The height (length) centile, when measured.
        public var heightCentile: Double?

        /// Creates a measurement.
        public init(date: LocalDate, weightCentile: Double? = nil, heightCentile: Double? = nil) {
            self.date = date
            self.weightCentile = weightCentile
            self.heightCentile = heightCentile
        }

        enum CodingKeys: String, CodingKey {
            case date, weightCentile = "weight_centile", heightCentile = "height_centile"
        }
    }

    /// An appointment offered, and whether it was attended.
    public struct Appointment: Sendable, Equatable, Codable {
        /// When.
        public var date: LocalDate
        /// Whether it was attended.
        public var attended: Bool

        /// Creates an appointment.
        public init(date: LocalDate, attended: Bool) {
            self.date = date
            self.attended = attended
        }
    }

    /// An exclusion from school.
    public struct Exclusion: Sendable, Equatable, Codable {
        /// A fixed-term (suspension) or permanent exclusion.
        public enum Kind: String, Sendable, Equatable, Codable, CaseIterable {
            /// A fixed-term exclusion (a suspension).
            case fixedTerm = "fixed_term"
            /// A permanent exclusion.
            case permanent
        }

        /// When it began.
        public var date: LocalDate
        /// Which kind.
        public var kind: Kind

        /// Creates an exclusion.
        public init(date: LocalDate, kind: Kind) {
            self.date = date
            self.kind = kind
        }
    }

    /// One of the carers' other children, and what became of their care.
    public struct PreviousChild: Sendable, Equatable, Codable {
        /// What became of the child's care.
        public enum Outcome: String, Sendable, Equatable, Codable, CaseIterable {
            /// The child was on a child protection plan.
            case onPlan = "on_plan"
            /// The child was removed from the carers (care proceedings, adoption).
            case removed
            /// The child lives elsewhere under an order (special guardianship, child arrangements).
            case livingElsewhereUnderOrder = "living_elsewhere_under_order"
        }

        /// What became of the child's care.
        public var outcome: Outcome
        /// When: the plan's start, the removal, the order.
        public var date: LocalDate?

        /// Creates a record of an earlier child.
        public init(outcome: Outcome, date: LocalDate? = nil) {
            self.outcome = outcome
            self.date = date
        }
    }

    /// A dated, attributed observation that a concern in a domain is affecting the child: what
    /// the board's "impacting on" needs beyond two facts that happen to co-occur.
    public struct Impact: Sendable, Equatable, Codable {
        /// When it was observed.
        public var date: LocalDate
        /// The neglect domain the concern is in (`home_conditions`).
        public var domain: String
        /// What it affects: `health`, `development`, `safety`, `emotional_wellbeing` or `education`.
        public var on: String
        /// What was seen (`recurrent chest infections from a damp bedroom`).
        public var what: String?
        /// Who saw it (a name, role or agency).
        public var seenBy: String?

        /// What an impact may be on.
        public static let areas = ["health", "development", "safety", "emotional_wellbeing", "education"]

        /// Creates an observation.
        public init(date: LocalDate, domain: String, on: String, what: String? = nil, seenBy: String? = nil) {
            self.date = date
            self.domain = domain
            self.on = on
            self.what = what
            self.seenBy = seenBy
        }

        enum CodingKeys: String, CodingKey {
            case date, domain, on, what, seenBy = "seen_by"
        }
    }
}
