import SottoStorage

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
  init?(database: StoreFile) {
    guard
      let read = try? database.read({ db in
        (try db.records.rows(withCiphertexts: true), try db.dataVersion())
      })
    else { return nil }
    (rows, dataVersion) = read
  }
}
