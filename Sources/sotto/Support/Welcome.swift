import Foundation
import SottoAnalytics
import SottoCore

/// What `sotto` alone shows on a terminal: today's status line and the commands used most.
enum Welcome {
  /// The five commands people use most, with what each does.
  static let commands: [(String, String)] = [
    ("sotto urge", "log an urge (asks each question)"),
    ("sotto use", "log a use (asks each question)"),
    ("sotto status", "today at a glance"),
    ("sotto list --since 7d", "the last week's entries"),
    ("sotto report", "this week's trends"),
  ]

  static func show() {
    let options = try? JournalOptions.parse([])
    if let options, let path = try? options.path(), FileManager.default.fileExists(atPath: path) {
      statusLine(options)
    } else {
      Console.out("No journal yet: `sotto init` creates one.")
    }
    Console.out("")
    for (command, what) in commands {
      Console.out("  " + command.padding(toLength: 24, withPad: " ", startingAt: 0) + what)
    }
    Console.out("")
    Console.out("`sotto --help` lists every command; `sotto COMMAND --help` explains one.")
  }

  /// Today's first status line; the passphrase is asked for, and Enter skips it.
  private static func statusLine(_ options: JournalOptions) {
    let prompt = "Passphrase for today's status (Enter to skip): "
    do {
      let journal = try options.open()
      let unlocked = try options.passphrases.using(prompt: prompt) {
        (passphrase) throws(SottoError) in try journal.unlock(passphrase)
      }
      let clock = Clock()
      let settings = try unlocked.settings()
      let read = try JournalOptions.read(
        JournalStatus.entriesNeeded(timeZone: clock.timeZone, now: clock.now, settings: settings),
        from: unlocked, settings: settings)
      let status = JournalStatus.build(
        entries: read.entries, outline: read.outline, timeZone: clock.timeZone,
        now: clock.now, settings: settings)
      let text = TextStatusRenderer(colour: Console.colourOnStdout).render(status)
      Console.out(text.split(separator: "\n").first.map(String.init) ?? "")
    } catch {
      // Enter at the question, or a passphrase that did not open it: the commands still help.
      Console.out("Your journal: \((try? options.path()) ?? "")")
    }
  }
}
