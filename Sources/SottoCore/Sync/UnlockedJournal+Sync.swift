import Foundation
import SottoCrypto
import SottoModel
import SottoStorage

/// What one `sotto sync` did.
public struct SyncOutcome: Sendable {
  /// Versions this device wrote into the folder (in one new change file, or none).
  public var sent = 0
  /// The change file written, by content name; `nil` when there was nothing to send.
  public var wroteFile: String?
  /// Change files read and applied from the folder.
  public var filesApplied = 0
  /// Entries that changed here because of them.
  public var entriesChanged = 0
  /// Entries with more than one version open (a conflict), among those that changed.
  public var conflicts: [EntryID] = []
  /// Files refused, by name, with the reason (never their content).
  public var refused: [(name: String, reason: String)] = []
  /// Files whose bytes do not match their name yet: still being copied, tried next time.
  public var incomplete: [String] = []
  /// Other files in the folder (sync engines' conflict copies, temporary files): ignored.
  public var ignored = 0
  /// Warnings about the folder or this journal being older than what was seen before.
  public var warnings: [String] = []
}

/// What `sotto sync compact` did.
public struct SyncCompaction: Sendable {
  /// The sync it ran first.
  public var sync: SyncOutcome
  /// Change files folded into the snapshot and deleted.
  public var filesRemoved = 0
  /// Their size, and the snapshot's.
  public var bytesBefore = 0
  public var bytesAfter = 0
}

/// What `sotto sync status` reports, without changing anything.
public struct SyncStatus: Sendable {
  /// This journal's device id (16 hex digits) and the folder's id (32).
  public var device: String
  public var folder: String
  /// Versions written here that the folder does not hold yet.
  public var toSend: Int
  /// Change files in the folder not applied here yet (complete ones).
  public var toReceive: Int
  public var incomplete: [String]
  public var refused: [(name: String, reason: String)]
  public var ignored: Int
  /// Every device seen in the folder: its id, its highest file number, when first seen.
  public var devices: [(device: String, seq: UInt64, seenAt: Date)]
  /// Entries here with more than one version open.
  public var conflicts: [EntryID]
}

extension UnlockedJournal {
  // MARK: Setting up

  /// Prepares `path` as this journal's sync folder: a new folder key, wrapped under
  /// `passphrase` with this journal's Argon2id settings, and every entry's versions in a
  /// first change file.
  ///
  /// - Throws: ``SottoError/Code/syncFolder`` when this journal already syncs, or `path` is
  ///   not empty.
  public func syncInit(folder path: String, passphrase: Passphrase) throws(SottoError)
    -> SyncOutcome
  {
    if let (state, _) = try read({ db in try self.readSync(db) }) {
      throw SottoError(
        .syncFolder,
        "This journal already syncs with folder \(state.folder.prefix(8)). Run `sotto sync "
          + "DIR` with that folder; nothing was changed.")
    }
    let folder = SyncFolder(path: path)
    try folder.create()
    let folderKey = try Sodium.mapped { () throws(CryptoError) in
      try SecureBytes.random(count: Vault.keyBytes)
    }
    let folderID = SecureRandom.bytes(16)
    let keyID = SecureRandom.bytes(16)
    let keyFile = try FolderKeyFile(
      folderKey: folderKey, folderID: folderID, keyID: keyID, passphrase: passphrase,
      kdf: header.kdf)
    try folder.write(keyFile.bytes, key: true)
    try adopt(folderID: folderID, keyID: keyID, key: folderKey)
    return try sync(folder: path, sendingEverything: true)
  }

  /// Records `folderID` and its key as this journal's sync folder (a new folder, or a join).
  func adopt(folderID: [UInt8], keyID: [UInt8], key: SecureBytes) throws(SottoError) {
    try write { db in
      try self.writeSync(
        db, SyncState(folder: Hex.encode(folderID), keyID: Hex.encode(keyID), exported: "0"),
        key: key)
    }
  }

  /// Every well-formed key file in the folder, with its content name.
  static func keyFiles(in folder: SyncFolder) -> [FolderKeyFile] {
    folder.keyFiles().compactMap { FolderKeyFile(parsing: $0.bytes, name: $0.name) }
  }

  // MARK: Syncing

  /// Sends this device's new versions to the folder, then applies every change file there
  /// not applied yet, merging by entry (Docs/SYNC.md, "Merging"): nothing is lost, and
  /// concurrent edits of one entry stay side by side until the person chooses.
  public func sync(folder path: String) throws(SottoError) -> SyncOutcome {
    try sync(folder: path, sendingEverything: false)
  }

