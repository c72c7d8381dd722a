// Generated from Rules/northshire-neglect.yaml: the bundled example board, inside the binary,
// so that an installed `thresholds` works from any folder. Do not edit: a test fails when it
// differs from the file, and `RECORD_SNAPSHOTS=1 swift test --filter BundledBoard` rewrites it.

extension BundledBoard {
    /// The text of `Rules/northshire-neglect.yaml`.
    static let embedded = #"""
# Northshire Safeguarding Children Partnership — Continuum of Need: Neglect.
#
# AN EXAMPLE, NOT POLICY. Northshire is fictional. This document shows how a board can encode
# its neglect thresholds in the Thresholds DSL v1 (docs/DSL.md). Its numbers are the reference
# defaults collected from published English threshold documents and statutory guidance; they are
# not any real board's policy, and no real case should be decided by them.
thresholds: 1
board: Northshire Safeguarding Children Partnership (example)
title: Continuum of Need — Neglect
version: "2026.2"
effective: 2026-04-01
source:
  title: Northshire Continuum of Need, neglect section (example document)
  url: https://example.org/northshire/continuum-of-need
notice: >-
  Example board for demonstration only: not the policy of any real safeguarding partnership.

levels:
  universal:
    label: Level 1 — Universal
    band: Level 1
    guidance: Needs are met by universal services (school, health visitor, GP). Signpost and keep a record.
  early_help:
    label: Level 2 — Early Help
    band: Level 2
    guidance: With the family's consent, start an early help assessment and name a lead practitioner.
  child_in_need:
    label: Level 3 — Child in Need (s17)
    band: Level 3
    guidance: Refer to the front door; a decision within one working day; assessment within 45 working days.
  child_protection:
    label: Level 4 — Child Protection (s47)
    band: Level 4
    guidance: Strategy discussion now; section 47 enquiry; initial conference within 15 working days.
    actions: [strategy_discussion]
  pre_proceedings:
    label: Level 4 — Pre-proceedings (PLO)
    band: Level 4
    guidance: Refer to the legal gateway meeting; letter before proceedings if the threshold is met.

facts:
  # 'concerning:' says which value is the concern, so that 'thresholds verify' can hold the
  # document to monotonicity: a worse answer never lowers the level.
  young_carer: { type: boolean, concerning: true }
  housing:
    type: enum
    values: [secure, temporary, none]
    description: The family's housing situation.
  gcp2_completed:
    type: date
    description: When the latest Graded Care Profile 2 was completed.
  good_enough_care:
    type: boolean
    question: Can the parents provide good-enough care now, with the support offered?
    concerning: false
    help: Judge the care the child actually receives, against the child's own needs, not the parents' intentions.
  impairment:
    type: boolean
    question: Is the child's health or development being impaired by the care they receive?
    concerning: true
    help: Look for faltering growth, developmental delay, untreated conditions or emotional harm.
  family_closing_down:
    type: boolean
    question: Is the family closing down (avoiding professionals, cancelling, not answering)?
    concerning: true

events:
  family_group_conference: A family group conference was held.

definitions:
  persistent_poor_home_conditions:
    description: Home conditions graded 4 or worse at two assessments in a row.
    when: streak(domain.home_conditions >= 4) >= 2
  accumulating_concerns:
    description: Several lower-level concerns with impact — three or more domains graded 3 or worse, impairing the child.
    when: count(domains where grade >= 3) >= 3 and impairment
  hardship_only:
    description: >-
      The shortfall is hardship outside the parents' control, the parents put the child first, and the
      child's own needs are met: only the home falls short (graded 3 at worst), while the child is fed,
      clean, warmly dressed, kept healthy and safe, and cared for.
    when:
      all:
        - context.poverty
        - context.parent_prioritises_child
        - domain.home_conditions <= 3
        - max(domains[nutrition, hygiene, clothing, health, safety, emotional, developmental]) <= 2
  under_one:
    description: A baby under one, or an unborn child.
    when: child.unborn or child.age < 1 year
  baby:
    description: A born baby under one.
    when: child.unborn == false and child.age < 1 year
  young_child:
    description: A born child under five, too young to be seen daily at school or to ask for help.
    when: child.unborn == false and child.age < 5 years
  known_concern:
    description: A concern is known — a concern or referral in the last 6 months, or an area of care graded 3 or worse.
    when: count(concern in last 6 months) >= 1 or count(referral in last 6 months) >= 1 or max(domains) >= 3
  unseen_young_child:
    description: >-
      No professional of any agency has seen the child for longer than the board's interval: 10 working days
      for a baby under one, 20 working days for a child under five; or the family moved in from another
      authority, the child's records have not arrived and nobody has seen the child since the move.
    when:
      any:
        - baby and since(child_seen) > 10 working days
        - young_child and since(child_seen) > 20 working days
        - young_child and count(moved_in in last 3 months) >= 1 and transfer.records_received == false and since(child_seen) > since(moved_in)
  sustained_verified_change:
    description: >-
      Change sustained and verified: every area that was of concern (ever graded 4 or worse) has been graded
      3 or better at the last two assessments that graded it, there have been two assessments in the last
      6 months, one of them in the last 3, and the social worker has seen the child at an unannounced visit
      in the last 3 months. One good assessment or one good visit is never enough.
    when:
      all:
        - all(domains where streak(grade <= 3) >= 2 or not ever(grade >= 4))
        - count(assessment in last 6 months) >= 2
        - count(assessment in last 3 months) >= 1
        - count(child_seen[social_care, unannounced] in last 3 months) >= 1

rules:
  # Level 2 — early help
  - id: NS-EH-01
    title: Some needs unmet
    level: early_help
    when: any(domains where grade == 3)
    unless: hardship_only
    because: At least one area of care is graded 3 — some essential needs are not being met.
    source: Continuum of Need §3.1
    actions: [early_help_assessment]

