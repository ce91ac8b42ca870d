import Foundation
import SottoCrypto
import SottoModel
import SottoStorage

/// What a journal keeps about its sync folder, sealed in the `pages` table beside the folder
/// key (Docs/FORMAT.md §2, Docs/SYNC.md, "On each device").
struct SyncState: Codable, Equatable {
  /// What one other device (or this one) has written to the folder, as far as this one saw.
  struct DeviceSeen: Codable, Equatable {
    /// The highest file number seen from it.
    var seq: UInt64
    /// When this device first saw that file (Unix seconds).
    var at: Int64
  }

  /// A change file this device has applied (or written).
  struct FileSeen: Codable, Equatable {
    var author: String
    var seq: UInt64
    /// A snapshot's: the highest file number of each device folded into it.
    var covers: [String: UInt64]? = nil
  }

  var v = 1
  /// The folder's id, 32 hex digits: a journal syncs with one folder.
  var folder: String
  /// The id of the folder key this device holds.
  var keyID: String
  /// The ids of the folder keys it held before (`sync rekey`, or taking another device's):
  /// files under them are deleted wherever found, and a key file with an id neither current
  /// nor here is a new key to ask about. Absent in a state written before Sotto 0.4.
  var retired: [String]? = nil
  /// The number of this device's last change file (0 before the first).
  var seq: UInt64 = 0
  /// The clock up to which this device's versions are in the folder (16 hex digits).
  var exported: String
  var devices: [String: DeviceSeen] = [:]
  /// Content names of the files applied or written, so each is read once.
  var seen: [String: FileSeen] = [:]

  var exportedClock: UInt64 {
    get { UInt64(exported, radix: 16) ?? 0 }
    set { exported = RecordCodec.hex(word: newValue) }
  }

  var folderID: [UInt8] { Hex.decode(folder) ?? [] }
  var keyIDBytes: [UInt8] { Hex.decode(keyID) ?? [] }
  var retiredKeyIDs: Set<[UInt8]> { Set((retired ?? []).compactMap { Hex.decode($0) }) }

  /// Notes that `author` wrote file `seq` (folding in, for a snapshot, `covers`), seen now.
  mutating func saw(
    author: UInt64, seq: UInt64, name: String, covers: [UInt64: UInt64] = [:]
  ) {
    let device = RecordCodec.hex(word: author)
    let folded = Dictionary(
      uniqueKeysWithValues: covers.map { (RecordCodec.hex(word: $0.key), $0.value) })
    seen[name] = FileSeen(author: device, seq: seq, covers: folded.isEmpty ? nil : folded)
    for (device, seq) in folded.merging([device: seq], uniquingKeysWith: max)
    where (devices[device]?.seq ?? 0) < seq {
      devices[device] = DeviceSeen(seq: seq, at: Int64(Date().timeIntervalSince1970))
    }
  }
}

extension UnlockedJournal {
  /// The `pages` row holding the folder key, sealed under the record key.
  static let folderKeyPage = [UInt8](repeating: 0, count: 15) + [1]
  /// The `pages` row holding the ``SyncState``, padded to a size class.
  static let syncStatePage = [UInt8](repeating: 0, count: 15) + [2]

  /// Binds a page to this journal and its id (``JournalHeader/pageAssociatedData(id:)``).
  func pageAssociatedData(id: [UInt8]) -> [UInt8] { header.pageAssociatedData(id: id) }

  /// The sync state and folder key; `nil` when this journal does not sync.
  func readSync(_ db: StoreTransaction) throws -> (state: SyncState, key: SecureBytes)? {
    let rows = try db.pages.pages([Self.folderKeyPage, Self.syncStatePage])
    guard !rows.isEmpty else { return nil }
    var key: SecureBytes?
    var state: SyncState?
    for row in rows {
      let (id, nonce, ciphertext) = (row.id, row.sealed.nonce, row.sealed.ciphertext)
      if id == Self.folderKeyPage {
        key = try Vault.openSecret(
          nonce: nonce, ciphertext: ciphertext, key: bundle.recordKey,
          associatedData: pageAssociatedData(id: id))
      } else if var plaintext = Vault.open(
        nonce: nonce, ciphertext: ciphertext, key: bundle.recordKey,
        associatedData: pageAssociatedData(id: id))
      {
        defer { SecureMemory.zero(&plaintext) }
        if let length = RecordCodec.unpaddedLength(plaintext, count: plaintext.count) {
          state = try? JSONDecoder().decode(SyncState.self, from: Data(plaintext[..<length]))
        }
      }
    }
    guard let state, let key, state.v == 1, state.folderID.count == 16,
      state.keyIDBytes.count == 16
    else {
      throw SottoError(
        .damaged,
        "This journal's sync settings do not open: they were damaged, or changed by another "
          + "program. Entries are not affected. Run `sotto sync join DIR` from a copy of the "
          + "journal made before, or ask for help.")
    }
    return (state, key)
  }

  /// Seals `state` (and, when given, the folder key) into `pages`, in the caller's transaction,
  /// under `recordKey` (a new one at `passwd`) or the journal's own.
  func writeSync(
    _ db: StoreTransaction, _ state: SyncState, key: SecureBytes? = nil,
    recordKey: SecureBytes? = nil
  ) throws {
    let recordKey = recordKey ?? bundle.recordKey
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    var json = [UInt8](try encoder.encode(state))
    defer { SecureMemory.zero(&json) }
    var padded: [UInt8] = []
    RecordCodec.pad(json, into: &padded)
    defer { SecureMemory.zero(&padded) }
    var rows = [
      (
        Self.syncStatePage,
        Vault.seal(
          padded, key: recordKey, associatedData: pageAssociatedData(id: Self.syncStatePage))
      )
    ]
    if let key {
      let sealed = Vault.seal(
        secret: key, key: recordKey, associatedData: pageAssociatedData(id: Self.folderKeyPage))
      rows.append((Self.folderKeyPage, sealed))
    }
    for (id, sealed) in rows {
      try db.pages.put(id, Sealed(nonce: sealed.nonce, ciphertext: sealed.ciphertext))
    }
  }

  /// Removes the folder key and the sync state (`sync leave`), in the caller's transaction;
  /// with `secure_delete` on, nothing of them stays in the database file.
  func forgetSync(_ db: StoreTransaction) throws {
    try db.pages.delete(Self.folderKeyPage)
    try db.pages.delete(Self.syncStatePage)
  }
}