  func sync(folder path: String, sendingEverything: Bool) throws(SottoError)
    -> SyncOutcome
  {
    let (state, key) = try syncSetup(folder: path)
    let folder = SyncFolder(path: path)
    var outcome = SyncOutcome()
    try send(
      state: state, key: key, folder: folder, everything: sendingEverything, outcome: &outcome)
    try receive(key: key, folder: folder, outcome: &outcome)
    return outcome
  }

  /// This journal's sync state and folder key, after checking that `path` is its folder.
  ///
  /// A new key file (another device's `sync rekey`) is refused here, before anything is sent;
  /// with `cleaning`, files left under a key this journal retired are deleted.
  func syncSetup(folder path: String, cleaning: Bool = true) throws(SottoError)
    -> (SyncState, SecureBytes)
  {
    guard let (state, key) = try read({ db in try self.readSync(db) }) else {
      throw SottoError(
        .syncFolder,
        "This journal does not sync (it never did, or left its folder with `sotto sync "
          + "leave`). Run `sotto sync init DIR` to start a sync folder, or `sotto sync join DIR` "
          + "on a new device to make a journal from one.")
    }
    let folder = SyncFolder(path: path)
    guard folder.exists else {
      throw SottoError(
        .syncFolder,
        "\(path) is not a Sotto sync folder (it has no keys/ folder). If the sync engine has "
          + "not copied it here yet, wait and run this again.")
    }
    let keys = Self.keyFiles(in: folder).filter { $0.folderID == state.folderID }
    guard !keys.isEmpty else {
      throw SottoError(
        .syncFolder,
        "\(path) is not this journal's sync folder: this journal syncs with folder "
          + "\(state.folder.prefix(8)). Nothing was changed.")
    }
    // A key file of this folder under a key id this journal never held: another device ran
    // `sync rekey`. Nothing is sent under the old key until the new one is taken.
    if !Self.newKeys(keys, state: state).isEmpty {
      throw SottoError(
        .syncFolder,
        "The folder's key was changed on another device (`sotto sync rekey`). Run `sotto sync "
          + "\(path)` on a terminal to give the new folder passphrase, or add "
          + "--folder-passphrase-file FILE. Nothing was changed.")
    }
    guard keys.contains(where: { $0.keyID == state.keyIDBytes }) else {
      throw SottoError(
        .syncFolder,
        "\(path) no longer holds this journal's folder key file (it was deleted, or the sync "
          + "engine has not copied it yet). Nothing was changed.")
    }
    // What a rekey here, or a key taken here, left of the old key (a crash, a file that could
    // not be deleted) goes now.
    if cleaning, keys.contains(where: { state.retiredKeyIDs.contains($0.keyID) }) {
      _ = Self.removeFiles(in: folder, of: state.folderID, under: state.retiredKeyIDs)
    }
    return (state, key)
  }

  /// The key files among `keys` under an id this journal neither holds nor held.
  static func newKeys(_ keys: [FolderKeyFile], state: SyncState) -> [FolderKeyFile] {
    let retired = state.retiredKeyIDs
    return keys.filter { $0.keyID != state.keyIDBytes && !retired.contains($0.keyID) }
  }

  /// This device's versions newer than what the folder holds, and the clock they go up to.
  func pendingVersions(state: SyncState, everything: Bool) throws(SottoError)
    -> (entries: [SyncedEntry], clock: UInt64, device: UInt64)
  {
    try read { db in
      guard let head = try self.manifest.readHead(db) else { throw SottoError.manifestDamaged }
      guard everything || head.hlc > state.exportedClock else {
        return ([], head.hlc, head.device)
      }
      var entries: [SyncedEntry] = []
      try self.forEachRecord(db) { id, record in
        guard let record else {
          throw SottoError(
            .damaged,
            "Entry \(Hex.encode(id)) fails authentication, so it cannot be synced. Run "
              + "`sotto verify`; nothing was sent.")
        }
        let versions = record.heads.filter {
          everything || ($0.device == head.device && $0.hlc > state.exportedClock)
        }
        if !versions.isEmpty {
          entries.append(SyncedEntry(id: Self.entryID(id), versions: versions))
        }
      }
      return (entries, head.hlc, head.device)
    }
  }

