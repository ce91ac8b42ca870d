import Foundation
import SottoStorage

#if canImport(Glibc)
  import Glibc
#endif

extension SottoError {
  /// Maps an SQLite or file-system failure to a message for people; never includes SQL arguments.
  static func storage(_ error: any Error, path: String) -> SottoError {
    if let error = error as? SottoError { return error }
    guard let database = error as? StorageError else {
      return SottoError(
        .storage, "The journal at \(path) could not be read or written. Nothing was changed.",
        cause: String(describing: type(of: error)))
    }
    let cause = database.description
    // A full disk often shows as an I/O error (growing the -shm file, SQLITE_IOERR_SHMSIZE) or a
    // failure to open the -wal file rather than SQLITE_FULL: ask the file system.
    let full =
      database.kind == .full
      || ([.ioError, .cannotOpen].contains(database.kind) && diskIsFull(at: path))
    switch database.kind {
    case _ where full:
      return SottoError(
        .storage, "The disk is full. Free some space and try again; the journal is unchanged.",
        cause: cause)
    case .readOnly:
      return SottoError(
        .storage,
        "The journal at \(path) is read-only. Check its permissions (it should be yours, mode "
          + "0600, in a folder you can write); the journal is unchanged.", cause: cause)
    case .busy:
      return SottoError(
        .storage,
        "The journal is locked by another program (another sotto still running?). Try again in a "
          + "moment; the journal is unchanged.", cause: cause)
    case .cannotOpen:
      return SottoError(
        .storage,
        "The journal at \(path) could not be opened: check that its folder exists and that you "
          + "may read and write it.", cause: cause)
    case .notADatabase:
      return .notAJournal("the file is not a readable database")
    case .ioError:
      return SottoError(
        .storage,
        "The disk reported an error while reading or writing the journal. The last complete "
          + "change is kept; check the disk and try again.", cause: cause)
    case .full, .other:
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
