import SottoModel

/// Entry ids derived from the fields that identify a record in another app's export, so the same
/// record always gets the same id and importing a file twice adds nothing.
///
/// The id is two 64-bit FNV-1a hashes of the same fields under two different salts, written
/// big-endian one after the other (16 bytes). Each field is fed as its UTF-8 length (8 bytes,
/// little-endian) followed by its bytes, so field boundaries cannot shift. FNV is not a
/// cryptographic hash: the ids need only be stable and unlikely to collide, not unpredictable.
struct StableID {
  private var first = Hasher64(salt: "sotto-import-id-1")
  private var second = Hasher64(salt: "sotto-import-id-2")

  /// Starts an id for records of one source ("pw-journal").
  init(namespace: String) {
    add(namespace)
  }

  /// Adds one field.
  mutating func add(_ field: String) {
    first.addField(Array(field.utf8))
    second.addField(Array(field.utf8))
  }

  /// The 16-byte id.
  var id: EntryID {
    var bytes = [UInt8]()
    for value in [first.value, second.value] {
      for shift in stride(from: 56, through: 0, by: -8) {
        bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift)))
      }
    }
    return EntryID(bytes: bytes)!
  }

  struct Hasher64 {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    init() {}

    init(salt: String) {
      addField(Array(salt.utf8))
    }

    mutating func addField(_ bytes: [UInt8]) {
      var length = UInt64(bytes.count)
      for _ in 0..<8 {
        addByte(UInt8(truncatingIfNeeded: length))
        length >>= 8
      }
      addBytes(bytes)
    }

    /// Plain FNV-1a over `bytes`, without a length.
    mutating func addBytes(_ bytes: some Sequence<UInt8>) {
      for byte in bytes { addByte(byte) }
    }

    private mutating func addByte(_ byte: UInt8) {
      value ^= UInt64(byte)
      value = value &* 0x0000_0100_0000_01b3
    }
  }
}
