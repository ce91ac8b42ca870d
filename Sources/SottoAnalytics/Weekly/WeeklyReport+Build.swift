import Foundation
import SottoModel

extension WeeklyReport {
  /// Builds the report for the period `options` selects, from decrypted entries in any order.
  ///
  /// `entries` are all of a journal's, or (with its `outline`) those
  /// ``entriesNeeded(options:)`` names: the report is the same. Pure: the same entries and
  /// options always give the same report. An empty journal, a week without entries or a single
  /// entry each give a report with zeros and `nil`s, not an error.
  /// - Throws: ``AnalyticsError`` when the options are invalid (a backwards or too long range, a
  ///   series length outside 1 to 520).
  public static func build(
    entries: [Entry], outline: JournalOutline? = nil, options: ReportOptions
  ) throws(AnalyticsError) -> WeeklyReport {
    try options.validateSeries()
    let period = try options.period()
    let today = options.today
    let dayStart = options.dayStart
    let index = JournalIndex(
      entries: entries, outline: outline ?? JournalOutline(entries: entries, dayStart: dayStart),
      dayStart: dayStart, drinks: options.drinks)

    var urges: [(Timestamp, Urge)] = []
    var uses: [(Timestamp, Use)] = []
    for entry in entries
    where period.contains(dayNumber: LocalDate.dayNumber(of: entry.at, dayStart: dayStart)) {
      switch entry.body {
      case .urge(let urge): urges.append((entry.at, urge))
      case .use(let use): uses.append((entry.at, use))
      case .goal, .rule: break
      }
    }
    urges.sort { $0.0 < $1.0 }
    uses.sort { $0.0 < $1.0 }

    let totals = index.totals(for: period, today: today.dayNumber)
    let urgeSummary = UrgeSummary(urges: urges, dayStart: dayStart)
    let streaks = index.useFreeStreaks(today: today.dayNumber)
    let useSummary = UseSummary(
      uses: uses, totals: totals, streaks: streaks, drinks: options.drinks)

    let evaluator = GoalEvaluator(
      entries: entries, index: index, today: today.dayNumber, weekStart: options.weekStart,
      drinks: options.drinks, dayStart: dayStart)
    let goals = GoalEvaluator.activeGoals(
      in: entries, through: period.lastDay, dayStart: dayStart
    ).map {
      var progress = evaluator.progress(
        of: $0.0, goal: $0.1, first: period.firstDay, last: period.lastDay,
        spanDays: period.dayCount)
      progress.history = evaluator.history(
        of: $0.0, goal: $0.1, through: period.lastDay, weeks: options.seriesWeeks)
      return progress
    }

    let days = (0..<period.dayCount).map { offset -> DaySummary in
      let date = period.firstDay.adding(days: offset)
      let dayTotals = index.days[date.dayNumber]
      let state: DaySummary.State
      if date > today {
        state = .notYet
      } else if let first = index.firstDay, date.dayNumber >= first {
        state = (dayTotals?.useOccasions ?? 0) > 0 ? .use : .useFree
      } else {
        state = .noData
      }
      return DaySummary(
        date: date, weekday: date.weekday, urges: dayTotals?.urges ?? 0,
        useOccasions: dayTotals?.useOccasions ?? 0, state: state)
    }

    let comparison = PeriodComparison(period: period, index: index, today: today.dayNumber)
    // Each point's rolling mean covers it and the three periods before it that the journal
    // covers, looking before the series' start where needed.
    func totalsBack(_ back: Int) -> JournalIndex.PeriodTotals {
      back == 0 ? totals : index.totals(for: period.earlier(by: back), today: today.dayNumber)
    }
    let periods = (0..<options.seriesWeeks).reversed().map { period.earlier(by: $0) }
    let tracked = SubstanceSeries(
      entries: entries, periods: periods, dayStart: dayStart)
    let series = (0..<options.seriesWeeks).reversed().map { back -> SeriesPoint in
      let earlier = period.earlier(by: back)
      let pointTotals = totalsBack(back)
      let window = (back..<back + SeriesPoint.rollingPeriods).map(totalsBack)
        .filter(\.hasData)
      return SeriesPoint(
        label: earlier.label, firstDay: earlier.firstDay, urges: pointTotals.urges,
        useOccasions: pointTotals.useOccasions, useFreeDays: pointTotals.useFreeDays,
        daysCounted: pointTotals.daysCounted, resisted: pointTotals.resisted,
        actedOn: pointTotals.actedOn, spending: pointTotals.spending,
        standardDrinks: pointTotals.standardDrinks,
        rollingMean: pointTotals.hasData ? SeriesMeans(window) : nil,
        amounts: tracked.amounts(in: earlier))
    }

    var report = WeeklyReport(
      schemaVersion: Self.schemaVersion, generatedAt: options.now,
      timeZone: options.timeZone.identifier, weekStart: options.weekStart, today: today,
      period: period,
      daysElapsed: min(period.dayCount, max(0, today.dayNumber - period.firstDay.dayNumber + 1)),
      isComplete: today > period.lastDay, days: days, urges: urgeSummary, use: useSummary,
      goals: goals, comparison: comparison, series: series,
      patterns: Patterns(
        entries: entries, last: period.lastDay, today: today, dayStart: dayStart),
      observations: [])
    report.observations = Observation.derive(report: report, urges: urges, dayStart: dayStart)
    report.drinksStandard = options.drinks.standard
    report.money = MoneyKept(
      totals: totals, index: index, today: today.dayNumber,
      baselinePerWeek: options.baselinePerWeek)
    report.dayStart = dayStart
    return report
  }
}

