import Foundation
import GRDB

/// The encrypted records of a journal, read while the passphrase is derived
/// (``Journal/unlock(_:check:readAhead:)``).
///
/// Nothing is decrypted here. ``UnlockedJournal/contents()`` uses the rows only if the file did
/// not change in between (SQLite's `data_version`, and no write by the unlock itself);
/// otherwise it reads them again.
struct RecordPrefetch: Sendable {
  let rows: RecordRows
  /// SQLite's `data_version` at the read: it changes when another connection commits.
  let dataVersion: Int

  /// Reads every row now; `nil` when that fails (the ordinary read then reports the failure).
  init?(database: DatabaseQueue) {
    guard
      let read = try? database.read({ db in
        (
          try RecordRows(db, withCiphertexts: true),
          try Int.fetchOne(db, sql: "PRAGMA data_version")
        )
      }),
      let version = read.1
    else { return nil }
    rows = read.0
    dataVersion = version
  }
}
