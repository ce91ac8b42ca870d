import CSodium
import Foundation
import GRDB
import SottoModel
import Testing

@testable import SottoCore

@Suite struct ContentsOrderTests {
  /// Entries come out oldest first (ties by id) with their own revisions, whichever records
  /// between them fail, across both workers' halves.
  @Test func entriesAreOldestFirstAroundFailedRecords() throws {
    let folder = TemporaryFolder()
    let (path, journal) = try Fixtures.newJournal(in: folder)
    var generator = SystemRandomNumberGenerator()
    let entries = (0..<600).map { index in
      var urge = Fixtures.urge
      urge.intensity = index % 11
      // Few distinct times, so that many ties are broken by id.
      let time = Timestamp(
        unixSeconds: 1_790_000_000 + Int64.random(in: 0..<50, using: &generator) * 3600,
        utcOffsetSeconds: 0)
      return Entry(id: EntryID(bytes: Sodium.randomBytes(16))!, at: time, body: .urge(urge))
    }
    try journal.add(entries)
    let edited = entries[17]
    var changed = edited
    changed.body = .urge(Urge(intensity: 1))
    try journal.add([changed])
    let broken = Set(entries.shuffled(using: &generator).prefix(40).map(\.id)).subtracting([
      edited.id
    ])
    try Fixtures.tamper(path) { db in
      for id in broken {
        try db.execute(
          sql: "UPDATE records SET ciphertext = zeroblob(300) WHERE id = ?",
          arguments: [Data(id.bytes)])
      }
    }
    let contents = try Journal.open(at: path).unlock(Fixtures.passphrase()).contents()
    let expected = entries.map { $0.id == edited.id ? changed : $0 }
      .filter { !broken.contains($0.id) }
      .sorted { ($0.at.unixSeconds, $0.id) < ($1.at.unixSeconds, $1.id) }
    // Compared as wholes: a failure must not print hundreds of entries.
    let sameEntries = contents.all == expected
    let sameRevisions = contents.revisions == expected.map { $0.id == edited.id ? 2 : 1 }
    #expect(contents.all.count == expected.count)
    #expect(sameEntries, "entries or their order differ")
    #expect(sameRevisions, "revisions differ")
    #expect(Set(contents.integrity.undecryptable) == broken)
    #expect(contents.integrity.undecryptable == contents.integrity.undecryptable.sorted())
  }
}
