internal import CSodium

/// BLAKE2b (`crypto_generichash`), unkeyed: the digests the manifest keeps of records.
public enum BLAKE2b {
  /// The 16-byte digest of `input`, as two big-endian words (the first 8 bytes, then the
  /// rest), without an array: one is made of every record read.
  public static func digest128(_ input: Span<UInt8>) -> (high: UInt64, low: UInt64) {
    var words: (UInt64, UInt64) = (0, 0)
    // Safe: the output is the 16 bytes of `words`, and crypto_generichash writes exactly the
    // length it is given; the input pointer is borrowed from the span for the call.
    withUnsafeMutableBytes(of: &words) { output in
      input.withUnsafeBufferPointer { input in
        _ = crypto_generichash(
          output.baseAddress!.assumingMemoryBound(to: UInt8.self), 16, input.baseAddress,
          UInt64(input.count), nil, 0)
      }
    }
    return (UInt64(bigEndian: words.0), UInt64(bigEndian: words.1))
  }

  /// The digest of `input`, `count` bytes long (16 to 64).
  public static func digest(_ input: [UInt8], count: Int) -> [UInt8] {
    precondition((16...64).contains(count))
    var output = [UInt8](repeating: 0, count: count)
    // Safe: `output` holds `count` bytes, the length crypto_generichash is told to write.
    _ = crypto_generichash(&output, count, input, UInt64(input.count), nil, 0)
    return output
  }
}
