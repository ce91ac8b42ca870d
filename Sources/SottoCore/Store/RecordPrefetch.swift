import Foundation
import GRDB

/// The encrypted records of a journal, read on another thread while the passphrase is derived.
///
/// Argon2id keeps one core busy for the whole derivation; reading every row from SQLite takes
/// about as long and needs no key, so a command that reads every entry starts both at once.
/// Nothing is decrypted here. ``UnlockedJournal/contents(prefetched:)`` uses the rows only if
/// the file did not change in between; otherwise it reads them again.
///
/// `@unchecked Sendable`: `outcome` is written once by the reading thread before it signals
/// `done`, and read only after waiting on `done`.
public final class RecordPrefetch: @unchecked Sendable {
  struct Outcome {
    var rows: RecordRows
    /// SQLite's `data_version` at the read: it changes when another connection commits.
    var dataVersion: Int
  }

  private let done = DispatchSemaphore(value: 0)
  private var outcome: Outcome?

  init(database: DatabaseQueue) {
    DispatchQueue.global(qos: .userInitiated).async { [self] in
      // Any failure here is left to the ordinary read, which reports it properly.
      outcome = try? database.read { db in
        Outcome(
          rows: try RecordRows(db, withCiphertexts: true),
          dataVersion: try Int.fetchOne(db, sql: "PRAGMA data_version") ?? -1)
      }
      done.signal()
    }
  }

  /// Waits for the read to finish; `nil` when it failed.
  ///
  /// Call it outside any database access: the read needs the connection to finish.
  func wait() -> Outcome? {
    done.wait()
    done.signal()
    return outcome
  }
}

extension Journal {
  /// Starts reading the encrypted records in the background, for a following
  /// ``UnlockedJournal/contents(prefetched:)``.
  public func prefetchRecords() -> RecordPrefetch {
    RecordPrefetch(database: database)
  }
}