  - id: NS-EH-02
    title: Persistent school absence
    level: early_help
    when:
      all:
        - education.absence_rate >= 10 and education.absence_rate < 50
        - not: education.home_educated
    because: Missing 10% or more of possible sessions is persistent absence (so attendance of exactly 90% counts).
    source: Continuum of Need §3.4; Working together to improve school attendance (DfE, 2024), persistent absence
    actions: [early_help_assessment]

  - id: NS-EH-03
    title: Missed routine health contacts
    level: early_help
    when: count(missed_health_appointment in last 12 months) + count(not_brought[health] in last 12 months) >= 2
    because: The child has repeatedly not been brought to routine health appointments.
    source: Continuum of Need §3.2
    actions: [early_help_assessment]

  - id: NS-EH-04
    title: Young carer with unmet needs
    level: early_help
    when: young_carer and known(domain.emotional_care) and domain.emotional_care >= 3
    because: Caring responsibilities are taking a toll on the child's emotional care.
    source: Continuum of Need §3.6

  - id: NS-EH-05
    title: Hardship — practical support at every level
    level: universal
    when: context.poverty
    because: Poverty is a risk factor, not neglect. Practical help is offered whatever the level, and never lowers it.
    source: Continuum of Need §2.3 (poverty)
    actions: [practical_support]

  # Level 3 — child in need
  - id: NS-CIN-01
    title: Most needs unmet in one area
    level: child_in_need
    when: count(domains where grade >= 4) >= 1
    because: An area of care graded 4 means most essential needs there are unmet.
    source: Continuum of Need §4.1
    actions: [refer_to_social_care]

  - id: NS-CIN-02
    title: Persistent poor home conditions
    level: child_in_need
    when: persistent_poor_home_conditions
    unless: hardship_only
    because: Home conditions have stayed poor across repeated assessments.
    source: Continuum of Need §4.2

  - id: NS-CIN-03
    title: An accumulation of lower-level concerns
    level: child_in_need
    when: accumulating_concerns
    unless: hardship_only
    because: Concerns in several areas at once add up to a child in need, even if none alone would.
    source: Continuum of Need §4.3 (cumulative neglect)

  - id: NS-CIN-04
    title: Early help declined or not working
    level: child_in_need
    when:
      all:
        - current_plan == early_help or compliance.early_help_consent in [declined, withdrawn]
        - any(domains where grade >= 3)
        - plan.time_on_current >= 3 months or compliance.early_help_consent not in ["given"]
    # Early help whose change is sustained and verified is working. Without this exception a
    # child on early help would get child in need where the same child on a child in need plan
    # steps down to early help (NS-STEP-04): a worse plan history, a lower level (thresholds verify).
    unless: sustained_verified_change
    because: Declining early help is a reason to escalate, not to close, while needs stay unmet.
    source: Continuum of Need §4.4

