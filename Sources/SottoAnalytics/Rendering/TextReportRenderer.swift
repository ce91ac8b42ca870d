/// Renders a weekly report as terminal text: headed sections, bars and sparklines, 80 columns.
///
/// Reads fine without colour; with `colour` it adds ANSI styles (the caller decides: a TTY and
/// `NO_COLOR` unset). The person's text is cleaned of control characters and shortened.
public struct TextReportRenderer: Sendable {
  /// Whether to add ANSI colour and bold.
  public var colour: Bool

  /// The widest line, in characters.
  public static let width = 80

  /// Creates a renderer.
  public init(colour: Bool = false) {
    self.colour = colour
  }

  /// The report as text, ending with a newline.
  public func render(_ report: WeeklyReport) -> String {
    var out = TextOutput(colour: colour)
    header(report, &out)
    urges(report, &out)
    use(report, &out)
    calendar(report, &out)
    goals(report, &out)
    comparison(report, &out)
    series(report, &out)
    patterns(report, &out)
    observations(report, &out)
    return out.text
  }

  private func header(_ report: WeeklyReport, _ out: inout TextOutput) {
    out.line(
      out.bold("Sotto · \(DateText.title(report.period))") + " · "
        + DateText.range(report.period))
    let state =
      report.isComplete
      ? "complete"
      : (report.daysElapsed == 0
        ? "not started yet" : "so far (today is \(DateText.long(report.today)))")
    out.line(TerminalText.clean(report.timeZone, width: 32) + " · " + state)
  }

  private func urges(_ report: WeeklyReport, _ out: inout TextOutput) {
    let urges = report.urges
    out.heading("Urges")
    guard urges.count > 0 else {
      out.line("  No urges logged.")
      return
    }
    var first = "  " + NumberText.count(urges.count, "urge")
    if let mean = urges.meanIntensity, let peak = urges.peakIntensity {
      first += " · mean intensity \(NumberText.decimal(mean)) · peak \(peak)"
    }
    out.line(first)
    var outcome = "  Resisted \(urges.resisted) · acted on \(urges.actedOn)"
    if urges.outcomeNotGiven > 0 { outcome += " · not said \(urges.outcomeNotGiven)" }
    if let rate = urges.resistRate { outcome += " · resist rate \(NumberText.percent(rate * 100))" }
    out.line(outcome)
    if let duration = urges.meanDurationMinutes {
      out.line(
        "  Mean duration \(NumberText.decimal(duration)) minutes "
          + "(\(NumberText.count(urges.urgesWithDuration, "urge")))")
    }
    if urges.surfed > 0 {
      var text = "  Urge surfing: \(NumberText.count(urges.surfed, "urge"))"
      if let change = urges.meanSurfingIntensityChange {
        text +=
          change < 0
          ? " · intensity \(NumberText.decimal(-change)) points lower on average"
          : " · intensity \(NumberText.decimal(change)) points higher on average"
      }
      out.line(text)
    }
    if !urges.topTriggers.isEmpty {
      out.blank()
      out.line("  Top triggers")
      let top = Double(urges.topTriggers.map(\.count).max() ?? 0)
      for trigger in urges.topTriggers {
        out.line(
          "    " + TerminalText.pad(TerminalText.clean(trigger.trigger, width: 18), 20)
            + out.accent(TextChart.bar(Double(trigger.count), maximum: top, width: 40)) + " "
            + String(trigger.count))
      }
    }
    out.blank()
    out.line("  By weekday")
    let top = Double(urges.byWeekday.max() ?? 0)
    for weekday in report.weekStart.orderedWeekdays {
      let count = urges.byWeekday[weekday.isoIndex]
      out.line(
        "    " + TerminalText.pad(weekday.shortName, 6)
          + TerminalText.padLeft(String(count), 3) + " "
          + out.accent(TextChart.bar(Double(count), maximum: top, width: 40)))
    }
    out.blank()
    out.line("  By hour of day  " + out.accent(TextChart.sparkline(urges.byHour.map(Double.init))))
    var axis = [Character](repeating: " ", count: 25)
    for hour in [0, 6, 12, 18] {
      for (offset, character) in String(hour).enumerated() { axis[hour + offset] = character }
    }
    axis[23] = "2"
    axis[24] = "3"
    out.line("                  " + String(axis))
  }

