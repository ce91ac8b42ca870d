import ArgumentParser
import Foundation
import SottoAnalytics
import SottoCore
import SottoModel

struct DemoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo",
    abstract: "See what Sotto does, on a throwaway journal of made-up entries.",
    discussion: """
      Builds a temporary encrypted journal of realistic sample entries (urges, use of a few \
      substances, two goals, quiet weeks and a harder one), prints its weekly report, and \
      deletes it. Your own journal is not touched.
      """)

  @Option(
    help: ArgumentHelp("How many weeks of sample entries (1 to 52).", valueName: "n"))
  var weeks: Int = 6

  @Flag(name: .customLong("no-pager"), help: "Print straight to the terminal, without a pager.")
  var noPager = false

  static let passphrase = "sotto demo passphrase"

  func run() throws {
    try runReportingErrors(readOnly: true) {
      guard (1...52).contains(weeks) else { throw InputError("--weeks must be from 1 to 52.") }
      let clock = Clock()
      let template = FileManager.default.temporaryDirectory.path + "/sotto-demo-XXXXXX"
      var buffer = Array(template.utf8CString)
      guard let created = mkdtemp(&buffer) else {
        throw SottoError(.storage, "No temporary folder could be made for the demo.")
      }
      let folder = String(cString: created)
      defer { try? FileManager.default.removeItem(atPath: folder) }
      let passphrase = try Passphrase(utf8: Array(Self.passphrase.utf8))
      let journal = try Journal.create(
        at: folder + "/journal.db", passphrase: passphrase, kdf: .interactive)
      let unlocked = try journal.unlock(passphrase)
      let entries: [SottoModel.Entry]
      entries = try DemoJournal.entries(weeks: weeks, endingAt: clock.now, timeZone: clock.timeZone)
      try unlocked.add(entries)
      let stored = try unlocked.contents().all
      let report: WeeklyReport
      report = try WeeklyReport.build(
        entries: stored,
        options: ReportOptions(timeZone: clock.timeZone, now: clock.now, seriesWeeks: weeks))
      // One text, so a pager shows all of it (longer than a screen, it goes through one).
      Pager.show(
        "This is a demo journal of \(stored.count) made-up entries over \(weeks) weeks, "
          + "encrypted like yours will be.\n\n"
          + TextReportRenderer(colour: Console.colourOnStdout).render(report)
            + """

            The demo journal has been deleted. To start your own:

              sotto init                                  create it and choose a passphrase
              sotto urge                                  log an urge: asks for each field, no passphrase
              sotto use                                   log a use: asks what, how much, how, ...
              sotto goal add --max 10 drinks --of alcohol --per week
              sotto status                                today at a glance
              sotto report                                this week's trends

            """, allowed: !noPager)
    }
  }
}