  - id: NS-CIN-05
    title: Re-referral within 12 months
    level: child_in_need
    when: referral.rereferral and count(referral in last 12 months) >= 1
    because: A referral within 12 months of the previous one shows the last episode did not bring lasting change.
    source: Continuum of Need §4.5; DfE Children in need census, re-referral (within 12 months of a previous referral)

  - id: NS-CIN-06
    title: Severe absence or an unreviewed part-time timetable
    level: child_in_need
    when:
      any:
        - education.absence_rate >= 50
        - education.part_time_timetable and (education.part_time_review_overdue or not education.part_time_notified)
        - education.home_educated and education.withdrawn_after_concerns
    because: Severe absence (missing 50% or more of sessions), an open-ended part-time timetable or withdrawal after concerns leave the child unseen.
    source: Continuum of Need §4.6; Working together to improve school attendance (DfE, 2024), severe absence; Children missing education (2024)

  - id: NS-CIN-07
    title: Disabled child with unmet needs
    level: child_in_need
    when: child.disabled and max(domains) >= 3
    because: A disabled child is a child in need; neglect must not be explained away by the impairment.
    source: Continuum of Need §4.7; Children Act 1989 s17(10)(c)

  - id: NS-CIN-08
    title: School supplying what home does not
    level: child_in_need
    when: context.compensatory_care and count(domains[physical_care] where grade >= 3) >= 1
    because: Food, clothes or washing supplied by school are evidence of needs unmet at home.
    source: Continuum of Need §4.8 (compensatory care)

  - id: NS-CIN-09
    title: A young child with a concern whom nobody has seen
    level: child_in_need
    when: known_concern and unseen_young_child
    because: >-
      A baby or young child with a concern who has not been seen by any professional cannot be judged safe;
      an unseen child is a trigger in its own right, never a reason to wait.
    source: Continuum of Need §4.9 (children nobody has seen); Working Together to Safeguard Children (2023)
    actions:
      - see_child_within: 24 hours
      - refer_to_social_care

  # Level 4 — child protection
  - id: NS-CP-01
    title: Needs entirely unmet
    level: child_protection
    when: max(domains) == 5
    because: An area graded 5 means essential needs are entirely unmet or care is hostile.
    source: Continuum of Need §5.1
    actions: [strategy_discussion]

  - id: NS-CP-02
    title: Physical care, health or safety graded 4 with impairment
    level: child_protection
    when:
      all:
        - count(domains[physical_care, safety_supervision] where grade >= 4) >= 1
        - impairment
    because: Serious unmet need with impairment of health or development is significant harm.
    source: Continuum of Need §5.2

  - id: NS-CP-03
    title: A baby with a 4 in physical care or safety
    level: child_protection
    when: under_one and count(domains[physical_care, safety] where grade >= 4) >= 1
    because: Babies are wholly dependent; a 4 in physical care or safety is not safe to wait on.
    source: Continuum of Need §5.3 (babies and the unborn)
    actions:
      - strategy_discussion
      - see_child_within: 24 hours

  - id: NS-CP-04
    title: Access to the child refused, or a child on a plan unseen
    level: child_protection
    when:
      at_least: 1
      of:
        - count(access_refused in last 90 days) >= 2 and current_plan >= child_in_need
        - current_plan >= child_protection and since(child_seen[social_care]) > 10 working days
        - current_plan == child_in_need and since(child_seen[social_care]) > 20 working days
        - family_closing_down and count(no_access in last 90 days) >= 3
        - under_one and count(access_refused in last 7 days) >= 1 and since(child_seen) > 72 hours
    because: >-
      Refused access and an unseen child are triggers in their own right. The social worker sees a child on a
      child protection plan at least every 10 working days, and a child in need at least every 20.
    source: Continuum of Need §5.4 (no access; statutory visits)
    actions:
      - manager_review_within: 24 hours
      - see_child_within: 5 working days

  - id: NS-CP-05
    title: A child in need plan failing with a 4
    level: child_protection
    when: current_plan == child_in_need and plan.time_on_current >= 3 months and max(domains) >= 4
    because: Three months of a child in need plan without change while an area stays at 4.
    source: Continuum of Need §5.5

