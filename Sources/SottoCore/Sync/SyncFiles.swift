import SottoCrypto
import SottoModel

/// A sync folder's key file: the folder key, wrapped under the folder passphrase with
/// Argon2id (Docs/SYNC.md, "Key files").
///
/// Fixed layout, 152 bytes: `"SOTTOKEY"` || version u32 || folder id (16) || key id (16) ||
/// kdf algorithm u32 || opslimit u64 || memlimit u64 || salt (16) || nonce (24) ||
/// XChaCha20-Poly1305(folder key, ad = the 104 bytes before it).
struct FolderKeyFile {
  static let magic: StaticString = "SOTTOKEY"
  static let version: UInt32 = 1
  static let byteCount = 152
  private static let sealedOffset = 104

  var folderID: [UInt8]
  var keyID: [UInt8]
  var kdf: KDFParameters
  var salt: [UInt8]
  var nonce: [UInt8]
  var wrapped: [UInt8]
  /// Its content name in `keys/`, when it was read from there.
  var name: String?

  /// The bytes the wrapped key is bound to.
  private var associatedData: [UInt8] {
    var writer = ByteWriter()
    writer.append(Self.magic)
    writer.append(u32: Self.version)
    writer.append(folderID)
    writer.append(keyID)
    writer.append(u32: UInt32(bitPattern: kdf.algorithm))
    writer.append(u64: kdf.opsLimit)
    writer.append(u64: kdf.memLimit)
    writer.append(salt)
    writer.append(nonce)
    return writer.bytes
  }

  /// The file's bytes.
  var bytes: [UInt8] { associatedData + wrapped }

  /// Wraps `folderKey` under `passphrase` (the slow step: one Argon2id derivation).
  init(
    folderKey: SecureBytes, folderID: [UInt8], keyID: [UInt8], passphrase: Passphrase,
    kdf: KDFParameters
  ) throws(SottoError) {
    self.folderID = folderID
    self.keyID = keyID
    self.kdf = kdf
    salt = SecureRandom.bytes(Vault.saltBytes)
    nonce = SecureRandom.bytes(Vault.nonceBytes)
    wrapped = []
    let wrapping = try Vault.deriveKEK(passphrase: passphrase, salt: salt, parameters: kdf)
    let associatedData = self.associatedData
    wrapped = AEAD.seal(
      secret: folderKey, nonce: nonce, associatedData: associatedData, key: wrapping)
  }

  /// Reads a key file (`name`: its content name in `keys/`, when read from there); `nil`
  /// unless it has the layout above and Sotto's KDF bounds.
  init?(parsing bytes: [UInt8], name: String? = nil) {
    guard bytes.count == Self.byteCount else { return nil }
    var reader = ByteReader(bytes)
    guard reader.read(count: 8) == Array("SOTTOKEY".utf8), reader.readU32() == Self.version,
      let folderID = reader.read(count: 16), let keyID = reader.read(count: 16),
      let algorithm = reader.readU32(), let ops = reader.readU64(), let mem = reader.readU64(),
      let salt = reader.read(count: Vault.saltBytes),
      let nonce = reader.read(count: Vault.nonceBytes),
      let wrapped = reader.read(count: Vault.keyBytes + Vault.tagBytes)
    else { return nil }
    let kdf = KDFParameters(algorithm: Int32(bitPattern: algorithm), opsLimit: ops, memLimit: mem)
    guard (try? kdf.validate()) != nil else { return nil }
    self.folderID = folderID
    self.keyID = keyID
    self.kdf = kdf
    self.salt = salt
    self.nonce = nonce
    self.wrapped = wrapped
    self.name = name
  }

  /// The folder key; `nil` when `passphrase` is not the folder's.
  func open(passphrase: Passphrase) throws(SottoError) -> SecureBytes? {
    let wrapping = try Vault.deriveKEK(passphrase: passphrase, salt: salt, parameters: kdf)
    return try Vault.openSecret(
      nonce: nonce, ciphertext: wrapped, key: wrapping, associatedData: associatedData)
  }
}

/// One entry's versions as a change file carries them.
struct SyncedEntry: Equatable {
  var id: EntryID
  /// The versions, each on its own (none carries ``RecordVersion/others``).
  var versions: [RecordVersion]
}

/// The plaintext of a change file: who wrote it, its number among that device's files, and
/// the versions it carries.
struct ChangeSet: Equatable {
  var author: UInt64
  var seq: UInt64
  var entries: [SyncedEntry]
  /// A snapshot's (`sync compact`): for each device, the highest file number folded into it;
  /// empty for an ordinary change file.
  var covers: [UInt64: UInt64] = [:]
}

