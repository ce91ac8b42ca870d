import ArgumentParser
import Foundation
import SottoCore

struct WipeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "wipe",
    abstract: "Destroy the journal beyond recovery. Needs no passphrase.",
    discussion: """
      Asks you to type `delete everything` (or give --yes). Destroys the keys first: random \
      bytes over the key envelope's page and the whole write-ahead log, synced before anything \
      else, so no copy of the folder is decryptable from that moment on. Then overwrites every \
      file with random bytes, syncs and deletes them. It parses none of the journal's tables, \
      so it also works on a damaged journal; a file it does not recognise as a Sotto journal is destroyed only with \
      --force. A journal path that is a symbolic link is refused before anything is destroyed. \
      If it is interrupted, run it again to finish.

      It cannot reach copies you made: exports, reports, backups, cloud or synced copies, \
      filesystem snapshots, and old blocks an SSD keeps (which is why the keys go first).
      """)

  @Flag(help: "Do not ask for confirmation.")
  var yes = false

  @Flag(
    help: "Destroy the file even if it does not look like a Sotto journal (damaged, or not one).")
  var force = false

  @OptionGroup var options: JournalOptions

  func run() throws {
    try runReportingErrors {
      let path = try options.path()
      let isDefault =
        options.journal == nil && ProcessInfo.processInfo.environment["SOTTO_JOURNAL"] == nil
      var wipe = SecureWipe(path: path, removeEmptyFolder: isDefault)
      wipe.force = force
      guard wipe.somethingToWipe else {
        throw SottoError(.journalNotFound, "There is no journal at \(path): nothing to wipe.")
      }
      try wipe.check()
      if !yes {
        try Confirmation.requireAnswerable("Wipe", yes: yes)
        let answer = Terminal.ask(
          "This destroys the journal at \(path) for good. Type `delete everything` to go on: ")
        guard answer?.trimmingCharacters(in: .whitespaces) == "delete everything" else {
          throw Declined(message: "Nothing was deleted.")
        }
      }
      let steps = try wipe.run()
      Console.out("Wiped the journal at \(path):")
      for step in steps { Console.out("  - " + step.rawValue) }
      Console.out("Sotto cannot reach:")
      for limit in SecureWipe.limits { Console.out("  - " + limit) }
    }
  }
}
