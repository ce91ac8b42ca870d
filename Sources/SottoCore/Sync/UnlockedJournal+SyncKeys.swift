import Foundation
import SottoCrypto
import SottoModel
import SottoStorage

/// What `sotto sync rekey` did.
public struct SyncRekeying: Sendable {
  /// The sync it ran first, under the old key.
  public var sync: SyncOutcome
  /// Change files and key files under the old key, deleted once the new snapshot was written.
  public var filesRemoved = 0
}

/// What `sotto sync leave` did.
public struct SyncLeaving: Sendable {
  /// The sync it ran first, so that nothing written here stays unsent.
  public var sync: SyncOutcome
  /// This device's files deleted from the folder (with `--all`).
  public var filesRemoved = 0
  /// This device's files left there, for another device's `sync compact` to fold in.
  public var filesKept = 0
  /// Whether another device was ever seen in the folder.
  public var otherDevices = false
}

extension UnlockedJournal {
  // MARK: A new folder key

  /// Starts a new folder key for `path`, wrapped under the new folder passphrase
  /// `passphrase`: for when a device is lost or the old passphrase may be known.
  ///
  /// Syncs first, then writes every entry's open versions under the new key (a snapshot), makes
  /// it this journal's, and deletes the old key file and every change file under the old key.
  /// The other devices are asked for the new folder passphrase at their next sync and then send
  /// again everything they hold, so nothing they wrote meanwhile is lost (Docs/SYNC.md §10).
  /// The new key is never wrapped under the old one, which a lost device holds.
  ///
  /// - Throws: ``SottoError/Code/weakPassphrase`` when `passphrase` is the folder's current one
  ///   (nothing is changed).
  public func syncRekey(folder path: String, passphrase: Passphrase) throws(SottoError)
    -> SyncRekeying
  {
    let outcome = try sync(folder: path)
    let (state, key) = try syncSetup(folder: path)
    let folder = SyncFolder(path: path)
    for old in Self.keyFiles(in: folder)
    where old.folderID == state.folderID && old.keyID == state.keyIDBytes {
      if try old.open(passphrase: passphrase) != nil {
        throw SottoError(
          .weakPassphrase,
          "That is the folder's current passphrase, which a lost device may know. Choose a new "
            + "one for the folder. Nothing was changed.")
      }
    }
    let newKey = try Sodium.mapped { () throws(CryptoError) in
      try SecureBytes.random(count: Vault.keyBytes)
    }
    let newKeyID = SecureRandom.bytes(16)
    let keyFile = try FolderKeyFile(
      folderKey: newKey, folderID: state.folderID, keyID: newKeyID, passphrase: passphrase,
      kdf: header.kdf)
    // The new key file first, then the snapshot under it, then this journal's switch to it;
    // only then does anything under the old key go. After a crash before the switch, every
    // device, this one too, finds a key it never held and asks for its passphrase: the one
    // chosen here takes it, as another device's rekey would be taken.
    try folder.write(keyFile.bytes, key: true)
    _ = try writeSnapshot(
      state: state, key: key, folder: folder, switching: (newKeyID, newKey))
    return SyncRekeying(
      sync: outcome,
      filesRemoved: Self.removeFiles(in: folder, of: state.folderID, under: [state.keyIDBytes]))
  }

  /// Whether the folder's key was replaced on another device (`sync rekey`): a key file of
  /// this folder under an id this journal never held is there.
  public func folderKeyReplaced(folder path: String) throws(SottoError) -> Bool {
    guard let (state, _) = try read({ db in try self.readSync(db) }) else { return false }
    let keys = Self.keyFiles(in: SyncFolder(path: path)).filter {
      $0.folderID == state.folderID
    }
    return !Self.newKeys(keys, state: state).isEmpty
  }

