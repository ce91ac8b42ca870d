import CSodium
import Foundation
import GRDB
import SottoModel
import SottoStorage
import Testing

@testable import SottoCore

/// The time index lists exactly the journal's entries after every kind of write, a listing
/// through it gives what filtering every entry gives, and what is changed behind Sotto's back
/// (a page or a record replayed, a row deleted, an index an older Sotto left behind) is found,
/// never shown as current.
@Suite struct TimeIndexTests {
  /// The entries of `model`, newest first (time, then id, descending): the order `list` shows.
  static func newestFirst(_ model: [EntryID: Entry]) -> [Entry] {
    model.values.sorted {
      ($0.at.unixSeconds, RecordKey($0.id)) > ($1.at.unixSeconds, RecordKey($1.id))
    }
  }

  static func listed(_ journal: UnlockedJournal) throws -> [Entry] {
    try #require(try journal.newest()).entries.map(\.entry)
  }

  static func entry(at unix: Int64, _ index: Int) -> Entry {
    var urge = Fixtures.urge
    urge.intensity = index % 11
    return Entry(
      id: EntryID(bytes: Sodium.randomBytes(16))!,
      at: Timestamp(unixSeconds: unix, utcOffsetSeconds: 3600), body: .urge(urge))
  }

  /// Adds in bulk and one at a time, at the end and in the middle of the leaves (so leaves
  /// split both ways), edits that move entries in time, deletes, imports and a passphrase
  /// change: after each, the index lists what the test's own record of the journal holds, and
  /// `verify` finds it exact.
  @Test func theIndexListsExactlyTheEntriesAfterEveryKindOfWrite() throws {
    let folder = TemporaryFolder()
    var (path, journal) = try Fixtures.newJournal(in: folder)
    var model: [EntryID: Entry] = [:]
    var generator = SystemRandomNumberGenerator()
    func check(_ step: String) throws {
      let listed = try Self.listed(journal)
      let expected = Self.newestFirst(model)
      #expect(listed.count == expected.count, "\(step)")
      #expect(listed == expected, "\(step): entries or their order differ")
      let report = try journal.verify()
      #expect(report.isClean, "\(step): \(report.findings)")
    }
    try check("empty")
    // 2,000 in time order: four leaves, the first three full.
    let first = (0..<2_000).map { Self.entry(at: 1_790_000_000 + Int64($0) * 60, $0) }
    try journal.add(first)
    for entry in first { model[entry.id] = entry }
    try check("bulk add")
    #expect(try Self.leafCounts(path, journal) == [618, 618, 618, 146])
    // 900 at random times among them: middle leaves split.
    let middle = (0..<900).map {
      Self.entry(at: 1_790_000_000 + Int64.random(in: 0..<120_000, using: &generator), $0)
    }
    try journal.add(middle)
    for entry in middle { model[entry.id] = entry }
    try check("bulk add in the middle")
    let counts = try Self.leafCounts(path, journal)
    #expect(counts.reduce(0, +) == 2_900)
    #expect(counts.allSatisfy { $0 <= TimeIndex.leafCapacity } && counts.count > 3)
    // One at a time, through the path `urge` takes.
    for index in 0..<5 {
      let added = try journal.add(
        .urge(Urge(intensity: index)),
        at: Timestamp(
          unixSeconds: 1_791_000_000 + Int64(index) * 7,
          utcOffsetSeconds: 0))
      model[added.id] = added
    }
    try check("single adds")
    // Edits that move entries far in time, and one that keeps its time.
    for entry in first.shuffled(using: &generator).prefix(30) {
      var stored = try journal.entry(matching: entry.id.hex)
      stored.entry.at = Timestamp(
        unixSeconds: 1_780_000_000 + Int64.random(in: 0..<20_000_000, using: &generator),
        utcOffsetSeconds: 0)
      try journal.update(stored)
      model[entry.id] = stored.entry
    }
    var kept = try journal.entry(matching: middle[0].id.hex)
    kept.entry.body = .urge(Urge(intensity: 10))
    try journal.update(kept)
    model[kept.entry.id] = kept.entry
    try check("edits")
    // Deletes, among them every entry of one leaf's worth at the start.
    let oldest = Self.newestFirst(model).suffix(850)
    for entry in oldest.prefix(20) + middle.suffix(10) {
      guard model[entry.id] != nil else { continue }
      try journal.delete(entry.id)
      model[entry.id] = nil
    }
    try check("deletes")
    // An import that updates some, adds some, and brings a deleted one back.
    var imported = Array(model.values.prefix(10)).map { entry -> Entry in
      var entry = entry
      entry.at = Timestamp(unixSeconds: entry.at.unixSeconds + 86_400, utcOffsetSeconds: 0)
      return entry
    }
    imported += (0..<3).map { Self.entry(at: 1_795_000_000 + Int64($0), $0) }
    imported.append(oldest.first!)
    _ = try journal.importEntries(imported)
    for entry in imported { model[entry.id] = entry }
    try check("import")
    // A new passphrase re-encrypts everything, the index included.
    try journal.changePassphrase(to: Fixtures.passphrase("a new one for the index test"))
    journal = try Journal.open(at: path).unlock(Fixtures.passphrase("a new one for the index test"))
    try check("passphrase change")
    _ = path
  }

