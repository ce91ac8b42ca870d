import Foundation
import SottoModel
import Testing

@testable import SottoCore

@Suite struct ImportTests {
  @Test func importingTheSameEntriesTwiceAddsNothing() throws {
    let folder = TemporaryFolder()
    let (_, journal) = try Fixtures.newJournal(in: folder)
    let entries = Fixtures.allBodies.enumerated().map { index, body in
      Entry(
        id: EntryID(bytes: [UInt8](repeating: UInt8(index), count: 16))!, at: Fixtures.time,
        body: body)
    }
    let first = try journal.importEntries(entries)
    #expect(first == ImportSummary(added: entries.count))
    let second = try journal.importEntries(entries)
    #expect(second == ImportSummary(unchanged: entries.count))
    #expect(try journal.contents().entries.count == entries.count)
  }

  @Test func changedEntriesBecomeNewRevisionsAndReplaceRemovesTheRest() throws {
    let folder = TemporaryFolder()
    let (path, journal) = try Fixtures.newJournal(in: folder)
    let old = try journal.add(.urge(Fixtures.urge), at: Fixtures.time)
    var changed = old
    changed.at = Timestamp(unixSeconds: 1_795_000_000, utcOffsetSeconds: 0)
    let fresh = Entry(
      id: EntryID(bytes: [UInt8](repeating: 9, count: 16))!, at: Fixtures.time,
      body: .use(Fixtures.use))
    let other = try journal.add(.use(Fixtures.use), at: Fixtures.time)

    let before = folder.fingerprint(of: path)
    let preview = try journal.importEntries([changed, fresh], replace: true, dryRun: true)
    #expect(preview == ImportSummary(added: 1, updated: 1, unchanged: 0, removed: 1))
    #expect(folder.fingerprint(of: path) == before)

    _ = try journal.importEntries([changed, fresh], replace: true)
    let contents = try journal.contents()
    #expect(contents.integrity.isClean)
    #expect(Set(contents.entries.map(\.entry.id)) == [old.id, fresh.id])
    #expect(!contents.entries.contains { $0.entry.id == other.id })
    #expect(contents.entries.first { $0.entry.id == old.id }?.revision == 2)
  }

  /// An entry deleted, then imported again from an older export, comes back with the revision
  /// after its deletion's, not 1: revisions never go back.
  @Test func anEntryImportedOverItsDeletionContinuesItsRevisions() throws {
    let folder = TemporaryFolder()
    let (_, journal) = try Fixtures.newJournal(in: folder)
    let entry = try journal.add(.urge(Fixtures.urge), at: Fixtures.time)
    try journal.delete(entry.id)  // revision 2: the tombstone
    let summary = try journal.importEntries([entry])
    #expect(summary.added == 1)
    let back = try journal.entry(matching: entry.id.hex)
    #expect(back.entry == entry)
    #expect(back.revision == 3)
    #expect(try journal.contents().integrity.isClean)
  }

  @Test func anInvalidEntryImportsNothing() throws {
    let folder = TemporaryFolder()
    let (path, journal) = try Fixtures.newJournal(in: folder)
    var bad = Fixtures.urge
    bad.intensity = 42
    let entries = [
      Entry(
        id: EntryID(bytes: [UInt8](repeating: 1, count: 16))!, at: Fixtures.time,
        body: .use(Fixtures.use)),
      Entry(
        id: EntryID(bytes: [UInt8](repeating: 2, count: 16))!, at: Fixtures.time, body: .urge(bad)),
    ]
    let before = folder.fingerprint(of: path)
    do {
      _ = try journal.importEntries(entries)
      Issue.record("an invalid entry was imported")
    } catch {
      #expect(error.message.contains("Entry 2"))
    }
    #expect(folder.fingerprint(of: path) == before)
  }
}
