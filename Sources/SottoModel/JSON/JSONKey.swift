/// An object key as the JSON reader hands it over: keys of up to 16 bytes are kept as two words
/// and matched against `case "name":` literals without making a `String`.
///
/// Every record of every unlock holds about fifteen keys; making a `String` of each and
/// comparing it with each `case` cost more than the rest of the reading.
public struct JSONKey: Equatable, Sendable, CustomStringConvertible {
  private var words: (UInt64, UInt64) = (0, 0)
  private var count = 0
  /// Keys longer than 16 bytes.
  private var long: String?

  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    count = bytes.count
    if bytes.count > 16 {
      long = String(decoding: bytes, as: UTF8.self)
    } else {
      words = Self.pack(bytes)
    }
  }

  init(_ text: String) {
    var text = text
    self = text.withUTF8 { JSONKey($0) }
  }

  /// The bytes (at most 16) laid into two words; the unused bytes stay zero.
  private static func pack(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
    var words: (UInt64, UInt64) = (0, 0)
    withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: UnsafeRawBufferPointer(bytes)) }
    return words
  }

  /// The key as text.
  public var description: String {
    if let long { return long }
    return withUnsafeBytes(of: words) { raw in
      String(decoding: raw.prefix(count), as: UTF8.self)
    }
  }

  public static func == (lhs: JSONKey, rhs: JSONKey) -> Bool {
    lhs.count == rhs.count && lhs.words == rhs.words && lhs.long == rhs.long
  }

  /// Matches a `case "name":` pattern.
  public static func ~= (pattern: StaticString, key: JSONKey) -> Bool {
    // `withUTF8Buffer`, not `utf8Start`: a one-character literal has no pointer.
    pattern.withUTF8Buffer { bytes in
      guard bytes.count == key.count else { return false }
      if let long = key.long { return long.utf8.elementsEqual(bytes) }
      return pack(bytes) == key.words
    }
  }
}