/// Change files: the only thing Sotto writes into a sync folder's `data/` besides key files
/// (Docs/SYNC.md, "Change files").
///
/// `"SOTTOSYN"` || version u32 || folder id (16) || key id (16) || nonce (24) ||
/// XChaCha20-Poly1305(padded JSON, ad = the 68 bytes before it, key = the folder key).
/// The plaintext is `{"author":…,"entries":[{"id":…,"versions":[…]}],"seq":…,"v":1}`, padded
/// with libsodium's padding to the next power of two of at least 4,096 bytes, and above 1 MiB
/// to the next whole MiB (a snapshot of a large journal).
enum ChangeFile {
  static let magic: StaticString = "SOTTOSYN"
  static let version: UInt32 = 1
  /// The plaintext's `v`: 2 since Sotto 0.4 leaves out what the file says elsewhere (an
  /// entry's id, its author's device id); 1 is still read.
  static let plaintextVersion: Int64 = 2
  static let headerBytes = 68
  static let minimumPaddedBytes = 4096
  /// Larger files are refused unread: 256 MiB holds about 800,000 entries.
  static let maximumBytes = 256 << 20
  /// More versions than any entry can hold at once.
  static let maxVersionsPerEntry = RecordCodec.maxVersions

  /// Why a file in `data/` is not applied.
  enum Refusal: Error, Equatable, CustomStringConvertible {
    case notAChangeFile
    case otherFolder
    case otherKey
    case failsAuthentication
    case malformed
    case newerVersion
    case tooLarge

    var description: String {
      switch self {
      case .notAChangeFile: "is not a Sotto change file"
      case .otherFolder: "belongs to another sync folder"
      case .otherKey: "is sealed under a key this device does not hold"
      case .failsAuthentication: "fails authentication: it was changed or forged"
      case .malformed: "authenticates but its contents are malformed"
      case .newerVersion: "was written by a newer Sotto: update Sotto on this device to read it"
      case .tooLarge: "is larger than Sotto ever writes"
      }
    }
  }

  static func header(folderID: [UInt8], keyID: [UInt8], nonce: [UInt8]) -> [UInt8] {
    var writer = ByteWriter()
    writer.append(magic)
    writer.append(u32: version)
    writer.append(folderID)
    writer.append(keyID)
    writer.append(nonce)
    return writer.bytes
  }

  /// The padded size of a plaintext of `count` bytes: the smallest power of two of at least
  /// 4,096 above it, or above 1 MiB the next whole MiB (so a snapshot wastes under 1 MiB).
  static func paddedSize(for count: Int) -> Int {
    let mebibyte = 1 << 20
    guard count < mebibyte else { return (count / mebibyte + 1) * mebibyte }
    var size = minimumPaddedBytes
    while size <= count { size *= 2 }
    return size
  }

  /// Seals `changes` for the folder.
  static func seal(
    _ changes: ChangeSet, folderID: [UInt8], keyID: [UInt8], key: SecureBytes
  ) -> [UInt8] {
    var json = encode(changes)
    defer { SecureMemory.zero(&json) }
    return seal(json: json, folderID: folderID, keyID: keyID, key: key)
  }

  /// The plaintext JSON of `changes`, before padding.
  static func encode(_ changes: ChangeSet) -> [UInt8] {
    var writer = JSONWriter()
    writer.beginObject()
    writer.key("author")
    writer.string(RecordCodec.hex(word: changes.author))
    if !changes.covers.isEmpty {
      writer.key("covers")
      writer.beginObject()
      for (device, seq) in changes.covers.sorted(by: { $0.key < $1.key }) {
        writer.key(plain: RecordCodec.hex(word: device))
        writer.int(Int64(seq))
      }
      writer.endObject()
    }
    writer.key("entries")
    writer.beginArray()
    for entry in changes.entries {
      writer.beginObject()
      // The id is in every entry a version carries; only an entry of deletions needs it.
      if entry.versions.allSatisfy({ $0.entry == nil }) {
        writer.key("id")
        writer.string(entry.id.hex)
      }
      writer.key("versions")
      writer.beginArray()
      for version in entry.versions {
        RecordCodec.write(version, to: &writer, author: changes.author)
      }
      writer.endArray()
      writer.endObject()
    }
    writer.endArray()
    writer.key("seq")
    writer.int(Int64(changes.seq))
    writer.key("v")
    writer.int(plaintextVersion)
    writer.endObject()
    return writer.bytes
  }

  /// Pads and seals a change file's plaintext `json` under the folder key.
  static func seal(json: [UInt8], folderID: [UInt8], keyID: [UInt8], key: SecureBytes)
    -> [UInt8]
  {
    var plaintext = Sodium.pad(json, block: paddedSize(for: json.count))
    defer { SecureMemory.zero(&plaintext) }
    let nonce = SecureRandom.bytes(Vault.nonceBytes)
    let header = header(folderID: folderID, keyID: keyID, nonce: nonce)
    return header + AEAD.seal(plaintext, nonce: nonce, associatedData: header, key: key)
  }

