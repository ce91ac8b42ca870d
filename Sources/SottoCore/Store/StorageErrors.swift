import Foundation
import GRDB

#if canImport(Glibc)
  import Glibc
#endif

extension SottoError {
  /// Maps an SQLite or file-system failure to a message for people; never includes SQL arguments.
  static func storage(_ error: any Error, path: String) -> SottoError {
    if let error = error as? SottoError { return error }
    guard let database = error as? DatabaseError else {
      return SottoError(
        .storage, "The journal at \(path) could not be read or written. Nothing was changed.",
        cause: String(describing: type(of: error)))
    }
    let cause = "SQLite \(database.extendedResultCode.rawValue)"
    // A full disk often shows as an I/O error (growing the -shm file, SQLITE_IOERR_SHMSIZE) or a
    // failure to open the -wal file rather than SQLITE_FULL: ask the file system.
    let full =
      database.resultCode == .SQLITE_FULL
      || ([.SQLITE_IOERR, .SQLITE_CANTOPEN].contains(database.resultCode) && diskIsFull(at: path))
    switch database.resultCode {
    case _ where full:
      return SottoError(
        .storage, "The disk is full. Free some space and try again; the journal is unchanged.",
        cause: cause)
    case .SQLITE_READONLY:
      return SottoError(
        .storage,
        "The journal at \(path) is read-only. Check its permissions (it should be yours, mode "
          + "0600, in a folder you can write); the journal is unchanged.", cause: cause)
    case .SQLITE_BUSY, .SQLITE_LOCKED:
      return SottoError(
        .storage,
        "The journal is locked by another program (another sotto still running?). Try again in a "
          + "moment; the journal is unchanged.", cause: cause)
    case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH:
      return SottoError(
        .storage,
        "The journal at \(path) could not be opened: check that its folder exists and that you "
          + "may read and write it.", cause: cause)
    case .SQLITE_NOTADB, .SQLITE_CORRUPT, .SQLITE_FORMAT:
      return .notAJournal("the file is not a readable database")
    case .SQLITE_IOERR:
      return SottoError(
        .storage,
        "The disk reported an error while reading or writing the journal. The last complete "
          + "change is kept; check the disk and try again.", cause: cause)
    default:
      return SottoError(
        .storage, "The journal at \(path) could not be read or written. Nothing was changed.",
        cause: cause)
    }
  }
}

/// Whether the file system holding `path` has less than 64 KiB free for this user.
func diskIsFull(at path: String) -> Bool {
  var info = statvfs()
  let folder = (path as NSString).deletingLastPathComponent
  guard statvfs(folder.isEmpty ? "." : folder, &info) == 0 else { return false }
  return UInt64(info.f_bavail) * UInt64(info.f_frsize) < 64 * 1024
}
