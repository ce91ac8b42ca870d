/// Strict UTF-8 validation (Unicode 15, table 3-7): no overlong forms, no surrogates, nothing
/// above U+10FFFF, no truncated sequence.
///
/// The standard library validates only through generic entry points whose metadata lookups
/// take a runtime lock; the JSON reader calls this on every non-ASCII string from many threads.
public enum UTF8Validation {
  /// The offset of the first byte that does not start a valid sequence, or `nil` when all of
  /// `bytes` is valid UTF-8.
  public static func firstInvalidOffset(_ bytes: Span<UInt8>) -> Int? {
    var index = 0
    let count = bytes.count
    while index < count {
      let lead = bytes[index]
      if lead < 0x80 {
        index += 1
        continue
      }
      // The allowed range of the second byte depends on the lead (table 3-7).
      let length: Int
      var low: UInt8 = 0x80
      var high: UInt8 = 0xBF
      switch lead {
      case 0xC2...0xDF: length = 2
      case 0xE0:
        length = 3
        low = 0xA0
      case 0xE1...0xEC, 0xEE...0xEF: length = 3
      case 0xED:
        length = 3
        high = 0x9F
      case 0xF0:
        length = 4
        low = 0x90
      case 0xF1...0xF3: length = 4
      case 0xF4:
        length = 4
        high = 0x8F
      default: return index
      }
      guard count - index >= length else { return index }
      let second = bytes[index + 1]
      guard second >= low, second <= high else { return index }
      for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 { return index }
      index += length
    }
    return nil
  }
}
