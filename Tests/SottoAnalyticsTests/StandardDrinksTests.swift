import Foundation
import SottoAnalytics
import SottoModel
import Testing

/// Alcohol in standard drinks: volumes with a strength (their own `--abv` or the drink's
/// default) convert; counts and drinks of unknown strength do not, and are counted apart.
/// Every expected figure is worked out by hand in the comments (ethanol: 0.789 g per ml).
@Suite struct StandardDrinksTests {
  /// Week 2026-W13 (Monday 23 to Sunday 29 March 2026, Berlin, +01:00), read on its Sunday.
  static let entries: [Entry] = {
    var list: [Entry] = []
    func add(_ local: String, _ body: EntryBody) {
      list.append(
        Entry(
          id: Fixture.id(list.count + 1), at: Fixture.timestamp(local, offset: 1), body: body))
    }
    add(
      "2026-03-02T09:00",
      .goal(Goal(rule: .cap(amount: 14, unit: "units", substance: "alcohol", period: .week))))
    // Wine, 250 ml at its default 12%: 250 × 0.12 × 0.789 = 23.67 g.
    add("2026-03-24T20:00", .use(Use(substance: "wine", amount: 250, unit: "ml")))
    // Beer, 2 pints (2 × 568.261 = 1,136.522 ml) at 4.2%: 1,136.522 × 0.042 × 0.789 = 37.6622 g.
    add(
      "2026-03-26T20:00", .use(Use(substance: "beer", amount: 2, unit: "pints", abv: 4.2)))
    // Vodka, 4 cl = 40 ml at the default 40%: 40 × 0.40 × 0.789 = 12.624 g.
    add("2026-03-27T23:00", .use(Use(substance: "vodka", amount: 4, unit: "cl")))
    // Two standard drinks logged as such: 2 units of whatever standard is chosen.
    add("2026-03-28T21:00", .use(Use(substance: "alcohol", amount: 2, unit: "units")))
    // Not convertible: a count of drinks of unknown size, and a volume of unknown strength.
    add("2026-03-28T22:00", .use(Use(substance: "cider", amount: 3, unit: "drinks")))
    add("2026-03-29T18:00", .use(Use(substance: "alcohol", amount: 500, unit: "ml")))
    return list
  }()

  /// The three volumes hold 23.67 + 37.6622 + 12.624 = 73.9562 g of ethanol.
  static let grams = 73.9562

  static func report(_ drinks: DrinkSettings) throws -> WeeklyReport {
    var options = Fixture.options()
    options.drinks = drinks
    return try WeeklyReport.build(entries: entries, options: options)
  }

