import CSodium
import Foundation
import GRDB
import SottoModel
import Testing

@testable import SottoCore

/// Rows read ahead during the unlock are used only while they are still what the file holds.
@Suite struct RecordPrefetchTests {
  @Test func prefetchedRowsGiveTheSameContents() throws {
    let folder = TemporaryFolder()
    let (path, journal) = try Fixtures.newJournal(in: folder)
    for body in Fixtures.allBodies { try journal.add(body, at: Fixtures.time) }
    let expected = try journal.contents()
    let contents = try Journal.open(at: path).unlock(Fixtures.passphrase(), readAhead: true)
      .contents()
    #expect(contents.all == expected.all)
    #expect(contents.revisions == expected.revisions)
    #expect(contents.integrity.isClean)
  }

  @Test func entriesMovedInFromQuickCaptureAtUnlockAreIncluded() throws {
    let folder = TemporaryFolder()
    let (path, journal) = try Fixtures.newJournal(in: folder)
    let direct = try journal.add(.urge(Fixtures.urge), at: Fixtures.time)
    let reopened = try Journal.open(at: path)
    let captured = try reopened.capture(.use(Fixtures.use), at: Fixtures.time)
    let unlocked = try reopened.unlock(Fixtures.passphrase(), readAhead: true)
    #expect(unlocked.movedFromInbox == 1)
    let contents = try unlocked.contents()
    #expect(Set(contents.all.map(\.id)) == [direct.id, captured.id])
    #expect(contents.integrity.isClean)
  }

  @Test func aWriteThroughTheSameJournalAfterTheUnlockIsSeen() throws {
    let folder = TemporaryFolder()
    let (path, journal) = try Fixtures.newJournal(in: folder)
    let first = try journal.add(.urge(Fixtures.urge), at: Fixtures.time)
    let unlocked = try Journal.open(at: path).unlock(Fixtures.passphrase(), readAhead: true)
    // Same connection: SQLite's data_version does not change for its own writes.
    let second = try unlocked.add(.use(Fixtures.use), at: Fixtures.time)
    #expect(Set(try unlocked.contents().all.map(\.id)) == [first.id, second.id])
    let third = try unlocked.add(.use(Fixtures.use), at: Fixtures.time)
    #expect(Set(try unlocked.contents().all.map(\.id)) == [first.id, second.id, third.id])
  }

  @Test func aChangeByAnotherConnectionAfterThePrefetchIsSeen() throws {
    let folder = TemporaryFolder()
    let (path, journal) = try Fixtures.newJournal(in: folder)
    let first = try journal.add(.urge(Fixtures.urge), at: Fixtures.time)
    let unlocked = try Journal.open(at: path).unlock(Fixtures.passphrase(), readAhead: true)
    // Another process writes between the read-ahead and the use of its rows.
    let second = try Journal.open(at: path).unlock(Fixtures.passphrase())
      .add(.use(Fixtures.use), at: Fixtures.time)
    let contents = try unlocked.contents()
    #expect(Set(contents.all.map(\.id)) == [first.id, second.id])
    #expect(contents.integrity.isClean)
  }
}
