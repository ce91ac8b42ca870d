import CSodium
import Foundation
import GRDB

#if canImport(Glibc)
  import Glibc
#endif

/// Destroys a journal beyond recovery, without needing its passphrase.
///
/// Order matters: the key envelope is destroyed first (crypto-shredding, NIST SP 800-88
/// "cryptographic erase"), so from the first committed step nothing is decryptable even if the
/// rest is interrupted; running the wipe again finishes the job.
public struct SecureWipe {
  /// The steps, in order, as reported to the person.
  public enum Step: String, Sendable, CaseIterable {
    case destroyKeys = "overwrote the key envelope, salt and inbox key with random bytes"
    case deleteRows = "deleted every entry, the manifest and the inbox (secure_delete on)"
    case truncateLog = "checkpointed and truncated the write-ahead log"
    case vacuum = "rebuilt the database file without free pages (VACUUM)"
    case overwriteFiles =
      "overwrote the database and its -wal, -shm and -journal files with random bytes"
    case unlinkFiles = "deleted the files and synced the folder"
    case removeFolder = "removed the now-empty Sotto folder"
  }

  /// The journal file to destroy.
  public let path: String
  /// Removes the folder afterwards when it is empty and this is true (Sotto's default folder).
  public var removeEmptyFolder: Bool
  /// Called just before the files are unlinked, with their paths (tests copy them here).
  public var beforeUnlink: (([String]) -> Void)?

  /// Prepares a wipe of the journal at `path`.
  public init(path: String, removeEmptyFolder: Bool) {
    self.path = path
    self.removeEmptyFolder = removeEmptyFolder
  }

  private var files: [String] { [path] + JournalLocation.companionFiles(of: path) }

  /// Whether anything of the journal is left to wipe.
  public var somethingToWipe: Bool { files.contains { FileManager.default.fileExists(atPath: $0) } }

  /// Runs every step; returns the steps done.
  ///
  /// - Throws: ``SottoError/Code/notAJournal`` when the file is not a Sotto journal (nothing is
  ///   touched: Sotto never destroys a file it did not make), or a storage error.
  @discardableResult
  public func run() throws(SottoError) -> [Step] {
    try Sodium.ensureInitialized()
    var done: [Step] = []
    if FileManager.default.fileExists(atPath: path) {
      try checkIsJournal()
      do {
        let database = try DatabaseQueue(path: path, configuration: Journal.configuration())
        try database.writeWithoutTransaction { db in
          try db.inTransaction(.immediate) {
            try db.execute(
              sql: """
                UPDATE header SET envelope = ?, envelope_nonce = ?, kdf_salt = ?,
                  inbox_public_key = ?, journal_id = ?
                """,
              arguments: [
                Data(Sodium.randomBytes(KeyBundle.byteCount + Vault.tagBytes)),
                Data(Sodium.randomBytes(Vault.nonceBytes)),
                Data(Sodium.randomBytes(Vault.saltBytes)),
                Data(Sodium.randomBytes(Vault.keyBytes)), Data(Sodium.randomBytes(16)),
              ])
            return .commit
          }
          done.append(.destroyKeys)
          try db.inTransaction(.immediate) {
            for table in ["records", "manifest", "inbox"] {
              try db.execute(sql: "DELETE FROM \(table)")
            }
            return .commit
          }
          done.append(.deleteRows)
          try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
          done.append(.truncateLog)
          try db.execute(sql: "VACUUM")
          try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
          done.append(.vacuum)
        }
        try database.close()
      } catch {
        throw .storage(error, path: path)
      }
    }
    let present = files.filter { FileManager.default.fileExists(atPath: $0) }
    for file in present { try overwrite(file) }
    done.append(.overwriteFiles)
    beforeUnlink?(present)
    for file in present where unlink(file) != 0 && errno != ENOENT {
      throw SottoError(.storage, "\(file) could not be deleted. Run `sotto wipe` again.")
    }
    let folder = (path as NSString).deletingLastPathComponent
    syncFolder(folder)
    done.append(.unlinkFiles)
    if removeEmptyFolder,
      (try? FileManager.default.contentsOfDirectory(atPath: folder))?.isEmpty == true,
      rmdir(folder) == 0
    {
      syncFolder((folder as NSString).deletingLastPathComponent)
      done.append(.removeFolder)
    }
    return done
  }

  private func checkIsJournal() throws(SottoError) {
    // Ask SQLite first (the id may still be only in the -wal); a file SQLite cannot read falls
    // back to the raw header (offset 68, big-endian): a damaged journal must still be wipeable,
    // another file never.
    if let queue = try? DatabaseQueue(path: path, configuration: Journal.configuration()),
      let id = try? queue.read({ db in try Int32.fetchOne(db, sql: "PRAGMA application_id") })
    {
      try? queue.close()
      if id == JournalHeader.applicationID { return }
      throw SottoError(
        .notAJournal,
        "\(path) is not a Sotto journal, so `sotto wipe` leaves it alone. Nothing was changed.")
    }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw SottoError(.storage, "The journal at \(path) cannot be read: check its permissions.")
    }
    defer { try? handle.close() }
    let header = [UInt8]((try? handle.read(upToCount: 100)) ?? Data())
    let isSQLite = header.starts(with: Array("SQLite format 3\0".utf8))
    let applicationID =
      header.count >= 72 ? header[68..<72].reduce(UInt32(0)) { $0 << 8 | UInt32($1) } : 0
    guard isSQLite, applicationID == UInt32(bitPattern: JournalHeader.applicationID) else {
      throw SottoError(
        .notAJournal,
        "\(path) is not a Sotto journal, so `sotto wipe` leaves it alone. Nothing was changed.")
    }
  }

  private func overwrite(_ file: String) throws(SottoError) {
    let descriptor = open(file, O_WRONLY | O_CLOEXEC | O_NOFOLLOW)
    guard descriptor >= 0 else {
      throw SottoError(
        .storage, "\(file) could not be opened to overwrite it. Run `sotto wipe` again.")
    }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else {
      throw SottoError(.storage, "\(file) could not be examined. Run `sotto wipe` again.")
    }
    var remaining = Int(info.st_size)
    var block = [UInt8](repeating: 0, count: 64 * 1024)
    while remaining > 0 {
      let count = min(remaining, block.count)
      randombytes_buf(&block, count)
      let written = block.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress!, count) }
      if written < 0 && errno == EINTR { continue }
      guard written > 0 else {
        throw SottoError(.storage, "\(file) could not be overwritten. Run `sotto wipe` again.")
      }
      remaining -= written
    }
    guard fsync(descriptor) == 0 else {
      throw SottoError(.storage, "\(file) could not be synced to disk. Run `sotto wipe` again.")
    }
  }

  private func syncFolder(_ folder: String) {
    let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if descriptor >= 0 {
      _ = fsync(descriptor)
      close(descriptor)
    }
  }

  /// What no wipe can reach, said plainly after every wipe.
  public static let limits = [
    "exports, reports and backups you made (find and delete them yourself)",
    "cloud or synced copies of the folder (Dropbox, iCloud, Syncthing, ...)",
    "filesystem snapshots and backups of the disk (Time Machine, btrfs/ZFS snapshots, ...)",
    "flash storage remapping: an SSD may keep old blocks; this is why the keys were destroyed first",
  ]
}