  @Test func volumesConvertWithTheirStrengthAndCountsAreNamedApart() throws {
    // UK units of 8 g: 73.9562 / 8 = 9.2445, plus the 2 units: 11.2445.
    let uk = try #require(
      try Self.report(DrinkSettings(standard: .uk)).use.substances.first {
        $0.substance == "alcohol"
      })
    #expect(uk.occasions == 6)
    #expect(abs((uk.standardDrinks ?? 0) - 11.2445) < 0.001)
    #expect(uk.standard == .uk)
    #expect(uk.occasionsNotInStandardDrinks == 2)
    // US drinks of 14 g: 73.9562 / 14 = 5.2826, plus 2: 7.2826.
    let us = try Self.report(DrinkSettings(standard: .us)).use.substances[0]
    #expect(abs((us.standardDrinks ?? 0) - 7.2826) < 0.001)
  }

  @Test func theDrinksOwnStrengthWinsOverTheDefaultAndThePersonsOverTheBuiltIn() throws {
    // Wine at the person's 14% instead of 12%: 250 × 0.14 × 0.789 = 27.615 g (3.945 g more),
    // so 77.9012 g in all; in WHO drinks of 10 g: 7.79012 + 2 = 9.79012. The beer keeps its
    // own 4.2% even though beer's default is 5%.
    let report = try Self.report(DrinkSettings(standard: .who, abv: ["wine": 14, "beer": 6]))
    #expect(abs((report.use.substances[0].standardDrinks ?? 0) - 9.79012) < 0.001)
  }

  @Test func aCapInUnitsCountsEveryConvertibleAlcoholUseAndNamesTheRest() throws {
    // The cap of 14 units a week, in UK units: 11.2445 units so far, on track; the 3 drinks
    // of cider and the 500 ml of unknown strength are not counted, and said.
    let uk = try #require(try Self.report(DrinkSettings(standard: .uk)).goals.first)
    #expect(abs((uk.actual ?? 0) - 11.2445) < 0.001)
    #expect(uk.target == 14)
    #expect(uk.uncountedOccasions == 2)
    #expect(uk.status == .onTrack)
    // In Australian drinks of 10 g the same week is 7.39562 + 2 = 9.39562.
    let au = try #require(try Self.report(DrinkSettings(standard: .au)).goals.first)
    #expect(abs((au.actual ?? 0) - 9.39562) < 0.001)
  }

  /// The series counts the week's standard drinks, and each point's rolling mean covers it and
  /// the three weeks before it that the journal covers, even before the series' first week.
  @Test func theSeriesCarriesStandardDrinksWithARollingMean() throws {
    var options = Fixture.options()
    options.drinks = DrinkSettings(standard: .uk)
    options.seriesWeeks = 2
    let report = try WeeklyReport.build(entries: Self.entries, options: options)
    // W12 and W13. The journal begins with the goal on Monday 2 March (W10).
    #expect(report.series.map(\.label) == ["2026-W12", "2026-W13"])
    #expect(report.series[0].standardDrinks == 0)
    #expect(abs(report.series[1].standardDrinks - 11.2445) < 0.001)
    // W13's mean: W10 to W13, 11.2445 / 4 = 2.8111; W12's: W10 to W12 (W09 is before the
    // journal), all 0, over 3 weeks.
    #expect(report.series[1].rollingMean?.periods == 4)
    #expect(abs((report.series[1].rollingMean?.standardDrinks ?? 0) - 2.8111) < 0.001)
    #expect(report.series[0].rollingMean?.periods == 3)
    #expect(report.series[0].rollingMean?.standardDrinks == 0)
    // Spending: none logged here, so no spending row; the drinks row is named by the standard.
    let text = TextReportRenderer().render(report)
    #expect(text.contains("UK units        "), "\(text)")
    #expect(!text.contains("Spending        ·"))
  }

  @Test func standardsHoldTheirPublishedGrams() {
    #expect(DrinkStandard.uk.grams == 8)
    #expect(DrinkStandard.us.grams == 14)
    #expect(DrinkStandard.au.grams == 10)
    #expect(DrinkStandard.ca.grams == 13.45)
    #expect(DrinkStandard.who.grams == 10)
    #expect(DrinkSettings().standard == .who)
  }

  @Test func textReportsShowTheStandardDrinks() throws {
    let text = TextReportRenderer().render(try Self.report(DrinkSettings(standard: .uk)))
    #expect(text.contains("11.24 UK units (2 not convertible)"), "\(text)")
  }

  @Test func anAbvOutsideZeroToAHundredIsRefused() {
    for abv in [0, -1, 100.5, .nan, .infinity] {
      #expect(throws: EntryValidationError.self) {
        try Use(substance: "wine", amount: 1, unit: "l", abv: abv).validate()
      }
    }
    #expect(throws: Never.self) {
      try Use(substance: "wine", amount: 1, unit: "l", abv: 100).validate()
    }
  }
}

/// Money kept against the usual weekly spending. The fixture journal begins on Monday 2 March
/// 2026 (W10); its spending per week W10 to W13 is 20, 15, 18 and 80 (the series' figures,
/// worked out in `Fixture`): 133 in its first 28 days, 33.25 a week.
@Suite struct MoneyKeptTests {
  /// The text with its wrapped lines joined.
  static func flat(_ text: String) -> String {
    text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
      .joined(separator: " ")
  }

  @Test func theFirstFourWeeksAreTheBaselineOnceTheyAreOver() throws {
    // On Sunday 29 March the first four weeks are not over yet: no baseline.
    #expect(try Fixture.report().money == nil)
    // A week later (W14, no entries): 7 days at 33.25 a week, nothing spent, 33.25 kept.
    let next = try Fixture.report(now: Fixture.date("2026-04-05T20:00", offset: 2))
    let money = try #require(next.money)
    #expect(money.source == .firstWeeks)
    #expect(money.baselinePerWeek == 33.25)
    #expect(money.days == 7)
    #expect(money.usual == 33.25)
    #expect(money.spent == 0)
    #expect(money.kept == 33.25)
    #expect(
      Self.flat(TextReportRenderer().render(next)).contains(
        "At your usual 33.25 a week (your first 4 weeks), these 7 days come to 33.25; 0.00 spent,"
          + " so 33.25 kept."))
  }

  @Test func aBaselineThePersonSetIsUsedAndSpendingAboveItIsSaidPlainly() throws {
    // W13 with a baseline of 50 a week: 80 spent, 30 more than usual.
    var options = Fixture.options()
    options.baselinePerWeek = 50
    let report = try WeeklyReport.build(entries: Fixture.entries, options: options)
    let money = try #require(report.money)
    #expect(money.source == .set)
    #expect(money.spent == 80)
    #expect(money.kept == -30)
    #expect(
      Self.flat(TextReportRenderer().render(report)).contains(
        "80.00 spent, so 30.00 more than usual"))
  }

  @Test func aPartialWeekIsComparedWithItsDaysSoFar() throws {
    // Wednesday 25 March 2026 (W13): Monday to Wednesday, 3 days at 70 a week = 30.
    var options = Fixture.options(now: Fixture.date("2026-03-25T20:00", offset: 1))
    options.baselinePerWeek = 70
    let money = try #require(
      try WeeklyReport.build(entries: Fixture.entries, options: options).money)
    #expect(money.days == 3)
    #expect(money.usual == 30)
  }
}
