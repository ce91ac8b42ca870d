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
      let (journal, contents) = try options.readAll()
      let clock = Clock()
      let status = JournalStatus.build(
        entries: contents.all, timeZone: clock.timeZone, weekStart: weekStart,
        now: clock.now, settings: try journal.settings())
      switch format {
      case .json: FileHandle.standardOutput.write(Data(JSONReportRenderer().render(status).utf8))
      case .text:
        FileHandle.standardOutput.write(
          Data(TextStatusRenderer(colour: Console.colourOnStdout).render(status).utf8))
      }
    }
  }
}
