/// The random 16-byte identifier of a journal entry.
///
/// Ids are drawn at random (never counted up), so they reveal neither order nor number of entries.
/// People see them as 32 lowercase hex digits and may type any unique prefix of at least 6 digits.
public struct EntryID: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// The 16 raw bytes.
  public let bytes: [UInt8]

  /// The number of bytes in an id.
  public static let byteCount = 16

  /// Wraps 16 raw bytes; returns `nil` for any other length.
  public init?(bytes: [UInt8]) {
    guard bytes.count == Self.byteCount else { return nil }
    self.bytes = bytes
  }

  /// Parses 32 hex digits (either case); returns `nil` for anything else.
  public init?(hex: String) {
    guard let bytes = Hex.decode(hex), bytes.count == Self.byteCount else { return nil }
    self.bytes = bytes
  }

  /// The id as 32 lowercase hex digits.
  public var hex: String { Hex.encode(bytes) }

  /// The first 8 hex digits, enough to tell entries apart in a listing.
  public var short: String { String(hex.prefix(8)) }

  public var description: String { hex }

  public static func < (lhs: EntryID, rhs: EntryID) -> Bool {
    lhs.bytes.lexicographicallyPrecedes(rhs.bytes)
  }
}

/// Lowercase hexadecimal encoding, shared by ids and the file format.
public enum Hex {
  /// Encodes bytes as lowercase hex digits.
  public static func encode(_ bytes: some Sequence<UInt8>) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var out = [UInt8]()
    for byte in bytes {
      out.append(digits[Int(byte >> 4)])
      out.append(digits[Int(byte & 0x0f)])
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Decodes an even number of hex digits; returns `nil` on any other character.
  public static func decode(_ text: String) -> [UInt8]? {
    let utf8 = Array(text.utf8)
    guard utf8.count % 2 == 0 else { return nil }
    var out = [UInt8]()
    out.reserveCapacity(utf8.count / 2)
    var index = 0
    while index < utf8.count {
      guard let high = nibble(utf8[index]), let low = nibble(utf8[index + 1]) else { return nil }
      out.append(high << 4 | low)
      index += 2
    }
    return out
  }

  private static func nibble(_ c: UInt8) -> UInt8? {
    switch c {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
    default: return nil
    }
  }
}
