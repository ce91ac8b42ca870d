import GRDB

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
    switch database.resultCode {
    case .SQLITE_FULL:
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
