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
    ("tag", "'two'"), ("tag", "x'01'"), ("tag", "7"), ("nonce", "12"), ("ciphertext", "3.5"),
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
    let findings = try Fixtures.fuzzFindings("header")
    #expect(!findings.isEmpty)
    for bytes in findings {
      if let header = JournalHeader(row: JournalHeader.fuzzRow(from: bytes)) {
        #expect(throws: SottoError.self) { try header.validate() }
      }
    }
  }
}
