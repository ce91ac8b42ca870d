import ArgumentParser
import Foundation
import SottoAnalytics
import SottoCore

extension WeekStart: ExpressibleByArgument {}

struct StatusCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "status",
    abstract: "Today at a glance: time since last use, totals against goals, use-free streak.")

  @Option(help: "Output: text or json.")
  var format: OutputFormat = .text

  @Option(
    name: .customLong("week-start"), help: "The first day of the week: monday or sunday.")
  var weekStart: WeekStart = .monday

  @OptionGroup var options: JournalOptions

  func run() throws {
    try runReportingErrors(readOnly: true) {
      let clock = Clock()
      let read = try options.read { settings in
        JournalStatus.entriesNeeded(
          timeZone: clock.timeZone, weekStart: weekStart, now: clock.now, settings: settings)
      }
      let status = JournalStatus.build(
        entries: read.entries, outline: read.outline, timeZone: clock.timeZone,
        weekStart: weekStart, now: clock.now, settings: read.settings)
      switch format {
      case .json: FileHandle.standardOutput.write(Data(JSONReportRenderer().render(status).utf8))
      case .text:
        FileHandle.standardOutput.write(
          Data(TextStatusRenderer(colour: Console.colourOnStdout).render(status).utf8))
      }
    }
  }
}
