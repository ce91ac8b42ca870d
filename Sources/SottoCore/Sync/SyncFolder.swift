import Foundation
import SottoCrypto
import SottoModel

/// The files of a sync folder as the file system holds them: `keys/<name>` and
/// `data/<2 hex>/<name>`, each name the BLAKE2b-256 of the file's bytes in hex
/// (Docs/SYNC.md, "Layout").
///
/// Files are written once under a temporary name, synced, then renamed, and never changed:
/// two devices writing at once never touch the same file, so the sync engine has nothing to
/// reconcile. Anything else in the folder (a sync engine's conflict copies and temporary
/// files, an editor's backups) is ignored, never taken for damage.
struct SyncFolder {
  let path: String

  var keysPath: String { path + "/keys" }
  var dataPath: String { path + "/data" }

  /// A file in `data/`: its content name and where it lies.
  struct DataFile: Hashable {
    var name: String
    var path: String
  }

  /// The content name of `bytes`: 64 lowercase hex digits.
  static func name(of bytes: [UInt8]) -> String {
    Hex.encode(BLAKE2b.digest(bytes, count: 32))
  }

  /// Whether `name` could be a content name (anything else is some other program's file).
  static func isContentName(_ name: String) -> Bool {
    name.utf8.count == 64
      && name.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
  }

  /// Whether the folder holds a `keys/` folder, as every sync folder does.
  var exists: Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: keysPath, isDirectory: &isDirectory)
      && isDirectory.boolValue
  }

  /// Creates the folder (0700) and its `keys/` and `data/`; refuses one holding anything but
  /// what sync tools leave in an empty folder.
  func create() throws(SottoError) {
    let manager = FileManager.default
    if let existing = try? manager.contentsOfDirectory(atPath: path),
      existing.contains(where: { !Self.isToolFile($0) })
    {
      throw SottoError(
        .syncFolder,
        "\(path) is not empty. Choose an empty folder (or a new one) for `sotto sync init`; "
          + "nothing was written.")
    }
    for folder in [path, keysPath, dataPath] {
      do {
        try manager.createDirectory(
          atPath: folder, withIntermediateDirectories: true,
          attributes: [.posixPermissions: 0o700])
      } catch {
        throw SottoError(
          .storage, "\(folder) could not be created (\(error.localizedDescription)).")
      }
    }
  }

  /// Files a sync engine or a desktop puts into a folder of its own accord.
  static func isToolFile(_ name: String) -> Bool {
    name == ".stfolder" || name == ".stignore" || name == ".stversions" || name == ".DS_Store"
      || name == "desktop.ini" || name.hasPrefix(".syncthing.") || name.hasPrefix("~syncthing~")
      || name == ".dropbox" || name == ".nextcloudsync.log" || name.hasPrefix(".sync_")
      || name.hasSuffix(".tmp") && name.hasPrefix(".syncthing.")
  }

  /// The key files, by content name; files whose bytes do not hash to their name (still
  /// being copied) are left out.
  func keyFiles() -> [(name: String, bytes: [UInt8])] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: keysPath)) ?? []
    return names.filter(Self.isContentName).sorted().compactMap { name in
      guard let bytes = Self.read(keysPath + "/" + name, limit: 4096),
        Self.name(of: bytes) == name
      else { return nil }
      return (name, bytes)
    }
  }

  /// The data files by content name, and how many other files lie in `data/` (ignored).
  func dataFiles() -> (files: [DataFile], ignored: Int) {
    let manager = FileManager.default
    var files: [DataFile] = []
    var ignored = 0
    let shards = (try? manager.contentsOfDirectory(atPath: dataPath)) ?? []
    for shard in shards.sorted() {
      let shardPath = dataPath + "/" + shard
      guard shard.utf8.count == 2, Self.isHex(shard),
        let names = try? manager.contentsOfDirectory(atPath: shardPath)
      else {
        if !Self.isToolFile(shard) { ignored += 1 }
        continue
      }
      for name in names.sorted() {
        if Self.isContentName(name) && name.hasPrefix(shard) {
          files.append(DataFile(name: name, path: shardPath + "/" + name))
        } else if !Self.isToolFile(name) {
          ignored += 1
        }
      }
    }
    return (files, ignored)
  }

  private static func isHex(_ text: String) -> Bool {
    text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
  }

  /// Reads a whole file, at most `limit` bytes (`nil` when it is larger or unreadable).
  static func read(_ path: String, limit: Int) -> [UInt8]? {
    guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
    defer { try? handle.close() }
    guard let data = try? handle.read(upToCount: limit + 1), data.count <= limit else {
      return nil
    }
    return [UInt8](data)
  }

  /// Writes `bytes` under their content name into `keys/` or into their shard of `data/`:
  /// to a temporary name first, synced, then renamed, so a final name is always complete.
  /// Returns the name.
  @discardableResult
  func write(_ bytes: [UInt8], key: Bool = false) throws(SottoError) -> String {
    let name = Self.name(of: bytes)
    let folder = key ? keysPath : dataPath + "/" + String(name.prefix(2))
    do {
      try FileManager.default.createDirectory(
        atPath: folder, withIntermediateDirectories: true,
        attributes: [.posixPermissions: 0o700])
    } catch {
      throw SottoError(.storage, "\(folder) could not be created (\(error.localizedDescription)).")
    }
    let final = folder + "/" + name
    if FileManager.default.fileExists(atPath: final) { return name }
    // Named as Syncthing names its own temporary files, which it never scans or sends (and
    // Nextcloud's client skips too): under any other name Syncthing may index the file while
    // it is written, then fail to fetch it once renamed, and hold the whole folder back for a
    // minute (seen in SyncthingTests).
    let temporary = folder + "/.syncthing.sotto-" + Hex.encode(SecureRandom.bytes(8)) + ".tmp"
    try PlaintextFile.write(Data(bytes), to: temporary, overwrite: false)
    guard rename(temporary, final) == 0 else {
      unlink(temporary)
      throw SottoError(
        .storage, "\(final) could not be written (\(String(cString: strerror(errno)))).")
    }
    // The rename itself is made durable by syncing the folder that holds it.
    let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if descriptor >= 0 {
      _ = fsync(descriptor)
      close(descriptor)
    }
    return name
  }
}
