/// Renders a weekly report as Markdown for pasting into notes: headings, tables, sparklines.
///
/// The person's text (substances, units, triggers) is escaped so it shows literally.
public struct MarkdownReportRenderer: Sendable {
  /// Creates a renderer.
  public init() {}

  /// The report as Markdown, ending with a newline.
  public func render(_ report: WeeklyReport) -> String {
    let esc = MarkupEscaping.markdown
    var lines: [String] = []
    lines.append("# Sotto · \(DateText.title(report.period))")
    lines.append("")
    let state =
      report.isComplete
      ? "complete" : "so far (today is \(DateText.long(report.today)))"
    lines.append("\(DateText.range(report.period)) · \(esc(report.timeZone)) · \(state)")

    let urges = report.urges
    lines += ["", "## Urges", ""]
    if urges.count == 0 {
      lines.append("No urges logged.")
    } else {
      lines.append("| | |")
      lines.append("|---|---:|")
      lines.append("| Urges | \(urges.count) |")
      if let mean = urges.meanIntensity, let peak = urges.peakIntensity {
        lines.append("| Mean intensity | \(NumberText.decimal(mean)) |")
        lines.append("| Peak intensity | \(peak) |")
      }
      lines.append("| Resisted | \(urges.resisted) |")
      lines.append("| Acted on | \(urges.actedOn) |")
      if urges.outcomeNotGiven > 0 { lines.append("| Not said | \(urges.outcomeNotGiven) |") }
      if let rate = urges.resistRate {
        lines.append("| Resist rate | \(NumberText.percent(rate * 100)) |")
      }
      if let duration = urges.meanDurationMinutes {
        lines.append(
          "| Mean duration | \(NumberText.decimal(duration)) minutes "
            + "(\(NumberText.count(urges.urgesWithDuration, "urge"))) |")
      }
      if urges.surfed > 0 {
        var text = NumberText.count(urges.surfed, "urge")
        if let change = urges.meanSurfingIntensityChange {
          text += ", intensity change \(NumberText.signed(change)) on average"
        }
        lines.append("| Urge surfing | \(text) |")
      }
      if !urges.topTriggers.isEmpty {
        lines += ["", "**Top triggers**", "", "| Trigger | Urges |", "|---|---:|"]
        for trigger in urges.topTriggers {
          lines.append("| \(esc(trigger.trigger)) | \(trigger.count) |")
        }
      }
      let order = report.weekStart.orderedWeekdays
      lines += ["", "**By weekday**", ""]
      lines.append("| " + order.map(\.shortName).joined(separator: " | ") + " |")
      lines.append("|" + String(repeating: "---:|", count: 7))
      lines.append(
        "| " + order.map { String(urges.byWeekday[$0.isoIndex]) }.joined(separator: " | ") + " |")
      lines += [
        "",
        "**By hour of day** (00–23): `\(TextChart.sparkline(urges.byHour.map(Double.init)))`",
      ]
    }

    let use = report.use
    lines += ["", "## Use", ""]
    lines.append(
      "\(NumberText.count(use.occasions, "occasion")) · "
        + "\(NumberText.count(use.useDays, "use day")) · "
        + "\(NumberText.count(use.useFreeDays, "use-free day"))"
        + (use.daysNotYetCounted > 0
          ? " · \(NumberText.count(use.daysNotYetCounted, "day")) not counted yet" : ""))
    lines.append("")
    lines.append(
      "Use-free streak: \(NumberText.count(use.currentUseFreeStreakDays, "day")) now, "
        + "longest \(NumberText.count(use.longestUseFreeStreakDays, "day")). "
        + "Spending: \(NumberText.money(use.spending)).")
    if let money = report.money { lines += ["", money.text] }
    if !use.substances.isEmpty {
      lines += ["", "| Substance | Occasions | Amounts | Spending |", "|---|---:|---|---:|"]
      for substance in use.substances {
        let parts = substance.amountParts(unit: esc)
        lines.append(
          "| \(esc(substance.substance)) | \(substance.occasions) | "
            + "\(parts.joined(separator: ", ")) | \(NumberText.money(substance.spending)) |")
      }
    }
    if report.period.dayCount <= 14 {
      lines += ["", "| Day | Counts as | Use occasions | Urges |", "|---|---|---:|---:|"]
      for day in report.days {
        lines.append(
          "| \(DateText.short(day.date)) | \(day.state.label) | \(day.useOccasions) | "
            + "\(day.urges) |")
      }
    }

    lines += ["", "## Goals", ""]
    if report.goals.isEmpty {
      lines.append("No active goals.")
    } else {
      lines += ["| Goal | Status | Progress |", "|---|---|---|"]
      for goal in report.goals {
        lines.append(
          "| \(esc(goal.rule.plainDescription)) | \(goal.statusLabel) | \(esc(goal.detail))"
            + (goal.historyText.map { "; before: \(esc($0))" } ?? "") + " |")
      }
    }

    let weeks = CalendarRows.weeks(report)
    if !weeks.isEmpty {
      lines += [
        "", "## Calendar", "", "```", "week of       " + CalendarRows.header(report.weekStart),
      ]
      for week in weeks {
        lines.append(
          week.firstDay.description + "    " + String(week.days.map(CalendarRows.symbol)))
      }
      lines += ["```", "", CalendarRows.key + "."]
    }

    let comparison = report.comparison
    lines += ["", "## Compared with earlier weeks", ""]
    if comparison.isPartial {
      lines += [
        "So far: the first \(NumberText.count(comparison.daysCompared, "day")) against the same "
          + "days of earlier periods.", "",
      ]
    }
    lines.append(
      "| | Now | Before | Change | Mean of \(comparison.periodsInMean) before | Change |")
    lines.append("|---|---:|---:|---:|---:|---:|")
    for line in comparison.metrics {
      let metric = line.metric
      func change(_ value: Double?, _ percent: Double?) -> String {
        guard let value else { return "no data" }
        return metric.formatChange(value) + " (\(NumberText.signedPercent(percent)))"
      }
      lines.append(
        "| \(metric.label) | \(metric.format(line.current)) | "
          + "\(line.previous.map(metric.format) ?? "no data") | "
          + "\(change(line.changeFromPrevious, line.percentFromPrevious)) | "
          + "\(line.priorMean.map(metric.format) ?? "no data") | "
          + "\(change(line.changeFromMean, line.percentFromMean)) |")
    }

    if let first = report.series.first, let last = report.series.last {
      lines += [
        "", "## Last \(report.series.count) \(report.period.kind.noun)s",
        "", "\(first.label) to \(last.label), oldest first.", "",
        "| | Trend | Values | Mean of the last 4 |", "|---|---|---|---:|",
      ]
      for row in report.series.rows(drinks: report.drinksStandard.shortName) {
        let mean = row.means.last.flatMap { $0 }.map(row.format) ?? "—"
        lines.append(
          "| \(esc(row.name)) | `\(TextChart.sparkline(row.values))` | "
            + row.values.map { $0.map(row.format) ?? "—" }.joined(separator: " ") + " | \(mean) |")
      }
      if report.series.contains(where: { !$0.hasData }) {
        lines += ["", "· and —: before the journal began (no data)."]
      }
    }

    lines += [
      "", "## What helps and what hurts", "", "Over the \(report.patterns.windowText).", "",
    ]
    let tables = report.patterns.tables
    if tables.isEmpty { lines.append(Patterns.notEnough) }
    for (number, table) in tables.enumerated() {
      if number > 0 { lines.append("") }
      lines.append("| \(table.title) | " + table.columns.joined(separator: " | ") + " |")
      lines.append("|---|" + table.columns.map { _ in "---:" }.joined(separator: "|") + "|")
      for row in table.rows {
        lines.append("| \(esc(row[0])) | " + row.dropFirst().joined(separator: " | ") + " |")
      }
    }

    lines += ["", "## Observations", ""]
    if report.observations.isEmpty {
      lines.append("Not enough entries yet to point out patterns.")
    } else {
      for observation in report.observations { lines.append("- \(esc(observation.text))") }
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
