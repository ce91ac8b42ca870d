import Foundation
import SottoAnalytics
import SottoModel
import Testing

@Suite struct DemoJournalTests {
  @Test func sameSeedGivesTheSameJournalAndEveryEntryIsValid() throws {
    let first = try DemoJournal.entries(
      weeks: 8, endingAt: Fixture.now, timeZone: Fixture.berlin, seed: 42)
    let second = try DemoJournal.entries(
      weeks: 8, endingAt: Fixture.now, timeZone: Fixture.berlin, seed: 42)
    let other = try DemoJournal.entries(
      weeks: 8, endingAt: Fixture.now, timeZone: Fixture.berlin, seed: 43)
    #expect(first == second)
    #expect(first != other)
    for entry in first { try entry.validate() }
    #expect(Set(first.map(\.id)).count == first.count)
    #expect(first.allSatisfy { $0.at.date <= Fixture.now })
  }

  @Test func demoJournalHasUrgesUsesOfSeveralSubstancesAndTwoGoals() throws {
    let entries = try DemoJournal.entries(
      weeks: 12, endingAt: Fixture.now, timeZone: Fixture.berlin)
    #expect(entries.filter { $0.goal != nil }.count == 2)
    let substances = Set(entries.compactMap { $0.use?.substance })
    #expect(substances.isSuperset(of: ["alcohol", "cannabis"]))
    #expect(entries.contains { $0.urge?.triggers.contains("payday") == true })
    let report = try WeeklyReport.build(
      entries: entries, options: Fixture.options(now: Fixture.now))
    let weekly = report.series.map(\.urges)
    #expect(weekly.max()! > weekly.min()!)  // quiet weeks and a harder one
    #expect(report.goals.count == 2)
  }

  @Test func bulkJournalIsDeterministicAndValid() throws {
    let first = try DemoJournal.bulk(
      count: 5_000, years: 5, endingAt: Fixture.now, timeZone: Fixture.berlin, seed: 7)
    let second = try DemoJournal.bulk(
      count: 5_000, years: 5, endingAt: Fixture.now, timeZone: Fixture.berlin, seed: 7)
    #expect(first.count == 5_000)
    #expect(first == second)
    for entry in first { try entry.validate() }
    let span = first.last!.at.unixSeconds - first.first!.at.unixSeconds
    #expect(span > 4 * 365 * 86_400)
    #expect(first.allSatisfy { $0.at.date <= Fixture.now })
  }

  @Test func impossibleSizesAreTypedErrors() {
    #expect(throws: AnalyticsError.self) {
      try DemoJournal.entries(weeks: 0, endingAt: Fixture.now, timeZone: Fixture.berlin)
    }
    #expect(throws: AnalyticsError.self) {
      try DemoJournal.bulk(count: 1, years: 5, endingAt: Fixture.now, timeZone: Fixture.berlin)
    }
  }
}
