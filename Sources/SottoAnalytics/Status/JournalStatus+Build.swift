import Foundation
import SottoModel

extension JournalStatus {
  /// Builds the status at `now` from decrypted entries in any order. Pure; never throws.
  ///
  /// `entries` are all of a journal's, or (with its `outline`) those
  /// ``entriesNeeded(timeZone:weekStart:now:settings:)`` names: the status is the same.
  /// Entries after `now` are ignored for the time since last use.
  public static func build(
    entries: [Entry], outline: JournalOutline? = nil, timeZone: TimeZone,
    weekStart: WeekStart = .monday, now: Date, settings: JournalSettings = JournalSettings()
  ) -> JournalStatus {
    let dayStart = settings.dayStart
    let (today, week) = Self.days(
      timeZone: timeZone, weekStart: weekStart, now: now, dayStart: dayStart)
    let nowSeconds = Int64(now.timeIntervalSince1970.rounded(.down))
    let index = JournalIndex(
      entries: entries, outline: outline ?? JournalOutline(entries: entries, dayStart: dayStart),
      dayStart: dayStart)

    struct Accumulator {
      var last: Timestamp?
      var todayCount = 0
      var today = UnitTotals()
      var weekCount = 0
      var week = UnitTotals()
    }
    var perSubstance: [String: Accumulator] = [:]
    var spendingToday = 0.0
    var spendingWeek = 0.0
    for entry in entries {
      guard let use = entry.use else { continue }
      let name = SubstanceCatalog.referenceName(use.substance)
      var accumulator = perSubstance[name] ?? Accumulator()
      if entry.at.unixSeconds <= nowSeconds, accumulator.last.map({ $0 < entry.at }) ?? true {
        accumulator.last = entry.at
      }
      let day = LocalDate(entry.at, dayStart: dayStart)
      let unit = use.unit
      if day == today {
        accumulator.todayCount += 1
        spendingToday += use.cost ?? 0
        if let amount = use.amount, let unit { accumulator.today.add(amount, unit: unit) }
      }
      if week.contains(day) {
        accumulator.weekCount += 1
        spendingWeek += use.cost ?? 0
        if let amount = use.amount, let unit { accumulator.week.add(amount, unit: unit) }
      }
      perSubstance[name] = accumulator
    }
    let substances = perSubstance.compactMap { name, value -> SubstanceStatus? in
      guard let last = value.last else { return nil }
      return SubstanceStatus(
        substance: name, lastUse: last, secondsSinceLastUse: nowSeconds - last.unixSeconds,
        occasionsToday: value.todayCount, today: value.today.amounts,
        occasionsThisWeek: value.weekCount, thisWeek: value.week.amounts)
    }
    .sorted { ($1.lastUse, $0.substance) < ($0.lastUse, $1.substance) }

    let evaluator = GoalEvaluator(
      entries: entries, index: index, today: today.dayNumber, drinks: settings.drinks,
      dayStart: dayStart)
    let goals = GoalEvaluator.activeGoals(in: entries, through: today, dayStart: dayStart).map {
      entry, goal in
      let daily: Bool
      switch goal.rule {
      case .cap(_, _, _, let period), .useFreeDays(_, let period), .maxSpend(_, let period):
        daily = period == .day
      case .minGap, .resistRate:
        daily = false
      }
      return evaluator.progress(
        of: entry, goal: goal, first: daily ? today : week.firstDay,
        last: daily ? today : week.lastDay, spanDays: daily ? 1 : 7)
    }
    let todayTotals = index.days[today.dayNumber]
    return JournalStatus(
      generatedAt: now, timeZone: timeZone.identifier, today: today, week: week,
      substances: substances, spendingToday: spendingToday, spendingThisWeek: spendingWeek,
      goals: goals, useFreeStreakDays: index.useFreeStreaks(today: today.dayNumber).current,
      urgesToday: todayTotals?.urges ?? 0,
      urgesThisWeek: index.totals(for: week, today: today.dayNumber).urges)
  }

  /// The entries ``build(entries:outline:timeZone:weekStart:now:settings:)`` reads: this
  /// week's (today is one of its days), each substance's last use up to now (whatever its
  /// day: an offset can put a use of a minute ago on tomorrow) and its latest before the week.
  public static func entriesNeeded(
    timeZone: TimeZone, weekStart: WeekStart = .monday, now: Date,
    settings: JournalSettings = JournalSettings()
  ) -> EntriesNeeded {
    let (_, week) = days(
      timeZone: timeZone, weekStart: weekStart, now: now, dayStart: settings.dayStart)
    return EntriesNeeded(
      days: [week.firstDay.dayNumber...week.lastDay.dayNumber],
      latestUseBefore: week.firstDay.dayNumber,
      latestUseUntil: Int64(now.timeIntervalSince1970.rounded(.down)), dayStart: settings.dayStart)
  }

  /// Today and this week, days beginning at `dayStart`.
  private static func days(
    timeZone: TimeZone, weekStart: WeekStart, now: Date, dayStart: DayStart
  ) -> (today: LocalDate, week: ReportPeriod) {
    let today = LocalDate(
      date: now.addingTimeInterval(-Double(dayStart.seconds)), timeZone: timeZone)
    let week = ReportPeriod(
      kind: .week, firstDay: weekStart.firstDay(ofWeekContaining: today), dayCount: 7,
      weekStart: weekStart)
    return (today, week)
  }
}
