internal import CSodium

/// libsodium's one-time set-up.
public enum CryptoLibrary {
  /// Initialises libsodium once; safe to call from any thread, any number of times.
  public static func ensureInitialized() throws(CryptoError) {
    if initialized { return }
    throw CryptoError(.libraryUnavailable)
  }

  private static let initialized: Bool = sodium_init() >= 0
}

/// The operating system's secure random source (`randombytes_buf`).
public enum SecureRandom {
  /// `count` random bytes.
  public static func bytes(_ count: Int) -> [UInt8] {
    var bytes = [UInt8](repeating: 0, count: count)
    fill(&bytes)
    return bytes
  }

  /// Overwrites all of `bytes` with random bytes.
  public static func fill(_ bytes: inout [UInt8]) {
    bytes.withUnsafeMutableBytes { fill($0) }
  }

  /// Overwrites all of `buffer` with random bytes.
  public static func fill(_ buffer: UnsafeMutableRawBufferPointer) {
    guard let base = buffer.baseAddress else { return }
    randombytes_buf(base, buffer.count)
  }
}

/// Zeroing that the compiler cannot remove (`sodium_memzero`).
public enum SecureMemory {
  /// Zeroes every byte of `bytes`, in its own storage.
  public static func zero(_ bytes: inout [UInt8]) {
    bytes.withUnsafeMutableBytes { zero($0) }
  }

  /// Zeroes every byte of `buffer`.
  public static func zero(_ buffer: UnsafeMutableRawBufferPointer) {
    guard let base = buffer.baseAddress else { return }
    sodium_memzero(base, buffer.count)
  }
}