  private func use(_ report: WeeklyReport, _ out: inout TextOutput) {
    let use = report.use
    out.heading("Use")
    var summary =
      "  \(NumberText.count(use.occasions, "occasion")) · "
      + "\(NumberText.count(use.useDays, "use day")) · "
      + "\(NumberText.count(use.useFreeDays, "use-free day"))"
    if use.daysNotYetCounted > 0 {
      summary += " · \(NumberText.count(use.daysNotYetCounted, "day")) not counted yet"
    }
    out.line(summary)
    if use.daysWithoutData > 0 {
      out.line("  \(NumberText.count(use.daysWithoutData, "day")) before the journal began")
    }
    out.line(
      "  Use-free streak: \(NumberText.count(use.currentUseFreeStreakDays, "day")) now · "
        + "longest \(NumberText.count(use.longestUseFreeStreakDays, "day"))")
    if use.occasionsWithCost > 0 {
      out.line(
        "  Spending \(NumberText.money(use.spending)) "
          + "(\(NumberText.count(use.occasionsWithCost, "use")) with a cost)")
    }
    if let money = report.money { out.wrapped(money.text, indent: 2) }
    if !use.substances.isEmpty {
      out.blank()
      for substance in use.substances {
        let parts = substance.amountParts { TerminalText.clean($0, width: 12) }
        let lead =
          "  " + TerminalText.pad(TerminalText.clean(substance.substance, width: 16), 18)
          + TerminalText.pad(NumberText.count(substance.occasions, "occasion"), 14)
        let line = lead + parts.joined(separator: " · ")
        if line.count <= Self.width {
          out.line(line)
        } else {
          out.line(lead)
          for part in parts { out.line(String(repeating: " ", count: 34) + part) }
        }
      }
    }
    if report.period.dayCount <= 14 {
      out.blank()
      for day in report.days {
        var line = "  " + TerminalText.pad(DateText.short(day.date), 13)
        line += out.state(day.state, width: 10)
        var notes: [String] = []
        if day.useOccasions > 0 { notes.append(NumberText.count(day.useOccasions, "occasion")) }
        if day.urges > 0 { notes.append(NumberText.count(day.urges, "urge")) }
        line += notes.joined(separator: " · ")
        out.line(line.trimmedRight)
      }
    }
  }

  private func goals(_ report: WeeklyReport, _ out: inout TextOutput) {
    out.heading("Goals")
    guard !report.goals.isEmpty else {
      out.line("  No active goals.")
      return
    }
    for goal in report.goals {
      out.line(
        "  " + out.status(goal, width: 14)
          + TerminalText.clean(goal.rule.plainDescription, width: 64))
      var detail = ""
      if let fraction = goal.fillFraction {
        detail = TextChart.progress(fraction, width: 16) + "  "
      }
      detail += goal.detail
      out.wrapped(TerminalText.clean(detail, width: 400), indent: 16)
      if let history = goal.historyText { out.wrapped("Before: " + history + ".", indent: 16) }
    }
  }

  private func comparison(_ report: WeeklyReport, _ out: inout TextOutput) {
    let comparison = report.comparison
    let previousName = report.period.kind.previousName
    out.heading(
      "Compared with \(previousName) and the \(comparison.periodsInMean == 0 ? "4" : String(comparison.periodsInMean))-\(report.period.kind.noun) mean"
    )
    out.line(
      "  " + TerminalText.pad("", 16) + TerminalText.padLeft("now", 8)
        + TerminalText.padLeft("before", 9) + TerminalText.padLeft("change", 15)
        + TerminalText.padLeft("mean", 9) + TerminalText.padLeft("change", 15))
    for line in comparison.metrics {
      let metric = line.metric
      var row = "  " + TerminalText.pad(metric.label, 16)
      row += TerminalText.padLeft(metric.format(line.current), 8)
      row += TerminalText.padLeft(line.previous.map(metric.format) ?? "—", 9)
      row += TerminalText.padLeft(
        Self.change(line.changeFromPrevious, line.percentFromPrevious, metric), 15)
      row += TerminalText.padLeft(line.priorMean.map { metric.format($0) } ?? "—", 9)
      row += TerminalText.padLeft(
        Self.change(line.changeFromMean, line.percentFromMean, metric), 15)
      out.line(row)
    }
    if comparison.isPartial {
      out.line(
        "  So far: its first \(NumberText.count(comparison.daysCompared, "day")) against the same"
          + " days of earlier \(report.period.kind.noun)s.")
    }
    if comparison.periodsInMean < PeriodComparison.meanPeriods {
      out.line(
        "  The mean covers \(NumberText.count(comparison.periodsInMean, "earlier period"))"
          + " with data; \"—\" means no data.")
    }
  }

  private static func change(_ change: Double?, _ percent: Double?, _ metric: ComparedMetric)
    -> String
  {
    guard let change else { return "no data" }
    guard let percent else { return metric.formatChange(change) }
    return metric.formatChange(change) + " " + NumberText.signedPercent(percent)
  }

