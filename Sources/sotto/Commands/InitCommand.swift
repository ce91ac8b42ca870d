import ArgumentParser
import Foundation
import SottoCore

/// The Argon2id cost levels offered by `init --kdf` and `passwd --kdf`.
enum KDFLevel: String, ExpressibleByArgument, CaseIterable {
  case interactive, moderate, sensitive

  /// What the level means, in words a newcomer reads.
  var plainWords: String {
    switch self {
    case .interactive: "each guess costs about 0.1 s and 64 MiB of memory"
    case .moderate: "each guess costs about half a second and 256 MiB of memory"
    case .sensitive: "each guess costs several seconds and 1 GiB of memory"
    }
  }

  var parameters: KDFParameters {
    switch self {
    case .interactive: .interactive
    case .moderate: .moderate
    case .sensitive: .sensitive
    }
  }
}

struct InitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Create a new encrypted journal and choose its passphrase.",
    discussion: """
      Asks for a passphrase twice: at least 12 characters (16 or more is better) that are not \
      a word, a name or a pattern, as judged by libpwquality and its dictionary, because \
      anyone who copies the journal file can try guesses offline. A weak passphrase, or two \
      that differ, is explained and asked for again. Without the passphrase nothing in the \
      journal can be read, by anyone: keep it safe.

      --kdf chooses how costly each guess is: interactive (about 0.1 s, 64 MiB), \
      moderate (about 0.5 s, 256 MiB, the default) or sensitive (several seconds, 1 GiB).
      """)

  @Option(help: "Key derivation cost: interactive, moderate or sensitive.")
  var kdf: KDFLevel = .moderate

  @Flag(help: "Turn off quick capture: `urge` and `use` will then always ask for the passphrase.")
  var noQuickCapture = false

  @OptionGroup var options: JournalOptions

  func run() throws {
    try runReportingErrors {
      let path = try options.path()
      // Refused before any question: typing a good passphrase twice for nothing is unkind.
      if FileManager.default.fileExists(atPath: path) {
        throw SottoError(
          .journalExists,
          "A journal already exists at \(path). Nothing was changed. To start over, run "
            + "`sotto wipe` first, or choose another place with --journal PATH.")
      }
      if !options.passphrases.hasScriptedSource {
        Console.note(
          "Choose a passphrase of at least 12 characters (16 or more is better) that is not a "
            + "word, a name or a pattern. Four or five unrelated words (\"lamp orbit cactus "
            + "violin\") are strong and easy to remember.")
      }
      let passphrase = try options.passphrases.readNew(prompt: "Choose a passphrase: ")
      let journal = try Journal.create(
        at: path, passphrase: passphrase, kdf: kdf.parameters, quickCapture: !noQuickCapture)
      Console.out("Created your journal at \(journal.path).")
      Console.note(
        "To slow down anyone trying to guess your passphrase, \(kdf.plainWords) (--kdf "
          + "\(kdf.rawValue)).")
      Console.note(
        "Keep your passphrase safe: without it nothing in the journal can be read, by anyone.")
      if !noQuickCapture {
        Console.note(
          "Quick capture is on: `sotto urge` and `sotto use` log without the passphrase; "
            + "entries move into the journal the next time you unlock it.")
      }
    }
  }
}
