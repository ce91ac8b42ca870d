import Foundation
import GRDB
import SottoModel
import Testing

@testable import SottoCore

/// `write_counter` in the manifest's head counts transactions that change `records`, exactly as
/// Docs/FORMAT.md §5 says: one per add, edit, delete, import or inbox move, however many entries.
@Suite struct WriteCounterTests {
  static func counter(_ unlocked: UnlockedJournal) throws -> UInt64 {
    try unlocked.journal.database.read { db in
      try unlocked.manifest.readHead(db)?.writeCounter ?? 0
    }
  }

  @Test func theCounterGrowsOncePerChangeOfTheRecords() throws {
    let folder = TemporaryFolder()
    let (path, unlocked) = try Fixtures.newJournal(in: folder)
    #expect(try Self.counter(unlocked) == 1)  // init
    let now = Timestamp(unixSeconds: 1_795_204_800, utcOffsetSeconds: 3600)
    let added = try unlocked.add(.urge(Urge(intensity: 5)), at: now)
    #expect(try Self.counter(unlocked) == 2)
    var stored = try unlocked.entry(matching: added.id.hex)
    stored.entry.body = .urge(Urge(intensity: 6))
    _ = try unlocked.update(stored)
    #expect(try Self.counter(unlocked) == 3)
    try unlocked.add(Fixtures.entries(5))  // one import of five
    #expect(try Self.counter(unlocked) == 4)
    try unlocked.delete(added.id)
    #expect(try Self.counter(unlocked) == 5)

    // Three quick captures: adding them to the inbox does not count; moving them in counts one.
    let closed = try Journal.open(at: path)
    for intensity in 1...3 { _ = try closed.capture(.urge(Urge(intensity: intensity)), at: now) }
    #expect(try Self.counter(unlocked) == 5)
    let again = try Journal.open(at: path).unlock(Fixtures.passphrase())
    #expect(again.movedFromInbox == 3)
    #expect(try Self.counter(again) == 6)

    // The header's quick-capture switch is not a change of the records.
    try again.setQuickCapture(false, passphrase: Fixtures.passphrase())
    #expect(try Self.counter(again) == 6)
  }
}
