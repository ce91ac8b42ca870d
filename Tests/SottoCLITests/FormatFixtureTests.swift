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

  /// A runner whose journal is a fresh copy of the fixture `name` (`Tests/Fixtures/NAME`),
  /// with its passphrase.
  static func fixtureCopy(_ name: String) throws -> CLIRunner {
    let cli = CLIRunner()
    try FileManager.default.createDirectory(
      atPath: cli.folder + "/data", withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      atPath: Self.fixtures + "/\(name)/journal.db", toPath: cli.journal)
    // Git keeps no file modes, and Sotto refuses a journal others may read.
    chmod(cli.journal, 0o600)
    let passphrase = try String(
      contentsOfFile: Self.fixtures + "/\(name)/passphrase", encoding: .utf8)
    cli.write(cli.passphraseFile, passphrase)
    return cli
  }

  /// A runner whose journal is a fresh copy of the format-1 fixture.
  static func format1Copy() throws -> CLIRunner { try fixtureCopy("format-1") }

  /// Runs one SQL statement on `path` with the sqlite3 program; its output, trimmed.
  static func sql(_ cli: CLIRunner, _ path: String, _ statement: String) throws -> String {
    try cli.run(["-c", "sqlite3 '\(path)' \"\(statement)\""], tool: "/bin/sh").stdout
      .trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// The entry ids `list --format json` prints, sorted; `nil` when it fails.
  static func listedIDs(_ cli: CLIRunner, journal: String? = nil) throws -> [String]? {
    let listed = try cli.run(
      ["list", "--format", "json"], environment: journal.map { ["SOTTO_JOURNAL": $0] } ?? [:])
    guard listed.status == 0,
      let entries = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8))
        as? [[String: Any]]
    else { return nil }
    return entries.compactMap { $0["id"] as? String }.sorted()
  }

  @Test func aFormat1JournalIsConvertedAndListsTheSameEntries() throws {
    let cli = try Self.format1Copy()
    let oldCiphertext = try #require(
      Data(
        hexString: try Self.sql(
          cli, cli.journal, "SELECT hex(ciphertext) FROM records ORDER BY id LIMIT 1")))
    let listed = try cli.run(["list", "--format", "json"])
    #expect(listed.status == 0, "\(listed.stderr)")
    #expect(listed.stderr.contains("uses format 1; converting it to format 2"), "\(listed.stderr)")
    #expect(
      listed.stderr.contains("converted to format 2: 5 entries, 1 waiting quick capture"),
      "\(listed.stderr)")
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
    #expect(verified.stdout.contains("All 6 entries"), "\(verified.stdout)")
    // The file is format 2 now: no revision column, one record size, and no second conversion.
    #expect(try Self.sql(cli, cli.journal, "PRAGMA user_version") == "2")
    #expect(
      try Self.sql(cli, cli.journal, "SELECT group_concat(name) FROM pragma_table_info('records')")
        == "id,tag,nonce,ciphertext")
    // Six entries and the deleted urge's absence: format 1 had removed its row.
    #expect(
      try Self.sql(cli, cli.journal, "SELECT DISTINCT length(ciphertext) FROM records") == "528")
    // The format-1 rows are gone from every file (secure_delete, and the log truncated).
    let folder = (cli.journal as NSString).deletingLastPathComponent
    for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
      let bytes = FileManager.default.contents(atPath: folder + "/" + name) ?? Data()
      #expect(bytes.range(of: oldCiphertext) == nil, "\(name) holds a format-1 record")
    }
    let again = try cli.run(["migrate"])
    #expect(again.status == 0 && again.stdout.contains("already in format 2"), "\(again.stdout)")
    #expect(!again.stderr.contains("converting"))
  }

  /// `strace` kills the first command at its 1st, 2nd, ... `fsync` or `fdatasync` while it
  /// converts the fixture, until a run completes. After each stop, a copy of the folder is
  /// format 1 as it was or format 2 whole: the next command lists the same entries and
  /// verifies clean.
  @Test(.timeLimit(.minutes(3)))
  func aConversionStoppedAtEachSyncLeavesFormat1OrAWholeFormat2() throws {
    var sawFormat1 = false
    try Self.stopAtEachSync(of: Self.format1Copy, expecting: Self.expected.keys.sorted()) {
      cli, copy, stop in
      let version = try Self.sql(cli, copy, "PRAGMA user_version")
      #expect(version == "1" || version == "2", "stop \(stop): user_version \(version)")
      if version == "1" { sawFormat1 = true }
    }
    #expect(sawFormat1, "no stop fell inside the conversion")
  }

  /// Runs `list` on a fresh copy made by `copy` under `strace`, killed at its 1st, 2nd, ...
  /// `fsync` or `fdatasync`, until a run completes. After each stop, `inspect` looks at a copy
  /// of the folder (its journal's path), which must then list `expected` and verify clean.
  static func stopAtEachSync(
    of copy: () throws -> CLIRunner, expecting expected: [String],
    _ inspect: (CLIRunner, String, Int) throws -> Void
  ) throws {
    guard FileManager.default.isExecutableFile(atPath: AttackTests.strace) else {
      FileHandle.standardError.write(Data("skipped: strace is not installed\n".utf8))
      return
    }
    var completed = false
    for stop in 1...40 {
      let cli = try copy()
      let result = try cli.run(
        [
          "-f", "-o", "/dev/null", "-e", "trace=fsync,fdatasync", "-e",
          "inject=fsync,fdatasync:signal=SIGKILL:when=\(stop)", CLIRunner.binary, "list",
        ], tool: AttackTests.strace)
      let data = (cli.journal as NSString).deletingLastPathComponent
      let folder = cli.folder + "/copy"
      try FileManager.default.copyItem(atPath: data, toPath: folder)
      let journal = folder + "/journal.db"
      try inspect(cli, journal, stop)
      #expect(try Self.listedIDs(cli, journal: journal) == expected, "stop \(stop)")
      let verified = try cli.run(["verify"], environment: ["SOTTO_JOURNAL": journal])
      #expect(verified.status == 0, "stop \(stop): \(verified.stdout)")
      if result.status == 0 {
        completed = true
        break
      }
    }
    #expect(completed, "the command never completed")
  }

  /// A format-1 journal whose records fail their checks is not converted (nothing changes);
  /// `sotto migrate --leave-damaged` converts the rest and names what it left behind.
  @Test func aDamagedFormat1JournalIsConvertedOnlyWhenAsked() throws {
    let cli = try Self.format1Copy()
    let damaged = "b0006f741d4b921833878483c394f945"
    _ = try Self.sql(
      cli, cli.journal,
      "UPDATE records SET ciphertext = randomblob(272) WHERE lower(hex(id)) = '\(damaged)'")
    let refused = try cli.run(["list"])
    #expect(refused.status == 6, "\(refused.stderr)")
    #expect(refused.stderr.contains("migrate --leave-damaged"), "\(refused.stderr)")
    #expect(try Self.sql(cli, cli.journal, "PRAGMA user_version") == "1")
    #expect(try Self.sql(cli, cli.journal, "SELECT count(*) FROM inbox") == "1")

    let converted = try cli.run(["migrate", "--leave-damaged"])
    #expect(converted.status == 0, "\(converted.stderr)")
    #expect(converted.stderr.contains("left behind 1 record(s)"), "\(converted.stderr)")
    #expect(converted.stderr.contains(damaged), "\(converted.stderr)")
    #expect(try Self.listedIDs(cli) == Self.expected.keys.filter { $0 != damaged }.sorted())
    #expect(try cli.run(["verify"]).status == 0)
  }

  /// A journal marked with a format this version does not know is refused, unchanged.
  @Test func aNewerFormatIsRefusedWithStatus7AndLeftAlone() throws {
    let cli = try Self.format1Copy()
    _ = try Self.sql(cli, cli.journal, "PRAGMA user_version = 3")
    let refused = try cli.run(["list"])
    #expect(refused.status == 7, "\(refused.stderr)")
    #expect(refused.stderr.contains("newer version of Sotto"))
    #expect(try Self.sql(cli, cli.journal, "PRAGMA user_version") == "3")
    #expect(try Self.sql(cli, cli.journal, "SELECT count(*) FROM inbox") == "1")
  }

  /// Sync folders written by Sotto 0.3.0 (change files of `v` 1), committed under
  /// `Tests/Fixtures/sync-1`: device A logged three entries (all at +00:00) and ran `sync init`;
  /// B joined, set the urge of 2026-11-22 10:00 to 4 and deleted the use; A, meanwhile, set it
  /// to 8. `folder` holds the three change files; `compacted` the snapshot A's `sync compact`
  /// folded them into. A device joining today reads both the same way.
  @Test(arguments: ["folder", "compacted"])
  func aVersion1SyncFolderIsJoinedWithItsConflictAndItsDeletion(_ name: String) throws {
    let cli = CLIRunner()
    let folder = cli.folder + "/sync"
    try FileManager.default.copyItem(
      atPath: Self.fixtures + "/sync-1/" + name, toPath: folder)
    let passphrase = try String(
      contentsOfFile: Self.fixtures + "/sync-1/passphrase", encoding: .utf8)
    cli.write(cli.passphraseFile, passphrase)
    let joined = try cli.run([
      "sync", "join", folder, "--kdf", "interactive", "--folder-passphrase-file",
      cli.passphraseFile,
    ])
    #expect(joined.status == 0, "\(joined.stderr)")
    #expect(joined.stdout.contains("both versions are kept: 5d54cae8"), "\(joined.stdout)")
    // 2026-11-20T21:00Z is 1_795_208_400 (an hour after the format-1 fixture's 21:00 at
    // +01:00) and 2026-11-22T10:00Z a day and 13 h later; the use of 2026-11-21 01:15 was
    // deleted on B.
    let listed = try cli.run(["list", "--format", "json"])
    let entries = try #require(
      try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
    let shown = entries.map { entry in
      (
        entry["id"] as? String ?? "", (entry["at"] as? [String: Any])?["unix"] as? Int ?? 0,
        (entry["urge"] as? [String: Any])?["intensity"] as? Int ?? -1
      )
    }
    #expect(
      shown.map(\.0) == ["5d54cae8609083105404c06e8ce4560b", "89004ded5dbf4411e9263855df5a43e4"])
    #expect(shown.map(\.1) == [1_795_208_400 + 86_400 + 46_800, 1_795_208_400])
    #expect(shown.map(\.2) == [8, 6])
    let versions = try cli.run(["resolve", "5d54cae8"])
    #expect(versions.stdout.contains("intensity: 8/10"), "\(versions.stdout)")
    #expect(versions.stdout.contains("intensity: 4/10"), "\(versions.stdout)")
    #expect(try cli.run(["show", "7c1ced86"]).status != 0)
    // And the folder still syncs: an entry logged here reaches it as a file of today's `v`.
    #expect(try cli.run(["urge", "2"]).status == 0)
    #expect(try cli.run(["sync", folder]).stdout.contains("Sent 1 change."))
  }
  // MARK: Format 2 without a time index (Sotto 0.4)

  /// What the format-2 fixture holds: made with `sotto` 0.4.0 on 2026-12-02 (interactive KDF,
  /// all at +01:00; passphrase in `Tests/Fixtures/format-2/passphrase`), which wrote no time
  /// index. From 2026-11-20T21:00 = 1_795_204_800 (above): 2026-11-25T21:00 is 5 days later,
  /// 2026-11-26T21:30 (the wine, edited from 20:30 and 2 glasses) 6 days 30 min, 2026-11-28T22:00
  /// 8 days 1 h, and the quick capture still in the inbox, 2026-11-29T08:00, 8 days 11 h. A beer
  /// (cedabdf3…) was deleted; the goal was set "now".
  static let expected2: [String: (kind: String, unix: Int64?, revision: Int)] = [
    "2b8d6fb46e56cd7f0a915a0a42e8d91f": ("urge", 1_795_204_800 + 5 * 86_400, 1),
    "87a2dc612326e221ea160fb1b9efc575": ("use", 1_795_204_800 + 6 * 86_400 + 1_800, 2),
    "a358092d8d1f8eb55899e6296a64fd12": ("urge", 1_795_204_800 + 8 * 86_400 + 3_600, 1),
    "fa34fd8b0fc2fe76d46777934cb030cc": ("urge", 1_795_204_800 + 8 * 86_400 + 39_600, 1),
    "d29f9ac885d0a73ddc016b0514e0a910": ("goal", nil, 1),
  ]

  /// A runner whose journal is a fresh copy of the format-2 fixture.
  static func format2Copy() throws -> CLIRunner { try fixtureCopy("format-2") }

  /// The first unlock builds the index (saying so once), and the entries listed through it are
  /// the ones the fixture holds, newest first, with `--limit` taking the newest.
  @Test func aJournalOfSotto04GetsItsTimeIndexAndListsTheSameEntries() throws {
    let cli = try Self.format2Copy()
    #expect(try Self.sql(cli, cli.journal, "SELECT count(*) FROM pages") == "0")
    let listed = try cli.run(["list", "--format", "json"])
    #expect(listed.status == 0, "\(listed.stderr)")
    #expect(
      listed.stderr.contains("built this journal's time index (5 entries)"), "\(listed.stderr)")
    let entries = try #require(
      JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
    #expect(entries.count == Self.expected2.count)
    for entry in entries {
      let id = try #require(entry["id"] as? String)
      let expected = try #require(Self.expected2[id], "unexpected entry \(id)")
      #expect(entry["kind"] as? String == expected.kind, "\(id)")
      #expect((entry["revision"] as? NSNumber)?.intValue == expected.revision, "\(id)")
      if let unix = expected.unix {
        #expect(((entry["at"] as? [String: Any])?["unix"] as? NSNumber)?.int64Value == unix)
      }
    }
    // Newest first: the goal ("now" when made), then the quick capture, then the rest by time.
    #expect(
      entries.compactMap { $0["id"] as? String }
        == [
          "d29f9ac885d0a73ddc016b0514e0a910", "fa34fd8b0fc2fe76d46777934cb030cc",
          "a358092d8d1f8eb55899e6296a64fd12", "87a2dc612326e221ea160fb1b9efc575",
          "2b8d6fb46e56cd7f0a915a0a42e8d91f",
        ])
    // A root and one leaf, every page the same size class as its kind.
    #expect(
      try Self.sql(
        cli, cli.journal,
        "SELECT group_concat(length(ciphertext)) FROM pages "
          + "ORDER BY length(ciphertext)"
      ).split(separator: ",").sorted() == ["32784", "8208"])
    let again = try cli.run(["list", "--limit", "2", "--format", "json"])
    #expect(again.status == 0 && !again.stderr.contains("time index"), "\(again.stderr)")
    let two = try #require(
      JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [[String: Any]])
    #expect(
      two.compactMap { $0["id"] as? String }
        == ["d29f9ac885d0a73ddc016b0514e0a910", "fa34fd8b0fc2fe76d46777934cb030cc"])
    let verified = try cli.run(["verify"])
    #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
    #expect(verified.stdout.contains("All 5 entries"), "\(verified.stdout)")
  }

  /// `strace` kills the first command at each `fsync` or `fdatasync` while it builds the index
  /// of the format-2 fixture, until a run completes. After each stop, a copy of the folder
  /// lists the same entries and verifies clean: the index is whole or absent (then built by
  /// the next command), never half written.
  @Test(.timeLimit(.minutes(3)))
  func buildingTheIndexStoppedAtEachSyncLeavesNoHalfIndex() throws {
    var sawNoIndex = false
    try Self.stopAtEachSync(of: Self.format2Copy, expecting: Self.expected2.keys.sorted()) {
      cli, copy, stop in
      let pages = try Self.sql(cli, copy, "SELECT count(*) FROM pages")
      #expect(pages == "0" || pages == "2", "stop \(stop): \(pages) pages")
      if pages == "0" { sawNoIndex = true }
    }
    #expect(sawNoIndex, "no stop fell before the build")
  }

  // MARK: A version-1 time index (Sotto 0.5)

  /// What the index-1 fixture holds: made with `sotto` 0.5.0 on 2026-12-03 (interactive KDF,
  /// all at +01:00; passphrase in `Tests/Fixtures/index-1/passphrase`), whose time index is
  /// version 1. From 2026-11-20T21:00 = 1_795_204_800: an urge then (6, resisted, "stress");
  /// wine 250 ml at 13% for 7 a day less 30 min later (2026-11-21T20:30); cannabis at
  /// 2026-11-22T22:00 (2 days 1 h); a beer at 2026-11-23T19:00, deleted; an urge acted on at
  /// 2026-11-24T18:00 (3 days 21 h); and two goals from 2026-11-16T00:00 (4 days 21 h before),
  /// at most 14 units of alcohol a week and 48 hours between uses of cannabis.
  static let expectedIndex1: [String: (kind: String, unix: Int64)] = [
    "3b32260e2fbac64b7d24375f669d8fd4": ("urge", 1_795_204_800),
    "36382d481015eecb424dd4fd10500523": ("use", 1_795_204_800 + 86_400 - 1_800),
    "4dfdedea24a32788a6880488e405f763": ("use", 1_795_204_800 + 2 * 86_400 + 3_600),
    "a9ea303a45aed7ede4a7b279ef4481e5": ("urge", 1_795_204_800 + 3 * 86_400 + 75_600),
    "b3cc59b1c4696fc4d4381e51e6373429": ("goal", 1_795_204_800 - 4 * 86_400 - 75_600),
    "ac3bf9aa27e96eb7211813bb8a13eb3e": ("goal", 1_795_204_800 - 4 * 86_400 - 75_600),
  ]

  /// The first command builds a version-2 index in place of 0.5's (new pages, saying so once),
  /// and the report and status read through it give the figures the fixture's entries give,
  /// worked out here by hand; `verify` and the independent reader find it exact.
  @Test func aJournalOfSotto05GetsAVersion2IndexAndReportsTheSameFigures() throws {
    let cli = try Self.fixtureCopy("index-1")
    let oldPages = try Self.sql(cli, cli.journal, "SELECT hex(id) FROM pages ORDER BY id")
    #expect(oldPages.split(separator: "\n").count == 2)

    let report = try cli.run([
      "report", "--since", "2026-11-16", "--until", "2026-11-29", "--format", "json",
    ])
    #expect(report.status == 0, "\(report.stderr)")
    #expect(
      report.stderr.contains("built this journal's time index (6 entries)"), "\(report.stderr)")
    let newPages = try Self.sql(cli, cli.journal, "SELECT hex(id) FROM pages ORDER BY id")
    #expect(newPages.split(separator: "\n").count == 2)
    #expect(Set(newPages.split(separator: "\n")).isDisjoint(with: oldPages.split(separator: "\n")))
    let figures = try #require(
      JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
    let urges = try #require(figures["urges"] as? [String: Any])
    #expect(urges["count"] as? Int == 2 && urges["resisted"] as? Int == 1)
    #expect(urges["actedOn"] as? Int == 1)
    let use = try #require(figures["use"] as? [String: Any])
    // Use on the 21st and the 22nd of the 14 days from the goals' first day; the beer is gone.
    #expect(use["occasions"] as? Int == 2 && use["useDays"] as? Int == 2)
    #expect(use["useFreeDays"] as? Int == 12 && use["spending"] as? Double == 7)
    // The current streak runs from the 23rd to today (in Berlin), and is the longest: the one
    // before the first use ran from the 16th to the 20th, 5 days.
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "Europe/Berlin")!
    let since23 = try #require(
      calendar.dateComponents(
        [.day], from: calendar.date(from: DateComponents(year: 2026, month: 11, day: 22))!,
        to: calendar.startOfDay(for: Date())
      ).day)
    #expect(use["currentUseFreeStreakDays"] as? Int == since23)
    #expect(use["longestUseFreeStreakDays"] as? Int == max(5, since23))
    let substances = try #require(use["substances"] as? [[String: Any]])
    // 250 ml × 13% = 32.5 ml of ethanol × 0.789 g/ml = 25.6425 g: 2.56425 WHO standard drinks.
    let alcohol = try #require(substances.first { $0["substance"] as? String == "alcohol" })
    #expect(abs((alcohol["standardDrinks"] as? Double ?? 0) - 2.56425) < 1e-9)

    let status = try cli.run(["status", "--format", "json"])
    #expect(status.status == 0 && !status.stderr.contains("time index"), "\(status.stderr)")
    let today = try #require(
      JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
    let last = try #require(today["substances"] as? [[String: Any]]).map {
      ($0["substance"] as? String ?? "", ($0["lastUse"] as? [String: Any])?["unix"] as? Int64)
    }
    // Cannabis last, then the wine: the beer after them was deleted.
    #expect(last.map(\.0) == ["cannabis", "alcohol"])
    let cannabis: Int64 = 1_795_204_800 + 2 * 86_400 + 3_600
    let wine: Int64 = 1_795_204_800 + 86_400 - 1_800
    #expect(last.map(\.1) == [cannabis, wine])
    #expect(try #require(today["goals"] as? [[String: Any]]).count == 2)

    let listed = try cli.run(["list", "--format", "json"])
    let entries = try #require(
      JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
    #expect(entries.count == Self.expectedIndex1.count)
    for entry in entries {
      let id = try #require(entry["id"] as? String)
      let expected = try #require(Self.expectedIndex1[id], "unexpected entry \(id)")
      #expect(entry["kind"] as? String == expected.kind, "\(id)")
      #expect(((entry["at"] as? [String: Any])?["unix"] as? NSNumber)?.int64Value == expected.unix)
    }
    let verified = try cli.run(["verify"])
    #expect(verified.status == 0 && verified.stdout.contains("All 6 entries"), "\(verified.stdout)")
    #expect(
      try FormatConformanceTests.readIndependently(cli.journal, cli.passphraseFile)?.count == 6)
  }
}
