import Foundation
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

  @Test func recordCiphertextsArePaddedTo256ByteBlocks() throws {
    let folder = TemporaryFolder()
    let (path, journal) = try Fixtures.newJournal(in: folder)
    var short = Fixtures.urge
    short.note = nil
    var long = Fixtures.urge
    long.note = String(repeating: "x", count: 300)
    try journal.add(.urge(short), at: Fixtures.time)
    try journal.add(.urge(long), at: Fixtures.time)
    let sizes = try Fixtures.recordRows(path).map { ($0["ciphertext"] as Data).count }
    #expect(sizes.allSatisfy { ($0 - Vault.tagBytes) % Vault.paddingBlock == 0 })
    #expect(Set(sizes).count == 2)
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
