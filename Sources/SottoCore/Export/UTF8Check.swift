import SottoModel

/// Finds the first byte that is not part of well-formed UTF-8 (RFC 3629: no overlong forms, no
/// surrogates, nothing above U+10FFFF), without building a `String`.
enum UTF8Check {
  /// The offset of the first invalid byte in `bytes`, or `nil` when all of it is valid UTF-8.
  static func firstInvalidOffset(_ bytes: Span<UInt8>) -> Int? {
    UTF8Validation.firstInvalidOffset(bytes)
  }

  /// The line (counted from 1) holding the first invalid byte, or `nil` when all is valid.
  static func firstInvalidLine(_ bytes: Span<UInt8>) -> Int? {
    guard let offset = firstInvalidOffset(bytes) else { return nil }
    var line = 1
    for index in 0..<offset where bytes[index] == 0x0A { line += 1 }
    return line
  }
}