  private func send(
    state: SyncState, key: SecureBytes, folder: SyncFolder, everything: Bool,
    outcome: inout SyncOutcome
  ) throws(SottoError) {
    let pending = try pendingVersions(state: state, everything: everything)
    guard !pending.entries.isEmpty else {
      // Nothing of this device's above the watermark (the clock moved with other devices'
      // versions): raise it, so the next sync need not look again. A write after the scan
      // has a later clock, so it stays above.
      if pending.clock > state.exportedClock {
        try write { db in
          guard var current = try self.readSync(db)?.state else { return }
          current.exportedClock = max(current.exportedClock, pending.clock)
          try self.writeSync(db, current)
        }
      }
      return
    }
    let (name, _) = try writeOwnFile(pending, state: state, key: key, folder: folder)
    outcome.sent = pending.entries.reduce(0) { $0 + $1.versions.count }
    outcome.wroteFile = name
  }

  /// Writes `pending` into the folder as this device's next file (a snapshot when `covers`
  /// is given), then records its number, the clock it goes up to and its name here; returns
  /// the name and the size. A crash in between writes the same versions again next time,
  /// under another name: harmless.
  ///
  /// With `switching`, the file is sealed under that key instead, and the same transaction
  /// makes it this journal's folder key (`sync rekey`, or taking another device's rekey):
  /// files under the old key count as not seen from then on.
  func writeOwnFile(
    _ pending: (entries: [SyncedEntry], clock: UInt64, device: UInt64),
    covers: [UInt64: UInt64] = [:],
    state: SyncState, key: SecureBytes, folder: SyncFolder,
    switching newKey: (id: [UInt8], key: SecureBytes)? = nil
  ) throws(SottoError) -> (name: String, size: Int) {
    // Numbered after every file of this device the folder holds: a journal restored from an
    // older copy must not reuse a number.
    let seq = max(state.seq, state.devices[RecordCodec.hex(word: pending.device)]?.seq ?? 0) + 1
    let file = ChangeFile.seal(
      ChangeSet(author: pending.device, seq: seq, entries: pending.entries, covers: covers),
      folderID: state.folderID, keyID: newKey?.id ?? state.keyIDBytes, key: newKey?.key ?? key)
    let name = try folder.write(file)
    try write { db in
      guard var current = try self.readSync(db)?.state else { return }
      if let newKey {
        current.retired = (current.retired ?? []).filter { $0 != current.keyID } + [current.keyID]
        current.keyID = Hex.encode(newKey.id)
        current.seen = [:]
      }
      current.seq = max(current.seq, seq)
      current.exportedClock = max(current.exportedClock, pending.clock)
      current.saw(author: pending.device, seq: seq, name: name, covers: covers)
      try self.writeSync(db, current, key: newKey?.key)
    }
    return (name, file.count)
  }

  /// Reads the files not applied yet: the change sets that open, and what happened to the
  /// others.
  private func unreadFiles(
    state: SyncState, key: SecureBytes, folder: SyncFolder, outcome: inout SyncOutcome
  ) -> (sets: [(name: String, changes: ChangeSet)], present: Set<String>) {
    let (files, ignored) = folder.dataFiles()
    outcome.ignored = ignored
    var sets: [(name: String, changes: ChangeSet)] = []
    for file in files where state.seen[file.name] == nil {
      guard let bytes = SyncFolder.read(file.path, limit: ChangeFile.maximumBytes) else {
        outcome.refused.append((file.name, ChangeFile.Refusal.tooLarge.description))
        continue
      }
      guard SyncFolder.name(of: bytes) == file.name else {
        // The sync engine may still be copying it; a file changed in place looks the same
        // and is refused once complete, by its authentication.
        outcome.incomplete.append(file.name)
        continue
      }
      switch ChangeFile.open(
        bytes, folderID: state.folderID, keyID: state.keyIDBytes, key: key)
      {
      case .failure(let refusal): outcome.refused.append((file.name, refusal.description))
      case .success(let changes):
        if let problem = Self.problem(in: changes) {
          outcome.refused.append((file.name, problem))
        } else {
          sets.append((file.name, changes))
        }
      }
    }
    return (sets, Set(files.map(\.name)))
  }

  /// Why an authenticated change set cannot be applied; `nil` when every entry is valid.
  static func problem(in changes: ChangeSet) -> String? {
    for entry in changes.entries {
      for version in entry.versions {
        guard let body = version.entry else { continue }
        do { try body.validate() } catch {
          return "holds an entry Sotto would not accept (\(error.description))"
        }
      }
    }
    return nil
  }

