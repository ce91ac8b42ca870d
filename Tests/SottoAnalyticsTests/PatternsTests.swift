import Foundation
import SottoAnalytics
import SottoModel
import Testing

/// What helps and what hurts over the eight weeks to the report's end, worked out by hand from
/// `Fixture.entries` (12 urges and 10 uses, 2 to 29 March 2026).
@Suite struct PatternsTests {
  static let patterns = try! Fixture.report().patterns

  @Test func theWindowIsEightWeeksToTheReportsEnd() {
    #expect(Self.patterns.firstDay.description == "2026-02-02")
    #expect(Self.patterns.lastDay.description == "2026-03-29")
    #expect(Self.patterns.urges == 12)
    #expect(Self.patterns.uses == 10)
  }

  @Test func triggersByOutcome() {
    // bored: 6 Mar R, 13 Mar A (with stress), 18 Mar R, 25 Mar R, 29 Mar R.
    // payday: 27 Mar A twice (Berlin and New York), 29 Mar A ("Payday").
    // stress: 10 Mar R, 13 Mar A, 25 Mar R. friends (2 urges) and after work (1) are too few.
    #expect(
      Self.patterns.triggers.map { [$0.label, "\($0.urges)", "\($0.resisted)", "\($0.actedOn)"] }
        == [["bored", "5", "4", "1"], ["payday", "3", "0", "3"], ["stress", "3", "2", "1"]])
  }

  @Test func copingNeedsThreeUrgesToBeListed() {
    // Urge surfing was used twice ("urge surfing", "Urge  Surfing"): fewer than 3.
    #expect(Self.patterns.coping.isEmpty)
  }

  @Test func riskyTimesCountActedOnUrgesAndUses() {
    // Friday evening: urges acted on 13, 27 (19:00) and 27 (23:50 in New York) + uses 13, 20,
    // 27 (19:30) and 27 (23:55 in New York) = 7. Saturday evening: the urge of the 7th + uses
    // on the 7th and two on the 28th = 4. Sunday night (01:30, 01:45) has 2: too few.
    #expect(
      Self.patterns.riskyTimes.map { "\($0.weekday.name) \($0.partOfDay) \($0.count)" }
        == ["Friday evening 7", "Saturday evening 4"])
  }

  @Test func copingThatHelpedBecomesAnObservation() throws {
    var entries = Fixture.entries
    for (index, day) in ["2026-03-24T18:00", "2026-03-26T18:00", "2026-03-28T18:00"].enumerated() {
      entries.append(
        Entry(
          id: Fixture.id(900 + index), at: Fixture.timestamp(day, offset: 1),
          body: .urge(
            Urge(
              intensity: 6, triggers: [], outcome: index == 2 ? .acted : .resisted,
              coping: "Called a friend", finalIntensity: 3))))
    }
    // 4 urges with "called a friend" would be needed for 4 of 4; here 2 of 3 were resisted,
    // under three quarters: listed, but not an observation.
    let report = try Fixture.report(entries: entries)
    let row = try #require(report.patterns.coping.first)
    #expect(row.label == "called a friend" && row.urges == 3 && row.resisted == 2)
    #expect(row.meanIntensityChange == -3)  // 6 → 3 each time
    #expect(!report.observations.contains { $0.kind == .copingThatHelped })
    entries.append(
      Entry(
        id: Fixture.id(950), at: Fixture.timestamp("2026-03-29T18:00", offset: 2),
        body: .urge(Urge(intensity: 5, triggers: [], outcome: .resisted, coping: "called a friend"))
      ))
    // Now 3 of 4 resisted: three quarters, so it is said, with its numbers.
    let again = try Fixture.report(entries: entries)
    let said = try #require(again.observations.first { $0.kind == .copingThatHelped })
    #expect(said.text.contains("3 of 4 urges were resisted"), "\(said.text)")
  }
}