  /// Opens a change file of this folder; a refusal says why not, by kind (never with content).
  static func open(
    _ bytes: [UInt8], folderID: [UInt8], keyID: [UInt8], key: SecureBytes
  ) -> Result<ChangeSet, Refusal> {
    guard bytes.count <= maximumBytes else { return .failure(.tooLarge) }
    guard bytes.count >= headerBytes + Vault.tagBytes + minimumPaddedBytes,
      Array(bytes[0..<8]) == Array("SOTTOSYN".utf8),
      Array(bytes[8..<12]) == [0, 0, 0, 1]
    else { return .failure(.notAChangeFile) }
    guard Array(bytes[12..<28]) == folderID else { return .failure(.otherFolder) }
    guard Array(bytes[28..<44]) == keyID else { return .failure(.otherKey) }
    let header = Array(bytes[0..<headerBytes])
    let nonce = Array(bytes[44..<headerBytes])
    let ciphertext = Array(bytes[headerBytes...])
    guard
      var plaintext = Vault.open(
        nonce: nonce, ciphertext: ciphertext, key: key, associatedData: header)
    else { return .failure(.failsAuthentication) }
    defer { SecureMemory.zero(&plaintext) }
    guard
      let length = Sodium.unpaddedLength(
        plaintext, count: plaintext.count, block: plaintext.count),
      plaintext.count == paddedSize(for: length)
    else { return .failure(.malformed) }
    return decode(plaintext, count: length)
  }

  /// Reads the JSON of a change file (`v` 1 or 2); refuses anything malformed, an entry whose
  /// versions name another id, one listed twice, and a later `v`.
  ///
  /// An entry's `id` may be left out when a version carries the entry, and a version's
  /// `device` when it is the `author` (which the sorted keys put before `entries`): `v` 2
  /// leaves them out, and `v` 1 files always have them.
  static func decode(_ bytes: [UInt8], count: Int) -> Result<ChangeSet, Refusal> {
    var reader = JSONReader(bytes, count: count)
    var author: UInt64?
    var seq: Int64?
    var fileVersion: Int64?
    var entries: [SyncedEntry] = []
    var covers: [UInt64: UInt64] = [:]
    var malformed = false
    do {
      try reader.readObject { reader, key throws(JSONReader.Failure) in
        switch key {
        case "author": author = try reader.readString(parsing: RecordCodec.word(hexDigits:))
        case "covers":
          let wellFormed = try RecordCodec.readDeviceMap(&reader, into: &covers) {
            reader throws(JSONReader.Failure) in
            let seq = try reader.readInt()
            return seq >= 1 ? UInt64(seq) : nil
          }
          if !wellFormed { malformed = true }
        case "seq": seq = try reader.readInt()
        case "v": fileVersion = try reader.readInt()
        case "entries":
          try reader.readArray { reader throws(JSONReader.Failure) in
            var id: EntryID?
            var versions: [RecordVersion] = []
            try reader.readObject { reader, key throws(JSONReader.Failure) in
              switch key {
              case "id": id = try reader.readString(parsing: { EntryID(hexDigits: $0) })
              case "versions":
                try reader.readArray { reader throws(JSONReader.Failure) in
                  if versions.count < maxVersionsPerEntry,
                    let version = try RecordCodec.readVersion(
                      &reader, author: author)
                  {
                    versions.append(version)
                  } else {
                    malformed = true
                    try reader.skipValue()
                  }
                }
              default: try reader.skipValue()
              }
            }
            // A closure, not the key path `\.entry?.id`: AddressSanitizer finds the runtime's
            // projection of that optional-chained path copying between overlapping ranges.
            let shown = versions.lazy.compactMap { $0.entry?.id }.first
            guard let id = id ?? shown, !versions.isEmpty,
              versions.allSatisfy({ $0.entry == nil || $0.entry!.id == id })
            else {
              malformed = true
              return
            }
            entries.append(SyncedEntry(id: id, versions: versions))
          }
        default: try reader.skipValue()
        }
      }
      try reader.expectEnd()
    } catch {
      return .failure(.malformed)
    }
    if let fileVersion, fileVersion > Self.plaintextVersion {
      return .failure(.newerVersion)
    }
    guard !malformed, fileVersion == 1 || fileVersion == 2, let author, let seq,
      seq >= 1, Set(entries.map(\.id)).count == entries.count
    else { return .failure(.malformed) }
    return .success(
      ChangeSet(author: author, seq: UInt64(seq), entries: entries, covers: covers))
  }
}
