import Foundation
import GRDB
import SottoModel
import Testing

@testable import SottoCore

/// A small seeded generator, so that a failing run can be repeated from its seed.
struct SeededRandom: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// A device in a simulation: its journal and its own copy of the sync folder, which the test
/// carries files into as a sync engine would.
struct SimulatedDevice {
  let journal: UnlockedJournal
  let folder: String
}

extension UnlockedJournal {
  /// Every record's open versions as text, sorted by id: what must agree across devices.
  func canonicalHeads() throws -> [String] {
    try read { db in
      return try db.records.all().map { row -> String in
        let id = row.id
        guard let record = self.decrypt(row, checkingTime: false) else {
          return Hex.encode(id) + " damaged"
        }
        let heads = record.heads.map { head -> String in
          let body = head.entry.map {
            RecordCodec.encodeUnpadded(
              RecordVersion(
                entry: $0, revision: head.revision, device: head.device, hlc: head.hlc))
          }
          return "\(head.device):\(head.hlc):\(head.revision):"
            + (body.map { String(decoding: $0, as: UTF8.self) } ?? "deleted")
        }
        return Hex.encode(id) + " " + heads.joined(separator: " | ")
      }.sorted()
    }
  }
}

@Suite("Sync: the same change files give the same journal on every device")
struct SyncConvergenceTests {
  /// Copies every data file of `from` into `to` that `to` lacks; with `partial`, some arrive
  /// truncated (the engine still copying) and are completed on a later carry.
  static func carry(
    from: String, to: String, fraction: Double, partial: Bool, deleted: Set<String> = [],
    random: inout SeededRandom
  ) throws {
    // Deletions travel too, as an engine carries them (compaction's).
    for file in SyncFolder(path: to).dataFiles().files where deleted.contains(file.name) {
      try FileManager.default.removeItem(atPath: file.path)
    }
    let source = SyncFolder(path: from).dataFiles().files.filter { !deleted.contains($0.name) }
    for file in source where Double.random(in: 0..<1, using: &random) < fraction {
      let target = to + "/data/" + String(file.name.prefix(2))
      try FileManager.default.createDirectory(
        atPath: target, withIntermediateDirectories: true)
      let bytes = try Data(contentsOf: URL(fileURLWithPath: file.path))
      // An engine offers only files it holds whole (Syncthing checks every block's hash).
      guard SyncFolder.name(of: [UInt8](bytes)) == file.name else { continue }
      let destination = target + "/" + file.name
      if let existing = FileManager.default.contents(atPath: destination),
        existing == bytes
      {
        continue
      }
      if partial && Bool.random(using: &random) {
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: destination))
      } else {
        try bytes.write(to: URL(fileURLWithPath: destination))
        if Int.random(in: 0..<8, using: &random) == 0 {
          // Syncthing's copy of a file two devices changed at once: never damage.
          try bytes.write(
            to: URL(fileURLWithPath: destination + ".sync-conflict-20261201-101500-ABCDEFG"))
        }
      }
    }
  }

  static func liveEntries(_ journal: UnlockedJournal) throws -> [Entry] {
    try journal.contents().all
  }

  /// Random adds, edits, deletes and goal archives on three devices, offline, with syncs in
  /// random orders over random, partial and duplicated subsets of each other's files; then
  /// every file everywhere, and every device agrees on every entry's versions.
  @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
  func randomHistoriesConverge(seed: UInt64) throws {
    var random = SeededRandom(state: seed)
    let folder = TemporaryFolder()
    let (_, first) = try Fixtures.newJournal(in: folder)
    try first.add(.goal(Fixtures.goals[0]), at: Fixtures.time)
    try first.add(.urge(Fixtures.urge), at: Fixtures.time)
    let folderA = folder.path + "/folder-a"
    _ = try first.syncInit(folder: folderA, passphrase: Fixtures.passphrase())
    var devices = [SimulatedDevice(journal: first, folder: folderA)]
    for name in ["b", "c"] {
      let copy = folder.path + "/folder-" + name
      try FileManager.default.copyItem(atPath: folderA, toPath: copy)
      let (joined, _) = try Journal.join(
        folder: copy, at: folder.path + "/\(name).db", folderPassphrase: Fixtures.passphrase(),
        passphrase: Fixtures.passphrase("another passphrase for \(name)"), kdf: Fixtures.kdf)
      devices.append(SimulatedDevice(journal: joined, folder: copy))
    }
    var created = Set<EntryID>()
    var deleted = Set<String>()
    for _ in 0..<36 {
      let device = devices[Int.random(in: 0..<devices.count, using: &random)]
      let live = try Self.liveEntries(device.journal)
      switch Int.random(in: 0..<10, using: &random) {
      case 0, 1:
        let urge = Urge(intensity: Int.random(in: 0...10, using: &random), triggers: ["t"])
        created.insert(try device.journal.add(.urge(urge), at: Fixtures.time).id)
      case 2, 3:
        guard var entry = live.randomElement(using: &random) else { continue }
        switch entry.body {
        case .urge(var urge):
          urge.intensity = Int.random(in: 0...10, using: &random)
          entry.body = .urge(urge)
        case .goal(var goal):
          goal.archived.toggle()
          entry.body = .goal(goal)
        default: continue
        }
        let stored = try device.journal.entry(matching: entry.id.hex)
        try device.journal.update(StoredEntry(entry: entry, revision: stored.revision))
      case 4:
        guard let entry = live.randomElement(using: &random) else { continue }
        try device.journal.delete(entry.id)
      case 5:
        _ = try device.journal.sync(folder: device.folder)
      case 6:
        // Compaction deletes files other devices may not have applied yet.
        let before = Set(SyncFolder(path: device.folder).dataFiles().files.map(\.name))
        _ = try device.journal.syncCompact(folder: device.folder)
        let after = Set(SyncFolder(path: device.folder).dataFiles().files.map(\.name))
        deleted.formUnion(before.subtracting(after))
      default:
        let other = devices[Int.random(in: 0..<devices.count, using: &random)]
        guard other.folder != device.folder else { continue }
        try Self.carry(
          from: other.folder, to: device.folder,
          fraction: Double.random(in: 0.3...1, using: &random),
          partial: true, deleted: deleted, random: &random)
      }
    }
    // Everything everywhere: three rounds of sync and a full carry.
    for _ in 0..<3 {
      for device in devices { _ = try device.journal.sync(folder: device.folder) }
      for device in devices {
        for other in devices where other.folder != device.folder {
          try Self.carry(
            from: other.folder, to: device.folder, fraction: 1, partial: false, deleted: deleted,
            random: &random)
        }
      }
    }
    for device in devices {
      let outcome = try device.journal.sync(folder: device.folder)
      #expect(outcome.refused.isEmpty, "seed \(seed): \(outcome.refused)")
      #expect(outcome.incomplete.isEmpty, "seed \(seed)")
    }
    let expected = try devices[0].journal.canonicalHeads()
    for device in devices.dropFirst() {
      #expect(try device.journal.canonicalHeads() == expected, "seed \(seed)")
    }
    // Nothing lost: every entry ever created is on every device, as an entry or a deletion.
    let ids = Set(expected.map { String($0.prefix(32)) })
    #expect(created.allSatisfy { ids.contains($0.hex) }, "seed \(seed)")
    #expect(ids.count == created.count + 2)
  }

  /// The merge alone, many times: any order and any repetition of the same versions gives
  /// the same heads (the join-semilattice the journal-level test relies on).
  @Test func mergeIgnoresOrderAndRepetition() {
    var random = SeededRandom(state: 99)
    for _ in 0..<300 {
      // Three devices editing one entry, each on top of what it has seen.
      var seen: [[RecordVersion]] = [[], [], []]
      var all: [RecordVersion] = []
      var clock: UInt64 = 1
      for _ in 0..<Int.random(in: 1...12, using: &random) {
        let device = Int.random(in: 0..<3, using: &random)
        if Bool.random(using: &random), !all.isEmpty {
          // Receive a random version already written elsewhere.
          let version = all.randomElement(using: &random)!
          seen[device] = Merge.heads(seen[device], adding: version) ?? seen[device]
          continue
        }
        clock += UInt64.random(in: 1...3, using: &random)
        let version = RecordVersion(
          entry: nil, revision: Merge.revision(over: seen[device]), device: UInt64(device + 1),
          hlc: clock, context: Merge.context(over: seen[device], writer: UInt64(device + 1)))
        seen[device] = [version]
        all.append(version)
      }
      var reference: [RecordVersion] = []
      for version in all { reference = Merge.heads(reference, adding: version) ?? reference }
      for _ in 0..<4 {
        var shuffled = (all + all.prefix(Int.random(in: 0...all.count, using: &random)))
        shuffled.shuffle(using: &random)
        var heads: [RecordVersion] = []
        for version in shuffled { heads = Merge.heads(heads, adding: version) ?? heads }
        #expect(heads == reference)
      }
      // The heads are exactly the versions no other version supersedes.
      let maximal = Merge.ordered(
        all.filter { version in !all.contains { Merge.supersedes($0, version) } })
      #expect(reference == maximal)
    }
  }
}