extension WeeklyReport {
  /// The entries ``build(entries:outline:options:)`` reads: the days from the earliest any
  /// part of the report looks at (the series and the rolling means before it, the periods
  /// compared, the patterns' weeks, each weekly goal's history) to the period's last, the
  /// journal's first four weeks (the usual spending), and each substance's last use before.
  public static func entriesNeeded(options: ReportOptions) throws(AnalyticsError)
    -> EntriesNeeded
  {
    try options.validateSeries()
    let period = try options.period()
    let last = period.lastDay.dayNumber
    let earliest = [
      period.earlier(by: options.seriesWeeks + SeriesPoint.rollingPeriods - 2).firstDay.dayNumber,
      period.earlier(by: PeriodComparison.meanPeriods).firstDay.dayNumber,
      min(last, options.today.dayNumber) - 7 * Patterns.defaultWeeks + 1,
      // A goal's history: complete weeks ending before min(last, today), `seriesWeeks` of them.
      min(last, options.today.dayNumber) - 7 * (options.seriesWeeks + 2),
      period.firstDay.dayNumber,
    ].min()!
    return EntriesNeeded(
      days: [earliest...last], firstDays: MoneyKept.firstWeeksDays, latestUseBefore: earliest,
      dayStart: options.dayStart)
  }
}

extension UrgeSummary {
  /// The most triggers listed.
  static let topTriggerCount = 5

  init(urges: [(Timestamp, Urge)], dayStart: DayStart) {
    var byHour = [Int](repeating: 0, count: 24)
    var byWeekday = [Int](repeating: 0, count: 7)
    var triggerCounts: [String: Int] = [:]
    var durations: [Int] = []
    var surfed = 0
    var surfChanges: [Int] = []
    for (at, urge) in urges {
      byHour[LocalDate.hour(of: at)] += 1
      byWeekday[LocalDate(at, dayStart: dayStart).weekday.isoIndex] += 1
      for trigger in Set(urge.triggers.map(Naming.canonical)) where !trigger.isEmpty {
        triggerCounts[trigger, default: 0] += 1
      }
      if let duration = urge.durationMinutes { durations.append(duration) }
      if let coping = urge.coping, Naming.canonical(coping) == "urge surfing" {
        surfed += 1
        if let final = urge.finalIntensity { surfChanges.append(final - urge.intensity) }
      }
    }
    let intensities = urges.map(\.1.intensity)
    let resisted = urges.filter { $0.1.outcome == .resisted }.count
    let acted = urges.filter { $0.1.outcome == .acted }.count
    self.init(
      count: urges.count,
      meanIntensity: Self.mean(intensities),
      peakIntensity: intensities.max(),
      resisted: resisted,
      actedOn: acted,
      outcomeNotGiven: urges.count - resisted - acted,
      resistRate: resisted + acted > 0 ? Double(resisted) / Double(resisted + acted) : nil,
      topTriggers: triggerCounts.map { TriggerCount(trigger: $0.key, count: $0.value) }
        .sorted { ($1.count, $0.trigger) < ($0.count, $1.trigger) }
        .prefix(Self.topTriggerCount).map { $0 },
      byHour: byHour,
      byWeekday: byWeekday,
      meanDurationMinutes: Self.mean(durations),
      urgesWithDuration: durations.count,
      surfed: surfed,
      surfedWithFinalIntensity: surfChanges.count,
      meanSurfingIntensityChange: Self.mean(surfChanges))
  }

  private static func mean(_ values: [Int]) -> Double? {
    values.isEmpty ? nil : Double(values.reduce(0, +)) / Double(values.count)
  }
}

