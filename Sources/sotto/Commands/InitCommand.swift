import ArgumentParser
import SottoCore

/// The Argon2id cost levels offered by `init --kdf` and `passwd --kdf`.
enum KDFLevel: String, ExpressibleByArgument, CaseIterable {
  case interactive, moderate, sensitive

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
      Asks for a passphrase twice (at least 8 characters, not one of the most common \
      passwords: anyone who copies the journal file can try guesses offline). Without the \
      passphrase nothing in the journal can be read, by anyone: keep it safe.

      --kdf chooses how costly each guess is: interactive (about 0.1 s, 64 MiB), \
      moderate (about 0.5 s, 256 MiB, the default) or sensitive (several seconds, 1 GiB).
      """)

  @Option(help: "Key derivation cost: interactive, moderate (default) or sensitive.")
  var kdf: KDFLevel = .moderate

  @Flag(help: "Turn off quick capture: `urge` and `use` will then always ask for the passphrase.")
  var noQuickCapture = false

  @OptionGroup var options: JournalOptions

  func run() throws {
    try runReportingErrors {
      let path = try options.path()
      let passphrase = try options.passphrases.readNew(prompt: "Choose a passphrase: ")
      let journal = try Journal.create(
        at: path, passphrase: passphrase, kdf: kdf.parameters, quickCapture: !noQuickCapture)
      Console.out("Created your journal at \(journal.path) (key derivation: \(kdf.rawValue)).")
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
