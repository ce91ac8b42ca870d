/// An object key as the JSON reader hands it over: keys of up to 16 bytes are kept as two words
/// and matched against `case "name":` literals without making a `String`.
///
/// Every record of every unlock holds about fifteen keys; making a `String` of each and
/// comparing it with each `case` cost more than the rest of the reading.
///
/// The key is plain data (no `String` inside): it is made and handed to a closure for every
/// field of every record, and a reference inside cost a retain and a release each time.
/// Longer keys keep their first 16 bytes, their length and a hash of all their bytes; no key
/// Sotto reads is that long, so they only ever reach a `default:` case.
public struct JSONKey: Equatable, Sendable, CustomStringConvertible {
  private var words: (UInt64, UInt64) = (0, 0)
  private var count = 0
  /// FNV-1a of every byte, for keys longer than 16 bytes; 0 otherwise.
  private var longHash: UInt64 = 0

  init(_ bytes: Span<UInt8>) {
    count = bytes.count
    words = Self.pack(bytes)
    if bytes.count > 16 {
      var hash: UInt64 = 0xcbf2_9ce4_8422_2325
      for index in bytes.indices { hash = (hash ^ UInt64(bytes[index])) &* 0x100_0000_01b3 }
      longHash = hash
    }
  }

  init(_ text: String) {
    self = JSONKey(text.utf8.span)
  }

  /// The first 16 bytes laid into two words, byte `i` at bits `8 * (i % 8)` of word `i / 8`
  /// (the bytes in memory order on a little-endian machine); the unused bytes stay zero.
  private static func pack(_ bytes: Span<UInt8>) -> (UInt64, UInt64) {
    var words: (UInt64, UInt64) = (0, 0)
    let count = min(bytes.count, 16)
    var index = 0
    while index < min(count, 8) {
      words.0 |= UInt64(bytes[index]) << UInt64(8 * index)
      index += 1
    }
    while index < count {
      words.1 |= UInt64(bytes[index]) << UInt64(8 * (index - 8))
      index += 1
    }
    return words
  }

  /// The key's bytes when it is at most 16 bytes long (a key that names something, such as a
  /// device id in hex); `nil` for a longer key, whose bytes are not kept.
  public var shortBytes: [UInt8]? {
    count <= 16 ? (0..<count).map(byte) : nil
  }

  /// The key as text (its first 16 bytes and an ellipsis when longer).
  public var description: String {
    let prefix = String(decoding: (0..<min(count, 16)).map(byte), as: UTF8.self)
    return count > 16 ? prefix + "…" : prefix
  }

  /// Byte `index` (below 16) of the key, as ``pack(_:)`` laid it.
  private func byte(_ index: Int) -> UInt8 {
    UInt8(truncatingIfNeeded: (index < 8 ? words.0 : words.1) >> UInt64(8 * (index & 7)))
  }

  public static func == (lhs: JSONKey, rhs: JSONKey) -> Bool {
    lhs.count == rhs.count && lhs.words == rhs.words && lhs.longHash == rhs.longHash
  }

  /// Matches a `case "name":` pattern of at most 16 bytes; a longer key matches no pattern.
  public static func ~= (pattern: StaticString, key: JSONKey) -> Bool {
    // `withUTF8Buffer`, not `utf8Start`: a one-character literal has no pointer.
    pattern.withUTF8Buffer { bytes in
      precondition(bytes.count <= 16, "JSONKey patterns are at most 16 bytes")
      return bytes.count == key.count && pack(bytes.span) == key.words
    }
  }
}
