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
    version: "0.6.0",
    subcommands: [
      InitCommand.self, UrgeCommand.self, UseCommand.self, GoalCommand.self, ListCommand.self,
      ShowCommand.self, EditCommand.self, DeleteCommand.self, StatusCommand.self,
      ReportCommand.self, ExportCommand.self, ImportCommand.self, BackupCommand.self,
      RestoreCommand.self, WipeCommand.self, PasswdCommand.self, VerifyCommand.self,
      ConfigCommand.self, DemoCommand.self, SurfCommand.self, RulesCommand.self, InboxCommand.self,
      MigrateCommand.self, SyncCommand.self, ResolveCommand.self,
    ])
}

@main
enum SottoMain {
  static func main() {
    Hardening.apply()
    let arguments = Hardening.takeArguments()
    if arguments.isEmpty && Console.stdoutIsTerminal {
      Welcome.show()
      return
    }
    refuseUnknownCommand(arguments)
    do {
      var command = try Sotto.parseAsRoot(arguments)
      try command.run()
    } catch {
      guard Sotto.exitCode(for: error) != .success else { Sotto.exit(withError: error) }
      // A value the parser could not take may be entry text ("--cost 'bought on the
      // corner'"): its messages are printed without the values given.
      let raw = ParseErrorText.redacting(Sotto.message(for: error), arguments: arguments)
      if !raw.isEmpty {
        let message = ParseErrorText.houseWording(
          raw, command: ParseErrorText.commandWords(arguments))
        FileHandle.standardError.write(Data(("sotto: " + message + "\n").utf8))
      }
      Foundation.exit(Sotto.exitCode(for: error).rawValue)
    }
  }

  /// `sotto lsit` and `sotto help lst`: an error naming the nearest command, before parsing.
  ///
  /// The word is shown only when it is a near miss of a command name; anything else may be
  /// entry text typed in the wrong place.
  static func refuseUnknownCommand(_ arguments: [String]) {
    let names = Sotto.configuration.subcommands.compactMap { $0.configuration.commandName }
    var word: String? = nil
    if let first = arguments.first, !first.hasPrefix("-") {
      if first == "help" {
        if arguments.count >= 2, !arguments[1].hasPrefix("-"), !names.contains(arguments[1]) {
          word = arguments[1]
        }
      } else if !names.contains(first) {
        word = first
      }
    }
    guard let word else { return }
    let message: String
    if let near = ParseErrorText.nearestCommand(to: word, among: names) {
      message = "`\(word)` is not a command. Did you mean `sotto \(near)`? See `sotto --help`."
    } else {
      message =
        "That is not a command (not shown here, in case it is private). `sotto --help` lists "
        + "the commands."
    }
    FileHandle.standardError.write(Data(("sotto: " + message + "\n").utf8))
    Foundation.exit(ExitStatus.invalidInput)
  }
}
