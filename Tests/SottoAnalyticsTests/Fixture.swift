import Foundation
import SottoAnalytics
import SottoModel

/// A hand-made journal of four weeks (2026-W10 to W13, Europe/Berlin) whose numbers are worked out
/// by hand in the tests. W13 holds the daylight-saving change (Sunday 2026-03-29, 02:00 → 03:00)
/// and entries logged near midnight in other UTC offsets.
enum Fixture {
  static let berlin = TimeZone(identifier: "Europe/Berlin")!

  /// Sunday 2026-03-29 20:00 in Berlin (CEST, +02:00).
  static let now = date("2026-03-29T20:00", offset: 2)

  /// The instant of a local time written `YYYY-MM-DDTHH:MM` in UTC offset `offset` hours.
  static func date(_ local: String, offset: Int) -> Date {
    Date(timeIntervalSince1970: TimeInterval(timestamp(local, offset: offset).unixSeconds))
  }

  static func timestamp(_ local: String, offset: Int) -> Timestamp {
    let parts = local.split(whereSeparator: { "-T:".contains($0) }).map { Int($0)! }
    let day = LocalDate(year: parts[0], month: parts[1], day: parts[2])!
    let seconds = Int64(day.dayNumber) * 86_400 + Int64(parts[3] * 3600 + parts[4] * 60)
    return Timestamp(
      unixSeconds: seconds - Int64(offset * 3600), utcOffsetSeconds: Int32(offset * 3600))
  }

  static func id(_ number: Int) -> EntryID {
    EntryID(bytes: [UInt8](repeating: 0, count: 14) + [UInt8(number >> 8), UInt8(number & 0xff)])!
  }

  static func options(
    _ selection: ReportSelection = .currentWeek, weekStart: WeekStart = .monday, now: Date = now
  ) -> ReportOptions {
    ReportOptions(timeZone: berlin, weekStart: weekStart, now: now, selection: selection)
  }

  static func report(
    _ selection: ReportSelection = .currentWeek, weekStart: WeekStart = .monday, now: Date = now,
    entries: [Entry] = entries
  ) throws -> WeeklyReport {
    try WeeklyReport.build(
      entries: entries, options: options(selection, weekStart: weekStart, now: now))
  }

  static let goalStart = "2026-03-02T09:00"

  static let entries: [Entry] = {
    var list: [Entry] = []
    func add(_ local: String, _ offset: Int, _ body: EntryBody) {
      list.append(Entry(id: id(list.count + 1), at: timestamp(local, offset: offset), body: body))
    }
    func urge(
      _ local: String, offset: Int = 1, _ intensity: Int, _ triggers: [String],
      _ outcome: UrgeOutcome?, duration: Int? = nil, coping: String? = nil, final: Int? = nil
    ) {
      add(
        local, offset,
        .urge(
          Urge(
            intensity: intensity, triggers: triggers, outcome: outcome, durationMinutes: duration,
            coping: coping, finalIntensity: final)))
    }
    func use(
      _ local: String, offset: Int = 1, _ substance: String, _ amount: Double?, _ unit: String?,
      cost: Double? = nil
    ) {
      add(local, offset, .use(Use(substance: substance, amount: amount, unit: unit, cost: cost)))
    }
    func goal(_ rule: GoalRule, archived: Bool = false, at local: String = goalStart) {
      add(local, 1, .goal(Goal(rule: rule, archived: archived)))
    }

    // Goals, all counting from Monday 2 March (two are not tracked).
    goal(.cap(amount: 10, unit: "drinks", substance: "alcohol", period: .week))  // 1
    goal(.useFreeDays(days: 2, period: .week))  // 2
    goal(.cap(amount: 2, unit: "joints", substance: "cannabis", period: .week))  // 3
    goal(.minGap(hours: 24, substance: "cannabis"))  // 4
    goal(.maxSpend(amount: 60, period: .week))  // 5
    goal(.resistRate(percent: 50))  // 6
    goal(.cap(amount: 4, unit: "drinks", substance: "alcohol", period: .day))  // 7
    goal(.cap(amount: 1, unit: "drinks", substance: "alcohol", period: .week), archived: true)
    goal(.resistRate(percent: 90), at: "2026-04-01T09:00")  // starts after W13

    // W10: Mon 2 – Sun 8 March.
    urge("2026-03-06T19:00", 6, ["bored"], .resisted)
    urge("2026-03-07T20:30", 8, ["friends"], .acted)
    use("2026-03-07T21:00", "alcohol", 4, "drinks", cost: 20)
    // W11: 9 – 15 March.
    urge("2026-03-10T18:00", 5, ["stress"], .resisted)
    urge("2026-03-13T21:00", 7, ["stress", "bored"], .acted)
    use("2026-03-13T21:30", "alcohol", 3, "drinks", cost: 15)
    // W12: 16 – 22 March, a quiet week.
    urge("2026-03-18T20:00", 4, ["bored"], .resisted, duration: 10)
    use("2026-03-20T20:00", "alcohol", 2, "drink", cost: 12)
    use("2026-03-22T23:30", "alcohol", 1, "drinks", cost: 6)  // Sunday, 30 minutes to midnight
    // W13: 23 – 29 March, a harder week; clocks go forward on Sunday 29.
    use("2026-03-23T00:20", "Cannabis", 1, "joint", cost: 10)  // Monday, 20 minutes past midnight
    urge(
      "2026-03-25T18:30", 6, ["stress", "after work"], .resisted, duration: 20,
      coping: "urge surfing", final: 2)
    urge(
      "2026-03-25T22:00", 5, ["bored"], .resisted, duration: 15, coping: "Urge  Surfing",
      final: 3)
    urge("2026-03-27T19:00", 8, ["payday", "friends"], .acted, duration: 30)
    use("2026-03-27T19:30", "alcohol", 3, "drinks", cost: 21)
    // Logged in New York (UTC−5) late on Friday: already Saturday morning in Berlin.
    urge("2026-03-27T23:50", offset: -5, 9, ["payday"], .acted)
    use("2026-03-27T23:55", offset: -5, "alcohol", 4, "drinks", cost: 24)
    use("2026-03-28T21:00", "cannabis", 2, "joints", cost: 20)
    use("2026-03-28T23:30", "MDMA ", nil, nil)
    // Sunday 29: before the change at +01:00, after it at +02:00.
    urge("2026-03-29T01:30", 7, ["Payday"], .acted)
    use("2026-03-29T01:45", "alcohol", 330, "ml", cost: 5)
    urge("2026-03-29T03:30", offset: 2, 3, ["bored"], .resisted)
    urge("2026-03-29T14:00", offset: 2, 4, [], nil)
    return list
  }()
}