  func receive(key: SecureBytes, folder: SyncFolder, outcome: inout SyncOutcome)
    throws(SottoError)
  {
    guard let state = try read({ db in try self.readSync(db)?.state }) else { return }
    let (sets, present) = unreadFiles(
      state: state, key: key, folder: folder, outcome: &outcome)
    var incoming: [EntryID: [RecordVersion]] = [:]
    for (_, changes) in sets {
      for entry in changes.entries { incoming[entry.id, default: []] += entry.versions }
    }
    let limit = Manifest.nextClock(after: 0) + (86_400_000 << 16)
    let (changed, conflicts, warnings) = try write {
      db -> (Int, [EntryID], [String]) in
      guard var current = try self.readSync(db)?.state,
        let head = try self.manifest.readHead(db)
      else { return (0, [], []) }
      var changes: [(id: RecordKey, item: ManifestItem?)] = []
      var conflicts: [EntryID] = []
      var clock = head.hlc
      var sealer = RecordSealer(header: self.header, key: self.bundle.recordKey)
      // A journal just joined has no records to look up.
      let empty = head.recordCount == 0
      for (id, versions) in incoming.sorted(by: { $0.key < $1.key }) {
        let record =
          empty ? nil : try self.currentVersion(db, id: id.bytes, checkingTime: false)
        var heads = record?.heads ?? []
        var changed = false
        for version in versions {
          guard let merged = Merge.heads(heads, adding: version) else { continue }
          heads = merged
          changed = true
          // The clock follows what it saw, but not far into the future: a device whose
          // clock runs a day ahead must not drag every other one with it.
          clock = max(clock, min(version.hlc, limit))
        }
        guard changed else { continue }
        changes.append(
          (
            RecordKey(id.bytes),
            try self.writeRecord(
              db, Merge.record(heads), id: id, sealer: &sealer,
              replacing: IndexReplaced(record, id: RecordKey(id)))
          ))
        if heads.count > 1 { conflicts.append(id) }
      }
      if !changes.isEmpty { try self.manifest.apply(db, changes: changes, clock: clock) }
      let warnings = Self.rollbackWarnings(
        state: current, device: head.device, sets: sets.map(\.changes), present: present)
      for (name, changes) in sets {
        current.saw(
          author: changes.author, seq: changes.seq, name: name, covers: changes.covers)
      }
      // Own files above the last number this journal knew of: it was restored from an
      // older copy. They were applied like any other, which brings the lost entries back.
      current.seq = max(current.seq, current.devices[RecordCodec.hex(word: head.device)]?.seq ?? 0)
      // What this device wrote is in the folder up to the clock before the changes applied;
      // the clock now also covers other devices' versions, which need no sending.
      if current.exportedClock >= head.hlc, let after = try self.manifest.readHead(db) {
        current.exportedClock = after.hlc
      }
      current.seen = current.seen.filter { present.contains($0.key) }
      try self.writeSync(db, current)
      return (changes.count, conflicts, warnings)
    }
    if changed > 0 { checkpoint() }
    outcome.filesApplied = sets.count
    outcome.entriesChanged = changed
    outcome.conflicts = conflicts
    outcome.warnings = warnings
  }

