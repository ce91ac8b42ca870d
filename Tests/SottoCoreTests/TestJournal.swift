import CSodium
import Foundation
import GRDB
import SottoModel
import Testing

@testable import SottoCore

/// A folder of its own for one test, removed when the test ends.
final class TemporaryFolder {
  let path: String

  init() {
    let base = FileManager.default.temporaryDirectory.path
    path = base + "/sotto-test-" + UUID().uuidString
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }

  /// A digest of the journal's persistent content (the database and its `-wal`), to show that
  /// nothing was written. The `-shm` file is a shared-memory index that every reader updates.
  func fingerprint(of file: String) -> String {
    let bytes = [file, file + "-wal"].flatMap { path in
      (FileManager.default.contents(atPath: path).map { [UInt8]($0) }) ?? []
    }
    return Hex.encode(Sodium.digest(bytes, length: 32))
  }

  /// The bytes of a file and its SQLite companions, concatenated.
  func allBytes(of file: String) -> [UInt8] {
    ([file] + JournalLocation.companionFiles(of: file)).flatMap { path in
      (FileManager.default.contents(atPath: path).map { [UInt8]($0) }) ?? []
    }
  }
}

enum Fixtures {
  static let passphrase = "correct horse battery staple"
  /// libsodium's minimum Argon2id cost: fast tests, no protection.
  static let kdf = KDFParameters.insecureMinimumForTesting

  static func passphrase(_ text: String = passphrase) -> Passphrase {
    try! Passphrase(utf8: Array(text.utf8))
  }

  static func newJournal(in folder: TemporaryFolder, quickCapture: Bool = true) throws -> (
    String, UnlockedJournal
  ) {
    let path = folder.path + "/journal.db"
    let journal = try Journal.create(
      at: path, passphrase: passphrase(), kdf: kdf, quickCapture: quickCapture)
    return (path, try journal.unlock(passphrase()))
  }

  /// `count` entries with fresh ids, a minute apart, cycling through every kind of body.
  static func entries(_ count: Int) -> [Entry] {
    let bodies = allBodies
    return (0..<count).map { index in
      Entry(
        id: EntryID(bytes: Sodium.randomBytes(16))!,
        at: Timestamp(unixSeconds: 1_790_000_000 + Int64(index) * 60, utcOffsetSeconds: 3600),
        body: bodies[index % bodies.count])
    }
  }

  static let time = Timestamp(unixSeconds: 1_795_600_000, utcOffsetSeconds: 3600)

  static let urge = Urge(
    intensity: 7, triggers: ["payday", "bored"], outcome: .resisted, durationMinutes: 25,
    coping: "walked it off", finalIntensity: 3, note: "zebrawordurge")
  static let use = Use(
    substance: "alcoholsecretword", amount: 3, unit: "drinks", route: "oral", setting: "bar",
    cost: 18.5, moodBefore: "anxious", moodAfter: "calmer", note: "zebrawordnote")
  static let goals: [Goal] = [
    Goal(rule: .cap(amount: 10, unit: "drinks", substance: "alcohol", period: .week), note: "g1"),
    Goal(rule: .useFreeDays(days: 2, period: .week)),
    Goal(rule: .minGap(hours: 48, substance: "mdma")),
    Goal(rule: .maxSpend(amount: 50, period: .week)),
    Goal(rule: .resistRate(percent: 70), archived: true),
  ]

  /// Every kind of entry with every field set.
  static var allBodies: [EntryBody] { [.urge(urge), .use(use)] + goals.map { .goal($0) } }

  /// Runs SQL on the file directly, behind Sotto's back, as another program would.
  static func tamper(_ path: String, _ body: (Database) throws -> Void) throws {
    let queue = try DatabaseQueue(path: path)
    try queue.writeWithoutTransaction { db in try body(db) }
    try queue.close()
  }

  /// Every key envelope in the journal's files as SQLite sees them: the one in `journal.db`
  /// alone and the one with its log applied (different after an uncheckpointed header change).
  static func headerEnvelopes(_ path: String) throws -> [[UInt8]] {
    var found: [[UInt8]] = []
    let queue = try DatabaseQueue(path: path)
    try queue.read { db in
      found.append([UInt8](try Data.fetchOne(db, sql: "SELECT envelope FROM header")!))
    }
    try queue.close()
    // journal.db alone, without its log: copied where no -wal sits beside it.
    let alone = (path as NSString).deletingLastPathComponent + "/file-alone-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: alone, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: alone) }
    try FileManager.default.copyItem(atPath: path, toPath: alone + "/journal.db")
    let fileOnly = try DatabaseQueue(path: alone + "/journal.db")
    try? fileOnly.read { db in
      if let envelope = try Data.fetchOne(db, sql: "SELECT envelope FROM header"),
        !found.contains([UInt8](envelope))
      {
        found.append([UInt8](envelope))
      }
    }
    try fileOnly.close()
    return found
  }

  /// Writes random bytes over `count` bytes at `offset` of `path`.
  static func overwriteBytes(_ path: String, at offset: UInt64, count: Int) throws {
    let handle = try #require(FileHandle(forWritingAtPath: path))
    try handle.seek(toOffset: offset)
    try handle.write(contentsOf: Data(Sodium.randomBytes(count)))
    try handle.close()
  }

  /// A closed journal at `folder/journal.db` holding every kind of entry.
  static func closedJournal(in folder: TemporaryFolder) throws -> String {
    let (path, journal) = try newJournal(in: folder)
    for body in allBodies { try journal.add(body, at: time) }
    return path
  }

  /// The inputs a fuzz target found failing, kept in Fuzz/regressions/TARGET/.
  static func fuzzFindings(_ target: String) throws -> [[UInt8]] {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Fuzz/regressions/\(target)")
    return try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { !$0.hasPrefix(".") }.sorted()
      .map { try [UInt8](Data(contentsOf: folder.appendingPathComponent($0))) }
  }

  static func recordRows(_ path: String) throws -> [Row] {
    try rows(path, "records")
  }

  /// Every row of `table`, in id order, read as another program would.
  static func rows(_ path: String, _ table: String) throws -> [Row] {
    let queue = try DatabaseQueue(path: path)
    defer { try? queue.close() }
    return try queue.read { db in try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY id") }
  }
}

extension Sodium {
  /// An unkeyed BLAKE2b digest of `parts` concatenated, straight from libsodium: the tests'
  /// reference for the digests Sotto computes.
  static func digest(_ parts: [UInt8]..., length: Int = 16) -> [UInt8] {
    let input = parts.flatMap { $0 }
    var out = [UInt8](repeating: 0, count: length)
    let result = crypto_generichash(&out, length, input, UInt64(input.count), nil, 0)
    precondition(result == 0, "BLAKE2b cannot fail with a valid length")
    return out
  }
}
