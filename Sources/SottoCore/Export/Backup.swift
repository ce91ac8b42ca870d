import Foundation
import SottoCrypto
import SottoModel

/// The encrypted, portable backup file: the whole journal, sealed in chunks with libsodium's
/// `crypto_secretstream_xchacha20poly1305` under a key derived from a passphrase with Argon2id.
///
/// Layout (Docs/FORMAT.md, "Backup file"): a plaintext header (magic, version, KDF settings, salt,
/// stream header), then chunks, each a 4-byte big-endian length and a ciphertext whose associated
/// data is the whole header. The last chunk carries `TAG_FINAL`; a missing final chunk, a changed,
/// dropped, reordered or swapped chunk, a changed header and bytes after the final chunk are each
/// refused, and nothing is restored from a backup that fails any check.
public enum Backup {
  /// `SOTTOBAK`.
  static let magic: [UInt8] = Array("SOTTOBAK".utf8)
  /// The backup format version this code writes and reads.
  public static let version: UInt32 = 1
  /// Plaintext bytes per chunk.
  static let chunkSize = 64 * 1024
  static let headerBytes = 8 + 4 + 4 + 8 + 8 + 16 + 24

  /// The key of a new backup: a fresh salt and the key Argon2id derives from it.
  public struct Key: Sendable {
    let kdf: KDFParameters
    let salt: [UInt8]
    let key: SecureBytes

    /// Derives a new backup key from `passphrase` (the slow step of sealing a backup).
    public init(passphrase: Passphrase, kdf: KDFParameters) throws(SottoError) {
      self.kdf = kdf
      salt = Sodium.randomBytes(Vault.saltBytes)
      key = try Vault.deriveKEK(passphrase: passphrase, salt: salt, parameters: kdf)
    }
  }

  /// Seals `entries` into a backup protected by `passphrase`.
  public static func seal(
    _ entries: [Entry], passphrase: Passphrase, kdf: KDFParameters, createdAt: Date
  ) throws(SottoError) -> Data {
    try seal(entries, key: Key(passphrase: passphrase, kdf: kdf), createdAt: createdAt)
  }

  /// Seals `entries` into a backup under a key derived beforehand.
  public static func seal(
    _ entries: [Entry], key backupKey: Key, createdAt: Date
  ) throws(SottoError) -> Data {
    try seal(entries, key: { () throws(SottoError) in backupKey }, createdAt: createdAt)
  }

  /// Seals `entries` into a backup under the key `key` gives once the plaintext is written (a
  /// derivation running on another core meanwhile: ``BackgroundWork``).
  public static func seal(
    _ entries: [Entry], key: () throws(SottoError) -> Key, createdAt: Date
  ) throws(SottoError) -> Data {
    var out: [UInt8] = []
    try seal(entries, key: key, createdAt: createdAt) { (piece: [UInt8]) in
      out.append(contentsOf: piece)
    }
    return Data(out)
  }

  /// Seals `entries` as ``seal(_:key:createdAt:)`` does, handing the file to `write` in pieces
  /// of about a megabyte as they are encrypted (``PlaintextFile/write(to:overwrite:_:)``), so
  /// that the disk writes the first while the rest is encrypted.
  public static func seal(
    _ entries: [Entry], key: () throws(SottoError) -> Key, createdAt: Date,
    settings: JournalSettings? = nil,
    to write: ([UInt8]) throws(SottoError) -> Void
  ) throws(SottoError) {
    let bytes: [UInt8]
    do {
      bytes = try JournalExport.jsonBytes(entries, exportedAt: createdAt, settings: settings)
    } catch {
      throw SottoError(.invalidInput, error.description)
    }
    let backupKey = try key()
    let kdf = backupKey.kdf
    let stream = try Sodium.mapped { () throws(CryptoError) in
      try SecretStream.sealing(key: backupKey.key)
    }
    var writer = ByteWriter()
    writer.append(magic)
    writer.append(u32: version)
    writer.append(u32: UInt32(bitPattern: kdf.algorithm))
    writer.append(u64: kdf.opsLimit)
    writer.append(u64: kdf.memLimit)
    writer.append(backupKey.salt)
    writer.append(stream.header)
    let header = writer.bytes
    try write(header)
    // Chunks are encrypted into one reused buffer of `chunksPerPiece` chunks, which is then
    // written: no copy of the whole file, and the disk is busy while the rest is encrypted.
    let chunksPerPiece = 16
    var piece: [UInt8] = []
    piece.reserveCapacity(chunksPerPiece * (4 + chunkSize + SecretStream.overheadBytes))
    var offset = 0
    repeat {
      piece.removeAll(keepingCapacity: true)
      for _ in 0..<chunksPerPiece {
        let end = min(offset + chunkSize, bytes.count)
        let lengthAt = piece.count
        piece.append(contentsOf: [0, 0, 0, 0])
        let cipherLength = stream.push(
          bytes[offset..<end], final: end == bytes.count, associatedData: header,
          appendingTo: &piece)
        for (index, shift) in [24, 16, 8, 0].enumerated() {
          piece[lengthAt + index] = UInt8(truncatingIfNeeded: UInt32(cipherLength) >> shift)
        }
        offset = end
        if offset >= bytes.count { break }
      }
      try write(piece)
    } while offset < bytes.count
  }

