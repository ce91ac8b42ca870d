import Foundation
import Testing

/// Journals written by earlier formats, committed under `Tests/Fixtures`, open and read the same
/// entries with today's binary. The format-1 fixture was made with `sotto` 0.1.0 on 2026-12-02
/// (interactive KDF; passphrase in `Tests/Fixtures/format-1/passphrase`): six entries of every
/// kind, one edited (revision 2), one deleted, and one quick capture still in the inbox.
@Suite struct FormatFixtureTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fixtures").path

  /// What the fixture holds, worked out from the commands that made it (all at +01:00):
  /// 2026-11-20T21:00 is 1_795_204_800, so 2026-11-21T01:15 is 4 h 15 min later, 2026-11-21T23:30
  /// a day and 2 h 30 min later, 2026-11-22T10:00 a day and 13 h later, and 2026-11-16T00:00 is
  /// 4 days and 21 h earlier.
  static let expected: [String: (kind: String, unix: Int64?, revision: Int)] = [
    "89fb94c31a953cf42669cdd139e1cd47": ("urge", 1_795_204_800, 1),
    "c8db596c4ece3c943180946cdc835b2c": ("use", 1_795_204_800 + 15_300, 2),
    "b0006f741d4b921833878483c394f945": ("use", 1_795_204_800 + 86_400 + 9_000, 1),
    "7e1c79d16932503c9e3f3462db99a442": ("urge", 1_795_204_800 + 86_400 + 46_800, 1),
    "ea980d25f9c6dc9e31b6193e041e3bcd": ("goal", 1_795_204_800 - 4 * 86_400 - 75_600, 1),
    // The rule was logged "now" when the fixture was made.
    "70f56ba97c87af2037060de5b7ee4f83": ("rule", nil, 1),
  ]

  @Test func aFormat1JournalOpensAndListsTheSameEntries() throws {
    let cli = CLIRunner()
    try FileManager.default.createDirectory(
      atPath: cli.folder + "/data", withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      atPath: Self.fixtures + "/format-1/journal.db", toPath: cli.journal)
    // Git keeps no file modes, and Sotto refuses a journal others may read.
    chmod(cli.journal, 0o600)
    let passphrase = try String(
      contentsOfFile: Self.fixtures + "/format-1/passphrase", encoding: .utf8)
    cli.write(cli.passphraseFile, passphrase)

    let listed = try cli.run(["list", "--format", "json"])
    #expect(listed.status == 0, "\(listed.stderr)")
    #expect(listed.stderr.contains("Moved 1 quick-capture entry"), "\(listed.stderr)")
    let entries = try #require(
      JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
    #expect(entries.count == Self.expected.count)
    for entry in entries {
      let id = try #require(entry["id"] as? String)
      let expected = try #require(Self.expected[id], "unexpected entry \(id)")
      #expect(entry["kind"] as? String == expected.kind, "\(id)")
      #expect((entry["revision"] as? NSNumber)?.intValue == expected.revision, "\(id)")
      let at = entry["at"] as? [String: Any]
      #expect((at?["offset"] as? NSNumber)?.intValue == 3600, "\(id)")
      if let unix = expected.unix {
        #expect((at?["unix"] as? NSNumber)?.int64Value == unix, "\(id)")
      }
    }
    let mdma = try #require(
      entries.first { $0["id"] as? String == "c8db596c4ece3c943180946cdc835b2c" })
    #expect((mdma["use"] as? [String: Any])?["note"] as? String == "half a pill")
    // The deleted urge stays deleted, and the whole journal checks out.
    #expect(!listed.stdout.contains("c2743c276ef82ce70458750f6f9d42d4"))
    let verified = try cli.run(["verify"])
    #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
  }
}
