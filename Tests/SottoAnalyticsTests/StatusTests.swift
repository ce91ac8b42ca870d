import Foundation
import SottoAnalytics
import SottoModel
import Testing

@Suite struct StatusTests {
  let status = JournalStatus.build(
    entries: Fixture.entries, timeZone: Fixture.berlin, now: Fixture.now)

  @Test func substancesShowTimeSinceLastUseAndTotals() {
    #expect(status.today.description == "2026-03-29")
    #expect(status.substances.map(\.substance) == ["alcohol", "mdma", "cannabis"])
    let alcohol = status.substances[0]
    // Last use Sunday 01:45 +01:00 (00:45Z); now 18:00Z.
    #expect(alcohol.secondsSinceLastUse == 17 * 3600 + 15 * 60)
    #expect(alcohol.lastUse == Fixture.timestamp("2026-03-29T01:45", offset: 1))
    #expect(alcohol.today == [UnitAmount(unit: "ml", total: 330, occasions: 1)])
    #expect(alcohol.occasionsThisWeek == 3)
    #expect(alcohol.thisWeek.first == UnitAmount(unit: "drinks", total: 7, occasions: 2))
    #expect(status.substances[2].secondsSinceLastUse == 22 * 3600)
    #expect(status.spendingToday == 5 && status.spendingThisWeek == 80)
    #expect(status.urgesToday == 3 && status.urgesThisWeek == 7)
    #expect(status.useFreeStreakDays == 0)
  }

  @Test func dailyGoalsAreForTodayAndWeeklyGoalsForThisWeek() {
    #expect(status.goals.count == 7)
    let daily = status.goals[6]
    #expect(daily.firstDay == status.today && daily.lastDay == status.today)
    #expect(daily.actual == 0 && daily.status == .onTrack && daily.uncountedOccasions == 1)
    #expect(status.goals[2].status == .exceeded)
  }

  @Test func textStatusIsShortAndReadable() {
    let text = TextStatusRenderer().render(status)
    #expect(text.hasPrefix("Today, Sun 29 Mar 2026 · use-free streak 0 days · urges today 3\n"))
    #expect(text.contains("alcohol           last use 17 hours 15 minutes ago"))
    #expect(text.contains("today 330 ml · this week 7 drinks + 330 ml"))
    for line in text.split(separator: "\n") { #expect(line.count <= 80) }
  }

  @Test func emptyJournalHasAnEmptyStatus() {
    let empty = JournalStatus.build(entries: [], timeZone: Fixture.berlin, now: Fixture.now)
    #expect(empty.substances.isEmpty && empty.goals.isEmpty && empty.useFreeStreakDays == 0)
    #expect(TextStatusRenderer().render(empty).contains("No use logged yet."))
  }
}
