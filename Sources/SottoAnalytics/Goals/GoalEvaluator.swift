import Foundation
import SottoModel

/// Works out a goal's progress over a span of days from the entries.
struct GoalEvaluator {
  let entries: [Entry]
  let index: JournalIndex
  let today: Int
  /// The calendar weeks a weekly limit is judged in, over a span longer than a week.
  var weekStart: WeekStart = .monday
  /// How a cap in `units` counts alcohol.
  var drinks = DrinkSettings()
  /// When each day begins.
  var dayStart = DayStart.midnight

  /// The active goals (not archived, started on or before `lastDay`), oldest first.
  static func activeGoals(
    in entries: [Entry], through lastDay: LocalDate, dayStart: DayStart
  ) -> [(Entry, Goal)] {
    entries.compactMap { entry -> (Entry, Goal)? in
      // The kind first: taking the goal out of every entry's body costs a copy each.
      guard entry.kind == .goal, let goal = entry.goal, !goal.archived,
        LocalDate(entry.at, dayStart: dayStart) <= lastDay
      else {
        return nil
      }
      return (entry, goal)
    }
    .sorted { ($0.0.at, $0.0.id) < ($1.0.at, $1.0.id) }
  }

  /// Evaluates `goal` over `first ... last`; a weekly goal's limits are scaled by
  /// `spanDays / 7` (1 for a week).
  func progress(
    of entry: Entry, goal: Goal, first spanFirst: LocalDate, last: LocalDate, spanDays: Int
  ) -> GoalProgress {
    let startDay = LocalDate(entry.at, dayStart: dayStart)
    let first = max(spanFirst, startDay)
    let lower = first.dayNumber
    let upper = last.dayNumber
    let isFinal = today > upper
    let countedDays = upper - lower + 1
    let weekScale = Double(spanDays) / 7
    var progress = GoalProgress(
      goalID: entry.id.hex, rule: goal.rule, startDay: startDay, firstDay: first, lastDay: last,
      status: .onTrack, isFinal: isFinal, actual: nil, target: 0)
    func limitStatus(over: Bool) -> GoalStatus {
      over ? .exceeded : (isFinal ? .met : .onTrack)
    }

    switch goal.rule {
    case .cap(let amount, let unit, let substance, let period):
      // "wine" counts against a cap on alcohol; 500 mg against one in grams; 250 ml of 12%
      // wine against one in units (standard drinks).
      let name = SubstanceCatalog.referenceName(substance)
      let inStandardDrinks = name == "alcohol" && DrinkSettings.isStandardDrinks(unit)
      var perDay: [Int: Double] = [:]
      var uncounted = 0
      for use in uses(from: lower, through: upper)
      where SubstanceCatalog.referenceName(use.1.substance) == name {
        if inStandardDrinks, let converted = drinks.standardDrinks(of: use.1) {
          perDay[use.0, default: 0] += converted
        } else if !inStandardDrinks, let value = use.1.amount, let useUnit = use.1.unit,
          let converted = UnitCatalog.convert(value, from: useUnit, to: unit)
        {
          perDay[use.0, default: 0] += converted
        } else {
          uncounted += 1
        }
      }
      progress.uncountedOccasions = uncounted
      applyLimit(
        &progress, perDay: perDay, amount: amount, period: period, weekScale: weekScale,
        status: limitStatus)
    case .maxSpend(let amount, let period):
      var perDay: [Int: Double] = [:]
      for use in uses(from: lower, through: upper) {
        if let cost = use.1.cost { perDay[use.0, default: 0] += cost }
      }
      applyLimit(
        &progress, perDay: perDay, amount: amount, period: period, weekScale: weekScale,
        status: limitStatus)
    case .useFreeDays(let days, let period):
      let periodLength = period == .week ? 7 : 1
      let target = (days * countedDays + periodLength - 1) / periodLength
      let elapsedUpper = min(upper, today)
      let elapsed = max(0, elapsedUpper - lower + 1)
      var useDays = 0
      if elapsed > 0 {
        for day in lower...elapsedUpper where index.hasUse(on: day) { useDays += 1 }
      }
      let useFree = elapsed - useDays
      progress.target = Double(target)
      progress.actual = Double(useFree)
      if useDays > countedDays - target {
        progress.status = .notReached
      } else if useFree >= target {
        progress.status = .met
      } else {
        progress.status = .onTrack
      }
    case .minGap(let hours, let substance):
      let name = SubstanceCatalog.referenceName(substance)
      var times: [Int64] = []
      var before: Int64?
      for entry in entries {
        guard let use = entry.use, SubstanceCatalog.referenceName(use.substance) == name else {
          continue
        }
        let day = LocalDate.dayNumber(of: entry.at, dayStart: dayStart)
        if day >= lower && day <= upper {
          times.append(entry.at.unixSeconds)
        } else if day < lower && day >= startDay.dayNumber {
          before = max(before ?? entry.at.unixSeconds, entry.at.unixSeconds)
        }
      }
      times.sort()
      if let before { times.insert(before, at: 0) }
      let gaps = zip(times.dropFirst(), times).map { Double($0 - $1) / 3600 }
      let short = gaps.filter { $0 < hours }.count
      progress.target = hours
      progress.actual = gaps.min()
      progress.shortGaps = short
      progress.status = limitStatus(over: short > 0)
    case .resistRate(let percent):
      var resisted = 0
      var acted = 0
      for day in lower...upper {
        resisted += index.days[day]?.resisted ?? 0
        acted += index.days[day]?.actedOn ?? 0
      }
      let counted = resisted + acted
      progress.target = Double(percent)
      progress.urgesCounted = counted
      if counted == 0 {
        progress.status = isFinal ? .met : .onTrack
      } else {
        let rate = Double(resisted) / Double(counted) * 100
        progress.actual = rate
        progress.status = rate >= Double(percent) ? (isFinal ? .met : .onTrack) : .notReached
      }
    }
    return progress
  }