  /// Takes the folder key another device's `sync rekey` wrote, opened with `passphrase`, then
  /// syncs.
  ///
  /// Writes every entry's open versions under the new key (the device that rekeyed may have
  /// missed some), makes it this journal's, and deletes the files under the old key. Nothing
  /// still under the old key is applied: after a rekey only a lost device writes there, and
  /// every other device sends all it holds again when it takes the new key.
  ///
  /// - Throws: ``SottoError/Code/wrongPassphrase`` when `passphrase` opens no new key file
  ///   (nothing is changed).
  public func adoptFolderKey(folder path: String, passphrase: Passphrase) throws(SottoError)
    -> SyncOutcome
  {
    guard let (state, oldKey) = try read({ db in try self.readSync(db) }) else {
      return try sync(folder: path)
    }
    let folder = SyncFolder(path: path)
    var opened: (id: [UInt8], key: SecureBytes)?
    let keys = Self.keyFiles(in: folder).filter { $0.folderID == state.folderID }
    for candidate in Self.newKeys(keys, state: state) {
      if let key = try candidate.open(passphrase: passphrase) {
        opened = (candidate.keyID, key)
        break
      }
    }
    guard let opened else {
      let names = Self.newKeys(keys, state: state).compactMap(\.name).map {
        "keys/\($0.prefix(16))…"
      }
      throw SottoError(
        .wrongPassphrase,
        "That passphrase does not open the folder's new key. Give the folder passphrase chosen "
          + "at `sotto sync rekey` on the other device. If no device ran it, the new key file ("
          + names.joined(separator: ", ") + ") was put there by someone else: delete it. "
          + "Nothing was changed.")
    }
    let resent = try writeSnapshot(state: state, key: oldKey, folder: folder, switching: opened)
    _ = Self.removeFiles(in: folder, of: state.folderID, under: [state.keyIDBytes])
    var outcome = try sync(folder: path)
    outcome.sent += resent.versions
    outcome.wroteFile = outcome.wroteFile ?? resent.name
    return outcome
  }

  /// Deletes this folder's change files and key files under the keys `retired`, data first;
  /// returns how many. Files under other keys (a newer one, another device's concurrent
  /// rekey), of other folders, and what is not Sotto's, are left alone.
  static func removeFiles(
    in folder: SyncFolder, of folderID: [UInt8], under retired: Set<[UInt8]>
  ) -> Int {
    var removed = 0
    for file in folder.dataFiles().files {
      guard let head = SyncFolder.read(file.path, prefix: ChangeFile.headerBytes),
        head.count == ChangeFile.headerBytes, Array(head[0..<8]) == Array("SOTTOSYN".utf8),
        Array(head[12..<28]) == folderID, retired.contains(Array(head[28..<44]))
      else { continue }
      if unlink(file.path) == 0 { removed += 1 }
    }
    for old in keyFiles(in: folder) where old.folderID == folderID && retired.contains(old.keyID) {
      if let name = old.name, unlink(folder.keysPath + "/" + name) == 0 { removed += 1 }
    }
    return removed
  }

  // MARK: Leaving

  /// Stops syncing this journal with `path`: syncs once more, forgets the folder key and sync
  /// state, and with `everything` deletes this device's own files from the folder.
  ///
  /// Without `everything` the files stay: nothing shows that every other device has applied
  /// them (a snapshot's `covers` is the highest file seen, not proof that every lower one was
  /// folded in), and another device's `sync compact` deletes them once it has.
  public func syncLeave(folder path: String, everything: Bool = false) throws(SottoError)
    -> SyncLeaving
  {
    let outcome = try sync(folder: path)
    let (state, _) = try syncSetup(folder: path)
    guard let head = try read({ db in try self.manifest.readHead(db) }) else {
      throw SottoError.manifestDamaged
    }
    let me = RecordCodec.hex(word: head.device)
    var result = SyncLeaving(sync: outcome)
    result.otherDevices = state.devices.keys.contains { $0 != me }
    let folder = SyncFolder(path: path)
    for file in folder.dataFiles().files where state.seen[file.name]?.author == me {
      if everything, unlink(file.path) == 0 {
        result.filesRemoved += 1
      } else {
        result.filesKept += 1
      }
    }
    try write { db in try self.forgetSync(db) }
    checkpoint()
    return result
  }
}

extension SyncFolder {
  /// The first `count` bytes of a file (fewer when it is shorter); `nil` when unreadable.
  static func read(_ path: String, prefix count: Int) -> [UInt8]? {
    guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
    defer { try? handle.close() }
    return (try? handle.read(upToCount: count)).map { [UInt8]($0) } ?? []
  }
}
