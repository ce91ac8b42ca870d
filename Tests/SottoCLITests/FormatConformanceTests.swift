import Foundation
import Testing

/// Docs/FORMAT.md is enough to read a journal: an independent Python reader (libsodium through
/// ctypes, no Sotto code) decrypts what the binary wrote, inbox included.
@Suite struct FormatConformanceTests {
  @Test func anIndependentReaderDecryptsEveryEntry() throws {
    let cli = CLIRunner()
    try cli.initJournal()
    try cli.run(["urge", "7", "--trigger", "payday", "--resisted", "--note", "walked it off"])
    try cli.run(["use", "alcohol", "3", "drinks", "--cost", "18.50", "--note", "café ünïcode"])
    try cli.run(["goal", "add", "--max", "10", "drinks", "--of", "alcohol", "--per", "week"])
    try cli.run(["urge", "3", "--note", "captured"], scripted: false)

    let independent = try #require(try Self.readIndependently(cli.journal, cli.passphraseFile))
    #expect(independent.count == 4)

    let listed = try cli.run(["list", "--format", "json"])
    let ours = try #require(
      try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
    #expect(ours.count == 4)
    for entry in independent {
      let id = try #require(entry["id"] as? String)
      let match = try #require(ours.first { $0["id"] as? String == id })
      for key in ["kind", "urge", "use", "goal", "at"] {
        let theirs = entry[key].map { NSDictionary(dictionary: [key: $0]) }
        let mine = match[key].map { NSDictionary(dictionary: [key: $0]) }
        #expect(theirs == mine, "\(key) of \(id) differs")
      }
    }
    #expect(
      independent.contains { ($0["use"] as? [String: Any])?["note"] as? String == "café ünïcode" })
    // A deleted entry is a tombstone to the independent reader too.
    let urgeID = try #require(ours.first { $0["kind"] as? String == "urge" }?["id"] as? String)
    #expect(try cli.run(["delete", urgeID, "--yes"]).status == 0)
    let afterDelete = try Self.readIndependently(cli.journal, cli.passphraseFile)
    #expect(afterDelete?.count == 3)
    #expect(afterDelete?.contains { $0["id"] as? String == urgeID } == false)
  }

  /// The reader also reads format 1 (the committed fixture, not converted): five records and
  /// the quick capture still in its inbox.
  @Test func theIndependentReaderReadsFormat1Too() throws {
    let fixture = FormatFixtureTests.fixtures + "/format-1"
    let entries = try #require(
      try Self.readIndependently(fixture + "/journal.db", fixture + "/passphrase"))
    #expect(
      Set(entries.compactMap { $0["id"] as? String }) == Set(FormatFixtureTests.expected.keys))
  }

  /// What `Scripts/read-journal.py` prints for `journal`; `nil` when it fails.
  static func readIndependently(_ journal: String, _ passphraseFile: String) throws
    -> [[String: Any]]?
  {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent()
      .deletingLastPathComponent()
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "python3", root.appendingPathComponent("Scripts/read-journal.py").path, journal,
      passphraseFile,
    ]
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { return nil }
    return try JSONSerialization.jsonObject(with: data) as? [[String: Any]]
  }
}