  private func series(_ report: WeeklyReport, _ out: inout TextOutput) {
    let points = report.series.suffix(40)
    guard let first = points.first, let last = points.last else { return }
    let unit = report.period.kind.noun
    out.heading("Last \(NumberText.count(points.count, unit))")
    out.line("  \(first.label) to \(last.label), oldest first")
    if report.series.count > points.count {
      out.wrapped(
        "(the last \(points.count) of the \(report.series.count) asked for, to fit 80 columns; "
          + "the JSON, Markdown and HTML reports have them all)", indent: 2)
    }
    let rows = Array(points).rows(drinks: report.drinksStandard.shortName)
    for row in rows {
      let spark = TextChart.sparkline(row.values)
      var line =
        "  " + TerminalText.pad(TerminalText.clean(row.name, width: 16), 17) + out.accent(spark)
      let numbers = row.values.map { $0.map(row.format) ?? "—" }.joined(separator: " ")
      if 19 + spark.count + 2 + numbers.count <= Self.width {
        line += "  " + numbers
      } else {
        line += "  max " + row.format(row.values.compactMap { $0 }.max() ?? 0)
      }
      out.line(line)
    }
    if points.contains(where: { !$0.hasData }) {
      out.line("  · and — : before the journal began (no data)")
    }
    if let latest = points.last?.rollingMean {
      let means = rows.compactMap { row in row.means.last.flatMap { $0 }.map { (row, $0) } }
      out.wrapped(
        "Mean of the last \(NumberText.count(latest.periods, unit)): "
          + means.map {
            "\(TerminalText.clean($0.0.name, width: 30).lowercased()) \($0.0.format($0.1))"
          }
          .joined(separator: " · "), indent: 2)
    }
  }

  /// A month, a year or a range: one row per week, a cell per day.
  private func calendar(_ report: WeeklyReport, _ out: inout TextOutput) {
    let weeks = CalendarRows.weeks(report)
    guard !weeks.isEmpty else { return }
    out.heading("Calendar")
    out.line("  " + TerminalText.pad("week of", 14) + CalendarRows.header(report.weekStart))
    for week in weeks {
      out.line(
        "  " + TerminalText.pad(week.firstDay.description, 14)
          + String(week.days.map(CalendarRows.symbol)))
    }
    out.wrapped(CalendarRows.key, indent: 2)
  }

  private func patterns(_ report: WeeklyReport, _ out: inout TextOutput) {
    let patterns = report.patterns
    out.heading("What helps and what hurts")
    out.line("  Over the \(patterns.windowText)")
    let tables = patterns.tables
    guard !tables.isEmpty else {
      out.wrapped(Patterns.notEnough, indent: 2)
      return
    }
    for table in tables {
      var heading = "  " + TerminalText.pad(table.title, 36)
      for column in table.columns { heading += TerminalText.padLeft(column, 10) }
      out.line(heading)
      for row in table.rows {
        var line = "    " + TerminalText.pad(TerminalText.clean(row[0], width: 32), 34)
        for cell in row.dropFirst() { line += TerminalText.padLeft(cell, 10) }
        out.line(line)
      }
    }
    out.line("  A row needs at least \(Patterns.minimumCount) urges or uses.")
  }

  private func observations(_ report: WeeklyReport, _ out: inout TextOutput) {
    out.heading("Observations")
    guard !report.observations.isEmpty else {
      out.line("  Not enough entries yet to point out patterns.")
      return
    }
    for observation in report.observations {
      out.wrapped("• " + TerminalText.clean(observation.text, width: 400), indent: 2, hanging: 2)
    }
  }
}

/// Lines of terminal text with optional ANSI styling.
struct TextOutput {
  let colour: Bool
  private(set) var text = ""

  mutating func line(_ line: String) {
    text += line.trimmedRight + "\n"
  }

  mutating func blank() {
    line("")
  }

  mutating func heading(_ title: String) {
    blank()
    line(bold(title.uppercased()))
  }

  /// Wraps at word boundaries to fit the width; later lines are indented by `hanging` more.
  mutating func wrapped(_ text: String, indent: Int, hanging: Int = 0) {
    let width = TextReportRenderer.width
    var current = String(repeating: " ", count: indent)
    var currentHasWord = false
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
      if currentHasWord && current.count + 1 + word.count > width {
        line(current)
        current = String(repeating: " ", count: indent + hanging)
        currentHasWord = false
      }
      current += (currentHasWord ? " " : "") + word
      currentHasWord = true
    }
    if currentHasWord { line(current) }
  }

  func style(_ text: String, _ code: String) -> String {
    colour && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }

  func bold(_ text: String) -> String { style(text, "1") }

  func accent(_ text: String) -> String { style(text, "36") }

  func status(_ goal: GoalProgress, width: Int) -> String {
    let label = TerminalText.pad(goal.statusLabel, width)
    switch goal.status {
    case .met: return style(label, "32")
    case .onTrack: return style(label, "36")
    case .exceeded, .notReached: return style(label, "33")
    }
  }

  func state(_ state: DaySummary.State, width: Int) -> String {
    let label = TerminalText.pad(state.label, width)
    return state == .useFree ? style(label, "32") : label
  }
}

extension String {
  var trimmedRight: String {
    var copy = self
    while copy.last == " " { copy.removeLast() }
    return copy
  }
}