  - id: NS-CP-06
    title: Recurrence after a child protection plan ended
    level: child_protection
    when: count(plan_ended[child_protection] in last 12 months) >= 1 and max(domains) >= 4
    because: Neglect recurring within a year of a plan ending shows change was not sustained.
    source: Continuum of Need §5.6; PLWG best practice (2021), points to consider a legal planning meeting
    actions: [consider_legal_planning_meeting]

  - id: NS-CP-07
    title: Whereabouts unknown with known concerns
    level: child_protection
    when: education.whereabouts_known == false and (education.missing or count(concern in last 6 months) >= 1)
    because: A child whose whereabouts are unknown cannot be safeguarded.
    source: Continuum of Need §5.7
    actions: [strategy_discussion]

  - id: NS-CP-08
    title: Critical treatment withheld
    level: child_protection
    when: child.critical_medication and domain.health == 5
    because: Withholding critical medication or treatment can cause serious harm quickly.
    source: Continuum of Need §5.8
    actions:
      - immediate_protection
      - strategy_discussion
      - note: Contact the child's consultant or GP today.

  - id: NS-CP-09
    title: Intoxicated sole carer of a baby
    level: child_protection
    when: under_one and carers.substance_misuse == confirmed and domain.safety_supervision >= 4
    because: Intoxicated carers of babies are a recurring factor in sudden infant deaths.
    source: Continuum of Need §5.9; CSPRP "Out of routine" (2020)
    actions: [immediate_protection, strategy_discussion]

  - id: NS-CP-10
    title: Poor physical care in every area
    level: child_protection
    when: min(domains[physical_care]) >= 4
    because: When even the best area of physical care is graded 4, the child's basic needs are not being met anywhere.
    source: Continuum of Need §5.10

  - id: NS-CP-11
    title: A young child still unseen after access failed
    level: child_protection
    when:
      all:
        - known_concern
        - any:
            - baby and since(child_seen) > 10 working days and count(no_access in last 10 working days) >= 1
            - young_child and since(child_seen) > 20 working days and count(no_access in last 20 working days) >= 1
    because: >-
      A baby or young child with a concern who is still unseen, and whom a professional then tried and failed
      to see (no answer, refused, not brought), may be suffering significant harm.
    source: Continuum of Need §5.11 (children nobody has seen); Working Together to Safeguard Children (2023)
    actions:
      - see_child_within: 24 hours
      - manager_review_within: 24 hours

  - id: NS-CP-12
    title: A young child in immediate danger
    level: child_protection
    when:
      all:
        - young_child
        - any:
            - domain.safety_supervision == 5
            - count(left_alone in last 7 days) >= 1
            - count(carer_intoxicated in last 7 days) >= 1
    because: >-
      A baby or toddler left alone, or in the sole care of an intoxicated carer, is in immediate danger:
      protect now, never wait for a plan or pre-proceedings.
    source: Continuum of Need §5.12 (immediate danger); Children Act 1989 s44, s46
    actions: [immediate_protection, strategy_discussion]

  # Pre-proceedings (PLO). "On a child protection plan" includes a child already in
  # pre-proceedings, who stays on the plan: a PLO criterion must not stop applying, and the level
  # fall, because the case has moved up (thresholds verify found this).
  - id: NS-PLO-01
    title: Non-compliance with a child protection plan
    level: pre_proceedings
    when:
      all:
        - current_plan >= child_protection
        - count(non_compliance in last 6 months) >= 2 or (compliance.actions_agreed > 0 and compliance.actions_broken / compliance.actions_agreed >= 0.5)
    because: Agreed actions broken or claims contradicted during a plan are not change.
    source: Continuum of Need §6.1; Public Law Outline (PD12A)
    actions: [consider_legal_planning_meeting]

  - id: NS-PLO-02
    title: A long child protection plan without sustained change
    level: pre_proceedings
    when:
      all:
        - current_plan >= child_protection
        - plan.time_on_current >= 9 months
        - any:
            - oscillating(domain.home_conditions >= 4 in last 12 months)
            - max(domains) >= 4
    unless: sustained_verified_change
    because: Nine months on a plan with grades still at 4 or swinging back shows compliance without change.
    source: Continuum of Need §6.2; PLWG best practice (2021)
    actions: [consider_legal_planning_meeting]

