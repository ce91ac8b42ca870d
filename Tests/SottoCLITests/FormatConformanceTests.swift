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

  /// The reader also makes the checks FORMAT.md asks of one (§5, §5.1): the manifest lists
  /// exactly the records by id, tag and digest, and the time index exactly the entries. What
  /// the binary writes over an import of several leaves' worth, edits and deletions passes
  /// them; an older copy of a row put back (a replay, which opens as well as the row it
  /// replaced) and a leaf of the index put back both fail them.
  @Test func theIndependentChecksPassOnWhatSottoWritesAndCatchReplayedRows() throws {
    let cli = CLIRunner()
    try cli.initJournal()
    // 900 urges, more than one leaf's 618.
    let lines = (0..<900).map { n in
      #"{"at":{"offset":0,"unix":\#(1_790_000_000 + 600 * n)},"id":"\#(String(format: "%032x", n + 1))","kind":"urge","source":"direct","urge":{"intensity":\#(n % 10 + 1),"triggers":[]}}"#
    }
    let file = cli.folder + "/urges.jsonl"
    cli.write(
      file,
      #"{"format":"sotto-export-jsonl","schemaVersion":2}"# + "\n" + lines.joined(separator: "\n")
        + "\n")
    #expect(try cli.run(["import", file]).status == 0)
    let id = String(format: "%032x", 5)
    let before = cli.folder + "/before.db"
    try Self.sqlite(cli.journal, "VACUUM INTO '\(before)'")
    #expect(try cli.run(["edit", id, "--intensity", "9"]).status == 0)
    #expect(try cli.run(["delete", String(format: "%032x", 6), "--yes"]).status == 0)
    try cli.run(["use", "alcohol", "2", "drinks", "--unlock"])
    let read = try #require(try Self.readIndependently(cli.journal, cli.passphraseFile))
    #expect(read.count == 900)

    // The record as it was before the edit, put back.
    let replayed = cli.folder + "/replayed.db"
    try Self.sqlite(cli.journal, "VACUUM INTO '\(replayed)'")
    try Self.sqlite(
      replayed,
      "ATTACH '\(before)' AS old; UPDATE records SET tag = (SELECT tag FROM old.records WHERE "
        + "id = X'\(id)'), nonce = (SELECT nonce FROM old.records WHERE id = X'\(id)'), "
        + "ciphertext = (SELECT ciphertext FROM old.records WHERE id = X'\(id)') WHERE id = "
        + "X'\(id)';")
    #expect(try Self.readIndependently(replayed, cli.passphraseFile) == nil)

    // Every index page as it was before the edit, put back where its id is still used.
    let oldIndex = cli.folder + "/old-index.db"
    try Self.sqlite(cli.journal, "VACUUM INTO '\(oldIndex)'")
    try Self.sqlite(
      oldIndex,
      "ATTACH '\(before)' AS old; UPDATE pages SET nonce = (SELECT nonce FROM old.pages o WHERE "
        + "o.id = pages.id), ciphertext = (SELECT ciphertext FROM old.pages o WHERE o.id = "
        + "pages.id) WHERE id IN (SELECT id FROM old.pages) AND id >= "
        + "X'00000000000000010000000000000000';")
    #expect(try Self.readIndependently(oldIndex, cli.passphraseFile) == nil)
  }

  /// Runs `sql` on `path` with the sqlite3 shell, as someone holding the file would (`VACUUM
  /// INTO` copies a journal with what its log holds).
  static func sqlite(_ path: String, _ sql: String) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
    process.arguments = [path, sql]
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
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
