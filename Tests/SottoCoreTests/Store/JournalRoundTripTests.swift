import Foundation
import SottoModel
import Testing

@testable import SottoCore

@Suite struct JournalRoundTripTests {
  @Test func everyEntryKindAndFieldSurvivesAReopen() throws {
    let folder = TemporaryFolder()
    let (path, journal) = try Fixtures.newJournal(in: folder)
    var added: [Entry] = []
    for body in Fixtures.allBodies { added.append(try journal.add(body, at: Fixtures.time)) }

    let reopened = try Journal.open(at: path).unlock(Fixtures.passphrase())
    let contents = try reopened.contents()
    #expect(contents.integrity.isClean)
    #expect(Set(contents.entries.map(\.entry)) == Set(added))
    #expect(contents.entries.allSatisfy { $0.revision == 1 })
  }

  @Test func editWritesANewRevisionAndDeleteRemovesTheEntry() throws {
    let folder = TemporaryFolder()
    let (path, journal) = try Fixtures.newJournal(in: folder)
    let urge = try journal.add(.urge(Fixtures.urge), at: Fixtures.time)
    let use = try journal.add(.use(Fixtures.use), at: Fixtures.time)

    var stored = try journal.entry(matching: String(urge.id.hex.prefix(8)))
    var changed = Fixtures.urge
    changed.intensity = 2
    changed.note = "edited note"
    stored.entry.body = .urge(changed)
    let saved = try journal.update(stored)
    #expect(saved.revision == 2)

    try journal.delete(use.id)
    let contents = try Journal.open(at: path).unlock(Fixtures.passphrase()).contents()
    #expect(contents.integrity.isClean)
    #expect(contents.entries.map(\.entry.id) == [urge.id])
    #expect(contents.entries.first?.entry.urge == changed)
    #expect(contents.entries.first?.revision == 2)
    #expect(throws: SottoError.self) { try journal.entry(matching: use.id.hex) }
  }

  @Test func staleEditIsRefusedAsConcurrentChange() throws {
    let folder = TemporaryFolder()
    let (_, journal) = try Fixtures.newJournal(in: folder)
    let urge = try journal.add(.urge(Fixtures.urge), at: Fixtures.time)
    let first = try journal.entry(matching: urge.id.hex)
    try journal.update(first)
    do {
      try journal.update(first)
      Issue.record("a stale revision was accepted")
    } catch {
      #expect(error.code == .concurrentChange)
    }
  }

  @Test func invalidEntriesAreRefusedWithNothingWritten() throws {
    let folder = TemporaryFolder()
    let (path, journal) = try Fixtures.newJournal(in: folder)
    let before = folder.fingerprint(of: path)
    var bad = Fixtures.urge
    bad.intensity = 11
    #expect(throws: SottoError.self) { try journal.add(.urge(bad), at: Fixtures.time) }
    var negative = Fixtures.use
    negative.amount = -3
    #expect(throws: SottoError.self) { try journal.add(.use(negative), at: Fixtures.time) }
    #expect(folder.fingerprint(of: path) == before)
  }

  @Test func idPrefixesMustBeHexAndLongEnough() throws {
    let folder = TemporaryFolder()
    let (_, journal) = try Fixtures.newJournal(in: folder)
    try journal.add(.urge(Fixtures.urge), at: Fixtures.time)
    for bad in ["abc", "zzzzzzzz", String(repeating: "a", count: 33)] {
      do {
        _ = try journal.entry(matching: bad)
        Issue.record("accepted \(bad)")
      } catch {
        #expect(error.code == .invalidInput)
      }
    }
    do {
      _ = try journal.entry(matching: "0123456789abcdef")
    } catch {
      #expect(error.code == .entryNotFound)
    }
  }

  /// A prefix finds the ids in its range of the table: one is the entry, two are ambiguous,
  /// and a deleted entry sharing the prefix does not count.
  @Test func aPrefixFindsItsIdsAndADeletedOneDoesNotCount() throws {
    let folder = TemporaryFolder()
    let (_, journal) = try Fixtures.newJournal(in: folder)
    func entry(_ hex: String) -> Entry {
      Entry(id: EntryID(hex: hex)!, at: Fixtures.time, body: .urge(Fixtures.urge))
    }
    let first = entry("abcdef01" + String(repeating: "0", count: 24))
    let second = entry("abcdef02" + String(repeating: "f", count: 24))
    let other = entry("abcdf000" + String(repeating: "1", count: 24))
    try journal.add([first, second, other])
    #expect(try journal.entry(matching: "abcdef01").entry.id == first.id)
    #expect(try journal.entry(matching: "ABCDEF02FF").entry.id == second.id)
    #expect(try journal.entry(matching: "abcdf0").entry.id == other.id)
    do {
      _ = try journal.entry(matching: "abcdef")
      Issue.record("an ambiguous prefix was accepted")
    } catch {
      #expect(error.code == .ambiguousID)
    }
    try journal.delete(second.id)
    #expect(try journal.entry(matching: "abcdef").entry.id == first.id)
    #expect(throws: SottoError.self) { try journal.entry(matching: "abcdef02") }
  }

  @Test func createRefusesAnExistingFileAndMakesPrivateFiles() throws {
    let folder = TemporaryFolder()
    let path = folder.path + "/new/journal.db"
    _ = try Journal.create(at: path, passphrase: Fixtures.passphrase(), kdf: Fixtures.kdf)
    let fileMode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    let folderMode =
      try FileManager.default.attributesOfItem(atPath: folder.path + "/new")[.posixPermissions]
      as? Int
    #expect(fileMode == 0o600)
    #expect(folderMode == 0o700)
    let before = folder.fingerprint(of: path)
    do {
      _ = try Journal.create(at: path, passphrase: Fixtures.passphrase(), kdf: Fixtures.kdf)
      Issue.record("overwrote a journal")
    } catch {
      #expect(error.code == .journalExists)
    }
    #expect(folder.fingerprint(of: path) == before)
  }

  @Test func openingAMissingJournalSaysSo() {
    let folder = TemporaryFolder()
    do {
      _ = try Journal.open(at: folder.path + "/nothing.db")
      Issue.record("opened a missing journal")
    } catch {
      #expect(error.code == .journalNotFound)
    }
    #expect(!FileManager.default.fileExists(atPath: folder.path + "/nothing.db"))
  }
}

@Suite struct RelativePathTests {
  @Test func aJournalCanBeCreatedAtARelativePathInTheCurrentFolder() throws {
    let folder = TemporaryFolder()
    let previous = FileManager.default.currentDirectoryPath
    #expect(FileManager.default.changeCurrentDirectoryPath(folder.path))
    defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
    _ = try Journal.create(at: "relative.db", passphrase: Fixtures.passphrase(), kdf: Fixtures.kdf)
    #expect(FileManager.default.fileExists(atPath: folder.path + "/relative.db"))
  }
}