  /// The KDF settings a backup asks for, checked against the bounds before anything else.
  public static func kdfParameters(of data: Data) throws(SottoError) -> KDFParameters {
    try parseHeader([UInt8](data.prefix(headerBytes))).kdf
  }

  /// Opens a backup and returns its entries; throws without returning anything on any damage.
  public static func open(_ data: Data, passphrase: Passphrase) throws(SottoError) -> [Entry] {
    try openChecked(data, passphrase: passphrase).all
  }

  /// Opens a backup as ``open(_:passphrase:)`` does, keeping what its checks found out for
  /// ``UnlockedJournal/fill(_:)-(CheckedEntries)``.
  public static func openChecked(
    _ data: Data, passphrase: Passphrase
  ) throws(SottoError) -> CheckedEntries {
    let header = try parseHeader([UInt8](data.prefix(Self.headerBytes)))
    let key = try Vault.deriveKEK(passphrase: passphrase, salt: header.salt, parameters: header.kdf)
    let opened = try Sodium.mapped { () throws(CryptoError) in
      try SecretStream.opening(key: key, header: header.streamHeader)
    }
    guard let stream = opened else { throw damaged("its stream header is invalid") }
    let headerBytes = [UInt8](data.prefix(Self.headerBytes))
    let overhead = SecretStream.overheadBytes
    // Each chunk is decrypted straight onto the end of one payload buffer: the chunks of a
    // 100,000-entry backup are some 20 MB, and an array per chunk plus copies cost more than
    // decrypting.
    let input = [UInt8](data)
    var payload: [UInt8] = []
    payload.reserveCapacity(max(0, input.count - Self.headerBytes))
    var chunkIndex = 0
    var sawFinal = false
    var offset = Self.headerBytes
    var failure: SottoError?
    while offset < input.count {
      guard !sawFinal else {
        failure = damaged("there are bytes after its final chunk")
        break
      }
      chunkIndex += 1
      guard input.count - offset >= 4 else {
        failure = damaged("chunk \(chunkIndex) is cut short or has an impossible length")
        break
      }
      let length = input[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
      offset += 4
      guard length >= overhead, length <= chunkSize + overhead, input.count - offset >= length
      else {
        failure = damaged("chunk \(chunkIndex) is cut short or has an impossible length")
        break
      }
      guard
        let final = stream.pull(
          input[offset..<offset + length], associatedData: headerBytes, appendingTo: &payload)
      else {
        failure =
          chunkIndex == 1
          ? SottoError(
            .wrongPassphrase,
            "The passphrase does not open this backup (or its first chunk was changed). "
              + "Nothing was restored.")
          : damaged("chunk \(chunkIndex) was changed, moved or replaced")
        break
      }
      offset += length
      if final { sawFinal = true }
    }
    if let failure { throw failure }
    guard sawFinal else { throw damaged("it ends before its final chunk (truncated)") }
    do {
      var checked = try JournalImport.sottoJSON(payload)
      checked.settings = JournalImport.settings(atEndOf: payload)
      return checked
    } catch {
      throw damaged("its contents could not be read")
    }
  }

  private struct Header {
    var kdf: KDFParameters
    var salt: [UInt8]
    var streamHeader: [UInt8]
  }

  private static func parseHeader(_ bytes: [UInt8]) throws(SottoError) -> Header {
    var reader = ByteReader(bytes)
    guard reader.read(count: 8) == magic else {
      throw SottoError(.notAJournal, "This file is not a Sotto backup. Nothing was restored.")
    }
    guard let version = reader.readU32(), let algorithm = reader.readU32(),
      let ops = reader.readU64(), let mem = reader.readU64(),
      let salt = reader.read(count: Vault.saltBytes), let stream = reader.read(count: 24)
    else { throw damaged("its header is cut short") }
    guard version <= Self.version else {
      throw SottoError(
        .newerFormat,
        "This backup was made by a newer version of Sotto (backup format \(version)). Update "
          + "Sotto to restore it. Nothing was restored.")
    }
    guard version >= 1 else { throw damaged("its version is unknown") }
    let kdf = KDFParameters(algorithm: Int32(bitPattern: algorithm), opsLimit: ops, memLimit: mem)
    do { try kdf.validate() } catch {
      throw damaged("its key derivation settings are out of bounds")
    }
    return Header(kdf: kdf, salt: salt, streamHeader: stream)
  }

  private static func damaged(_ detail: String) -> SottoError {
    SottoError(
      .damaged, "This backup is damaged or was tampered with: \(detail). Nothing was restored.")
  }
}
