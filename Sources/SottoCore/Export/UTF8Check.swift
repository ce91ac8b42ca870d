import SottoModel

/// Finds the first byte that is not part of well-formed UTF-8 (RFC 3629: no overlong forms, no
/// surrogates, nothing above U+10FFFF), without building a `String`.
enum UTF8Check {
  /// The offset of the first invalid byte in `bytes`, or `nil` when all of it is valid UTF-8.
  static func firstInvalidOffset(_ bytes: UnsafeRawBufferPointer) -> Int? {
    UTF8Validation.firstInvalidOffset(bytes)
  }

  /// Whether all of `bytes` is valid UTF-8, checked one part per core (a restore's 20 MB).
  ///
  /// Each part is cut just before a byte that is not a continuation byte (`10xxxxxx`). When all
  /// is valid, a sequence starts there, so every part is valid; and parts that are each valid
  /// join into valid UTF-8. So the parts are all valid exactly when the whole is.
  static func isValid(_ bytes: UnsafeRawBufferPointer) -> Bool {
    let ranges = Parallel.ranges(count: bytes.count, serialBelow: 1 << 20)
    var valid = [Bool](repeating: false, count: ranges.count)
    nonisolated(unsafe) let bytes = bytes
    valid.withUnsafeMutableBufferPointer { buffer in
      nonisolated(unsafe) let results = buffer
      Parallel.forEachRange(count: bytes.count, serialBelow: 1 << 20) { worker, range in
        // The first byte at or after `offset` that can start a sequence; the same rule in
        // every worker, so the parts tile the buffer.
        func cut(_ offset: Int) -> Int {
          var offset = offset
          while offset < bytes.count, bytes[offset] & 0xC0 == 0x80 { offset += 1 }
          return offset
        }
        let start = range.lowerBound == 0 ? 0 : cut(range.lowerBound)
        let end = cut(range.upperBound)
        results[worker] =
          start >= end
          || UTF8Validation.firstInvalidOffset(UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
            == nil
      }
    }
    return !valid.contains(false)
  }

  /// The line (counted from 1) holding the first invalid byte, or `nil` when all is valid.
  static func firstInvalidLine(_ bytes: UnsafeRawBufferPointer) -> Int? {
    guard let offset = firstInvalidOffset(bytes) else { return nil }
    var line = 1
    for index in 0..<offset where bytes[index] == 0x0A { line += 1 }
    return line
  }
}