  /// How a weekly goal went in each complete calendar week of the last `weeks` ending by
  /// `last`, from the week it started in; nil for other goals or before any complete week.
  func history(of entry: Entry, goal: Goal, through last: LocalDate, weeks: Int) -> GoalHistory? {
    switch goal.rule {
    case .cap(_, _, _, .week), .useFreeDays(_, .week), .maxSpend(_, .week): break
    default: return nil
    }
    // The latest complete week: the one before the week that holds the day after the last
    // day both in the span and over.
    let lastOver = min(last.dayNumber, today - 1)
    let newest = weekStart.firstDay(ofWeekContaining: LocalDate(dayNumber: lastOver + 1))
      .adding(days: -7)
    let goalWeek = weekStart.firstDay(ofWeekContaining: LocalDate(entry.at, dayStart: dayStart))
    var statuses: [Bool] = []
    var week = newest
    while statuses.count < weeks && week >= goalWeek {
      let progress = self.progress(
        of: entry, goal: goal, first: week, last: week.adding(days: 6), spanDays: 7)
      statuses.append(progress.status == .met)
      week = week.adding(days: -7)
    }
    guard !statuses.isEmpty else { return nil }
    return GoalHistory(
      weeks: statuses.count, met: statuses.filter { $0 }.count,
      inARow: statuses.prefix { $0 }.count)
  }

  private func applyLimit(
    _ progress: inout GoalProgress, perDay: [Int: Double], amount: Double, period: GoalPeriod,
    weekScale: Double, status: (Bool) -> GoalStatus
  ) {
    switch period {
    case .week:
      let total = perDay.values.reduce(0, +)
      progress.target = amount * weekScale
      progress.actual = total
      guard weekScale > 1 else {
        progress.status = status(total > progress.target + 1e-9)
        return
      }
      // Over a longer span each calendar week is judged on its own (a week cut by the span's
      // edges by its days inside it): one 20-drink week is over a cap of 10, however quiet
      // the others were, and is never averaged away.
      var weekly: [Int: Double] = [:]
      for (day, value) in perDay {
        let start = weekStart.firstDay(ofWeekContaining: LocalDate(dayNumber: day)).dayNumber
        weekly[start, default: 0] += value
      }
      let lower = progress.firstDay.dayNumber
      let upper = progress.lastDay.dayNumber
      let firstWeek = weekStart.firstDay(ofWeekContaining: LocalDate(dayNumber: lower)).dayNumber
      progress.weeksJudged = (upper - firstWeek) / 7 + 1
      let over = weekly.values.filter { $0 > amount + 1e-9 }.count
      progress.weeksOverLimit = over
      progress.status = status(over > 0)
    case .day:
      let over = perDay.values.filter { $0 > amount + 1e-9 }.count
      progress.target = amount
      progress.actual = perDay.values.max() ?? 0
      progress.daysOverLimit = over
      progress.status = status(over > 0)
    }
  }

  /// Uses whose local day lies in `lower ... upper`, with that day.
  private func uses(from lower: Int, through upper: Int) -> [(Int, Use)] {
    entries.compactMap { entry in
      // The day first: copying out every use of the journal for each goal cost more than
      // the rest of the report.
      let day = LocalDate.dayNumber(of: entry.at, dayStart: dayStart)
      guard day >= lower && day <= upper, let use = entry.use else { return nil }
      return (day, use)
    }
  }
}
