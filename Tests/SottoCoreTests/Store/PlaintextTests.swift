import Foundation
import GRDB
import SottoModel
import Testing

@testable import SottoCore

@Suite struct PlaintextTests {
  static let words = [
    "zebrawordurge", "zebrawordnote", "alcoholsecretword", "payday", "walked it off", "anxious",
    "calmer", "drinks", "urge", "use", "goal", "quickcaptureword",
  ]

  private func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    guard !needle.isEmpty, haystack.count >= needle.count else { return false }
    let first = needle[0]
    var index = 0
    while index <= haystack.count - needle.count {
      if haystack[index] == first && Array(haystack[index..<index + needle.count]) == needle {
        return true
      }
      index += 1
    }
    return false
  }

  @Test func noLoggedWordOrKeyBytesReachTheDisk() throws {
    let folder = TemporaryFolder()
    let (path, journal) = try Fixtures.newJournal(in: folder)
    for body in Fixtures.allBodies { try journal.add(body, at: Fixtures.time) }
    var capture = Fixtures.urge
    capture.note = "quickcaptureword"
    _ = try journal.journal.capture(.urge(capture), at: Fixtures.time)
    let added = try journal.contents().entries
    var edited = added[0]
    edited.entry.body = .urge(Fixtures.urge)
    try journal.update(edited)
    try journal.delete(added[1].entry.id)
    let recordKey = journal.bundle.recordKey.withUnsafeBytes { Array($0) }
    let inboxKey = journal.bundle.inboxSecretKey.withUnsafeBytes { Array($0) }

    let check = { (stage: String) in
      let bytes = folder.allBytes(of: path)
      #expect(bytes.count > 4096, "\(stage): nothing was read")
      for word in Self.words {
        #expect(!self.contains(bytes, Array(word.utf8)), "\(stage): found \(word)")
      }
      #expect(!self.contains(bytes, recordKey), "\(stage): found the record key")
      #expect(!self.contains(bytes, inboxKey), "\(stage): found the inbox key")
    }
    check("after adds, edits and deletes")

    // Unlocking moves the quick-capture entry in; passwd re-encrypts everything.
    let again = try Journal.open(at: path).unlock(Fixtures.passphrase())
    #expect(again.movedFromInbox == 1)
    try again.changePassphrase(to: Fixtures.passphrase("another good passphrase"))
    check("after passwd")
    let newKey = try Journal.open(at: path).unlock(Fixtures.passphrase("another good passphrase"))
      .bundle.recordKey.withUnsafeBytes { Array($0) }
    #expect(!contains(folder.allBytes(of: path), newKey))
  }

  /// Issue 11 §5: format 1 made typical entries 272-byte ciphertexts and detailed ones 528,
  /// so the file told short entries from long. Format 2 gives every entry below about 480
  /// bytes of JSON one size; only unusually long notes reach the next class.
  @Test func everyOrdinaryEntryIsOneRecordSizeAndOnlyLongNotesAreLarger() throws {
    let folder = TemporaryFolder()
    let (path, journal) = try Fixtures.newJournal(in: folder)
    var minimalUrge = Fixtures.urge
    minimalUrge.note = nil
    minimalUrge.triggers = []
    var fullUrge = Fixtures.urge
    fullUrge.note = String(repeating: "n", count: 60)
    var fullUse = Fixtures.use
    fullUse.note = String(repeating: "u", count: 90)
    var longUrge = Fixtures.urge
    longUrge.note = String(repeating: "x", count: 600)
    let ordinary = [
      try journal.add(.urge(minimalUrge), at: Fixtures.time),
      try journal.add(.urge(Fixtures.urge), at: Fixtures.time),
      try journal.add(.urge(fullUrge), at: Fixtures.time),
      try journal.add(.use(Fixtures.use), at: Fixtures.time),
      try journal.add(.use(fullUse), at: Fixtures.time),
    ]
    let long = try journal.add(.urge(longUrge), at: Fixtures.time)
    let sizes = Dictionary(
      uniqueKeysWithValues: try Fixtures.recordRows(path).map {
        ([UInt8]($0["id"] as Data), ($0["ciphertext"] as Data).count)
      })
    // 512 bytes of padded plaintext and the 16-byte Poly1305 tag; then 1,024 + 16.
    for entry in ordinary { #expect(sizes[entry.id.bytes] == 528, "\(entry.kind)") }
    #expect(sizes[long.id.bytes] == 1040)
  }

  /// Issue 11 §5: format 1 kept each entry's edit count in a plaintext `revision` column.
  /// Format 2's row holds a random tag, drawn again on every write; the count is inside the
  /// ciphertext.
  @Test func anEditShowsNoCountOnlyAFreshTagOfTheSameSize() throws {
    let folder = TemporaryFolder()
    let (path, journal) = try Fixtures.newJournal(in: folder)
    let entry = try journal.add(.urge(Fixtures.urge), at: Fixtures.time)
    var rows = [try Fixtures.recordRows(path)[0]]
    for intensity in [2, 3, 4] {
      var stored = try journal.entry(matching: entry.id.hex)
      stored.entry.body = .urge(Urge(intensity: intensity, triggers: ["t"]))
      try journal.update(stored)
      rows.append(try Fixtures.recordRows(path)[0])
    }
    #expect(try journal.entry(matching: entry.id.hex).revision == 4)
    let columns = Set(rows[0].columnNames)
    #expect(columns == ["id", "tag", "nonce", "ciphertext"])
    let tags = rows.map { $0["tag"] as Data }
    #expect(Set(tags).count == 4)
    #expect(tags.allSatisfy { $0.count == 16 })
    #expect(Set(rows.map { ($0["ciphertext"] as Data).count }) == [528])
    // Nothing outside the ciphertext counts: no integer anywhere in the row.
    for row in rows {
      for column in row.columnNames { #expect(row[column] is Data, "\(column)") }
    }
  }

  /// Format 1 deleted the row, so the row count fell with every deletion. Format 2 rewrites
  /// it in place as a tombstone of the same size: a deletion looks like an edit.
  @Test func aDeletionKeepsTheRowItsSizeAndLooksLikeAnEdit() throws {
    let folder = TemporaryFolder()
    let (path, journal) = try Fixtures.newJournal(in: folder)
    let kept = try journal.add(.urge(Fixtures.urge), at: Fixtures.time)
    let deleted = try journal.add(.use(Fixtures.use), at: Fixtures.time)
    let before = try Fixtures.recordRows(path).first { $0["id"] == Data(deleted.id.bytes) }!
    try journal.delete(deleted.id)
    let rows = try Fixtures.recordRows(path)
    #expect(rows.count == 2)
    let after = rows.first { $0["id"] == Data(deleted.id.bytes) }!
    #expect((after["ciphertext"] as Data).count == 528)
    #expect((after["tag"] as Data) != (before["tag"] as Data))
    #expect((after["ciphertext"] as Data) != (before["ciphertext"] as Data))
    let reopened = try Journal.open(at: path).unlock(Fixtures.passphrase())
    let contents = try reopened.contents()
    #expect(contents.all.map(\.id) == [kept.id])
    #expect(contents.integrity.isClean)
    #expect(contents.integrity.recordsChecked == 1)
    #expect(throws: SottoError.self) { try reopened.entry(matching: deleted.id.hex) }
    #expect(throws: SottoError.self) { try reopened.delete(deleted.id) }
  }

  /// An edit must not move an entry to a larger size class: the file would then show which
  /// entries were edited. Sync's causal context first did, for entries near the top of the
  /// 512-byte class (a use with every field and a 100 to 130-character note): 528 bytes
  /// fresh, 1,040 once edited. A device's own earlier versions need no context.
  @Test(arguments: [90, 110, 130])
  func editsOnOneDeviceNeverChangeAnEntrysSize(noteLength: Int) throws {
    let folder = TemporaryFolder()
    let (path, journal) = try Fixtures.newJournal(in: folder)
    var use = Fixtures.use
    use.note = String(repeating: "u", count: noteLength)
    let entry = try journal.add(.use(use), at: Fixtures.time)
    let queue = try DatabaseQueue(path: path)
    defer { try? queue.close() }
    let size = {
      try queue.read { db in try Int.fetchOne(db, sql: "SELECT length(ciphertext) FROM records") }
    }
    let fresh = try size()
    #expect(fresh == 528)
    for revision in 1...3 {
      use.cost = Double(revision)
      try journal.update(
        StoredEntry(
          entry: Entry(id: entry.id, at: entry.at, body: .use(use)), revision: UInt64(revision)))
      #expect(try size() == fresh, "after edit \(revision)")
    }
    try journal.delete(entry.id)
    #expect(try size() == fresh)
  }

  /// Issue 11 §5: inbox rows were padded to 256-byte blocks, so a capture's size followed its
  /// detail. Format 2 pads them to the records' classes: 512 + 48 for every ordinary capture.
  @Test func everyOrdinaryQuickCaptureIsOneSize() throws {
    let folder = TemporaryFolder()
    let (path, _) = try Fixtures.newJournal(in: folder)
    let locked = try Journal.open(at: path)
    // An urge of only an intensity (about 150 bytes of JSON: 304-byte rows in format 1) and a
    // use with every field and a 150-character note (about 430 bytes: 560 in format 1).
    var full = Fixtures.use
    full.note = String(repeating: "u", count: 150)
    _ = try locked.capture(.urge(Urge(intensity: 3)), at: Fixtures.time)
    _ = try locked.capture(.urge(Fixtures.urge), at: Fixtures.time)
    _ = try locked.capture(.use(full), at: Fixtures.time)
    let queue = try DatabaseQueue(path: path)
    defer { try? queue.close() }
    let sizes = try queue.read { db in
      try Int.fetchAll(db, sql: "SELECT length(sealed) FROM inbox")
    }
    #expect(sizes == [560, 560, 560])
  }

  @Test func quickCaptureNeedsNoPassphraseAndMovesInOnceAtUnlock() throws {
    let folder = TemporaryFolder()
    let (path, _) = try Fixtures.newJournal(in: folder)
    let locked = try Journal.open(at: path)
    let first = try locked.capture(.urge(Fixtures.urge), at: Fixtures.time)
    let second = try locked.capture(.use(Fixtures.use), at: Fixtures.time)
    #expect(try locked.inboxCount() == 2)

    let unlocked = try Journal.open(at: path).unlock(Fixtures.passphrase())
    #expect(unlocked.movedFromInbox == 2)
    #expect(try unlocked.journal.inboxCount() == 0)
    let entries = try unlocked.contents().entries.map(\.entry)
    #expect(Set(entries.map(\.id)) == [first.id, second.id])
    #expect(entries.allSatisfy { $0.source == .quickCapture })
    let again = try Journal.open(at: path).unlock(Fixtures.passphrase())
    #expect(again.movedFromInbox == 0)
    #expect(try again.contents().entries.count == 2)
  }

  @Test func quickCaptureCanBeTurnedOff() throws {
    let folder = TemporaryFolder()
    let (path, journal) = try Fixtures.newJournal(in: folder)
    try journal.setQuickCapture(false, passphrase: Fixtures.passphrase())
    let locked = try Journal.open(at: path)
    #expect(!locked.quickCaptureEnabled)
    #expect(throws: SottoError.self) { try locked.capture(.urge(Fixtures.urge), at: Fixtures.time) }
    _ = try locked.unlock(Fixtures.passphrase())
  }
}

@Suite struct InboxThenAddTests {
  @Test func addingAfterTheInboxWasMovedInWritesEveryEntryIntact() throws {
    let folder = TemporaryFolder()
    let (path, _) = try Fixtures.newJournal(in: folder)
    let locked = try Journal.open(at: path)
    var captured: [Entry] = []
    for intensity in 1...3 {
      captured.append(try locked.capture(.urge(Urge(intensity: intensity)), at: Fixtures.time))
    }
    let unlocked = try Journal.open(at: path).unlock(Fixtures.passphrase())
    #expect(unlocked.movedFromInbox == 3)
    let added = try unlocked.add(.use(Fixtures.use), at: Fixtures.time)
    try unlocked.add([
      Entry(
        id: EntryID(bytes: [UInt8](repeating: 7, count: 16))!, at: Fixtures.time,
        body: .urge(Fixtures.urge))
    ])
    let contents = try Journal.open(at: path).unlock(Fixtures.passphrase()).contents()
    #expect(contents.integrity.isClean)
    #expect(contents.entries.count == 5)
    #expect(contents.entries.contains { $0.entry.id == added.id && $0.entry.use == Fixtures.use })
    for entry in captured {
      #expect(contents.entries.contains { $0.entry.id == entry.id && $0.entry.urge == entry.urge })
    }
  }
}
