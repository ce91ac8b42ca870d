import SottoModel
import Testing

@testable import SottoCore

@Suite struct SafetyNudgesTests {
  /// Monday 2026-11-30 12:00 UTC (13:00 at UTC+1, the offset of every entry here).
  static let noon: Int64 = 1_796_040_000

  static func at(_ hoursFromNoon: Double) -> Timestamp {
    Timestamp(unixSeconds: noon + Int64(hoursFromNoon * 3600), utcOffsetSeconds: 3600)
  }

  static func entry(_ body: EntryBody, hours: Double) -> Entry {
    Entry(
      id: EntryID(bytes: (0..<16).map { _ in UInt8.random(in: 0...255) })!, at: at(hours),
      body: body)
  }

  static func use(
    _ substance: String, _ amount: Double? = nil, _ unit: String? = nil, hours: Double
  )
    -> Entry
  {
    entry(.use(Use(substance: substance, amount: amount, unit: unit)), hours: hours)
  }

  static func notes(_ entry: Entry, _ history: [Entry]) -> [SafetyNote] {
    SafetyNudges.notes(for: entry, history: history + [entry])
  }

  @Test func timeSinceLastUseAndAmountOverTwentyFourHours() {
    let history = [
      Self.use("alcohol", 2, "drinks", hours: -30), Self.use("alcohol", 3, "drinks", hours: -5),
      Self.use("alcohol", hours: -2), Self.use("mdma", 80, "mg", hours: -1),
    ]
    let now = Self.use("alcohol", 1, "drinks", hours: 0)
    let note = Self.notes(now, history).first { $0.kind == .recentUse }
    #expect(
      note?.text
        == "Last alcohol before this: 2 h earlier. Last 24 hours: 4 drinks over 3 occasions "
        + "(1 with no amount), this one included.")
  }

  @Test func aFirstUseSaysSo() {
    let note = Self.notes(Self.use("cannabis", hours: 0), []).first
    #expect(
      note?.text
        == "No earlier cannabis in the journal. Last 24 hours: 1 occasion, this one included.")
  }

  @Test func nudgesAreOnlyForUses() {
    let urge = Self.entry(.urge(Urge(intensity: 5)), hours: 0)
    #expect(Self.notes(urge, [Self.use("heroin", hours: -1)]).isEmpty)
  }

  @Test func aUseThatTakesADailyCapOverIsNamed() {
    let goal = Self.entry(
      .goal(Goal(rule: .cap(amount: 4, unit: "drinks", substance: "alcohol", period: .day))),
      hours: -48)
    let earlier = Self.use("alcohol", 3, "drinks", hours: -2)
    let notes = Self.notes(Self.use("alcohol", 2, "drink", hours: 0), [goal, earlier])
    #expect(
      notes.filter { $0.kind == .goalCap }.map(\.text) == [
        "This takes alcohol to 5 drinks today, over your goal of at most 4 drinks per day."
      ])
    // Under the cap, or another unit, or yesterday's drinks: nothing.
    #expect(
      Self.notes(Self.use("alcohol", 1, "drinks", hours: 0), [goal, earlier])
        .allSatisfy { $0.kind != .goalCap })
    #expect(
      Self.notes(Self.use("alcohol", 2, "pints", hours: 0), [goal, earlier])
        .allSatisfy { $0.kind != .goalCap })
    let yesterday = Self.use("alcohol", 3, "drinks", hours: -14)
    #expect(
      Self.notes(Self.use("alcohol", 2, "drinks", hours: 0), [goal, yesterday])
        .allSatisfy { $0.kind != .goalCap })
  }

  @Test func aWeeklyCapAlreadyOverSaysTheTotal() {
    let goal = Self.entry(
      .goal(Goal(rule: .cap(amount: 10, unit: "drinks", substance: "alcohol", period: .week))),
      hours: -48)
    let monday = Self.use("alcohol", 11, "drinks", hours: -1)
    let notes = Self.notes(Self.use("alcohol", 1, "drinks", hours: 0), [goal, monday])
    #expect(
      notes.filter { $0.kind == .goalCap }.map(\.text) == [
        "alcohol this week: 12 drinks, over your goal of at most 10 drinks per week."
      ])
  }

  @Test func archivedAndFutureGoalsAreIgnored() {
    let archived = Self.entry(
      .goal(
        Goal(
          rule: .cap(amount: 1, unit: "drinks", substance: "alcohol", period: .day),
          archived: true)), hours: -48)
    let future = Self.entry(.goal(Goal(rule: .minGap(hours: 72, substance: "alcohol"))), hours: 30)
    let notes = Self.notes(
      Self.use("alcohol", 5, "drinks", hours: 0),
      [archived, future, Self.use("alcohol", hours: -1)])
    #expect(notes.allSatisfy { $0.kind != .goalCap && $0.kind != .goalGap })
  }

  @Test func aUseSoonerThanTheMinimumGapIsNamed() {
    let goal = Self.entry(.goal(Goal(rule: .minGap(hours: 12, substance: "mdma"))), hours: -72)
    let earlier = Self.use("mdma", 80, "mg", hours: -3.5)
    let notes = Self.notes(Self.use("MDMA", 40, "mg", hours: 0), [goal, earlier])
    #expect(
      notes.filter { $0.kind == .goalGap }.map(\.text) == [
        "This is 3 h 30 min after the last mdma; your goal is at least 12 hours between uses."
      ])
    let longAgo = Self.use("mdma", 80, "mg", hours: -13)
    #expect(
      Self.notes(Self.use("mdma", hours: 0), [goal, longAgo]).allSatisfy { $0.kind != .goalGap })
  }

  @Test func aDangerousCombinationWithinADayIsAWarning() {
    let xanax = Self.use("xanax", 1, "mg", hours: -3)
    let notes = Self.notes(Self.use("heroin", hours: 0), [xanax])
    let warning = notes.first { $0.kind == .combination }
    #expect(warning?.combinationID == "opioid+benzodiazepine")
    #expect(warning?.isWarning == true)
    #expect(
      warning?.text
        == "Warning: heroin (an opioid) and xanax (a benzodiazepine), logged 3 h before this: "
        + "together they slow breathing more than either alone; this can be fatal. "
        + "Source: FDA boxed warning, 2016.")
  }

  /// The window follows the pair's substances, not one day for all: valium (a benzodiazepine,
  /// 72 h) is still active 25 h later with heroin; a drink (alcohol, 12 h) and heroin
  /// (opioids, 48 h) are warned within 48 h; MAOIs stay 14 days.
  @Test func aCombinationIsWarnedWhileThePairsSubstancesStayActive() {
    let valium = Self.notes(Self.use("heroin", hours: 0), [Self.use("valium", hours: -25)])
    #expect(valium.first { $0.kind == .combination }?.combinationID == "opioid+benzodiazepine")
    let lateDrink = Self.notes(Self.use("heroin", hours: 0), [Self.use("beer", hours: -49)])
    #expect(lateDrink.allSatisfy { $0.kind != .combination })
    let drink = Self.notes(Self.use("heroin", hours: 0), [Self.use("beer", hours: -47)])
    #expect(drink.first { $0.kind == .combination }?.combinationID == "opioid+alcohol")
    let maoi = Self.notes(Self.use("mdma", hours: 0), [Self.use("nardil", hours: -24 * 13)])
    #expect(maoi.first { $0.kind == .combination }?.combinationID == "maoi+mdma")
    let oldMAOI = Self.notes(Self.use("mdma", hours: 0), [Self.use("nardil", hours: -24 * 15)])
    #expect(oldMAOI.allSatisfy { $0.kind != .combination })
  }

  /// Alcohol and cocaine make cocaethylene (NIDA): a warning within 12 hours.
  @Test func alcoholAndCocaineIsAWarning() {
    let notes = Self.notes(Self.use("coke", hours: 0), [Self.use("wine", hours: -2)])
    let warning = notes.first { $0.kind == .combination }
    #expect(warning?.combinationID == "alcohol+cocaine")
    #expect(warning?.isWarning == true)
    #expect(warning?.text.contains("cocaethylene") == true)
    let apart = Self.notes(Self.use("coke", hours: 0), [Self.use("wine", hours: -13)])
    #expect(apart.allSatisfy { $0.kind != .combination })
  }

  @Test func aBackdatedUseIsCheckedAgainstWhatCameAfterIt() {
    let notes = Self.notes(Self.use("molly", hours: -5), [Self.use("nardil", hours: -1)])
    #expect(notes.first { $0.kind == .combination }?.combinationID == "maoi+mdma")
    #expect(notes.first { $0.kind == .combination }?.text.contains("4 h after this") == true)
  }

  @Test func eachOtherSubstanceIsWarnedOnceAtItsNearestUse() {
    let history = [
      Self.use("beer", hours: -6), Self.use("beer", hours: -2), Self.use("gabapentin", hours: -1),
    ]
    let warnings = Self.notes(Self.use("oxycodone", hours: 0), history)
      .filter { $0.kind == .combination }
    #expect(warnings.map(\.combinationID) == ["opioid+gabapentinoid", "opioid+alcohol"])
    #expect(warnings.last?.text.contains("2 h before this") == true)
  }

  @Test func cautionLevelPairsSayCaution() {
    let note = Self.notes(Self.use("coke", hours: 0), [Self.use("speed", hours: -1)])
      .first { $0.kind == .combination }
    #expect(note?.text.hasPrefix("Caution: coke (cocaine) and speed (an amphetamine)") == true)
  }

  @Test func personalRulesMatchNamesAliasesAndClassWords() {
    let rule = Self.entry(
      .rule(SafetyRule("alcohol", "zopiclone", note: "I black out")), hours: -100)
    let classRule = Self.entry(.rule(SafetyRule("benzos", "cannabis")), hours: -100)
    let wine = Self.use("wine", hours: -2)
    let notes = Self.notes(Self.use("zopiclone", 7.5, "mg", hours: 0), [rule, classRule, wine])
    #expect(
      notes.filter { $0.kind == .personalRule }.map(\.text) == [
        "Your rule (alcohol and zopiclone): wine was logged 2 h before this. Your note: I black out"
      ])
    let weed = Self.use("cannabis", hours: -1)
    let classNotes = Self.notes(Self.use("valium", hours: 0), [classRule, weed])
    #expect(
      classNotes.filter { $0.kind == .personalRule }.map(\.text) == [
        "Your rule (benzos and cannabis): cannabis was logged 1 h before this."
      ])
    // A rule and the table can both fire for one pair.
    let both = Self.notes(
      Self.use("valium", hours: 0),
      [rule, Self.entry(.rule(SafetyRule("valium", "beer")), hours: -9), wine])
    #expect(both.map(\.kind).filter { $0 != .recentUse } == [.combination, .personalRule])
  }

  @Test func durationsReadAsWords() {
    #expect(SafetyNudges.duration(30) == "under a minute")
    #expect(SafetyNudges.duration(45 * 60) == "45 min")
    #expect(SafetyNudges.duration(5 * 3600) == "5 h")
    #expect(SafetyNudges.duration(5 * 3600 + 600) == "5 h 10 min")
    #expect(SafetyNudges.duration(51 * 3600) == "2 days 3 h")
  }
}