  /// What the folder's files say about rollback: a folder missing files this device saw
  /// before, or files of this device that this journal does not know of.
  static func rollbackWarnings(
    state: SyncState, device: UInt64, sets: [ChangeSet], present: Set<String>
  ) -> [String] {
    var highest: [String: UInt64] = [:]
    // A snapshot stands for the files it folded in, which compaction deleted.
    for (name, file) in state.seen where present.contains(name) {
      highest[file.author] = max(highest[file.author] ?? 0, file.seq)
      for (device, seq) in file.covers ?? [:] { highest[device] = max(highest[device] ?? 0, seq) }
    }
    for changes in sets {
      let author = RecordCodec.hex(word: changes.author)
      highest[author] = max(highest[author] ?? 0, changes.seq)
      for (device, seq) in changes.covers {
        let device = RecordCodec.hex(word: device)
        highest[device] = max(highest[device] ?? 0, seq)
      }
    }
    var warnings: [String] = []
    let me = RecordCodec.hex(word: device)
    if let mine = highest[me], mine > state.seq {
      warnings.append(
        "This journal is older than the sync folder (restored from a copy?): the folder holds "
          + "its file \(mine), this journal knew of \(state.seq). Its entries from the folder "
          + "were applied again.")
    }
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withFullDate]
    for (author, seen) in state.devices.sorted(by: { $0.key < $1.key }) {
      let inFolder = highest[author] ?? 0
      guard inFolder < seen.seq, !state.seen.isEmpty else { continue }
      let date = formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seen.at)))
      warnings.append(
        "This folder is older than what this device saw on \(date) (device "
          + "\(author.prefix(8)): file \(seen.seq), the folder has \(inFolder)). Nothing was "
          + "deleted; if the folder was restored from a copy, this device's next sync sends "
          + "its changes again.")
    }
    return warnings
  }

  // MARK: Compaction

  /// Syncs, then folds every change file this device has applied into one snapshot holding
  /// every entry's open versions, and deletes the files it folded in.
  ///
  /// Safe whoever is behind: the heads of the snapshot are the maximal versions of all the
  /// files it replaces, so a device that applies it instead of them ends with the same
  /// journal (Docs/SYNC.md §9, "Compaction"). Files not applied here (refused, incomplete, arrived since)
  /// are left alone.
  public func syncCompact(folder path: String) throws(SottoError) -> SyncCompaction {
    let outcome = try sync(folder: path)
    let (state, key) = try syncSetup(folder: path)
    let folder = SyncFolder(path: path)
    let folded = folder.dataFiles().files.filter { state.seen[$0.name] != nil }
    var result = SyncCompaction(sync: outcome)
    guard folded.count > 1 else { return result }
    let before = folded.reduce(0) { $0 + Self.size(of: $1.path) }
    let (name, size, _) = try writeSnapshot(state: state, key: key, folder: folder)
    // Only once the snapshot is durable, and recorded here, do the files it replaces go.
    for file in folded where file.name != name {
      if unlink(file.path) == 0 { result.filesRemoved += 1 }
    }
    result.bytesBefore = before
    result.bytesAfter = size
    return result
  }

  /// Writes every entry's open versions as this device's next file, a snapshot covering
  /// every file seen (under `switching`'s key when given); returns its name and size.
  func writeSnapshot(
    state: SyncState, key: SecureBytes, folder: SyncFolder,
    switching newKey: (id: [UInt8], key: SecureBytes)? = nil
  ) throws(SottoError) -> (name: String, size: Int, versions: Int) {
    let pending = try pendingVersions(state: state, everything: true)
    var covers: [UInt64: UInt64] = [:]
    for (device, seen) in state.devices {
      if let word = UInt64(device, radix: 16) { covers[word] = seen.seq }
    }
    let (name, size) = try writeOwnFile(
      pending, covers: covers, state: state, key: key, folder: folder, switching: newKey)
    return (name, size, pending.entries.reduce(0) { $0 + $1.versions.count })
  }

  static func size(of path: String) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
  }

  // MARK: Status

  /// What waits in each direction, and which devices the folder has seen; changes nothing.
  public func syncStatus(folder path: String) throws(SottoError) -> SyncStatus {
    let (state, key) = try syncSetup(folder: path, cleaning: false)
    let folder = SyncFolder(path: path)
    let pending = try pendingVersions(state: state, everything: false)
    var outcome = SyncOutcome()
    let (sets, _) = unreadFiles(state: state, key: key, folder: folder, outcome: &outcome)
    let conflicts = try conflictedEntries()
    return SyncStatus(
      device: RecordCodec.hex(word: pending.device), folder: state.folder,
      toSend: pending.entries.reduce(0) { $0 + $1.versions.count }, toReceive: sets.count,
      incomplete: outcome.incomplete, refused: outcome.refused, ignored: outcome.ignored,
      devices: state.devices.sorted(by: { $0.key < $1.key }).map {
        ($0.key, $0.value.seq, Date(timeIntervalSince1970: TimeInterval($0.value.at)))
      },
      conflicts: conflicts)
  }

  /// Every entry with more than one version open, deleted ones included.
  public func conflictedEntries() throws(SottoError) -> [EntryID] {
    try read { db in
      var ids: [EntryID] = []
      try self.forEachRecord(db) { id, record in
        if let record, !record.others.isEmpty { ids.append(Self.entryID(id)) }
      }
      return ids
    }
  }

  /// Calls `body` with every record's id and what it holds (`nil`: it does not open), in id
  /// order, the records read and opened a batch at a time on every core.
  func forEachRecord(_ db: StoreTransaction, _ body: ([UInt8], RecordVersion?) throws -> Void)
    throws
  {
    let (header, key) = (self.header, bundle.recordKey)
    try db.records.forEachBatch(size: Self.batchRows) { batch in
      let opened = Self.open(batch, header: header, key: key, keepingVersions: true)
      for (row, record) in zip(batch.rows, opened) {
        try body(batch.idBytes(row), record.version)
      }
    }
  }
}

