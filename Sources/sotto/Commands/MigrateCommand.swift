import ArgumentParser
import SottoCore

struct MigrateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "migrate",
    abstract: "Convert a journal written in format 1 to format 2 now.",
    discussion: """
      Any command that unlocks a format-1 journal converts it first, in one step: if the \
      step is interrupted, the journal stays in format 1 and the next command converts it \
      again. This command does only that. A journal whose records fail their checks is not \
      converted; --leave-damaged converts the records that open and names the ones left \
      behind (they could not be read anyway). Docs/FORMAT.md says what changed.
      """)

  @Flag(
    name: .customLong("leave-damaged"),
    help: "Convert even when records fail their checks, leaving behind those that do not open.")
  var leaveDamaged = false

  @OptionGroup var options: JournalOptions

  func run() throws {
    try runReportingErrors {
      let journal = try options.unlock(migratingDamaged: leaveDamaged)
      if journal.migration == nil {
        Console.out("This journal is already in format 2. Nothing was changed.")
      }
    }
  }
}