extension UseSummary {
  init(
    uses: [(Timestamp, Use)], totals: JournalIndex.PeriodTotals,
    streaks: (current: Int, longest: Int), drinks: DrinkSettings
  ) {
    struct Accumulator {
      var occasions = 0
      var amounts = UnitTotals()
      var withoutAmount = 0
      var spending = 0.0
      var notInStandardDrinks = 0
    }
    var perSubstance: [String: Accumulator] = [:]
    var spending = 0.0
    var withCost = 0
    for (_, use) in uses {
      // "wine" and "beer" are alcohol: the catalogue's reference name groups them.
      let name = SubstanceCatalog.referenceName(use.substance)
      var accumulator = perSubstance[name] ?? Accumulator()
      accumulator.occasions += 1
      if let amount = use.amount, let unit = use.unit {
        accumulator.amounts.add(amount, unit: unit)
      } else {
        accumulator.withoutAmount += 1
      }
      // The period's standard drinks are the index's (alcohol is their only source); only the
      // uses that do not convert are counted here.
      if name == "alcohol", drinks.standardDrinks(of: use) == nil {
        accumulator.notInStandardDrinks += 1
      }
      if let cost = use.cost {
        accumulator.spending += cost
        spending += cost
        withCost += 1
      }
      perSubstance[name] = accumulator
    }
    let substances = perSubstance.map { name, value in
      SubstanceUse(
        substance: name, occasions: value.occasions,
        amounts: value.amounts.amounts,
        occasionsWithoutAmount: value.withoutAmount, spending: value.spending,
        standardDrinks: name == "alcohol" ? totals.standardDrinks : nil,
        standard: name == "alcohol" ? drinks.standard : nil,
        occasionsNotInStandardDrinks: name == "alcohol" ? value.notInStandardDrinks : nil)
    }
    .sorted { ($1.occasions, $0.substance) < ($0.occasions, $1.substance) }
    self.init(
      occasions: uses.count, substances: substances, useDays: totals.useDays,
      useFreeDays: totals.useFreeDays, daysNotYetCounted: totals.daysNotYet,
      daysWithoutData: totals.daysWithoutData, currentUseFreeStreakDays: streaks.current,
      longestUseFreeStreakDays: streaks.longest, spending: spending, occasionsWithCost: withCost)
  }
}

extension PeriodComparison {
  /// The number of earlier periods averaged.
  static let meanPeriods = 4

  init(
    period: ReportPeriod, index: JournalIndex, today: Int
  ) {
    // Like for like: the days of this period up to today, and the same days of earlier ones.
    // The days so far, read the same way in this period and the earlier ones (an entry dated
    // on a later day of this period is not compared yet).
    let compared = max(1, min(period.dayCount, today - period.firstDay.dayNumber + 1))
    func earlier(_ count: Int) -> JournalIndex.PeriodTotals {
      index.totals(for: period.earlier(by: count).prefix(days: compared), today: today)
    }
    let current = earlier(0)
    let previous = earlier(1)
    let prior = (1...Self.meanPeriods).map(earlier).filter(\.coversEveryDay)
    func values(_ totals: JournalIndex.PeriodTotals) -> [ComparedMetric: Double] {
      [
        .urges: Double(totals.urges), .resisted: Double(totals.resisted),
        .actedOn: Double(totals.actedOn), .useOccasions: Double(totals.useOccasions),
        .useFreeDays: Double(totals.useFreeDays), .spending: totals.spending,
      ]
    }
    let now = values(current)
    let before = values(previous)
    let priorValues = prior.map(values)
    let metrics = ComparedMetric.allCases.map { metric -> MetricComparison in
      let value = now[metric]!
      let last = previous.coversEveryDay ? before[metric]! : nil
      let mean =
        priorValues.isEmpty
        ? nil : priorValues.map { $0[metric]! }.reduce(0, +) / Double(priorValues.count)
      return MetricComparison(
        metric: metric, current: value, previous: last,
        changeFromPrevious: last.map { value - $0 },
        percentFromPrevious: Self.percent(value, from: last),
        priorMean: mean, changeFromMean: mean.map { value - $0 },
        percentFromMean: Self.percent(value, from: mean))
    }
    self.init(
      previousFirstDay: period.earlier(by: 1).firstDay, daysCompared: compared,
      isPartial: compared < period.dayCount, periodsInMean: prior.count, metrics: metrics)
  }

  private static func percent(_ value: Double, from base: Double?) -> Double? {
    guard let base, base != 0 else { return nil }
    return (value - base) / base * 100
  }
}
