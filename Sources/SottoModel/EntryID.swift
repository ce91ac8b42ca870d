/// The random 16-byte identifier of a journal entry.
///
/// Ids are drawn at random (never counted up), so they reveal neither order nor number of entries.
/// People see them as 32 lowercase hex digits and may type any unique prefix of at least 6 digits.
public struct EntryID: Hashable, Sendable, Comparable, CustomStringConvertible {
  // Two words instead of an array: an id is decoded, hashed and compared for every record of
  // every unlock, and an array costs an allocation and reference counting each time.
  private let high: UInt64
  private let low: UInt64

  /// The number of bytes in an id.
  public static let byteCount = 16

  /// Wraps 16 raw bytes; returns `nil` for any other length.
  public init?(bytes: [UInt8]) {
    guard let id = EntryID(raw: bytes.span) else { return nil }
    self = id
  }

  /// Wraps 16 raw bytes; returns `nil` for any other length.
  public init?(raw bytes: Span<UInt8>) {
    guard bytes.count == Self.byteCount else { return nil }
    var high: UInt64 = 0
    var low: UInt64 = 0
    for index in 0..<8 {
      high = high << 8 | UInt64(bytes[index])
      low = low << 8 | UInt64(bytes[index + 8])
    }
    self.high = high
    self.low = low
  }

  /// Parses 32 hex digits (either case); returns `nil` for anything else.
  public init?(hex: String) {
    guard let id = EntryID(hexDigits: hex.utf8.span) else { return nil }
    self = id
  }

  /// Parses 32 hex digits given as UTF-8 bytes (either case); `nil` for anything else.
  public init?(hexDigits: Span<UInt8>) {
    guard hexDigits.count == 2 * Self.byteCount else { return nil }
    var high: UInt64 = 0
    var low: UInt64 = 0
    for index in 0..<16 {
      guard let top = Hex.nibble(hexDigits[index]), let bottom = Hex.nibble(hexDigits[index + 16])
      else { return nil }
      high = high << 4 | UInt64(top)
      low = low << 4 | UInt64(bottom)
    }
    self.high = high
    self.low = low
  }

  /// The 16 raw bytes.
  public var bytes: [UInt8] {
    var out = [UInt8](repeating: 0, count: Self.byteCount)
    for index in 0..<8 {
      out[index] = UInt8(truncatingIfNeeded: high >> UInt64(56 - 8 * index))
      out[index + 8] = UInt8(truncatingIfNeeded: low >> UInt64(56 - 8 * index))
    }
    return out
  }

  /// Appends the 16 raw bytes to `bytes`, without an array of their own (for the associated
  /// data of every record sealed).
  public func appendBytes(to bytes: inout [UInt8]) {
    for index in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: high >> UInt64(56 - 8 * index))) }
    for index in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: low >> UInt64(56 - 8 * index))) }
  }

  /// Whether `other` holds this id's 16 bytes.
  public func matches(_ other: Span<UInt8>) -> Bool {
    EntryID(raw: other) == self
  }

  /// Appends the 32 lowercase hex digits of the id to `bytes`.
  public func appendHex(to bytes: inout [UInt8]) {
    for index in 0..<2 * Self.byteCount { bytes.append(hexDigit(index)) }
  }

  /// Hex digit `index` (0 to 31) of the id, lowercase.
  private func hexDigit(_ index: Int) -> UInt8 {
    let word = index < 16 ? high : low
    return Hex.digit(UInt8(truncatingIfNeeded: word >> UInt64(60 - 4 * (index & 15))) & 0xF)
  }

  /// The id as 32 lowercase hex digits.
  public var hex: String {
    var digits: [UInt8] = []
    digits.reserveCapacity(2 * Self.byteCount)
    appendHex(to: &digits)
    return String(decoding: digits, as: UTF8.self)
  }

  /// The first 8 hex digits, enough to tell entries apart in a listing.
  public var short: String { String(hex.prefix(8)) }

  public var description: String { hex }

  public static func < (lhs: EntryID, rhs: EntryID) -> Bool {
    (lhs.high, lhs.low) < (rhs.high, rhs.low)
  }
}

/// Lowercase hexadecimal encoding, shared by ids and the file format.
public enum Hex {
  /// Encodes bytes as lowercase hex digits.
  public static func encode(_ bytes: some Sequence<UInt8>) -> String {
    var out = [UInt8]()
    out.reserveCapacity(bytes.underestimatedCount * 2)
    for byte in bytes {
      out.append(digit(byte >> 4))
      out.append(digit(byte & 0x0f))
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

  /// The lowercase hex digit of a value from 0 to 15.
  static func digit(_ value: UInt8) -> UInt8 {
    value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
  }

  static func nibble(_ c: UInt8) -> UInt8? {
    switch c {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
    default: return nil
    }
  }
}
