import Foundation

/// Renders a weekly report as one self-contained, XHTML-compatible page with inline SVG charts.
///
/// No scripts, fonts, images, links or anything else that loads from elsewhere; inline CSS with a
/// print style. The person's text is escaped.
/// - Warning: The page holds decrypted journal data; it says so at the top.
public struct HTMLReportRenderer: Sendable {
  /// Creates a renderer.
  public init() {}

  /// The page, ending with a newline.
  public func render(_ report: WeeklyReport) -> String {
    let esc = MarkupEscaping.html
    var html = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8"/>
      <meta name="viewport" content="width=device-width, initial-scale=1"/>
      <title>Sotto · \(esc(DateText.title(report.period)))</title>
      <style>\(Self.css)</style>
      </head>
      <body>
      <header>
      <h1>Sotto · \(esc(DateText.title(report.period)))</h1>
      <p>\(esc(DateText.range(report.period))) · \(esc(report.timeZone)) · \
      \(report.isComplete ? "complete" : "so far (today is \(esc(DateText.long(report.today))))")</p>
      <p class="note">This page holds decrypted journal data and is not encrypted. \
      Keep it somewhere private and delete it when you are done.</p>
      </header>

      """
    html += urgesSection(report)
    html += useSection(report)
    html += calendarSection(report)
    html += goalsSection(report)
    html += comparisonSection(report)
    html += seriesSection(report)
    html += patternsSection(report)
    html += "<section>\n<h2>Observations</h2>\n"
    if report.observations.isEmpty {
      html += "<p>Not enough entries yet to point out patterns.</p>\n"
    } else {
      html += "<ul>\n"
      for observation in report.observations { html += "<li>\(esc(observation.text))</li>\n" }
      html += "</ul>\n"
    }
    html += "</section>\n</body>\n</html>\n"
    return html
  }

  private func urgesSection(_ report: WeeklyReport) -> String {
    let esc = MarkupEscaping.html
    let urges = report.urges
    var html = "<section>\n<h2>Urges</h2>\n"
    guard urges.count > 0 else { return html + "<p>No urges logged.</p>\n</section>\n" }
    var rows: [(String, String)] = [("Urges", String(urges.count))]
    if let mean = urges.meanIntensity, let peak = urges.peakIntensity {
      rows.append(("Mean intensity", NumberText.decimal(mean)))
      rows.append(("Peak intensity", String(peak)))
    }
    rows.append(("Resisted", String(urges.resisted)))
    rows.append(("Acted on", String(urges.actedOn)))
    if urges.outcomeNotGiven > 0 { rows.append(("Not said", String(urges.outcomeNotGiven))) }
    if let rate = urges.resistRate { rows.append(("Resist rate", NumberText.percent(rate * 100))) }
    if let duration = urges.meanDurationMinutes {
      rows.append(
        (
          "Mean duration",
          "\(NumberText.decimal(duration)) minutes (\(NumberText.count(urges.urgesWithDuration, "urge")))"
        ))
    }
    if urges.surfed > 0 {
      var text = NumberText.count(urges.surfed, "urge")
      if let change = urges.meanSurfingIntensityChange {
        text += ", intensity change \(NumberText.signed(change)) on average"
      }
      rows.append(("Urge surfing", text))
    }
    html += "<div class=\"scroll\"><table class=\"facts\">\n"
    for (name, value) in rows { html += "<tr><th>\(name)</th><td>\(value)</td></tr>\n" }
    html += "</table></div>\n"
    if !urges.topTriggers.isEmpty {
      html += "<h3>Top triggers</h3>\n"
      // A label longer than its column is cut with an ellipsis; the bar's tooltip has it whole.
      html += SVGChart.horizontalBars(
        values: urges.topTriggers.map { Double($0.count) },
        labels: urges.topTriggers.map {
          esc($0.trigger.count > 26 ? String($0.trigger.prefix(25)) + "…" : $0.trigger)
        },
        tooltips: urges.topTriggers.map { esc($0.trigger) }, title: "Urges per trigger")
    }
    let order = report.weekStart.orderedWeekdays
    html += "<h3>By weekday</h3>\n"
    html += SVGChart.columns(
      values: order.map { Double(urges.byWeekday[$0.isoIndex]) }, labels: order.map(\.shortName),
      title: "Urges per weekday")
    html += "<h3>By hour of day</h3>\n"
    html += SVGChart.columns(
      values: urges.byHour.map(Double.init),
      labels: (0..<24).map { $0 % 3 == 0 ? String($0) : "" }, title: "Urges per hour of day")
    return html + "</section>\n"
  }

  private func useSection(_ report: WeeklyReport) -> String {
    let esc = MarkupEscaping.html
    let use = report.use
    var html = "<section>\n<h2>Use</h2>\n<div class=\"scroll\"><table class=\"facts\">\n"
    var rows: [(String, String)] = [
      ("Occasions", String(use.occasions)), ("Use days", String(use.useDays)),
      ("Use-free days", String(use.useFreeDays)),
    ]
    if use.daysNotYetCounted > 0 { rows.append(("Not counted yet", String(use.daysNotYetCounted))) }
    rows.append(("Use-free streak now", NumberText.count(use.currentUseFreeStreakDays, "day")))
    rows.append(("Longest use-free streak", NumberText.count(use.longestUseFreeStreakDays, "day")))
    rows.append(("Spending", NumberText.money(use.spending)))
    for (name, value) in rows { html += "<tr><th>\(name)</th><td>\(value)</td></tr>\n" }
    html += "</table></div>\n"
    if let money = report.money { html += "<p>\(esc(money.text))</p>\n" }
    if !use.substances.isEmpty {
      html +=
        "<div class=\"scroll\"><table>\n<tr><th>Substance</th><th>Occasions</th><th>Amounts</th>"
      html += "<th>Spending</th></tr>\n"
      for substance in use.substances {
        let parts = substance.amountParts(unit: esc)
        html += "<tr><td>\(esc(substance.substance))</td><td class=\"n\">\(substance.occasions)"
        html += "</td><td>\(parts.joined(separator: ", "))</td>"
        html += "<td class=\"n\">\(NumberText.money(substance.spending))</td></tr>\n"
      }
      html += "</table></div>\n"
    }
    if report.period.dayCount <= 14 {
      html +=
        "<div class=\"scroll\"><table>\n<tr><th>Day</th><th>Counts as</th><th>Use occasions</th>"
      html += "<th>Urges</th></tr>\n"
      for day in report.days {
        html += "<tr class=\"\(day.state.rawValue)\"><td>\(DateText.short(day.date))</td>"
        html += "<td>\(day.state.label)</td><td class=\"n\">\(day.useOccasions)</td>"
        html += "<td class=\"n\">\(day.urges)</td></tr>\n"
      }
      html += "</table></div>\n"
    }
    return html + "</section>\n"
  }

  private func goalsSection(_ report: WeeklyReport) -> String {
    let esc = MarkupEscaping.html
    var html = "<section>\n<h2>Goals</h2>\n"
    guard !report.goals.isEmpty else { return html + "<p>No active goals.</p>\n</section>\n" }
    for goal in report.goals {
      html += "<div class=\"goal \(goal.status.rawValue)\">\n"
      html += "<p><span class=\"status\">\(esc(goal.statusLabel))</span> "
      html += "<strong>\(esc(goal.rule.plainDescription))</strong></p>\n"
      if let fraction = goal.fillFraction {
        html += SVGChart.progress(fraction: fraction, status: goal.status)
      }
      html += "<p class=\"detail\">\(esc(goal.detail))</p>\n"
      if let history = goal.historyText {
        html += "<p class=\"detail\">Before: \(esc(history)).</p>\n"
      }
      html += "</div>\n"
    }
    html +=
      "<p class=\"legend\">Each bar fills toward the line that marks the goal. For a limit (an "
      + "amount, spending, days over), staying left of the line keeps within it; for a target "
      + "(use-free days, urges resisted), reaching the line meets it.</p>\n"
    return html + "</section>\n"
  }

  /// A GitHub-style grid: a column per week, a row per weekday, a cell per day.
  private func calendarSection(_ report: WeeklyReport) -> String {
    let weeks = CalendarRows.weeks(report)
    guard !weeks.isEmpty else { return "" }
    let esc = MarkupEscaping.html
    let cell = 11
    let width = 40 + weeks.count * (cell + 2)
    let height = 7 * (cell + 2) + 4
    var svg =
      "<div class=\"chart\"><svg class=\"calendar\" viewBox=\"0 0 \(width) \(height)\" "
      + "width=\"\(width)\" height=\"\(height)\" role=\"img\" "
      + "aria-label=\"Calendar of use and use-free days\">\n"
    for (row, weekday) in report.weekStart.orderedWeekdays.enumerated() where row % 2 == 0 {
      svg +=
        "<text x=\"0\" y=\"\(row * (cell + 2) + cell)\" font-size=\"10\">"
        + "\(esc(String(weekday.name.prefix(3))))</text>\n"
    }
    for (column, week) in weeks.enumerated() {
      for (row, day) in week.days.enumerated() {
        guard let day else { continue }
        let kind =
          switch day.state {
          case .use: "use"
          case .useFree: "free"
          case .notYet, .noData: "none"
          }
        svg +=
          "<rect class=\"\(kind)\" x=\"\(40 + column * (cell + 2))\" y=\"\(row * (cell + 2))\" "
          + "width=\"\(cell)\" height=\"\(cell)\"><title>\(day.date): "
          + "\(kind == "use" ? "use day" : kind == "free" ? "use-free day" : "no data")</title></rect>\n"
      }
    }
    svg += "</svg></div>\n"
    return "<section>\n<h2>Calendar</h2>\n" + svg
      + "<p>Dark: use day; light: use-free day; outlined: before the journal or not yet.</p>\n"
      + "</section>\n"
  }

  private func patternsSection(_ report: WeeklyReport) -> String {
    let esc = MarkupEscaping.html
    var html = "<section>\n<h2>What helps and what hurts</h2>\n"
    html += "<p>Over the \(esc(report.patterns.windowText)).</p>\n"
    let tables = report.patterns.tables
    if tables.isEmpty { html += "<p>\(esc(Patterns.notEnough))</p>\n" }
    for table in tables {
      html += "<div class=\"scroll\"><table>\n<tr><th>\(esc(table.title))</th>"
      for column in table.columns { html += "<th>\(esc(column))</th>" }
      html += "</tr>\n"
      for row in table.rows {
        html += "<tr><th>\(esc(row[0]))</th>"
        for cell in row.dropFirst() { html += "<td class=\"n\">\(esc(cell))</td>" }
        html += "</tr>\n"
      }
      html += "</table></div>\n"
    }
    return html + "</section>\n"
  }

  private func comparisonSection(_ report: WeeklyReport) -> String {
    let comparison = report.comparison
    var html = "<section>\n<h2>Compared with earlier weeks</h2>\n"
    if comparison.isPartial {
      html +=
        "<p>So far: the first \(NumberText.count(comparison.daysCompared, "day")) against the "
        + "same days of earlier periods.</p>\n"
    }
    html += "<div class=\"scroll\"><table>\n"
    html += "<tr><th></th><th>Now</th><th>Before</th><th>Change</th>"
    html += "<th>Mean of \(comparison.periodsInMean) before</th><th>Change</th></tr>\n"
    for line in comparison.metrics {
      let metric = line.metric
      func change(_ value: Double?, _ percent: Double?) -> String {
        guard let value else { return "no data" }
        return metric.formatChange(value) + " (\(NumberText.signedPercent(percent)))"
      }
      html += "<tr><th>\(metric.label)</th><td class=\"n\">\(metric.format(line.current))</td>"
      html += "<td class=\"n\">\(line.previous.map(metric.format) ?? "no data")</td>"
      html += "<td class=\"n\">\(change(line.changeFromPrevious, line.percentFromPrevious))</td>"
      html += "<td class=\"n\">\(line.priorMean.map(metric.format) ?? "no data")</td>"
      html += "<td class=\"n\">\(change(line.changeFromMean, line.percentFromMean))</td></tr>\n"
    }
    return html + "</table></div>\n</section>\n"
  }

  private func seriesSection(_ report: WeeklyReport) -> String {
    let esc = MarkupEscaping.html
    let points = report.series
    let unit = report.period.kind.noun + "s"
    var html = "<section>\n<h2>Last \(points.count) \(unit)</h2>\n"
    let before = points.filter { !$0.hasData }
    if let first = before.first, let last = before.last {
      html +=
        "<p>\(esc(first.label))\(before.count > 1 ? " to " + esc(last.label) : ""): before the "
        + "journal began (no data).</p>\n"
    }
    // Up to 26 periods, each is named; more, and only each month's first is (by its month),
    // so that 52 weeks never run their labels together.
    let labels = points.enumerated().map { offset, point -> String in
      if report.period.kind == .month { return DateText.months[point.firstDay.month - 1] }
      if report.period.kind == .year { return esc(point.label) }
      guard points.count > 26 else {
        let label = point.label
        return esc(label.count > 8 ? String(label.suffix(5)) : String(label.suffix(3)))
      }
      let newMonth = offset == 0 || points[offset - 1].firstDay.month != point.firstDay.month
      return newMonth ? DateText.months[point.firstDay.month - 1] : ""
    }
    for row in points.rows(drinks: report.drinksStandard.name) {
      html += "<h3>\(esc(row.name))</h3>\n"
      html += SVGChart.columns(
        values: row.values.map { $0 ?? 0 }, labels: labels,
        title: "\(esc(row.name)) per \(unit.dropLast())", partialLast: !report.isComplete,
        line: row.means.contains { $0 != nil } ? row.means : nil)
    }
    html +=
      "<p class=\"legend\">The line is the mean of each \(report.period.kind.noun) and the three "
      + "before it (those the journal covers).</p>\n"
    if !report.isComplete {
      html +=
        "<p class=\"legend\">The lighter last column is the current \(report.period.kind.noun), "
        + "so far.</p>\n"
    }
    return html + "</section>\n"
  }

  private static let css = """

    body { font-family: system-ui, sans-serif; color: #1d2a33; background: #fff;
      max-width: 52rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
    h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
    h2 { font-size: 1.2rem; border-bottom: 1px solid #c9d4da; padding-bottom: 0.2rem;
      margin-top: 2rem; }
    h3 { font-size: 1rem; margin: 1rem 0 0.3rem; }
    .note { background: #fff6dc; border: 1px solid #e5cf8a; padding: 0.5rem 0.8rem; }
    table { border-collapse: collapse; margin: 0.5rem 0; }
    th, td { text-align: left; padding: 0.2rem 0.8rem 0.2rem 0; vertical-align: top; }
    td.n { text-align: right; font-variant-numeric: tabular-nums; }
    tr.useFree td { color: #1f6b3a; }
    tr.notYet td, tr.noData td { color: #7a868e; }
    svg { display: block; }
    /* Charts and tables keep their size and scroll sideways inside their box on a narrow
       screen, so their text stays readable and the page itself never gets wider. */
    .chart, .scroll { max-width: 100%; overflow-x: auto; }
    td { overflow-wrap: break-word; }
    .legend { color: #4d5b64; font-size: 0.9rem; }
    @media (max-width: 36rem) {
      body { margin: 1rem auto; padding: 0 0.6rem; }
      th, td { padding-right: 0.5rem; }
    }
    svg text { font-family: system-ui, sans-serif; font-size: 11px; fill: #1d2a33; }
    .bar { fill: #2f7f9f; }
    .bar.partial { fill: #9ccbdc; }
    .mean { fill: none; stroke: #c05a2b; stroke-width: 2; }
    .calendar { max-width: 48rem; }
    .calendar .use { fill: #9b3b2f; }
    .calendar .free { fill: #b9dcc4; }
    .calendar .none { fill: none; stroke: #c5ced4; }
    .track { fill: #e3eaee; }
    .goal { margin: 0.8rem 0; }
    .goal p { margin: 0.1rem 0; }
    .status { display: inline-block; min-width: 6.5rem; font-weight: bold; }
    .met .status { color: #1f6b3a; }
    .onTrack .status { color: #2f7f9f; }
    .exceeded .status, .notReached .status { color: #8a5a00; }
    .fill-met, .fill-onTrack { fill: #3f9a5f; }
    .fill-exceeded, .fill-notReached { fill: #c98a1a; }
    .target { stroke: #1d2a33; stroke-width: 2; }
    @media print {
      body { margin: 0; max-width: none; }
      section { break-inside: avoid; }
      .note { border-color: #000; }
    }

    """
}

/// Inline SVG charts with no external references.
enum SVGChart {
  static func number(_ value: Double) -> String {
    String(format: "%.1f", value)
  }

  /// Vertical columns, one per value, with the labels (already escaped) below.
  /// `partialLast`: the last column is a period still running, drawn lighter.
  /// `line`: values drawn as a line over the columns, on the same scale (a rolling mean).
  static func columns(
    values: [Double], labels: [String], title: String, partialLast: Bool = false,
    line: [Double?]? = nil
  ) -> String {
    let width = 640.0
    let height = 150.0
    let left = 28.0
    let bottom = 20.0
    let top = 14.0
    let plotHeight = height - bottom - top
    let maximum = max(values.max() ?? 0, line?.compactMap { $0 }.max() ?? 0, 1)
    let step = (width - left) / Double(max(values.count, 1))
    var svg =
      "<div class=\"chart\"><svg viewBox=\"0 0 \(number(width)) \(number(height))\" "
      + "width=\"\(number(width))\" "
      + "height=\"\(number(height))\" role=\"img\" aria-label=\"\(title)\">\n"
      + "<title>\(title)</title>\n"
    svg += "<line x1=\"\(number(left))\" y1=\"\(number(height - bottom))\" x2=\"\(number(width))\" "
    svg += "y2=\"\(number(height - bottom))\" stroke=\"#9aa7af\"/>\n"
    svg += "<text x=\"0\" y=\"\(number(top + 4))\">\(NumberText.amount(maximum))</text>\n"
    for (offset, value) in values.enumerated() {
      let barHeight = value / maximum * plotHeight
      let x = left + Double(offset) * step + step * 0.15
      let y = height - bottom - barHeight
      let partial = partialLast && offset == values.count - 1
      svg +=
        "<rect class=\"bar\(partial ? " partial" : "")\" x=\"\(number(x))\" y=\"\(number(y))\" "
      svg += "width=\"\(number(step * 0.7))\" height=\"\(number(barHeight))\">"
      svg += "<title>\(offset < labels.count ? labels[offset] : ""): \(NumberText.amount(value))"
      if partial { svg += " (so far)" }
      svg += "</title></rect>\n"
      if values.count <= 26 && value > 0 {
        svg += "<text x=\"\(number(x + step * 0.35))\" y=\"\(number(y - 3))\" "
        svg += "text-anchor=\"middle\">\(NumberText.amount(value))</text>\n"
      }
      if offset < labels.count, !labels[offset].isEmpty, values.count <= 53 {
        svg += "<text x=\"\(number(x + step * 0.35))\" y=\"\(number(height - 5))\" "
        svg += "text-anchor=\"middle\">\(labels[offset])</text>\n"
      }
    }
    if let line {
      let points = line.enumerated().compactMap { offset, value -> String? in
        guard let value else { return nil }
        let x = left + Double(offset) * step + step * 0.5
        return "\(number(x)),\(number(height - bottom - value / maximum * plotHeight))"
      }
      if points.count > 1 {
        svg += "<polyline class=\"mean\" points=\"\(points.joined(separator: " "))\"/>\n"
      }
    }
    return svg + "</svg></div>\n"
  }

  /// Horizontal bars with the labels (already escaped) on the left.
  /// `tooltips` (escaped): each bar's full name, when its label is shortened.
  static func horizontalBars(
    values: [Double], labels: [String], tooltips: [String] = [], title: String
  ) -> String {
    let width = 640.0
    let rowHeight = 22.0
    let left = 170.0
    let height = rowHeight * Double(values.count) + 4
    let maximum = max(values.max() ?? 0, 1)
    var svg =
      "<div class=\"chart\"><svg viewBox=\"0 0 \(number(width)) \(number(height))\" "
      + "width=\"\(number(width))\" "
      + "height=\"\(number(height))\" role=\"img\" aria-label=\"\(title)\">\n"
      + "<title>\(title)</title>\n"
    for (offset, value) in values.enumerated() {
      let y = Double(offset) * rowHeight + 2
      let label = offset < labels.count ? labels[offset] : ""
      svg += "<text x=\"0\" y=\"\(number(y + 15))\">\(label)</text>\n"
      svg += "<rect class=\"bar\" x=\"\(number(left))\" y=\"\(number(y + 3))\" "
      svg += "width=\"\(number(value / maximum * (width - left - 40)))\" height=\"14\">"
      svg += "<title>\(offset < tooltips.count ? tooltips[offset] : label)</title></rect>\n"
      svg += "<text x=\"\(number(left + value / maximum * (width - left - 40) + 6))\" "
      svg += "y=\"\(number(y + 15))\">\(NumberText.amount(value))</text>\n"
    }
    return svg + "</svg></div>\n"
  }

  /// A goal's progress bar: the target at 2/3 of the width, so going over it shows.
  static func progress(fraction: Double, status: GoalStatus) -> String {
    let width = 300.0
    let targetX = width * 2 / 3
    let filled = min(max(fraction, 0), 1.5) * targetX
    var svg = "<svg viewBox=\"0 0 300 16\" width=\"300\" height=\"16\" role=\"img\" "
    svg += "aria-label=\"\(NumberText.percent(fraction * 100)) of the target\">\n"
    svg += "<rect class=\"track\" x=\"0\" y=\"3\" width=\"300\" height=\"10\"/>\n"
    svg += "<rect class=\"fill-\(status.rawValue)\" x=\"0\" y=\"3\" width=\"\(number(filled))\" "
    svg += "height=\"10\"/>\n"
    svg += "<line class=\"target\" x1=\"\(number(targetX))\" y1=\"0\" x2=\"\(number(targetX))\" "
    svg += "y2=\"16\"/>\n"
    return svg + "</svg>\n"
  }
}
