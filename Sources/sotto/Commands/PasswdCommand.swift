import ArgumentParser
import SottoCore

struct PasswdCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "passwd",
    abstract: "Change the passphrase; every entry is re-encrypted under new keys.",
    discussion: """
      Asks for the current passphrase, then the new one twice. A new key bundle is drawn and \
      every entry re-encrypted in one transaction, so old copies of the journal's key envelope \
      cannot open anything written afterwards. Copies and backups made before keep the old \
      passphrase.
      """)

  @Option(
    name: .customLong("new-passphrase-file"),
    help: ArgumentHelp("Read the new passphrase from this file (for scripts).", valueName: "path"))
  var newPassphraseFile: String?

  @Option(help: "New key derivation cost: interactive, moderate or sensitive (default: keep).")
  var kdf: KDFLevel?

  @OptionGroup var options: JournalOptions

  func run() throws {
    try runReportingErrors {
      let journal = try options.unlock()
      let newPassphrase: Passphrase
      if let newPassphraseFile {
        newPassphrase = try PassphraseReader.readFile(newPassphraseFile)
        try newPassphrase.checkStrength()
      } else {
        newPassphrase = try PassphraseReader(file: nil, descriptor: nil, environment: [:])
          .readNew(prompt: "New passphrase: ")
      }
      let removed = try journal.changePassphrase(to: newPassphrase, kdf: kdf?.parameters)
      Console.out("Changed the passphrase; every entry was re-encrypted under new keys.")
      if removed > 0 {
        Console.note(
          "Removed \(removed) inbox row(s) that did not open with the journal's key, or were "
            + "larger than any quick capture: no key could open them after the change.")
      }
      Console.note("Backups and copies made before still open with the old passphrase.")
      if try journal.syncs {
        Console.note(
          "The sync folder is unchanged: it still opens with the passphrase it was started "
            + "with, so your other devices are not locked out. They keep their own passphrases.")
      }
    }
  }
}
