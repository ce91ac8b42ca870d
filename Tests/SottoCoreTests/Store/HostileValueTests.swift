import Foundation
import GRDB
import SottoModel
import Testing

@testable import SottoCore

/// The journal's tables are not STRICT, so a hostile file may hold any SQLite type in any column.
/// GRDB's row subscripts stop the program when a value does not convert; Sotto must instead
/// report the file or the row as damaged. (Before the fix, each of these stopped `sotto` with
/// "could not decode".)
@Suite struct HostileValueTests {
  @Test(arguments: [
    ("kdf_opslimit", "'abc'"), ("kdf_memlimit", "x'00'"), ("magic", "42"),
    ("journal_id", "1.5"), ("quick_capture", "'yes'"), ("kdf_salt", "7"),
  ])
  func aHeaderFieldOfTheWrongTypeIsRefusedAsDamaged(column: String, value: String) throws {
    let folder = TemporaryFolder()
    let (path, _) = try Fixtures.newJournal(in: folder)
    try Fixtures.tamper(path) { db in
      try db.execute(sql: "UPDATE header SET \(column) = \(value)")
    }
    do {
      _ = try Journal.open(at: path)
      Issue.record("a header with \(column) = \(value) was accepted")
    } catch {
      #expect(error.code == .notAJournal, "\(error)")
    }
  }

  @Test(arguments: [
    ("revision", "'two'"), ("revision", "x'01'"), ("nonce", "12"), ("ciphertext", "3.5"),
  ])
  func aRecordFieldOfTheWrongTypeIsReportedAndTheRestLoads(column: String, value: String)
    throws
  {
    let folder = TemporaryFolder()
    let (path, journal) = try Fixtures.newJournal(in: folder)
    let kept = try journal.add(.urge(Fixtures.urge), at: Fixtures.time)
    let damaged = try journal.add(.urge(Fixtures.urge), at: Fixtures.time)
    try Fixtures.tamper(path) { db in
      try db.execute(
        sql: "UPDATE records SET \(column) = \(value) WHERE id = ?",
        arguments: [Data(damaged.id.bytes)])
    }
    let unlocked = try Journal.open(at: path).unlock(Fixtures.passphrase())
    let contents = try unlocked.contents()
    #expect(contents.entries.map(\.entry.id) == [kept.id])
    #expect(contents.integrity.undecryptable == [damaged.id])
    let report = try unlocked.verify()
    #expect(!report.isClean)
  }

  @Test func aQuickCaptureRowOfTheWrongTypeStaysAndIsReported() throws {
    let folder = TemporaryFolder()
    let (path, _) = try Fixtures.newJournal(in: folder)
    try Fixtures.tamper(path) { db in
      try db.execute(sql: "INSERT INTO inbox (id, sealed) VALUES (x'00112233', 99)")
    }
    let unlocked = try Journal.open(at: path).unlock(Fixtures.passphrase())
    #expect(unlocked.movedFromInbox == 0)
    #expect(unlocked.integrityAtUnlock.damagedInboxRows == 1)
  }

  /// Replays the header fuzzer's crashing inputs (Fuzz/regressions/header/), decoded into a row
  /// exactly as Fuzz/HeaderFuzz.swift does. The first, found within seconds of fuzzing the code
  /// as it was, is a `magic` column holding a blob that is not UTF-8.
  @Test func headerFuzzerFindingsAreRefusedWithoutStopping() throws {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Fuzz/regressions/header")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { !$0.hasPrefix(".") }
    #expect(!files.isEmpty)
    for file in files {
      let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent(file)))
      if let header = JournalHeader(row: Self.fuzzedRow(bytes)) {
        #expect(throws: SottoError.self) { try header.validate() }
      }
    }
  }

  /// Fuzz/HeaderFuzz.swift's decoding: per column a type byte, then 8 bytes for a number, or a
  /// length byte and that many bytes for text and blobs.
  static func fuzzedRow(_ bytes: [UInt8]) -> Row {
    let columns = [
      "singleton", "magic", "format_version", "journal_id", "kdf_algorithm", "kdf_opslimit",
      "kdf_memlimit", "kdf_salt", "envelope_nonce", "envelope", "inbox_public_key",
      "quick_capture",
    ]
    var reader = ByteReader(bytes)
    var values: [String: (any DatabaseValueConvertible)?] = [:]
    for column in columns {
      guard let type = reader.readU8() else {
        values[column] = nil
        continue
      }
      switch type % 5 {
      case 0: values[column] = DatabaseValue.null
      case 1: values[column] = reader.readU64().map { Int64(bitPattern: $0) }
      case 2: values[column] = reader.readU64().map { Double(bitPattern: $0) }
      case 3:
        let count = Int(reader.readU8() ?? 0)
        values[column] = reader.read(count: count).map { String(decoding: $0, as: UTF8.self) }
      default:
        let count = Int(reader.readU8() ?? 0)
        values[column] = reader.read(count: count).map { Data($0) }
      }
    }
    return Row(values)
  }
}