  /// The counts of entries in each leaf, in order.
  static func leafCounts(_ path: String, _ journal: UnlockedJournal) throws -> [Int] {
    try journal.read { db in
      let reference = try #require(try journal.manifest.readHead(db)?.index)
      return try #require(try journal.manifest.timeIndex.leaves(db, reference)).map(\.count)
    }
  }

  /// Since, until, kind, a limit and a predicate give what filtering every entry gives.
  @Test func aListingInRangeIsWhatFilteringEveryEntryGives() throws {
    let folder = TemporaryFolder()
    let (_, journal) = try Fixtures.newJournal(in: folder)
    // A minute apart from 1_790_000_000, every kind in turn; 2,000 so ranges cross leaves.
    let entries = Fixtures.entries(2_000)
    try journal.add(entries)
    let model = Dictionary(uniqueKeysWithValues: entries.map { ($0.id, $0) })
    let all = Self.newestFirst(model)
    // Minute 500 to minute 1,300, both included.
    let since: Int64 = 1_790_000_000 + 500 * 60
    let until: Int64 = 1_790_000_000 + 1_300 * 60
    let inRange = try #require(try journal.newest(since: since, until: until)).entries
    #expect(inRange.count == 801)
    #expect(inRange.map(\.entry) == all.filter { (since...until).contains($0.at.unixSeconds) })
    let urges = try #require(try journal.newest(kind: .urge, limit: 7)).entries.map(\.entry)
    #expect(urges == Array(all.filter { $0.kind == .urge }.prefix(7)))
    let newestTen = try #require(try journal.newest(limit: 10)).entries.map(\.entry)
    #expect(newestTen == Array(all.prefix(10)))
    let odd = try #require(
      try journal.newest(since: since, limit: 3, matching: { $0.at.unixSeconds % 120 != 0 })
    ).entries.map(\.entry)
    #expect(
      odd
        == Array(
          all.filter { $0.at.unixSeconds >= since && $0.at.unixSeconds % 120 != 0 }.prefix(3)))
    #expect(try journal.newest(since: until + 1, until: until + 2)?.entries.isEmpty == true)
  }

  /// An index whose pages are sound (sealed with the journal's key, named by the root and the
  /// head) but whose items are not the records': one left out, one more, one at another
  /// offset, kind or substance. `verify`, which compares the two without holding either
  /// whole, names the index each time, and not when the same items are written again.
  @Test func verifyFindsAnIndexThatListsOtherItemsThanTheRecords() throws {
    let folder = TemporaryFolder()
    let (_, journal) = try Fixtures.newJournal(in: folder)
    var entries = Fixtures.entries(40)
    entries.append(
      Entry(
        id: EntryID(bytes: Sodium.randomBytes(16))!, at: Fixtures.time,
        body: .use(Use(substance: "cannabis"))))
    try journal.add(entries)
    func items() throws -> [IndexItem] {
      try journal.read { db in
        let reference = try #require(try journal.manifest.readHead(db)?.index)
        let leaves = try #require(try journal.manifest.timeIndex.leaves(db, reference))
        return try leaves.flatMap { try #require(try journal.manifest.timeIndex.items(db, $0)) }
      }
    }
    func rewrite(_ listed: [IndexItem]) throws {
      try journal.write { db in
        var head = try #require(try journal.manifest.readHead(db))
        head.index = try journal.manifest.timeIndex.build(db, items: listed)
        try journal.manifest.writeHead(db, head)
      }
    }
    let sound = try items()
    #expect(try journal.verify().isClean)
    let use = try #require(sound.firstIndex { $0.kind == 2 })
    var changes: [(String, [IndexItem])] = []
    changes.append(("one left out", Array(sound.dropFirst())))
    var extra = sound[0]
    extra.key.id = RecordKey(high: ~0, low: 1)
    changes.append(("one more", sound + [extra]))
    for (name, change) in [
      ("another offset", { (item: inout IndexItem) in item.offset += 3_600 }),
      ("another kind", { (item: inout IndexItem) in item.kind = 1 }),
      ("another substance", { (item: inout IndexItem) in item.substance ^= 1 }),
    ] {
      var changed = sound
      change(&changed[use])
      if name == "another kind" { changed[use].substance = 0 }
      changes.append((name, changed))
    }
    for (name, listed) in changes {
      try rewrite(listed)
      #expect(try journal.verify().indexDamaged, "\(name)")
    }
    try rewrite(sound)
    #expect(try journal.verify().isClean)
  }

  /// An edit that keeps an entry's time rewrites its leaf with the same count and first key,
  /// so only the check the root keeps of the leaf (its tag) tells the copy from before the edit
  /// from the current one: put back, it is refused, and `verify` names the index.
  @Test func aLeafFromBeforeAnEditInPlaceIsRefused() throws {
    let folder = TemporaryFolder()
    let (path, journal) = try Fixtures.newJournal(in: folder)
    let entries = Fixtures.entries(50)
    try journal.add(entries)
    let old = try Self.pageRows(path)
    var edited = try journal.entry(matching: entries[7].id.hex)
    edited.entry.body = .urge(Urge(intensity: 9))
    try journal.update(edited)
    #expect(try journal.newest() != nil)
    try Self.putBackLeaves(old, in: path)
    let reopened = try Journal.open(at: path).unlock(Fixtures.passphrase())
    #expect(try reopened.newest() == nil)
    #expect(try reopened.verify().indexDamaged)
  }

  /// An attacker puts back an older copy of a leaf: the listing does not trust it (the caller
  /// reads every record instead), `verify` names the index, and the next change drops it so
  /// the next unlock builds it again from the records.
  @Test func aLeafReplayedFromAnOlderCopyIsRefusedAndRebuilt() throws {
    let folder = TemporaryFolder()
    let (path, journal) = try Fixtures.newJournal(in: folder)
    let entries = Fixtures.entries(50)
    try journal.add(entries)
    let old = try Self.pageRows(path)
    let later = Self.entry(at: 1_795_000_000, 1)
    try journal.add([later])
    try Self.putBackLeaves(old, in: path)
    let reopened = try Journal.open(at: path).unlock(Fixtures.passphrase())
    #expect(try reopened.newest() == nil)
    let report = try reopened.verify()
    #expect(report.indexDamaged)
    #expect(report.findings.contains { $0.contains("time index") })
    // Everything is still listed from the records.
    #expect(try reopened.contents().all.count == 51)
    // A change drops the index; the next unlock builds it, listing all 52.
    try reopened.add(.urge(Urge(intensity: 2)), at: Fixtures.time)
    let rebuilt = try Journal.open(at: path).unlock(Fixtures.passphrase())
    #expect(rebuilt.indexBuilt == 52)
    #expect(try Self.listed(rebuilt).count == 52)
    #expect(try rebuilt.verify().isClean)
  }

  /// An older copy of a record put back, and a record deleted: the listing names both by id
  /// and shows neither the old content nor a gap in the rest.
  @Test func aRecordReplayedOrDeletedIsReportedByTheListing() throws {
    let folder = TemporaryFolder()
    let (path, journal) = try Fixtures.newJournal(in: folder)
    let entries = Fixtures.entries(20)
    try journal.add(entries)
    let edited = entries[5]
    let before = try #require(
      try Fixtures.recordRows(path).first { ($0["id"] as Data?) == Data(edited.id.bytes) })
    var stored = try journal.entry(matching: edited.id.hex)
    stored.entry.body = .urge(Urge(intensity: 1))
    try journal.update(stored)
    let removed = entries[9]
    try Fixtures.tamper(path) { db in
      try db.execute(
        sql: "UPDATE records SET tag = ?, nonce = ?, ciphertext = ? WHERE id = ?",
        arguments: [
          before["tag"] as Data, before["nonce"] as Data, before["ciphertext"] as Data,
          Data(edited.id.bytes),
        ])
      try db.execute(sql: "DELETE FROM records WHERE id = ?", arguments: [Data(removed.id.bytes)])
    }
    let reopened = try Journal.open(at: path).unlock(Fixtures.passphrase(), check: false)
    let listing = try #require(try reopened.newest())
    #expect(listing.integrity.digestMismatch == [edited.id])
    #expect(listing.integrity.missing == [removed.id])
    #expect(listing.entries.count == 18)
    #expect(!listing.entries.contains { $0.entry.id == edited.id || $0.entry.id == removed.id })
  }

  /// A journal whose head names no index (as Sotto 0.4 leaves one it wrote to, zeroing the
  /// reserved bytes, with the pages of an index it did not know still there) gets a new index
  /// at the next unlock, in place of the stale pages; a record replayed before that unlock is
  /// not taken in.
  @Test func aJournalAnOlderSottoWroteGetsANewIndexWithoutReplays() throws {
    let folder = TemporaryFolder()
    let (path, journal) = try Fixtures.newJournal(in: folder)
    let entries = Fixtures.entries(30)
    try journal.add(entries)
    let replayed = entries[3]
    let before = try #require(
      try Fixtures.recordRows(path).first { ($0["id"] as Data?) == Data(replayed.id.bytes) })
    try journal.delete(replayed.id)
    // What an older Sotto's write leaves: the head without a reference, the pages still there.
    try journal.write { db in
      var head = try #require(try journal.manifest.readHead(db))
      head.index = nil
      try journal.manifest.writeHead(db, head)
    }
    try Fixtures.tamper(path) { db in
      try db.execute(
        sql: "UPDATE records SET tag = ?, nonce = ?, ciphertext = ? WHERE id = ?",
        arguments: [
          before["tag"] as Data, before["nonce"] as Data, before["ciphertext"] as Data,
          Data(replayed.id.bytes),
        ])
    }
    let stale = Set(try Self.pageRows(path).map(\.id))
    #expect(stale.count == 2)
    let reopened = try Journal.open(at: path).unlock(Fixtures.passphrase(), check: false)
    #expect(reopened.indexBuilt == 29)
    let listed = try Self.listed(reopened)
    #expect(listed.count == 29)
    #expect(!listed.contains { $0.id == replayed.id })
    // A root and one leaf, under new ids: the stale pages are gone.
    let pages = Set(try Self.pageRows(path).map(\.id))
    #expect(pages.count == 2)
    #expect(pages.isDisjoint(with: stale))
  }

  struct PageRow {
    var id: Data
    var nonce: Data
    var ciphertext: Data
  }

  /// Puts the leaves among `old` back into `path` behind Sotto's back (the root's ciphertext
  /// is a multiple of 8,192 plus 16, a leaf's exactly 32,784).
  static func putBackLeaves(_ old: [PageRow], in path: String) throws {
    try Fixtures.tamper(path) { db in
      for row in old where row.ciphertext.count == TimeIndex.leafBytes + 16 {
        try db.execute(
          sql: "UPDATE pages SET nonce = ?, ciphertext = ? WHERE id = ?",
          arguments: [Data(row.nonce), Data(row.ciphertext), Data(row.id)])
      }
    }
  }

  static func pageRows(_ path: String) throws -> [PageRow] {
    let queue = try DatabaseQueue(path: path)
    return try queue.read { db in
      try Row.fetchAll(db, sql: "SELECT id, nonce, ciphertext FROM pages").map {
        PageRow(id: $0["id"], nonce: $0["nonce"], ciphertext: $0["ciphertext"])
      }
    }
  }
}