extension Journal {
  /// Refuses what would make ``join(folder:at:folderPassphrase:passphrase:kdf:quickCapture:)``
  /// fail before any passphrase is needed: a journal already at `path`, or a folder that is
  /// not a sync folder (`sync join` asks nothing then).
  public static func checkJoinable(folder folderPath: String, at path: String)
    throws(SottoError)
  {
    _ = try joinableKeyFiles(folder: folderPath, at: path)
  }

  /// The key files `join` tries, after the checks of ``checkJoinable(folder:at:)``: usually
  /// one; during a rekey, or when one could not be deleted, the old key's file too.
  static func joinableKeyFiles(folder folderPath: String, at path: String)
    throws(SottoError) -> [FolderKeyFile]
  {
    if FileManager.default.fileExists(atPath: path) {
      throw SottoError(
        .journalExists,
        "A journal already exists at \(path). To sync it, run `sotto sync DIR` there; to join "
          + "as a new journal, choose another place with --journal PATH. Nothing was changed.")
    }
    let folder = SyncFolder(path: folderPath)
    let keyFiles = folder.exists ? UnlockedJournal.keyFiles(in: folder) : []
    guard !keyFiles.isEmpty else {
      throw SottoError(
        .syncFolder,
        "\(folderPath) is not a Sotto sync folder (no key file in keys/). Run `sotto sync init "
          + "DIR` on the first device; if the sync engine is still copying, wait and try again.")
    }
    return keyFiles
  }

  /// Makes a new journal at `path` from the sync folder `folderPath`: opens the folder key
  /// with `folderPassphrase`, creates the journal under its own `passphrase` and KDF
  /// settings (with its own device id), and applies every change file.
  ///
  /// - Throws: ``SottoError/Code/wrongPassphrase`` when `folderPassphrase` opens no key file
  ///   (no journal is created); ``SottoError/Code/journalExists`` when `path` is taken.
  public static func join(
    folder folderPath: String, at path: String, folderPassphrase: Passphrase,
    passphrase: Passphrase, kdf: KDFParameters, quickCapture: Bool = true
  ) throws(SottoError) -> (journal: UnlockedJournal, outcome: SyncOutcome) {
    var opened: (file: FolderKeyFile, key: SecureBytes)?
    for candidate in try joinableKeyFiles(folder: folderPath, at: path) {
      if let key = try candidate.open(passphrase: folderPassphrase) {
        opened = (candidate, key)
        break
      }
    }
    guard let (keyFile, folderKey) = opened else {
      throw SottoError(
        .wrongPassphrase,
        "That passphrase does not open the sync folder (it is the passphrase the folder was "
          + "made with, on the first device). No journal was created.")
    }
    let unlocked = try createUnlocked(
      at: path,
      keys: NewKeys(passphrase: passphrase, kdf: kdf, quickCapture: quickCapture))
    try unlocked.adopt(folderID: keyFile.folderID, keyID: keyFile.keyID, key: folderKey)
    return (unlocked, try unlocked.sync(folder: folderPath))
  }
}

extension UnlockedJournal {
  /// The entry in conflict whose id is `text` or starts with it (deleted ones included,
  /// which `sotto list` does not show).
  public func conflictedEntry(matching text: String) throws(SottoError) -> EntryID {
    let ids = try conflictedEntries()
    let id = try Self.uniqueID(
      matching: text, in: ids.map(\.bytes),
      names: (one: "entry in conflict", many: "entries in conflict", shown: "`sotto sync status`"))
    return Self.entryID(id)
  }

  /// Every open version of an entry in conflict, the one shown first (`nil`: a deletion).
  public func openVersions(of id: EntryID) throws(SottoError) -> [(entry: Entry?, revision: UInt64)]
  {
    try read { db in
      (try self.currentVersion(db, id: id.bytes, checkingTime: false)?.heads ?? []).map {
        ($0.entry, $0.revision)
      }
    }
  }
}

extension UnlockedJournal {
  /// Whether this journal syncs with a folder (`sotto sync init` or `join` was run).
  public var syncs: Bool {
    get throws(SottoError) {
      try read { db in try db.pages.contains(Self.syncStatePage) }
    }
  }
}
