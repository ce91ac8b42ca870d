import ArgumentParser
import SottoCore

struct VerifyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "verify",
    abstract: "Decrypt and check every entry; name any that are damaged or were tampered with.",
    discussion: """
      Checks that every record authenticates, and that the records match the journal's \
      encrypted manifest: nothing deleted, injected, replayed or rolled back behind Sotto's \
      back. Exits with status 6 when anything is found. Sotto never repairs by deleting.

      --rebuild-manifest records the entries as they are now, after you have read the \
      findings: use it when you know why they changed (for example, you restored a file).
      """)

  @Flag(name: .customLong("rebuild-manifest"), help: "Accept the journal as it is now.")
  var rebuildManifest = false

  @OptionGroup var options: JournalOptions

  func run() throws {
    try runReportingErrors {
      let journal = try options.unlock(check: false)
      if rebuildManifest {
        try journal.rebuildManifest()
        Console.out("Rebuilt the manifest from the entries as they are now.")
      }
      let report = try journal.verify()
      if report.isClean {
        Console.out("All \(report.recordsChecked) entries decrypt and match the manifest.")
        return
      }
      Console.out("Checked \(report.recordsChecked) entries. Found:")
      for line in report.findings { Console.out("  - " + line) }
      throw SottoError(.damaged, "The journal failed its checks (see above).")
    }
  }
}
