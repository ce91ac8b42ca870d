import ArgumentParser
import Foundation

/// The root command: a private, encrypted journal of urges, use and goals.
struct Sotto: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sotto",
    abstract: "A private, encrypted journal of urges, use and goals.",
    discussion: """
      Everything Sotto writes is encrypted with your passphrase. Start with `sotto init`, \
      then log as things happen:

        sotto urge 7 --trigger payday --resisted
        sotto use alcohol 3 drinks --cost 18.50
        sotto goal add --max 10 drinks --of alcohol --per week
        sotto list --since 7d
        sotto status

      The journal lives at --journal PATH, else $SOTTO_JOURNAL, else \
      $XDG_DATA_HOME/sotto/journal.db (~/.local/share/sotto/journal.db). For scripts, give \
      the passphrase with --passphrase-file PATH, $SOTTO_PASSPHRASE_FILE or \
      --passphrase-fd N; it is never taken from an argument.
      """,
    version: "0.1.0",
    subcommands: [
      InitCommand.self, UrgeCommand.self, UseCommand.self, GoalCommand.self, ListCommand.self,
      ShowCommand.self, EditCommand.self, DeleteCommand.self, StatusCommand.self,
      ReportCommand.self, ExportCommand.self, ImportCommand.self, BackupCommand.self,
      RestoreCommand.self, WipeCommand.self, PasswdCommand.self, VerifyCommand.self,
      ConfigCommand.self, DemoCommand.self, SurfCommand.self, RulesCommand.self, InboxCommand.self,
    ])
}

@main
enum SottoMain {
  static func main() {
    Hardening.apply()
    let arguments = Hardening.takeArguments()
    do {
      var command = try Sotto.parseAsRoot(arguments)
      try command.run()
    } catch {
      guard Sotto.exitCode(for: error) != .success else { Sotto.exit(withError: error) }
      // A value the parser could not take may be entry text ("--cost 'bought on the
      // corner'"): its messages are printed without the values given.
      let message = ParseErrorText.redacting(Sotto.fullMessage(for: error), arguments: arguments)
      if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
      Foundation.exit(Sotto.exitCode(for: error).rawValue)
    }
  }
}
