import ArgumentParser
import Foundation
import SottoAnalytics
import SottoCore
import SottoModel

/// The formats a report can be rendered in.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
  case text, markdown, json, html
}

struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "This week's trends: urges, use, goals, and how they compare with recent weeks.",
    discussion: """
      Examples:
        sotto report                          this week, in the terminal
        sotto report --week last
        sotto report --week 2026-W47 --format markdown
        sotto report --month last             last calendar month
        sotto report --year 2026
        sotto report --since 2026-11-01 --until 2026-11-15
        sotto report --weeks 12 --format html --output report.html

      Weeks are ISO weeks (Monday to Sunday) in your time zone unless --week-start sunday. \
      A month or year is compared with the calendar month or year before it, and its series \
      (--weeks N) holds the N months or years up to it. \
      A report written to a file is NOT encrypted: it is created private (mode 0600) and never \
      replaces an existing file unless --force.
      """)

  @Option(
    help: ArgumentHelp(
      "Which week: this (default), last, or an ISO week like 2026-W47.", valueName: "week"))
  var week: String?

  @Option(
    help: ArgumentHelp(
      "A calendar month instead of a week: this, last, or a month like 2026-11.",
      valueName: "month"))
  var month: String?

  @Option(
    help: ArgumentHelp(
      "A calendar year instead of a week: this, last, or a year like 2026.", valueName: "year"))
  var year: String?

  @Option(
    help: ArgumentHelp(
      "A report of a range of days instead of a week (with --until).", valueName: "when"))
  var since: String?

  @Option(help: ArgumentHelp("The last day of the range (default: today).", valueName: "when"))
  var until: String?

  @Option(help: ArgumentHelp("How many weeks the trend series shows.", valueName: "n"))
  var weeks: Int = ReportOptions.defaultSeriesWeeks

  @Option(help: "Output: text, markdown, json or html.")
  var format: ReportFormat = .text

  @Option(
    help: ArgumentHelp(
      "Write to this file instead of the terminal (- for stdout).", valueName: "file"))
  var output: String?

  @Flag(help: "Replace the output file if it exists.")
  var force = false

  @Flag(
    name: .customLong("no-pager"),
    help: "Print the text report straight to the terminal, even when it is longer than the screen.")
  var noPager = false

  @Option(
    name: .customLong("week-start"), help: "The first day of the week: monday or sunday.")
  var weekStart: WeekStart = .monday

  @OptionGroup var options: JournalOptions

  func selection(clock: Clock) throws -> ReportSelection {
    let chosen = [week != nil, month != nil, year != nil, since != nil || until != nil]
    if chosen.filter({ $0 }).count > 1 {
      throw InputError("Give one of --week, --month, --year or --since/--until, not several.")
    }
    if let week {
      return try ReportSelection.parse(week: week)
    }
    if let month { return try ReportSelection.parse(month: month) }
    if let year { return try ReportSelection.parse(year: year) }
    if since == nil && until != nil { throw InputError("--until needs --since.") }
    if let since {
      let start = try clock.parse(since, option: "--since").date
      let end = try until.map { try clock.parseEnd($0, option: "--until").date } ?? clock.now
      return .range(since: start, until: end)
    }
    return .currentWeek
  }

  static func render(_ report: WeeklyReport, format: ReportFormat, colour: Bool) -> String {
    switch format {
    case .text: TextReportRenderer(colour: colour).render(report)
    case .markdown: MarkdownReportRenderer().render(report)
    case .json: JSONReportRenderer().render(report)
    case .html: HTMLReportRenderer().render(report)
    }
  }

  func run() throws {
    try runReportingErrors {
      let clock = Clock()
      var reportOptions = ReportOptions(
        timeZone: clock.timeZone, weekStart: weekStart, now: clock.now,
        selection: try selection(clock: clock), seriesWeeks: weeks)
      _ = try reportOptions.period()
      if !(1...ReportOptions.maxSeriesWeeks).contains(weeks) {
        throw InputError("--weeks must be from 1 to \(ReportOptions.maxSeriesWeeks).")
      }
      if let output { try PlaintextFile.checkDestination(output, overwrite: force) }
      let read = try options.read { settings in
        reportOptions.settings = settings
        return try WeeklyReport.entriesNeeded(options: reportOptions)
      }
      let report = try WeeklyReport.build(
        entries: read.entries, outline: read.outline, options: reportOptions)
      let toFile = output != nil && output != "-"
      let text = Self.render(report, format: format, colour: !toFile && Console.colourOnStdout)
      if let output {
        try PlaintextFile.write(Data(text.utf8), to: output, overwrite: force)
        if toFile {
          Console.note(
            "Wrote \(output). It is NOT encrypted: it shows your journal in plain text. "
              + "Delete it when you no longer need it.")
        }
      } else {
        Pager.show(text, allowed: !noPager && format == .text)
      }
    }
  }
}
