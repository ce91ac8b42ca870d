internal import CSodium

/// BLAKE2b (`crypto_generichash`), unkeyed: the digests the manifest keeps of records.
public enum BLAKE2b {
  /// Writes the digest of `input` into `output`, whose length (16 to 64 bytes) is the
  /// digest's length.
  public static func hash(
    _ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer
  ) {
    precondition((16...64).contains(output.count))
    _ = crypto_generichash(
      output.baseAddress!.assumingMemoryBound(to: UInt8.self), output.count,
      input.baseAddress?.assumingMemoryBound(to: UInt8.self), UInt64(input.count), nil, 0)
  }

  /// The digest of `input`, `count` bytes long (16 to 64).
  public static func digest(_ input: [UInt8], count: Int) -> [UInt8] {
    var output = [UInt8](repeating: 0, count: count)
    input.withUnsafeBytes { input in output.withUnsafeMutableBytes { hash(input, into: $0) } }
    return output
  }
}
