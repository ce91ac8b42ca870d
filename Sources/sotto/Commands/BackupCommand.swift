import ArgumentParser
import Foundation
import SottoCore

struct BackupCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "backup",
    abstract: "Write the whole journal to one encrypted, portable file.",
    discussion: """
      The backup is encrypted with the journal's passphrase (or a new one with \
      --new-passphrase) and can be restored on any machine with `sotto restore`. Any change to \
      the file, a missing end or extra bytes make the restore refuse it as a whole.

      Example:
        sotto backup --output journal.sottobak
      """)

  @Option(help: ArgumentHelp("The backup file to create.", valueName: "file"))
  var output: String

  @Flag(
    name: .customLong("new-passphrase"),
    help: "Protect the backup with a different passphrase (asked twice).")
  var newPassphrase = false

  @Option(
    name: .customLong("new-passphrase-file"),
    help: ArgumentHelp("Read the backup's own passphrase from this file.", valueName: "path"))
  var newPassphraseFile: String?

  @Flag(help: "Replace the output file if it exists.")
  var force = false

  @OptionGroup var options: JournalOptions

  func run() throws {
    try runReportingErrors {
      if output == "-" && Console.stdoutIsTerminal {
        throw InputError(
          "A backup is binary and would garble the terminal: give --output FILE, or pipe "
            + "--output - into another program.")
      }
      try PlaintextFile.checkDestination(output, overwrite: force)
      let journal = try options.open()
      let (passphrase, unlocked) = try options.passphrases.using {
        (passphrase) throws(SottoError) in
        (passphrase, try journal.unlock(passphrase, check: false))
      }
      var backupPassphrase = passphrase
      if let newPassphraseFile {
        backupPassphrase = try PassphraseReader.readFile(newPassphraseFile)
        try backupPassphrase.checkStrength()
      } else if newPassphrase {
        backupPassphrase = try PassphraseReader(file: nil, descriptor: nil, environment: [:])
          .readNew(prompt: "Passphrase for the backup: ")
      }
      let contents = try unlocked.contents()
      let settings = try unlocked.settings()
      KeptUntilExit.keep(contents.all)
      JournalOptions.warn(contents.integrity)
      guard contents.integrity.undecryptable.isEmpty else {
        throw SottoError(
          .damaged,
          "Some entries cannot be decrypted and would be missing from the backup. Run "
            + "`sotto verify` first. Nothing was written.")
      }
      // The backup's key is derived on the other core while this one writes the plaintext.
      let finalPassphrase = backupPassphrase
      let kdf = journal.kdfParameters
      let backupKey = BackgroundWork { () throws(SottoError) in
        try Backup.Key(passphrase: finalPassphrase, kdf: kdf)
      }
      // Written as it is encrypted; a backup that fails on the way is removed.
      try PlaintextFile.write(to: output, overwrite: force) { (file) throws(SottoError) in
        try Backup.seal(
          contents.all, key: backupKey.value, createdAt: Date(), settings: settings,
          to: file.write)
      }
      Console.out("Backed up \(contents.all.count) entries to \(output) (encrypted).")
    }
  }
}

struct RestoreCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "restore",
    abstract: "Create a journal from an encrypted backup.",
    discussion: """
      Asks for the backup's passphrase; the restored journal uses the same passphrase, under \
      new keys. Refuses to replace an existing journal unless --replace, which swaps it only \
      once the backup has been fully checked, then overwrites the old journal's files.

      Example:
        sotto restore journal.sottobak --journal ~/new/journal.db
      """)

  @Argument(help: "The backup file.")
  var file: String

  @Flag(help: "Replace an existing journal at the destination.")
  var replace = false

  @Flag(help: "Do not ask before replacing (needed with --replace without a terminal).")
  var yes = false

  @Option(help: "Key derivation cost for the restored journal (default: the backup's).")
  var kdf: KDFLevel?

  @OptionGroup var options: JournalOptions

  func run() throws {
    try runReportingErrors {
      guard let data = FileManager.default.contents(atPath: file) else {
        throw InputError("\(file) could not be read. Nothing was restored.")
      }
      let path = try options.path()
      let exists = FileManager.default.fileExists(atPath: path)
      if exists && !replace {
        throw SottoError(
          .journalExists,
          "A journal already exists at \(path). Nothing was restored. Add --replace to replace "
            + "it, or choose another place with --journal PATH.")
      }
      if exists {
        try Confirmation.confirm(
          "Replace the journal at \(path) with this backup? Its entries are lost.", yes: yes,
          action: "Replacing a journal")
      }
      let backupKDF = try Backup.kdfParameters(of: data)
      let parameters = kdf?.parameters ?? backupKDF
      let (keys, entries) = try options.passphrases.using(prompt: "Backup passphrase: ") {
        (passphrase) throws(SottoError) in
        // The new journal's keys are made while the backup is opened (two derivations at once).
        let keys = BackgroundWork { () throws(SottoError) in
          try Journal.NewKeys(passphrase: passphrase, kdf: parameters)
        }
        return (keys, try Backup.openChecked(data, passphrase: passphrase))
      }
      KeptUntilExit.keep(entries.all)
      let target = exists ? path + ".restoring" : path
      if exists { SecureWipeOfLeftover.remove(target) }
      try Journal.createUnlocked(at: target, keys: keys.value()).fill(entries)
      if exists {
        try ReplaceJournal.swap(new: target, over: path)
      }
      Console.out("Restored \(entries.all.count) entries to \(path).")
    }
  }
}
