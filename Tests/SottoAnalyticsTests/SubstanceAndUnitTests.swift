import Foundation
import SottoAnalytics
import SottoModel
import Testing

/// Drinks are alcohol, street names are their substance, and masses and volumes add up in any
/// of their units. Every expected figure is worked out by hand in the comments.
@Suite struct SubstanceAndUnitTests {
  /// Week 2026-W13 (Monday 23 to Sunday 29 March 2026, Berlin, +01:00), read on its Sunday.
  static let entries: [Entry] = {
    var list: [Entry] = []
    func add(_ local: String, _ body: EntryBody) {
      list.append(
        Entry(
          id: Fixture.id(list.count + 1), at: Fixture.timestamp(local, offset: 1), body: body))
    }
    func use(_ local: String, _ substance: String, _ amount: Double, _ unit: String) {
      add(local, .use(Use(substance: substance, amount: amount, unit: unit)))
    }
    add(
      "2026-03-02T09:00",
      .goal(Goal(rule: .cap(amount: 10, unit: "drinks", substance: "alcohol", period: .week))))
    add(
      "2026-03-02T09:00",
      .goal(Goal(rule: .cap(amount: 2, unit: "g", substance: "cannabis", period: .week))))
    use("2026-03-24T20:00", "beer", 3, "drinks")
    use("2026-03-25T20:00", "Wine", 2, "drinks")
    use("2026-03-26T20:00", "alcohol", 1, "bottle")  // a volume: no drinks without a strength
    use("2026-03-24T21:00", "weed", 500, "mg")
    use("2026-03-27T21:00", "cannabis", 1, "g")
    use("2026-03-28T21:00", "hash", 250, "milligrams")
    return list
  }()

  static let report = try! Fixture.report(entries: entries)

  /// The series tracks cannabis in mg, its most given unit (mg twice, g once): 500 mg + 1 g +
  /// 250 mg = 1750 mg in W13; alcohol is left to the standard-drinks row.
  @Test func theSeriesTracksASubstanceInItsMostGivenUnit() {
    let last = Self.report.series.last!
    #expect(last.amounts.map(\.substance) == ["cannabis"])
    #expect(last.amounts.first?.unit == "mg")
    #expect(last.amounts.first?.total == 1750)
    #expect(last.amounts.first?.occasions == 3)
    #expect(Self.report.series.dropLast().allSatisfy { $0.amounts.first?.total == 0 })
  }

  @Test func drinksAndStreetNamesAreCountedAsTheirSubstance() {
    // beer, wine and alcohol: 3 occasions of alcohol; weed, cannabis and hash: 3 of cannabis.
    let substances = Self.report.use.substances
    #expect(substances.map(\.substance) == ["alcohol", "cannabis"])
    #expect(substances.map(\.occasions) == [3, 3])
  }

  @Test func massesAddUpInAnyOfTheirUnitsAndCountsStayApart() {
    let substances = Self.report.use.substances
    // Alcohol: 3 + 2 drinks = 5 drinks over 2 occasions; the bottle is a volume, apart.
    #expect(
      substances[0].amounts == [
        UnitAmount(unit: "drinks", total: 5, occasions: 2),
        UnitAmount(unit: "bottles", total: 1, occasions: 1),
      ])
    // Cannabis: 500 mg + 1 g + 250 mg = 1,750 mg, shown in mg, the unit given most often.
    #expect(substances[1].amounts == [UnitAmount(unit: "mg", total: 1750, occasions: 3)])
  }

  @Test func capsCountEveryNameOfTheirSubstanceAndConvertUnits() {
    let goals = Self.report.goals
    #expect(goals.count == 2)
    // At most 10 drinks of alcohol: beer 3 + wine 2 = 5; the bottle cannot be counted.
    let alcohol = goals[0]
    #expect(alcohol.actual == 5)
    #expect(alcohol.uncountedOccasions == 1)
    #expect(alcohol.status == .onTrack)
    // At most 2 g of cannabis: 0.5 + 1 + 0.25 = 1.75 g, under the cap, the week still running.
    let cannabis = goals[1]
    #expect(abs((cannabis.actual ?? 0) - 1.75) < 1e-9)
    #expect(cannabis.uncountedOccasions == 0)
    #expect(cannabis.status == .onTrack)
  }

  @Test func unitsConvertWithinTheirDimensionOnly() {
    #expect(UnitCatalog.convert(1, from: "g", to: "mg") == 1000)
    #expect(UnitCatalog.convert(250, from: "µg", to: "mg") == 0.25)
    #expect(UnitCatalog.convert(2, from: "pints", to: "ml") == 1136.522)
    #expect(UnitCatalog.convert(1, from: "bottle", to: "cl") == 75)
    #expect(UnitCatalog.convert(3, from: "drink", to: "drinks") == 3)
    #expect(UnitCatalog.convert(1, from: "g", to: "ml") == nil)
    #expect(UnitCatalog.convert(1, from: "joints", to: "pills") == nil)
  }

  @Test(arguments: [("drnks", "drinks"), ("jionts", "joints"), ("pils", "pills"), ("mgg", "mg")])
  func aUnitTypoGetsTheUnitItWasMeantToBe(typo: String, meant: String) {
    #expect(UnitCatalog.suggestion(for: typo) == meant)
  }

  @Test(arguments: ["drinks", "mg", "grams", "rocks", "spoonfuls", "g"])
  func aKnownOrDistantUnitGetsNoSuggestion(unit: String) {
    #expect(UnitCatalog.suggestion(for: unit) == nil)
  }
}
