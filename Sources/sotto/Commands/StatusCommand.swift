import ArgumentParser
import SottoCore

struct StatusCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "status",
    abstract: "Today at a glance: time since last use, totals against goals, use-free streak.")

  @OptionGroup var options: JournalOptions

  func run() throws {
    try runReportingErrors {
      let contents = try options.unlock().contents()
      Console.out("\(contents.entries.count) entries.")
    }
  }
}