  - id: NS-PLO-03
    title: A second child protection plan for neglect
    level: pre_proceedings
    when: current_plan >= child_protection and plan.previous_cp_plans_for_neglect >= 1
    because: A second plan for neglect means earlier help did not bring lasting change.
    source: Continuum of Need §6.3; PLWG best practice (2021)
    actions: [consider_legal_planning_meeting]

  - id: NS-PLO-04
    title: Refused access or disguised compliance during a plan
    level: pre_proceedings
    when:
      all:
        - current_plan >= child_protection
        - count(access_refused in last 6 months) + count(disguised_compliance in last 6 months) >= 3
    because: Closing the family down during a plan leaves the child unprotected.
    source: Continuum of Need §6.4
    actions: [consider_legal_planning_meeting]

  - id: NS-PLO-05
    title: An unborn or newborn whose siblings were removed, with no change
    level: pre_proceedings
    when:
      all:
        - under_one
        - carers.previous_children_removed >= 1
        - any:
            - count(missed_antenatal_appointment in last 6 months) >= 1
            - count(pre_birth_assessment_declined in last 12 months) >= 1
            - carers.substance_misuse == confirmed
            - not good_enough_care
    because: >-
      Previous removals with observable evidence of no change (missed antenatal care, a declined pre-birth
      assessment, continuing substance misuse) mean the baby's safety cannot wait on hope; the practitioner's
      judgement confirms, but the evidence alone is enough.
    source: Continuum of Need §6.5 (pre-birth protocol); PLWG best practice (2021)
    actions: [consider_legal_planning_meeting]

  - id: NS-PLO-06
    title: Offer a family group conference before pre-proceedings
    level: current_plan
    when: current_plan == child_protection and count(family_group_conference in last 12 months) == 0
    because: Families should be offered a family group conference before a letter before proceedings.
    source: Continuum of Need §6.6; PLWG best practice (2021)
    actions:
      - note: Offer the family a family group conference.

  # Step-down: one level at a time, only after sustained, verified change
  - id: NS-STEP-01
    title: No step-down without sustained, verified change
    level: current_plan
    # The change is the exception, not a 'not' in the condition: until it is known to be
    # sustained and verified, the child stays at the plan's level (provisionally), so missing
    # records never step a plan down.
    when: current_plan >= child_in_need
    unless: sustained_verified_change
    because: A plan steps down only after change sustained over two assessments and seen at an unannounced visit.
    source: Continuum of Need §7.1 (step-down)

  - id: NS-STEP-02
    title: Early help declined twice — step up one level
    level: current_plan + 1
    when: current_plan == early_help and count(early_help_declined in last 12 months) >= 2
    because: Repeated refusal of early help while on a plan needs a higher level of oversight.
    source: Continuum of Need §7.2

  - id: NS-STEP-03
    title: A child on a plan without a current home-conditions grade
    level: current_plan
    when: current_plan >= child_in_need and unknown(domain.home_conditions)
    because: A plan cannot be reviewed, or stepped down, without a current graded assessment.
    source: Continuum of Need §7.3
    actions:
      - note: Complete a Graded Care Profile 2 before the next review.

  - id: NS-STEP-04
    title: Sustained, verified change — step down one level
    level: current_plan - 1
    when: current_plan >= child_in_need and sustained_verified_change
    because: >-
      Change that has lasted and been verified steps a plan down one level, never straight to closure:
      a child in need plan that has worked continues as early help with a named lead practitioner.
    source: Continuum of Need §7.4 (step-down one level at a time)
    actions:
      - note: Step down to the next level with a named lead practitioner; ending a plan does not end services.

  # Modifiers
  - id: NS-MOD-01
    title: Babies and the unborn are more vulnerable
    raise: 1
    up_to: child_protection
    when: under_one and not good_enough_care
    because: Babies get shorter timescales and lower tolerance.
    source: Continuum of Need §8.1

  - id: NS-MOD-02
    title: Unsettled housing with an out-of-date assessment
    raise: 1
    up_to: early_help
    when:
      all:
        - housing != secure
        - known(gcp2_completed)
        - gcp2_completed < 2026-04-01 or as_of - gcp2_completed > 6 months
    because: A family without settled housing whose Graded Care Profile is stale needs a fresh look, not a closed case.
    source: Continuum of Need §8.2
    actions:
      - note: Complete a new Graded Care Profile 2 with the family.
"""#
}
